/**
 * Definition for a binary tree node.
 * class TreeNode {
 *     val: number
 *     left: TreeNode | null
 *     right: TreeNode | null
 *     constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.left = (left===undefined ? null : left)
 *         this.right = (right===undefined ? null : right)
 *     }
 * }
 */
function levelOrder(root: TreeNode | null): number[][] {
    const levels: number[][] = [];
    const queue: TreeNode[] = root ? [root] : [];
    let head = 0;
    while (head < queue.length) {
        const end = queue.length;
        const values: number[] = [];
        for (; head < end; head++) {
            const node = queue[head];
            values.push(node.val);
            if (node.left) queue.push(node.left);
            if (node.right) queue.push(node.right);
        }
        levels.push(values);
    }
    return levels;
}
