func ndcgAtK(relevances []float64, k int) float64 {
    dcg := func(rels []float64) float64 {
        total := 0.0
        for i := 0; i < len(rels) && i < k; i++ {
            total += (math.Pow(2, rels[i]) - 1) / math.Log2(float64(i+2))
        }
        return total
    }
    sorted := slices.Clone(relevances)
    sort.Sort(sort.Reverse(sort.Float64Slice(sorted)))
    ideal := dcg(sorted)
    if ideal == 0 {
        return 0
    }
    return dcg(relevances) / ideal
}
