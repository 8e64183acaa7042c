// The answer for n = 90 is beyond 2^53, so the count is a bigint (the judge reads it exactly).
function climbStairs(n: number): bigint {
    let prev = 1n;
    let cur = 1n;
    for (let i = 1; i < n; i++) {
        const next = prev + cur;
        prev = cur;
        cur = next;
    }
    return cur;
}
