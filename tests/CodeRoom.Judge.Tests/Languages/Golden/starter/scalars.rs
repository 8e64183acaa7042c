impl Solution {
    pub fn describe(count: i32, total: i64, ratio: f64, flag: bool, name: String, letter: char, board: Vec<Vec<char>>, words: Vec<String>, grid: Vec<Vec<i32>>, weights: Vec<f64>, stamps: Vec<i64>, groups: Vec<Vec<String>>) -> String {
        
    }
}
