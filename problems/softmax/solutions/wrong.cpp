class Solution {
public:
    vector<double> softmax(vector<double>& logits) {
        // Bug: naive softmax; exp(1000) is inf and inf / inf is NaN.
        vector<double> out(logits.size());
        double total = 0.0;
        for (size_t i = 0; i < logits.size(); i++) {
            out[i] = exp(logits[i]);
            total += out[i];
        }
        for (double& v : out) v /= total;
        return out;
    }
};
