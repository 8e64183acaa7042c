"""Generates tests for merge-intervals (seeded, byte-identical on every run)."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 10**5
MAX_V = 10**6


def overlapping(rng, n, max_len, hi=MAX_V):
    out = []
    for _ in range(n):
        s = rng.randint(0, hi)
        out.append([s, min(hi, s + rng.randint(0, max_len))])
    return out


def disjoint(rng, n):
    """n pairwise disjoint (not even touching) intervals, shuffled."""
    cuts = sorted(rng.sample(range(MAX_V + 1), 2 * n))
    out = [[cuts[2 * i], cuts[2 * i + 1]] for i in range(n)]
    rng.shuffle(out)
    return out


def main():
    rng = random.Random(8086)
    t = lambda intervals, category: test(HERE, {"intervals": intervals}, category)

    public = [
        t([[1, 3], [2, 6], [8, 10], [15, 18]], "example"),
        t([[1, 4], [4, 5]], "example"),
        t([[4, 7], [1, 4]], "example"),
    ]

    chain = [[i, i + 1] for i in range(0, 20000)]
    rng.shuffle(chain)
    nested = [[i, MAX_V - i] for i in range(10000)]
    rng.shuffle(nested)

    hidden = [
        t([[1, 1]], "single"),
        t([[0, MAX_V]], "single"),
        t([[1, 4], [2, 3]], "contained"),
        t([[1, 4], [0, 4]], "same-end"),
        t([[1, 4], [0, 0]], "disjoint"),
        t([[1, 4], [5, 6]], "disjoint"),
        t([[2, 3], [4, 5], [6, 7], [8, 9], [1, 10]], "unsorted"),
        t([[1, 3], [1, 3], [1, 3]], "duplicates"),
        t([[0, 0], [1, 1], [1, 1], [2, 2], [2, 3]], "points"),
        t([[0, MAX_V], [5, 5], [MAX_V, MAX_V]], "extreme-values"),
        t([[5, 8], [1, 2], [2, 4], [9, 9], [8, 9]], "chain"),
        t(overlapping(rng, 100, 40000), "random"),
        t(overlapping(rng, 1000, 2000), "random"),
        t(overlapping(rng, 10000, 30), "large-random"),
        t(overlapping(rng, MAX_N, 10, hi=9999), "max-n-overlapping"),
        t(disjoint(rng, 20000), "large-disjoint"),
        t(chain, "large-touching-chain"),
        t(nested, "large-nested"),
        t([[7, 7]] * 30000, "large-identical"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
