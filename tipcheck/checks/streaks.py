"""Streak checks: the arithmetic of "Nth consecutive year since S", and streaks against the facts."""

from __future__ import annotations

import re

from tipcheck.checks.base import Env, Outcome, YearResult, fact_related, over_years
from tipcheck.model import Claim, Related
from tipcheck.numbers import ORDINAL_PATTERN
from tipcheck.wording import ordinal_words, placed_phrase, restyle_ordinal, tier_name

_ORDINAL_RE = re.compile(ORDINAL_PATTERN)


def _reworded(claim: Claim, n: int) -> str | None:
    match = _ORDINAL_RE.search(claim.text)
    if not match or n < 1:
        return None
    return claim.text[:match.start()] + restyle_ordinal(match.group(0), n) + claim.text[match.end():]


def _ends(claim: Claim, year: int) -> tuple[int, ...]:
    """The report years that may close the run: the claim's own, the one before, or either."""
    ends = claim.field("ends", "report")
    if ends in ("range", "until"):  # "until": a run of N that ended in a given report
        return (claim.field("until"),)
    if ends == "before" and claim.field("gap"):  # "..., after four years on the Watch List" that ended
        return (year - claim.field("gap"),)  # before a current run of `gap` reports
    return {"before": (year - 1,), "either": (year - 1, year)}.get(ends, (year,))


def streak_arithmetic(claim: Claim, env: Env) -> Outcome | None:
    """A run of N consecutive reports that starts in S ends in S + N − 1 (an invariant)."""
    since, length = claim.field("since"), claim.field("length")
    if claim.kind != "streak" or since is None or not claim.field("consecutive") or \
            claim.field("ends") == "range":
        return None

    def test(year: int) -> YearResult:
        ends = _ends(claim, year)
        actual = ends[0] - since + 1
        holds = any(end - since + 1 == length for end in ends)
        return YearResult(
            year, holds,
            (f"a run from {since} to the {ends[0]} report covers {ends[0]} − {since} + 1 = {actual} "
             f"reports",),
            values={"length": ordinal_words(length), "since": since, "report_year": year,
                    "expected": since + length - 1, "actual": ordinal_words(actual)},
            suggestion=None if holds else _reworded(claim, actual),  # shown only when it fails
        )

    lead = (f"\"{claim.text}\" ⇒ {length} consecutive reports, the first in {since}")
    return over_years(claim, test, lead)


def streak_facts(claim: Claim, env: Env) -> Outcome | None:
    """A streak or a streak start must match the country's tier history."""
    if claim.kind not in ("streak", "streak_start") or not env.facts.has_placements:
        return None
    country, tier = claim.field("country"), claim.field("tier")
    if not country or not tier or claim.negated:
        return None
    if claim.field("first") or claim.field("ends") == "range":
        return None  # first_listed and streak_span check these
    if claim.kind == "streak" and claim.field("consecutive") is False:
        return None  # tier_times checks "for the fourth time"
    length = claim.field("length")

    def test(year: int) -> YearResult:
        results = []
        for end in _ends(claim, year):
            start = end - length + 1 if claim.kind == "streak" else claim.field("since")
            results.append(_run_test(claim, env, country, tier, start, end, year))
        if claim.field("loose"):  # "for the 16th year": a run, or the 16th time
            results.append(_times_test(claim, env, country, tier, year))
        return next((r for r in results if r.holds), None) or \
            next((r for r in results if r.holds is None), results[0])

    if claim.kind == "streak" and claim.field("ends") == "until":
        lead = (f"\"{claim.text}\" ⇒ {country} on {tier_name(tier)} in {length} reports in a row up to "
                f"{claim.field('until')}, and not in the one before them")
    elif claim.kind == "streak" and claim.field("gap") and claim.field("ends") == "before":
        lead = (f"\"{claim.text}\" ⇒ {country} on {tier_name(tier)} in {length} reports in a row, the last "
                f"of them {claim.field('gap')} reports before the claim's (before the run it speaks of), "
                f"and not in the one before them")
    elif claim.kind == "streak":
        lead = (f"\"{claim.text}\" ⇒ {country} on {tier_name(tier)} in each of the last {length} "
                + ("reports" if claim.field("at_least") else "reports, and not in the one before"))
    else:
        lead = (f"\"{claim.text}\" ⇒ {country} on {tier_name(tier)} in every report since "
                f"{claim.field('since')}, and not in the one before")
    return over_years(claim, test, lead)


