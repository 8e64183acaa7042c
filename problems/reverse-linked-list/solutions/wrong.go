// Wrong: drops the last node.
func reverseList(head *ListNode) *ListNode {
    var prev *ListNode
    for head != nil && head.Next != nil {
        head.Next, prev, head = prev, head, head.Next
    }
    return prev
}
