/**
 * @param {number[]} nums
 * @param {number} k
 * @return {number[]}
 */
var topKFrequent = function(nums, k) {
    const count = new Map();
    for (const x of nums) count.set(x, (count.get(x) || 0) + 1);
    // Bucket by frequency, then read from the most frequent down.
    const buckets = Array.from({ length: nums.length + 1 }, () => []);
    for (const [x, c] of count) buckets[c].push(x);
    const result = [];
    for (let c = nums.length; c > 0 && result.length < k; c--) {
        for (const x of buckets[c]) {
            if (result.length < k) result.push(x);
        }
    }
    return result;
};
