public class Solution {
    public bool CanFinish(int numCourses, int[][] prerequisites) {
        var next = new List<int>[numCourses];
        for (int i = 0; i < numCourses; i++) next[i] = new List<int>();
        var indegree = new int[numCourses];
        foreach (var p in prerequisites) {
            next[p[1]].Add(p[0]);
            indegree[p[0]]++;
        }
        var queue = new Queue<int>();
        for (int i = 0; i < numCourses; i++) {
            if (indegree[i] == 0) queue.Enqueue(i);
        }
        int taken = 0;
        while (queue.Count > 0) {
            int c = queue.Dequeue();
            taken++;
            foreach (int d in next[c]) {
                if (--indegree[d] == 0) queue.Enqueue(d);
            }
        }
        return taken == numCourses;
    }
}
