# Correct but O(m * n): inserts each value of nums2 into a copy of nums1 after a linear
# scan for its position, then takes the middle of the merged list.
class Solution:
    def findMedianSortedArrays(self, nums1: List[int], nums2: List[int]) -> float:
        merged = list(nums1)
        for x in nums2:
            pos = 0
            while pos < len(merged) and merged[pos] <= x:
                pos += 1
            merged.insert(pos, x)
        total = len(merged)
        if total % 2 == 1:
            return float(merged[total // 2])
        return (merged[total // 2 - 1] + merged[total // 2]) / 2
