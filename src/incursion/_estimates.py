"""Estimates: what a source said about one number, read into an interval.

An :class:`Estimate` keeps what was written (number, unit, hedge, the hedge word, the
bracketed conversions, the original text) and, computed once at construction, the interval
the wording admits as plain floats in its own unit and in the canonical unit of its
dimension.  The pint quantities users see are built on demand.
"""

from __future__ import annotations

import decimal
import math
import numbers
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from incursion._grammar import (
    ALTERNATIVES_RE,
    NOUN_RE,
    OR_RE,
    Figure,
    read_figure,
    split_brackets,
)
from incursion._hedges import HEDGE_WORDS, VAGUE_QUANTITIES, Hedge
from incursion._nouns import read_unit
from incursion._units import (
    COUNT_UNITS,
    NUMBER,
    UnitInfo,
    canonical_unit,
    describe_dimension,
    is_count_dimension,
    lookup_unit,
    plural,
    registry,
    resolve_unit,
    unit_object,
)
from incursion._validation import TYPED, at_least, instance_of, member, quoted, states, text_field
from incursion.exceptions import IncursionError, ParseError, RecordError, UnitError

if TYPE_CHECKING:
    import pint

__all__ = [
    "DEFAULT_POLICY",
    "MAX_TEXT",
    "Conversion",
    "Estimate",
    "Hedge",
    "Policy",
    "adopt",
    "describe",
    "make_estimate",
    "read_words",
]


#: The longest text a figure may be written in (a figure is a phrase, not a page).
MAX_TEXT: Final = 400


