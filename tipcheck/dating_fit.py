"""Which candidate report year a document's own claims fit best (a vote over sourced facts).

A document that names no report is dated by its evidence (publication date, past dates) to a range
of years. Within that range, claims that hold only in some years (a release weekday, "the third
annual report", "15 countries on Tier 3", a Secretary of State in office, a country's tier) point at
the year: the years where most claims hold and fewest fail win. One wrong claim cannot outvote
several right ones, nor decide the year alone when claims disagree (best_years), and a tie keeps the
whole range, so a claim is still judged against every year it might speak of.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from tipcheck.extract import ReadClaim
from tipcheck.facts import FactBase, Official

Vote = Callable[[int], bool | None]


def best_years(read_claims: Sequence[ReadClaim], facts: FactBase,
               candidates: Sequence[int]) -> tuple[tuple[int, ...], list[str]]:
    """The candidate years the claims fit best, and one evidence line per deciding claim.

    When the claims disagree (the best year makes some of them wrong), the choice must not hang on
    any one claim: if without one claim that supports it other years would win outright, those
    years stay in the range too, so a single wrong claim can neither date the document nor vouch
    for itself (a claim is contradicted only when no year of the range makes it hold).
    """
    votes = [(c, v) for c in read_claims if (v := _vote(c, facts)) is not None]
    if len(candidates) < 2 or not votes:
        return tuple(candidates), []
    # +1 where a claim holds, −1 where it fails, 0 where the facts can't tell (the facts of some
    # years are less complete than others'); rows with the same answers are tallied once.
    patterns = Counter(tuple(_score(vote(y)) for y in candidates) for _, vote in votes)
    totals = [sum(row[i] * n for row, n in patterns.items()) for i in range(len(candidates))]
    holds = [sum(n for row, n in patterns.items() if row[i] > 0) for i in range(len(candidates))]
    chosen = _choose(totals, holds, candidates)
    if chosen is None:
        return tuple(candidates), []
    at = [i for i, y in enumerate(candidates) if y in chosen]
    note = None
    if any(row[i] < 0 for row in patterns for i in at):
        kept = set(chosen)
        for row in patterns:
            if any(row[i] > 0 for i in at):  # without this one claim, do other years win outright?
                alternative = _choose([t - r for t, r in zip(totals, row, strict=True)],
                                      [h - (r > 0) for h, r in zip(holds, row, strict=True)], candidates)
                alternative_set = set(alternative or candidates)
                if not alternative_set & set(chosen):
                    kept |= alternative_set
        if kept != set(chosen):
            note = (f"the claims disagree and {year_list(chosen)} would rest on a single claim, so the "
                    f"range {year_list(sorted(kept))} is kept")
            chosen = tuple(y for y in candidates if y in kept)
            if len(chosen) == len(candidates):
                return tuple(candidates), []
    return chosen, _evidence(votes, candidates, chosen) + ([note] if note else [])


def _score(answer: bool | None) -> int:
    return 1 if answer is True else -1 if answer is False else 0


def _choose(totals: Sequence[int], holds: Sequence[int], candidates: Sequence[int]) -> tuple[int, ...] | None:
    """The best-scoring years among those some claim holds in; None when none is or all tie."""
    supported = [i for i, n in enumerate(holds) if n > 0]
    if not supported:
        return None
    best = max(totals[i] for i in supported)
    chosen = tuple(candidates[i] for i in supported if totals[i] == best)
    return None if len(chosen) == len(candidates) else chosen


def _evidence(votes: list[tuple[ReadClaim, Vote]], candidates: Sequence[int],
              chosen: Sequence[int]) -> list[str]:
    """One line per deciding claim; placements (often many) in one line."""
    lines, placed, placed_fit = [], 0, 0
    for claim, vote in votes:
        fits = [y for y in candidates if vote(y) is True]
        if claim.draft.kind == "placement":
            placed += 1
            placed_fit += any(y in fits for y in chosen)
        elif fits and len(fits) < len(candidates):
            lines.append(f"line {claim.span.line}: \"{claim.text}\" holds only for {year_list(fits)}")
    if placed:
        lines.append(f"{placed_fit} of the {placed} placements it states hold for {year_list(chosen)}")
    return lines


def year_list(years: Sequence[int]) -> str:
    """ "2019", "2019–2021" or "2019, 2024 and 2025"."""
    if len(years) == 1:
        return str(years[0])
    if list(years) == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years[:-1])) + f" and {years[-1]}"


def _vote(claim: ReadClaim, facts: FactBase) -> Vote | None:
    draft = claim.draft
    f: dict[str, Any] = draft.fields
    if draft.negated or draft.attributed or (draft.year_explicit and draft.kind != "official"):
        return None
    if draft.kind == "report_year" and f.get("ordinal") and facts.first_report:
        first = int(facts.first_report.value)
        return lambda y: y - first + 1 == f["ordinal"]
    if draft.kind == "tier_count":
        return _count_vote(f, draft.year_offset, facts)
    if draft.kind == "weekday" and f.get("weekday") and not f.get("date") \
            and not f.get("release_month") and not f.get("relative"):
        return lambda y: _known(facts, y, "weekday") and facts.report(y).weekday == f["weekday"]
    if draft.kind == "weekday" and f.get("release_month") and f.get("release_day") and not f.get("year"):
        return lambda y: _released_on(facts, y, f["release_month"], f["release_day"])
    if draft.kind == "other" and f.get("countries_covered") and not f.get("approximate"):
        return lambda y: _covered(facts, y, f["countries_covered"])
    if draft.kind == "official" and not draft.year_offset:  # "last year's report, under NAME"
        return _official_vote(f, facts)
    # "Kuwait remained on the Watch List" votes like a placement: it holds the tier in the report's
    # year (the year before is not asked)
    if draft.kind == "placement" and f.get("country") and f.get("tier") in ("1", "2", "2WL", "3") \
            and not any(f.get(k) for k in ("never", "first", "times", "since")):
        return _placement_vote(f["country"], f["tier"], draft.year_offset, facts)
    if draft.kind == "move" and f.get("country") and not draft.negated \
            and not any(f.get(f"{s}_text") and f.get(f"{s}_tier") is None for s in ("from", "to")):
        return _move_vote(f, draft.year_offset, facts)
    if draft.kind == "tier_system" and f.get("n_tiers") == 4:
        return lambda y: facts.tier_exists("2WL", y)
    return None


def _known(facts: FactBase, year: int, attr: str) -> bool | None:
    report = facts.report(year)
    return None if report is None or not getattr(report, attr) else True


def _released_on(facts: FactBase, year: int, month: int, day: int) -> bool | None:
    report = facts.report(year)
    if report is None or report.release_date is None:
        return None
    return (report.release_date.month, report.release_date.day) == (month, day)


def _covered(facts: FactBase, year: int, count: int) -> bool | None:
    report = facts.report(year)
    known = [int(x.value) for x in (report.countries_covered, report.countries_ranked) if x] \
        if report else []
    return (count in known) if known else None


def _placement_vote(country: str, tier: str, offset: int, facts: FactBase) -> Vote:
    def vote(year: int) -> bool | None:
        fact = facts.tier(country, year + offset)
        return None if fact is None else fact.value == tier
    return vote


# A move names two reports at once (the tier before and after), so it seldom holds in more than one
# year: "Thailand dropped to Tier 3 after three years on the Watch List" points at 2014 alone.
_RANK = {"1": 1, "2": 2, "2WL": 3, "3": 4}


def _move_vote(f: dict[str, Any], offset: int, facts: FactBase) -> Vote | None:
    country, source, target = f["country"], f.get("from_tier"), f.get("to_tier")
    direction = f.get("direction")
    if not (source or target or direction) or "special" in (source, target):
        return None

    def vote(year: int) -> bool | None:
        before, after = facts.tier(country, year + offset - 1), facts.tier(country, year + offset)
        was = str(before.value) if before else None
        now = str(after.value) if after else None
        checks = []
        if target:
            checks.append(None if now is None else now == target)
        if source:
            checks.append(None if was is None else was == source)
        if direction:
            checks.append(None if was not in _RANK or now not in _RANK else
                          (_RANK[now] < _RANK[was]) == (direction == "up") and was != now)
        if False in checks:
            return False
        return None if None in checks else True
    return vote


def _count_vote(f: dict[str, Any], offset: int, facts: FactBase) -> Vote | None:
    tier, count = f.get("tier"), f.get("count")
    if not tier or count is None or f.get("subset") or f.get("approximate"):
        return None

    def vote(year: int) -> bool | None:
        fact = facts.count(year + offset, tier)
        if fact is None:
            return None
        return int(fact.value) == count
    return vote


def _official_vote(f: dict[str, Any], facts: FactBase) -> Vote | None:
    if f.get("vacant"):
        return _vacancy_vote(str(f.get("role", "")), facts)
    role = str(f.get("role", "")).lower()
    terms = [t for t in facts.find_official(f.get("name", ""))
             if t.role.lower().removeprefix("acting ") == role]
    if not terms:
        return None
    return _window_vote(facts, lambda window: [_overlaps(t.start, t.end, window) for t in terms], True)


def _vacancy_vote(role: str, facts: FactBase) -> Vote | None:
    terms = bounded_terms(facts, role)
    if not terms:
        return None
    return _window_vote(facts, lambda window: [surely_overlaps(term, low, high, window)
                                               for term, low, high in terms], False)


def _window_vote(facts: FactBase,
                 overlaps: Callable[[tuple[datetime.date, datetime.date]], list[bool | None]],
                 if_any: bool) -> Vote:
    """A vote on the officials in office while report `year` is quoted: `if_any` when some term overlaps
    that window, the opposite when none can, None when the facts (or a term's open dates) can't tell."""
    def vote(year: int) -> bool | None:
        window = quoted_window(facts, year)
        if window is None:
            return None
        answers = overlaps(window)
        return if_any if True in answers else (None if None in answers else not if_any)
    return vote


# Stories about a report quote the officials of its release, not the ones in office a year later
# ("Secretary of State John Kerry" in June 2012 is wrong although he took office before the 2013 report).
_AFTER_RELEASE = datetime.timedelta(days=60)


def quoted_window(facts: FactBase, year: int) -> tuple[datetime.date, datetime.date] | None:
    """From the release of report `year` to two months after: when stories about it name officials."""
    report = facts.report(year)
    bounds = report.release_bounds() if report else None
    if bounds is None:
        return None
    return bounds[0], bounds[1] + _AFTER_RELEASE


def first_report_year(facts: FactBase, name: str, role: str) -> int | None:
    """The first report released in `name`'s term as `role` ("her first report"), if the facts tell."""
    terms = [t for t in facts.find_official(name)
             if t.role.lower().removeprefix("acting ") == role.lower() and t.start is not None]
    for term in sorted(terms, key=lambda t: t.start):
        for year in facts.years:
            report = facts.report(year)
            bounds = report.release_bounds() if report else None
            if bounds and bounds[0] >= term.start and (term.end is None or bounds[1] <= term.end):
                return year
    return None


def _overlaps(start: datetime.date | None, end: datetime.date | None,
              window: tuple[datetime.date, datetime.date]) -> bool | None:
    if start is None and end is None:
        return None
    if start is not None and start > window[1]:
        return False
    return not (end is not None and end < window[0])


def bounded_terms(facts: FactBase, role: str
                  ) -> list[tuple[Official, datetime.date | None, datetime.date | None]]:
    """The (non-acting) terms of a role with the earliest start and latest end the facts allow.

    One person holds the post at a time, so a term without a start began no earlier than the
    previous holder left, and one without an end (not the incumbent's) ended no later than the
    next holder began.
    """
    terms = sorted(facts.officials(role), key=lambda o: o.start or o.end or datetime.date.min)
    bounded = []
    for i, term in enumerate(terms):
        low = term.start or (terms[i - 1].end if i > 0 else None)
        high = term.end
        if high is None and not term.incumbent and i + 1 < len(terms):
            high = terms[i + 1].start
        bounded.append((term, low, high))
    return bounded


def surely_overlaps(term: Official, low: datetime.date | None, high: datetime.date | None,
                     window: tuple[datetime.date, datetime.date]) -> bool | None:
    """Whether the term covers part of the window; None when a missing date leaves it open."""
    if low is not None and low > window[1]:
        return False
    if high is not None and high < window[0]:
        return False
    if term.start is None or (term.end is None and not term.incumbent):
        return None
    return True
