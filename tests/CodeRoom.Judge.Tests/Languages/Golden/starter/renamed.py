class Solution:
    def max_profit(self, prices: List[int]) -> int:
        pass
