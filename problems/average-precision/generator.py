"""Test generator for average-precision: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 100_000


def case(rng, n_rec, n_rel, overlap, id_max=10**6):
    """n_rec recommended ids and n_rel relevant ids (distinct each), about `overlap` of the relevant ones recommended."""
    ids = rng.sample(range(1, id_max + 1), n_rec + n_rel)
    recommended = ids[:n_rec]
    relevant = ids[n_rec:]
    shared = min(int(n_rel * overlap), n_rec)
    relevant[:shared] = rng.sample(recommended, shared)
    rng.shuffle(relevant)
    return recommended, relevant


def main():
    rng = random.Random(777)
    t = lambda rec, rel, cat: test(HERE, {"recommended": rec, "relevant": rel}, cat)

    public = [
        t([1, 2, 3, 4, 5], [1, 3, 6], "example"),
        t([7, 8, 9], [9, 8], "example"),
        t([1, 2, 3], [], "example"),
    ]
    hidden = [
        t([5], [5], "single"),
        t([5], [6], "single"),
        t([], [1, 2], "empty-recommended"),
        t([], [], "both-empty"),
        t([1, 2, 3, 4], [1, 2, 3, 4], "all-relevant"),
        t([1, 2, 3, 4], [4, 3, 2, 1], "all-relevant"),
        t([1, 2, 3, 4, 5, 6], [5, 6], "relevant-at-bottom"),
        t([1, 2, 3, 4, 5, 6], [1, 2], "relevant-at-top"),
        t([10, 20, 30], [40, 50], "no-overlap"),
        t([10, 20, 30], [30, 40, 50, 60], "partially-retrieved"),
        t([1000000000, 1, 999999999], [999999999, 1000000000], "large-ids"),
        t(*case(rng, 40, 15, 0.6), "random-small"),
        t(*case(rng, 500, 60, 0.9), "random-small"),
        t(*case(rng, MAX_N, 50_000, 0.5, 300_000), "max-n"),
        t(*case(rng, MAX_N, 100, 0.8, 300_000), "max-n"),
        t(*case(rng, 10_000, MAX_N, 0.05, 300_000), "max-n"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
