"""Which candidate report year a document's own claims fit best (a vote over sourced facts).

A document that names no report is dated by its evidence (publication date, past dates) to a range
of years. Within that range, claims that hold only in some years (a release weekday, "the third
annual report", "15 countries on Tier 3", a Secretary of State in office) point at the year: the
years where most claims hold and fewest fail win. One wrong claim cannot outvote several right ones,
and a tie keeps the whole range, so a claim is still judged against every year it might speak of.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Any

from tipcheck.extract import ReadClaim
from tipcheck.facts import FactBase

Vote = Callable[[int], bool | None]


def best_years(read_claims: Sequence[ReadClaim], facts: FactBase,
               candidates: Sequence[int]) -> tuple[tuple[int, ...], list[str]]:
    """The candidate years the claims fit best, and one evidence line per deciding claim."""
    votes = [(c, v) for c in read_claims if (v := _vote(c, facts)) is not None]
    if len(candidates) < 2 or not votes:
        return tuple(candidates), []
    scores, supported = {}, set()
    for year in candidates:
        answers = [v(year) for _, v in votes]
        scores[year] = answers.count(True) - answers.count(False)
        if True in answers:
            supported.add(year)
    best = max(scores[y] for y in supported) if supported else None
    chosen = tuple(y for y in candidates if y in supported and scores[y] == best)
    if best is None or len(chosen) == len(candidates):
        return tuple(candidates), []
    evidence = []
    for claim, vote in votes:
        fits = [y for y in candidates if vote(y) is True]
        if fits and len(fits) < len(candidates):
            label = year_list(fits)
            evidence.append(f"line {claim.span.line}: \"{claim.text}\" holds only for {label}")
    return chosen, evidence


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
    if draft.kind == "official":
        return _official_vote(f, facts)
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
    role = str(f.get("role", "")).lower()
    terms = [t for t in facts.find_official(f.get("name", ""))
             if t.role.lower().removeprefix("acting ") == role]
    if not terms:
        return None

    def vote(year: int) -> bool | None:
        window = currency(facts, year)
        if window is None:
            return None
        answers = [_overlaps(t.start, t.end, window) for t in terms]
        return True if True in answers else (None if None in answers else False)
    return vote


def currency(facts: FactBase, year: int) -> tuple[datetime.date, datetime.date] | None:
    """From the release of report `year` to the latest release of the next one."""
    report = facts.report(year)
    bounds = report.release_bounds() if report else None
    if bounds is None:
        return None
    following = facts.report(year + 1)
    after = following.release_bounds() if following else None
    return bounds[0], (after[1] if after else datetime.date.today())


def _overlaps(start: datetime.date | None, end: datetime.date | None,
              window: tuple[datetime.date, datetime.date]) -> bool | None:
    if start is None and end is None:
        return None
    if start is not None and start > window[1]:
        return False
    return not (end is not None and end < window[0])
