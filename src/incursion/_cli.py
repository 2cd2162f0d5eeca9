"""The command line: ``incursion check``, ``extract`` and ``schema`` (``python -m incursion``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

import incursion
from incursion._extraction_report import Extraction
from incursion._gc import collector_paused
from incursion._records import Document
from incursion._schema import schema_text
from incursion._serialization import load, loads
from incursion.checks import CheckError, Report, Severity, run
from incursion.examples import kursk_2024
from incursion.exceptions import IncursionError

__all__ = ["main"]

_FAIL_ON = ("error", "warning", "info", "never")


class _Version(argparse.Action):
    """``--version`` among other arguments: the version is read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any, **__: Any) -> None:
        parser.exit(message=f"incursion {incursion.__version__}\n")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="incursion",
        description="Record and cross-check numeric claims about armed-conflict events.",
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check documents for figures that cannot all be true",
        description="Check JSON documents for figures that cannot all be true. With no FILE, "
        "check the bundled example (the Kursk incursion, 12 August 2024).",
    )
    check.add_argument("files", nargs="*", metavar="FILE", help="a JSON document, or - for stdin")
    check.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="output format"
    )
    check.add_argument("--select", metavar="IDS", help="comma-separated ids of checks to run")
    check.add_argument("--ignore", metavar="IDS", help="comma-separated ids of checks to skip")
    check.add_argument(
        "--fail-on",
        choices=_FAIL_ON,
        default="error",
        help="exit 1 when a finding is this severe or worse (default: error)",
    )
    check.add_argument(
        "--explain",
        action="store_true",
        help="list, for each figure no check compared, what it was not compared with and why",
    )
    extract = commands.add_parser(
        "extract",
        help="list the figures in a text and check its bracketed conversions",
        description="List every figure in an English text (an article, a statement, a "
        "transcript) with its hedge, unit and sentence, and check each bracketed conversion "
        "such as '1,000 sq km (386 sq miles)'. Exit 1 when a conversion is wrong.",
    )
    extract.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a UTF-8 text file, or - for standard input (the default when it is piped)",
    )
    extract.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    extract.add_argument(
        "--fail-on",
        choices=_FAIL_ON,
        default="error",
        help="exit 1 when a conversion finding is this severe or worse (default: error)",
    )
    extract.add_argument(
        "--percentages", action="store_true", help="also list percentages ('15 per cent')"
    )
    extract.add_argument(
        "--durations", action="store_true", help="also list durations ('three weeks')"
    )
    commands.add_parser(
        "schema",
        help="print the JSON Schema of documents",
        description="Print the JSON Schema (draft 2020-12) of incursion documents, for "
        "checking documents with tools in any language.",
    )
    return parser


def _ids(text: str | None) -> list[str] | None:
    if text is None:
        return None
    ids = [i.strip() for i in text.split(",") if i.strip()]
    if not ids:
        raise CheckError("expected comma-separated check ids, got none")
    return ids


_LARGE = 5_000_000  # bytes: above this, a terminal is told what is happening


def _documents(files: Sequence[str], err: TextIO) -> list[tuple[str, Document]]:
    if not files:
        if sys.stdin is not None and not sys.stdin.isatty():
            err.write(
                "incursion: no FILE given, so checking the bundled example; "
                "give - to check standard input\n"
            )
        return [("incursion.examples.kursk_2024", kursk_2024())]
    documents = []
    for name in files:
        if name == "-":
            if sys.stdin is None:
                raise IncursionError("standard input is closed")
            data = sys.stdin.buffer.read()
            _progress(err, f"reading {len(data):,} bytes from standard input", len(data))
            documents.append(("<stdin>", loads(data, origin="<stdin>")))
        else:
            size = Path(name).stat().st_size
            _progress(err, f"loading {name} ({size / 1e6:,.0f} MB)", size)
            documents.append((name, load(name)))
    return documents


