/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number[]}
 */
var twoSum = function(nums, target) {
    // Bug: the index map is built first, so an element can be paired with itself
    // (nums = [3,2,4], target = 6 returns [0,0]).
    const index = new Map(nums.map((x, i) => [x, i]));
    for (let i = 0; i < nums.length; i++) {
        if (index.has(target - nums[i])) return [i, index.get(target - nums[i])];
    }
    return [];
};
