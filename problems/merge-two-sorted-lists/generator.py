"""Generates tests for merge-two-sorted-lists (seeded, byte-identical on every run)."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 50
LIMIT = 100


def rand(rng, n, lo=-LIMIT, hi=LIMIT):
    return sorted(rng.randint(lo, hi) for _ in range(n))


def main():
    rng = random.Random(2718)
    t = lambda a, b, category: test(HERE, {"list1": a, "list2": b}, category)

    public = [
        t([1, 2, 4], [1, 3, 4], "example"),
        t([], [], "empty"),
        t([], [0], "empty"),
    ]

    hidden = [
        t([1], [], "one-empty"),
        t([], [-3, 7], "one-empty"),
        t([5], [1], "single"),
        t([1], [1], "single"),
        t([1, 2, 3], [4, 5, 6], "no-interleaving"),
        t([4, 5, 6], [1, 2, 3], "no-interleaving"),
        t([1, 3, 5, 7], [2, 4, 6, 8], "alternating"),
        t([2, 2, 2], [2, 2], "all-equal"),
        t([-10, -5, 0], [-7, -5, -1], "negatives"),
        t([-LIMIT, LIMIT], [-LIMIT, 0, LIMIT], "extreme-values"),
        t([0], [-1, 0, 0, 1], "duplicates"),
        t([1, 2], [0, 3, 4, 5, 6, 7], "list2-longer"),
        t(rand(rng, 10), rand(rng, 20), "random"),
        t(rand(rng, MAX_N), rand(rng, MAX_N), "max-n-random"),
        t(rand(rng, MAX_N, -5, 5), rand(rng, MAX_N, -5, 5), "max-n-duplicates"),
        t(rand(rng, MAX_N), [], "max-n-one-empty"),
        t([], rand(rng, MAX_N), "max-n-one-empty"),
        t(rand(rng, MAX_N, -LIMIT, 0), rand(rng, MAX_N, 0, LIMIT), "max-n-no-interleaving"),
        t([0], rand(rng, MAX_N), "max-n-single-node"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
