class Solution {
public:
    vector<vector<double>> kmeansStep(vector<vector<double>>& points, vector<vector<double>>& centroids) {
        int k = centroids.size(), d = centroids[0].size();
        vector<vector<double>> sums(k, vector<double>(d, 0.0));
        vector<int> counts(k, 0);
        for (const auto& p : points) {
            int best = 0;
            double bestDist = numeric_limits<double>::infinity();
            for (int j = 0; j < k; j++) {
                double dist = 0.0;
                for (int t = 0; t < d; t++) {
                    double diff = p[t] - centroids[j][t];
                    dist += diff * diff;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = j;
                }
            }
            counts[best]++;
            for (int t = 0; t < d; t++) sums[best][t] += p[t];
        }
        for (int j = 0; j < k; j++) {
            if (counts[j] == 0) sums[j] = centroids[j];
            else for (double& v : sums[j]) v /= counts[j];
        }
        return sums;
    }
};
