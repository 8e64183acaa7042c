class Solution {
public:
    vector<double> ema(vector<double>& values, double alpha) {
        vector<double> result(values.size());
        for (size_t i = 0; i < values.size(); i++) {
            result[i] = i == 0 ? values[0] : alpha * values[i] + (1 - alpha) * result[i - 1];
        }
        return result;
    }
};
