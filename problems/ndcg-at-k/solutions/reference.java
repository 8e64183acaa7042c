class Solution {
    public double ndcgAtK(double[] relevances, int k) {
        int n = relevances.length;
        double[] sorted = relevances.clone();
        Arrays.sort(sorted); // ascending: the ideal order reads it from the end
        int m = Math.min(k, n);
        double dcg = 0.0, idcg = 0.0;
        for (int i = 0; i < m; i++) {
            double discount = Math.log(i + 2) / Math.log(2);
            dcg += (Math.pow(2, relevances[i]) - 1) / discount;
            idcg += (Math.pow(2, sorted[n - 1 - i]) - 1) / discount;
        }
        return idcg == 0.0 ? 0.0 : dcg / idcg;
    }
}
