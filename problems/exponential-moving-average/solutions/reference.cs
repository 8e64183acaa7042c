public class Solution {
    public double[] Ema(double[] values, double alpha) {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) {
            result[i] = i == 0 ? values[0] : alpha * values[i] + (1 - alpha) * result[i - 1];
        }
        return result;
    }
}
