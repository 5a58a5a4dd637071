"""Numbers in words and digits: cardinals, ordinals, tier names, and the regexes that find them."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tipcheck.numbers import (
    CARDINAL_PATTERN,
    ORDINAL_PATTERN,
    TIER_WORD_PATTERN,
    parse_cardinal,
    parse_ordinal,
    parse_tier,
)

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
TEENS += ["eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int, sep: str = "-", hundred_and: bool = False) -> str:
    """English words for 1 <= n <= 999 ("twenty-two", "one hundred and five")."""
    parts = []
    if n >= 100:
        parts.append(f"{ONES[n // 100]} hundred")
        n %= 100
        if n and hundred_and:
            parts.append("and")
    if n >= 20:
        parts.append(TENS[n // 10] + (sep + ONES[n % 10] if n % 10 else ""))
    elif n >= 10:
        parts.append(TEENS[n - 10])
    elif n:
        parts.append(ONES[n])
    return " ".join(parts)


CARDINALS = [
    ("22", 22),
    ("1,000", 1000),
    ("80,000", 80000),
    ("900,000", 900000),
    ("twenty-two", 22),
    ("twenty two", 22),
    ("Twenty-nine", 29),
    ("two-hundred thousand", 200000),
    ("two hundred thousand", 200000),
    ("800-thousand", 800000),
    ("a dozen", 12),
    ("three dozen", 36),
    ("one", 1),
    ("nine", 9),
    ("zero", 0),
    ("4 million", 4000000),
    ("65 million", 65000000),
    ("1.5 million", 1500000),
    ("2.25 billion", 2250000000),
    ("a hundred", 100),
    ("a thousand", 1000),
    ("one hundred and twenty", 120),
    ("nineteen hundred", 1900),
    ("two million three hundred thousand and five", 2300005),
    ("twenty‑two", 22),  # non-breaking hyphen
    ("  fifteen ", 15),
]
NOT_CARDINALS = [
    "",
    "a",
    "1.5",  # not a whole number without a scale
    "1.2345 thousand",  # 1234.5
    "twenty twenty",
    "two three",
    "hundred",
    "thousand",
    "thousand million",
    "two thousand three million",  # scales must fall
    "80,000-120,000",  # a range, not one number
    "1,0000",
    "fourth",
    "3rd",
    "twenty and two",
    "tenty",
]


@pytest.mark.parametrize(("text", "value"), CARDINALS, ids=[t for t, _ in CARDINALS])
def test_parse_cardinal(text: str, value: int) -> None:
    assert parse_cardinal(text) == value


@pytest.mark.parametrize("text", NOT_CARDINALS, ids=[repr(t) for t in NOT_CARDINALS])
def test_parse_cardinal_refuses(text: str) -> None:
    assert parse_cardinal(text) is None


ORDINALS = [
    ("12th", 12),
    ("1st", 1),
    ("2nd", 2),
    ("22nd", 22),
    ("23rd", 23),
    ("11th", 11),
    ("13th", 13),
    ("101st", 101),
    ("111th", 111),
    ("fifth", 5),
    ("Second", 2),
    ("twelfth", 12),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("twenty-third", 23),
    ("twenty third", 23),
    ("hundredth", 100),
    ("two hundredth", 200),
    ("one hundred and first", 101),
    ("thousandth", 1000),
]
NOT_ORDINALS = ["11st", "22th", "3th", "12", "twelve", "twenty", "firsts", "third-twenty", ""]


@pytest.mark.parametrize(("text", "value"), ORDINALS, ids=[t for t, _ in ORDINALS])
def test_parse_ordinal(text: str, value: int) -> None:
    assert parse_ordinal(text) == value


@pytest.mark.parametrize("text", NOT_ORDINALS, ids=[repr(t) for t in NOT_ORDINALS])
def test_parse_ordinal_refuses(text: str) -> None:
    assert parse_ordinal(text) is None


TIERS = [
    ("3", "3"),
    ("Three", "3"),
    ("three", "3"),
    ("III", "3"),
    ("1", "1"),
    ("I", "1"),
    ("One", "1"),
    ("II", "2"),
    ("2 Watch List", "2WL"),
    ("Two Watch List", "2WL"),
    ("II Watch List", "2WL"),
    ("2WL", "2WL"),
    ("2 watchlist", "2WL"),
    ("2 watch-list", "2WL"),
    ("Tier 2 Watch List", "2WL"),
    ("Tier II Watch List", "2WL"),
    ("Tier 1", "1"),
    ("tier three", "3"),
]
NOT_TIERS = [
    "4",
    "Four",
    "IV",
    "0",
    "Tier",
    "",
    "3 Watch List",
    "1 Watch List",
    "Tier 2x",
    "twelve",
]


@pytest.mark.parametrize(("text", "tier"), TIERS, ids=[t for t, _ in TIERS])
def test_parse_tier(text: str, tier: str) -> None:
    assert parse_tier(text) == tier


@pytest.mark.parametrize("text", NOT_TIERS, ids=[repr(t) for t in NOT_TIERS])
def test_parse_tier_refuses(text: str) -> None:
    assert parse_tier(text) is None


def _found(pattern: str, text: str) -> list[str]:
    return [m.group() for m in re.finditer(pattern, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held 80,000 to 120,000 prisoners", ["80,000", "120,000"]),
        ("some two-hundred thousand people", ["two-hundred thousand"]),
        ("about 1.5 million workers", ["1.5 million"]),
        ("Twenty-nine countries", ["Twenty-nine"]),
        ("version 1.5 of the file", []),  # a decimal is a number only before a scale
        ("in 2014, 23 countries", ["2014", "23"]),
        ("the 12th consecutive year", []),
        ("someone and anyone", []),  # number words inside other words
    ],
)
def test_cardinal_pattern_finds(text: str, expected: list[str]) -> None:
    assert _found(CARDINAL_PATTERN, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("for the 12th consecutive year since 2003", ["12th"]),
        ("the twenty-third year, the second time", ["twenty-third", "second"]),
        ("the 22th report", []),
    ],
)
def test_ordinal_pattern_finds(text: str, expected: list[str]) -> None:
    assert _found(ORDINAL_PATTERN, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tier 2 Watch List", "2 Watch List"),
        ("Tier Three nations", "Three"),
        ("Tier II ranking", "II"),
        ("Tier 2WL", "2WL"),
        ("tier 3 in 2007", "3"),
        ("Tier 3 Watch List", "3 Watch List"),  # matched whole, so parse_tier can refuse it
    ],
)
def test_tier_word_pattern(text: str, expected: str) -> None:
    match = re.search(rf"(?i:tier)\s+({TIER_WORD_PATTERN})", text)
    assert match is not None
    assert match.group(1) == expected


@pytest.mark.parametrize("text", ["Tier to Tier 2", "Tier is", "Tier 4", "tier iv", "Tier Twelve"])
def test_tier_word_pattern_refuses(text: str) -> None:
    assert not re.match(rf"(?i:tier)\s+({TIER_WORD_PATTERN})", text)


ADVERSARIAL = {
    "digits": "1" * 100_000,
    "digits-then-letter": "1" * 100_000 + "x",
    "commas": "1," * 50_000,
    "dots": "1." * 50_000,
    "twenty": "twenty " * 20_000,
    "twenty-hyphen": "twenty-" * 20_000,
    "hundred-and": "one hundred and " * 10_000,
    "thousands": "two thousand " * 10_000,
    "separators": "twenty" + " -" * 50_000,
    "a": "a " * 50_000,
    "ordinals": "twenty third " * 10_000,
}


@pytest.mark.parametrize("pattern", [CARDINAL_PATTERN, ORDINAL_PATTERN, TIER_WORD_PATTERN])
@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_no_catastrophic_backtracking(pattern: str, name: str) -> None:
    text = ADVERSARIAL[name]
    for regex in (re.compile(pattern), re.compile(pattern + r"\s+countries")):  # forced failure
        started = time.perf_counter()
        for _ in regex.finditer(text):
            pass
        assert time.perf_counter() - started < 5.0  # a safety net: linear runs take ~0.1 s


@given(st.integers(min_value=0, max_value=10**15))
def test_digits_round_trip(n: int) -> None:
    assert parse_cardinal(str(n)) == n
    assert parse_cardinal(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["-", " "]), st.booleans())
def test_words_round_trip(n: int, sep: str, hundred_and: bool) -> None:
    text = words(n, sep, hundred_and)
    assert parse_cardinal(text) == n
    assert parse_cardinal(text.upper()) == n
    assert re.fullmatch(CARDINAL_PATTERN, text)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_thousands_round_trip(thousands: int, rest: int) -> None:
    text = f"{words(thousands)} thousand" + (f" {words(rest)}" if rest else "")
    assert parse_cardinal(text) == thousands * 1000 + rest


@given(st.integers(min_value=1, max_value=10**6))
def test_digit_ordinals_round_trip(n: int) -> None:
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    assert parse_ordinal(f"{n}{suffix}") == n
