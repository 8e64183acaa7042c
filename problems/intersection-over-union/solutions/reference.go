func iou(boxA []float64, boxB []float64) float64 {
    interW := max(0.0, min(boxA[2], boxB[2])-max(boxA[0], boxB[0]))
    interH := max(0.0, min(boxA[3], boxB[3])-max(boxA[1], boxB[1]))
    inter := interW * interH
    union := (boxA[2]-boxA[0])*(boxA[3]-boxA[1]) + (boxB[2]-boxB[0])*(boxB[3]-boxB[1]) - inter
    return inter / union
}
