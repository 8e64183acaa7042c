func ema(values []float64, alpha float64) []float64 {
    result := make([]float64, len(values))
    for i, v := range values {
        if i == 0 {
            result[i] = v
        } else {
            result[i] = alpha*v + (1-alpha)*result[i-1]
        }
    }
    return result
}
