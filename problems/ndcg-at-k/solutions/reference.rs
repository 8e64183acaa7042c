impl Solution {
    pub fn ndcg_at_k(relevances: Vec<f64>, k: i32) -> f64 {
        let k = k.max(0) as usize;
        let dcg = |rels: &[f64]| -> f64 {
            rels.iter().take(k).enumerate().map(|(i, &r)| (2f64.powf(r) - 1.0) / ((i + 2) as f64).log2()).sum()
        };
        let mut ideal_order = relevances.clone();
        ideal_order.sort_by(|x, y| y.partial_cmp(x).unwrap());
        let ideal = dcg(&ideal_order);
        if ideal == 0.0 {
            return 0.0;
        }
        dcg(&relevances) / ideal
    }
}
