#line 1 "solution.cpp"
class Solution {
public:
    string describe(int count, long long total, double ratio, bool flag, string name, char letter, vector<vector<char>>& board, vector<string>& words, vector<vector<int>>& grid, vector<double>& weights, vector<long long>& stamps, vector<vector<string>>& groups) {
        
    }
};
#line 1 "judge_call.cpp"
int main(int argc, char** argv) {
    return coderoom::run(argc, argv, [](coderoom::Reader& in, coderoom::Test& test) {
        in.expect('[');
        auto a0 = coderoom::Read<int>::get(in);
        in.expect(',');
        auto a1 = coderoom::Read<long long>::get(in);
        in.expect(',');
        auto a2 = coderoom::Read<double>::get(in);
        in.expect(',');
        auto a3 = coderoom::Read<bool>::get(in);
        in.expect(',');
        auto a4 = coderoom::Read<string>::get(in);
        in.expect(',');
        auto a5 = coderoom::Read<char>::get(in);
        in.expect(',');
        auto a6 = coderoom::Read<vector<vector<char>>>::get(in);
        in.expect(',');
        auto a7 = coderoom::Read<vector<string>>::get(in);
        in.expect(',');
        auto a8 = coderoom::Read<vector<vector<int>>>::get(in);
        in.expect(',');
        auto a9 = coderoom::Read<vector<double>>::get(in);
        in.expect(',');
        auto a10 = coderoom::Read<vector<long long>>::get(in);
        in.expect(',');
        auto a11 = coderoom::Read<vector<vector<string>>>::get(in);
        in.expect(']');
        coderoom::execute<Solution>(test, [&](Solution& solution, std::string& value) {
            auto result = solution.describe(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11);
            test.stop();
            coderoom::write(value, result);
        });
    });
}
