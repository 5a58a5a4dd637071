"""What a check sees and returns: the environment, per-year results and the outcome."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tipcheck.facts import Fact, FactBase
from tipcheck.model import Claim, Related
from tipcheck.wording import year_label

CONTRADICTED, CONSISTENT, UNVERIFIABLE = "contradicted", "consistent", "unverifiable"


@dataclass(slots=True)  # made once per claim and year: slots make it cheap to build
class YearResult:
    """Whether a claim holds in one candidate report year (None: the facts can't tell)."""

    year: int
    holds: bool | None
    steps: tuple[str, ...] = ()
    related: tuple[Related, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None


@dataclass
class Outcome:
    """A check's verdict on one claim, ready to become a finding."""

    claim: Claim
    verdict: str
    values: dict[str, Any] = field(default_factory=dict)
    derivation: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    suggestion: str | None = None
    suggestion_safe: bool = False
    holds_for: tuple[int, ...] = ()  # years it holds in, when only part of the range works
    severity: str | None = None  # a check may lower the rule's severity (contested wording)


# Derived lookups (a country's placement in a year, said in words) depend on the fact base only, which
# never changes once loaded: each fact base keeps one memo, shared by every Env made over it.
_MEMOS: weakref.WeakKeyDictionary[FactBase, dict[tuple[Any, ...], Any]] = weakref.WeakKeyDictionary()


@dataclass
class Env:
    """What checks may consult: the fact base (and a memo of lookups derived from it)."""

    facts: FactBase
    memo: dict[tuple[Any, ...], Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.memo = _MEMOS.setdefault(self.facts, {})


def fact_related(message: str, fact: Fact | None) -> Related:
    """A Related entry citing a fact and its first source."""
    if fact is None or not fact.sources:
        return Related(message=message)
    if len(fact.sources) == 1:  # the common case, without the generators below
        only = fact.sources[0]
        return Related(message=message, source=only.key, url=only.url or None)
    url = next((s.url for s in fact.sources if s.url), None)
    return Related(message=message, source="+".join(s.key for s in fact.sources), url=url)


def fact_count(env: Env, year: int, tier: str) -> Fact | None:
    """`FactBase.count`, memoized per fact base (it builds a new Fact for a list we count ourselves)."""
    key = ("count", year, tier)
    if key not in env.memo:
        env.memo[key] = env.facts.count(year, tier)
    return env.memo[key]


def claim_related(message: str, claim: Claim) -> Related:
    """A Related entry pointing at another claim's place."""
    return Related(message=message, path=claim.span.path, line=claim.span.line,
                   column=claim.span.column)


_SHOWN_YEARS = 4


def over_years(claim: Claim, test: Callable[[int], YearResult], lead: str) -> Outcome | None:
    """Run `test` for each candidate year: contradicted only when no year makes the claim hold."""
    if len(claim.years) == 1:
        single = _over_one_year(claim, test(claim.years[0]), lead)
        if single is not None:
            return single
    results = [test(y) for y in claim.years]
    if not results:
        return None
    holds = tuple(r.year for r in results if r.holds is True)
    fails = [r for r in results if r.holds is False]
    derivation = [lead]
    if len(claim.years) > 1:
        derivation.append(f"the document may speak of the {year_label(claim.years)} reports")
    if holds:
        chosen = next(r for r in results if r.holds is True)
        outcome = Outcome(claim, CONSISTENT, dict(chosen.values), derivation + list(chosen.steps),
                          list(chosen.related))
        if fails and len(claim.years) > 1:
            outcome.holds_for = holds
        return outcome
    if any(r.holds is None for r in results) or not fails:
        unknown = next(r for r in results if r.holds is None)
        return Outcome(claim, UNVERIFIABLE, dict(unknown.values), derivation + list(unknown.steps),
                       list(unknown.related))
    steps: list[str] = list(derivation)
    related: list[Related] = []
    # A long range fails the same way year after year: show the first and last years, count the rest.
    shown = fails if len(fails) <= _SHOWN_YEARS else [*fails[:2], fails[-1]]
    for result in shown:
        if result is fails[-1] and len(shown) < len(fails):
            steps.append(f"… likewise for the {len(fails) - len(shown)} reports between")
        steps.extend(result.steps)
    for result in fails:
        related.extend(r for r in result.related if r not in related)
    first = fails[0]
    values = dict(first.values)
    values.setdefault("report_year", year_label(claim.years))
    suggestion = first.suggestion if len(fails) == 1 else None
    return Outcome(claim, CONTRADICTED, values, steps, related, suggestion, suggestion is not None)


def _over_one_year(claim: Claim, result: YearResult, lead: str) -> Outcome | None:
    """`over_years` for a claim with one candidate year (most claims), without its lists; None: the
    result is not a plain True/False/None, so the general path decides (and raises as it would)."""
    holds = result.holds
    if holds is True:
        return Outcome(claim, CONSISTENT, dict(result.values), [lead, *result.steps], list(result.related))
    if holds is None:
        return Outcome(claim, UNVERIFIABLE, dict(result.values), [lead, *result.steps],
                       list(result.related))
    if holds is not False:
        return None
    related: list[Related] = []
    for entry in result.related:
        if entry not in related:
            related.append(entry)
    values = dict(result.values)
    values.setdefault("report_year", str(claim.years[0]))  # year_label of one year
    suggestion = result.suggestion
    return Outcome(claim, CONTRADICTED, values, [lead, *result.steps], related, suggestion,
                   suggestion is not None)
