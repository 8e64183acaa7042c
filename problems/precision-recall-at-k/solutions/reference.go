func precisionRecallAtK(recommended []int, relevant []int, k int) []float64 {
    relevantSet := map[int]bool{}
    for _, r := range relevant {
        relevantSet[r] = true
    }
    hits := 0
    for i := 0; i < k && i < len(recommended); i++ {
        if relevantSet[recommended[i]] {
            hits++
        }
    }
    precision := float64(hits) / float64(k)
    recall := 0.0
    if len(relevantSet) > 0 {
        recall = float64(hits) / float64(len(relevantSet))
    }
    return []float64{precision, recall}
}
