# Correct but O(n^2): moves the last character to position i for every i; each insert
# shifts the rest of the list.
class Solution:
    def reverseString(self, s: List[str]) -> None:
        """
        Do not return anything, modify s in-place instead.
        """
        for i in range(len(s)):
            s.insert(i, s.pop())
