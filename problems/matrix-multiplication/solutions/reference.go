func matmul(a [][]float64, b [][]float64) [][]float64 {
    m, n, p := len(a), len(b), len(b[0])
    result := make([][]float64, m)
    for i := 0; i < m; i++ {
        result[i] = make([]float64, p)
        for j := 0; j < p; j++ {
            total := 0.0
            for k := 0; k < n; k++ {
                total += a[i][k] * b[k][j]
            }
            result[i][j] = total
        }
    }
    return result
}
