class Solution {
public:
    int search(vector<int>& nums, int target) {
        // Find the rotation point (index of the smallest value), then binary search the right half.
        int n = nums.size();
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (nums[mid] > nums[hi]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int pivot = lo;
        auto first = nums.begin(), last = nums.end();
        if (target >= nums[pivot] && target <= nums[n - 1]) {
            first = nums.begin() + pivot;
        } else {
            last = nums.begin() + pivot;
        }
        auto it = lower_bound(first, last, target);
        return (it != last && *it == target) ? int(it - nums.begin()) : -1;
    }
};
