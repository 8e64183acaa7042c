// As LeetCode defines it (candidates keep LeetCode's commented-out block), but public: a warm JVM defines the
// candidate's classes in their own class loader, a different runtime package, where package-private members of a
// class from the application loader are out of reach (IllegalAccessError).
public class ListNode {
    public int val;
    public ListNode next;
    public ListNode() {}
    public ListNode(int val) { this.val = val; }
    public ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}
