"""Tests for climbing-stairs: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
import lc  # noqa: E402


def main():
    rng = random.Random(400)
    t = lambda n, cat: lc.test(HERE, {"n": n}, cat)  # noqa: E731
    public = [t(2, "example"), t(3, "example")]
    hidden = [
        t(1, "min-n"),
        t(4, "small"),
        t(5, "small"),
        t(10, "small"),
        t(rng.randint(11, 30), "medium"),
        t(30, "medium"),
        t(35, "medium"),
        t(40, "large"),
        t(44, "fits-32-bit"),
        t(45, "fits-32-bit"),
        t(46, "over-32-bit"),
        t(47, "over-32-bit"),
        t(50, "large"),
        t(rng.randint(51, 70), "large"),
        t(rng.randint(71, 85), "large"),
        t(89, "max-n"),
        t(90, "max-n"),
    ]
    lc.write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
