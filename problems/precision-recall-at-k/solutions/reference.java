class Solution {
    public double[] precisionRecallAtK(int[] recommended, int[] relevant, int k) {
        Set<Integer> relevantSet = new HashSet<>();
        for (int id : relevant) relevantSet.add(id);
        int hits = 0;
        for (int i = 0; i < Math.min(k, recommended.length); i++) {
            if (relevantSet.contains(recommended[i])) hits++;
        }
        double precision = (double) hits / k;
        double recall = relevant.length == 0 ? 0.0 : (double) hits / relevant.length;
        return new double[] {precision, recall};
    }
}
