func maxProfit(prices []int) int {
    
}
