# Correct but exponential: the plain recursion recomputes the same subproblems (about 1.6^n calls).
class Solution:
    def climbStairs(self, n: int) -> int:
        if n <= 2:
            return n
        return self.climbStairs(n - 1) + self.climbStairs(n - 2)
