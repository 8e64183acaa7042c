use std::collections::HashSet;

impl Solution {
    pub fn precision_recall_at_k(recommended: Vec<i32>, relevant: Vec<i32>, k: i32) -> Vec<f64> {
        let relevant: HashSet<i32> = relevant.into_iter().collect();
        let hits = recommended.iter().take(k as usize).filter(|x| relevant.contains(x)).count() as f64;
        let precision = hits / k as f64;
        let recall = if relevant.is_empty() { 0.0 } else { hits / relevant.len() as f64 };
        vec![precision, recall]
    }
}
