// Bug: treats k >= n as "nothing to do" instead of reducing k modulo n, so a k larger than
// the length that is not a multiple of it leaves the array unrotated.
class Solution {
public:
    void rotate(vector<int>& nums, int k) {
        int n = nums.size();
        if (k >= n) return;
        vector<int> copy(nums);
        for (int i = 0; i < n; i++) {
            nums[(i + k) % n] = copy[i];
        }
    }
};
