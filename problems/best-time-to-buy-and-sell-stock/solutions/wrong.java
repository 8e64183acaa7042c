class Solution {
    public int maxProfit(int[] prices) {
        // Bug: ignores that the stock must be bought before it is sold.
        int lowest = Integer.MAX_VALUE, highest = Integer.MIN_VALUE;
        for (int p : prices) {
            lowest = Math.min(lowest, p);
            highest = Math.max(highest, p);
        }
        return highest - lowest;
    }
}
