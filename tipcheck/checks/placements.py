"""Placement and move checks: tiers named must exist, and agree with the facts."""

from __future__ import annotations

from tipcheck.checks.base import (
    CONTRADICTED,
    Env,
    Outcome,
    YearResult,
    fact_related,
    over_years,
)
from tipcheck.facts import tier_rank
from tipcheck.model import Claim, Related
from tipcheck.wording import placed_phrase, tier_name, year_label


def _where(env: Env, country: str, year: int) -> tuple[str | None, str]:
    """A country's tier in a year and how to say it ('Tier 3', 'not in the report', 'unknown')."""
    key = ("where", country, year)
    found = env.memo.get(key)
    if found is None:
        fact = env.facts.tier(country, year)
        if fact is not None:
            found = (fact.value, tier_name(fact.value))
        else:
            status = env.facts.status(country, year)
            found = (None, "not in the report" if status == "not_in_report" else "unknown")
        env.memo[key] = found
    return found


def _placement(env: Env, country: str, year: int) -> tuple[str | None, str, str, str, Related]:
    """`_where`, its "placed" phrase, the fact step and the Related citing it (memoized per fact base)."""
    key = ("placement", country, year)
    found = env.memo.get(key)
    if found is None:
        actual, said = _where(env, country, year)
        fact = env.facts.tier(country, year)
        placed = placed_phrase(said)
        found = (actual, said, placed, f"facts: {country} was {placed} in the {year} report",
                 fact_related(f"{country} in {year}: {said}", fact or env.facts.not_in_report(country, year)))
        env.memo[key] = found
    return found


def _same_tier(claimed: str, actual: str) -> bool:
    return claimed == actual


def placement_facts(claim: Claim, env: Env) -> Outcome | None:
    """A placement ("North Korea (Tier 3)") must match that year's placement."""
    country, tier = claim.field("country"), claim.field("tier")
    if claim.kind != "placement" or not country or not tier or not env.facts.has_placements:
        return None

    if claim.field("never"):
        return _never(claim, env, country, tier)

    def test(year: int) -> YearResult:
        actual, said, placed, step, cited = _placement(env, country, year)
        values = {"country": country, "tier": tier_name(tier), "actual": said, "report_year": year,
                  "placed": placed, "claimed": "though the claim says it was not" if claim.negated
                  else f"not on {tier_name(tier)}"}
        if actual is None and said == "unknown":
            return YearResult(year, None, (f"the facts hold no placement of {country} in {year}",),
                              values=values)
        holds = actual is not None and _same_tier(tier, actual)
        if claim.negated:
            holds = not holds
        steps = [step]
        related = [cited]
        if holds and claim.field("remained") and not claim.negated:
            before, said_before = _where(env, country, year - 1)
            if before is None and said_before == "unknown":
                return YearResult(year, None, (f"no placement of {country} in {year - 1}",),
                                  values=values)
            holds = before == tier
            steps.append(f"\"remained\" ⇒ also {tier_name(tier)} in {year - 1}: facts say "
                         f"{said_before}")
            related.append(fact_related(f"{country} in {year - 1}: {said_before}",
                                        env.facts.tier(country, year - 1)))
            if not holds:  # the year before is what the claim gets wrong: say so, not "on X, not on X"
                values = {**values, "report_year": year - 1, "actual": said_before,
                          "placed": placed_phrase(said_before)}
        return YearResult(year, holds, tuple(steps), tuple(related), values)

    verb = "not on" if claim.negated else "on"
    return over_years(claim, test, f"\"{claim.text}\" ⇒ {country} {verb} {tier_name(tier)}")


def _never(claim: Claim, env: Env, country: str, tier: str) -> Outcome | None:
    """ "has never been placed on Tier 1" (up to the report), "had never before been" (before it)."""
    before = bool(claim.field("before"))

    def test(year: int) -> YearResult:
        last = year - 1 if before else year
        values = {"country": country, "tier": tier_name(tier), "report_year": year,
                  "actual": tier_name(tier), "placed": f"on {tier_name(tier)}",
                  "claimed": "though the claim says it never was" + (" before" if before else "")}
        known = False
        for y in range(env.facts.years.start, last + 1):
            fact = env.facts.tier(country, y)
            known = known or fact is not None
            if fact is not None and fact.value == tier:
                values["report_year"] = y
                return YearResult(year, False, (f"facts: {country} was on {tier_name(tier)} in {y}",),
                                  (fact_related(f"{country} in {y}: {tier_name(tier)}", fact),), values)
        steps = (f"facts: {country} on {tier_name(tier)} in no report up to {last}",)
        return YearResult(year, True if known else None, steps, values=values)

    when = "before" if before else "up to"
    return over_years(claim, test, f"\"{claim.text}\" ⇒ {country} on {tier_name(tier)} in no report "
                                   f"{when} the document's")


