impl Solution {
    pub fn iou(box_a: Vec<f64>, box_b: Vec<f64>) -> f64 {
        let (ax1, ay1, ax2, ay2) = (box_a[0], box_a[1], box_a[2], box_a[3]);
        let (bx1, by1, bx2, by2) = (box_b[0], box_b[1], box_b[2], box_b[3]);
        let inter_w = (ax2.min(bx2) - ax1.max(bx1)).max(0.0);
        let inter_h = (ay2.min(by2) - ay1.max(by1)).max(0.0);
        let inter = inter_w * inter_h;
        let union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
        inter / union
    }
}
