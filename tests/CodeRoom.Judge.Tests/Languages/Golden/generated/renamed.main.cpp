#line 1 "solution.cpp"
class Solution {
public:
    int maxProfit(vector<int>& prices) {
        
    }
};
#line 1 "judge_call.cpp"
int main(int argc, char** argv) {
    return coderoom::run(argc, argv, [](coderoom::Reader& in, coderoom::Test& test) {
        in.expect('[');
        auto a0 = coderoom::Read<vector<int>>::get(in);
        in.expect(']');
        coderoom::execute<Solution>(test, [&](Solution& solution, std::string& value) {
            auto result = solution.maxProfit(a0);
            test.stop();
            coderoom::write(value, result);
        });
    });
}
