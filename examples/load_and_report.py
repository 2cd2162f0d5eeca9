"""Load a JSON document and print its check report as text, JSON or Markdown.

With no FILE it loads the bundled Kursk example, written to a temporary file first so
that it is read from disk as yours would be. The report is what ``incursion check``
prints: findings grouped by check, then a summary line such as "9 records, 12 checks:
2 errors, 0 warnings, 1 note". ``--format json`` prints ``{"findings": [...],
"summary": {...}}``; ``--format markdown`` prints tables for an article draft or a
ticket.

Like ``incursion check``, it exits 1 when the report has an error, and 2 when the
document cannot be read, with every problem and its JSON path on standard error.

Run:  python examples/load_and_report.py                        # the bundled example
      python examples/load_and_report.py my-figures.json --format markdown
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import incursion
from incursion.checks import Report, Severity
from incursion.examples import kursk_2024_json


def render(report: Report, style: str) -> str:
    """The report as text, JSON or Markdown."""
    if style == "json":
        return report.render_json()
    if style == "markdown":
        return report.render_markdown()
    return report.render_text()


def report_on(path: Path, style: str) -> int:
    """Load the document at ``path``, print its report, and return the exit status."""
    try:
        document = incursion.load(path)
    except incursion.IncursionError as error:  # every problem, each with its JSON path
        print(error, file=sys.stderr)
        return 2
    except OSError as error:  # no such file, no permission
        print(error, file=sys.stderr)
        return 2
    report = incursion.check(document)
    print(render(report, style), end="")
    return 1 if report.worst() is Severity.ERROR else 0


def main(argv: list[str] | None = None) -> int:
    """Read the command line and report on the document it names, or on the example."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "file", nargs="?", type=Path, help="a JSON document (default: the bundled example)"
    )
    parser.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    args = parser.parse_args(argv)
    if args.file is not None:
        return report_on(args.file, args.format)
    with tempfile.TemporaryDirectory() as folder:
        example = Path(folder) / "kursk-2024.json"
        example.write_text(kursk_2024_json(), encoding="utf-8")
        return report_on(example, args.format)


if __name__ == "__main__":
    sys.exit(main())
