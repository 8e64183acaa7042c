class Solution {
public:
    void reverseString(vector<char>& s) {
        
    }
};
