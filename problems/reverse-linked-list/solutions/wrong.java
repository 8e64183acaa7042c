class Solution {
    public ListNode reverseList(ListNode head) {
        ListNode prev = null, curr = head;
        while (curr != null) {
            ListNode next = curr.next;
            curr.next = prev;
            prev = curr;
            curr = next;
        }
        // Bug: returns the old head, which is now the tail ([1,2,3] gives [1]).
        return head;
    }
}
