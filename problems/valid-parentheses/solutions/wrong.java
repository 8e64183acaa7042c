class Solution {
    public boolean isValid(String s) {
        // Bug: counts each bracket type separately, so the nesting order is never checked ("([)]" is accepted).
        int round = 0, square = 0, curly = 0;
        for (char c : s.toCharArray()) {
            switch (c) {
                case '(' -> round++;
                case ')' -> round--;
                case '[' -> square++;
                case ']' -> square--;
                case '{' -> curly++;
                default -> curly--;
            }
            if (round < 0 || square < 0 || curly < 0) {
                return false;
            }
        }
        return round == 0 && square == 0 && curly == 0;
    }
}
