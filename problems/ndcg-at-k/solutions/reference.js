/**
 * @param {number[]} relevances
 * @param {number} k
 * @return {number}
 */
var ndcgAtK = function(relevances, k) {
    const dcg = rels => rels.slice(0, k).reduce((sum, r, i) => sum + (2 ** r - 1) / Math.log2(i + 2), 0);
    const ideal = dcg([...relevances].sort((x, y) => y - x));
    return ideal === 0 ? 0 : dcg(relevances) / ideal;
};
