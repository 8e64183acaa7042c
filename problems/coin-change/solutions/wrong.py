# Bug: greedy, always taking the largest coin that still fits. Right for coin systems like
# [1, 2, 5], wrong for [1, 3, 4] and 6 (4 + 1 + 1 instead of 3 + 3), and it can miss a
# solution altogether ([3, 5] and 9).
class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        count = 0
        for coin in sorted(coins, reverse=True):
            count += amount // coin
            amount %= coin
        return count if amount == 0 else -1
