"""Test generator for cosine-similarity: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 100_000


def dense(rng, n, lo=-100.0, hi=100.0):
    return [round(rng.uniform(lo, hi), 2) for _ in range(n)]


def counts(rng, n, density):
    """Bag-of-words style term counts: mostly zeros."""
    return [float(rng.randint(1, 5)) if rng.random() < density else 0.0 for _ in range(n)]


def correlated(rng, base, noise):
    return [round(x + rng.uniform(-noise, noise), 2) for x in base]


def main():
    rng = random.Random(8080)
    t = lambda a, b, cat: test(HERE, {"a": a, "b": b}, cat)

    public = [
        t([1.0, 2.0, 3.0], [4.0, 5.0, 6.0], "example"),
        t([1.0, 0.0], [0.0, 1.0], "example"),
        t([0.0, 0.0, 0.0], [1.5, -2.0, 3.0], "example"),
    ]
    base = dense(rng, 50)
    hidden = [
        t([3.5], [2.0], "single"),
        t([3.5], [-0.25], "single"),
        t([0.0], [0.0], "zero-vector"),
        t([2.0, -1.0, 4.0], [0.0, 0.0, 0.0], "zero-vector"),
        t([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], "parallel"),
        t([1.0, -2.0, 3.0], [-1.0, 2.0, -3.0], "opposite"),
        t([-1.5, -2.25, -0.75], [-3.0, -0.5, -2.0], "negatives"),
        t([1000.0, -1000.0, 999.99], [-999.99, 1000.0, 0.01], "extremes"),
        t([0.01, 0.02, 0.03], [0.03, 0.02, 0.01], "tiny-values"),
        t(base, correlated(rng, base, 20.0), "random-small"),
        t(dense(rng, 200), dense(rng, 200), "random-small"),
        t(counts(rng, 1000, 0.1), counts(rng, 1000, 0.1), "sparse"),
        t(dense(rng, MAX_N), dense(rng, MAX_N), "max-n"),
        t(counts(rng, MAX_N, 0.05), counts(rng, MAX_N, 0.05), "max-n"),
        t([0.0] * 20_000, counts(rng, 20_000, 0.01), "zero-vector"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
