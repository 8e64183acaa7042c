# Bug: sorts by frequency ascending (forgot reverse=True), so it returns the k LEAST frequent.
class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        count = Counter(nums)
        return sorted(count, key=count.get)[:k]
