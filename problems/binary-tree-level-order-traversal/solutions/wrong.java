// Bug: ArrayDeque.push adds at the head and poll takes from the head, so the deque is
// used as a stack: each level comes out right to left and levels get mixed.
class Solution {
    public List<List<Integer>> levelOrder(TreeNode root) {
        List<List<Integer>> result = new ArrayList<>();
        if (root == null) {
            return result;
        }
        Deque<TreeNode> queue = new ArrayDeque<>();
        queue.push(root);
        while (!queue.isEmpty()) {
            int size = queue.size();
            List<Integer> level = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                TreeNode node = queue.poll();
                level.add(node.val);
                if (node.left != null) queue.push(node.left);
                if (node.right != null) queue.push(node.right);
            }
            result.add(level);
        }
        return result;
    }
}
