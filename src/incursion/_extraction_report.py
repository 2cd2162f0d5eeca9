"""The report of ``incursion extract``: the figures of a text, and the findings on its brackets.

A renderer: it reads the extractor's mentions and runs the ``conversion`` check on them,
and writes them as text or JSON.  The extractor itself knows nothing of checks or reports.
"""

from __future__ import annotations

import bisect
import json
import re
import textwrap
from typing import Any

import attrs

from incursion._estimates import Estimate
from incursion._extract import Mention, Unread, extract
from incursion._serialization import json_number, unstructure_estimate
from incursion._units import plural, resolve_unit
from incursion.checks import ConversionCheck, Finding, Report

__all__ = ["Extraction"]


@attrs.frozen(kw_only=True)
class Extraction:
    """The figures of one text and the findings on their bracketed conversions.

    This is what ``incursion extract`` prints.

    Attributes:
        name: Where the text came from (a file name, ``<stdin>``).
        text: The text.
        mentions: Every figure found, in order.
        report: The findings of the ``conversion`` check on the mentions' brackets.
        unread: The words that looked like a figure but were not read, in order, and why.
    """

    name: str
    text: str = attrs.field(repr=False)
    mentions: tuple[Mention, ...]
    report: Report
    unread: tuple[Unread, ...] = ()

    @classmethod
    def of(
        cls, text: str, name: str = "<text>", *, percentages: bool = False, durations: bool = False
    ) -> Extraction:
        """Extract the figures of ``text`` and check their bracketed conversions."""
        items = extract(text, percentages=percentages, durations=durations, unread=True)
        mentions = tuple(m for m in items if isinstance(m, Mention))
        unread = tuple(u for u in items if isinstance(u, Unread))
        lines = _line_starts(text)
        check = ConversionCheck()
        findings: list[Finding] = []
        for mention in mentions:
            if mention.estimate.conversions:
                line, column = _position(lines, mention.start)
                findings += check.check_estimate(
                    mention.estimate, f"{line}:{column}", f"{name}:{line}:{column}"
                )
        report = Report(findings=findings, checks=(check.id,), records=len(mentions))
        return cls(name=name, text=text, mentions=mentions, report=report, unread=unread)

    @property
    def conversions(self) -> int:
        """How many bracketed conversions were checked."""
        return sum(len(m.estimate.conversions) for m in self.mentions)

    def summary(self) -> dict[str, Any]:
        """The summary object of the JSON output."""
        return {
            "file": self.name,
            "mentions": len(self.mentions),
            "unread": len(self.unread),
            "conversions": self.conversions,
            "findings": len(self.report.findings),
            "by_severity": self.report.by_severity,
        }

    def to_json(self) -> dict[str, Any]:
        """The figures, the findings and a summary, as ``--format json`` writes them."""
        lines = _line_starts(self.text)
        mentions = []
        for m in self.mentions:
            e = m.estimate
            line, column = _position(lines, m.start)
            mentions.append(
                {
                    "line": line,
                    "column": column,
                    "span": list(m.span),
                    "text": m.text,
                    "sentence": m.sentence,
                    "noun": m.noun,
                    "rule": m.rule,
                    "value": json_number(e.number),
                    "unit": e.unit,
                    "dimension": e.dimension,
                    "hedge": e.hedge.value,
                    "word": e.word,
                    "low": json_number(e.low_number),
                    "high": None if e.high_number is None else json_number(e.high_number),
                    "equivalents": [
                        {"value": json_number(c.number), "unit": c.unit} for c in e.conversions
                    ],
                    "figure": unstructure_estimate(e),
                }
            )
        unread = []
        for u in self.unread:
            line, column = _position(lines, u.start)
            unread.append(
                {
                    "line": line,
                    "column": column,
                    "span": list(u.span),
                    "text": u.text,
                    "sentence": u.sentence,
                    "reason": u.reason,
                }
            )
        findings = self.report.to_json()["findings"]
        return {
            "mentions": mentions,
            "unread": unread,
            "findings": findings,
            "summary": self.summary(),
        }

    def render_json(self) -> str:
        """The JSON output as text."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def render_text(self, width: int = 80) -> str:
        """The figures with their reading and sentence, then the conversion findings."""
        lines = _line_starts(self.text)
        out = []
        for m in self.mentions:
            line, column = _position(lines, m.start)
            where = f"{line}:{column}"
            out.append(f"{where:<9} {' '.join(m.text.split())}")
            out.append(f"{'':<9} {_reading(m.estimate)}")
            out.append(f"{'':<9} in “{_excerpt(m, width - 13)}”")
            out.append("")
        for u in self.unread:
            line, column = _position(lines, u.start)
            out.append(f"{f'{line}:{column}':<9} {' '.join(u.text.split())}")
            why = textwrap.wrap(f"not read: {u.reason}", max(width - 10, 20))
            out.extend(f"{'':<9} {part}" for part in why)
            out.append("")
        found = self.report.findings
        if found:
            out.append(f"conversion ({len(found)})")
            body = self.report.render_text(width, summary=False).split("\n")
            out.extend(line for line in body[1:] if line)
            out.append("")
        figures = f"{len(self.mentions)} figure{'s' if len(self.mentions) != 1 else ''}"
        checked = f"{self.conversions} bracketed conversion{'s' if self.conversions != 1 else ''}"
        wrong = self.report.by_severity
        out.append(
            f"{self.name}: {figures}, {checked} checked: {wrong['error']} wrong"
            + (f", {wrong['info']} worth a look" if wrong["info"] else "")
            + (f"; {len(self.unread)} not read" if self.unread else "")
        )
        return "\n".join(out) + "\n"


def _reading(e: Estimate) -> str:
    """How a figure was read: its hedge, its interval and its stated conversions."""
    low, high = e.low_number, e.high_number
    unit = ""
    if e.unit:
        info = resolve_unit(e.unit)
        unit = " " + (plural(info.name) if info.count else info.symbol)
    if high is None:
        interval = f"{'more than' if e.low_open else 'at least'} {_show(low)}"
    elif low == high:
        interval = _show(low)
    else:
        interval = f"{_show(low)}–{_show(high)}"
    parts = [e.hedge.value + (f" (“{e.word}”)" if e.word else ""), interval + unit]
    if e.conversions:
        parts.append(
            "brackets: "
            + ", ".join(f"{_show(c.number)} {resolve_unit(c.unit).symbol}" for c in e.conversions)
        )
    return " · ".join(parts)


def _excerpt(mention: Mention, room: int) -> str:
    """The mention's sentence on one line, cut to ``room`` characters around the figure."""
    sentence = " ".join(mention.sentence.split())
    if len(sentence) <= room:
        return sentence
    at = max(sentence.find(" ".join(mention.text.split())), 0)
    begin = max(0, min(at - room // 3, len(sentence) - (room - 1)))
    lead = "…" if begin else ""
    end = begin + room - len(lead)
    tail = ""
    if end < len(sentence):
        end, tail = end - 1, "…"
    cut = sentence[begin:end]
    if lead and " " in cut:
        cut = cut.split(" ", 1)[1]  # whole words only
    if tail and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return lead + cut.strip() + tail


def _show(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.4g}"


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _position(lines: list[int], offset: int) -> tuple[int, int]:
    """The line and column (both from 1) of ``offset``."""
    line = bisect.bisect_right(lines, offset)
    return line, offset - lines[line - 1] + 1
