"""Build records from JSON objects, reading each field once and checking it once.

A record's ``__init__`` converts and validates every field, as it must for values a
caller passes in.  The document loader's hooks read each field from JSON already typed,
and the hooks of figure fields check the figure's dimension as the field's validator
does.  Built through ``__init__``, a loaded record would be checked a second time, and
every field the object does not give would be converted and validated again as a default.

:func:`structurer` writes, for one record class, one function that reads a JSON object
into the record (as cattrs' generated functions do) and builds it as ``__init__`` would,
with three differences:

- a field it is told is *checked* (its hook does what its converter and validator do) is
  set as the hook returns it;
- any other field the object gives is converted and validated as ``__init__`` would;
- a field the object does not give takes its default as ``__init__`` makes it, converted
  once for all (a factory's default is made, and converted, for each record).

The record's ``__attrs_post_init__`` (its checks between fields) always runs.  Problems
are raised as cattrs raises them: a ``ClassValidationError`` whose members name their
field in a note, in the order of the record's fields.  The tests build every record of
drawn documents both ways and require them equal.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable, Collection, Mapping
from typing import Any, Final

import attrs
from cattrs.errors import AttributeValidationNote, ClassValidationError, ForbiddenExtraKeysError

__all__ = ["Hook", "structurer"]

#: A structure hook, as cattrs calls it: ``hook(value, type)``.
Hook = Callable[[Any, Any], Any]

#: Stands for a default made by a factory: made anew, and converted, for each record.
_MADE: Final = object()


def structurer(
    cls: type[Any], hooks: Mapping[str, tuple[Hook, Any]], checked: Collection[str] = ()
) -> Callable[[Mapping[str, Any], Any], Any]:
    """A cattrs structure hook for ``cls`` that reads each field once and checks it once.

    Args:
        cls: A frozen, slotted attrs class.
        hooks: For each field, its hook and the type to pass it.
        checked: The fields whose hooks do what their converter and validator do.

    Returns:
        ``structure(obj, type)``: the record ``cls(**fields)`` would build from the fields
        the hooks read from ``obj``.
    """
    fields = attrs.fields(cls)
    globs: dict[str, Any] = {
        "_new": object.__new__,
        "_cls": cls,
        "_MADE": _MADE,
        "_fail": _failer(cls, {a.name: hooks[a.name][1] for a in fields}),
        "_refuse": _refuser(cls, [a.name for a in fields]),
        "_cve": ClassValidationError,
    }
    required = sum(a.default is attrs.NOTHING for a in fields)
    read: list[str] = ["errors = None", "given = 0"]
    build: list[str] = ["self = _new(_cls)", "_set = object.__setattr__.__get__(self)"]
    for a in fields:
        hook, type_ = hooks[a.name]
        globs[f"_h_{a.name}"], globs[f"_t_{a.name}"] = hook, type_
        read.extend(_read_lines(a, globs))
        build.extend(_build_lines(a, a.name in checked, globs))
    if getattr(cls, "__attrs_post_init__", None) is not None:
        build.append("self.__attrs_post_init__()")
    lines = [
        "def structure(o, _=None):",
        *(f"    {line}" for line in read),
        f"    if errors is not None or len(o) != given + {required}:",
        "        _refuse(o, errors)",
        "    try:",
        *(f"        {line}" for line in build),
        "    except Exception as exc:",
        f"        raise _cve('While structuring {cls.__name__}', [exc], _cls) from None",
        "    return self",
    ]
    namespace: dict[str, Any] = {}
    source = "\n".join(lines) + "\n"
    filename = f"<incursion structure {cls.__module__}.{cls.__qualname__}>"
    # Kept where tracebacks and debuggers look for it, as attrs and cattrs keep theirs.
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    code = compile(source, filename, "exec")
    exec(code, globs, namespace)  # noqa: S102 - generated from the class's own fields
    structure: Callable[[Mapping[str, Any], Any], Any] = namespace["structure"]
    structure.__doc__ = f"Read a {cls.__name__} from a JSON object (see incursion._build)."
    return structure


def _read_lines(a: attrs.Attribute[Any], globs: dict[str, Any]) -> list[str]:
    """The lines that read one field with its hook, or take its default."""
    name = a.name
    call = [
        "try:",
        f"    {name} = _h_{name}(o[{name!r}], _t_{name})",
        "except Exception as e:",
        f"    errors = _fail(errors, {name!r}, e)",
    ]
    if a.default is attrs.NOTHING:
        return call  # a missing field is a KeyError, reported as cattrs reports it
    if _made_by(a) is not None:
        default = "_MADE"
    else:
        converter: Any = a.converter
        globs[f"_d_{name}"] = a.default if converter is None else converter(a.default)
        default = f"_d_{name}"
    return [
        f"if {name!r} in o:",
        "    given += 1",
        *(f"    {line}" for line in call),
        "else:",
        f"    {name} = {default}",
    ]


def _build_lines(a: attrs.Attribute[Any], checked: bool, globs: dict[str, Any]) -> list[str]:
    """The lines that set one field, converting and validating it unless ``checked``."""
    name = a.name
    lines: list[str] = []
    if a.converter is not None:
        globs[f"_c_{name}"] = a.converter
    factory = _made_by(a)
    if factory is not None:
        globs[f"_f_{name}"] = factory
        # Unchecked, the made default is converted and validated below as a given value is.
        made = f"_c_{name}(_f_{name}())" if checked and a.converter else f"_f_{name}()"
        lines.append(f"if {name} is _MADE: {name} = {made}")
    steps: list[str] = []
    if not checked:
        if a.converter is not None:
            steps.append(f"{name} = _c_{name}({name})")
        if a.validator is not None:
            globs[f"_v_{name}"], globs[f"_a_{name}"] = a.validator, a
            steps.append(f"_v_{name}(self, _a_{name}, {name})")
    if steps and (a.default is attrs.NOTHING or factory is not None):
        lines.extend(steps)
    elif steps:  # a default is made and valid already
        lines.append(f"if {name} is not _d_{name}:")
        lines.extend(f"    {step}" for step in steps)
    lines.append(f"_set({name!r}, {name})")
    return lines


def _made_by(a: attrs.Attribute[Any]) -> Callable[[], Any] | None:
    """The factory that makes the field's default for each record, if it has one."""
    if not isinstance(a.default, _FACTORY):
        return None
    default: Any = a.default
    if default.takes_self:
        msg = f"{a.name}: a default factory that takes self is not supported"
        raise TypeError(msg)
    factory: Callable[[], Any] = default.factory
    return factory


#: The class of attrs' default factories (``attrs.Factory`` is typed as a function).
_FACTORY: Final[type] = type(attrs.Factory(list))


def _failer(cls: type, types: Mapping[str, Any]) -> Callable[..., list[Exception]]:
    """``fail(errors, field, error)``: the errors so far, with ``error`` noted at ``field``."""

    def fail(errors: list[Exception] | None, field: str, error: Exception) -> list[Exception]:
        note = AttributeValidationNote(
            f"Structuring class {cls.__name__} @ attribute {field}", field, types[field]
        )
        error.__notes__ = [*getattr(error, "__notes__", ()), note]
        return [error] if errors is None else [*errors, error]

    return fail


def _refuser(cls: type, names: list[str]) -> Callable[..., None]:
    """``refuse(obj, errors)``: raise the errors found and any keys ``cls`` does not have."""
    known = frozenset(names)

    def refuse(obj: Mapping[str, Any], errors: list[Exception] | None) -> None:
        found = list(errors or ())
        unknown = obj.keys() - known
        if unknown:
            found.append(ForbiddenExtraKeysError("", cls, set(unknown)))
        raise ClassValidationError(f"While structuring {cls.__name__}", found, cls)

    return refuse
