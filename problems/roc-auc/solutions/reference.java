class Solution {
    public double rocAuc(int[] labels, double[] scores) {
        int n = labels.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(scores[x], scores[y]));
        long totalPos = 0;
        for (int label : labels) totalPos += label;
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
        return wins / ((double) totalPos * totalNeg);
    }
}
