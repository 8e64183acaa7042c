public class Solution {
    public double[] PrecisionRecallAtK(int[] recommended, int[] relevant, int k) {
        var relevantSet = new HashSet<int>(relevant);
        int hits = 0;
        for (int i = 0; i < Math.Min(k, recommended.Length); i++) {
            if (relevantSet.Contains(recommended[i])) hits++;
        }
        double precision = (double)hits / k;
        double recall = relevant.Length == 0 ? 0.0 : (double)hits / relevant.Length;
        return new double[] { precision, recall };
    }
}