def _progress(err: TextIO, message: str, size: int) -> None:
    """Say what a long step is doing, on a terminal only (never in a pipe or a log)."""
    if size > _LARGE and err.isatty():
        err.write(f"incursion: {message}…\n")
        err.flush()


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; return the exit code (0 clean, 1 findings, 2 usage or input).

    .. versionadded:: 0.1.0
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv == ["--version"]:  # on the given stream, where argparse would use sys.stdout
        out.write(f"incursion {incursion.__version__}\n")
        return 0
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    if args.command == "schema":
        out.write(schema_text())
        return 0
    if args.command == "extract":
        return _guarded(lambda: _extract(args, out, err), err)
    # The check runs with the collector paused: a full collection over millions of
    # records and estimates, started while the report is written, would cost seconds.
    with collector_paused():
        return _guarded(lambda: _check(args, out, err), err)


def _guarded(command: Callable[[], int], err: TextIO) -> int:
    """Run a command; input errors and our own bugs become a line on stderr and exit 2."""
    try:
        return command()
    except (IncursionError, OSError) as error:
        err.write(f"incursion: {error}\n")
        return 2
    except Exception as error:  # noqa: BLE001 - a bug of ours: say so, no traceback, no "1"
        err.write(
            f"incursion: internal error ({type(error).__name__}: {error}); please report it "
            "with the input that caused it\n"
        )
        return 2


def _extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    name = args.file
    if name is None and (sys.stdin is None or sys.stdin.isatty()):
        raise IncursionError("extract: give a text file, or - to read standard input")
    if name in (None, "-"):
        if sys.stdin is None:
            raise IncursionError("standard input is closed")
        name, data = "<stdin>", sys.stdin.buffer.read()
    else:
        data = Path(name).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IncursionError(
            f"{name}: expected UTF-8 text, found byte 0x{data[error.start]:02x} at offset "
            f"{error.start:,}"
        ) from None
    _progress(err, f"reading figures from {name} ({len(text):,} characters)", len(text) * 20)
    result = Extraction.of(text, name, percentages=args.percentages, durations=args.durations)
    out.write(result.render_json() if args.format == "json" else result.render_text())
    if args.fail_on == "never":
        return 0
    worst = result.report.worst()
    return 1 if worst is not None and worst.rank >= Severity(args.fail_on).rank else 0


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    reports = []
    for name, document in _documents(args.files, err):
        _progress(err, f"checking {len(document.records):,} records", len(document.records) * 100)
        report = run(
            document, select=_ids(args.select), ignore=_ids(args.ignore), explain=args.explain
        )
        reports.append((name, report))
    out.write(_render(reports, args.format))
    return _exit_code(reports, args.fail_on)


def _render(reports: list[tuple[str, Report]], style: str) -> str:
    if style == "json":
        if len(reports) == 1:
            return reports[0][1].render_json()
        findings = []
        for name, report in reports:
            findings += [{**f, "file": name} for f in report.to_json()["findings"]]
        summary = _combined([report.summary() for _, report in reports])
        summary["files"] = [{"file": name, **report.summary()} for name, report in reports]
        return (
            json.dumps({"findings": findings, "summary": summary}, ensure_ascii=False, indent=2)
            + "\n"
        )
    parts = []
    for name, report in reports:
        if style == "markdown":
            body = report.render_markdown()
            if len(reports) > 1:
                body = body.replace("# incursion check", f"# incursion check: `{name}`", 1)
        else:
            body = report.render_text()
            if len(reports) > 1:
                body = f"== {name}\n{body}"
        parts.append(body)
    return "\n".join(parts)


def _combined(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """One summary for several files: the counts added up, the settings of the first."""
    total = dict(summaries[0])
    total["records"] = sum(s["records"] for s in summaries)
    total["findings"] = sum(s["findings"] for s in summaries)
    for key in ("by_severity", "by_check", "coverage"):
        total[key] = {k: sum(s[key].get(k, 0) for s in summaries) for k in summaries[0][key]}
    if "uncompared" in total:
        total["uncompared"] = [pair for s in summaries for pair in s["uncompared"]]
    return total


def _exit_code(reports: list[tuple[str, Report]], fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    worst = [r.worst() for _, r in reports]
    return 1 if any(w is not None and w.rank >= threshold for w in worst) else 0
