"""Generates tests for kth-largest-element-in-an-array (seeded, byte-identical on every run)."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 10**5
LIMIT = 10**4


def rand(rng, n, lo=-LIMIT, hi=LIMIT):
    return [rng.randint(lo, hi) for _ in range(n)]


def main():
    rng = random.Random(99991)
    t = lambda nums, k, category: test(HERE, {"nums": nums, "k": k}, category)

    public = [
        t([3, 2, 1, 5, 6, 4], 2, "example"),
        t([3, 2, 3, 1, 2, 4, 5, 5, 6], 4, "example"),
    ]

    hidden = [
        t([1], 1, "single"),
        t([-LIMIT], 1, "single"),
        t([2, 1], 1, "two-elements"),
        t([2, 1], 2, "two-elements"),
        t([-1, -1], 2, "duplicates"),
        t([5, 5, 5, 5, 5], 3, "all-equal"),
        t([7, 7, 7, 1, 7], 4, "duplicates"),
        t([-3, -1, -2, -5, -4], 2, "negatives"),
        t([LIMIT, -LIMIT, 0, LIMIT, -LIMIT], 3, "extreme-values"),
        t(rand(rng, 1000), 1000, "k-equals-n"),
        t(rand(rng, 1000), 1, "k-equals-1"),
        t(rand(rng, MAX_N), MAX_N // 2, "max-n-median"),
        t(rand(rng, 30000), 1, "large-k-1"),
        t(rand(rng, 30000), 30000, "large-k-n"),
        t(rand(rng, MAX_N), MAX_N // 3, "max-n-random"),
        t(sorted(rand(rng, MAX_N)), MAX_N // 2, "max-n-ascending"),
        t(sorted(rand(rng, MAX_N), reverse=True), MAX_N // 2 + 1, "max-n-descending"),
        t(rand(rng, MAX_N, -2, 2), MAX_N // 2, "max-n-few-distinct"),
        t([1] * MAX_N, MAX_N // 2, "max-n-all-equal"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
