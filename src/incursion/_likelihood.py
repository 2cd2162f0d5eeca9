"""Estimative language: likelihood terms on named scales, with their probability bands."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from incursion._validation import Constraint, states
from incursion.exceptions import RecordError

__all__ = ["SCALES", "Likelihood", "scales_with_term"]

#: The built-in scales: each term (lower case) with its probability band.
#: ``icd-203``: US Intelligence Community Directive 203; ``phia``: the UK Professional
#: Head of Intelligence Assessment probability yardstick.
SCALES: Final[Mapping[str, Mapping[str, tuple[float, float]]]] = MappingProxyType(
    {
        "icd-203": MappingProxyType(
            {
                "almost no chance": (0.01, 0.05),
                "remote": (0.01, 0.05),
                "very unlikely": (0.05, 0.20),
                "highly improbable": (0.05, 0.20),
                "unlikely": (0.20, 0.45),
                "improbable": (0.20, 0.45),
                "roughly even chance": (0.45, 0.55),
                "roughly even odds": (0.45, 0.55),
                "likely": (0.55, 0.80),
                "probable": (0.55, 0.80),
                "very likely": (0.80, 0.95),
                "highly probable": (0.80, 0.95),
                "almost certain": (0.95, 0.99),
                "nearly certain": (0.95, 0.99),
            }
        ),
        "phia": MappingProxyType(
            {
                "remote chance": (0.0, 0.05),
                "highly unlikely": (0.10, 0.20),
                "unlikely": (0.25, 0.35),
                "realistic possibility": (0.40, 0.50),
                "likely": (0.55, 0.75),
                "probably": (0.55, 0.75),
                "highly likely": (0.80, 0.90),
                "almost certain": (0.95, 1.0),
            }
        ),
    }
)


def scales_with_term(term: str) -> tuple[str, ...]:
    """Name the built-in scales on which ``term`` stands (case-insensitive)."""
    key = " ".join(term.lower().split())
    return tuple(name for name, terms in SCALES.items() if key in terms)


@states(Constraint(non_blank=True))  # the term's scale is checked on the object
def _scale_and_term(instance: Likelihood, _: attrs.Attribute[str], term: object) -> None:
    if not isinstance(term, str) or not term.strip():
        raise RecordError(f"likelihood term must be text, got {term!r}", field="likelihood")
    scale: object = instance.scale
    if scale is None:
        return
    if not isinstance(scale, str) or scale not in SCALES:
        raise RecordError(
            f"unknown likelihood scale {scale!r}: expected one of {', '.join(SCALES)}",
            field="likelihood",
        )
    if " ".join(term.lower().split()) not in SCALES[scale]:
        raise RecordError(
            f"{term!r} is not a term of the {scale} scale: expected one of "
            + ", ".join(repr(t) for t in SCALES[scale]),
            field="likelihood",
        )


@attrs.frozen(kw_only=True)
class Likelihood:
    """A likelihood term as written, and the named scale it is read on.

    With ``scale`` set, the term must be one of that scale's terms and :attr:`band` gives
    its probability band.  With ``scale`` ``None`` the term is kept as written; the
    ``estimative-language`` check reports such terms.

    Attributes:
        term: The words (``"unlikely"``).
        scale: ``"icd-203"``, ``"phia"`` or ``None``.

    .. versionadded:: 0.1.0
    """

    scale: str | None = None
    term: str = attrs.field(validator=_scale_and_term)

    @property
    def band(self) -> tuple[float, float] | None:
        """The probability band of the term on its scale, or ``None`` without a scale."""
        if self.scale is None:
            return None
        return SCALES[self.scale][" ".join(self.term.lower().split())]
