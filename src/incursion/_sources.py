"""Who said it and where: sources, their reliability grade, and citations."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from incursion._validation import TYPED, instance_of, member, states, text_field, valid_id
from incursion.exceptions import RecordError

__all__ = ["Citation", "Reliability", "Source"]


class Reliability(enum.StrEnum):
    """The reliability of a source, graded A–F as in the Admiralty (NATO) system.

    .. versionadded:: 0.1.0
    """

    #: Completely reliable — no doubt of authenticity, trustworthiness or competency.
    A = "A"
    #: Usually reliable — minor doubt; a history of mostly valid information.
    B = "B"
    #: Fairly reliable — doubt; has provided valid information in the past.
    C = "C"
    #: Not usually reliable — significant doubt.
    D = "D"
    #: Unreliable — lacking in authenticity, trustworthiness and competency.
    E = "E"
    #: Reliability cannot be judged — no basis to evaluate.
    F = "F"


def _reliability(value: object) -> Reliability | None:
    return None if value is None else member(Reliability, value, "reliability")


@attrs.frozen(kw_only=True)
class Source:
    """Who gave a figure: a person or body, their side and role, and how reliable they are.

    Attributes:
        id: A short key that records in a document use to name the source.
        name: The name as it should be shown (``"Oleksandr Syrskyi"``).
        side: Free text: the party the source speaks for (``"Ukraine"``), if any.
        role: The source's position (``"Commander-in-Chief of the Armed Forces"``).
        organisation: The body the source speaks for.
        kind: Free text: ``official``, ``military``, ``media``, ``think-tank``, ``ngo``,
            ``international-organisation``, ``osint``, …
        reliability: The Admiralty-code grade A–F, if graded.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=valid_id)
    name: str = attrs.field(validator=instance_of(str, "text"))
    side: str | None = attrs.field(default=None, validator=text_field)
    role: str | None = attrs.field(default=None, validator=text_field)
    organisation: str | None = attrs.field(default=None, validator=text_field)
    kind: str | None = attrs.field(default=None, validator=text_field)
    reliability: Reliability | None = attrs.field(default=None, converter=_reliability)


@states(TYPED)
def _day(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        raise RecordError(
            f"{attribute.name} must be a date (not a date and time), got {value!r:.60}",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class Citation:
    """Where a figure was published: the outlet, the address, the date and the words.

    Attributes:
        outlet: The publication or channel (``"Sky News"``).
        url: The address of the item, if any.
        published: The date it was published (not the date the figure describes).
        quote: A short attributed quote that carries the figure.

    .. versionadded:: 0.1.0
    """

    outlet: str | None = attrs.field(default=None, validator=text_field)
    url: str | None = attrs.field(default=None, validator=text_field)
    published: dt.date | None = attrs.field(default=None, validator=_day)
    quote: str | None = attrs.field(default=None, validator=text_field)
