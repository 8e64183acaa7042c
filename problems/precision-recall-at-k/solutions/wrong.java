class Solution {
    public double[] precisionRecallAtK(int[] recommended, int[] relevant, int k) {
        Set<Integer> relevantSet = new HashSet<>();
        for (int id : relevant) relevantSet.add(id);
        int hits = 0;
        for (int i = 0; i < Math.min(k, recommended.length); i++) {
            if (relevantSet.contains(recommended[i])) hits++;
        }
        // Bug: no special case for an empty relevant set (0 / 0 gives NaN).
        return new double[] {(double) hits / k, (double) hits / relevant.length};
    }
}
