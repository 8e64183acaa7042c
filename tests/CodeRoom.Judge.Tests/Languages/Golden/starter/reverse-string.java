class Solution {
    public void reverseString(char[] s) {
        
    }
}
