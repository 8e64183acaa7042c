func kmeansStep(points [][]float64, centroids [][]float64) [][]float64 {
    k, d := len(centroids), len(centroids[0])
    sums := make([][]float64, k)
    for j := range sums {
        sums[j] = make([]float64, d)
    }
    counts := make([]int, k)
    for _, p := range points {
        best, bestDist := 0, math.Inf(1)
        for j, c := range centroids {
            dist := 0.0
            for t := 0; t < d; t++ {
                dist += (p[t] - c[t]) * (p[t] - c[t])
            }
            if dist < bestDist { // strict: ties keep the lowest index
                best, bestDist = j, dist
            }
        }
        counts[best]++
        for t := 0; t < d; t++ {
            sums[best][t] += p[t]
        }
    }
    result := make([][]float64, k)
    for j := range result {
        if counts[j] == 0 {
            result[j] = append([]float64{}, centroids[j]...)
            continue
        }
        result[j] = make([]float64, d)
        for t := 0; t < d; t++ {
            result[j][t] = sums[j][t] / float64(counts[j])
        }
    }
    return result
}
