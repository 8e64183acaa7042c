class Solution {
    public double[] ema(double[] values, double alpha) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = i == 0 ? values[0] : alpha * values[i] + (1 - alpha) * result[i - 1];
        }
        return result;
    }
}
