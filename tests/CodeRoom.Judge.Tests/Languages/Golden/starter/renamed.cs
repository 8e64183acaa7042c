public class Solution {
    public int MaxProfit(IList<int> prices) {
        
    }
}
