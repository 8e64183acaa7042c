/**
 * @param {number} count
 * @param {number} total
 * @param {number} ratio
 * @param {boolean} flag
 * @param {string} name
 * @param {character} letter
 * @param {character[][]} board
 * @param {string[]} words
 * @param {number[][]} grid
 * @param {number[]} weights
 * @param {number[]} stamps
 * @param {string[][]} groups
 * @return {string}
 */
var describe = function(count, total, ratio, flag, name, letter, board, words, grid, weights, stamps, groups) {
    
};
