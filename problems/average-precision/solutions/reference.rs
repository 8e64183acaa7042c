use std::collections::HashSet;

impl Solution {
    pub fn average_precision(recommended: Vec<i32>, relevant: Vec<i32>) -> f64 {
        let relevant: HashSet<i32> = relevant.into_iter().collect();
        if relevant.is_empty() {
            return 0.0;
        }
        let mut hits = 0;
        let mut total = 0.0;
        for (i, item) in recommended.iter().enumerate() {
            if relevant.contains(item) {
                hits += 1;
                total += hits as f64 / (i + 1) as f64;
            }
        }
        total / relevant.len() as f64
    }
}
