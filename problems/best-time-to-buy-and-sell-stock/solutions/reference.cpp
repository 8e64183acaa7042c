class Solution {
public:
    int maxProfit(vector<int>& prices) {
        int best = 0;
        int lowest = INT_MAX;
        for (int p : prices) {
            lowest = min(lowest, p);
            best = max(best, p - lowest);
        }
        return best;
    }
};
