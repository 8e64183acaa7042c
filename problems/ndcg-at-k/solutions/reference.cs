public class Solution {
    public double NdcgAtK(double[] relevances, int k) {
        int n = relevances.Length;
        var sorted = (double[])relevances.Clone();
        Array.Sort(sorted); // ascending: the ideal order reads it from the end
        int m = Math.Min(k, n);
        double dcg = 0.0, idcg = 0.0;
        for (int i = 0; i < m; i++) {
            double discount = Math.Log(i + 2) / Math.Log(2);
            dcg += (Math.Pow(2, relevances[i]) - 1) / discount;
            idcg += (Math.Pow(2, sorted[n - 1 - i]) - 1) / discount;
        }
        return idcg == 0.0 ? 0.0 : dcg / idcg;
    }
}
