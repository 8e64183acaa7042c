// Bug: a single visited[] array is used as both "on the current path" and "done", so a
// course reached a second time through another path (a diamond) is reported as a cycle.
class Solution {
    private List<List<Integer>> graph;
    private boolean[] visited;

    public boolean canFinish(int numCourses, int[][] prerequisites) {
        graph = new ArrayList<>();
        for (int i = 0; i < numCourses; i++) graph.add(new ArrayList<>());
        for (int[] p : prerequisites) graph.get(p[0]).add(p[1]);
        visited = new boolean[numCourses];
        for (int i = 0; i < numCourses; i++) {
            if (!visited[i] && hasCycle(i)) return false;
        }
        return true;
    }

    private boolean hasCycle(int node) {
        if (visited[node]) return true;
        visited[node] = true;
        for (int pre : graph.get(node)) {
            if (hasCycle(pre)) return true;
        }
        return false;
    }
}
