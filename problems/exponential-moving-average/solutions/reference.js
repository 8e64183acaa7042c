/**
 * @param {number[]} values
 * @param {number} alpha
 * @return {number[]}
 */
var ema = function(values, alpha) {
    const result = [];
    for (let i = 0; i < values.length; i++) {
        result.push(i === 0 ? values[0] : alpha * values[i] + (1 - alpha) * result[i - 1]);
    }
    return result;
};
