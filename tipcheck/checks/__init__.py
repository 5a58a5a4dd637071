"""The closed registry of check kinds a rule may name (`check:` in rules/*.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tipcheck.checks import calendar, corpus, placements, statements, streaks
from tipcheck.checks.base import CONSISTENT, CONTRADICTED, UNVERIFIABLE, Env, Outcome

__all__ = ["CHECKS", "CONSISTENT", "CONTRADICTED", "UNVERIFIABLE", "CheckKind", "Env", "Outcome"]


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
                          "actual", "actual_start", "actual_length", "claimed_start"),
    "streak_span": _kind(streaks.streak_span, "claim", "country", "tier", "since", "until", "year",
                         "actual"),
    "tier_times": _kind(streaks.tier_times, "claim", "country", "tier", "times", "first",
                        "report_year", "length"),
    "first_listed": _kind(streaks.first_listed, "claim", "country", "tier", "since", "actual"),
    "tier_named": _kind(placements.tier_named, "claim", "side", "text", "facts"),
    "placement_facts": _kind(placements.placement_facts, "claim", "country", "tier", "actual",
                             "report_year"),
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
