/**
 * @param {number[]} logits
 * @return {number[]}
 */
var softmax = function(logits) {
    const m = Math.max(...logits);
    const exps = logits.map(x => Math.exp(x - m));
    const total = exps.reduce((a, b) => a + b, 0);
    return exps.map(e => e / total);
};
