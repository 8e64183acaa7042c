# Bug: `nums = ...` only rebinds the local name to a new list; the caller's list is never
# changed (it needed `nums[:] = ...`).
class Solution:
    def rotate(self, nums: List[int], k: int) -> None:
        """
        Do not return anything, modify nums in-place instead.
        """
        k %= len(nums)
        nums = nums[-k:] + nums[:-k]
