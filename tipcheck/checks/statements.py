"""Checks of what the report is: its tiers, what they measure, Tier 3 consequences, counts."""

from __future__ import annotations

import re

from tipcheck.checks.base import (
    CONSISTENT,
    CONTRADICTED,
    Env,
    Outcome,
    YearResult,
    fact_count,
    fact_related,
    over_years,
)
from tipcheck.facts import Conflict
from tipcheck.model import Claim, Related
from tipcheck.numbers import parse_cardinal
from tipcheck.wording import restyle_cardinal, tier_name


def _statement_related(env: Env, group: str, key: str) -> list[Related]:
    table = env.facts.tier_system.facts if group == "tier_system" else env.facts.consequences
    statement = table.get(key)
    if statement is None:
        return []
    url = next((s.url for s in statement.sources if s.url), None)
    return [Related(statement.text, source="+".join(s.key for s in statement.sources), url=url)]


def tier_system_count(claim: Claim, env: Env) -> Outcome | None:
    """Three tiers before the 2004 report; from 2004 three plus the Watch List ("four tiers")."""
    n = claim.field("n_tiers")
    if claim.kind != "tier_system" or n is None:
        return None

    def test(year: int) -> YearResult:
        watch = env.facts.tier_exists("2WL", year)
        if n == 4:
            holds = watch
        elif n == 3:
            holds = True  # contested from 2004 without the Watch List: see three_tiers_contested
        else:
            holds = False
        ranked = "Tier 1, Tier 2, Tier 2 Watch List and Tier 3" if watch else "Tier 1, 2 and 3"
        return YearResult(year, holds, (f"facts: the {year} report ranks countries on {ranked}",),
                          tuple(_statement_related(env, "tier_system", "tier_count")),
                          {"n": n, "report_year": year, "actual": ranked})

    return over_years(claim, test, f"\"{claim.text}\" ⇒ the report has {n} tiers")


def three_tiers_contested(claim: Claim, env: Env) -> Outcome | None:
    """ "Three tiers" for a report with a Watch List: true only if the list counts inside Tier 2."""
    if claim.kind != "tier_system" or claim.field("n_tiers") != 3 or claim.field("watch_list"):
        return None

    def test(year: int) -> YearResult:
        watch = env.facts.tier_exists("2WL", year)
        return YearResult(year, not watch,
                          (f"facts: the {year} report also has the Tier 2 Watch List" if watch
                           else f"facts: the {year} report had three tiers",),
                          tuple(_statement_related(env, "tier_system", "category_count")),
                          {"report_year": year})

    return over_years(claim, test, f"\"{claim.text}\" ⇒ three tiers and nothing else")


def tier_meaning(claim: Claim, env: Env) -> Outcome | None:
    """Tiers rank a government's efforts against the minimum standards, not the problem's size."""
    if claim.kind != "tier_system" or not claim.field("measures"):
        return None
    if claim.field("measures") != "size of the problem":  # "not how much trafficking there is"
        return Outcome(claim, CONSISTENT, {"measure": claim.text},
                       [f"\"{claim.text}\" ⇒ the tier does not reflect the size of the problem",
                        "facts: a tier reflects the government's efforts to meet the TVPA's minimum "
                        "standards (22 U.S.C. 7106), not the size of the problem"],
                       _statement_related(env, "tier_system", "does_not_measure"))
    return Outcome(claim, CONTRADICTED, {"measure": claim.text},
                   [f"\"{claim.text}\" ⇒ the tier reflects the size of the trafficking problem",
                    "facts: a tier reflects the government's efforts to meet the TVPA's minimum "
                    "standards (22 U.S.C. 7106), not the size of the problem"],
                   _statement_related(env, "tier_system", "does_not_measure"))


def tier3_assistance(claim: Claim, env: Env) -> Outcome | None:
    """Tier 3 puts non-humanitarian, non-trade-related assistance at risk (22 U.S.C. 7107(d)(1))."""
    restricts = claim.field("restricts")
    if claim.kind != "tier3_consequence" or restricts not in ("humanitarian", "all", "trade"):
        return None
    start = claim.field("word_offset", 0)
    suggestion = None
    if claim.text[start:start + len("humanitarian")].lower() == "humanitarian":
        suggestion = claim.text[:start] + "non-humanitarian" + claim.text[start + 12:]
    elif restricts == "all" and claim.text[start:start + 4].lower() in ("all ", "any "):
        suggestion = claim.text[:start] + "non-humanitarian, non-trade-related " + claim.text[start + 4:]
    said = {"all": "all assistance, humanitarian included,", "trade": "trade"}.get(restricts,
                                                                               "humanitarian assistance")
    return Outcome(claim, CONTRADICTED, {"text": claim.text},
                   [f"\"{claim.text}\" ⇒ Tier 3 puts {said} at risk",
                    "facts: the TVPA lets the President withhold non-humanitarian, "
                    "non-trade-related assistance (22 U.S.C. 7107(d)(1)); humanitarian aid is "
                    "exempt"],
                   _statement_related(env, "consequences", "withhold_assistance"),
                   suggestion, suggestion is not None)


