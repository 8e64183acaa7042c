"""Generates tests for reverse-linked-list (seeded, byte-identical on every run)."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 5000
LIMIT = 5000


def rand(rng, n, lo=-LIMIT, hi=LIMIT):
    return [rng.randint(lo, hi) for _ in range(n)]


def main():
    rng = random.Random(1212)
    t = lambda head, category: test(HERE, {"head": head}, category)

    public = [t([1, 2, 3, 4, 5], "example"), t([1, 2], "example"), t([], "empty")]

    spread = list(range(-LIMIT, LIMIT + 1, 2))  # 5001 values from -5000 to 5000; one is dropped below

    hidden = [
        t([], "empty"),
        t([1], "single"),
        t([0], "single"),
        t([-LIMIT, LIMIT], "extreme-values"),
        t([3, 1, 2], "three-nodes"),
        t([1, 1, 2, 2], "duplicates"),
        t([1, 2, 1], "palindrome"),
        t([-1, -2, -3, -4], "negatives"),
        t(rand(rng, 10), "random"),
        t(rand(rng, 100), "random"),
        t(rand(rng, 1001), "random"),
        t(rand(rng, MAX_N), "max-n-random"),
        t(sorted(rand(rng, MAX_N)), "max-n-sorted"),
        t([7] * MAX_N, "max-n-all-equal"),
        t(spread[:MAX_N // 2] + spread[MAX_N // 2 + 1:], "max-n-extreme-values"),
        t(rand(rng, MAX_N - 1), "max-n-odd-length"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
