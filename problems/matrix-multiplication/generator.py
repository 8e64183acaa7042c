"""Test generator for matrix-multiplication: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX = 200


def matrix(rng, rows, cols, lo=-10.0, hi=10.0):
    return [[round(rng.uniform(lo, hi), 2) for _ in range(cols)] for _ in range(rows)]


def identity(n):
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


def main():
    rng = random.Random(1234)
    t = lambda a, b, cat: test(HERE, {"a": a, "b": b}, cat)

    public = [
        t([[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]], "example"),
        t([[1.0, 0.0, -1.0]], [[2.0], [3.5], [1.0]], "example"),
        t([[0.5], [2.0]], [[4.0, -2.0, 1.0]], "example"),
    ]
    sym = matrix(rng, 5, 5)
    hidden = [
        t([[3.5]], [[-2.0]], "single"),
        t([[0.0]], [[99.99]], "single"),
        t([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]], "rectangular"),
        t(identity(4), matrix(rng, 4, 4), "identity"),
        t(matrix(rng, 3, 6), identity(6), "identity"),
        t(matrix(rng, 3, 3), [[0.0] * 3 for _ in range(3)], "zeros"),
        t(matrix(rng, 4, 3, -100.0, -1.0), matrix(rng, 3, 5, -100.0, -1.0), "negatives"),
        t([[100.0, -100.0], [-100.0, 100.0]], [[100.0, 100.0], [100.0, 100.0]], "extremes"),
        t(matrix(rng, 6, 6, -100.0, 100.0), matrix(rng, 6, 6, -100.0, 100.0), "extremes"),
        t(sym, sym, "square"),
        t(matrix(rng, 17, 9), matrix(rng, 9, 23), "random-small"),
        t(matrix(rng, 50, 50), matrix(rng, 50, 50), "random-medium"),
        t(matrix(rng, MAX, MAX), matrix(rng, MAX, MAX), "max-size"),
        t(matrix(rng, MAX, 1), matrix(rng, 1, MAX), "outer-product"),
        t(matrix(rng, 1, MAX), matrix(rng, MAX, MAX), "vector-matrix"),
        t(matrix(rng, 120, MAX), matrix(rng, MAX, 1), "matrix-vector"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
