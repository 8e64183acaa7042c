"""Generates tests/public.json and tests/hidden.json for two-sum (seeded, byte-identical on every run)."""
import os
import random
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

LIMIT = 10**9


def unique_pair(rng, n, lo=-LIMIT, hi=LIMIT, target=None, first=None, second=None, pool=None):
    """An array of n values in [lo, hi] in which exactly one pair of positions sums to target.

    Every other value x is drawn only while target - x is not yet in the array, so no second pair can appear.
    `pool` (optional) draws the other values from a small list, which gives many duplicates."""
    if target is None:
        target = rng.randint(lo, hi)
    a = rng.randint(max(lo, target - hi), min(hi, target - lo))
    b = target - a
    seen = {a, b}
    others = []
    while len(others) < n - 2:
        x = rng.choice(pool) if pool else rng.randint(lo, hi)
        if target - x in seen:
            continue
        seen.add(x)
        others.append(x)
    if first is None:
        first, second = sorted(rng.sample(range(n), 2))
    nums = others[:first] + [a] + others[first:second - 1] + [b] + others[second - 1:]
    assert nums[first] + nums[second] == target and len(nums) == n
    return nums, target


def pair_count(nums, target):
    """How many pairs of positions i < j have nums[i] + nums[j] == target."""
    count = Counter(nums)
    pairs = 0
    for x, c in count.items():
        y = target - x
        if x < y:
            pairs += c * count.get(y, 0)
        elif x == y:
            pairs += c * (c - 1) // 2
    return pairs


def main():
    rng = random.Random(20240601)

    def t(nums, target, category):
        assert pair_count(nums, target) == 1, (category, nums[:10])
        return test(HERE, {"nums": nums, "target": target}, category)

    public = [
        t([2, 7, 11, 15], 9, "example"),
        t([3, 2, 4], 6, "example"),
        t([3, 3], 6, "example"),
    ]

    hidden = [
        t([1, 2], 3, "min-n"),
        t([-5, 5], 0, "min-n"),
        t([-3, 4, 3, 90], 0, "negatives"),
        t([-1, -2, -3, -4, -5], -8, "negatives"),
        t([0, 4, 3, 0], 0, "zeros"),
        t([5, 1, 5, 3, 1, 4], 10, "duplicates"),
        t([4, 1, 7, 2, 11], 8, "same-value-not-reused"),
        t([LIMIT, -LIMIT, 3], 0, "extreme-values"),
        t([LIMIT, 7, LIMIT - 1, -4], LIMIT - 4, "extreme-values"),
        t([-LIMIT, 2, -LIMIT + 5, 8], -LIMIT + 8, "extreme-values"),
        t(*unique_pair(rng, 1000, -100, 100, pool=list(range(-100, 101))), "duplicates"),
        t(*unique_pair(rng, 1000), "random"),
        t(*unique_pair(rng, 10**4, first=0, second=1), "large-answer-first"),
        t(*unique_pair(rng, 10**4, 0, LIMIT, target=LIMIT, first=3, second=10**4 - 1), "large"),
        t(*unique_pair(rng, 10**5, -10**6, 10**6), "max-n"),
        t(*unique_pair(rng, 10**5, first=10**5 - 2, second=10**5 - 1), "max-n-answer-last"),
        t(*unique_pair(rng, 10**5, -1000, 1000, pool=list(range(-1000, 1001)), first=10**5 - 5, second=10**5 - 1), "max-n-duplicates"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
