/**
 * @param {number[][]} points
 * @param {number[][]} centroids
 * @return {number[][]}
 */
var kmeansStep = function(points, centroids) {
    const k = centroids.length, d = centroids[0].length;
    const sums = Array.from({ length: k }, () => new Array(d).fill(0));
    const counts = new Array(k).fill(0);
    for (const p of points) {
        let best = 0, bestDist = Infinity;
        centroids.forEach((c, j) => {
            let dist = 0;
            for (let t = 0; t < d; t++) dist += (p[t] - c[t]) * (p[t] - c[t]);
            if (dist < bestDist) {
                best = j;
                bestDist = dist;
            }
        });
        counts[best]++;
        for (let t = 0; t < d; t++) sums[best][t] += p[t];
    }
    return sums.map((s, j) => counts[j] ? s.map(x => x / counts[j]) : centroids[j].slice());
};
