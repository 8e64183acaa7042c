public class Solution {
    public double CosineSimilarity(double[] a, double[] b) {
        double dot = 0.0, sa = 0.0, sb = 0.0;
        for (int i = 0; i < a.Length; i++) {
            dot += a[i] * b[i];
            sa += a[i] * a[i];
            sb += b[i] * b[i];
        }
        if (sa == 0.0 || sb == 0.0) return 0.0;
        return dot / (Math.Sqrt(sa) * Math.Sqrt(sb));
    }
}
