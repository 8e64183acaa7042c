public class Solution {
    // Wrong: pairs a number with itself when 2 * nums[i] == target.
    public int[] TwoSum(int[] nums, int target) {
        var index = new Dictionary<int, int>();
        for (int i = 0; i < nums.Length; i++) index[nums[i]] = i;
        for (int i = 0; i < nums.Length; i++) {
            if (index.TryGetValue(target - nums[i], out int j)) return new[] { i, j };
        }
        return new int[0];
    }
}
