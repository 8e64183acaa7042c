package main
//line solution.go:1:1
func maxProfit(prices []int) int {
    
}
