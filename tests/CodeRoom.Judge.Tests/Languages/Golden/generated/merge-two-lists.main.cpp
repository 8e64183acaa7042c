#line 1 "solution.cpp"
/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     ListNode *next;
 *     ListNode() : val(0), next(nullptr) {}
 *     ListNode(int x) : val(x), next(nullptr) {}
 *     ListNode(int x, ListNode *next) : val(x), next(next) {}
 * };
 */
class Solution {
public:
    ListNode* mergeTwoLists(ListNode* list1, ListNode* list2) {
        
    }
};
#line 1 "judge_call.cpp"
int main(int argc, char** argv) {
    return coderoom::run(argc, argv, [](coderoom::Reader& in, coderoom::Test& test) {
        in.expect('[');
        auto a0 = coderoom::Read<ListNode*>::get(in);
        in.expect(',');
        auto a1 = coderoom::Read<ListNode*>::get(in);
        in.expect(']');
        coderoom::execute<Solution>(test, [&](Solution& solution, std::string& value) {
            auto result = solution.mergeTwoLists(a0, a1);
            test.stop();
            coderoom::write(value, result);
        });
    });
}
