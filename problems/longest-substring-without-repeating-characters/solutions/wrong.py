class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        last = {}
        start = 0
        best = 0
        for i, c in enumerate(s):
            if c in last:
                # Bug: the window start can move backwards to a character that already left the window
                # ("abba" gives 3 instead of 2).
                start = last[c] + 1
            last[c] = i
            best = max(best, i - start + 1)
        return best
