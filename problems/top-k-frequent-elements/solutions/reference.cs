public class Solution {
    public int[] TopKFrequent(int[] nums, int k) {
        var counts = new Dictionary<int, int>();
        foreach (int x in nums) counts[x] = counts.GetValueOrDefault(x) + 1;
        return counts.OrderByDescending(kv => kv.Value).Take(k).Select(kv => kv.Key).ToArray();
    }
}
