class Solution {
public:
    double cosineSimilarity(vector<double>& a, vector<double>& b) {
        double dot = 0.0, sa = 0.0, sb = 0.0;
        for (size_t i = 0; i < a.size(); i++) {
            dot += a[i] * b[i];
            sa += a[i] * a[i];
            sb += b[i] * b[i];
        }
        if (sa == 0.0 || sb == 0.0) return 0.0;
        return dot / (sqrt(sa) * sqrt(sb));
    }
};
