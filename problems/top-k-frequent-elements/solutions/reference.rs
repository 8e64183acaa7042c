use std::collections::HashMap;

impl Solution {
    pub fn top_k_frequent(nums: Vec<i32>, k: i32) -> Vec<i32> {
        let mut counts: HashMap<i32, usize> = HashMap::new();
        for x in nums {
            *counts.entry(x).or_insert(0) += 1;
        }
        let mut by_count: Vec<(i32, usize)> = counts.into_iter().collect();
        by_count.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        by_count.into_iter().take(k as usize).map(|(x, _)| x).collect()
    }
}