@states(TYPED)  # the type says a number; a margin is a finite share
def _finite_margin(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not value < math.inf:
        raise RecordError(
            f"{attribute.name} is a fraction of the value and must be finite, got {value!r}",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class Policy:
    """How wording is read into intervals: the one object that governs every reading.

    Margins are finite, non-negative fractions of the value; ``min_significant`` is a
    whole number of at least one.

    Attributes:
        about_margin: The relative margin of ``about``, either side of the value; never
            narrower than the implied precision (nor, for counts, than one).  It also
            widens both ends of a hedged range ("about 200-300").
        nearly_margin: The relative margin below the value for ``nearly``; never
            narrower than the implied precision (nor, for counts, than one).
        min_significant: The fewest significant figures a round integer is read to
            (``1,000`` is read to two: 950–1,050).

    .. versionadded:: 0.1.0
    """

    about_margin: float = attrs.field(default=0.10, validator=[at_least(0.0), _finite_margin])
    nearly_margin: float = attrs.field(default=0.10, validator=[at_least(0.0), _finite_margin])
    min_significant: int = attrs.field(
        default=2, validator=[instance_of(int, "a whole number"), at_least(1)]
    )


#: The policy used unless another is given.
DEFAULT_POLICY: Final = Policy()


def quantity(number: float, unit: str) -> pint.Quantity[Any]:
    """Build a pint quantity of the application registry (our units installed)."""
    q: pint.Quantity[Any] = registry().Quantity(number, unit_object(unit or "dimensionless"))
    return q


def _unit_name(value: Any) -> str:
    return read_unit(value if isinstance(value, str) else str(value)).name


def _to_hedge(value: Any) -> Hedge:
    return member(Hedge, value, "hedge")


def _to_number(value: Any) -> float:
    if value.__class__ is float:
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Real | decimal.Decimal):
        raise RecordError(f"expected a number, got {value!r:.60}", field="number")
    try:
        return float(value)
    except OverflowError:
        raise RecordError(
            f"expected a number a figure can hold, got one of {len(str(value)):,} digits",
            field="number",
        ) from None


def _to_tuple(value: Any) -> tuple[Any, ...]:
    return value if value.__class__ is tuple else tuple(value)


def _optional_float(value: Any) -> float:
    # NaN stands for "not given": __attrs_post_init__ computes the implied precision.
    return math.nan if value is None else _to_number(value)


def _optional_number(value: Any) -> float | None:
    return None if value is None else _to_number(value)


def _conversions(_: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for item in value:
        if item.__class__ is not Conversion:
            raise RecordError(
                f"conversions must be Conversion objects, got {item!r:.60}", field=attribute.name
            )


def _words(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    text_field(_, attribute, value)
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise RecordError(
            f"{attribute.name} is longer than a figure's words can be ({MAX_TEXT} characters)",
            field=attribute.name,
        )


def _non_negative(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0 <= value < math.inf:
        raise RecordError(
            f"{attribute.name} must be a finite non-negative number, got {value!r}",
            field=attribute.name,
        )


def _check_word(hedge: Hedge, word: str | None) -> None:
    """The hedge word, if any, must be one of the words of its class."""
    if word is None:
        return
    if not isinstance(word, str):
        raise RecordError(f"word must be text, got {word!r:.60}", field="word")
    said = HEDGE_WORDS.get(word.lower())
    if said is hedge or (hedge is Hedge.BETWEEN and said is Hedge.ABOUT):
        return
    if said is None:
        raise RecordError(f"{word!r} is not a hedge word we read", field="word")
    raise RecordError(
        f"the word {word!r} hedges as {said.value!r}, not {hedge.value!r}", field="word"
    )


def _check_conversions(conversions: tuple[Conversion, ...], info: UnitInfo) -> None:
    for conversion in conversions:
        stated = lookup_unit(conversion.unit)
        if stated.dimension != info.dimension:
            raise UnitError(
                f"a stated equivalent gives {describe_dimension(stated.dimension)} "
                f"({conversion.number:g} {stated.symbol}), the figure "
                f"{describe_dimension(info.dimension)}",
                field="conversions",
            )


def _finite(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not math.isfinite(value):
        raise RecordError(
            f"{attribute.name} must be a finite number, got {value!r}", field=attribute.name
        )


@attrs.frozen(kw_only=True)
class Conversion:
    """A conversion the source stated in brackets, such as ``(386 square miles)``.

    Attributes:
        number: The bracketed number.
        unit: Its pint unit name.
        step: One unit of its last significant digit (its written precision).

    .. versionadded:: 0.1.0
    """

    number: float = attrs.field(converter=_to_number, validator=_non_negative)
    unit: str = attrs.field(converter=_unit_name)
    step: float = attrs.field(converter=_to_number, validator=_non_negative)

    @property
    def quantity(self) -> pint.Quantity[Any]:
        """The bracketed figure as a pint quantity."""
        return quantity(self.number, self.unit)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Estimate:
    """What a source said about one number: value, unit, hedge, interval and wording.

    Build one from text with :meth:`parse`, from a number and a unit with :meth:`of`, or
    from a pint quantity with :meth:`from_quantity`.  The interval is computed once, at
    construction, from the hedge and the implied precision under a :class:`Policy`.

    Attributes:
        number: The stated number (for a range, its midpoint unless stated).
        unit: The pint unit name (``"kilometer ** 2"``), ``""`` for a bare number.
        hedge: The class of the hedge.
        word: The hedge word as written (``"around"``), if any.
        step: One unit of the last significant digit of the number as written;
            ``0`` for an exact number.  Computed from ``number`` when omitted.
        stated_low: A lower bound stated outright (a range's first number).
        stated_high: An upper bound stated outright (a range's second number).
        conversions: The conversions stated in brackets.
        text: The original words, if the estimate was read from text.
        policy: The reading policy the interval was computed under.
        dimension: What the figure measures: ``"area"``, ``"length"``, ``"person"``, …
        low_number: The low end of the interval, in the estimate's unit.
        high_number: The high end, or ``None`` when the wording sets no upper bound.
        low_open: Whether the low end itself is excluded ("more than 12 km").
        high_open: Whether the high end itself is excluded ("fewer than 5 km").
        canonical_value: ``number`` in the canonical unit of the dimension.
        canonical_low: ``low_number`` in the canonical unit.
        canonical_high: ``high_number`` in the canonical unit, or ``None``.

    Two estimates are equal when they were written alike and read under the same policy:
    everything from ``number`` to ``policy`` is compared; the interval follows from them.

    .. versionadded:: 0.1.0
    """

    number: float = attrs.field(converter=_to_number, validator=_finite)
    unit: str = attrs.field(default="", converter=_unit_name)
    hedge: Hedge = attrs.field(default=Hedge.EXACT, converter=_to_hedge)
    word: str | None = attrs.field(default=None, validator=text_field)
    step: float = attrs.field(default=None, converter=_optional_float)
    stated_low: float | None = attrs.field(default=None, converter=_optional_number)
    stated_high: float | None = attrs.field(default=None, converter=_optional_number)
    conversions: tuple[Conversion, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_conversions
    )
    text: str | None = attrs.field(default=None, validator=_words)
    policy: Policy = attrs.field(
        default=DEFAULT_POLICY, repr=False, validator=instance_of(Policy, "a Policy")
    )

    dimension: str = attrs.field(init=False, eq=False, repr=False)
    low_number: float = attrs.field(init=False, eq=False, repr=False)
    high_number: float | None = attrs.field(init=False, eq=False, repr=False)
    low_open: bool = attrs.field(init=False, eq=False, repr=False)
    high_open: bool = attrs.field(init=False, eq=False, repr=False)
    canonical_value: float = attrs.field(init=False, eq=False, repr=False)
    canonical_low: float = attrs.field(init=False, eq=False, repr=False)
    canonical_high: float | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Compute the interval once, in the estimate's unit and in the canonical unit."""
        if math.isnan(self.step):
            object.__setattr__(self, "step", step_of(self.number, self.policy.min_significant))
        elif not 0 <= self.step < math.inf:
            raise RecordError(
                f"step must be a finite non-negative number, got {self.step!r}", field="step"
            )
        info = resolve_unit(self.unit) if self.unit else NUMBER
        _check_word(self.hedge, self.word)
        _check_conversions(self.conversions, info)
        _fill(self, info)

    # -- construction -------------------------------------------------------------------

    @classmethod
    def of(
        cls,
        number: float | decimal.Decimal,
        unit: str = "",
        hedge: Hedge | str = Hedge.EXACT,
        *,
        policy: Policy = DEFAULT_POLICY,
    ) -> Estimate:
        """Build an estimate from a number and a unit word.

        >>> Estimate.of(12, "km").interval
        (11.5, 12.5)

        Estimates are values, so the same inputs give the same (shared) object.

        .. versionadded:: 0.1.0
        """
        kind = number.__class__
        if policy is not DEFAULT_POLICY or (kind is not float and kind is not int):
            return make_estimate(number, unit, _to_hedge(hedge), policy=policy)
        # Keyed on the number's type too: True == 1 and Decimal(7) == 7, but neither is
        # a figure, so neither may share a cached one.
        key = (kind, number, unit, hedge)
        try:
            hit = _OF_CACHE.get(key)
        except TypeError:  # an unhashable unit or hedge: let make_estimate say what is wrong
            return make_estimate(number, unit, _to_hedge(hedge))
        if hit is None:
            hit = make_estimate(number, unit, _to_hedge(hedge))
            if len(_OF_CACHE) >= _CACHE_SIZE:
                _OF_CACHE.clear()
            _OF_CACHE[key] = hit
        return hit

    @classmethod
    def from_quantity(
        cls, quantity: Any, hedge: Hedge | str = Hedge.EXACT, *, policy: Policy = DEFAULT_POLICY
    ) -> Estimate:
        """Build an estimate from a pint quantity of any registry (converted in by name).

        The unit must be one incursion reads (see :func:`incursion.install_units` and the
        unit tables); others, such as inches or knots, raise
        :class:`~incursion.exceptions.UnitError`.

        .. versionadded:: 0.1.0
        """
        try:
            magnitude = float(quantity.magnitude)
            unit = str(quantity.units)
        except (AttributeError, TypeError, ValueError):
            raise RecordError(f"expected a pint quantity, got {quantity!r}") from None
        unit = "" if unit == "dimensionless" else unit
        return cls(number=magnitude, unit=unit, hedge=_to_hedge(hedge), policy=policy)

    @classmethod
    def parse(cls, text: str, *, policy: Policy = DEFAULT_POLICY) -> Estimate:
        """Read a figure as news text writes it.

        >>> e = Estimate.parse("around 1,000 square kilometres (386 square miles)")
        >>> e.hedge, e.interval, e.equivalents
        (<Hedge.ABOUT: 'about'>, (900.0, 1100.0), (<Quantity(386.0, 'mile ** 2')>,))

        Raises:
            ParseError: The text is not a figure we can read; the message says why.

        .. versionadded:: 0.1.0
        """
        if not isinstance(text, str):
            raise ParseError(f"expected a figure as text, got {type(text).__name__}")
        if policy is DEFAULT_POLICY:
            return _parse_cached(text)
        return _parse(text, policy)

    def reread(self, policy: Policy) -> Estimate:
        """Return the same estimate with its interval computed under another policy.

        An estimate read from text is read again, so that its implied precision follows
        the policy too; any other keeps its number, precision and bounds.
        """
        if self.text is not None:
            try:
                again = adopt(Estimate.parse(self.text, policy=policy), self.unit or None)
            except IncursionError:
                again = None
            if again is not None and _written(again) == _written(self):
                return again
        return attrs.evolve(self, policy=policy)

    def to(self, unit: str) -> Estimate:
        """Return the same figure expressed in another unit of the same dimension.

        The number, the step and any stated bounds are converted; the hedge, the
        conversions and the text are kept.

        Raises:
            UnitError: The unit measures something else.
        """
        target = resolve_unit(unit)
        own = resolve_unit(self.unit) if self.unit else NUMBER
        if target.dimension != own.dimension:
            raise UnitError(
                f"cannot express {describe_dimension(own.dimension)} in {unit!r} "
                f"({describe_dimension(target.dimension)})"
            )
        k = own.factor / target.factor

        def scale(x: float | None) -> float | None:
            return None if x is None else x * k

        return attrs.evolve(
            self,
            number=self.number * k,
            unit=target.name,
            step=self.step * k,
            stated_low=scale(self.stated_low),
            stated_high=scale(self.stated_high),
            text=None,  # the words gave the figure in another unit
        )

    # -- what users read ----------------------------------------------------------------

    @property
    def value(self) -> pint.Quantity[Any]:
        """The stated value as a pint quantity (built on demand)."""
        return quantity(self.number, self.unit)

    @property
    def low(self) -> pint.Quantity[Any]:
        """The lower end of the interval as a pint quantity (0 for ``up to``)."""
        return quantity(self.low_number, self.unit)

    @property
    def high(self) -> pint.Quantity[Any] | None:
        """The upper end of the interval as a pint quantity, or ``None`` when unbounded."""
        if self.high_number is None:
            return None
        return quantity(self.high_number, self.unit)

    @property
    def equivalents(self) -> tuple[pint.Quantity[Any], ...]:
        """The conversions stated in brackets, as pint quantities in the units written."""
        return tuple(c.quantity for c in self.conversions)

    @property
    def interval(self) -> tuple[float, float | None]:
        """The interval ``(low, high)`` in the estimate's own unit (``high`` may be ``None``)."""
        return (self.low_number, self.high_number)

    @property
    def canonical_unit(self) -> str:
        """The canonical unit of the estimate's dimension (``"kilometer ** 2"`` for areas)."""
        return canonical_unit(self.dimension)

    @property
    def is_count(self) -> bool:
        """Whether the estimate counts discrete things (people, settlements, strikes, …)."""
        return is_count_dimension(self.dimension)

    def __str__(self) -> str:
        """The original words, or a rendering such as ``about 1,000 km²``."""
        if self.text is not None:
            return self.text
        return describe(self)


def _written(e: Estimate) -> tuple[object, ...]:
    """What an estimate says, apart from how precisely it is read."""
    return (e.number, e.unit, e.hedge, e.word, e.stated_low, e.stated_high, e.text)


def adopt(estimate: Estimate, count: str | None) -> Estimate:
    """Read a bare number as a count of ``count`` (``"12"`` killed is 12 people).

    In a field that says what it counts, a noun outside the vocabulary only describes what
    is counted: as people killed, "2 Palestinians" or "12 defenders" are people; as tanks,
    "1,000 tank losses" are tanks.  The words are kept.  Any other estimate (a known kind,
    a measure), or no ``count``, is returned as it is.
    """
    if count is None or estimate.dimension == count:
        return estimate
    if estimate.dimension != "number":
        if estimate.conversions or not estimate.is_count or estimate.dimension in COUNT_UNITS:
            return estimate
        info = resolve_unit(count)
        return rebuilt(estimate, info, estimate.text) if info.count else estimate
    if estimate.conversions:
        return attrs.evolve(estimate, unit=count)  # the conversions are checked again
    return rebuilt(estimate, resolve_unit(count), estimate.text)


def rebuilt(estimate: Estimate, info: UnitInfo, text: str | None) -> Estimate:
    """The estimate in the unit ``info`` with the words ``text``, on the fast path.

    Nothing is checked again: the caller vouches that the unit fits the conversions.
    """
    return _build(
        estimate.number,
        info,
        estimate.hedge,
        estimate.word,
        estimate.step,
        estimate.stated_low,
        estimate.stated_high,
        estimate.conversions,
        text,
        estimate.policy,
    )


def lower_bound(estimate: Estimate) -> Estimate:
    """The estimate as a lower bound: "at least" its low end, with no upper bound.

    A documented figure (losses confirmed one by one) is read so: more may have happened.
    A figure that only bounds from above ("up to 50") says no more than it did.
    """
    if estimate.canonical_high is None or estimate.hedge in (Hedge.UP_TO, Hedge.FEWER_THAN):
        return estimate
    return make_estimate(
        estimate.low_number,
        estimate.unit,
        Hedge.AT_LEAST,
        word="at least",
        policy=estimate.policy,
    )


def describe(estimate: Estimate) -> str:
    """Render an estimate's number, unit and hedge, such as ``about 1,000 km²``."""
    info = resolve_unit(estimate.unit) if estimate.unit else NUMBER
    if info.count:  # "121,000 people", "28 settlements"
        symbol = plural(info.name)
        if estimate.number == 1 and estimate.hedge is Hedge.EXACT:
            symbol = "person" if info.name == "person" else info.name
    else:
        symbol = info.symbol if estimate.unit else ""
    if estimate.hedge is Hedge.BETWEEN:
        low = estimate.low_number if estimate.stated_low is None else estimate.stated_low
        high = estimate.high_number if estimate.stated_high is None else estimate.stated_high
        body = f"{_fmt(low)}–{_fmt(high or 0.0)}"
        if estimate.word is not None and estimate.word.lower() in VAGUE_QUANTITIES:
            return f"{estimate.word} ({body}){' ' + symbol if symbol else ''}"
    else:
        body = _fmt(estimate.number)
    prefix = "" if estimate.hedge is Hedge.EXACT else (estimate.word or estimate.hedge.value) + " "
    if estimate.hedge is Hedge.BETWEEN and estimate.word in (
        None,
        "-",
        "–",
        "—",
        "to",
        "and",
        "or",
    ):
        prefix = ""
    gap = "" if symbol == "%" else " "  # "85%", as news writes a share
    return f"{prefix}{body}{gap + symbol if symbol else ''}"


def _fmt(x: float) -> str:
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) >= 1 else f"{x:.6g}"


def step_of(number: float, min_significant: int) -> float:
    """The implied precision of a number given as a float, as if written in full."""
    if min_significant == 2:
        step = _STEPS.get(number)
        if step is None:
            step = _compute_step(number, 2)
            if len(_STEPS) < 65536:
                _STEPS[number] = step
        return step
    return _compute_step(number, min_significant)


_STEPS: dict[float, float] = {}


def _compute_step(number: float, min_significant: int) -> float:
    if number.is_integer() and -1e15 < number < 1e15:
        n = int(abs(number))
        if n < 10:
            return 1.0
        digits = len(str(n))
        zeros = 0
        while n % 10 == 0:
            n //= 10
            zeros += 1
        return _POWERS[digits - max(digits - zeros, min(min_significant, digits))]
    text = repr(abs(number))
    if "e" in text:
        return 0.0
    return 10.0 ** -len(text.partition(".")[2])


_POWERS: Final = tuple(10.0**k for k in range(16))


def make_estimate(
    number: object,
    unit: str,
    hedge: Hedge = Hedge.EXACT,
    *,
    word: str | None = None,
    step: float | None = None,
    low: float | None = None,
    high: float | None = None,
    conversions: tuple[Conversion, ...] = (),
    text: str | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> Estimate:
    """Check the parts of an estimate and build it on the fast path (see :func:`_build`).

    Raises:
        RecordError: A number is not a finite number, or the interval is impossible.
        UnitError: The unit word is unknown.
    """
    if number.__class__ is not float:
        number = _to_number(number)
    if not math.isfinite(number):
        raise RecordError(f"expected a finite number, got {number!r}", field="number")
    if step is None:
        step = step_of(number, policy.min_significant)
    elif not 0 <= step < math.inf:
        raise RecordError(
            f"precision must be a finite non-negative number, got {step!r}", field="precision"
        )
    info = read_unit(unit)
    if word is not None:
        _check_word(hedge, word)
    if conversions:
        _check_conversions(conversions, info)
    return _build(number, info, hedge, word, step, low, high, conversions, text, policy)


def _build(
    number: float,
    info: UnitInfo,
    hedge: Hedge,
    word: str | None,
    step: float,
    stated_low: float | None,
    stated_high: float | None,
    conversions: tuple[Conversion, ...],
    text: str | None,
    policy: Policy,
) -> Estimate:
    """Build an estimate from checked parts without the generated ``__init__``'s overhead.

    A frozen attrs class sets each slot through ``object.__setattr__`` (about 80 ns a
    field); at hundreds of thousands of figures a second that dominates.  So the slots are
    filled on a draft object of a plain class with the same slot layout, which is then
    given its real class: the same object, frozen from then on.
    """
    e = object.__new__(_Draft)
    e.number = number
    e.unit = info.name
    e.hedge = hedge
    e.word = word
    e.step = step
    e.stated_low = stated_low
    e.stated_high = stated_high
    e.conversions = conversions
    e.text = text
    e.policy = policy
    low, high, low_open, high_open = _interval(e, info)  # type: ignore[arg-type]
    factor = info.factor
    _check_canonical(number * factor, None if high is None else high * factor)
    e.dimension = info.dimension
    e.low_number = low
    e.high_number = high
    e.low_open = low_open
    e.high_open = high_open
    e.canonical_value = number * factor
    e.canonical_low = low * factor
    e.canonical_high = None if high is None else high * factor
    e.__class__ = Estimate  # type: ignore[assignment]
    return e  # type: ignore[return-value]


class _Draft:
    """A mutable stand-in with exactly :class:`Estimate`'s slots (see :func:`_build`)."""

    __slots__ = Estimate.__slots__  # type: ignore[attr-defined]
    number: float
    unit: str
    hedge: Hedge
    word: str | None
    step: float
    stated_low: float | None
    stated_high: float | None
    conversions: tuple[Conversion, ...]
    text: str | None
    policy: Policy
    dimension: str
    low_number: float
    high_number: float | None
    low_open: bool
    high_open: bool
    canonical_value: float
    canonical_low: float
    canonical_high: float | None


def _check_canonical(value: float, high: float | None) -> None:
    """A figure must stay finite in the canonical unit (1e308 square miles does not)."""
    if not math.isfinite(value) or (high is not None and not math.isfinite(high)):
        raise RecordError("the figure is too large to hold in its canonical unit", field="number")


def _fill(e: Estimate, info: UnitInfo) -> None:
    """Compute and set the derived interval fields of ``e``."""
    low, high, low_open, high_open = _interval(e, info)
    factor = info.factor
    _check_canonical(e.number * factor, None if high is None else high * factor)
    _set = object.__setattr__
    _set(e, "dimension", info.dimension)
    _set(e, "low_number", low)
    _set(e, "high_number", high)
    _set(e, "low_open", low_open)
    _set(e, "high_open", high_open)
    _set(e, "canonical_value", e.number * factor)
    _set(e, "canonical_low", low * factor)
    _set(e, "canonical_high", None if high is None else high * factor)


#: A hedge's interval before the ends a record states and the rounding of counts:
#: ``(low, high, low_open, high_open)``, ``high`` ``None`` when unbounded.
Bounds = tuple[float, float | None, bool, bool]


@attrs.frozen
class HedgeBounds:
    """How one hedge class bounds a figure: a row of :data:`HEDGE_BOUNDS`.

    Attributes:
        hedge: The class.
        interval: The interval in words: *v* is the value, *step* one unit of its last
            significant digit, *m* a margin of the policy.
        example: A figure of the class and the interval it reads as.
        bounds: The interval of an estimate (its value, half its step, whether it
            counts): ``(low, high, low_open, high_open)``.
    """

    hedge: Hedge
    interval: str
    example: tuple[str, tuple[float, float | None]]
    bounds: Callable[[Estimate, float, bool], Bounds] = attrs.field(repr=False)


def _margin(share: float, e: Estimate, half: float, count: bool) -> float:
    """A hedge's margin: a share of the value, never below half a step (for a count, 1)."""
    return max(share * abs(e.number), half, 1.0 if count else 0.0)


def _about(e: Estimate, half: float, count: bool) -> Bounds:
    d = _margin(e.policy.about_margin, e, half, count)
    return e.number - d, e.number + d, False, False


def _nearly(e: Estimate, half: float, count: bool) -> Bounds:
    return e.number - _margin(e.policy.nearly_margin, e, half, count), e.number, False, False


def _between(e: Estimate, _half: float, _count: bool) -> Bounds:
    if e.stated_low is None or e.stated_high is None:
        raise RecordError("a 'between' estimate needs both ends (low and high)", field="hedge")
    low, high = e.stated_low, e.stated_high
    vague = VAGUE_QUANTITIES.get(e.word.lower()) if e.word is not None else None
    if vague is not None and (low, high) != vague:
        raise RecordError(
            f"{e.word!r} reads as {vague[0]:,}–{vague[1]:,}, not {low:g}–{high:g}",
            field="word",
        )
    if e.word is not None and HEDGE_WORDS.get(e.word.lower()) is Hedge.ABOUT:
        # "about 200-300": each end is itself approximate.
        low, high = low * (1 - e.policy.about_margin), high * (1 + e.policy.about_margin)
        low = min(low, high)
    return low, high, False, False


#: How each hedge class bounds a figure, in the order of :class:`Hedge`: the table that
#: :attr:`Estimate.interval` reads, and the reference's table is generated from.
HEDGE_BOUNDS: Final[Mapping[Hedge, HedgeBounds]] = {
    row.hedge: row
    for row in (
        HedgeBounds(
            Hedge.EXACT,
            "*v* ± ½ *step*",
            ("12 km", (11.5, 12.5)),
            lambda e, half, _: (e.number - half, e.number + half, False, False),
        ),
        HedgeBounds(
            Hedge.ABOUT,
            "*v* ± *m*·*v*, never narrower than *v* ± ½ *step* (for a count, ± 1)",
            ("about 12 km", (10.8, 13.2)),
            _about,
        ),
        HedgeBounds(
            Hedge.NEARLY,
            "from *v* − *m*·*v* (never less than ½ *step* below; for a count, 1 below) up to *v*",
            ("nearly 12 km", (10.8, 12.0)),
            _nearly,
        ),
        HedgeBounds(
            Hedge.AT_LEAST,
            "*v* or more, no upper bound",
            ("at least 12 km", (12.0, None)),
            lambda e, _half, _count: (e.number, None, False, False),
        ),
        HedgeBounds(
            Hedge.MORE_THAN,
            "above *v* (open), no upper bound",
            ("more than 12 km", (12.0, None)),
            lambda e, _half, _count: (e.number, None, True, False),
        ),
        HedgeBounds(
            Hedge.UP_TO,
            "from 0 up to *v*",
            ("up to 12 km", (0.0, 12.0)),
            lambda e, _half, _count: (0.0, e.number, False, False),
        ),
        HedgeBounds(
            Hedge.FEWER_THAN,
            "from 0 up to below *v* (open)",
            ("fewer than 12 km", (0.0, 12.0)),
            lambda e, _half, _count: (0.0, e.number, False, True),
        ),
        HedgeBounds(
            Hedge.BETWEEN,
            "from *a* to *b*; the value is the midpoint. After an `about` word, from "
            "*a* − *m*·*a* to *b* + *m*·*b*. A vague quantity has a fixed range",
            ("between 10 and 12 km", (10.0, 12.0)),
            _between,
        ),
    )
}


def _interval(e: Estimate, info: UnitInfo) -> tuple[float, float | None, bool, bool]:
    v = e.number
    if (
        e.hedge is Hedge.EXACT and v >= 0 and e.stated_low is None and e.stated_high is None
    ):  # the common case, kept short: what the rows below give an exact figure
        half = e.step / 2
        bottom, top = (v - half if v > half else 0.0), v + half
        if not info.count:
            return bottom, top, False, False
        return _whole_ends(e, info, (bottom, top, False, False))
    if info.dimension != "ratio":
        _not_negative(e)
    hedge = e.hedge
    low: float
    high: float | None
    low, high, low_open, high_open = HEDGE_BOUNDS[hedge].bounds(e, e.step / 2, info.count)
    if hedge is not Hedge.BETWEEN:
        if e.stated_low is not None:
            low, low_open = e.stated_low, False
        if e.stated_high is not None:
            high, high_open = e.stated_high, False
    if not math.isfinite(low) or (high is not None and not math.isfinite(high)):
        raise RecordError("interval ends must be finite numbers", field="stated_low")
    if high is not None and low > high:
        raise RecordError(
            f"the low end {low:g} is above the high end {high:g}"
            + (" (from the value read to its precision)" if e.stated_high is None else ""),
            field="stated_low",
        )
    if info.dimension != "ratio":
        low = max(low, 0.0)
    if info.count:
        return _whole_ends(e, info, (low, high, low_open, high_open))
    return float(low), None if high is None else float(high), low_open, high_open


def _not_negative(e: Estimate) -> None:
    """Refuse a negative figure or end (only a ratio may be negative)."""
    if (e.stated_low is not None and e.stated_low < 0) or (
        e.stated_high is not None and e.stated_high < 0
    ):
        raise RecordError("expected non-negative bounds", field="stated_low")
    if e.number < 0:
        raise RecordError(
            f"expected a non-negative figure, got {e.number:g}"
            + (f" in {quoted(e.text)}" if e.text else ""),
            field="number",
        )


def _whole_ends(e: Estimate, info: UnitInfo, bounds: Bounds) -> Bounds:
    """A count's interval: whole ends, an open end moved to the next whole number."""
    for stated in (e.stated_low, e.stated_high) if e.hedge is Hedge.BETWEEN else (e.number,):
        if stated is not None and stated != int(stated):
            raise RecordError(
                f"expected a whole number ({describe_dimension(info.dimension)}), got {stated:g}",
                field="number",
            )
    low, high, low_open, high_open = bounds
    low = math.floor(low + 1e-9) + 1.0 if low_open else math.ceil(low - 1e-9)
    if high is not None:
        high = math.ceil(high - 1e-9) - 1.0 if high_open else math.floor(high + 1e-9)
        high = max(high, low)
    return float(low), None if high is None else float(high), False, False


# -- parsing ------------------------------------------------------------------------------


def _parse_cached(text: str) -> Estimate:
    cache = _PARSE_CACHE
    hit = cache.get(text)
    if hit is None:
        hit = _parse(text, DEFAULT_POLICY)
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[text] = hit
    return hit


# Estimates are immutable values, so identical inputs share one object: each distinct
# string is parsed once, each distinct (number, unit, hedge) built once.  Bounded; a full
# cache is simply emptied.
_CACHE_SIZE: Final = 1 << 17
_PARSE_CACHE: dict[str, Estimate] = {}
_OF_CACHE: dict[tuple[object, object, object, object], Estimate] = {}
_WORDS_CACHE: dict[tuple[object, ...], Estimate] = {}


def _parse(text: str, policy: Policy) -> Estimate:
    """A figure's whole text, read as :func:`read_words` reads words in running text."""
    return _read_words(text, None, "", [], text, policy)


def read_words(
    text: str,
    *,
    words: tuple[int, int],
    unit: UnitInfo | None = None,
    tail: tuple[int, int] | None = None,
    brackets: tuple[tuple[int, int], ...] = (),
    written: tuple[int, int] | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> Estimate:
    """Read a figure where it stands in running text, its parts found by the caller.

    The words are read where they stand, by the grammar :meth:`Estimate.parse` reads by;
    nothing is rebuilt to be parsed again.

    Args:
        text: The running text.
        words: Where the figure's words stand: its hedge, its number or range and, unless
            ``unit`` is given, the words after it (a unit, a bracket).
        unit: The unit or counted noun the caller read after the number: ``words`` then
            end at the number and ``tail`` holds any hedge after the noun ("or so").
        tail: See ``unit``.
        brackets: Where the words of each conversion stand, when they are not in brackets
            within ``words`` ("300km/186 miles").
        written: Where the words the estimate keeps stand (default: ``words``).
        policy: The reading policy.

    Raises:
        ParseError: The words are not a figure the grammar reads.
    """
    start, end = words
    said = text[start:end]
    after = text[tail[0] : tail[1]] if tail and unit is not None else ""
    inner = [text[a:b] for a, b in brackets]
    kept = text[written[0] : written[1]] if written else said
    key = (said, unit, after, *inner, kept)
    if policy is DEFAULT_POLICY and (hit := _WORDS_CACHE.get(key)) is not None:
        return hit
    estimate = _read_words(said, unit, after, inner, kept, policy)
    if policy is DEFAULT_POLICY:
        if len(_WORDS_CACHE) >= _CACHE_SIZE:
            _WORDS_CACHE.clear()
        _WORDS_CACHE[key] = estimate
    return estimate


def _read_words(
    said: str,
    unit: UnitInfo | None,
    after: str,
    conversions: list[str],
    kept: str,
    policy: Policy,
) -> Estimate:
    """:func:`read_words` of the words themselves (cached there)."""
    if len(kept) > MAX_TEXT:
        raise ParseError(
            f"expected a figure, got {quoted(kept)}: longer than {MAX_TEXT} characters"
        )
    if unit is None:
        body, inner, trailing = split_brackets(said)
        figure = read_figure(body, kept, policy.min_significant)
        if trailing and not (figure.adjectival and NOUN_RE.match(trailing)):
            raise ParseError(
                f"expected a figure with its bracketed conversions at the end, got {quoted(kept)}"
            )
    else:
        inner = []
        figure = read_figure(said, kept, policy.min_significant, unit=unit.name, tail=after)
    return _estimate_of(figure, inner + conversions, kept, policy, unit)


def _estimate_of(
    figure: Figure,
    brackets: list[str],
    text: str,
    policy: Policy,
    unit: UnitInfo | None = None,
) -> Estimate:
    """The estimate of a figure read by the grammar, with its bracketed conversions."""
    info = unit or (resolve_unit(figure.unit) if figure.unit else NUMBER)
    conversions = []
    for inner in brackets:
        for said in ALTERNATIVES_RE.split(inner):
            part = OR_RE.sub("", said)  # "(or 6 miles)"
            if not part.strip():
                continue
            stated = read_figure(part, text, policy.min_significant)
            c_info = lookup_unit(stated.unit) if stated.unit else NUMBER
            if c_info.dimension != info.dimension:
                raise UnitError(
                    f"the bracket in {quoted(text)} gives {describe_dimension(c_info.dimension)}"
                    f" ({part.strip()!r}), the figure {describe_dimension(info.dimension)}"
                )
            if stated.low is not None and stated.high is not None:  # "(6 to 9 miles)"
                conversions += [
                    Conversion(number=end, unit=c_info.name, step=stated.step)
                    for end in (stated.low, stated.high)
                ]
            else:
                conversions.append(
                    Conversion(number=stated.number, unit=c_info.name, step=stated.step)
                )
    try:
        return _build(
            figure.number,
            info,
            figure.hedge,
            figure.word,
            figure.step,
            figure.low,
            figure.high,
            tuple(conversions),
            text,
            policy,
        )
    except RecordError as error:
        raise ParseError(f"cannot read {quoted(text)}: {error}") from None
