"""Test generator for roc-auc: `python3 generator.py` rewrites tests/*.json byte-identically."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_tools"))
from lc import test, write_tests  # noqa: E402

MAX_N = 100_000


def model(rng, n, pos_rate, separation, decimals):
    """Labels with about pos_rate positives; scores of a noisy classifier, clipped to [0, 1] and rounded."""
    labels = [1 if rng.random() < pos_rate else 0 for _ in range(n)]
    labels[0], labels[1] = 1, 0  # both classes are present
    rng.shuffle(labels)
    scores = []
    for y in labels:
        s = rng.gauss(0.5 + (separation if y else -separation) / 2, 0.2)
        scores.append(round(min(1.0, max(0.0, s)), decimals))
    return labels, scores


def main():
    rng = random.Random(31337)
    t = lambda labels, scores, cat: test(HERE, {"labels": labels, "scores": scores}, cat)

    public = [
        t([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], "example"),
        t([1, 0, 1, 0], [0.9, 0.5, 0.5, 0.2], "example"),
        t([1, 1, 0], [0.3, 0.2, 0.7], "example"),
    ]
    hidden = [
        t([0, 1], [0.2, 0.9], "two-elements"),
        t([1, 0], [0.2, 0.9], "two-elements"),
        t([1, 0], [0.5, 0.5], "two-elements"),
        t([0, 1, 0, 1, 1, 0], [0.6] * 6, "all-tied"),
        t([0, 0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.7, 0.8, 0.9], "perfect"),
        t([1, 1, 1, 0, 0, 0], [0.1, 0.2, 0.3, 0.7, 0.8, 0.9], "inverted"),
        t([1, 0, 0, 1, 0, 1, 0, 0], [0.5, 0.5, 0.2, 0.7, 0.7, 0.5, 0.9, 0.1], "ties"),
        t([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0.55, 0.1, 0.2, 0.6, 0.3, 0.55, 0.4, 0.05, 0.5, 0.52], "imbalanced"),
        t([0, 1, 1, 1, 1, 1, 1], [0.0, 1.0, 0.0, 1.0, 0.25, 0.75, 0.5], "extremes"),
        t([1, 1, 1, 0], [0.8, 0.3, 0.65, 0.65], "one-negative"),
        t([0, 0, 1, 0, 0], [0.123, 0.456, 0.456, 0.789, 0.012], "one-positive"),
        t(*model(rng, 30, 0.5, 0.3, 1), "random-small"),
        t(*model(rng, 1000, 0.3, 0.4, 2), "random-small"),
        t(*model(rng, MAX_N, 0.5, 0.3, 2), "max-n"),
        t(*model(rng, MAX_N, 0.5, 0.5, 4), "max-n"),
        t(*model(rng, MAX_N, 0.002, 0.4, 3), "max-n"),
    ]
    write_tests(HERE, public, hidden)


if __name__ == "__main__":
    main()
