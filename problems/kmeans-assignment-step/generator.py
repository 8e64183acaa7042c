"""Test generator for kmeans-assignment-step: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 10_000
MAX_K = 20
MAX_D = 8
LIMIT = 1000.0


def coord(v):
    return round(min(LIMIT, max(-LIMIT, v)), 2)


def unambiguous(p, centroids):
    """True when the nearest centroid of p is unique, checked exactly on the coordinates scaled to integers
    (two decimals), so floating-point rounding cannot decide the assignment in random tests."""
    P = [round(x * 100) for x in p]
    dists = sorted(sum((a - round(c * 100)) ** 2 for a, c in zip(P, cen)) for cen in centroids)
    return len(dists) == 1 or dists[1] - dists[0] >= 1


def blobs(rng, n, k, d, spread):
    """n points around k hidden centers; the initial centroids are k of the points plus noise (like a random init)."""
    centers = [[rng.uniform(-800, 800) for _ in range(d)] for _ in range(k)]
    centroids = [[coord(x + rng.gauss(0, spread)) for x in rng.choice(centers)] for _ in range(k)]
    points = []
    while len(points) < n:
        c = rng.choice(centers)
        p = [coord(rng.gauss(x, spread)) for x in c]
        if unambiguous(p, centroids):
            points.append(p)
    return points, centroids


def main():
    rng = random.Random(5150)
    t = lambda pts, cen, cat: test(HERE, {"points": pts, "centroids": cen}, cat)

    public = [
        t([[1.0, 1.0], [1.5, 2.0], [8.0, 8.0], [9.0, 7.5], [0.5, 1.5]], [[0.0, 0.0], [10.0, 10.0]], "example"),
        t([[0.0], [2.0], [4.0], [10.0]], [[1.0], [3.0], [20.0]], "example"),
        t([[1.0, 2.0], [3.0, 4.0]], [[2.0, 3.0], [2.0, 3.0]], "example"),
    ]
    hidden = [
        t([[3.25, -1.5]], [[0.0, 0.0]], "single"),
        t([[5.0, 5.0, 5.0]], [[1.0, 1.0, 1.0], [9.0, 9.0, 9.0], [5.0, 5.0, 5.5]], "single"),
        t([[1.0], [2.0], [3.0], [10.0]], [[0.0]], "k-one"),
        t([[2.0], [6.0], [4.0]], [[3.0], [5.0]], "tie"),
        t([[0.0, 0.0], [2.0, 2.0], [1.0, 1.0], [0.0, 2.0]], [[0.0, 1.0], [2.0, 1.0], [1.0, 0.0]], "tie"),
        t([[1.0, 1.0], [2.0, 2.0], [9.0, 9.0]], [[1.5, 1.5], [1.5, 1.5], [9.0, 9.0]], "duplicate-centroids"),
        t([[1.0, 1.0], [1.2, 0.8], [0.9, 1.1]], [[1.0, 1.0], [100.0, -100.0], [-50.25, 75.5]], "empty-cluster"),
        t([[4.4, -2.2]] * 6, [[4.4, -2.2], [0.0, 0.0]], "identical-points"),
        t([[-10.5, -20.25], [-11.0, -19.75], [-300.0, -400.0], [-299.5, -401.0]],
          [[-1.0, -1.0], [-250.0, -350.0]], "negatives"),
        t([[-1000.0, 1000.0], [1000.0, -1000.0], [999.99, 999.99], [-1000.0, -1000.0]],
          [[-1000.0, -1000.0], [1000.0, 1000.0]], "extremes"),
        t(*blobs(rng, 30, 3, 2, 40.0), "random-small"),
        t(*blobs(rng, 200, 5, 4, 80.0), "random-small"),
        t(*blobs(rng, 500, 8, 1, 60.0), "random-small"),
        t(*blobs(rng, MAX_N, MAX_K, MAX_D, 150.0), "max-n"),
        t(*blobs(rng, MAX_N, MAX_K, 2, 200.0), "max-n"),
        t(*blobs(rng, MAX_N, 4, MAX_D, 100.0), "max-n"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
