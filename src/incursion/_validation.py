"""Small validators and converters that raise our errors, naming the field and expectation."""

from __future__ import annotations

import enum
import json
import re
from typing import Any, Final, TypeVar

import attrs

from incursion.exceptions import RecordError

__all__ = ["at_least", "instance_of", "member", "quoted", "text_field", "valid_id"]

E = TypeVar("E", bound=enum.Enum)
_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\Z")


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
        return enum_type(value)
    except (ValueError, TypeError):
        allowed = ", ".join(repr(m.value) for m in enum_type)
        raise RecordError(
            f"{field} must be one of {allowed}, got {_shown(value)}", field=field
        ) from None


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


def at_least(bound: float) -> _AtLeast:
    """A validator: the value is a number no smaller than ``bound``."""
    return _AtLeast(bound)


def valid_id(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Check that an identifier is 1–128 letters, digits, ``.``, ``_``, ``:`` or ``-``."""
    if not isinstance(value, str) or not _ID.match(value):
        raise RecordError(
            f"{attribute.name} must be 1–128 letters, digits, '.', '_', ':' or '-' "
            f"starting with a letter or digit, got {_shown(value)}",
            field=attribute.name,
        )


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
