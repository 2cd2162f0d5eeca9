"""Checks on how allegations are graded and assessments are worded."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import attrs

from incursion._likelihood import scales_with_term
from incursion._records import Allegation, Assessment, Evidence
from incursion.checks._core import Context, Finding, Severity

__all__ = ["EstimativeLanguageCheck", "UnsupportedAllegationCheck"]


@attrs.frozen
class UnsupportedAllegationCheck:
    """An allegation graded credible with no public evidence."""

    id: ClassVar[str] = "unsupported-allegation"
    title: ClassVar[str] = "Credible without evidence"
    severity: ClassVar[Severity] = Severity.WARNING
    what: ClassVar[str] = (
        "Reports an allegation whose credibility is graded 1 or 2 (confirmed, probably true) "
        "while its evidence is none-public."
    )
    why: ClassVar[str] = "A grade of credibility needs something to rest on that others can see."
    example: ClassVar[str] = "A chemical-weapons allegation graded 2 with evidence none-public."
    todo: ClassVar[str] = "Lower the grade, or record the evidence the grade rests on."

    max_credibility: int = 2

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Check every allegation's grade against its evidence."""
        for record in context.records:
            if (
                isinstance(record, Allegation)
                and record.credibility is not None
                and record.credibility <= self.max_credibility
                and record.evidence is Evidence.NONE_PUBLIC
            ):
                yield Finding(
                    check=self.id,
                    severity=Severity.WARNING,
                    records=(record.id,),
                    paths=(context.path(record, "credibility"), context.path(record, "evidence")),
                    message=f"{record.id}: {record.act.value} graded credibility "
                    f"{record.credibility} with no public evidence",
                    explanation=self.what,
                )


@attrs.frozen
class EstimativeLanguageCheck:
    """An assessment without a likelihood on a recognised scale, or mixing confidence in."""

    id: ClassVar[str] = "estimative-language"
    title: ClassVar[str] = "Estimative language"
    severity: ClassVar[Severity] = Severity.INFO
    what: ClassVar[str] = (
        "Reports an assessment with no likelihood term, with a term on no named scale "
        "(ICD 203 or UK PHIA) — info — or with a likelihood that speaks of confidence — a "
        "warning: confidence in the evidence is a different judgement from how likely the "
        "event is."
    )
    why: ClassVar[str] = (
        '"Unlikely" means 20–45% on one scale and 25–35% on another; without a scale the '
        "words cannot be compared with other assessments."
    )
    example: ClassVar[str] = '"it seems unlikely …" recorded with no scale.'
    todo: ClassVar[str] = (
        "Name the scale the term is read on, or record the source's own words as a note."
    )

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Check every assessment's likelihood."""
        for record in context.records:
            if not isinstance(record, Assessment):
                continue
            likelihood = record.likelihood
            path = context.path(record, "likelihood")
            if likelihood is None:
                message = f"{record.id}: no likelihood term"
                severity = Severity.INFO
            elif "confiden" in likelihood.term.lower():
                message = f"{record.id}: likelihood {likelihood.term!r} speaks of confidence"
                severity = Severity.WARNING
            elif likelihood.scale is None:
                scales = scales_with_term(likelihood.term)
                message = f"{record.id}: likelihood {likelihood.term!r} is on no named scale" + (
                    f" (it stands on {', '.join(scales)}: name one)" if scales else ""
                )
                severity = Severity.INFO
            else:
                continue
            yield Finding(
                check=self.id,
                severity=severity,
                records=(record.id,),
                paths=(path,),
                message=message,
                explanation=self.what,
            )
