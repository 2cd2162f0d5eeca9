"""Which figures belong together: the qualifiers of each kind of record, as one table.

Two figures are compared when they measure the same thing of the same subject.  What a
record says of its figures beyond that (whose people, which population, which group,
which predicate, which fate) is a *qualifier*.  Each qualifier is a row of
:data:`QUALIFIERS`: what a record that leaves it out means, and which of its values lie
within which.  From the rows, :func:`relate` tells how two figures' scopes stand:

* the same scope: every qualifier equal, or left out on one side (an assumption, which
  the finding names: a qualifier not said matches whatever the other side says, so
  leaving one out never hides a contradiction the full wording would show);
* one within the other: a narrower scope (civilians, children, one region, the killed)
  against a wider one (all people, the whole population, the whole subject, the killed
  and wounded): the narrower figure cannot be the larger;
* apart: scopes that do not overlap (civilians and soldiers) or cross (one is narrower in
  one qualifier and wider in another), never compared.

A record's ``status`` is not a qualifier: a party's claim, an independent assessment and a
documented count describe one reality and are compared.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from typing import Any, Final

import attrs

__all__ = ["COMBINED", "QUALIFIERS", "Absent", "Qualifier", "Scope", "narrowing", "relate"]


class Absent(enum.Enum):
    """What a record that leaves a qualifier out says by it."""

    #: Nothing: the value was not said, and matches any value (an assumption).
    UNSPECIFIED = "unspecified"
    #: The whole: no restriction ("no group" counts everyone; "no region", the subject).
    WHOLE = "whole"
    #: Nothing is assumed: only equal values (a missing one included) are one scope.
    EXACT = "exact"


@attrs.frozen
class Qualifier:
    """One qualifier of a kind of record: its field, its absence and its hierarchy.

    Attributes:
        name: The record's field.
        absent: What leaving it out means.
        within: Each narrower value and the wider value it lies within.
        parts: Whether a count's named parts are values of this qualifier: "killed,
            including 24 children" counts the group ``children``, as a record of
            ``group: children`` does.
    """

    name: str
    absent: Absent
    within: Mapping[str, str] = attrs.field(factory=dict)
    parts: bool = False

    def wider(self, value: Any) -> tuple[Any, ...]:
        """The values ``value`` lies within, nearest first (``None`` last when whole)."""
        chain: list[Any] = []
        current = self.within.get(value) if value is not None else None
        while current is not None:
            chain.append(current)
            current = self.within.get(current)
        if value is not None and self.absent is Absent.WHOLE:
            chain.append(None)
        return tuple(chain)


_LOST: Final = dict.fromkeys(("destroyed", "damaged", "abandoned", "captured"), "lost")

#: The qualifiers of each kind of record, in the order figure keys list them.  Subject,
#: kind and field come first in every key; a kind not listed here has no qualifiers.
QUALIFIERS: Final[Mapping[str, tuple[Qualifier, ...]]] = {
    "territorial-claim": (
        Qualifier("controller", Absent.UNSPECIFIED),
        Qualifier(
            "predicate",
            Absent.UNSPECIFIED,
            within={"controls": "operating-in-or-near", "advanced-into": "operating-in-or-near"},
        ),
        Qualifier("region", Absent.WHOLE),
    ),
    "casualty-report": (
        Qualifier("party", Absent.UNSPECIFIED),
        Qualifier(
            "population",
            Absent.UNSPECIFIED,
            within={"civilian": "all", "military": "all"},
        ),
        Qualifier("group", Absent.WHOLE, parts=True),
    ),
    "allegation": (Qualifier("accused", Absent.UNSPECIFIED), Qualifier("act", Absent.EXACT)),
    "materiel-loss": (
        Qualifier("party", Absent.UNSPECIFIED),
        Qualifier("fate", Absent.UNSPECIFIED, within=_LOST),
    ),
    "measurement": (
        Qualifier("measure", Absent.EXACT),
        Qualifier("party", Absent.UNSPECIFIED),
        Qualifier("of", Absent.UNSPECIFIED),
    ),
}

#: The combined counts of a casualty report and the counts each includes; when every
#: one of a row of members is given, they must add up to the combined count.  Across
#: records, a single count lies within each combined count that includes it.
COMBINED: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "killed_and_wounded": (("killed", "wounded"),),
    "losses": (
        ("killed", "wounded", "missing", "captured"),
        ("killed_and_wounded", "missing", "captured"),
    ),
}

#: Each field and the fields that include it, across records.
FIELD_WITHIN: Final[Mapping[str, frozenset[str]]] = {
    member: frozenset(c for c, rows in COMBINED.items() if any(member in row for row in rows))
    for rows in COMBINED.values()
    for row in rows
    for member in row
}


#: For each kind, the position in a figure's qualifiers that its count's parts name.
PART_QUALIFIER: Final[Mapping[str, int]] = {
    kind: i for kind, row in QUALIFIERS.items() for i, q in enumerate(row) if q.parts
}


class Scope(enum.Enum):
    """How two figures' scopes stand."""

    SAME = "same"
    NARROWER = "narrower"  # the first lies within the second
    WIDER = "wider"  # the second lies within the first
    APART = "apart"


