"""Tests for course-schedule: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
import lc  # noqa: E402

MAX_N = 30_000
MAX_E = 30_000


def random_dag(rng, n, e):
    """e unique pairs [a, b] with b before a in a hidden random order (so there is no cycle)."""
    order = list(range(n))
    rng.shuffle(order)
    pairs = set()
    while len(pairs) < e:
        i, j = rng.randrange(n), rng.randrange(n)
        if i == j:
            continue
        if i > j:
            i, j = j, i
        pairs.add((order[j], order[i]))
    out = [list(p) for p in pairs]
    out.sort()
    rng.shuffle(out)
    return out


def chain(rng, n, cyclic=False):
    """A path through all n courses in random labels, each needing the previous one; cyclic closes it."""
    order = list(range(n))
    rng.shuffle(order)
    pairs = [[order[i + 1], order[i]] for i in range(n - 1)]
    if cyclic:
        pairs.append([order[0], order[-1]])
    rng.shuffle(pairs)
    return pairs


def deep_dag(rng, n, e):
    """A chain through all courses plus random forward pairs: a DAG whose longest path has n courses."""
    order = list(range(n))
    rng.shuffle(order)
    pairs = {(order[i + 1], order[i]) for i in range(n - 1)}
    while len(pairs) < e:
        i, j = sorted(rng.sample(range(n), 2))
        pairs.add((order[j], order[i]))
    out = sorted(pairs)
    rng.shuffle(out)
    return [list(p) for p in out]


def layered(rng, n, layers, e):
    """Courses in layers; every pair points from a later layer to an earlier one, many diamonds."""
    per = n // layers
    pairs = set()
    while len(pairs) < e:
        la = rng.randrange(1, layers)
        lb = rng.randrange(0, la)
        a = la * per + rng.randrange(per)
        b = lb * per + rng.randrange(per)
        pairs.add((a, b))
    out = sorted(pairs)
    rng.shuffle(out)
    return [list(p) for p in out]


def main():
    rng = random.Random(300)
    t = lambda n, pre, cat: lc.test(HERE, {"numCourses": n, "prerequisites": pre}, cat)  # noqa: E731
    public = [
        t(2, [[1, 0]], "example"),
        t(2, [[1, 0], [0, 1]], "example"),
    ]
    dag = random_dag(rng, MAX_N, MAX_E)
    hidden = [
        t(1, [], "single"),
        t(1, [[0, 0]], "self-loop"),
        t(5, [], "no-prerequisites"),
        t(3, [[0, 1], [0, 2], [1, 2]], "small-dag"),
        t(4, [[1, 0], [2, 0], [3, 1], [3, 2]], "diamond"),
        t(4, [[1, 0], [2, 1], [3, 2], [1, 3]], "cycle"),
        t(6, [[1, 0], [2, 1], [4, 3], [5, 4], [3, 5]], "components-with-cycle"),
        t(5, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 4]], "self-loop"),
        t(1000, layered(rng, 1000, 10, 3000), "diamonds"),
        t(1000, chain(rng, 1000, cyclic=True), "long-cycle"),
        t(MAX_N, [], "max-n-no-prerequisites"),
        t(MAX_N, dag, "max-dag"),
        t(MAX_N, dag[:-1] + [[dag[0][1], dag[0][0]]], "max-dag-one-back-edge"),
        t(MAX_N, chain(rng, MAX_N), "max-chain"),
        t(MAX_N, deep_dag(rng, MAX_N, MAX_E), "max-deep-dag"),
        t(MAX_N, chain(rng, MAX_N, cyclic=True)[: MAX_E], "max-cycle"),
        t(MAX_N, layered(rng, MAX_N, 100, MAX_E), "max-diamonds"),
        t(MAX_N, [[i, 0] for i in range(1, MAX_N)], "max-star"),
    ]
    lc.write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
