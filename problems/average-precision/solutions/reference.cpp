class Solution {
public:
    double averagePrecision(vector<int>& recommended, vector<int>& relevant) {
        if (relevant.empty()) return 0.0;
        unordered_set<int> relevantSet(relevant.begin(), relevant.end());
        int hits = 0;
        double total = 0.0;
        for (int i = 0; i < (int)recommended.size(); i++) {
            if (relevantSet.count(recommended[i])) {
                hits++;
                total += (double)hits / (i + 1);
            }
        }
        return total / relevant.size();
    }
};
