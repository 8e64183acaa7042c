class Solution {
    public double[][] matmul(double[][] a, double[][] b) {
        int m = a.length, n = b.length, p = b[0].length;
        double[][] result = new double[m][p];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                double total = 0.0;
                for (int k = 0; k < n; k++) total += a[i][k] * b[k][j];
                result[i][j] = total;
            }
        }
        return result;
    }
}
