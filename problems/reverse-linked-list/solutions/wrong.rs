impl Solution {
    pub fn reverse_list(head: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
        let mut prev = None;
        let mut curr = head;
        // Bug: the loop stops at the last node, which is never linked in ([1,2,3] gives [2,1]).
        while let Some(mut node) = curr {
            if node.next.is_none() {
                break;
            }
            curr = node.next.take();
            node.next = prev;
            prev = Some(node);
        }
        prev
    }
}
