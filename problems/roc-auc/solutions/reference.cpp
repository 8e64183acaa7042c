class Solution {
public:
    double rocAuc(vector<int>& labels, vector<double>& scores) {
        int n = labels.size();
        vector<pair<double, int>> pairs(n);
        for (int i = 0; i < n; i++) pairs[i] = {scores[i], labels[i]};
        sort(pairs.begin(), pairs.end());
        long long totalPos = 0;
        for (int label : labels) totalPos += label;
        long long totalNeg = n - totalPos;
        double wins = 0.0;
        long long negBelow = 0;
        for (int i = 0; i < n;) {
            int j = i;
            long long pos = 0, neg = 0;
            while (j < n && pairs[j].first == pairs[i].first) {
                if (pairs[j].second == 1) pos++; else neg++;
                j++;
            }
            wins += pos * (negBelow + neg / 2.0);
            negBelow += neg;
            i = j;
        }
        return wins / ((double)totalPos * totalNeg);
    }
};
