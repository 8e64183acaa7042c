class Solution {
public:
    string describe(int count, long long total, double ratio, bool flag, string name, char letter, vector<vector<char>>& board, vector<string>& words, vector<vector<int>>& grid, vector<double>& weights, vector<long long>& stamps, vector<vector<string>>& groups) {
        
    }
};
