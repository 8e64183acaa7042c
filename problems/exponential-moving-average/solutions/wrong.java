class Solution {
    public double[] ema(double[] values, double alpha) {
        double[] result = new double[values.length];
        double prev = 0.0; // Bug: the average starts at 0 instead of values[0]
        for (int i = 0; i < values.length; i++) {
            prev = alpha * values[i] + (1 - alpha) * prev;
            result[i] = prev;
        }
        return result;
    }
}
