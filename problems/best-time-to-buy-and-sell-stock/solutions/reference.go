func maxProfit(prices []int) int {
    best, low := 0, math.MaxInt
    for _, p := range prices {
        low = min(low, p)
        best = max(best, p-low)
    }
    return best
}
