public class Solution {
    public int MaxProfit(int[] prices) {
        int best = 0, low = int.MaxValue;
        foreach (int p in prices) {
            low = Math.Min(low, p);
            best = Math.Max(best, p - low);
        }
        return best;
    }
}
