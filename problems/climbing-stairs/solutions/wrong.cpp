// Bug: the DP table is 32-bit, which wraps from n = 47 on. (With int, the overflow from n = 46 on is undefined
// behaviour, which UBSan reports as a runtime error, as LeetCode does: unsigned wraps silently into a wrong answer.)
class Solution {
public:
    long long climbStairs(int n) {
        vector<unsigned> dp(n + 1);
        dp[0] = 1;
        dp[1] = 1;
        for (int i = 2; i <= n; i++) {
            dp[i] = dp[i - 1] + dp[i - 2];
        }
        return dp[n];
    }
};
