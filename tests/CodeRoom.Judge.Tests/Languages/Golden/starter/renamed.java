class Solution {
    public int maxProfit(List<Integer> prices) {
        
    }
}
