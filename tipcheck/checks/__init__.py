"""The closed registry of check kinds a rule may name (`check:` in rules/*.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tipcheck.checks import calendar, corpus, placements, statements, streaks
from tipcheck.checks.base import CONSISTENT, CONTRADICTED, UNVERIFIABLE, Env, Outcome

__all__ = ["CHECKS", "CLAIM_KINDS", "CONSISTENT", "CONTRADICTED", "UNVERIFIABLE", "CheckKind", "Env",
           "Outcome", "claim_kinds"]


@dataclass(frozen=True)
class CheckKind:
    """One kind of check: a function over one claim (scope 'claim') or all claims ('corpus')."""

    function: Callable[..., Any]
    scope: str
    placeholders: frozenset[str]


def _kind(function: Callable[..., Any], scope: str, *names: str) -> CheckKind:
    return CheckKind(function, scope, frozenset(names))


CHECKS: dict[str, CheckKind] = {
    "streak_arithmetic": _kind(streaks.streak_arithmetic, "claim", "length", "since",
                               "report_year", "expected", "actual"),
    "streak_facts": _kind(streaks.streak_facts, "claim", "country", "tier", "report_year",
                          "actual", "actual_start", "actual_length", "claimed_start", "run", "since_note"),
    "streak_span": _kind(streaks.streak_span, "claim", "country", "tier", "since", "until", "year",
                         "actual"),
    "tier_times": _kind(streaks.tier_times, "claim", "country", "tier", "times", "first",
                        "report_year", "length"),
    "first_listed": _kind(streaks.first_listed, "claim", "country", "tier", "since", "actual"),
    "tier_named": _kind(placements.tier_named, "claim", "side", "text", "facts"),
    "placement_facts": _kind(placements.placement_facts, "claim", "country", "tier", "actual",
                             "report_year", "placed", "claimed"),
    "move_facts": _kind(placements.move_facts, "claim", "country", "report_year", "before",
                        "after", "claimed"),
    "tier_count": _kind(statements.tier_count, "claim", "count", "tier", "report_year", "actual"),
    "countries_covered": _kind(statements.countries_covered, "claim", "count", "actual",
                               "report_year"),
    "tier_system_count": _kind(statements.tier_system_count, "claim", "n", "report_year",
                               "actual"),
    "three_tiers_contested": _kind(statements.three_tiers_contested, "claim", "report_year"),
    "tier_meaning": _kind(statements.tier_meaning, "claim", "measure"),
    "tier3_assistance": _kind(statements.tier3_assistance, "claim", "text"),
    "sanctions_start": _kind(statements.sanctions_start, "claim", "first", "claimed"),
    "weekday_calendar": _kind(calendar.weekday_calendar, "claim", "date", "weekday", "actual"),
    "release_weekday": _kind(calendar.release_weekday, "claim", "weekday", "actual", "date",
                             "report_year"),
    "release_date": _kind(calendar.release_date, "claim", "claimed", "actual", "report_year"),
    "report_ordinal": _kind(calendar.report_ordinal, "claim", "ordinal", "actual",
                            "report_year"),
    "official_term": _kind(calendar.official_term, "claim", "name", "role", "actual",
                           "report_year"),
    "streak_agreement": _kind(corpus.streak_agreement, "corpus", "country", "tier", "start",
                              "other_start", "other"),
    "placement_agreement": _kind(corpus.placement_agreement, "corpus", "country", "report_year",
                                 "tier", "other_tier", "other"),
    "count_agreement": _kind(corpus.count_agreement, "corpus", "count", "other_count", "tier",
                             "report_year", "other"),
    "estimate_agreement": _kind(corpus.estimate_agreement, "corpus", "metric", "value",
                                "other_value", "other", "years", "other_years"),
}

# The claim kinds each one-claim check can judge (each returns None for any other kind before it does
# any work): the engine hands a check only these claims. A check missing here sees every claim.
CLAIM_KINDS: dict[str, frozenset[str]] = {
    "streak_arithmetic": frozenset({"streak"}),
    "streak_facts": frozenset({"streak", "streak_start"}),
    "streak_span": frozenset({"streak"}),
    "tier_times": frozenset({"streak"}),
    "first_listed": frozenset({"streak_start"}),
    "tier_named": frozenset({"move"}),
    "placement_facts": frozenset({"placement"}),
    "move_facts": frozenset({"move"}),
    "tier_count": frozenset({"tier_count"}),
    "countries_covered": frozenset({"other"}),
    "tier_system_count": frozenset({"tier_system"}),
    "three_tiers_contested": frozenset({"tier_system"}),
    "tier_meaning": frozenset({"tier_system"}),
    "tier3_assistance": frozenset({"tier3_consequence"}),
    "sanctions_start": frozenset({"tier3_consequence"}),
    "weekday_calendar": frozenset({"weekday"}),
    "release_weekday": frozenset({"weekday"}),
    "release_date": frozenset({"weekday"}),
    "report_ordinal": frozenset({"report_year"}),
    "official_term": frozenset({"official"}),
}


def claim_kinds(check: str) -> frozenset[str] | None:
    """The claim kinds a one-claim check judges, or None when it may judge any."""
    return CLAIM_KINDS.get(check)
