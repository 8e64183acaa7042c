impl Solution {
    pub fn cosine_similarity(a: Vec<f64>, b: Vec<f64>) -> f64 {
        let dot: f64 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        let norm_a = a.iter().map(|x| x * x).sum::<f64>().sqrt();
        let norm_b = b.iter().map(|y| y * y).sum::<f64>().sqrt();
        if norm_a == 0.0 || norm_b == 0.0 {
            return 0.0;
        }
        dot / (norm_a * norm_b)
    }
}
