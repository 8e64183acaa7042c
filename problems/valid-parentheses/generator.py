"""Generates tests/public.json and tests/hidden.json for valid-parentheses (seeded, byte-identical on every run)."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

OPEN, CLOSE = "([{", ")]}"
MAX_N = 10**4


def balanced(rng, n, depth_bias=0.5):
    """A random valid string of even length n; depth_bias is the chance to open when both moves are allowed."""
    assert n % 2 == 0
    out, stack = [], []
    while len(out) < n:
        left = n - len(out)
        if stack and (left == len(stack) or rng.random() >= depth_bias):
            out.append(CLOSE[OPEN.index(stack.pop())])
        else:
            c = rng.choice(OPEN)
            stack.append(c)
            out.append(c)
    return "".join(out)


def main():
    rng = random.Random(7001)
    t = lambda s, category: test(HERE, {"s": s}, category)

    public = [t("()", "example"), t("()[]{}", "example"), t("(]", "example")]

    deep_ok = balanced(rng, MAX_N, depth_bias=0.9)
    mid = MAX_N // 2
    # Swap one closing bracket for another type deep inside a long valid string.
    deep_bad = list(balanced(rng, MAX_N))
    i = next(k for k in range(mid, MAX_N) if deep_bad[k] in CLOSE)
    deep_bad[i] = CLOSE[(CLOSE.index(deep_bad[i]) + 1) % 3]
    deep_bad = "".join(deep_bad)
    # Swap two neighbouring closing brackets of different types: the counts stay balanced, the order does not.
    swapped = list(balanced(rng, MAX_N, depth_bias=0.7))
    i = next(k for k in range(mid, MAX_N - 1)
             if swapped[k] in CLOSE and swapped[k + 1] in CLOSE and swapped[k] != swapped[k + 1])
    swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
    swapped = "".join(swapped)

    hidden = [
        t("([)]", "wrong-order"),
        t("{(})", "wrong-order"),
        t("{[]}", "nested"),
        t("([])", "nested"),
        t("(", "single"),
        t("]", "single"),
        t("((", "unclosed"),
        t("){", "close-first"),
        t("(){}}{", "close-first"),
        t("([]{})[]{{()}}", "mixed"),
        t("[({})](]", "mismatch-end"),
        t("((((((((((()))))))))))", "deep"),
        t("(" * (MAX_N // 2) + ")" * (MAX_N // 2), "max-n-deep"),
        t("(" * MAX_N, "max-n-unclosed"),
        t("[" * (MAX_N // 2) + "]" * (MAX_N // 2 - 1) + ")", "max-n-mismatch-last"),
        t(balanced(rng, MAX_N), "max-n-valid"),
        t(deep_ok, "max-n-valid"),
        t("()" * (MAX_N // 2), "max-n-flat"),
        t(balanced(rng, MAX_N - 2) + "(", "max-n-odd-length"),
        t(deep_bad, "max-n-mismatch"),
        t(swapped, "max-n-wrong-order"),
        t(balanced(rng, MAX_N - 2) + "}{", "max-n-close-first"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
