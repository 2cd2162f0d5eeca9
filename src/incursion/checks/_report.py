"""Reports: the findings of a run, counted, with the thresholds used; and their renderings."""

from __future__ import annotations

import json
import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from incursion._estimates import Policy
from incursion.checks._core import Finding, Severity, strings
from incursion.checks._coverage import Coverage, Uncompared

__all__ = ["Report"]

# A number and the word after it ("480 km²", "12 km", "3,900 people") stay on one line.
_GLUE = re.compile(r"(\d) (?=[^\W\d])")


#: How many of the figures left alone the text report lists (the JSON lists them all).
_LISTED = 50

#: Why two figures were not compared, in words.
_REASON_WORDS: dict[str, str] = {
    "scope": "one measure, but scopes that do not overlap",
    "dates": "one measure and scope, but dates too far apart",
    "subject": "one measure, but different subjects",
    "measure": "one subject, but different measures",
    "checks": "comparable, but no check that compares them ran",
    "nothing": "no other figure of its subject or its measure",
}


def _alone(u: Uncompared) -> str:
    """A figure left alone, in words: which, why, and the nearest figure not compared."""
    said = f"{u.records[0]} {u.fields[0]}: {_REASON_WORDS[u.reason]}"
    return said if len(u.records) < 2 else f"{said} ({u.records[1]} {u.fields[1]})"


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """Lines of ``text`` within ``width``; a number is never split from the word after it."""
    wrapped = textwrap.wrap(
        _GLUE.sub("\\1\u00a0", text),
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
    )
    return [line.replace("\u00a0", " ") for line in wrapped]


def _findings(values: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Report:
    """The findings of one run of the checks, and how they were reached.

    Attributes:
        findings: Every finding, errors first.
        checks: The ids of the checks that ran, in order.
        thresholds: Each check's thresholds (its parameters), by id.
        policy: The reading policy the figures were read under.
        records: How many records were checked.
        coverage: How many figures the checks compared with another, and how many
            stood alone; "no errors" means something only beside it.

    .. versionadded:: 0.1.0
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_findings)
    checks: tuple[str, ...] = attrs.field(converter=strings)
    thresholds: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    policy: Policy = attrs.field(factory=Policy)
    records: int = 0
    coverage: Coverage = attrs.field(factory=Coverage)

    @property
    def by_severity(self) -> dict[str, int]:
        """How many findings of each severity (every severity listed)."""
        counts = Counter(f.severity.value for f in self.findings)
        return {s.value: counts.get(s.value, 0) for s in Severity}

    @property
    def by_check(self) -> dict[str, int]:
        """How many findings each check made (every check that ran listed)."""
        counts = Counter(f.check for f in self.findings)
        return {c: counts.get(c, 0) for c in self.checks}

    def worst(self) -> Severity | None:
        """The most severe finding's severity, or ``None`` when there is none."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)

    def summary(self) -> dict[str, Any]:
        """The summary object of the JSON report."""
        return {
            "records": self.records,
            "findings": len(self.findings),
            "by_severity": self.by_severity,
            "by_check": self.by_check,
            "checks": list(self.checks),
            "thresholds": {k: dict(v) for k, v in self.thresholds.items()},
            "policy": attrs.asdict(self.policy),
            "coverage": self.coverage.to_json(),
            **(
                {
                    "uncompared": [
                        {"records": list(u.records), "fields": list(u.fields), "reason": u.reason}
                        for u in self.coverage.uncompared
                    ]
                }
                if self.coverage.uncompared
                else {}
            ),
        }

    def to_json(self) -> dict[str, Any]:
        """The report as the JSON object ``incursion check --format json`` writes."""
        return {
            "findings": [
                {
                    "check": f.check,
                    "severity": f.severity.value,
                    "records": list(f.records),
                    "paths": list(f.paths),
                    "message": f.message,
                    "explanation": f.explanation,
                    "figures": f.figures_json(),
                }
                for f in self.findings
            ],
            "summary": self.summary(),
        }

    def render_json(self) -> str:
        """The report as JSON text."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def render_text(self, width: int = 80, *, summary: bool = True) -> str:
        """The report for a terminal: findings grouped by check, in the order checks ran.

        A number is never split from its unit at the end of a line.

        Args:
            width: The width of a line.
            summary: End with the line that counts records, checks and findings.
        """
        lines: list[str] = []
        for check in self.checks:
            found = [f for f in self.findings if f.check == check]
            if not found:
                continue
            lines.append(f"{check} ({len(found)})")
            for finding in found:
                head = f"  {finding.severity.value.upper():<7} "
                lines += _wrap(finding.message, width, head, " " * len(head))
                if finding.paths:
                    lines.append(" " * len(head) + "at " + ", ".join(finding.paths))
            lines.append("")
        pairs = self.coverage.uncompared
        if pairs:
            lines.append("left alone (each with the nearest figure it was not compared with)")
            for u in pairs[:_LISTED]:
                lines += _wrap(_alone(u), width, "  ", "    ")
            if len(pairs) > _LISTED:
                lines.append(f"  … and {len(pairs) - _LISTED:,} more (all in the JSON report)")
            lines.append("")
        if summary:
            checks = f"{len(self.checks)} check{'s' if len(self.checks) != 1 else ''}"
            records = f"{self.records} record{'s' if self.records != 1 else ''}"
            summary_line = f"{records}, {checks}: {self._tally()}; {self.coverage.describe()}"
            lines += _wrap(summary_line, width, "", "")
        return "\n".join(lines) + "\n"

    def _tally(self) -> str:
        counts = self.by_severity
        words = (("error", "errors"), ("warning", "warnings"), ("info", "notes"))
        return ", ".join(
            f"{counts[key]} {plural if counts[key] != 1 else plural[:-1]}" for key, plural in words
        )

    def render_markdown(self) -> str:
        """The report as Markdown: a table per check."""
        lines = ["# incursion check", ""]
        records = f"{self.records} record{'s' if self.records != 1 else ''}"
        checks = f"{len(self.checks)} check{'s' if len(self.checks) != 1 else ''}"
        lines.append(f"{records}, {checks}: {self._tally()}; {self.coverage.describe()}.")
        for check in self.checks:
            found = [f for f in self.findings if f.check == check]
            if not found:
                continue
            lines += ["", f"## `{check}`", "", "| severity | records | finding |", "|---|---|---|"]
            for f in found:
                message = f.message.replace("|", "\\|")
                lines.append(f"| {f.severity.value} | {', '.join(f.records)} | {message} |")
        if self.coverage.uncompared:
            lines += ["", "## Left alone", ""]
            lines += [f"- {_alone(u)}" for u in self.coverage.uncompared]
        return "\n".join(lines) + "\n"
