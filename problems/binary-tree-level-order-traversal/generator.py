"""Tests for binary-tree-level-order-traversal: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
import lc  # noqa: E402

MAX_N = 10_000


def random_tree(rng, n, lo=-1000, hi=1000):
    """A random shape: each new node takes a random free child slot of the tree built so far."""
    if n == 0:
        return []
    root = lc.TreeNode(rng.randint(lo, hi))
    free = [(root, "left"), (root, "right")]
    for _ in range(n - 1):
        i = rng.randrange(len(free))
        free[i], free[-1] = free[-1], free[i]
        parent, side = free.pop()
        node = lc.TreeNode(rng.randint(lo, hi))
        setattr(parent, side, node)
        free.append((node, "left"))
        free.append((node, "right"))
    return lc.from_tree(root)


def complete_tree(rng, n, lo=-1000, hi=1000):
    return [rng.randint(lo, hi) for _ in range(n)]


def chain(rng, n, side, lo=-1000, hi=1000):
    """A path of n nodes that always goes to the given side."""
    root = node = lc.TreeNode(rng.randint(lo, hi))
    for _ in range(n - 1):
        child = lc.TreeNode(rng.randint(lo, hi))
        setattr(node, side, child)
        node = child
    return lc.from_tree(root)


def zigzag(rng, n, lo=-1000, hi=1000):
    root = node = lc.TreeNode(rng.randint(lo, hi))
    for i in range(n - 1):
        child = lc.TreeNode(rng.randint(lo, hi))
        setattr(node, "left" if i % 2 == 0 else "right", child)
        node = child
    return lc.from_tree(root)


def main():
    rng = random.Random(102)
    t = lambda root, cat: lc.test(HERE, {"root": root}, cat)  # noqa: E731
    public = [
        t([3, 9, 20, None, None, 15, 7], "example"),
        t([1], "example"),
        t([], "example"),
    ]
    hidden = [
        t([], "empty"),
        t([-7], "single"),
        t([1, 2], "two-nodes"),
        t([1, None, 2], "two-nodes"),
        t([1, 2, 3, 4, None, None, 5], "small"),
        t([1, None, 2, 3], "small"),
        t([5, 5, 5, 5, 5, 5, 5], "duplicates"),
        t([-1, -2, -3, -4, -5, None, -6], "negatives"),
        t([1000, -1000, 1000, -1000], "extreme-values"),
        t(complete_tree(rng, 31), "complete"),
        t(random_tree(rng, 50, -3, 3), "duplicates"),
        t(random_tree(rng, 200), "random"),
        t(chain(rng, 100, "left"), "left-chain"),
        t(zigzag(rng, 100), "zigzag"),
        t(random_tree(rng, MAX_N), "max-n"),
        t(complete_tree(rng, MAX_N), "max-n-complete"),
        t(chain(rng, MAX_N, "right"), "max-n-chain"),
        t(random_tree(rng, MAX_N, 0, 0), "max-n-duplicates"),
    ]
    lc.write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
