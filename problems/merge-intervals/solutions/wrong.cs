public class Solution {
    // Wrong: merges only intervals that overlap strictly (touching ends stay apart).
    public int[][] Merge(int[][] intervals) {
        Array.Sort(intervals, (x, y) => x[0].CompareTo(y[0]));
        var merged = new List<int[]>();
        foreach (var iv in intervals) {
            if (merged.Count > 0 && merged[^1][1] > iv[0]) {
                merged[^1][1] = Math.Max(merged[^1][1], iv[1]);
            } else {
                merged.Add(new[] { iv[0], iv[1] });
            }
        }
        return merged.ToArray();
    }
}
