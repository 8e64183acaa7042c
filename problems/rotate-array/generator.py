"""Tests for rotate-array: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
import lc  # noqa: E402

MAX_N = 100_000
MAX_K = 100_000
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def main():
    rng = random.Random(600)
    t = lambda nums, k, cat: lc.test(HERE, {"nums": nums, "k": k}, cat)  # noqa: E731
    rand = lambda n, lo, hi: [rng.randint(lo, hi) for _ in range(n)]  # noqa: E731
    public = [
        t([1, 2, 3, 4, 5, 6, 7], 3, "example"),
        t([-1, -100, 3, 99], 2, "example"),
    ]
    hidden = [
        t([42], 0, "single"),
        t([42], MAX_K, "single"),
        t([1, 2], 1, "two"),
        t([1, 2], 3, "k-greater-than-n"),
        t([1, 2, 3, 4, 5, 6, 7], 0, "k-zero"),
        t([1, 2, 3, 4, 5, 6, 7], 7, "k-equals-n"),
        t([1, 2, 3, 4, 5, 6, 7], 10, "k-greater-than-n"),
        t([1, 2, 3, 4, 5, 6], 4, "even-n"),
        t([INT_MIN, INT_MAX, 0, -1, 1], 2, "extremes"),
        t([3, 3, 1, 1, 3], 3, "duplicates"),
        t([5, 6, 7, 8, 9], 1, "k-one"),
        t(rand(1000, -1000, 1000), 999, "k-n-minus-one"),
        t(rand(10_000, INT_MIN, INT_MAX), 4321, "extremes-large"),
        t(rand(9_999, -5, 5), MAX_K, "k-max"),
        t(rand(MAX_N, -999, 999), rng.randint(MAX_N // 4, MAX_N // 2), "max-n"),
        t(rand(MAX_N, 0, 999), MAX_N - 1, "max-n-k-n-minus-one"),
        t(rand(MAX_N // 2 - 1, 0, 999), MAX_K, "max-k"),
    ]
    lc.write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
