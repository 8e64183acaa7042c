class Solution:
    def maxProfit(self, prices: List[int]) -> int:
        best = 0
        lowest = prices[0]
        for p in prices:
            if p < lowest:
                lowest = p
            elif p - lowest > best:
                best = p - lowest
        return best
