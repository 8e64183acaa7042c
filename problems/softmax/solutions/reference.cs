public class Solution {
    public double[] Softmax(double[] logits) {
        double max = double.NegativeInfinity;
        foreach (double x in logits) max = Math.Max(max, x);
        var result = new double[logits.Length];
        double total = 0.0;
        for (int i = 0; i < logits.Length; i++) {
            result[i] = Math.Exp(logits[i] - max);
            total += result[i];
        }
        for (int i = 0; i < result.Length; i++) result[i] /= total;
        return result;
    }
}
