"""Benchmark ``incursion check`` end to end against a reference pipeline on orjson and numpy.

Generates a document of N synthetic records (territorial claims and casualty reports in
mixed units, figures as objects and as prose) with a known number of injected
inconsistencies — areas beyond depth × front (``extent``), disjoint casualty counts from
two sources (``disagreement``) and wrong bracketed conversions (``conversion``) — then
times, side by side:

* ``incursion check --format json FILE`` (a fresh process: loading, checking, writing);
* a reference pipeline written directly on orjson and numpy that applies the same rules to
  the same file.

Both must find exactly the injected inconsistencies.  Targets on the project's 2-core
machine: 1,000,000 records within 3× the reference, peak memory under 2 GB, and
time(1M) / time(100k) ≤ 12.  Needs the ``bench`` extra (orjson, numpy).

Run:  python benchmarks/bench_check.py [--records N ...] [--repeats R] [--quick]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

AREA_UNITS = {"km²": 1.0, "hectare": 0.01, "sq mi": 2.589988110336}
LENGTH_UNITS = {"km": 1.0, "mile": 1.609344}
MILE = 1.609344


def generate(n: int, seed: int = 1) -> tuple[dict[str, Any], int]:
    """A document of about ``n`` records and the number of inconsistencies injected."""
    rng = random.Random(seed)
    subjects = max(n // 5, 3)
    injected = max(subjects // 200, 1)
    bad_extent = set(rng.sample(range(subjects), injected))
    bad_count = set(rng.sample(range(subjects), injected))
    bad_conversion = set(rng.sample(range(subjects), injected))
    records: list[dict[str, Any]] = []
    for s in range(subjects):
        day = f"2024-{1 + s % 12:02d}-{1 + s % 28:02d}"
        common = {"subject": f"s{s}", "as_of": day}
        depth, front = rng.randint(5, 40), rng.randint(10, 60)
        area_km2 = depth * front * (3 if s in bad_extent else 0.5)
        area_unit = rng.choice(list(AREA_UNITS))
        length_unit = rng.choice(list(LENGTH_UNITS))
        records.append(
            {
                "kind": "territorial-claim",
                "id": f"box{s}",
                "source": "ru",
                "controller": "UA",
                "depth": {
                    "value": round(depth / LENGTH_UNITS[length_unit], 3),
                    "unit": length_unit,
                    "precision": 0.001,
                },
                "front_width": {"value": front, "unit": "km"},
                **common,
            }
        )
        records.append(
            {
                "kind": "territorial-claim",
                "id": f"area{s}",
                "source": "ua",
                "controller": "UA",
                "area": {"value": round(area_km2 / AREA_UNITS[area_unit]), "unit": area_unit},
                **common,
            }
        )
        killed = rng.randint(10, 5000)
        other = 3 * killed + 100 if s in bad_count else killed
        for source, value in (("ru", killed), ("ua", other)):
            records.append(
                {
                    "kind": "casualty-report",
                    "id": f"k{source}{s}",
                    "source": source,
                    "population": "civilian",
                    "killed": {"value": value, "unit": "person"},
                    **common,
                }
            )
        # The same advance as the depth, described as ground operated in.
        advance = depth
        miles = round(advance / MILE * (1.5 if s in bad_conversion else 1)) + (
            1 if s in bad_conversion else 0
        )
        records.append(
            {
                "kind": "territorial-claim",
                "id": f"adv{s}",
                "source": "isw",
                "controller": "UA",
                "predicate": "operating-in-or-near",
                "depth": f"about {advance} kilometres ({miles} miles)",
                **common,
            }
        )
    document = {
        "incursion": 1,
        "sources": [{"id": i, "name": i.upper()} for i in ("ru", "ua", "isw")],
        "records": records,
    }
    return document, 3 * injected


# -- the reference pipeline ---------------------------------------------------------------


def _step(value: float) -> float:
    """One unit of the last significant digit, trailing zeros significant to two figures."""
    if value != int(value):
        return 10.0 ** -len(repr(value).partition(".")[2])
    digits = str(int(value))
    stripped = digits.rstrip("0")
    significant = max(len(stripped), min(2, len(digits)))
    return 10.0 ** (len(digits) - significant)


_PROSE = re.compile(r"about (\d+) kilometres \((\d+) miles\)")


def reference(path: Path) -> int:
    """The same rules, written directly on orjson and numpy; returns the findings found."""
    import numpy as np  # noqa: PLC0415 - the bench extra
    import orjson  # noqa: PLC0415

    records = orjson.loads(path.read_bytes())["records"]
    boxes: dict[tuple[str, str], tuple[float, float, float, float]] = {}
    areas: list[tuple[str, str, float]] = []
    killed: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    prose_km: list[float] = []
    prose_mi: list[float] = []
    for r in records:
        key = (r["subject"], r["as_of"])
        if r["kind"] == "casualty-report":
            v = r["killed"]["value"]
            half = _step(v) / 2
            killed[key].append((math.ceil(v - half), math.floor(v + half)))
        elif "front_width" in r:
            d, f = r["depth"], r["front_width"]
            dk = d["value"] * LENGTH_UNITS[d["unit"]]
            dh = (d["value"] + d["precision"] / 2) * LENGTH_UNITS[d["unit"]]
            fk = f["value"]
            boxes[key] = (dk, fk, dh, fk + _step(fk) / 2)
        elif "area" in r:
            a = r["area"]
            low = (a["value"] - _step(a["value"]) / 2) * AREA_UNITS[a["unit"]]
            areas.append((*key, low))
        else:
            km, mi = _PROSE.match(r["depth"]).groups()  # type: ignore[union-attr]
            prose_km.append(float(km))
            prose_mi.append(float(mi))
    # extent: an area whose low end exceeds the nominal depth × front
    lows = np.array([low for *_, low in areas])
    box = np.array([boxes[(s, d)] for s, d, _ in areas])
    extent = int(np.count_nonzero(lows > box[:, 0] * box[:, 1] + 1e-9))
    # disagreement: two counts whose intervals do not meet
    pairs = np.array([v for v in killed.values() if len(v) == 2])
    a_lo, a_hi, b_lo, b_hi = pairs[:, 0, 0], pairs[:, 0, 1], pairs[:, 1, 0], pairs[:, 1, 1]
    disagreement = int(np.count_nonzero((a_hi < b_lo) | (b_hi < a_lo)))
    # conversion: the stated miles beyond half a mile of the kilometres converted
    converted = np.array(prose_km) / MILE
    conversion = int(np.count_nonzero(np.abs(converted - np.array(prose_mi)) > 0.5 + 1e-9))
    return extent + disagreement + conversion


def _run_incursion(path: Path) -> tuple[float, int, float]:
    """Time ``incursion check`` in a fresh process; return seconds, findings, peak MB."""
    code = (
        "import resource, sys; from incursion._cli import main; import io\n"
        "out = io.StringIO(); main(['check', '--format', 'json', sys.argv[1]], stdout=out)\n"
        "import json; data = json.loads(out.getvalue())\n"
        "print(len([f for f in data['findings'] if f['severity'] == 'error']))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    elapsed = time.perf_counter() - start
    findings, peak_kb = (int(x) for x in done.stdout.split())
    return elapsed, findings, peak_kb / 1024


def main(argv: list[str] | None = None) -> int:
    """Generate, run both pipelines, print the comparison; exit 1 if findings differ."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--quick", action="store_true", help="one small run (CI)")
    parser.add_argument(
        "--repeats",
        type=int,
        default=1,
        help="run both pipelines this many times, in turn, and keep each one's best",
    )
    args = parser.parse_args(argv)
    sizes = [5_000] if args.quick else args.records
    times: dict[int, float] = {}
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            document, expected = generate(n)
            path = Path(folder) / f"bench-{n}.json"
            path.write_text(json.dumps(document), encoding="utf-8")
            del document
            seconds = reference_seconds = math.inf
            for _ in range(max(1, args.repeats)):  # in turn, so that drift falls on both
                run_seconds, found, peak = _run_incursion(path)
                start = time.perf_counter()
                reference_found = reference(path)
                reference_seconds = min(reference_seconds, time.perf_counter() - start)
                seconds = min(seconds, run_seconds)
            times[n] = seconds
            ok = found == expected == reference_found
            failed |= not ok
            print(
                f"{n:>9,} records: incursion check {seconds:7.2f} s ({peak:,.0f} MB peak), "
                f"reference {reference_seconds:6.2f} s, ratio {seconds / reference_seconds:5.2f}; "
                f"injected {expected}, found {found} / {reference_found} "
                f"{'ok' if ok else 'MISMATCH'}"
            )
    if len(times) > 1:
        small, large = min(times), max(times)
        print(f"time({large:,}) / time({small:,}) = {times[large] / times[small]:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
