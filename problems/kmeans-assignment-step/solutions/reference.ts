function kmeansStep(points: number[][], centroids: number[][]): number[][] {
    const k = centroids.length;
    const d = centroids[0].length;
    const sums: number[][] = centroids.map(() => new Array<number>(d).fill(0));
    const counts: number[] = new Array(k).fill(0);
    for (const p of points) {
        let best = 0;
        let bestDist = Infinity;
        for (let j = 0; j < k; j++) {
            let dist = 0;
            for (let t = 0; t < d; t++) dist += (p[t] - centroids[j][t]) ** 2;
            if (dist < bestDist) {
                best = j;
                bestDist = dist;
            }
        }
        counts[best]++;
        p.forEach((x, t) => (sums[best][t] += x));
    }
    return sums.map((s, j) => (counts[j] > 0 ? s.map((x) => x / counts[j]) : [...centroids[j]]));
}
