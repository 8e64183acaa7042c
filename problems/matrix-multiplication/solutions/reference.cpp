class Solution {
public:
    vector<vector<double>> matmul(vector<vector<double>>& a, vector<vector<double>>& b) {
        int m = a.size(), n = b.size(), p = b[0].size();
        vector<vector<double>> result(m, vector<double>(p, 0.0));
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                for (int j = 0; j < p; j++) result[i][j] += aik * b[k][j];
            }
        }
        return result;
    }
};
