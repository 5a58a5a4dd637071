"""What a check sees and returns: the environment, per-year results and the outcome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tipcheck.facts import Fact, FactBase
from tipcheck.model import Claim, Related
from tipcheck.wording import year_label

CONTRADICTED, CONSISTENT, UNVERIFIABLE = "contradicted", "consistent", "unverifiable"


@dataclass(frozen=True)
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


@dataclass
class Env:
    """What checks may consult: the fact base."""

    facts: FactBase


def fact_related(message: str, fact: Fact | None) -> Related:
    """A Related entry citing a fact and its first source."""
    if fact is None or not fact.sources:
        return Related(message=message)
    url = next((s.url for s in fact.sources if s.url), None)
    return Related(message=message, source="+".join(s.key for s in fact.sources), url=url)


def claim_related(message: str, claim: Claim) -> Related:
    """A Related entry pointing at another claim's place."""
    return Related(message=message, path=claim.span.path, line=claim.span.line,
                   column=claim.span.column)


_SHOWN_YEARS = 4


def over_years(claim: Claim, test: Callable[[int], YearResult], lead: str) -> Outcome | None:
    """Run `test` for each candidate year: contradicted only when no year makes the claim hold."""
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
