func cosineSimilarity(a []float64, b []float64) float64 {
    dot, normA, normB := 0.0, 0.0, 0.0
    for i := range a {
        if i < len(b) {
            dot += a[i] * b[i]
        }
        normA += a[i] * a[i]
    }
    for _, y := range b {
        normB += y * y
    }
    normA, normB = math.Sqrt(normA), math.Sqrt(normB)
    if normA == 0 || normB == 0 {
        return 0
    }
    return dot / (normA * normB)
}
