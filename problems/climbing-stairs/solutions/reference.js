/**
 * @param {number} n
 * @return {number}
 */
var climbStairs = function(n) {
    // BigInt: the answer for n = 90 is beyond 2^53.
    let prev = 1n, cur = 1n;
    for (let i = 1; i < n; i++) {
        [prev, cur] = [cur, prev + cur];
    }
    return cur;
};
