class Solution:
    def maxProfit(self, prices: List[int]) -> int:
        # Bug: always buys at the global minimum, but the best buying day need not be the cheapest one
        # (prices = [2,4,1] gives 0 instead of 2).
        buy = prices.index(min(prices))
        return max(prices[buy:]) - prices[buy]
