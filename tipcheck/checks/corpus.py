"""Checks across sentences and documents: claims about the same thing must agree.

Assertions are grouped by key (country and tier, country and year, year and tier), so the work
stays near-linear in the number of claims: only claims sharing a key are compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from tipcheck.checks.base import CONTRADICTED, Env, Outcome, claim_related, fact_count
from tipcheck.model import Claim
from tipcheck.wording import tier_name, year_label


def _where(claim: Claim) -> str:
    return f"{claim.span.path}:{claim.span.line}"


def _authority(claim: Claim) -> tuple[int, int]:
    """How firmly a claim is anchored: explicit start year, explicit report year."""
    return (int(claim.field("since") is not None), int(claim.year_explicit))


def _intervals(claim: Claim) -> set[tuple[int, int]]:
    """The runs of reports a streak or streak start may describe, one per candidate year."""
    if claim.kind == "streak" and claim.field("since") is not None and claim.field("until") is not None:
        return {(claim.field("since"), claim.field("until"))}  # "from 2008 to 2014": the span it names
    if claim.kind == "streak":
        # the run's last report: the claim's ("for the fifth year"), the one before ("after nine
        # consecutive years on Tier 3" in the report that moved it up), or either
        back = {"before": (1,), "either": (0, 1)}.get(claim.field("ends", "report"), (0,))
        return {(y - b - claim.field("length") + 1, y - b) for y in claim.years for b in back}
    return {(claim.field("since"), y) for y in claim.years if y >= claim.field("since")}


def _clash(a: set[tuple[int, int]], b: set[tuple[int, int]]) -> bool:
    """Every reading of one run overlaps every reading of the other with a different start."""
    return bool(a and b) and all(
        x[0] != y[0] and x[0] <= y[1] and y[0] <= x[1] for x in a for y in b)


def streak_agreement(claims: Iterable[Claim], env: Env) -> list[Outcome]:
    """Two streaks of one country on one tier that overlap must start in the same year."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind in ("streak", "streak_start") and claim.field("country") \
                and claim.field("tier") and not claim.negated \
                and (claim.kind == "streak_start" or claim.field("consecutive")):
            groups[(claim.field("country"), claim.field("tier"))].append(claim)
    outcomes = []
    for (country, tier), members in sorted(groups.items()):
        spans = {id(c): _intervals(c) for c in members}
        authority = {id(c): _authority(c) for c in members}
        # Claims with the same runs and authority meet the same rivals: compare one of each kind
        # (the first), so a thousand copies of one streak cost a thousand steps, not a million.
        kinds: dict[tuple[frozenset[tuple[int, int]], tuple[int, int]], Claim] = {}
        for claim in members:
            kinds.setdefault((frozenset(spans[id(claim)]), authority[id(claim)]), claim)
        firsts = list(kinds.values())  # in the order of the members, as before
        top = max(authority.values())
        for claim in members:
            mine_authority = authority[id(claim)]
            if mine_authority == top:
                continue  # no claim is more firmly anchored: no rival
            # (the cheap test first: the same rivals as testing the clash first)
            rivals = [o for o in firsts if authority[id(o)] > mine_authority and o is not claim
                      and _clash(spans[id(claim)], spans[id(o)])]
            if not rivals:
                continue
            rival = max(rivals, key=_authority)
            mine = sorted({s for s, _ in spans[id(claim)]})
            theirs = sorted({s for s, _ in spans[id(rival)]})
            outcomes.append(Outcome(
                claim, CONTRADICTED,
                {"country": country, "tier": tier_name(tier), "start": year_label(mine),
                 "other_start": year_label(theirs), "other": f"\"{rival.text}\" ({_where(rival)})"},
                [f"\"{claim.text}\" in the {year_label(claim.years)} report ⇒ {country} on "
                 f"{tier_name(tier)} since {year_label(mine)}",
                 f"\"{rival.text}\" ({_where(rival)}) in the {year_label(rival.years)} report ⇒ "
                 f"since {year_label(theirs)}",
                 "the two runs overlap, so they must start in the same year"],
                [claim_related(f"\"{rival.text}\": since {year_label(theirs)}", rival)]))
    return outcomes


def _placed_years(claim: Claim) -> tuple[int, ...]:
    """The reports a claim puts its country on its tier in: a placement's one year, every report of a
    consecutive run that can only be read one way ("for the fifth consecutive year" in 2014: 2010–2014)."""
    if claim.negated or not claim.field("country") or claim.field("tier") in (None, "special") \
            or len(claim.years) != 1:
        return ()
    if claim.kind == "placement":
        return claim.years
    if claim.kind == "streak" and claim.field("consecutive"):
        runs = _intervals(claim)
        if len(runs) == 1:
            (start, end), = runs
            return tuple(range(start, end + 1))
    return ()


