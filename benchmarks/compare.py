"""Compare the speed of this tree with an earlier commit, both in one process, turn by turn.

On a shared or noisy machine two runs minutes apart differ by 30%, so "before" and "after"
measured one after the other say little.  This script exports the earlier commit's
package under another name (``incursion_ref``), imports both, and times each step for one,
then the other, alternating which goes first, keeping the best of several turns.  Noise
then falls on both alike.

Steps timed, on the workloads of ``bench_model.py`` and ``bench_check.py``:

- construction: territorial claims with three figures each (numbers that repeat, and new);
- loading a document as ``dumps`` writes it, and one with every figure in prose;
- loading and checking ``bench_check.py``'s document (``checks.run``, without the
  command line's process start and output), and the checks alone on it, loaded.

Run:  python benchmarks/compare.py REF [--records N] [--repeats R] [--only STEP ...]
(REF is any commit git knows, e.g. ``b0fb844``; the ratio is this tree / REF.)
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import json
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REF = "incursion_ref"


def export(commit: str, folder: Path) -> None:
    """Write ``commit``'s package and benchmarks into ``folder``, the package renamed."""
    archive = subprocess.run(  # noqa: S603 - git, on our own repository
        ["git", "archive", commit, "src/incursion", "benchmarks"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    package = folder / "src" / "incursion"
    package.rename(folder / REF)
    for path in [*(folder / REF).rglob("*.py"), *(folder / "benchmarks").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\bfrom incursion\b", f"from {REF}", text)
        text = re.sub(r"\bimport incursion\.", f"import {REF}.", text)
        text = re.sub(r"\bimport incursion\b(?![.\w])(?! as)", f"import {REF} as incursion", text)
        text = re.sub(r"([\"'])incursion\.", rf"\1{REF}.", text)  # module names
        path.write_text(text, encoding="utf-8")


def module(path: Path, name: str) -> types.ModuleType:
    """Import a benchmark script as a module of its own name."""
    loaded = types.ModuleType(name)
    loaded.__file__ = str(path)
    sys.modules[name] = loaded
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), loaded.__dict__)  # noqa: S102
    return loaded


def steps(model: types.ModuleType, check: types.ModuleType, n: int) -> dict[str, Callable[[], Any]]:
    """The timed steps of one tree, on workloads drawn alike for both."""
    package = model.incursion
    rng = random.Random(20240812)
    pairs = model._pairs(n, rng)  # noqa: SLF001
    new_pairs = model._pairs(n, rng, spread=10_000)  # noqa: SLF001
    dumped = package.dumps(package.Document.from_records(model.build(pairs)), indent=None)
    prose = model.prose_document(n, rng)
    document, _ = check.generate(n)
    text = json.dumps(document)
    runner = importlib.import_module(package.__name__ + ".checks")
    loaded = package.loads(text)

    def load_and_check() -> None:
        runner.run(package.loads(text))

    return {
        "construction": lambda: model.build(pairs),
        "construction-new": lambda: model.build(new_pairs),
        "load-dumps": lambda: package.loads(dumped),
        "load-prose": lambda: package.loads(prose),
        "load and check": load_and_check,
        "check": lambda: runner.run(loaded),
    }


def main(argv: list[str] | None = None) -> int:
    """Time both trees turn by turn and print each step's best and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref", help="the earlier commit")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--only", nargs="*", metavar="STEP", help="time only these steps")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export(args.ref, folder)
        sys.path.insert(0, str(folder))
        trees = {
            args.ref: steps(
                module(folder / "benchmarks" / "bench_model.py", "ref_bench_model"),
                module(folder / "benchmarks" / "bench_check.py", "ref_bench_check"),
                args.records,
            ),
            "this tree": steps(
                module(HERE / "bench_model.py", "bench_model"),
                module(HERE / "bench_check.py", "bench_check"),
                args.records,
            ),
        }
        best: dict[tuple[str, str], float] = {}
        names = list(trees)
        chosen = [s for s in trees["this tree"] if not args.only or s in args.only]
        for turn in range(args.repeats):
            for step in chosen:
                for tree in names if turn % 2 == 0 else names[::-1]:
                    # The workloads of both trees stay alive throughout; frozen, they
                    # are not walked by the collector passes a step's own objects cause.
                    gc.collect()
                    gc.freeze()
                    start = time.perf_counter()
                    trees[tree][step]()
                    seconds = time.perf_counter() - start
                    gc.unfreeze()
                    best[tree, step] = min(best.get((tree, step), seconds), seconds)
        print(f"{args.records:,} records, best of {args.repeats} turns, alternating")
        for step in chosen:
            ref, now = best[args.ref, step], best["this tree", step]
            print(f"{step:17} {args.ref} {ref:7.3f} s   this tree {now:7.3f} s   ×{now / ref:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
