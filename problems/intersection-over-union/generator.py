"""Test generator for intersection-over-union: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402


def box(rng, lo=-10_000.0, hi=10_000.0, max_side=2_000.0):
    x1 = round(rng.uniform(lo, hi - 1), 2)
    y1 = round(rng.uniform(lo, hi - 1), 2)
    x2 = round(min(hi, x1 + rng.uniform(0.01, max_side)), 2)
    y2 = round(min(hi, y1 + rng.uniform(0.01, max_side)), 2)
    return [x1, y1, max(x2, round(x1 + 0.01, 2)), max(y2, round(y1 + 0.01, 2))]


def jitter(rng, b, amount):
    """A detection near the ground-truth box b (still a valid box)."""
    x1, y1, x2, y2 = (round(v + rng.uniform(-amount, amount), 2) for v in b)
    return [min(x1, x2 - 0.01), min(y1, y2 - 0.01), x2, y2]


def main():
    rng = random.Random(2020)
    t = lambda a, b, cat: test(HERE, {"boxA": a, "boxB": b}, cat)

    public = [
        t([0.0, 0.0, 2.0, 2.0], [1.0, 1.0, 3.0, 3.0], "example"),
        t([0.0, 0.0, 1.0, 1.0], [1.0, 0.0, 2.0, 1.0], "example"),
        t([1.5, 2.5, 4.5, 6.5], [1.5, 2.5, 4.5, 6.5], "example"),
    ]
    gt = box(rng, max_side=500.0)
    gt2 = box(rng, max_side=50.0)
    hidden = [
        t([0.0, 0.0, 1.0, 1.0], [2.0, 2.0, 3.0, 3.0], "disjoint"),
        t([0.0, 0.0, 1.0, 1.0], [-3.0, -3.0, -2.0, -2.0], "disjoint"),
        t([0.0, 0.0, 1.0, 1.0], [5.0, 0.25, 6.0, 0.75], "disjoint"),
        t([0.0, 0.0, 1.0, 1.0], [1.0, 1.0, 2.0, 2.0], "touching-corner"),
        t([0.0, 0.0, 4.0, 4.0], [0.0, 4.0, 4.0, 8.0], "touching-edge"),
        t([0.0, 0.0, 10.0, 10.0], [2.0, 3.0, 4.0, 5.0], "contained"),
        t([2.0, 3.0, 4.0, 5.0], [0.0, 0.0, 10.0, 10.0], "contained"),
        t([0.0, 0.0, 10.0, 2.0], [4.0, -5.0, 6.0, 5.0], "cross"),
        t([-7.5, -3.25, -1.0, 4.0], [-4.0, -8.0, 2.5, 0.5], "negatives"),
        t([-10000.0, -10000.0, 10000.0, 10000.0], [9999.99, 9999.99, 10000.0, 10000.0], "extremes"),
        t([-10000.0, -10000.0, 0.0, 10000.0], [0.0, -10000.0, 10000.0, 10000.0], "extremes"),
        t([0.0, 0.0, 0.01, 0.01], [0.0, 0.0, 0.02, 0.01], "tiny"),
        t(gt, jitter(rng, gt, 40.0), "random-detection"),
        t(gt, jitter(rng, gt, 200.0), "random-detection"),
        t(gt2, jitter(rng, gt2, 5.0), "random-detection"),
        t(box(rng), box(rng), "random"),
        t(box(rng, -50.0, 50.0, 60.0), box(rng, -50.0, 50.0, 60.0), "random"),
        t(box(rng, -50.0, 50.0, 60.0), box(rng, -50.0, 50.0, 60.0), "random"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
