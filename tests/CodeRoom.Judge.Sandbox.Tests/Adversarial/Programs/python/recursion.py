# Unbounded recursion past Python's guard: the C stack overflows.
import sys
sys.setrecursionlimit(10**8)
def f(n):
    return f(n + 1) + 1
f(0)
