class Solution {
    public double averagePrecision(int[] recommended, int[] relevant) {
        if (relevant.length == 0) return 0.0;
        Set<Integer> relevantSet = new HashSet<>();
        for (int id : relevant) relevantSet.add(id);
        int hits = 0;
        double total = 0.0;
        for (int i = 0; i < recommended.length; i++) {
            if (relevantSet.contains(recommended[i])) {
                // Bug: precision taken before counting the current hit.
                total += (double) hits / (i + 1);
                hits++;
            }
        }
        return total / relevant.length;
    }
}
