public class Solution {
    public double AveragePrecision(int[] recommended, int[] relevant) {
        if (relevant.Length == 0) return 0.0;
        var relevantSet = new HashSet<int>(relevant);
        int hits = 0;
        double total = 0.0;
        for (int i = 0; i < recommended.Length; i++) {
            if (relevantSet.Contains(recommended[i])) {
                hits++;
                total += (double)hits / (i + 1);
            }
        }
        return total / relevant.Length;
    }
}
