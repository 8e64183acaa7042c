use std::cell::RefCell;
use std::rc::Rc;

impl Solution {
    pub fn max_depth(root: Option<Rc<RefCell<TreeNode>>>) -> i32 {
        // Iterative, so a degenerate tree of 10^4 levels needs no deep recursion.
        let mut stack = Vec::new();
        if let Some(r) = root {
            stack.push((r, 1));
        }
        let mut best = 0;
        while let Some((node, depth)) = stack.pop() {
            best = best.max(depth);
            let node = node.borrow();
            if let Some(l) = &node.left {
                stack.push((Rc::clone(l), depth + 1));
            }
            if let Some(r) = &node.right {
                stack.push((Rc::clone(r), depth + 1));
            }
        }
        best
    }
}
