"""Generates tests for longest-substring-without-repeating-characters (seeded, byte-identical on every run)."""
import os
import random
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 5 * 10**4
PRINTABLE = "".join(chr(c) for c in range(32, 127))  # 95 characters: letters, digits, symbols and space


def rand(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def main():
    rng = random.Random(31337)
    t = lambda s, category: test(HERE, {"s": s}, category)

    public = [t("abcabcbb", "example"), t("bbbbb", "example"), t("pwwkew", "example")]

    shuffled = list(PRINTABLE)
    rng.shuffle(shuffled)
    shuffled = "".join(shuffled)
    # A long repetitive prefix, then all 95 distinct characters at the very end.
    tail_best = rand(rng, MAX_N - len(PRINTABLE), "ab") + shuffled

    hidden = [
        t("", "empty"),
        t(" ", "single"),
        t("a", "single"),
        t("au", "all-distinct"),
        t("dvdf", "window-moves"),
        t("abba", "window-moves"),
        t("tmmzuxt", "window-moves"),
        t("a b c a\"\\'b", "symbols-and-spaces"),
        t("  ", "spaces"),
        t(PRINTABLE, "all-distinct"),
        t(string.ascii_lowercase * 4, "repeating-alphabet"),
        t(rand(rng, 1000, string.ascii_letters + string.digits), "random"),
        t(rand(rng, MAX_N, PRINTABLE), "max-n-random"),
        t(rand(rng, MAX_N, string.ascii_lowercase), "max-n-lowercase"),
        t(rand(rng, MAX_N, "ab"), "max-n-two-letters"),
        t("z" * MAX_N, "max-n-one-letter"),
        t((shuffled * (MAX_N // len(shuffled) + 1))[:MAX_N], "max-n-cycle"),
        t(tail_best, "max-n-best-at-end"),
        t(shuffled + rand(rng, MAX_N - len(PRINTABLE), "xyz"), "max-n-best-at-start"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
