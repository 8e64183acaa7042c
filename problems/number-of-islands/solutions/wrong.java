// Bug: neighbours include the four diagonals, so cells touching only at a corner are merged
// into one island.
class Solution {
    public int numIslands(char[][] grid) {
        int m = grid.length, n = grid[0].length;
        int islands = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (grid[i][j] == '1') {
                    islands++;
                    sink(grid, i, j);
                }
            }
        }
        return islands;
    }

    private void sink(char[][] grid, int i, int j) {
        Deque<int[]> stack = new ArrayDeque<>();
        grid[i][j] = '0';
        stack.push(new int[] {i, j});
        while (!stack.isEmpty()) {
            int[] cell = stack.pop();
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    int r = cell[0] + dr, c = cell[1] + dc;
                    if (r >= 0 && r < grid.length && c >= 0 && c < grid[0].length && grid[r][c] == '1') {
                        grid[r][c] = '0';
                        stack.push(new int[] {r, c});
                    }
                }
            }
        }
    }
}
