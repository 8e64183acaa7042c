impl Solution {
    pub fn kmeans_step(points: Vec<Vec<f64>>, centroids: Vec<Vec<f64>>) -> Vec<Vec<f64>> {
        let k = centroids.len();
        let d = centroids[0].len();
        let mut sums = vec![vec![0.0; d]; k];
        let mut counts = vec![0usize; k];
        for p in &points {
            let mut best = 0;
            let mut best_dist = f64::INFINITY;
            for (j, c) in centroids.iter().enumerate() {
                let dist: f64 = p.iter().zip(c).map(|(x, y)| (x - y) * (x - y)).sum();
                // Strict: ties keep the lowest index.
                if dist < best_dist {
                    best = j;
                    best_dist = dist;
                }
            }
            counts[best] += 1;
            for t in 0..d {
                sums[best][t] += p[t];
            }
        }
        (0..k)
            .map(|j| {
                if counts[j] > 0 {
                    sums[j].iter().map(|s| s / counts[j] as f64).collect()
                } else {
                    centroids[j].clone()
                }
            })
            .collect()
    }
}
