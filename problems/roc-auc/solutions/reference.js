/**
 * @param {number[]} labels
 * @param {number[]} scores
 * @return {number}
 */
var rocAuc = function(labels, scores) {
    const pairs = scores.map((s, i) => [s, labels[i]]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const n = pairs.length;
    const totalPos = labels.reduce((a, b) => a + b, 0);
    const totalNeg = n - totalPos;
    let wins = 0, negBelow = 0;
    for (let i = 0; i < n;) {
        let j = i, pos = 0, neg = 0;
        while (j < n && pairs[j][0] === pairs[i][0]) {
            if (pairs[j][1] === 1) pos++;
            else neg++;
            j++;
        }
        wins += pos * (negBelow + neg / 2);
        negBelow += neg;
        i = j;
    }
    return wins / (totalPos * totalNeg);
};
