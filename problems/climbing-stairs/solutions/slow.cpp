// Correct but exponential: the plain recursion recomputes the same subproblems (about 1.6^n calls).
class Solution {
public:
    long long climbStairs(int n) {
        if (n <= 2) return n;
        return climbStairs(n - 1) + climbStairs(n - 2);
    }
};
