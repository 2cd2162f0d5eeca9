"""Benchmark extraction: every figure of a long news article, end to end.

Builds a synthetic article of N words (default 10,000) in the styles news text writes
figures in (hedges, ranges, units with bracketed conversions, counted nouns, dates, years
and ages that are not figures, and plain prose between them), then times
``incursion.extract`` on it, best of several runs, each on a fresh text so that no cache
built by an earlier run helps.  Also times the same text with every sentence distinct.

Then measures how the time grows with the length of hostile texts (runs of full stops,
numbers without a sentence end, one long sentence of figures): the time for a text four
times as long must stay within five times the time (linear, with room for noise).

Targets (on the project's 2-core machine): a 10,000-word article in at most 0.1 s;
every hostile text four times as long in at most five times the time.
Run:  python benchmarks/bench_extract.py [--words N] [--quick]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable

import incursion

TARGET_SECONDS = 0.1

FIGURES = (
    "around {n:,} square kilometres ({m:,} square miles)",
    "nearly {n:,} cross-border strikes",
    "at least {s} civilians",
    "{s} kilometres ({t} miles)",
    "a {s}-kilometre ({t}-mile) front",
    "between {s} and {n:,} people",
    "more than {s} Russian settlements",
    "up to {s} km",
    "some {n:,} residents",
    "{s} tanks",
    "dozens of drones",
    "{s} others",
)
OTHER = (
    "on {d} August {y}",
    "in {y}",
    "a {a}-year-old man",
    "at {h}:30 local time",
    "the {s}th brigade",
)
PROSE = (
    "officials said",
    "according to the regional governor",
    "the ministry reported",
    "in a statement on its channel",
    "which could not be independently verified",
    "as fighting continued near the border",
    "analysts cautioned",
    "the military said",
)


def article(words: int, seed: int) -> str:
    """A synthetic article of about ``words`` words."""
    rng = random.Random(seed)
    sentences = []
    count = 0
    while count < words:
        n, s = rng.randint(1_000, 99_999), rng.randint(2, 99)
        values = {
            "n": n,
            "m": round(n / 2.59),
            "s": s,
            "t": round(s / 1.609, 1),
            "d": rng.randint(1, 28),
            "y": rng.randint(2014, 2025),
            "a": rng.randint(18, 80),
            "h": rng.randint(10, 23),
        }
        parts = [
            rng.choice(PROSE).capitalize(),
            rng.choice(FIGURES).format(**values),
            rng.choice(PROSE),
            rng.choice(OTHER).format(**values),
            rng.choice(PROSE) + ".",
        ]
        sentence = " ".join(parts)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


HOSTILE: dict[str, Callable[[int], str]] = {
    "full stops": lambda n: "." * (n * 5) + " 12 km " + "…" * n,
    "numbers, no stop": lambda n: " and ".join(str(i % 97 + 1) for i in range(n // 4)),
    "one long sentence": lambda n: "about 1,000 sq km (386 sq mi) and " * (n // 30),
    "digits": lambda n: "1" * (n * 5),
}
SCALING_LIMIT = 5.0


def scaling(size: int) -> bool:
    """Time each hostile text at ``size`` and four times that; print the ratios."""
    ok = True
    for name, make in HOSTILE.items():
        times = []
        for n in (size, size * 4):
            text = make(n)
            start = time.perf_counter()
            incursion.extract(text)
            times.append(time.perf_counter() - start)
        ratio = times[1] / max(times[0], 1e-4)
        ok = ok and ratio < SCALING_LIMIT
        print(
            f"  {name:18} {len(make(size)):>9,} chars {times[0]:.3f} s; four times as long "
            f"{times[1]:.3f} s (x{ratio:.1f})"
        )
    return ok


def main() -> int:
    """Run the benchmark; exit 1 when the target is missed (not in --quick runs)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a short run, no target")
    args = parser.parse_args()
    words, runs = (1_000, 1) if args.quick else (args.words, args.runs)
    incursion.extract(article(200, seed=0))  # import-time work and first compilations
    best = float("inf")
    found = 0
    for run in range(runs):
        text = article(words, seed=run + 1)
        start = time.perf_counter()
        mentions = incursion.extract(text)
        best = min(best, time.perf_counter() - start)
        found = len(mentions)
    n_words = len(text.split())
    print(
        f"extract: {n_words:,} words, {len(text):,} characters, {found:,} figures: "
        f"best of {runs} {best:.3f} s ({n_words / best:,.0f} words/s)"
    )
    print("scaling of hostile texts:")
    linear = scaling(2_000 if args.quick else 20_000)
    if args.quick:
        return 0
    verdict = "met" if best < TARGET_SECONDS else "NOT met"
    print(f"target: a {words:,}-word article in under {TARGET_SECONDS:g} s: {verdict}")
    linear_verdict = "met" if linear else "NOT met"
    print(f"target: each hostile text near-linear (x < {SCALING_LIMIT:g}): {linear_verdict}")
    return 0 if best < TARGET_SECONDS and linear else 1


if __name__ == "__main__":
    sys.exit(main())
