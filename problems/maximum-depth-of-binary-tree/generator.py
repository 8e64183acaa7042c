"""Generates tests for maximum-depth-of-binary-tree (seeded, byte-identical on every run)."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import TreeNode, from_tree, test, write_tests  # noqa: E402

MAX_N = 10**4
LIMIT = 100


def val(rng):
    return rng.randint(-LIMIT, LIMIT)


def chain(rng, n, side):
    """A degenerate tree of n nodes: side is "left", "right" or "zigzag"."""
    root = node = TreeNode(val(rng))
    for i in range(1, n):
        child = TreeNode(val(rng))
        if side == "left" or side == "zigzag" and i % 2:
            node.left = child
        else:
            node.right = child
        node = child
    return from_tree(root)


def attach_random(rng, n, window=None):
    """n nodes; each new node hangs from a random free slot (of the last `window` nodes, when set)."""
    root = TreeNode(val(rng))
    nodes = [root]
    for _ in range(1, n):
        pool = nodes if window is None else nodes[-window:]
        while True:
            parent = rng.choice(pool)
            side = rng.choice(("left", "right"))
            if getattr(parent, side) is None:
                break
        child = TreeNode(val(rng))
        setattr(parent, side, child)
        nodes.append(child)
    return from_tree(root)


def complete(rng, n):
    return [val(rng) for _ in range(n)]


def main():
    rng = random.Random(16180)
    t = lambda root, category: test(HERE, {"root": root}, category)

    public = [
        t([3, 9, 20, None, None, 15, 7], "example"),
        t([1, None, 2], "example"),
        t([], "empty"),
    ]

    hidden = [
        t([0], "single"),
        t([-LIMIT], "single"),
        t([1, 2], "two-nodes"),
        t([1, None, 2, None, 3], "right-chain"),
        t([1, 2, 3, None, None, 4], "deeper-on-right"),
        t([1, 2, 3, 4, 5, 6, 7], "perfect"),
        t([1, 2, 2, 3, None, None, 3, 4, None, None, 4], "mirrored-chains"),
        t(complete(rng, 15), "perfect"),
        t(complete(rng, 16), "complete"),
        t(attach_random(rng, 100), "random"),
        t(attach_random(rng, 1000), "random"),
        t(chain(rng, MAX_N, "left"), "max-n-left-chain"),
        t(chain(rng, MAX_N, "right"), "max-n-right-chain"),
        t(chain(rng, MAX_N, "zigzag"), "max-n-zigzag-chain"),
        t(complete(rng, MAX_N), "max-n-complete"),
        t(attach_random(rng, MAX_N), "max-n-random"),
        t(attach_random(rng, MAX_N, window=3), "max-n-deep-random"),
        t([LIMIT] * MAX_N, "max-n-extreme-values"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
