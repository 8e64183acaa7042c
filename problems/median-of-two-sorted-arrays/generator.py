"""Tests for median-of-two-sorted-arrays: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
import lc  # noqa: E402

MAX_LEN = 20_000
LIMIT = 10**6


def main():
    rng = random.Random(1000)
    srt = lambda n, lo=-LIMIT, hi=LIMIT: sorted(rng.randint(lo, hi) for _ in range(n))  # noqa: E731

    def t(a, b, cat):
        assert 1 <= len(a) + len(b) and a == sorted(a) and b == sorted(b)
        return lc.test(HERE, {"nums1": a, "nums2": b}, cat)

    public = [
        t([1, 3], [2], "example"),
        t([1, 2], [3, 4], "example"),
    ]
    hidden = [
        t([], [1], "empty-nums1"),
        t([2], [], "empty-nums2"),
        t([], [2, 3], "empty-nums1"),
        t([1], [1], "single-each"),
        t([1], [2], "single-each"),
        t([0, 0], [0, 0], "duplicates"),
        t([1, 2, 2], [2, 2, 3], "duplicates"),
        t([-5, -3, -1], [-4, -2], "negatives"),
        t([-3, -1], [-4, -2], "negatives-half"),
        t([1, 2, 3, 4], [5, 6, 7, 8, 9], "disjoint"),
        t([10, 20, 30], [1, 2], "disjoint"),
        t([-LIMIT], [LIMIT], "extremes"),
        t([LIMIT - 1], [LIMIT], "extremes-half"),
        t([-LIMIT, -LIMIT + 1], [LIMIT, LIMIT], "extremes"),
        t(srt(1), srt(1000), "lopsided"),
        t(srt(777), srt(778), "random"),
        t([], srt(MAX_LEN), "max-one-empty"),
        t(srt(MAX_LEN), srt(MAX_LEN), "max-even"),
        t(srt(MAX_LEN), srt(MAX_LEN - 1), "max-odd"),
        t(sorted(rng.randint(0, 9) for _ in range(MAX_LEN)), sorted(rng.randint(5, 14) for _ in range(MAX_LEN)), "max-duplicates"),
        t(srt(MAX_LEN, -LIMIT, 0), srt(MAX_LEN, 0, LIMIT), "max-disjoint"),
    ]
    lc.write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
