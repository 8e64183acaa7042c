"""Test generator for exponential-moving-average: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 20_000


def prices(rng, n, start=100.0, vol=1.5):
    """A random walk like a price series, clipped to the allowed range."""
    out, x = [], start
    for _ in range(n):
        x = min(10_000.0, max(-10_000.0, x + rng.gauss(0, vol)))
        out.append(round(x, 2))
    return out


def noise(rng, n, lo, hi):
    return [round(rng.uniform(lo, hi), 2) for _ in range(n)]


def main():
    rng = random.Random(99)
    t = lambda vs, a, cat: test(HERE, {"values": vs, "alpha": a}, cat)

    public = [
        t([10.0, 20.0, 30.0], 0.5, "example"),
        t([1.0, 2.0, 3.0, 4.0], 0.1, "example"),
        t([], 0.3, "empty"),
    ]
    hidden = [
        t([], 1.0, "empty"),
        t([42.5], 0.25, "single"),
        t([-7.0], 1.0, "single"),
        t([3.0, -1.0, 4.0, -1.5, 9.0], 1.0, "alpha-one"),
        t([3.0, -1.0, 4.0, -1.5, 9.0], 0.01, "small-alpha"),
        t([5.0, 5.0, 5.0, 5.0, 5.0, 5.0], 0.37, "constant"),
        t([0.0, 100.0, 0.0, 100.0, 0.0, 100.0], 0.8, "oscillating"),
        t([-10.5, -20.25, -3.0, -40.0], 0.6, "negatives"),
        t([10000.0, -10000.0, 10000.0, -10000.0], 0.99, "extremes"),
        t([0.0] * 10 + [1.0] * 10, 0.2, "step"),
        t(prices(rng, 30), 0.15, "random-small"),
        t(noise(rng, 300, -50.0, 50.0), 0.05, "random-small"),
        t(prices(rng, MAX_N), 0.1, "max-n"),
        t(noise(rng, MAX_N, -10_000.0, 10_000.0), 0.73, "max-n"),
        t(prices(rng, MAX_N, 5000.0, 20.0), 0.01, "max-n"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
