class Solution {
    public double iou(double[] boxA, double[] boxB) {
        double w = Math.max(0.0, Math.min(boxA[2], boxB[2]) - Math.max(boxA[0], boxB[0]));
        double h = Math.max(0.0, Math.min(boxA[3], boxB[3]) - Math.max(boxA[1], boxB[1]));
        double inter = w * h;
        double areaA = (boxA[2] - boxA[0]) * (boxA[3] - boxA[1]);
        double areaB = (boxB[2] - boxB[0]) * (boxB[3] - boxB[1]);
        return inter / (areaA + areaB - inter);
    }
}
