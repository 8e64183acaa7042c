#line 1 "solution.cpp"
class Solution {
public:
    void reverseString(vector<char>& s) {
        
    }
};
#line 1 "judge_call.cpp"
int main(int argc, char** argv) {
    return coderoom::run(argc, argv, [](coderoom::Reader& in, coderoom::Test& test) {
        in.expect('[');
        auto a0 = coderoom::Read<vector<char>>::get(in);
        in.expect(']');
        coderoom::execute<Solution>(test, [&](Solution& solution, std::string& value) {
            solution.reverseString(a0);
            test.stop();
            coderoom::write(value, a0);
        });
    });
}
