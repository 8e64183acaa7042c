class Solution {
    public double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : logits) max = Math.max(max, x);
        double[] out = new double[logits.length];
        double total = 0.0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            total += out[i];
        }
        for (int i = 0; i < out.length; i++) out[i] /= total;
        return out;
    }
}
