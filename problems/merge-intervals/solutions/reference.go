func merge(intervals [][]int) [][]int {
    sort.Slice(intervals, func(i, j int) bool { return intervals[i][0] < intervals[j][0] })
    merged := [][]int{}
    for _, in := range intervals {
        if len(merged) > 0 && in[0] <= merged[len(merged)-1][1] {
            last := merged[len(merged)-1]
            last[1] = max(last[1], in[1])
        } else {
            merged = append(merged, []int{in[0], in[1]})
        }
    }
    return merged
}
