public class Solution {
    public void ReverseString(char[] s) {
        
    }
}
