class Solution {
    public int[] topKFrequent(int[] nums, int k) {
        Map<Integer, Integer> count = new HashMap<>();
        for (int x : nums) count.merge(x, 1, Integer::sum);
        // Bucket sort by frequency: buckets[f] holds the values seen exactly f times.
        List<Integer>[] buckets = new List[nums.length + 1];
        for (Map.Entry<Integer, Integer> e : count.entrySet()) {
            int f = e.getValue();
            if (buckets[f] == null) buckets[f] = new ArrayList<>();
            buckets[f].add(e.getKey());
        }
        int[] result = new int[k];
        int i = 0;
        for (int f = nums.length; f > 0 && i < k; f--) {
            if (buckets[f] == null) continue;
            for (int x : buckets[f]) {
                if (i == k) break;
                result[i++] = x;
            }
        }
        return result;
    }
}
