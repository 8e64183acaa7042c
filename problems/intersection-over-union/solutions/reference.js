/**
 * @param {number[]} boxA
 * @param {number[]} boxB
 * @return {number}
 */
var iou = function(boxA, boxB) {
    const [ax1, ay1, ax2, ay2] = boxA;
    const [bx1, by1, bx2, by2] = boxB;
    const interW = Math.max(0, Math.min(ax2, bx2) - Math.max(ax1, bx1));
    const interH = Math.max(0, Math.min(ay2, by2) - Math.max(ay1, by1));
    const inter = interW * interH;
    const union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
    return inter / union;
};
