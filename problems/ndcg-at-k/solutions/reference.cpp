class Solution {
public:
    double ndcgAtK(vector<double>& relevances, int k) {
        int n = relevances.size();
        int m = min(k, n);
        vector<double> ideal = relevances;
        sort(ideal.begin(), ideal.end(), greater<double>());
        double dcg = 0.0, idcg = 0.0;
        for (int i = 0; i < m; i++) {
            double discount = log2(i + 2.0);
            dcg += (pow(2.0, relevances[i]) - 1) / discount;
            idcg += (pow(2.0, ideal[i]) - 1) / discount;
        }
        return idcg == 0.0 ? 0.0 : dcg / idcg;
    }
};
