/**
 * @param {number[]} recommended
 * @param {number[]} relevant
 * @param {number} k
 * @return {number[]}
 */
var precisionRecallAtK = function(recommended, relevant, k) {
    const relevantSet = new Set(relevant);
    const hits = recommended.slice(0, k).filter(item => relevantSet.has(item)).length;
    return [hits / k, relevantSet.size ? hits / relevantSet.size : 0];
};
