impl Solution {
    pub fn matmul(a: Vec<Vec<f64>>, b: Vec<Vec<f64>>) -> Vec<Vec<f64>> {
        let (m, n, p) = (a.len(), b.len(), b[0].len());
        let mut result = vec![vec![0.0; p]; m];
        for i in 0..m {
            for j in 0..p {
                let mut total = 0.0;
                for k in 0..n {
                    total += a[i][k] * b[k][j];
                }
                result[i][j] = total;
            }
        }
        result
    }
}
