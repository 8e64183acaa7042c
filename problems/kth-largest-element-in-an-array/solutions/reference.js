/**
 * @param {number[]} nums
 * @param {number} k
 * @return {number}
 */
var findKthLargest = function(nums, k) {
    // Counting sort over the value range (-10^4..10^4).
    const offset = 10000;
    const count = new Array(2 * offset + 1).fill(0);
    for (const x of nums) count[x + offset]++;
    for (let v = count.length - 1; v >= 0; v--) {
        k -= count[v];
        if (k <= 0) return v - offset;
    }
    return -1;
};
