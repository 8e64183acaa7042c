func climbStairs(n int) int64 {
    prev, cur := int64(1), int64(1) // ways to reach step 0 and step 1
    for i := 1; i < n; i++ {
        prev, cur = cur, prev+cur
    }
    return cur
}
