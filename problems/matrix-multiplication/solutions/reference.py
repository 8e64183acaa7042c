class Solution:
    def matmul(self, a: List[List[float]], b: List[List[float]]) -> List[List[float]]:
        m, n, p = len(a), len(b), len(b[0])
        result = [[0.0] * p for _ in range(m)]
        for i in range(m):
            for j in range(p):
                total = 0.0
                for k in range(n):
                    total += a[i][k] * b[k][j]
                result[i][j] = total
        return result
