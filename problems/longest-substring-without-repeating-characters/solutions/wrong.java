class Solution {
    public int lengthOfLongestSubstring(String s) {
        // Bug: on a repeat the whole window is dropped instead of moving its start just past the
        // earlier occurrence ("dvdf" gives 2 instead of 3).
        Set<Character> window = new HashSet<>();
        int best = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (window.contains(c)) {
                window.clear();
            }
            window.add(c);
            best = Math.max(best, window.size());
        }
        return best;
    }
}
