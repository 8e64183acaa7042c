/**
 * @param {number[]} recommended
 * @param {number[]} relevant
 * @return {number}
 */
var averagePrecision = function(recommended, relevant) {
    const relevantSet = new Set(relevant);
    if (relevantSet.size === 0) {
        return 0;
    }
    let hits = 0;
    let total = 0;
    recommended.forEach((item, i) => {
        if (relevantSet.has(item)) {
            hits++;
            total += hits / (i + 1);
        }
    });
    return total / relevantSet.size;
};
