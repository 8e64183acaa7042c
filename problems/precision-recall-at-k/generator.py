"""Test generator for precision-recall-at-k: `python3 generator.py` rewrites tests/*.json byte-identically."""
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
    rng = random.Random(4242)
    t = lambda rec, rel, k, cat: test(HERE, {"recommended": rec, "relevant": rel, "k": k}, cat)

    public = [
        t([10, 3, 7, 5, 1], [3, 5, 8], 4, "example"),
        t([4, 2], [2, 9], 5, "example"),
        t([1, 2, 3], [], 2, "example"),
    ]
    hidden = [
        t([7], [7], 1, "single"),
        t([7], [8], 1, "single"),
        t([5, 6, 7], [6, 7, 8, 9], 10, "k-larger-than-n"),
        t([], [1, 2, 3], 3, "empty-recommended"),
        t([], [], 1, "both-empty"),
        t([4, 8, 15, 16, 23, 42], [], 6, "empty-relevant"),
        t([9, 1, 2, 3], [1, 2, 3], 1, "k-one"),
        t([1, 2, 3, 4, 5], [6, 7, 8], 5, "no-overlap"),
        t([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], 5, "all-relevant"),
        t([11, 22, 33, 44], [44, 33], 2, "relevant-below-k"),
        t([1000000000, 1, 999999999], [999999999, 1000000000], 3, "large-ids"),
        t(*case(rng, 50, 20, 0.5), 10, "random-small"),
        t(*case(rng, 300, 40, 0.8), 500, "random-small"),
        t(*case(rng, MAX_N, MAX_N, 0.3), MAX_N, "max-n"),
        t(*case(rng, MAX_N, 100, 0.7), 100, "max-n"),
        t(*case(rng, 1000, 50_000, 0.02), MAX_N, "max-n"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
