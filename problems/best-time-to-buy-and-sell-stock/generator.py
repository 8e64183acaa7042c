"""Generates tests/public.json and tests/hidden.json for best-time-to-buy-and-sell-stock (seeded, byte-identical)."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 10**5
MAX_P = 10**4


def walk(rng, n, drift=0, step=50):
    """A bounded random walk of prices in [0, MAX_P]."""
    p = rng.randint(0, MAX_P)
    out = []
    for _ in range(n):
        p = min(MAX_P, max(0, p + rng.randint(-step, step) + drift))
        out.append(p)
    return out


def main():
    rng = random.Random(424242)
    t = lambda prices, category: test(HERE, {"prices": prices}, category)

    public = [t([7, 1, 5, 3, 6, 4], "example"), t([7, 6, 4, 3, 1], "example")]

    # The global maximum comes before the global minimum; the best trade is elsewhere.
    trap = walk(rng, MAX_N // 2, step=30)
    trap = [min(MAX_P, v // 2 + 2000) for v in trap]
    trap[1000] = MAX_P
    trap[-1000] = 0

    hidden = [
        t([5], "single"),
        t([0], "single"),
        t([1, 2], "two-days"),
        t([2, 1], "two-days"),
        t([3, 3, 3, 3], "all-equal"),
        t([2, 4, 1], "min-after-max"),
        t([3, 2, 6, 5, 0, 3], "min-after-max"),
        t([0, MAX_P], "extreme-values"),
        t([MAX_P, 0], "extreme-values"),
        t([MAX_P, 0, MAX_P, 0], "extreme-values"),
        t([rng.randint(0, MAX_P) for _ in range(1000)], "random"),
        t([rng.randint(0, MAX_P) for _ in range(MAX_N)], "max-n-random"),
        t(sorted((rng.randint(0, MAX_P) for _ in range(MAX_N)), reverse=True), "max-n-decreasing"),
        t(sorted(rng.randint(0, MAX_P) for _ in range(MAX_N)), "max-n-increasing"),
        t(walk(rng, MAX_N), "max-n-walk"),
        t(walk(rng, 10**4, step=200), "large-walk"),
        t(trap + walk(rng, MAX_N // 2, step=20), "max-n-min-after-max"),
        t([MAX_P if i % 2 else 0 for i in range(MAX_N // 2)], "large-zigzag"),
        t([7] * MAX_N, "max-n-all-equal"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