def placement_agreement(claims: Iterable[Claim], env: Env) -> list[Outcome]:
    """Two documents placing one country in one year's report on different tiers (a placement, or a
    year of a run that a streak claims)."""
    groups: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        for year in _placed_years(claim):
            groups[(claim.field("country"), year)].append(claim)
    outcomes = []
    for (country, year), members in sorted(groups.items()):
        first = members[0]
        first_tier = first.field("tier")
        for claim in members[1:]:
            tier = claim.field("tier")
            if tier == first_tier or {tier, first_tier} == {"2", "2WL"} or \
                    (claim.kind == first.kind == "streak"):  # two runs: streak_agreement's to judge
                continue
            outcomes.append(Outcome(
                claim, CONTRADICTED,
                {"country": country, "report_year": year, "tier": tier_name(claim.field("tier")),
                 "other_tier": tier_name(first.field("tier")),
                 "other": f"\"{first.text}\" ({_where(first)})"},
                [f"\"{claim.text}\" ⇒ {country} on {tier_name(claim.field('tier'))} in {year}",
                 f"\"{first.text}\" ({_where(first)}) ⇒ {tier_name(first.field('tier'))}"
                 + (f" in {year} (a year of its run)" if first.kind == "streak" else "")],
                [claim_related(f"\"{first.text}\"", first)]))
    return outcomes


def count_agreement(claims: Iterable[Claim], env: Env) -> list[Outcome]:
    """Two exact counts of one tier in one year's report must agree."""
    groups: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "tier_count" and len(claim.years) == 1 and not claim.field("approximate") \
                and not claim.negated and not claim.field("subset") and claim.field("tier") \
                and fact_count(env, claim.years[0], claim.field("tier")) is None:
            # Where the facts hold the count, the tier-count check judges each claim against them.
            groups[(claim.years[0], claim.field("tier"))].append(claim)
    outcomes = []
    for (year, tier), members in sorted(groups.items()):
        first = members[0]
        for claim in members[1:]:
            if claim.field("count") == first.field("count"):
                continue
            outcomes.append(Outcome(
                claim, CONTRADICTED,
                {"count": claim.field("count"), "other_count": first.field("count"),
                 "tier": tier_name(tier), "report_year": year,
                 "other": f"\"{first.text}\" ({_where(first)})"},
                [f"\"{claim.text}\" ⇒ {claim.field('count')} on {tier_name(tier)} in {year}",
                 f"\"{first.text}\" ({_where(first)}) ⇒ {first.field('count')}"],
                [claim_related(f"\"{first.text}\"", first)]))
    return outcomes


def estimate_agreement(claims: Iterable[Claim], env: Env) -> list[Outcome]:
    """Different estimates of one quantity across documents: worth a note, not an error."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "estimate":
            groups[claim.field("metric")].append(claim)
    outcomes = []
    for metric, members in sorted(groups.items()):
        place = {id(c): i for i, c in enumerate(members)}
        candidates = _earliest_others(members)
        for claim in members[1:]:
            other = next((o for o in candidates if o.span.path != claim.span.path
                          and _range(o) != _range(claim)), None)
            if other is None or place[id(other)] > place[id(claim)]:
                continue
            outcomes.append(Outcome(
                claim, CONTRADICTED,
                {"metric": metric, "value": _amount(claim), "other_value": _amount(other),
                 "other": f"\"{other.text}\" ({_where(other)})",
                 "years": year_label(claim.years), "other_years": year_label(other.years)},
                [f"\"{claim.text}\" ⇒ {_amount(claim)} {metric} "
                 f"(document of {year_label(claim.years)})",
                 f"\"{other.text}\" ({_where(other)}) ⇒ {_amount(other)} "
                 f"(document of {year_label(other.years)})",
                 "estimates differ between sources and years; neither is a tier fact"],
                [claim_related(f"\"{other.text}\"", other)]))
    return outcomes


def _range(claim: Claim) -> tuple[object, object]:
    return claim.field("low"), claim.field("high")


def _earliest_others(members: list[Claim]) -> list[Claim]:
    """Up to five members, in order, among which the first of another document and another value
    than any claim's is always found (the first member; the first of another document or value
    than it; the first differing in both from those): a linear pass instead of one per claim."""
    first = members[0]

    def after(test: Callable[[Claim], bool]) -> Claim | None:
        return next((o for o in members if test(o)), None)

    picked = [first]
    other_doc = after(lambda o: o.span.path != first.span.path)
    if other_doc is not None:
        picked += [other_doc, *filter(None, [after(lambda o: o.span.path != first.span.path
                                                   and _range(o) != _range(other_doc))])]
    other_value = after(lambda o: _range(o) != _range(first))
    if other_value is not None:
        picked += [other_value, *filter(None, [after(lambda o: _range(o) != _range(first)
                                                     and o.span.path != other_value.span.path)])]
    unique = {id(c): c for c in picked}
    return sorted(unique.values(), key=members.index)


def _amount(claim: Claim) -> str:
    low, high = claim.field("low"), claim.field("high")
    return f"{low:,}" if low == high else f"{low:,}–{high:,}"
