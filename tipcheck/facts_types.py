"""Records of the fact base: facts, reports, officials, the tier system (re-exported by facts)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

TIERS = ("1", "2", "2WL", "3")  # ranked, best first
ALL_TIERS = (*TIERS, "special")  # every placement value; special cases are not ranked
WATCH_LIST_FIRST = 2004  # default when no tier_system.yaml is loaded

_RANK = {tier: i for i, tier in enumerate(TIERS)}


def tier_rank(tier: str) -> int:
    """0 for Tier 1 (best) ... 3 for Tier 3; ValueError for 'special' (not ranked) or junk."""
    try:
        return _RANK[tier]
    except KeyError:
        if tier == "special":
            raise ValueError("special cases are not ranked") from None
        raise ValueError(f"{tier!r} is not a tier (valid: {', '.join(ALL_TIERS)})") from None


def normalize_tier(value: Any) -> str | None:
    """A tier code from loose text ('Tier 2 Watch List', 'tier 3', 2, '2wl'), else None."""
    text = str(value).strip().lower().replace("-", " ").replace("_", " ")
    text = " ".join(text.split())
    if text.startswith("tier"):
        text = text[4:].strip()
    text = {"one": "1", "two": "2", "three": "3"}.get(text, text)
    if text in ("1", "2", "3"):
        return text
    if text in (
        "2wl",
        "2 wl",
        "2 watch list",
        "2 watchlist",
        "watch list",
        "watchlist",
        "two watch list",
    ):
        return "2WL"
    if text in ("special", "special case", "special cases"):
        return "special"
    return None


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a source key, its url (None when unknown) and what it is."""

    key: str
    url: str | None
    what: str = ""
    where: str = ""  # a location without a url, e.g. "seed:003_….txt" (a document we were given)

    @property
    def seed(self) -> bool:
        """Whether this source is only a seed document (no url an editor could open)."""
        return not self.url and self.where.startswith("seed:")


@dataclass(frozen=True)
class Fact:
    """One sourced value with the file:line it was read from."""

    value: Any
    sources: tuple[Source, ...]
    origin: str  # "rules/facts/generated/reports/2014.yaml:123"
    note: str = ""

    @property
    def urls(self) -> tuple[str, ...]:
        """The sources' urls, without repeats."""
        return tuple(dict.fromkeys(s.url for s in self.sources if s.url))


@dataclass(frozen=True)
class ReportInfo:
    """What is known about one year's report (the calendar survives --no-facts; counts do not)."""

    year: int
    release_date: datetime.date | None  # day precision only
    release_month: tuple[int, int] | None  # (year, month), also set when only the month is known
    weekday: str | None
    published_counts: dict[str, Fact]  # tier -> count printed in a cited source
    countries_ranked: Fact | None
    countries_covered: Fact | None
    secretary: Fact | None  # Secretary of State on release day (raw text)
    tip_director: Fact | None  # TIP Office director (raw text, may carry caveats)
    sources: tuple[Source, ...]
    release: Fact | None = None  # the release date as an ISO string ('2001-07' = month only)
    notes: str = ""
    ordinal: int | None = None  # 2014 -> 14

    def release_bounds(self) -> tuple[datetime.date, datetime.date] | None:
        """Earliest and latest possible release day."""
        if self.release_date:
            return self.release_date, self.release_date
        if self.release_month:
            y, m = self.release_month
            first = datetime.date(y, m, 1)
            last = datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)
            return first, last
        return None


@dataclass(frozen=True)
class Official:
    """One term in office; dates may be missing or month-precise."""

    role: str
    name: str
    start: datetime.date | None
    end: datetime.date | None  # None: not found, or still in office
    start_precision: str | None  # 'day' | 'month' | None
    source: Source
    end_precision: str | None = None
    note: str = ""
    origin: str = ""
    incumbent: bool = False  # no end date and the latest holder of the role

    def covers(self, day: datetime.date) -> bool | None:
        """True/False when the dates decide whether `day` is in this term, None when not."""
        if self.start is not None:
            if self.start_precision == "month" and (day.year, day.month) == (
                self.start.year,
                self.start.month,
            ):
                return None
            if day < self.start:
                return False
        if self.end is not None:
            if self.end_precision == "month" and (day.year, day.month) == (
                self.end.year,
                self.end.month,
            ):
                return None
            if day > self.end:
                return False
            return True if self.start is not None else None
        if self.start is None:
            return None
        return True if self.incumbent else None


@dataclass(frozen=True)
class Statement:
    """A named, sourced statement from the hand layer (tier system facts, consequences)."""

    name: str
    text: str
    value: Any
    sources: tuple[Source, ...]
    origin: str
    applies_to: tuple[str, ...] = ()
    citation: str = ""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TierInfo:
    """One tier of the system."""

    code: str
    name: str
    rank: int | None
    first_report: int | None  # None: not established (never used to rule a year out)
    meaning: Statement
    aliases: tuple[str, ...] = ()
    last_report: int | None = None


@dataclass(frozen=True)
class TierSystem:
    """The tiers and the named facts about the system (see rules/facts/manual/tier_system.yaml)."""

    tiers: dict[str, TierInfo]
    facts: dict[str, Statement]

    def exists(self, tier: str, year: int) -> bool:
        """Whether the report of `year` could use `tier`."""
        info = self.tiers.get(tier)
        if info is None:
            return False
        if info.first_report is not None and year < info.first_report:
            return False
        return not (info.last_report is not None and year > info.last_report)


@dataclass(frozen=True)
class Conflict:
    """A cell where sources disagree, as recorded by the data's compilers."""

    iso3: str
    countries: tuple[str, ...]
    year: int
    chosen: str | None
    chosen_sources: str | None
    rejected: str | None
    resolution: str | None
    origin: str


_TITLES = {"secretary", "ambassador", "amb", "mr", "mrs", "ms", "dr", "director", "jr", "sr"}


def _name_tokens(name: str) -> list[str]:
    """Lower-case name words without initials, titles or punctuation."""
    words = re.findall(r"[a-z]+", name.casefold().replace("'", ""))
    return [w for w in words if len(w) > 1 and w not in _TITLES]


def match_officials(officials: Iterable[Official], name: str) -> list[Official]:
    """Terms whose holder a name means: all its words, or first + last; else a near spelling."""
    terms = list(officials)
    query = _name_tokens(name)
    if not query:
        return []
    found = []
    for o in terms:
        tokens = _name_tokens(o.name)
        if set(query) <= set(tokens) or (
            len(query) > 1 and (query[0], query[-1]) == (tokens[0], tokens[-1])
        ):
            found.append(o)
    if found:
        return found
    joined = " ".join(query)
    from rapidfuzz import fuzz

    return [o for o in terms if fuzz.token_sort_ratio(joined, " ".join(_name_tokens(o.name))) >= 85]
