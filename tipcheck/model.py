"""The records that flow through tipcheck: claims read from text, assertions they imply, findings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

SEVERITIES = ("error", "warning", "note")


def frozen_fields(values: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only copy of a claim's normalized fields."""
    return MappingProxyType(dict(values))


@dataclass(frozen=True)
class Span:
    """A located piece of a document: character offsets plus 1-based line/column (end exclusive)."""

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Claim:
    """A checkable statement read from one sentence, with its normalized fields."""

    kind: str  # placement | streak | streak_start | tier_count | move | report_year | weekday | ...
    fields: Mapping[str, Any]
    text: str  # the claim's own words, as in the document
    span: Span
    sentence: str  # the whole sentence it was read from
    reading: str  # which reader produced it (for `explain`)
    # Years the claim speaks of: its own year when the sentence gives one, else the document's range.
    years: tuple[int, ...] = ()
    year_explicit: bool = False
    negated: bool = False
    attributed: bool = False  # reported speech of a third party (a critic, a quote)

    def field(self, name: str, default: Any = None) -> Any:
        """One normalized field, or `default`."""
        return self.fields.get(name, default)


@dataclass(frozen=True)
class Related:
    """Another place a finding points to: a claim elsewhere, or a fact with its source."""

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    source: str | None = None  # fact source key
    url: str | None = None  # fact source URL


@dataclass(frozen=True)
class Finding:
    """One contradiction (or note) at a place in a document; every output format renders these."""

    rule: str  # "TIP101 streak-arithmetic"
    severity: str  # error | warning | note
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    quote: str
    message: str
    derivation: tuple[str, ...] = ()
    related: tuple[Related, ...] = ()
    suggestion: str | None = None
    suggestion_safe: bool = False

    def sort_key(self) -> tuple[str, int, int, str]:
        """Findings sort by place, then rule."""
        return (self.path, self.line, self.column, self.rule)


@dataclass
class Summary:
    """Counts for the end of a run."""

    documents: int = 0
    sentences: int = 0
    claims: int = 0
    unread: int = 0  # sentences that look like TIP claims but produced none
    skipped: list[str] = field(default_factory=list)  # inputs that could not be read
    findings: dict[str, int] = field(default_factory=lambda: {s: 0 for s in SEVERITIES})
