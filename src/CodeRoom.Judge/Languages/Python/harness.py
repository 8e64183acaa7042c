# CodeRoom Python harness: speaks docs/harness-protocol.md. Static; the signature comes from the stdin header.
# Runs with `python3.11 -S -B -u`, so only the standard library exists and nothing is written next to the code.
import json
import math
import os
import sys
import threading
import time
import traceback

CONTROL_FD = 3
CANDIDATE_FILE = "solution.py"
# Depth 100,000 must work; the limit stays finite so runaway recursion ends as RecursionError, not as a memory kill.
RECURSION_LIMIT = 250_000
# Only touched pages are charged to the memory cgroup, so a large reservation costs nothing until used.
THREAD_STACK_BYTES = 1024 * 1024 * 1024
MAX_ERROR_CHARS = 2000


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def control(line):
    data = (line + "\n").encode("utf-8")
    while data:
        data = data[os.write(CONTROL_FD, data):]


def dumps(value):
    # ensure_ascii keeps lone surrogates (possible in Python strings) encodable; the judge parses escapes.
    return json.dumps(value, separators=(",", ":"), allow_nan=False)


def flush_candidate_streams():
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except Exception:
            pass


def write_marker(nonce, index):
    flush_candidate_streams()
    marker = ("\x1e%s:%d\x1e" % (nonce, index)).encode("ascii")
    for fd in (1, 2):
        try:
            os.write(fd, marker)
        except OSError:
            pass  # the candidate closed its stream; the control channel still works


# ---- types ---------------------------------------------------------------------------------------------------

class Type:
    def __init__(self, kind, element=None):
        self.kind = kind
        self.element = element


def parse_type(text):
    text = text.strip()
    if text.endswith("[]"):
        return Type("seq", parse_type(text[:-2]))
    if text.startswith("list<") and text.endswith(">"):
        return Type("seq", parse_type(text[5:-1]))
    if text in ("int", "integer"):
        return Type("integer")
    if text == "char":
        return Type("character")
    return Type(text)


class OutputError(Exception):
    pass


def describe(value):
    return type(value).__name__


def to_int(value):
    if type(value) is int:
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise OutputError("expected an integer, got %s %r" % (describe(value), value))


def serialise(value, t):
    kind = t.kind
    if kind == "integer" or kind == "long":
        return to_int(value)
    if kind == "double":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            f = float(value)
            return f if math.isfinite(f) else None
        raise OutputError("expected a number, got %s" % describe(value))
    if kind == "boolean":
        if isinstance(value, int):
            return bool(value)
        raise OutputError("expected a boolean, got %s" % describe(value))
    if kind == "string":
        if isinstance(value, str):
            return value
        raise OutputError("expected a str, got %s" % describe(value))
    if kind == "character":
        if isinstance(value, str) and len(value) == 1:
            return value
        raise OutputError("expected a one-character str, got %s %r" % (describe(value), value)[:200])
    if kind == "seq":
        if value is None or isinstance(value, (str, bytes, dict)):
            raise OutputError("expected a list, got %s" % describe(value))
        element = t.element
        if element.kind == "integer" or element.kind == "long":
            items = list(value)
            for x in items:
                if type(x) is not int:
                    return [to_int(y) for y in items]
            return items
        return [serialise(x, element) for x in value]
    if kind == "ListNode":
        out = []
        node = value
        seen = 0
        while node is not None:
            out.append(to_int(node.val))
            node = node.next
            seen += 1
            if seen > 10_000_000:
                raise OutputError("the returned list has a cycle")
        return out
    if kind == "TreeNode":
        if value is None:
            return []
        out = []
        level = [value]
        seen = 0
        while level:
            following = []
            for node in level:
                if node is None:
                    out.append(None)
                else:
                    out.append(to_int(node.val))
                    following.append(node.left)
                    following.append(node.right)
                    seen += 1
                    if seen > 10_000_000:
                        raise OutputError("the returned tree has a cycle")
            level = following
        while out and out[-1] is None:
            out.pop()
        return out
    raise OutputError("unsupported type " + kind)


