#line 1 "solution.cpp"
class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        
    }
};
#line 1 "judge_call.cpp"
int main(int argc, char** argv) {
    return coderoom::run(argc, argv, [](coderoom::Reader& in, coderoom::Test& test) {
        in.expect('[');
        auto a0 = coderoom::Read<vector<int>>::get(in);
        in.expect(',');
        auto a1 = coderoom::Read<int>::get(in);
        in.expect(']');
        coderoom::execute<Solution>(test, [&](Solution& solution, std::string& value) {
            auto result = solution.twoSum(a0, a1);
            test.stop();
            coderoom::write(value, result);
        });
    });
}