def tier_named(claim: Claim, env: Env) -> Outcome | None:
    """A move names a tier on both sides: "from Tier to Tier 2" names none after "from"."""
    if claim.kind != "move":
        return None
    missing = [side for side in ("from", "to")
               if claim.field(f"{side}_text") and claim.field(f"{side}_tier") is None]
    if not missing:
        return None
    side = missing[0]
    country = claim.field("country")
    steps = [f"\"{claim.text}\": \"{claim.field(side + '_text')}\" after \"{side}\" names no tier"]
    related = []
    suggestion = None
    values = {"side": side, "text": claim.field(f"{side}_text"), "facts": ""}
    if country and env.facts.has_placements and len(claim.years) == 1:
        year = claim.years[0]
        before, said_before = _where(env, country, year - 1)
        after, said_after = _where(env, country, year)
        if before and after:
            steps.append(f"facts: {country} went from {said_before} ({year - 1}) to {said_after} "
                         f"({year})")
            related += [fact_related(f"{country} in {year - 1}: {said_before}",
                                     env.facts.tier(country, year - 1)),
                        fact_related(f"{country} in {year}: {said_after}",
                                     env.facts.tier(country, year))]
            values["facts"] = f"; the facts say {said_before} to {said_after}"
            old = f"from {claim.field('from_text') or ''} to {claim.field('to_text') or ''}"
            if old in claim.text:
                suggestion = claim.text.replace(old, f"from {said_before} to {said_after}")
    return Outcome(claim, CONTRADICTED, values, steps, related, suggestion, False)


def move_facts(claim: Claim, env: Env) -> Outcome | None:
    """A move ("downgraded to Tier 2 in 2022") must match the placements before and after."""
    if claim.kind != "move" or not env.facts.has_placements or claim.negated:
        return None
    country = claim.field("country")
    if not country or any(claim.field(f"{s}_text") and claim.field(f"{s}_tier") is None
                          for s in ("from", "to")):
        return None
    source, target, direction = claim.field("from_tier"), claim.field("to_tier"), \
        claim.field("direction")

    def test(year: int) -> YearResult:
        before, said_before = _where(env, country, year - 1)
        after, said_after = _where(env, country, year)
        values = {"country": country, "report_year": year, "before": said_before,
                  "after": said_after, "claimed": _claimed(source, target, direction)}
        steps = (f"facts: {country} was on {said_before} in {year - 1} and {said_after} in {year}",)
        related = (fact_related(f"{country} in {year - 1}: {said_before}",
                                env.facts.tier(country, year - 1)),
                   fact_related(f"{country} in {year}: {said_after}", env.facts.tier(country, year)))
        checks: list[bool | None] = []
        if target:
            checks.append(None if after is None and said_after == "unknown" else after == target)
        if source:
            checks.append(None if before is None and said_before == "unknown" else before == source)
        if source and not target and after is not None:
            checks.append(after != source)  # "lost it in 2023": off that tier, whatever the direction
        if direction:
            checks.append(_direction_holds(before, after, direction))
        if False in checks:
            return YearResult(year, False, steps, related, values)
        return YearResult(year, None if None in checks else True, steps, related, values)

    lead = f"\"{claim.text}\" ⇒ {country} {_claimed(source, target, direction)}"
    if claim.year_explicit and len(claim.years) == 1:
        lead += f" in the {year_label(claim.years)} report"
    return over_years(claim, test, lead)


def _claimed(source: str | None, target: str | None, direction: str | None) -> str:
    words = {"up": "moved up", "down": "moved down", None: "moved"}[direction]
    if source:
        words += f" from {tier_name(source)}"
    if target:
        words += f" to {tier_name(target)}"
    return words


def _direction_holds(before: str | None, after: str | None, direction: str) -> bool | None:
    if before is None or after is None or "special" in (before, after):
        return None
    change = tier_rank(after) - tier_rank(before)
    return change < 0 if direction == "up" else change > 0