def build_list(values, node_class):
    head = None
    for v in reversed(values):
        node = node_class(v)
        node.next = head
        head = node
    return head


def build_tree(values, node_class):
    if not values or values[0] is None:
        return None
    root = node_class(values[0])
    queue = [root]
    qi = 0
    i = 1
    n = len(values)
    while i < n:
        parent = queue[qi]
        qi += 1
        if values[i] is not None:
            parent.left = node_class(values[i])
            queue.append(parent.left)
        i += 1
        if i < n and values[i] is not None:
            parent.right = node_class(values[i])
            queue.append(parent.right)
        i += 1
    return root


def to_floats(value, t):
    if t.kind == "double":
        return float(value)
    if t.kind == "seq":
        return [to_floats(x, t.element) for x in value]
    return value


def make_argument(value, t, namespace):
    if t.kind == "ListNode":
        return build_list(value, node_factory(namespace, "ListNode", ListNode))
    if t.kind == "TreeNode":
        return build_tree(value, node_factory(namespace, "TreeNode", TreeNode))
    if t.kind == "double" or (t.kind == "seq" and (t.element.kind == "double" or
                                                   (t.element.element is not None and t.element.element.kind == "double"))):
        return to_floats(value, t)
    return value


def node_factory(namespace, name, fallback):
    # A solution that uncomments LeetCode's definition gets its own class, so isinstance checks work as on LeetCode.
    cls = namespace.get(name)
    if not isinstance(cls, type) or cls is fallback:
        return fallback

    def make(val):
        node = cls(val)
        node.val = val
        return node

    return make


# ---- loading -------------------------------------------------------------------------------------------------

# LeetCode's implicit modules, imported before the header is read: a sandbox started ahead of time has them loaded.
import bisect, collections, functools, heapq, itertools, operator, random, re, string, typing  # noqa: E401,E402


def implicit_namespace():
    # LeetCode's implicit imports. Star imports never shadow builtins (math.pow would break three-argument pow).
    namespace = {"__name__": "solution", "__builtins__": __builtins__}
    builtin_names = set(dir(__builtins__)) if not isinstance(__builtins__, dict) else set(__builtins__)
    for module in (typing, collections, heapq, bisect, math, itertools, functools):
        names = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
        for name in names:
            if name not in builtin_names and hasattr(module, name):
                namespace[name] = getattr(module, name)
    for module in (bisect, collections, functools, heapq, itertools, math, operator, random, re, string, sys, typing):
        namespace[module.__name__] = module
    namespace["ListNode"] = ListNode
    namespace["TreeNode"] = TreeNode
    return namespace


def candidate_line(tb):
    line = None
    for frame, lineno in traceback.walk_tb(tb):
        if frame.f_code.co_filename == CANDIDATE_FILE:
            line = lineno
    return line


def error_text(e):
    message = str(e)
    text = type(e).__name__ + (": " + message if message else "")
    return text[:MAX_ERROR_CHARS]


def load(function_name, source=None):
    if source is None:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), CANDIDATE_FILE)
        with open(path, encoding="utf-8", errors="replace") as f:
            source = f.read()
    namespace = implicit_namespace()
    try:
        code = compile(source, CANDIDATE_FILE, "exec", dont_inherit=True)
    except SyntaxError as e:  # IndentationError and TabError included
        return None, {"error": ("%s: %s" % (type(e).__name__, e.msg))[:MAX_ERROR_CHARS], "line": e.lineno}
    except (ValueError, MemoryError, RecursionError) as e:  # null bytes, absurd nesting
        return None, {"error": error_text(e), "line": None}
    try:
        exec(code, namespace)
    except BaseException as e:
        return None, {"error": error_text(e), "line": candidate_line(e.__traceback__)}
    solution = namespace.get("Solution")
    if isinstance(solution, type):
        if callable(getattr(solution, function_name, None)):
            return (lambda: getattr(solution(), function_name)), namespace
        return None, {"error": "class Solution has no method '%s'" % function_name, "line": None}
    function = namespace.get(function_name)
    if callable(function):
        return (lambda: function), namespace
    return None, {"error": "no class Solution with a method '%s' (or a function of that name)" % function_name,
                  "line": None}


