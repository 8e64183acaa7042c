/**
 * @param {number[]} prices
 * @return {number}
 */
var maxProfit = function(prices) {
    
};
