class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        # Bug: the index map is built first, so an element can be paired with itself
        # (nums = [3,2,4], target = 6 returns [0,0]).
        index = {x: i for i, x in enumerate(nums)}
        for i, x in enumerate(nums):
            if target - x in index:
                return [i, index[target - x]]
        return []
