"""The errors and warnings that :mod:`incursion` raises.

Every error derives from :class:`IncursionError`, so one ``except`` clause catches
anything the library raises on bad input.  The subclasses also derive from the
built-in exception a Python programmer would expect (:class:`ValueError`), so code
written against the standard library keeps working.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "DocumentError",
    "IncursionError",
    "IncursionWarning",
    "ParseError",
    "Problem",
    "RecordError",
    "UnitError",
]


class IncursionError(Exception):
    """The base class of every error :mod:`incursion` raises.

    Attributes:
        field: The name of the offending field, when one field is to blame.

    .. versionadded:: 0.1.0
    """

    def __init__(self, message: str = "", *, field: str | None = None) -> None:
        """Create the error.

        Args:
            message: What was expected and what was found.
            field: The name of the offending field, if one is to blame.
        """
        super().__init__(message)
        self.field = field


class IncursionWarning(UserWarning):
    """The base class of every warning :mod:`incursion` emits.

    .. versionadded:: 0.1.0
    """


class ParseError(IncursionError, ValueError):
    """A figure written as text could not be read.

    The message quotes the text (shortened if it is long) and says what was expected.

    .. versionadded:: 0.1.0
    """


class UnitError(ParseError):
    """A unit word is unknown, or a figure has the wrong kind of unit for its field.

    .. versionadded:: 0.1.0
    """


class RecordError(IncursionError, ValueError):
    """A record, source or estimate was built with a field value it cannot hold.

    :attr:`~IncursionError.field` is ``None`` when the record as a whole is at fault (for
    example, a territorial claim with no figure at all).

    .. versionadded:: 0.1.0
    """


@attrs.frozen
class Problem:
    """One problem found in a document: where it is and what is wrong.

    Attributes:
        path: A JSON path such as ``$.records[3].area``.
        message: What was expected and what was found there.

    .. versionadded:: 0.1.0
    """

    path: str
    message: str

    def __str__(self) -> str:
        """Render as ``path: message``."""
        return f"{self.path}: {self.message}"


_SHOWN = 50  # problems listed in the message; all of them stay in .problems


class DocumentError(IncursionError, ValueError):
    """A document could not be loaded: every problem found, each with its JSON path.

    The message lists the first 50; :attr:`problems` holds them all.

    Attributes:
        problems: Every problem found, in document order.

    .. versionadded:: 0.1.0
    """

    def __init__(self, problems: Iterable[Problem], *, origin: str | None = None) -> None:
        """Create the error from its problems.

        Args:
            problems: Every problem found.
            origin: Where the document came from (a file name), for the message.
        """
        self.problems = tuple(problems)
        self.origin = origin
        count = len(self.problems)
        where = f" in {origin}" if origin else ""
        head = f"{count} problem{'s' if count != 1 else ''}{where}:"
        shown = [f"  {p}" for p in self.problems[:_SHOWN]]
        if count > _SHOWN:
            shown.append(f"  … and {count - _SHOWN:,} more (all of them are in .problems)")
        super().__init__("\n".join([head, *shown]))
