class Solution {
public:
    double iou(vector<double>& boxA, vector<double>& boxB) {
        double w = max(0.0, min(boxA[2], boxB[2]) - max(boxA[0], boxB[0]));
        double h = max(0.0, min(boxA[3], boxB[3]) - max(boxA[1], boxB[1]));
        double inter = w * h;
        double areaA = (boxA[2] - boxA[0]) * (boxA[3] - boxA[1]);
        double areaB = (boxB[2] - boxB[0]) * (boxB[3] - boxB[1]);
        return inter / (areaA + areaB - inter);
    }
};