def streak_span(claim: Claim, env: Env) -> Outcome | None:
    """ "from 2018 to 2020 it was on the Tier 2 Watch List": on that tier in each of those years."""
    country, tier = claim.field("country"), claim.field("tier")
    if claim.kind != "streak" or claim.field("ends") != "range" or not country or not tier or \
            claim.negated or not env.facts.has_placements:
        return None
    since, until = claim.field("since"), claim.field("until")
    if claim.field("first_reports"):  # "in the first two reports": counted from the first report
        since = env.facts.years.start
        until = since + claim.field("first_reports") - 1

    def test(year: int) -> YearResult:
        values = {"country": country, "tier": tier_name(tier), "since": since, "until": until,
                  "year": "?", "actual": "?"}
        for y in range(since, until + 1):
            fact = env.facts.tier(country, y)
            if fact is None:
                if env.facts.status(country, y) == "unknown":
                    return YearResult(year, None, (f"the facts hold no placement of {country} in {y}",),
                                      values=values)
                values.update(year=y, actual="not in the report")
                return YearResult(year, False, (f"facts: {country} not in the {y} report",),
                                  (fact_related(f"{country} not in the {y} report",
                                                env.facts.not_in_report(country, y)),), values)
            if fact.value != tier:
                values.update(year=y, actual=tier_name(fact.value))
                return YearResult(year, False, (f"facts: {country} was on {tier_name(fact.value)} "
                                                f"in {y}",),
                                  (fact_related(f"{country} in {y}: {tier_name(fact.value)}", fact),),
                                  values)
        return YearResult(year, True, (f"facts: {country} on {tier_name(tier)} in {since}–{until}",),
                          values=values)

    return over_years(claim, test, f"\"{claim.text}\" ⇒ {country} on {tier_name(tier)} in every "
                                   f"report from {since} to {until}")


def first_listed(claim: Claim, env: Env) -> Outcome | None:
    """ "first put on the list in 2003": on that tier in 2003 and in no report before."""
    country, tier = claim.field("country"), claim.field("tier")
    if claim.kind != "streak_start" or not claim.field("first") or not country or not tier or \
            claim.negated or not env.facts.has_placements:
        return None
    since = claim.field("since")

    def test(year: int) -> YearResult:
        history = env.facts.history(country)
        values = {"country": country, "tier": tier_name(tier), "since": since, "actual": "?"}
        on = sorted(y for y, f in history.items() if f.value == tier and y <= year)
        if not on:
            return YearResult(year, None, (f"the facts hold no year of {country} on {tier_name(tier)}",),
                              values=values)
        values["actual"] = on[0]
        return YearResult(year, on[0] == since,
                          (f"facts: {country} first on {tier_name(tier)} in {on[0]}",),
                          (fact_related(f"{country} {tier_name(tier)} in {on[0]}", history[on[0]]),),
                          values, claim.text.replace(str(since), str(on[0])))

    return over_years(claim, test, f"\"{claim.text}\" ⇒ {country} first on {tier_name(tier)} "
                                   f"in {since}")


def _run_test(claim: Claim, env: Env, country: str, tier: str, start: int, end: int,
              year: int) -> YearResult:
    """Whether the run on `tier` ending in report `end` starts in `start` (for candidate `year`)."""
    actual_start, unknown_at, where, steps, related = _run_facts(env, country, tier, end)
    values = {"country": country, "tier": tier_name(tier), "report_year": end,
              "claimed_start": start}
    if unknown_at is not None and (actual_start is None or actual_start > start):
        return YearResult(year, None, (f"the facts hold no placement of {country} in {unknown_at}",),
                          values=values)
    if actual_start is None:
        # not on that tier at all that year: "Bahrain was on Tier 3 in the 2007 report (not on ...)"
        values.update(actual=where, actual_start="—", actual_length="no", run=f"was {placed_phrase(where)}",
                      since_note=f" (not on {tier_name(tier)})")
        return YearResult(year, False, steps, related, values)
    actual_length = end - actual_start + 1
    values.update(actual_start=actual_start, actual_length=ordinal_words(actual_length),
                  actual=tier_name(tier), since_note=f" (since {actual_start})",
                  run=f"was on {tier_name(tier)} for its {ordinal_words(actual_length)} consecutive year")
    # "in the previous two reports" says nothing of the reports before them
    holds = actual_start <= start if claim.field("at_least") else actual_start == start
    suggestion = None
    if not holds:  # only a failing result's suggestion is ever shown (over_years)
        suggestion = _reworded(claim, actual_length) if claim.kind == "streak" else None
        if claim.kind == "streak_start" and actual_start != start:
            suggestion = claim.text.replace(str(start), str(actual_start))
    return YearResult(year, holds, steps, related, values, suggestion)


