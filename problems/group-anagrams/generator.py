"""Tests for group-anagrams: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
import lc  # noqa: E402

MAX_N = 10_000
MAX_LEN = 100


def word(rng, length, alphabet=string.ascii_lowercase):
    return "".join(rng.choice(alphabet) for _ in range(length))


def shuffled(rng, s):
    chars = list(s)
    rng.shuffle(chars)
    return "".join(chars)


def anagram_families(rng, n, families, lo, hi, alphabet=string.ascii_lowercase):
    """n strings drawn from `families` base words, each a random permutation of its base."""
    bases = [word(rng, rng.randint(lo, hi), alphabet) for _ in range(families)]
    return [shuffled(rng, rng.choice(bases)) for _ in range(n)]


def main():
    rng = random.Random(700)
    t = lambda strs, cat: lc.test(HERE, {"strs": strs}, cat)  # noqa: E731
    public = [
        t(["eat", "tea", "tan", "ate", "nat", "bat"], "example"),
        t([""], "example"),
        t(["a"], "example"),
    ]
    hidden = [
        t(["", ""], "empty-strings"),
        t(["", "b", ""], "empty-strings"),
        t(["abc", "abc", "cba"], "duplicates"),
        t(["aab", "abb", "bab", "baa"], "letter-counts"),
        t(["a" * 11 + "b", "a" + "b" * 11, "ba" + "a" * 10], "letter-counts"),
        t(["ab", "c", "abc", "ba", "cab"], "small"),
        t([word(rng, 1) for _ in range(50)], "single-letters"),
        t([shuffled(rng, "listen") for _ in range(30)], "one-group"),
        t(sorted({word(rng, 6) for _ in range(200)}), "all-distinct"),
        t(anagram_families(rng, 300, 40, 90, MAX_LEN, "ab"), "two-letters-long"),
        t(anagram_families(rng, 2000, 200, MAX_LEN, MAX_LEN), "max-length"),
        t(anagram_families(rng, MAX_N, 1, 8, 8), "max-n-one-group"),
        t(anagram_families(rng, MAX_N, 100, 0, 30), "max-n-few-groups"),
        t(anagram_families(rng, MAX_N, 3000, 1, 12, "abcdef"), "max-n-small-alphabet"),
        t([word(rng, rng.randint(5, 12)) for _ in range(MAX_N)], "max-n-distinct"),
        t(anagram_families(rng, MAX_N, 8000, 3, 10), "max-n-many-groups"),
        t([shuffled(rng, "a" * 30 + word(rng, 10, string.ascii_lowercase[1:])) for _ in range(MAX_N)], "max-n-common-letters"),
    ]
    lc.write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
