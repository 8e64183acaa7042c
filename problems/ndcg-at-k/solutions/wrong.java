class Solution {
    public double ndcgAtK(double[] relevances, int k) {
        int n = relevances.length;
        double[] sorted = relevances.clone();
        Arrays.sort(sorted);
        int m = Math.min(k, n);
        double dcg = 0.0, idcg = 0.0;
        for (int i = 0; i < m; i++) {
            double discount = Math.log(i + 2) / Math.log(2);
            // Bug: linear gain rel instead of the exponential gain 2^rel - 1.
            dcg += relevances[i] / discount;
            idcg += sorted[n - 1 - i] / discount;
        }
        return idcg == 0.0 ? 0.0 : dcg / idcg;
    }
}
