"""What `tipcheck facts` shows, as data: a country's timeline and one report's placements and counts.

No rendering here (see tipcheck/report_facts.py). Every value keeps the Fact it rests on, so the
renderers can name its source and url; a year we hold nothing for stays "unknown", never guessed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from tipcheck.facts import TIERS, Conflict, Fact, FactBase, Official, ReportInfo, Source, tier_rank

# TVPRA 2008 §107 (22 U.S.C. 7107(b)(2)(D)): two consecutive Watch List years *after its enactment*
# (23 Dec 2008) put a country on Tier 3 the next year unless waived, at most twice; so the count
# starts with the 2009 report and the first automatic downgrades came in 2013.
WATCH_LIST_COUNT_FROM = 2009
WATCH_LIST_LIMIT = 2
WATCH_LIST_WAIVERS = 2
RANKED = frozenset(TIERS)


@dataclass(frozen=True)
class YearCell:
    """One report year of one country: placed, not in the report, or unknown to us."""

    year: int
    status: str  # placed | not_in_report | unknown
    tier: str | None = None
    fact: Fact | None = None  # the placement, or the sourced "not in the report" fact
    move: str | None = None  # upgrade | downgrade | same | first | back | special | None (can't tell)
    previous: str | None = None  # the tier of the year before, when placed
    watch_years: int = 0  # consecutive Watch List years ending here
    watch_counted: int = 0  # of those, years counted under the TVPRA 2008 limit (from 2009)
    excluded: tuple[str, ...] = ()  # for an unknown year: tiers whose complete list omits the country
    conflicts: tuple[Conflict, ...] = ()
    layer: str | None = None  # generated | manual | overlay

    @property
    def weak(self) -> bool:
        """The fact rests only on a seed document (no source an editor can open)."""
        return bool(self.fact and self.fact.sources and all(s.seed for s in self.fact.sources))


@dataclass(frozen=True)
class Streak:
    """A run of consecutive reports on one tier (an unknown year ends a run: it can't be proven)."""

    tier: str
    start: int
    end: int
    current: bool  # runs up to the latest report

    @property
    def length(self) -> int:
        """How many reports the run spans."""
        return self.end - self.start + 1


@dataclass(frozen=True)
class Timeline:
    """A country's placements in every report year, with moves, streaks and sources."""

    country: str
    iso3: str
    cells: tuple[YearCell, ...]
    streaks: tuple[Streak, ...]
    watch_rule: Fact | None = None  # the sourced statement of the Watch List limit

    def cell(self, year: int) -> YearCell | None:
        """The cell of one year."""
        return next((c for c in self.cells if c.year == year), None)

    def moves(self) -> list[YearCell]:
        """Years with an upgrade or a downgrade."""
        return [c for c in self.cells if c.move in ("upgrade", "downgrade")]

    def current(self) -> Streak | None:
        """The run that reaches the latest report, if any."""
        return next((s for s in self.streaks if s.current), None)

    def sources(self) -> list[Source]:
        """Every distinct source the cells rest on, in first-use order (one per key and url)."""
        seen: dict[tuple[str, str | None], Source] = {}
        for c in self.cells:
            for s in c.fact.sources if c.fact else ():
                seen.setdefault((s.key, s.url), s)
        return list(seen.values())

    def counts(self) -> dict[str, int]:
        """How many years are placed, not in the report, and unknown."""
        out = {"placed": 0, "not_in_report": 0, "unknown": 0}
        for c in self.cells:
            out[c.status] += 1
        return out


def _move(before: YearCell | None, tier: str) -> tuple[str | None, str | None]:
    """The move into `tier` from the year before, and that year's tier (None when unknown)."""
    if before is None or before.status == "unknown":
        return None, None
    if before.status == "not_in_report":
        return "first", None
    prev = before.tier
    if tier == "special" or prev == "special":
        return "special", prev
    if prev == tier:
        return "same", prev
    return ("upgrade" if tier_rank(tier) < tier_rank(prev or tier) else "downgrade"), prev


def timeline(fb: FactBase, country: str) -> Timeline:
    """Every report year of a country (canonical name or ISO3), oldest first."""
    name = fb.resolve_country(country)
    if name is None:
        raise KeyError(country)
    cells: list[YearCell] = []
    before: YearCell | None = None
    for year in fb.years:
        conflicts = tuple(fb.conflicts(name, year))
        fact = fb.tier(name, year)
        if fact is not None:
            move, prev = _move(before, fact.value)
            if move == "first" and any(c.status == "placed" for c in cells):
                move = "back"  # placed before, out of one report, placed again (Iran 2002, 2004)
            watch = counted = 0
            if fact.value == "2WL":
                watch = (before.watch_years if before and before.tier == "2WL" else 0) + 1
                counted = 0
                if year >= WATCH_LIST_COUNT_FROM:
                    counted = (before.watch_counted if before and before.tier == "2WL" else 0) + 1
            cell = YearCell(year, "placed", fact.value, fact, move, prev, watch, counted,
                            conflicts=conflicts, layer=fb.layer(name, year))
        elif (absent := fb.not_in_report(name, year)) is not None:
            cell = YearCell(year, "not_in_report", fact=absent, conflicts=conflicts)
        else:
            excluded = tuple(t for t in (*TIERS, "special") if fb.is_complete(year, t))
            cell = YearCell(year, "unknown", excluded=excluded, conflicts=conflicts)
        cells.append(cell)
        before = cell
    rule = fb.consequences.get("watch_list_auto_downgrade")
    watch_rule = Fact(rule.text, rule.sources, rule.origin) if rule else None
    return Timeline(name, fb.countries().get(name, ""), tuple(cells), _streaks(cells), watch_rule)


def _streaks(cells: list[YearCell]) -> tuple[Streak, ...]:
    """Runs of the same tier over consecutive placed years (length 1 included)."""
    runs: list[Streak] = []
    last = cells[-1].year if cells else 0
    for c in cells:
        if c.status != "placed" or c.tier is None:
            continue
        top = runs[-1] if runs else None
        if top and top.tier == c.tier and top.end == c.year - 1:
            runs[-1] = Streak(c.tier, top.start, c.year, c.year == last)
        else:
            runs.append(Streak(c.tier, c.year, c.year, c.year == last))
    return tuple(runs)


# ---------------------------------------------------------------------------- one report


@dataclass(frozen=True)
class TierRow:
    """One tier of a report: the count a source printed beside the count of our own facts."""

    tier: str
    published: Fact | None
    counted: int
    complete: Fact | None  # the fact that our list for this tier is complete, if it is
    countries: tuple[tuple[str, Fact], ...]

    @property
    def state(self) -> str:
        """'match', 'gap' (we know fewer), 'over' (we know more: an error), or 'unpublished'."""
        if self.published is None:
            return "unpublished"
        if self.counted == self.published.value:
            return "match"
        return "gap" if self.counted < self.published.value else "over"


@dataclass(frozen=True)
class HolderOnDay:
    """Who held an office on release day: the report record's text and the officials' terms."""

    role: str
    named: Fact | None  # what the report record says (raw text)
    terms: tuple[Official, ...]  # terms that surely cover the release day


@dataclass(frozen=True)
class YearView:
    """One report: calendar, officials at release, tiers with counts and placements."""

    year: int
    report: ReportInfo
    rows: tuple[TierRow, ...]
    holders: tuple[HolderOnDay, ...]
    not_in_report: tuple[tuple[str, Fact], ...] = ()
    tiers_in_use: tuple[str, ...] = field(default_factory=tuple)

    def row(self, tier: str) -> TierRow | None:
        """The row of one tier."""
        return next((r for r in self.rows if r.tier == tier), None)


def year_view(fb: FactBase, year: int, tier: str | None = None) -> YearView:
    """What we know of one year's report (optionally only one tier's row)."""
    report = fb.report(year)
    if report is None:
        raise KeyError(year)
    used = (*fb.tiers_in(year), "special")
    rows = []
    for t in used:
        if tier is not None and t != tier:
            continue
        placed = fb.placements(year, t)
        complete = fb.complete_lists().get((year, t))
        rows.append(TierRow(t, fb.published_count(year, t), len(placed), complete,
                            tuple(placed.items())))
    holders = []
    day = report.release_date
    for role, named in (("Secretary of State", report.secretary),
                        ("TIP Office Director", report.tip_director)):
        terms: tuple[Official, ...] = ()
        if day is not None:
            terms = tuple(o for o in fb.officials()
                          if o.role.removeprefix("Acting ") == role and o.covers(day))
        holders.append(HolderOnDay(role, named, terms))
    absent = tuple(sorted((c, f) for (c, y), f in fb.all_not_in_report().items() if y == year))
    return YearView(year, report, tuple(rows), tuple(holders), absent, fb.tiers_in(year))


def release_text(report: ReportInfo) -> str:
    """'Friday 20 June 2014', 'July 2001 (day unknown)' or 'unknown'."""
    if report.release_date:
        d = report.release_date
        return f"{d:%A} {d.day} {d:%B %Y}"
    if report.release_month:
        y, m = report.release_month
        return datetime.date(y, m, 1).strftime("%B %Y") + " (day unknown)"
    return "unknown"