def _one(qualifier: Qualifier, a: Any, b: Any, assumed: list[str], sides: set[Scope]) -> bool:
    """Add how one qualifier's values stand; ``False`` when they are apart."""
    if a == b:
        return True
    if qualifier.absent is Absent.UNSPECIFIED and (a is None or b is None):
        said = a if b is None else b
        assumed.append(f"{qualifier.name} {_value(said)}")
        return True
    if b in qualifier.wider(a):
        sides.add(Scope.NARROWER)
        return True
    if a in qualifier.wider(b):
        sides.add(Scope.WIDER)
        return True
    return False


def _value(value: Any) -> str:
    return str(getattr(value, "value", value))


@functools.lru_cache(maxsize=4096)  # documents repeat a few patterns over many subjects
def relate(
    kind: str, field_a: str, field_b: str, a: tuple[Any, ...], b: tuple[Any, ...]
) -> tuple[Scope, tuple[str, ...]]:
    """How two figures of one kind and subject stand, and what the relation assumes.

    Args:
        kind: The kind of record both come from.
        field_a: The first figure's measure (``"killed"``).
        field_b: The second figure's measure.
        a: The first figure's qualifier values, in the order of :data:`QUALIFIERS`.
        b: The second figure's.

    Returns:
        The relation, and for each qualifier left out on one side, what it was assumed to
        be (``"population civilian"``).
    """
    assumed: list[str] = []
    sides: set[Scope] = set()
    if field_a != field_b:
        if field_b in FIELD_WITHIN.get(field_a, ()):
            sides.add(Scope.NARROWER)
        elif field_a in FIELD_WITHIN.get(field_b, ()):
            sides.add(Scope.WIDER)
        else:
            return Scope.APART, ()
    for qualifier, x, y in zip(QUALIFIERS.get(kind, ()), a, b, strict=True):
        if not _one(qualifier, x, y, assumed, sides):
            return Scope.APART, ()
    if len(sides) > 1:
        return Scope.APART, ()
    return (sides.pop() if sides else Scope.SAME), tuple(assumed)


def narrowing(
    kind: str, field_a: str, field_b: str, a: tuple[Any, ...], b: tuple[Any, ...]
) -> tuple[str, ...]:
    """What makes the first scope narrower than the second, in words.

    ``("killed within killed and wounded", "group children within the whole")``.
    """
    words = []
    if field_a != field_b:
        words.append(f"{_field(field_a)} within {_field(field_b)}")
    for qualifier, x, y in zip(QUALIFIERS.get(kind, ()), a, b, strict=True):
        if x != y and x is not None and (y is not None or qualifier.absent is Absent.WHOLE):
            wider = "the whole" if y is None else _value(y)
            words.append(f"{qualifier.name} {_value(x)} within {wider}")
    return tuple(words)


def _field(field: str) -> str:
    return field.removeprefix("equipment.").replace("_", " ")
