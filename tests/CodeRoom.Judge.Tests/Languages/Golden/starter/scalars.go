func describe(count int, total int64, ratio float64, flag bool, name string, letter byte, board [][]byte, words []string, grid [][]int, weights []float64, stamps []int64, groups [][]string) string {
    
}
