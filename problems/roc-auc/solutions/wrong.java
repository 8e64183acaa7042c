class Solution {
    public double rocAuc(int[] labels, double[] scores) {
        int n = labels.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(scores[x], scores[y]));
        int totalPos = 0;
        for (int label : labels) totalPos += label;
        int totalNeg = n - totalPos;
        double wins = 0.0;
        int negBelow = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            int pos = 0, neg = 0;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                if (labels[order[j]] == 1) pos++; else neg++;
                j++;
            }
            wins += pos * (negBelow + neg / 2.0);
            negBelow += neg;
            i = j;
        }
        // Bug: totalPos * totalNeg overflows int for large balanced inputs (5 * 10^4 squared > 2^31).
        return wins / (totalPos * totalNeg);
    }
}
