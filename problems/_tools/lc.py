"""Author-side helpers for problem generators (trusted code, run by problem authors, never by the judge).

A generator builds inputs with a seeded random.Random, computes expected outputs with the problem's Python reference
solution through `expected_for`, and writes tests/public.json and tests/hidden.json with `write_tests`. Running it
twice gives byte-identical files.
"""
from __future__ import annotations

import json
import os
import sys
from typing import Any

# LeetCode's implicit imports, for running a reference solution outside the judge.
PRELUDE = """
from typing import *
import collections, heapq, bisect, math, itertools, functools, string, re, random, operator, sys
from collections import deque, defaultdict, Counter, OrderedDict
from heapq import heappush, heappop, heapify, heappushpop, nlargest, nsmallest
from bisect import bisect_left, bisect_right, insort
from functools import lru_cache, cache, reduce, cmp_to_key
from itertools import accumulate, permutations, combinations, product, groupby, chain
from math import inf, gcd, sqrt, log, exp, floor, ceil
"""


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def to_list_node(values):
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def from_list_node(node):
    out = []
    while node is not None:
        out.append(node.val)
        node = node.next
    return out


def to_tree(values):
    if not values:
        return None
    it = iter(values)
    root = TreeNode(next(it))
    queue = collections.deque([root])
    for left in it:
        node = queue.popleft()
        if left is not None:
            node.left = TreeNode(left)
            queue.append(node.left)
        right = next(it, None)
        if right is not None:
            node.right = TreeNode(right)
            queue.append(node.right)
    return root


def from_tree(root):
    out, queue = [], collections.deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        out.append(node.val)
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out


import collections  # noqa: E402  (used above at call time)


def load_problem(problem_dir: str) -> dict:
    with open(os.path.join(problem_dir, "problem.json"), encoding="utf-8") as f:
        return json.load(f)


def _load_solution(path: str):
    namespace: dict[str, Any] = {"ListNode": ListNode, "TreeNode": TreeNode, "__name__": "solution"}
    exec(PRELUDE, namespace)
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), namespace)
    return namespace


def _convert_in(value, type_name: str):
    if type_name == "ListNode":
        return to_list_node(value)
    if type_name == "TreeNode":
        return to_tree(value)
    return json.loads(json.dumps(value))  # deep copy


def _convert_out(value, type_name: str):
    if type_name == "ListNode":
        return from_list_node(value)
    if type_name == "TreeNode":
        return from_tree(value)
    if type_name == "double":
        return float(value)
    return value


def expected_for(problem_dir: str, inputs: dict, solution: str = "solutions/reference.py"):
    """Runs the Python reference solution on one input (a dict param -> JSON value) and returns the judged value."""
    problem = load_problem(problem_dir)
    sig = problem["signature"]
    name = sig.get("function_names", {}).get("python", sig["function_name"])
    namespace = _load_solution(os.path.join(problem_dir, solution))
    args = [_convert_in(inputs[p["name"]], p["type"]) for p in sig["params"]]
    if "Solution" in namespace:
        fn = getattr(namespace["Solution"](), name)
    else:
        fn = namespace[name]
    result = fn(*args)
    out_param = sig.get("output_param")
    if out_param:
        index = [p["name"] for p in sig["params"]].index(out_param)
        return _convert_out(args[index], sig["params"][index]["type"])
    return _convert_out(result, sig["return_type"])


def write_tests(problem_dir: str, public: list, hidden: list) -> None:
    """Writes tests/public.json and tests/hidden.json deterministically (sorted keys, one test per line)."""
    os.makedirs(os.path.join(problem_dir, "tests"), exist_ok=True)
    for name, tests in (("public", public), ("hidden", hidden)):
        lines = [json.dumps(t, sort_keys=True, separators=(",", ":")) for t in tests]
        with open(os.path.join(problem_dir, "tests", name + ".json"), "w", encoding="utf-8") as f:
            f.write("[\n" + ",\n".join(lines) + "\n]\n")


def test(problem_dir: str, inputs: dict, category: str, **extra) -> dict:
    """One test with its expected value computed by the reference solution."""
    sys.setrecursionlimit(1_000_000)
    t = {"input": inputs, "expected": expected_for(problem_dir, inputs), "category": category}
    t.update(extra)
    return t
