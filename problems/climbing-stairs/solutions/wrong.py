# Bug: off by one: the loop runs one time too few, so it returns the count for n - 1 stairs.
class Solution:
    def climbStairs(self, n: int) -> int:
        a, b = 1, 1
        for _ in range(n - 1):
            a, b = b, a + b
        return a
