"""Writing values back in the document's own style: ordinals, tiers, years."""

from __future__ import annotations

import re

_ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
         "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth"]
_TENS_ORD = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth"}
_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}
_CARDINALS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
              "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
              "eighteen", "nineteen"]
TIER_NAMES = {"1": "Tier 1", "2": "Tier 2", "2WL": "Tier 2 Watch List", "3": "Tier 3",
              "special": "Special Case"}


def ordinal_digits(n: int) -> str:
    """12 -> '12th', 22 -> '22nd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_words(n: int) -> str:
    """5 -> 'fifth', 23 -> 'twenty-third' (digits beyond 59)."""
    if 0 < n < 20:
        return _ONES[n]
    if n in _TENS_ORD:
        return _TENS_ORD[n]
    if 20 < n < 60:
        return f"{_TENS[n - n % 10]}-{_ONES[n % 10]}"
    return ordinal_digits(n)


def cardinal_words(n: int) -> str:
    """7 -> 'seven'; larger numbers stay digits."""
    return _CARDINALS[n] if 0 <= n < 20 else str(n)


def restyle_ordinal(original: str, n: int) -> str:
    """`n` as an ordinal written the way `original` was ("12th" -> "13th", "Fifth" -> "Sixth")."""
    if re.match(r"\d", original):
        return ordinal_digits(n)
    return _match_case(original, ordinal_words(n))


def restyle_cardinal(original: str, n: int) -> str:
    """`n` as a cardinal written the way `original` was ("22" -> "23", "five" -> "six")."""
    if re.match(r"\d", original):
        return f"{n:,}" if "," in original else str(n)
    return _match_case(original, cardinal_words(n))


def tier_name(tier: str | None) -> str:
    """'2WL' -> 'Tier 2 Watch List'."""
    return TIER_NAMES.get(tier or "", "no tier")


def year_label(years: tuple[int, ...] | list[int]) -> str:
    """(2007,) -> '2007'; (2007, 2008) -> '2007–2008'."""
    years = sorted(years)
    if not years:
        return "?"
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _match_case(original: str, word: str) -> str:
    if original.isupper():
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def placed_phrase(where: str) -> str:
    """'Tier 3' -> 'on Tier 3', 'not in the report' -> 'not ranked' (both follow "was")."""
    if where == "not in the report":
        return "not ranked"
    return where if where.startswith(("not ", "unknown")) else f"on {where}"
