class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        # Checks every substring.
        best = 0
        n = len(s)
        for i in range(n):
            for j in range(i + 1, n + 1):
                if len(set(s[i:j])) == j - i:
                    best = max(best, j - i)
        return best
