impl Solution {
    pub fn ema(values: Vec<f64>, alpha: f64) -> Vec<f64> {
        let mut result: Vec<f64> = Vec::with_capacity(values.len());
        for (i, &v) in values.iter().enumerate() {
            if i == 0 {
                result.push(v);
            } else {
                let last = result[i - 1];
                result.push(alpha * v + (1.0 - alpha) * last);
            }
        }
        result
    }
}
