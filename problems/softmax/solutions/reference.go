func softmax(logits []float64) []float64 {
    m := slices.Max(logits)
    exps := make([]float64, len(logits))
    total := 0.0
    for i, x := range logits {
        exps[i] = math.Exp(x - m)
        total += exps[i]
    }
    for i := range exps {
        exps[i] /= total
    }
    return exps
}
