"""Generates tests for search-in-rotated-sorted-array (seeded, byte-identical on every run)."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 5000
LIMIT = 10**4


def rotated(rng, n, k=None, lo=-LIMIT, hi=LIMIT):
    """n distinct sorted values from [lo, hi], rotated left by k (random when None)."""
    values = sorted(rng.sample(range(lo, hi + 1), n))
    if k is None:
        k = rng.randrange(n)
    return values[k:] + values[:k]


def absent(rng, nums):
    present = set(nums)
    while True:
        x = rng.randint(-LIMIT, LIMIT)
        if x not in present:
            return x


def main():
    rng = random.Random(5150)
    t = lambda nums, target, category: test(HERE, {"nums": nums, "target": target}, category)

    public = [
        t([4, 5, 6, 7, 0, 1, 2], 0, "example"),
        t([4, 5, 6, 7, 0, 1, 2], 3, "example"),
        t([1], 0, "example"),
    ]

    hidden = [
        t([1], 1, "single"),
        t([-LIMIT], LIMIT, "single"),
        t([3, 1], 1, "two-elements"),
        t([3, 1], 3, "two-elements"),
        t([1, 3], 3, "two-elements"),
        t([1, 3], 2, "two-elements"),
        t([5, 1, 3], 5, "three-elements"),
        t([5, 1, 3], 3, "three-elements"),
        t([4, 5, 6, 7, 8, 1, 2, 3], 8, "pivot-neighbour"),
        t([1, 2, 3, 4, 5, 6, 7], 7, "not-rotated"),
        t([2, 3, 4, 5, 6, 7, 1], 1, "rotated-by-one"),
        t([2, 3, 4, 5, 1], 1, "pivot-at-end"),
        t([6, 1, 2, 3, 4, 5], 1, "pivot-near-start"),
        t([LIMIT, -LIMIT, 0], -LIMIT, "extreme-values"),
        t(rotated(rng, 100, lo=-LIMIT + 1), -LIMIT, "random-absent"),
    ]
    for category, k, pick in [
        ("max-n-pivot", 1234, "pivot"),
        ("max-n-first", 3000, "first"),
        ("max-n-last", 777, "last"),
        ("max-n-absent", 2500, "absent"),
        ("max-n-not-rotated", 0, "last"),
        ("max-n-not-rotated", 0, "absent"),
        ("max-n-random", None, "random"),
        ("max-n-random", None, "random"),
        ("max-n-below-all", 4000, "below"),
        ("max-n-above-all", 4000, "above"),
    ]:
        nums = rotated(rng, MAX_N, k)
        lowest, highest = min(nums), max(nums)
        if pick == "below" and lowest == -LIMIT or pick == "above" and highest == LIMIT:
            raise AssertionError("regenerate with another seed")
        target = {
            "pivot": lowest,
            "first": nums[0],
            "last": nums[-1],
            "absent": absent(rng, nums),
            "random": rng.choice(nums),
            "below": lowest - 1,
            "above": highest + 1,
        }[pick]
        hidden.append(t(nums, target, category))
    hidden.append(t(list(range(LIMIT - MAX_N + 1, LIMIT + 1)), LIMIT, "max-n-extreme-values"))
    dense = list(range(-LIMIT, -LIMIT + MAX_N))
    hidden.append(t(dense[2:] + dense[:2], -LIMIT + 1, "max-n-extreme-values"))
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
