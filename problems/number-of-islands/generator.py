"""Tests for number-of-islands: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
import lc  # noqa: E402

MAX = 300


def to_grid(cells):
    return [["1" if x else "0" for x in row] for row in cells]


def random_grid(rng, m, n, density):
    return to_grid([[rng.random() < density for _ in range(n)] for _ in range(m)])


def checkerboard(m, n):
    return to_grid([[(i + j) % 2 == 0 for j in range(n)] for i in range(m)])


def snake(m, n):
    """One long island: full rows joined alternately at the right and the left end."""
    cells = [[False] * n for _ in range(m)]
    for i in range(m):
        if i % 2 == 0:
            cells[i] = [True] * n
        else:
            cells[i][n - 1 if i % 4 == 1 else 0] = True
    return to_grid(cells)


def spiral(m, n):
    """One island drawn as a spiral wall one cell wide, two cells between turns."""
    cells = [[False] * n for _ in range(m)]
    top, left, bottom, right = 0, 0, m - 1, n - 1
    r, c = 0, 0
    while top <= bottom and left <= right:
        for c in range(left, right + 1):
            cells[top][c] = True
        for r in range(top, bottom + 1):
            cells[r][right] = True
        if top + 2 <= bottom:
            for c in range(left, right + 1):
                cells[bottom][c] = True
        if left + 2 <= right:
            for r in range(top + 2, bottom + 1):
                cells[r][left] = True
        top, left, bottom, right = top + 2, left + 2, bottom - 2, right - 2
        if top <= bottom and left - 2 >= 0:
            cells[top][left - 1] = True
    return to_grid(cells)


def combs(m, n):
    """Islands shaped like combs with their teeth pointing up (a U-turn for a right/down-only fill)."""
    cells = [[False] * n for _ in range(m)]
    for i in range(0, m - 4, 6):
        for j in range(n):
            cells[i + 4][j] = True
        for j in range(0, n, 3):
            for k in range(i, i + 4):
                cells[k][j] = True
    return to_grid(cells)


def main():
    rng = random.Random(200)
    t = lambda grid, cat: lc.test(HERE, {"grid": grid}, cat)  # noqa: E731
    public = [
        t([["1", "1", "1", "1", "0"], ["1", "1", "0", "1", "0"], ["1", "1", "0", "0", "0"], ["0", "0", "0", "0", "0"]], "example"),
        t([["1", "1", "0", "0", "0"], ["1", "1", "0", "0", "0"], ["0", "0", "1", "0", "0"], ["0", "0", "0", "1", "1"]], "example"),
        t([["1", "0", "1"], ["0", "1", "0"], ["1", "0", "1"]], "example"),
    ]
    hidden = [
        t([["0"]], "single-water"),
        t([["1"]], "single-land"),
        t([["0"] * 5 for _ in range(4)], "all-water"),
        t([["1", "0", "1", "1", "0", "1", "1", "1"]], "single-row"),
        t([["1"], ["1"], ["0"], ["1"], ["0"], ["0"], ["1"], ["1"]], "single-column"),
        t([["1", "0", "1"], ["1", "0", "1"], ["1", "1", "1"]], "u-shape"),
        t([["0", "1", "0"], ["1", "1", "1"], ["0", "1", "0"]], "plus-shape"),
        t([["1", "1", "1"], ["0", "1", "0"], ["1", "1", "0"]], "s-shape"),
        t(random_grid(rng, 20, 30, 0.5), "random"),
        t(random_grid(rng, 1, MAX, 0.5), "max-row"),
        t(random_grid(rng, MAX, 1, 0.5), "max-column"),
        t(combs(60, 60), "combs"),
        t(to_grid([[True] * MAX for _ in range(MAX)]), "max-all-land"),
        t(checkerboard(MAX, MAX), "max-checkerboard"),
        t(snake(MAX, MAX), "max-snake"),
        t(spiral(MAX, MAX), "max-spiral"),
        t(random_grid(rng, MAX, MAX, 0.45), "max-random"),
        t(random_grid(rng, MAX, MAX, 0.6), "max-random-dense"),
    ]
    lc.write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
