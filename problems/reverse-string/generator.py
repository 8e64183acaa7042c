"""Tests for reverse-string: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
import lc  # noqa: E402

MAX_N = 100_000
PRINTABLE = [chr(c) for c in range(32, 127)]


def main():
    rng = random.Random(900)
    t = lambda chars, cat: lc.test(HERE, {"s": list(chars)}, cat)  # noqa: E731
    rand = lambda n, alphabet=PRINTABLE: [rng.choice(alphabet) for _ in range(n)]  # noqa: E731
    public = [
        t("hello", "example"),
        t("Hannah", "example"),
    ]
    hidden = [
        t("a", "single"),
        t(" ", "single-space"),
        t("ab", "two"),
        t("abc", "odd"),
        t("abcd", "even"),
        t("racecar", "palindrome"),
        t("aaaaaa", "all-same"),
        t("a b  c ", "spaces"),
        t('"\\\'{}[]<>~`', "special-characters"),
        t("0123456789", "digits"),
        t("A man, a plan, a canal: Panama", "sentence"),
        t(rand(1000), "random"),
        t(rand(999, list(string.ascii_letters)), "random-odd"),
        t(rand(MAX_N), "max-n"),
        t(rand(MAX_N - 1, list(string.ascii_lowercase + " ")), "max-n-odd"),
        t(["x"] * (MAX_N // 2) + ["y"] * (MAX_N // 2), "max-n-halves"),
    ]
    lc.write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
