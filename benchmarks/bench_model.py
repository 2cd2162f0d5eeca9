"""Benchmark the claim model: building estimates and records, and loading documents.

Measures, after a warm-up:

1. construction: estimates built from (number, unit string) pairs and territorial claims
   with three estimates each (area, depth, front width), in records per second;
2. loading a JSON document of N such records as ``incursion.dumps`` writes them;
3. loading the same records with every figure written as prose
   ("about 1,234 square kilometres").

Targets (on the project's 2-core machine): 1 and 2 at least 150,000 records/s, 3 at least
50,000 records/s.  Run:  python benchmarks/bench_model.py [--records N] [--quick]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import incursion
from incursion import Estimate, Source, Span, TerritorialClaim

AREA_UNITS = ("km²", "square kilometres", "sq mi", "hectares")
LENGTH_UNITS = ("km", "kilometres", "miles", "mi")
PROSE_AREA = ("square kilometres", "sq km", "km²", "square miles")
PROSE_LENGTH = ("kilometres", "km", "miles", "kilometers")
HEDGES = ("about", "around", "nearly", "at least", "more than", "up to", "")
TARGETS = {
    "construction": 150_000,
    "construction-new": 150_000,
    "load-dumps": 150_000,
    "load-prose": 50_000,
}


def _pairs(
    n: int, rng: random.Random, spread: int = 1
) -> list[tuple[float, str, float, str, float, str]]:
    """(number, unit) pairs for ``n`` claims; ``spread`` > 1 makes nearly every number new."""
    return [
        (
            float(rng.randint(1, 5_000 * spread)),
            rng.choice(AREA_UNITS),
            float(rng.randint(1, 60 * spread)),
            rng.choice(LENGTH_UNITS),
            float(rng.randint(5, 120 * spread)),
            rng.choice(LENGTH_UNITS),
        )
        for _ in range(n)
    ]


def build(pairs: list[tuple[float, str, float, str, float, str]]) -> list[TerritorialClaim]:
    """Build one claim with three estimates from each tuple of (number, unit) pairs."""
    source = Source(id="bench", name="Benchmark source")
    as_of = Span.day(date(2024, 8, 12))
    of = Estimate.of
    return [
        TerritorialClaim(
            id=f"r{i}",
            source=source,
            subject="bench",
            as_of=as_of,
            area=of(a, au),
            depth=of(d, du),
            front_width=of(f, fu),
        )
        for i, (a, au, d, du, f, fu) in enumerate(pairs)
    ]


def prose_document(n: int, rng: random.Random) -> str:
    """A document of ``n`` claims whose figures are written as news text."""

    def figure(number: int, units: tuple[str, ...]) -> str:
        hedge = rng.choice(HEDGES)
        return f"{hedge + ' ' if hedge else ''}{number:,} {rng.choice(units)}"

    records = [
        {
            "kind": "territorial-claim",
            "id": f"r{i}",
            "source": "bench",
            "subject": "bench",
            "as_of": "2024-08-12",
            "area": figure(rng.randint(1, 5_000), PROSE_AREA),
            "depth": figure(rng.randint(1, 60), PROSE_LENGTH),
            "front_width": figure(rng.randint(5, 120), PROSE_LENGTH),
        }
        for i in range(n)
    ]
    document = {
        "incursion": 1,
        "sources": [{"id": "bench", "name": "Benchmark source"}],
        "records": records,
    }
    return json.dumps(document, ensure_ascii=False)


def rate(
    label: str,
    n: int,
    run: Callable[[Any], Any],
    repeats: int,
    prepare: Callable[[], Any] = lambda: None,
) -> float:
    """Run ``run`` ``repeats`` times after one warm-up; report the best records/s.

    ``prepare`` makes the input of each run, outside the timing.
    """
    run(prepare())
    best = float("inf")
    for _ in range(repeats):
        data = prepare()
        gc.collect()
        start = time.perf_counter()
        run(data)
        best = min(best, time.perf_counter() - start)
    per_second = n / best
    target = TARGETS[label]
    verdict = "ok" if per_second >= target else "BELOW TARGET"
    print(
        f"{label:<14} {n:>9,} records  {best:8.3f} s  {per_second:>10,.0f} records/s"
        f"  (target {target:,}: {verdict})"
    )
    return per_second


def main(argv: list[str] | None = None) -> int:
    """Run the three measurements and print them; exit 1 with --strict if any misses."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000, help="records per run")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs (best is kept)")
    parser.add_argument("--quick", action="store_true", help="a small smoke run (CI)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    n = 2_000 if args.quick else args.records
    repeats = 1 if args.quick else args.repeats
    rng = random.Random(20240812)
    print(f"incursion {incursion.__version__}, Python {sys.version.split()[0]}")

    pairs = _pairs(n, rng)
    results = {"construction": rate("construction", n, lambda _: build(pairs), repeats)}
    # The same, with (nearly) every number new, so no estimate comes from the cache.
    results["construction-new"] = rate(
        "construction-new", n, build, repeats, prepare=lambda: _pairs(n, rng, spread=10_000)
    )

    dumped = incursion.dumps(incursion.Document.from_records(build(pairs)), indent=None)
    assert incursion.loads(dumped).records[0] == build(pairs[:1])[0]
    results["load-dumps"] = rate("load-dumps", n, lambda _: incursion.loads(dumped), repeats)

    prose = prose_document(n, rng)
    results["load-prose"] = rate("load-prose", n, lambda _: incursion.loads(prose), repeats)

    missed = [label for label, value in results.items() if value < TARGETS[label]]
    return 1 if args.strict and missed and not args.quick else 0


if __name__ == "__main__":
    raise SystemExit(main())
