public class Solution {
    public string Describe(int count, long total, double ratio, bool flag, string name, char letter, char[][] board, IList<string> words, int[][] grid, double[] weights, long[] stamps, IList<IList<string>> groups) {
        
    }
}