# ---- the test loop -------------------------------------------------------------------------------------------

def failure(kind, e, ms):
    return {"ok": False, "kind": kind, "error": error_text(e), "line": candidate_line(e.__traceback__), "ms": ms}


def run_test(index, raw_args, target, namespace, param_types, output_index, judged_type, nonce):
    args = [make_argument(v, t, namespace) for v, t in zip(raw_args, param_types)]
    try:
        bound = target()
    except BaseException as e:
        write_marker(nonce, index)
        return failure("runtime", e, 0.0)
    write_marker(nonce, index)
    start = time.perf_counter()
    try:
        result = bound(*args)
        ms = (time.perf_counter() - start) * 1000.0
    except MemoryError as e:
        return failure("memory", e, (time.perf_counter() - start) * 1000.0)
    except RecursionError as e:
        return failure("stack", e, (time.perf_counter() - start) * 1000.0)
    except BaseException as e:  # SystemExit too: the candidate's exit() ends only its own test
        return failure("runtime", e, (time.perf_counter() - start) * 1000.0)
    finally:
        flush_candidate_streams()
    judged = result if output_index is None else args[output_index]
    try:
        value = serialise(judged, judged_type)
    except OutputError as e:
        return {"ok": False, "kind": "output", "error": "return value cannot be serialised: %s" % e, "ms": ms}
    except (AttributeError, TypeError) as e:
        return {"ok": False, "kind": "output", "error": "return value cannot be serialised: %s" % error_text(e),
                "ms": ms}
    return {"ok": True, "value": value, "ms": ms}


def run():
    stdin = sys.stdin.buffer
    header = json.loads(stdin.readline())
    nonce = header["nonce"]
    params = header["params"]
    param_types = [parse_type(p["type"]) for p in params]
    output_name = header.get("output_param")
    output_index = None
    if output_name is not None:
        output_index = [p["name"] for p in params].index(output_name)
        judged_type = param_types[output_index]
    else:
        judged_type = parse_type(header["return_type"])
    # Up, and none of the candidate's code has run yet: the supervisor starts the first test's clock and hands its
    # input over now (docs/harness-protocol.md).
    control("H")
    # A sandbox started ahead of time gets the code in the header; otherwise it is solution.py in the box.
    target, loaded = load(header["function"], header.get("code"))
    if target is None:
        control("C " + dumps(loaded))
        return
    namespace = loaded
    for raw in stdin:
        raw = raw.strip()
        if not raw:
            continue
        tab = raw.index(b"\t")
        index = int(raw[:tab])
        raw_args = json.loads(raw[tab + 1:])
        outcome = run_test(index, raw_args, target, namespace, param_types, output_index, judged_type, nonce)
        try:
            line = dumps(outcome)
        except (ValueError, TypeError) as e:
            line = dumps({"ok": False, "kind": "output", "error": "return value cannot be serialised: " + str(e)})
        control("R %d %s" % (index, line))


def main():
    sys.setrecursionlimit(RECURSION_LIMIT)
    threading.stack_size(THREAD_STACK_BYTES)
    failed = []

    def body():
        try:
            run()
        except BaseException:
            failed.append(traceback.format_exc())

    worker = threading.Thread(target=body, name="solution")
    worker.start()
    worker.join()
    flush_candidate_streams()
    if failed:
        sys.__stderr__.write("harness failure:\n" + failed[0])
        sys.__stderr__.flush()
        os._exit(70)
    # _exit: threads the candidate started must not keep the process alive.
    os._exit(0)


if __name__ == "__main__":
    main()
