public class Solution {
    public double Iou(double[] boxA, double[] boxB) {
        double w = Math.Max(0.0, Math.Min(boxA[2], boxB[2]) - Math.Max(boxA[0], boxB[0]));
        double h = Math.Max(0.0, Math.Min(boxA[3], boxB[3]) - Math.Max(boxA[1], boxB[1]));
        double inter = w * h;
        double areaA = (boxA[2] - boxA[0]) * (boxA[3] - boxA[1]);
        double areaB = (boxB[2] - boxB[0]) * (boxB[3] - boxB[1]);
        return inter / (areaA + areaB - inter);
    }
}
