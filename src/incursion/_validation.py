"""Small validators and converters that raise our errors, naming the field and expectation."""

from __future__ import annotations

import enum
import functools
import json
import re
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from incursion.exceptions import RecordError

__all__ = [
    "Constraint",
    "at_least",
    "constraint_of",
    "instance_of",
    "member",
    "quoted",
    "states",
    "text_field",
    "valid_id",
]

E = TypeVar("E", bound=enum.Enum)
V = TypeVar("V", bound=Callable[..., None])
_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\Z")


@attrs.frozen
class Constraint:
    """What a validator asks of a value, in terms a schema can state.

    Each validator states its constraint, and the JSON Schema of documents is written
    from them: a validator that states none cannot be used on a document's field.

    Attributes:
        pattern: A regular expression the whole value matches, in the syntax that Python
            and ECMA-262 share.
        non_blank: Text with something other than whitespace in it (itself a pattern,
            so not stated with ``pattern``).
        max_length: The most characters the text may have.
        minimum: The least the number may be.
        maximum: The most the number may be.
        signed: A figure that may be negative (a ratio).  No field of a document holds
            one: a schema refuses it, so that the rule "figures are not negative" cannot
            become wrong unnoticed.
    """

    pattern: str | None = None
    non_blank: bool = False
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    signed: bool = False


#: The constraint of a validator whose field's type says all it asks.
TYPED: Final = Constraint()


def states(constraint: Constraint) -> Callable[[V], V]:
    """Decorator: a validator function states what it asks of a value."""

    def mark(validator: V) -> V:
        vars(validator)["constraint"] = constraint
        return validator

    return mark


def constraint_of(validator: object) -> Constraint | None:
    """What a validator states it asks of a value, or ``None`` if it states nothing."""
    stated = getattr(validator, "constraint", None)
    return stated if isinstance(stated, Constraint) else None


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def member(enum_type: type[E], value: object, field: str) -> E:
    """Return the member of ``enum_type`` named by ``value``, or raise a clear error.

    Raises:
        RecordError: ``value`` is none of the enumeration's values; the message lists them.
    """
    if value.__class__ is enum_type:
        return value
    try:
        found: E | None = _members(enum_type).get(value)
        if found is not None:
            return found
        return enum_type(value)
    except (ValueError, TypeError):
        allowed = ", ".join(repr(m.value) for m in enum_type)
        raise RecordError(
            f"{field} must be one of {allowed}, got {_shown(value)}", field=field
        ) from None


@functools.cache
def _members(enum_type: type[E]) -> dict[object, E]:
    """The members of an enumeration by value: a lookup cheaper than calling the type."""
    return {m.value: m for m in enum_type}


@attrs.frozen(repr=False)
class _InstanceOf:
    type: type | tuple[type, ...]
    what: str
    optional: bool

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and self.optional:
            return
        if not isinstance(value, self.type) or (
            value.__class__ is bool
            and bool not in (self.type if isinstance(self.type, tuple) else (self.type,))
        ):
            raise RecordError(
                f"{attribute.name} must be {self.what}, got {_shown(value)}",
                field=attribute.name,
            )

    def __repr__(self) -> str:
        return f"<instance_of validator: {self.what}{' or None' if self.optional else ''}>"

    @property
    def constraint(self) -> Constraint:
        """The type says it all."""
        return TYPED


def instance_of(
    type_: type | tuple[type, ...], what: str, *, optional: bool = False
) -> _InstanceOf:
    """A validator: the value is an instance of ``type_`` (described as ``what``)."""
    return _InstanceOf(type_, what, optional)


@attrs.frozen(repr=False)
class _AtLeast:
    bound: float

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not value >= self.bound:
            raise RecordError(
                f"{attribute.name} must be a number of at least {self.bound:g}, "
                f"got {_shown(value)}",
                field=attribute.name,
            )

    def __repr__(self) -> str:
        return f"<at_least validator: {self.bound:g}>"

    @property
    def constraint(self) -> Constraint:
        """A number no smaller than the bound."""
        return Constraint(minimum=self.bound)


def at_least(bound: float) -> _AtLeast:
    """A validator: the value is a number no smaller than ``bound``."""
    return _AtLeast(bound)


@states(Constraint(pattern=_ID.pattern.removesuffix("\\Z")))
def valid_id(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Check that an identifier is 1–128 letters, digits, ``.``, ``_``, ``:`` or ``-``."""
    if not isinstance(value, str) or not _ID.match(value):
        raise RecordError(
            f"{attribute.name} must be 1–128 letters, digits, '.', '_', ':' or '-' "
            f"starting with a letter or digit, got {_shown(value)}",
            field=attribute.name,
        )


@states(TYPED)
def text_field(_: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    """Check that an optional text field holds a string."""
    if value is not None and value.__class__ is not str:
        raise RecordError(
            f"{attribute.name} must be text, got {_shown(value)}", field=attribute.name
        )


def path_key(name: str) -> str:
    """A key as a JSON path writes it after its object: ``.tanks``, ``["armoured vehicles"]``."""
    if name.isidentifier():
        return f".{name}"
    return "[" + json.dumps(name, ensure_ascii=False) + "]"


def quoted(text: str, limit: int = 60) -> str:
    """Quote ``text`` for an error message, cut to ``limit`` characters."""
    if len(text) > limit:
        return json.dumps(text[: limit - 1] + "…", ensure_ascii=False) + (
            f" ({len(text):,} characters)"
        )
    return json.dumps(text, ensure_ascii=False)
