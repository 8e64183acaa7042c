"""Tests for coin-change: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
import lc  # noqa: E402

MAX_AMOUNT = 10_000
INT_MAX = 2**31 - 1


def main():
    rng = random.Random(500)
    t = lambda coins, amount, cat: lc.test(HERE, {"coins": coins, "amount": amount}, cat)  # noqa: E731
    public = [
        t([1, 2, 5], 11, "example"),
        t([2], 3, "example"),
        t([1], 0, "example"),
    ]
    hidden = [
        t([7], 0, "zero-amount"),
        t([1], 1, "single"),
        t([3], 9, "single-coin"),
        t([2], 1, "unreachable"),
        t([1, 3, 4], 6, "greedy-fails"),
        t([3, 5], 9, "greedy-fails"),
        t([186, 419, 83, 408], 6249, "greedy-fails"),
        t([INT_MAX], 10, "huge-coin"),
        t([1, INT_MAX, 2147483646], 100, "huge-coin"),
        t([5, 5, 2, 2], 11, "duplicates"),
        t([1], MAX_AMOUNT, "max-amount-ones"),
        t([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24], MAX_AMOUNT - 1, "max-unreachable"),
        t([9973, 9967], MAX_AMOUNT, "max-unreachable"),
        t([rng.randint(1, 100) for _ in range(12)], MAX_AMOUNT, "max-small-coins"),
        t([rng.randint(100, 5000) for _ in range(12)], MAX_AMOUNT, "max-random"),
        t(sorted(rng.sample(range(200, 2000), 12)), MAX_AMOUNT - 3, "max-random"),
        t([rng.randint(1, MAX_AMOUNT) for _ in range(11)] + [INT_MAX], rng.randint(5000, MAX_AMOUNT), "max-random"),
        t([37, 91, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 43, 47], MAX_AMOUNT, "max-n"),
    ]
    lc.write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
