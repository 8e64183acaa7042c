func averagePrecision(recommended []int, relevant []int) float64 {
    relevantSet := make(map[int]bool, len(relevant))
    for _, r := range relevant {
        relevantSet[r] = true
    }
    if len(relevantSet) == 0 {
        return 0
    }
    hits := 0
    total := 0.0
    for i, item := range recommended {
        if relevantSet[item] {
            hits++
            total += float64(hits) / float64(i+1)
        }
    }
    return total / float64(len(relevantSet))
}
