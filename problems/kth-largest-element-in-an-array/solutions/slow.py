class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        # Removes the current maximum k-1 times: O(n * k).
        for _ in range(k - 1):
            nums.remove(max(nums))
        return max(nums)
