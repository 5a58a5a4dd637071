"""Numbers as people write them: digits, words, ordinals, and the names of the report's tiers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
UNITS["nine"] = 9
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15}
TEENS |= {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
TENS |= {"eighty": 80, "ninety": 90}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
# ordinal word -> the cardinal word it stands for ("twelfth" -> "twelve")
ORDINALS = {"first": "one", "second": "two", "third": "three", "fifth": "five", "eighth": "eight"}
ORDINALS |= {"ninth": "nine", "twelfth": "twelve"}
ORDINALS |= {
    w + "th": w for w in ("four", "six", "seven", *TEENS, "hundred", *SCALES) if w != "twelve"
}
ORDINALS |= {w[:-1] + "ieth": w for w in TENS}
_CARDINAL_OF = {**UNITS, **TEENS, **TENS}


def _words(words: Iterable[str]) -> str:
    """An alternation of whole words, longest first."""
    return r"(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b"


def _trie(words: Iterable[str]) -> str:
    """An alternation of words as a trie (one branch per first letter), for fast rejection."""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[0], []).append(word[1:])
    alts = []
    for head, tails in sorted(heads.items()):
        rest = _trie(t for t in tails if t) if any(tails) else ""
        alts.append(head + (f"(?:{rest})?" if rest and "" in tails else rest))
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


_SEP = r"(?:\s*-\s*|\s+)"
_AND = rf"(?:{_SEP}and)?{_SEP}"
_U, _TEEN, _TENS = _words(UNITS), _words(TEENS), _words(TENS)
_BELOW_100 = rf"(?:{_TENS}(?:{_SEP}{_U})?|{_TEEN}|{_U})"
_HUNDREDS = rf"(?:(?:{_U}|{_TEEN}|a\b){_SEP}hundred\b)"
# 1..999 in words, factored so that each word is read once: "twelve", "two hundred and five", "a
# hundred". "a" must be followed by "hundred": no unit or teen ends in "a", so (?<!a) lets only those
# stand alone (the same matches, in the same order, as "(?:U|TEEN)(?:SEP hundred...)?|a SEP hundred...",
# with "hundred and ..." written once).
_GROUP = (rf"(?:{_TENS}(?:{_SEP}{_U})?"
          rf"|(?:{_U}|{_TEEN}|a)(?:{_SEP}hundred\b(?:{_AND}{_BELOW_100})?|(?<!a)))")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w]|[.,]\d)"  # "80,000", "22"
_DECIMAL = r"\d+\.\d+(?!\d)"  # only before a scale: "1.5 million"
_START = r"(?<![\w.,])"
_HEAD = rf"(?:{_GROUP}|{_DIGITS})"


def _then(scale: str) -> str:
    """One more scaled group after a larger scale: " three hundred thousand"."""
    return rf"(?:{_SEP}{_HEAD}{_SEP}{scale}\b)"


_TAIL = rf"(?:{_AND}{_HEAD})?"
# what may follow the first number: a scale and smaller scaled groups, or "dozen". Factored (the same
# matches in the same order as "billion THEN(million)? THEN(thousand)? TAIL | million THEN(thousand)?
# TAIL | thousand TAIL | dozen") so that each group pattern appears once: the compiled pattern is
# several times smaller and quicker to compile.
_SCALES = (
    rf"(?:{_SEP}(?:(?:(?:billion\b{_then('million')}?|million\b){_then('thousand')}?|thousand\b){_TAIL}"
    rf"|dozen\b))"
)
_CARDINAL = rf"(?:{_HEAD}{_SCALES}?|(?:{_DECIMAL}|a\b){_SCALES}|zero\b)"
# the lookahead is a cheap prefilter: the first word must be a number word (or digits)
_FIRST = [*UNITS, *TEENS, *TENS, "a", "zero"]
CARDINAL_PATTERN = rf"(?i:{_START}(?=\d|{_trie(_FIRST)}\b){_CARDINAL})"

_OU, _OTEEN, _OTENS = (
    _words(w for w, c in ORDINALS.items() if c in d) for d in (UNITS, TEENS, TENS)
)
_O_BELOW_100 = rf"(?:{_TENS}{_SEP}{_OU}|{_OTENS}|{_OTEEN}|{_OU})"
_DIGIT_ORDINAL = r"(?:\d*1\dth|(?:\d*[02-9])?(?:1st|2nd|3rd|[04-9]th))\b"  # "11th", "22nd"
_ORDINAL = (
    rf"(?:{_DIGIT_ORDINAL}"
    rf"|(?:{_HEAD}{_SEP}thousand{_AND})?(?:{_HUNDREDS}{_AND})?{_O_BELOW_100}"
    rf"|(?:(?:{_U}|{_TEEN}|a\b){_SEP})?hundredth\b"
    rf"|(?:(?:{_HEAD}|a\b){_SEP})?(?:thousandth|millionth|billionth)\b)"
)
ORDINAL_PATTERN = rf"(?i:{_START}(?=\d|{_trie([*_FIRST, *ORDINALS])}\b){_ORDINAL})"

_WATCH = r"(?:[\s-]+watch[\s-]*list|\s*wl)"
TIER_WORD_PATTERN = rf"(?i:(?:[123]|one|two|three|iii|ii|i){_WATCH}?(?!\w))"

_CARDINAL_RX = re.compile(CARDINAL_PATTERN)
_ORDINAL_RX = re.compile(ORDINAL_PATTERN)
_TIER_RX = re.compile(rf"(?i:(?:tier[\s-]*)?({TIER_WORD_PATTERN}))")
_TIER_BASE = {"1": "1", "2": "2", "3": "3", "one": "1", "two": "2", "three": "3"}
_TIER_BASE |= {"i": "1", "ii": "2", "iii": "3"}
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2212"})


def _tokens(text: str) -> list[str]:
    """Lower-case words and digit groups; hyphens and "and" dropped."""
    words = text.translate(_DASHES).lower().replace("-", " ").split()
    return [w for w in words if w != "and"]


def _group(tokens: list[str], at: int) -> tuple[Decimal, int] | None:
    """One group (1..999 in words, or digits) starting at `at`: its value and the next index."""
    token = tokens[at]
    if token[0].isdigit():
        return Decimal(token.replace(",", "")), at + 1
    value, start = 0, at
    nxt = tokens[at + 1] if at + 1 < len(tokens) else ""
    if nxt == "hundred" and (token in UNITS or token in TEENS or token == "a"):
        value, at = UNITS.get(token) or TEENS.get(token) or 1, at + 2
        value *= 100
    if at < len(tokens) and tokens[at] in TENS:
        value, at = value + TENS[tokens[at]], at + 1
        if at < len(tokens) and tokens[at] in UNITS:
            value, at = value + UNITS[tokens[at]], at + 1
    elif at < len(tokens) and (tokens[at] in TEENS or tokens[at] in UNITS):
        value, at = value + _CARDINAL_OF[tokens[at]], at + 1
    elif at < len(tokens) and tokens[at] == "a" and at + 1 < len(tokens):
        value, at = 1, at + 1  # "a thousand", "a dozen"
    return (Decimal(value), at) if at > start else None


def _value(tokens: list[str]) -> int | None:
    """The value of a token list the cardinal grammar accepts."""
    if tokens == ["zero"]:
        return 0
    total, at = Decimal(0), 0
    while at < len(tokens):
        found = _group(tokens, at)
        if found is None:
            return None
        value, at = found
        multiplier = 1
        if at < len(tokens) and tokens[at] in (*SCALES, "dozen"):
            multiplier, at = SCALES.get(tokens[at], 12), at + 1
        total += value * multiplier
    return int(total) if total == total.to_integral_value() else None


@lru_cache(maxsize=4096)  # pure, and a story repeats the same few phrases (each costs a large fullmatch)
def parse_cardinal(text: str) -> int | None:
    """A whole number in digits and/or words ("22", "twenty-two", "1.5 million"), else None."""
    text = text.strip().translate(_DASHES)
    if not _CARDINAL_RX.fullmatch(text):
        return None
    try:
        return _value(_tokens(text))
    except (ValueError, InvalidOperation):  # more digits than int() converts
        return None


@lru_cache(maxsize=4096)  # pure, and a story repeats the same few phrases (each costs a large fullmatch)
def parse_ordinal(text: str) -> int | None:
    """An ordinal ("12th", "twenty-third", "hundredth") as its number, else None."""
    text = text.strip().translate(_DASHES)
    if not _ORDINAL_RX.fullmatch(text):
        return None
    if text[0].isdigit():
        return int(text[:-2])
    tokens = _tokens(text)
    tokens[-1] = ORDINALS[tokens[-1]]
    if len(tokens) == 1 and tokens[0] in ("hundred", *SCALES):
        tokens.insert(0, "one")  # "hundredth"
    return _value(tokens)


@lru_cache(maxsize=4096)  # pure, and a story repeats the same few phrases (each costs a large fullmatch)
def parse_tier(text: str) -> str | None:
    """A tier as named after "Tier" ("Three", "III", "2 Watch List") -> '1'|'2'|'2WL'|'3'|None."""
    match = _TIER_RX.fullmatch(text.strip().translate(_DASHES))
    if not match:
        return None
    words = match.group(1).lower()
    base = re.match(r"[123]|one|two|three|iii|ii|i", words)
    assert base is not None  # the pattern starts with one of these
    tier = _TIER_BASE[base.group()]
    if words[base.end() :].strip(" \t\n-"):  # a watch list follows: only Tier 2 has one
        return "2WL" if tier == "2" else None
    return tier
