"""How numbers are written. The precision here is also the precision of comparisons:
two amounts that print alike are never described as different."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

from num2words import num2words

MONEY_STEP = 1.0  # whole dollars, except amounts under WHOLE_DOLLARS_FROM that carry cents
WHOLE_DOLLARS_FROM = 1000.0
PERCENT_DECIMALS = 1
RATIO_DECIMALS = 1  # "3.5 times"
WHOLE_RATIO_FROM = 10.0
SMALL_NUMBER_LIMIT = 10  # counts up to ten are spelled out, as house style asks
MINUS = "\u2212"
EN_DASH = "\u2013"
_EXACT = Context(prec=400)  # room for any float's whole digits (up to 1e308) and the decimals


@lru_cache(maxsize=65536)
def round_half_up(value: float, decimals: int = 0) -> float:
    """Halves go away from zero, as a reader rounds: 2.25 -> 2.3, not Python's 2.2.

    float's round() goes to even, and sees the exact quotient 204,350 / 67,000 = 3.05 as
    3.0499...; cutting to 12 significant digits first removes that binary noise.
    """
    exact = Decimal(f"{value:.12g}")
    return float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_EXACT))


def round_money(amount: float) -> float:
    if abs(amount) < WHOLE_DOLLARS_FROM:
        return round_half_up(amount, 2)
    return round_half_up(amount / MONEY_STEP) * MONEY_STEP


def round_percent(value: float) -> float:
    return round_half_up(value, PERCENT_DECIMALS)


def round_ratio(value: float) -> float:
    """One decimal under ten ("3.5 times"), whole numbers from ten ("15 times")."""
    return round_half_up(value, RATIO_DECIMALS if value < WHOLE_RATIO_FROM else 0)


@lru_cache(maxsize=16384)  # salaries recur in every article about their job
def format_money(amount: float) -> str:
    rounded = round_money(amount)
    sign = MINUS if rounded < 0 else ""
    rounded = abs(rounded)
    if rounded != int(rounded):
        return f"{sign}${rounded:,.2f}"
    return f"{sign}${int(rounded):,}"


def format_decimal(value: float, decimals: int = PERCENT_DECIMALS) -> str:
    """At most `decimals` places, trailing zeros dropped: 43.0 -> '43', 34.40 -> '34.4'."""
    text = f"{round_half_up(value, decimals):,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in {"-0", "0"}:
        return "0"
    return text.replace("-", MINUS)


def format_fixed(value: float, decimals: int = 1) -> str:
    """Exactly `decimals` places, zeros kept: 4.0 -> '4.0' (scores on a scale)."""
    return f"{round_half_up(value, decimals):,.{decimals}f}".replace("-", MINUS)


def format_percent(value: float) -> str:
    return f"{format_decimal(value)}%"


def format_fixed_percent(value: float) -> str:
    """One decimal, zero kept: '75.0%'."""
    return f"{format_fixed(value)}%"


def format_signed_percent(value: float) -> str:
    """Growth rates keep their sign: '+5%', '−8%', '0%'."""
    text = format_percent(value)
    return f"+{text}" if round_percent(value) > 0 else text


def format_times(value: float) -> str:
    """A ratio of two amounts, as a reader says it: 'twice', '3.5 times'."""
    rounded = round_ratio(value)
    return "twice" if rounded == 2 else f"{format_decimal(rounded, RATIO_DECIMALS)} times"


def format_count(value: int) -> str:
    return f"{value:,}"


@lru_cache(maxsize=256)
def spell_small(value: int) -> str:
    """'three' for small whole numbers, digits with separators beyond."""
    if 0 <= value <= SMALL_NUMBER_LIMIT:
        return num2words(value)
    return format_count(value)


def format_range(low: str, high: str) -> str:
    return low if low == high else f"{low}{EN_DASH}{high}"
