class Solution {
    public long climbStairs(int n) {
        long prev = 1, cur = 1; // ways to reach step 0 and step 1
        for (int i = 1; i < n; i++) {
            long next = prev + cur;
            prev = cur;
            cur = next;
        }
        return cur;
    }
}
