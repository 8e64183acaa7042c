public class Solution {
    public double[][] KmeansStep(double[][] points, double[][] centroids) {
        int k = centroids.Length, d = centroids[0].Length;
        var sums = new double[k][];
        for (int j = 0; j < k; j++) sums[j] = new double[d];
        var counts = new int[k];
        foreach (var p in points) {
            int best = 0;
            double bestDist = double.PositiveInfinity;
            for (int j = 0; j < k; j++) {
                double dist = 0.0;
                for (int t = 0; t < d; t++) {
                    double diff = p[t] - centroids[j][t];
                    dist += diff * diff;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = j;
                }
            }
            counts[best]++;
            for (int t = 0; t < d; t++) sums[best][t] += p[t];
        }
        var result = new double[k][];
        for (int j = 0; j < k; j++) {
            result[j] = new double[d];
            for (int t = 0; t < d; t++) {
                result[j][t] = counts[j] == 0 ? centroids[j][t] : sums[j][t] / counts[j];
            }
        }
        return result;
    }
}