_RunFacts = tuple[int | None, int | None, str, tuple[str, ...], tuple[Related, ...]]


def _run_facts(env: Env, country: str, tier: str, year: int) -> _RunFacts:
    """The run on `tier` ending in `year` as the facts tell it: its start, a year they don't know,
    and the steps and citations saying so (memoized per fact base: they depend on nothing else)."""
    key = ("run", country, tier, year)
    found = env.memo.get(key)
    if found is not None:
        return found
    facts = env.facts
    actual_start, unknown_at = _actual_start(env, country, tier, year)
    if actual_start is None:
        current = facts.tier(country, year)
        where = tier_name(current.value) if current else "not in the report"
        found = (None, unknown_at, where,
                 (f"facts: {country} was {placed_phrase(where)} in the {year} report",),
                 (fact_related(f"{country} in {year}: {where}", current),))
        env.memo[key] = found
        return found
    actual_length = year - actual_start + 1
    first = facts.tier(country, actual_start)
    before = facts.tier(country, actual_start - 1)
    steps = [f"facts: {country} on {tier_name(tier)} in every report from {actual_start} to {year}"
             f" ({actual_length} reports)"]
    related = [fact_related(f"{country} {tier_name(tier)} in {actual_start}", first)]
    if before is not None:
        steps.append(f"facts: {tier_name(before.value)} in {actual_start - 1}")
        related.append(fact_related(f"{country} {tier_name(before.value)} in {actual_start - 1}",
                                    before))
    elif facts.status(country, actual_start - 1) == "not_in_report":
        steps.append(f"facts: not in the {actual_start - 1} report")
        related.append(fact_related(f"{country} not in the {actual_start - 1} report",
                                    facts.not_in_report(country, actual_start - 1)))
    found = (actual_start, unknown_at, tier_name(tier), tuple(steps), tuple(related))
    env.memo[key] = found
    return found


def _actual_start(env: Env, country: str, tier: str, year: int) -> tuple[int | None, int | None]:
    """First year of the unbroken run on `tier` ending in `year`; and a year the facts don't know."""
    facts = env.facts
    current = facts.tier(country, year)
    if current is None:
        return None, (year if facts.status(country, year) == "unknown" else None)
    if current.value != tier:
        return None, None
    start = year
    while start - 1 >= facts.years.start:
        previous = facts.tier(country, start - 1)
        if previous is None:
            if facts.status(country, start - 1) == "unknown":
                return start, start - 1
            break
        if previous.value != tier:
            break
        start -= 1
    return start, None


def _times_test(claim: Claim, env: Env, country: str, tier: str, year: int) -> YearResult:
    """How many reports up to `year` (or in the last `window` years) put the country on the tier."""
    length = claim.field("length")
    history = env.facts.history(country)
    window = claim.field("window")
    first = max(env.facts.years.start, year - window + 1) if window else env.facts.years.start
    known = [y for y in range(first, year + 1)
             if y in history or env.facts.status(country, y) == "not_in_report"]
    times = sum(1 for y in known if y in history and history[y].value == tier)
    holds: bool | None = times == length
    if len(known) < year - first + 1 and times < length:
        holds = None
    return YearResult(year, holds, (f"facts: {country} on {tier_name(tier)} in {times} reports "
                                    f"from {first} to {year}",),
                      values={"country": country, "tier": tier_name(tier), "report_year": year,
                              "actual_start": "—", "actual_length": ordinal_words(times),
                              "claimed_start": "—", "actual": tier_name(tier), "times": times,
                              "first": first},
                      suggestion=_reworded(claim, times) if holds is False else None)  # shown only then


def tier_times(claim: Claim, env: Env) -> Outcome | None:
    """ "ranked Tier 3 for the fourth time": the number of reports that put the country there."""
    country, tier = claim.field("country"), claim.field("tier")
    if claim.kind != "streak" or claim.field("consecutive") is not False or not country or not tier \
            or claim.negated or not env.facts.has_placements:
        return None
    length = claim.field("length")
    outcome = over_years(claim, lambda year: _times_test(claim, env, country, tier, year),
                         f"\"{claim.text}\" ⇒ {country} on {tier_name(tier)} {length} times")
    if outcome is not None:
        outcome.values["length"] = ordinal_words(length)
    return outcome
