class Solution {
public:
    vector<double> softmax(vector<double>& logits) {
        double mx = *max_element(logits.begin(), logits.end());
        vector<double> out(logits.size());
        double total = 0.0;
        for (size_t i = 0; i < logits.size(); i++) {
            out[i] = exp(logits[i] - mx);
            total += out[i];
        }
        for (double& v : out) v /= total;
        return out;
    }
};
