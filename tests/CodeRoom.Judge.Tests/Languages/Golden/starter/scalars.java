class Solution {
    public String describe(int count, long total, double ratio, boolean flag, String name, char letter, char[][] board, List<String> words, int[][] grid, double[] weights, long[] stamps, List<List<String>> groups) {
        
    }
}
