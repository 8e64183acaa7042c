class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        # Bug: heapq is a min-heap, so popping k-1 times leaves the k-th *smallest* value on top.
        heapq.heapify(nums)
        for _ in range(k - 1):
            heapq.heappop(nums)
        return nums[0]
