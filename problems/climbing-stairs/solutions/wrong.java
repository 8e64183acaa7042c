// Bug: the DP runs in int, which overflows from n = 46 on (the answer is widened too late).
class Solution {
    public long climbStairs(int n) {
        int prev = 1, cur = 1;
        for (int i = 1; i < n; i++) {
            int next = prev + cur;
            prev = cur;
            cur = next;
        }
        return cur;
    }
}
