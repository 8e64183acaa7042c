class Solution {
    public int[] twoSum(int[] nums, int target) {
        // Bug: two pointers on a sorted copy return positions in the sorted copy,
        // not indices in the original array.
        int[] sorted = nums.clone();
        Arrays.sort(sorted);
        int lo = 0, hi = sorted.length - 1;
        while (lo < hi) {
            int sum = sorted[lo] + sorted[hi];
            if (sum == target) {
                return new int[] {lo, hi};
            } else if (sum < target) {
                lo++;
            } else {
                hi--;
            }
        }
        return new int[0];
    }
}
