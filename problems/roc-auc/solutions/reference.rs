impl Solution {
    pub fn roc_auc(labels: Vec<i32>, scores: Vec<f64>) -> f64 {
        let mut pairs: Vec<(f64, i32)> = scores.into_iter().zip(labels.iter().copied()).collect();
        pairs.sort_by(|x, y| x.partial_cmp(y).unwrap());
        let n = pairs.len();
        let total_pos: i64 = labels.iter().map(|&l| l as i64).sum();
        let total_neg = n as i64 - total_pos;
        // Correctly ordered (positive, negative) pairs, ties counting 1/2.
        let mut wins = 0.0;
        let mut neg_below = 0i64;
        let mut i = 0;
        while i < n {
            let mut j = i;
            let (mut pos, mut neg) = (0i64, 0i64);
            while j < n && pairs[j].0 == pairs[i].0 {
                if pairs[j].1 == 1 {
                    pos += 1;
                } else {
                    neg += 1;
                }
                j += 1;
            }
            wins += pos as f64 * (neg_below as f64 + neg as f64 / 2.0);
            neg_below += neg;
            i = j;
        }
        wins / (total_pos * total_neg) as f64
    }
}
