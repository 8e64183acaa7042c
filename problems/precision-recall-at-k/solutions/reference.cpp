class Solution {
public:
    vector<double> precisionRecallAtK(vector<int>& recommended, vector<int>& relevant, int k) {
        unordered_set<int> relevantSet(relevant.begin(), relevant.end());
        int top = min<int>(k, recommended.size());
        int hits = 0;
        for (int i = 0; i < top; i++) {
            if (relevantSet.count(recommended[i])) hits++;
        }
        double precision = (double)hits / k;
        double recall = relevant.empty() ? 0.0 : (double)hits / relevant.size();
        return {precision, recall};
    }
};
