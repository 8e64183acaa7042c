impl Solution {
    pub fn max_profit(prices: Vec<i32>) -> i32 {
        
    }
}
