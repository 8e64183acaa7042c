class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        # Bug: follows a single path (left child when there is one), which need not be the deepest
        # ([1,2,3,null,null,4] gives 2 instead of 3).
        depth = 0
        while root:
            depth += 1
            root = root.left or root.right
        return depth
