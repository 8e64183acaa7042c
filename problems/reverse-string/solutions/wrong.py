# Bug: off by one in the loop bound: for an even length the last step swaps the two middle
# characters back, so they stay in their original order.
class Solution:
    def reverseString(self, s: List[str]) -> None:
        """
        Do not return anything, modify s in-place instead.
        """
        n = len(s)
        for i in range(n // 2 + 1):
            s[i], s[n - 1 - i] = s[n - 1 - i], s[i]
