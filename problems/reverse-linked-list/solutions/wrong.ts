function reverseList(head: ListNode | null): ListNode | null {
    let prev: ListNode | null = null;
    let curr = head;
    // Bug: the loop stops at the last node, which is never linked in ([1,2,3] gives [2,1]).
    while (curr && curr.next) {
        const next = curr.next;
        curr.next = prev;
        prev = curr;
        curr = next;
    }
    return prev;
}
