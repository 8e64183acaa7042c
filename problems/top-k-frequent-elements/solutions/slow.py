# Correct but O(n * distinct): counts each distinct value with a full pass over nums.
class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        freq = [(nums.count(x), x) for x in set(nums)]
        freq.sort(reverse=True)
        return [x for _, x in freq[:k]]
