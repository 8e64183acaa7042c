"""Tests for top-k-frequent-elements: `python3 generator.py` rewrites tests/*.json byte-identically.

Every test has a unique answer: the k-th highest frequency is strictly above the (k+1)-th."""
import os
import collections
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
import lc  # noqa: E402

MAX_N = 100_000
LO, HI = -10_000, 10_000


def make(rng, freqs, k, lo=LO, hi=HI):
    """An array whose distinct values (drawn from [lo, hi]) occur freqs times; the top k is made unique by
    raising the k most frequent values by one where the k-th ties with the (k+1)-th."""
    freqs = sorted(freqs, reverse=True)
    if k < len(freqs) and freqs[k - 1] == freqs[k]:
        freqs = [f + 1 for f in freqs[:k]] + freqs[k:]
    values = rng.sample(range(lo, hi + 1), len(freqs))
    nums = [v for v, f in zip(values, freqs) for _ in range(f)]
    rng.shuffle(nums)
    return nums


def check_unique(nums, k):
    counts = sorted(collections.Counter(nums).values(), reverse=True)
    assert 1 <= k <= len(counts) and (k == len(counts) or counts[k - 1] > counts[k]), (k, counts[: k + 1])
    return nums


def main():
    rng = random.Random(800)

    def t(nums, k, cat):
        assert 1 <= len(nums) <= MAX_N and all(LO <= x <= HI for x in nums)
        check_unique(nums, k)
        return lc.test(HERE, {"nums": nums, "k": k}, cat)

    def m(freqs, k, cat):
        return t(make(rng, freqs, k), k, cat)

    public = [
        t([1, 1, 1, 2, 2, 3], 2, "example"),
        t([1], 1, "example"),
        t([1, 2, 1, 2, 1, 2, 3, 1, 3, 2], 2, "example"),
    ]
    hidden = [
        t([-5], 1, "single"),
        t([7, 7, 7, 7], 1, "all-same"),
        t([3, 1, 2], 3, "k-all-distinct"),
        t([4, 4, 1, 2, 3], 1, "k-one"),
        t([-1, -1, -2, -2, -2, -3], 2, "negatives"),
        t([LO, HI, HI, LO, LO, 0], 1, "extremes"),
        t([5, 3, 5, 3, 5, 1, 9, 9, 9, 9], 3, "small"),
        m([rng.randint(1, 20) for _ in range(50)], 10, "random"),
        m([rng.randint(1, 5) for _ in range(1000)], 1000, "k-all"),
        m([1] * (HI - LO + 1), HI - LO + 1, "max-distinct-k-all"),
        m([4] * (HI - LO) + [MAX_N - 4 * (HI - LO)], 1, "max-n-one-heavy"),
        m([rng.randint(1, 8) for _ in range(HI - LO + 1)], 1000, "max-distinct"),
        m([rng.randint(1, 5000) for _ in range(19)], 5, "max-n-few-values"),
        t(make(rng, [MAX_N], 1, 0, 9), 1, "max-n-all-same"),
        m([rng.randint(1, 8) for _ in range(16_000)], 15_000, "max-n-k-large"),
        m([rng.randint(1, 10) for _ in range(5_000)], 1, "k-one-many-values"),
    ]
    lc.write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
