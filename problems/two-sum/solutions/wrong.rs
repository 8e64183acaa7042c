use std::collections::HashMap;

impl Solution {
    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {
        // Bug: the index map is built first, so an element can be paired with itself
        // (nums = [3,2,4], target = 6 returns [0,0]).
        let index: HashMap<i32, i32> = nums.iter().enumerate().map(|(i, &x)| (x, i as i32)).collect();
        for (i, &x) in nums.iter().enumerate() {
            if let Some(&j) = index.get(&(target - x)) {
                return vec![i as i32, j];
            }
        }
        vec![]
    }
}
