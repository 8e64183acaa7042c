public class Solution {
    public double RocAuc(int[] labels, double[] scores) {
        int n = labels.Length;
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (x, y) => scores[x].CompareTo(scores[y]));
        long totalPos = 0;
        foreach (int label in labels) totalPos += label;
        long totalNeg = n - totalPos;
        double wins = 0.0;
        long negBelow = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            long pos = 0, neg = 0;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                if (labels[order[j]] == 1) pos++; else neg++;
                j++;
            }
            wins += pos * (negBelow + neg / 2.0);
            negBelow += neg;
            i = j;
        }
        return wins / ((double)totalPos * totalNeg);
    }
}
