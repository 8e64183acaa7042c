class Solution:
    def matmul(self, a: List[List[float]], b: List[List[float]]) -> List[List[float]]:
        m, n, p = len(a), len(b), len(b[0])
        # Bug: list multiplication makes all m rows the same list object.
        result = [[0.0] * p] * m
        for i in range(m):
            for k in range(n):
                for j in range(p):
                    result[i][j] += a[i][k] * b[k][j]
        return result