def tier_count(claim: Claim, env: Env) -> Outcome | None:
    """ "20 countries received a Tier 3 rating": that year's count on that tier."""
    tier, count = claim.field("tier"), claim.field("count")
    if claim.kind != "tier_count" or not tier or count is None or not env.facts.has_placements:
        return None
    if claim.negated or claim.field("subset"):
        return None  # movers or a region's share: part of a tier, not its total

    def test(year: int) -> YearResult:
        fact = fact_count(env, year, tier)
        values = {"count": count, "tier": tier_name(tier), "report_year": year}
        if fact is None:
            return YearResult(year, None, (f"no published {year} count for {tier_name(tier)}",),
                              values=values)
        actual = int(fact.value)
        tolerance = max(2, round(actual * 0.1)) if claim.field("approximate") else 0
        values["actual"] = actual
        stated = claim.field("stated", count)
        how = "counted in our complete list" if fact.note else "published"
        steps = [f"facts: {actual} countries on {tier_name(tier)} in the {year} report ({how})"]
        holds = abs(actual - count) <= tolerance
        watch = fact_count(env, year, "2WL") if tier == "2" else None
        if not holds and watch is not None and abs(actual + int(watch.value) - count) <= tolerance:
            # The statute counts the Watch List inside Tier 2 (22 U.S.C. 7107(b)(2)).
            holds = True
            steps.append(f"with the {int(watch.value)} on the Tier 2 Watch List, Tier 2 holds "
                         f"{actual + int(watch.value)}")
        # only a failing result's suggestion is ever shown (over_years)
        suggestion = None if holds else _recount(claim, stated, stated + actual - count)
        return YearResult(year, holds, tuple(steps),
                          (fact_related(f"{year}: {actual} on {tier_name(tier)}", fact),),
                          values, suggestion)

    others = " (the one named plus the others)" if claim.field("others") else ""
    outcome = over_years(claim, test, f"\"{claim.text}\" ⇒ {count} countries on {tier_name(tier)}"
                                      f"{others}")
    if outcome is not None and outcome.verdict == CONTRADICTED:
        _reassessed(claim, env, outcome)
    return outcome


def _reassessed(claim: Claim, env: Env, outcome: Outcome) -> None:
    """A figure that matches a later reassessment of the same year is a note, not an error.

    A September presidential determination (PD 2003-35 moved 10 of the 15 Tier 3 countries of the
    June 2003 list to Tier 2) or an interim assessment changes a year's count after the release.
    """
    tier, count = claim.field("tier"), claim.field("count")
    for year in claim.years:
        fact = fact_count(env, year, tier)
        if fact is None:
            continue
        moved = _reassessments(env, year, tier)
        if not moved:
            continue
        later = int(fact.value) - sum(len(c.countries) for c in moved)
        if later == count:
            outcome.severity = "note"
            outcome.derivation.append(
                f"a later reassessment of the {year} report left {later} on {tier_name(tier)} "
                f"({moved[0].rejected}): a different figure for the same year, not an error")
            return


_REASSESSED_RE = re.compile(r"determination|interim|reassess", re.IGNORECASE)


def _reassessments(env: Env, year: int, tier: str) -> list[Conflict]:
    """The recorded later reassessments of a year's list on `tier` (memoized per fact base)."""
    key = ("reassessments", year, tier)
    if key not in env.memo:
        env.memo[key] = [c for c in env.facts.conflicts(year=year)
                         if _REASSESSED_RE.search(c.rejected or "")
                         and (c.chosen or "").split(" ")[0].strip('"') == tier]
    return env.memo[key]


_WORD_RE = re.compile(r"[\w,-]+")


def _recount(claim: Claim, stated: int, corrected: int) -> str | None:
    for match in _WORD_RE.finditer(claim.text):
        if parse_cardinal(match.group(0)) == stated:
            return claim.text[:match.start()] + restyle_cardinal(match.group(0), corrected) + \
                claim.text[match.end():]
    return None


def countries_covered(claim: Claim, env: Env) -> Outcome | None:
    """ "Examines conditions in 89 countries": how many the report covers (or ranks)."""
    count = claim.field("countries_covered")
    if claim.kind != "other" or count is None:
        return None

    def test(year: int) -> YearResult:
        report = env.facts.report(year)
        known = [f for f in (report.countries_covered, report.countries_ranked) if f] \
            if report else []
        if not known:
            return YearResult(year, None, (f"the number of countries in the {year} report is not "
                                           f"known",), values={"count": count})
        values = [int(f.value) for f in known]
        tolerance = 3 if claim.field("approximate") else 0
        return YearResult(
            year, any(abs(v - count) <= tolerance for v in values),
            (f"facts: the {year} report covers {' / '.join(map(str, values))} countries "
             "(covered / ranked)",),
            tuple(fact_related(f"{year}: {f.value} countries", f) for f in known),
            {"count": count, "actual": " or ".join(map(str, values)), "report_year": year})

    return over_years(claim, test, f"\"{claim.text}\" ⇒ {count} countries in the report")


def sanctions_start(claim: Claim, env: Env) -> Outcome | None:
    """Tier 3 measures (TVPA §110(d)) first applied with the 2003 report (PD 2003-35)."""
    fact = env.facts.consequences.get("sanctions_first_report")
    if claim.kind != "tier3_consequence" or not claim.field("sanctions_start") or fact is None \
            or fact.value is None:
        return None
    first = int(fact.value)

    def test(year: int) -> YearResult:
        # "for the first time ... could lose aid": that very report; "penalties will hit": any since
        return YearResult(year, year == first if claim.field("first") else year >= first,
                          (f"facts: {fact.text}",),
                          tuple(_statement_related(env, "consequences", "sanctions_first_report")),
                          {"first": first, "claimed": year})

    return over_years(claim, test, f"\"{claim.text}\" ⇒ sanctions apply to the list of that report")
