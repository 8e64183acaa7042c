public class Solution {
    public double[][] Matmul(double[][] a, double[][] b) {
        int m = a.Length, n = b.Length, p = b[0].Length;
        var result = new double[m][];
        for (int i = 0; i < m; i++) {
            result[i] = new double[p];
            for (int j = 0; j < p; j++) {
                double total = 0.0;
                for (int k = 0; k < n; k++) total += a[i][k] * b[k][j];
                result[i][j] = total;
            }
        }
        return result;
    }
}
