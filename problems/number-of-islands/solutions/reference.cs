public class Solution {
    public int NumIslands(char[][] grid) {
        int rows = grid.Length, cols = grid[0].Length, islands = 0;
        var stack = new Stack<(int, int)>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (grid[r][c] != '1') continue;
                islands++;
                grid[r][c] = '0';
                stack.Push((r, c));
                while (stack.Count > 0) {
                    var (y, x) = stack.Pop();
                    foreach (var (dy, dx) in new[] { (1, 0), (-1, 0), (0, 1), (0, -1) }) {
                        int ny = y + dy, nx = x + dx;
                        if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && grid[ny][nx] == '1') {
                            grid[ny][nx] = '0';
                            stack.Push((ny, nx));
                        }
                    }
                }
            }
        }
        return islands;
    }
}
