// Bug: the loop runs over the whole array instead of half of it, so every pair is swapped
// twice and the array ends up as it started.
class Solution {
    public void reverseString(char[] s) {
        int n = s.length;
        for (int i = 0; i < n; i++) {
            char tmp = s[i];
            s[i] = s[n - 1 - i];
            s[n - 1 - i] = tmp;
        }
    }
}
