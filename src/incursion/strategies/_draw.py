"""Hypothesis, imported here once, and the helpers every strategy draws with.

Every module of :mod:`incursion.strategies` takes ``st`` and ``InvalidArgument`` from
here rather than from Hypothesis, so that without Hypothesis, whichever module is imported
first, the error says how to install it.

A document holds dozens of figures, so drawing is kept cheap: the builders of the package
are plain functions that take ``draw`` (a new ``@st.composite`` strategy object per figure
costs several times a draw), and the strategies they draw from are built once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final, Literal, TypeVar

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as _error:  # pragma: no cover - exercised in a test that hides Hypothesis
    raise ImportError(
        "incursion.strategies needs Hypothesis: install it with "
        "pip install 'incursion[hypothesis]'",
        name="incursion.strategies",
    ) from _error

__all__ = ["InvalidArgument", "any_text", "maybe", "pick", "shuffled", "some", "st"]

_T = TypeVar("_T")

# Any character but a lone surrogate (which JSON cannot carry).  Named by category, not by
# codec: Hypothesis builds its table of what a codec encodes by trying every code point,
# some seconds on a project's first run, and its health check then fails a user's first test.
_SURROGATES: Final[tuple[Literal["Cs"]]] = ("Cs",)
_CHARACTERS: Final = st.characters(exclude_categories=_SURROGATES)


def any_text(*, min_size: int = 0, max_size: int | None = None) -> st.SearchStrategy[str]:
    """Text of any characters but lone surrogates."""
    return st.text(_CHARACTERS, min_size=min_size, max_size=max_size)


def pick(draw: st.DrawFn, values: Sequence[_T]) -> _T:
    """One of ``values``, drawn by index (Hypothesis keeps one strategy per index range)."""
    return values[draw(st.integers(0, len(values) - 1))]


def some(draw: st.DrawFn, values: Sequence[_T], least: int, most: int) -> list[_T]:
    """Between ``least`` and ``most`` distinct items of ``values``, drawn by index."""
    most = min(most, len(values))
    if most == 0:
        return []
    chosen = st.lists(st.integers(0, len(values) - 1), min_size=least, max_size=most, unique=True)
    return [values[i] for i in draw(chosen)]


def shuffled(draw: st.DrawFn, values: Sequence[_T]) -> list[_T]:
    """``values`` in a drawn order (each inserted at a drawn place)."""
    out: list[_T] = []
    for value in values:
        out.insert(draw(st.integers(0, len(out))), value)
    return out


def maybe(draw: st.DrawFn, make: Callable[[], _T]) -> _T | None:
    """``make()`` or ``None``, half and half."""
    return make() if draw(st.booleans()) else None
