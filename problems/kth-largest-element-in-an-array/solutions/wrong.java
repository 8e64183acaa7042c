class Solution {
    public int findKthLargest(int[] nums, int k) {
        // Bug: PriorityQueue is a min-heap by default, so this returns the k-th smallest value.
        PriorityQueue<Integer> heap = new PriorityQueue<>();
        for (int x : nums) {
            heap.offer(x);
        }
        for (int i = 0; i < k - 1; i++) {
            heap.poll();
        }
        return heap.peek();
    }
}
