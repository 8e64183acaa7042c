/**
 * @param {number[][]} a
 * @param {number[][]} b
 * @return {number[][]}
 */
var matmul = function(a, b) {
    const m = a.length, n = b.length, p = b[0].length;
    const result = [];
    for (let i = 0; i < m; i++) {
        const row = new Array(p).fill(0);
        for (let k = 0; k < n; k++) {
            const x = a[i][k], bk = b[k];
            for (let j = 0; j < p; j++) row[j] += x * bk[j];
        }
        result.push(row);
    }
    return result;
};
