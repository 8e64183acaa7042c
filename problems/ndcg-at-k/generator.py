"""Test generator for ndcg-at-k: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 100_000


def graded(rng, n, top=3):
    return [float(rng.randint(0, top)) for _ in range(n)]


def fractional(rng, n):
    return [round(rng.uniform(0, 5), 2) for _ in range(n)]


def main():
    rng = random.Random(20240611)
    t = lambda rels, k, cat: test(HERE, {"relevances": rels, "k": k}, cat)

    public = [
        t([3.0, 2.0, 3.0, 0.0, 1.0, 2.0], 6, "example"),
        t([0.0, 1.0, 0.0, 1.0], 2, "example"),
        t([0.0, 0.0, 0.0], 3, "example"),
    ]
    hidden = [
        t([2.0], 1, "single"),
        t([0.0], 5, "single"),
        t([1.0, 3.0, 2.0], 10, "k-larger-than-n"),
        t([3.0, 2.0, 1.0, 0.0], 4, "ideal-order"),
        t([0.0, 1.0, 2.0, 3.0], 4, "reversed"),
        t([0.0, 0.0, 0.0, 3.0, 2.0], 3, "relevant-below-k"),
        t([0.0, 2.0, 0.0, 3.0, 3.0, 1.0], 1, "k-one"),
        t([2.0, 2.0, 2.0, 2.0, 2.0], 3, "duplicates"),
        t([1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0], 5, "binary-relevance"),
        t([0.5, 2.25, 1.75, 0.0, 4.5, 3.1], 4, "fractional"),
        t([10.0, 0.0, 9.99, 0.01, 10.0], 5, "extremes"),
        t(graded(rng, 50), 10, "random-small"),
        t(fractional(rng, 200), 37, "random-small"),
        t([0.0] * 1000, 100, "all-zero"),
        t(graded(rng, MAX_N), MAX_N, "max-n"),
        t(fractional(rng, MAX_N), 10, "max-n"),
        t(graded(rng, MAX_N, 5), 1000, "max-n"),
        t(sorted(fractional(rng, MAX_N), reverse=True), MAX_N, "max-n"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
