class Solution {
    public double cosineSimilarity(double[] a, double[] b) {
        double dot = 0.0, sa = 0.0, sb = 0.0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            sa += a[i] * a[i];
            sb += b[i] * b[i];
        }
        // Bug: no zero-vector check; 0 / 0 gives NaN.
        return dot / (Math.sqrt(sa) * Math.sqrt(sb));
    }
}
