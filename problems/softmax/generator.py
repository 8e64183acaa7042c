"""Test generator for softmax: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 10_000


def logits(rng, n, lo, hi):
    return [round(rng.uniform(lo, hi), 3) for _ in range(n)]


def main():
    rng = random.Random(1001)
    t = lambda xs, cat: test(HERE, {"logits": xs}, cat)

    public = [
        t([1.0, 2.0, 3.0], "example"),
        t([0.5, 0.5], "example"),
        t([-750.0, -740.0], "example"),
    ]
    # Order matters for the naive solution: the underflow cases (wrong answer) come before the overflow ones.
    hidden = [
        t([-1000.0, -999.0, -998.5], "large-negative"),
        t([-800.25, -790.5, -805.0, -799.875], "large-negative"),
        t([42.0], "single"),
        t([-1000.0], "single"),
        t([3.3, 3.3, 3.3, 3.3], "all-equal"),
        t([-2.5, -0.1, -7.25, -1.0], "negatives"),
        t([0.0, 0.0, 10.0], "one-dominant"),
        t([1000.0, 999.0, 998.0], "large-positive"),
        t([1000.0, -1000.0], "extremes"),
        t([710.5, 709.0, 0.0, -710.5], "large-positive"),
        t(logits(rng, 20, -5, 5), "random-small"),
        t(logits(rng, 500, -30, 30), "random-small"),
        t(logits(rng, MAX_N, -10, 10), "max-n"),
        t(logits(rng, MAX_N, 990, 1000), "max-n"),
        t(logits(rng, MAX_N, -1000, -985), "max-n"),
        t(logits(rng, MAX_N, -1000, 1000), "max-n"),
        t([7.5] * MAX_N, "max-n"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
