func rocAuc(labels []int, scores []float64) float64 {
    n := len(labels)
    order := make([]int, n)
    for i := range order {
        order[i] = i
    }
    sort.Slice(order, func(a, b int) bool { return scores[order[a]] < scores[order[b]] })
    totalPos := 0
    for _, l := range labels {
        totalPos += l
    }
    totalNeg := n - totalPos
    wins := 0.0 // correctly ordered (positive, negative) pairs, ties counting 1/2
    negBelow := 0
    for i := 0; i < n; {
        j := i
        pos, neg := 0, 0
        for j < n && scores[order[j]] == scores[order[i]] {
            if labels[order[j]] == 1 {
                pos++
            } else {
                neg++
            }
            j++
        }
        wins += float64(pos) * (float64(negBelow) + float64(neg)/2)
        negBelow += neg
        i = j
    }
    return wins / (float64(totalPos) * float64(totalNeg))
}
