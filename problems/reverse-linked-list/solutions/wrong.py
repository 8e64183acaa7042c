class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        prev = None
        curr = head
        # Bug: the loop stops at the last node, which is never linked in ([1,2,3] gives [2,1]).
        while curr and curr.next:
            nxt = curr.next
            curr.next = prev
            prev = curr
            curr = nxt
        return prev
