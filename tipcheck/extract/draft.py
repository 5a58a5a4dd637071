"""A claim as a reader first sees it, before the document places it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Draft:
    """A claim read from one sentence; offsets are relative to that sentence."""

    kind: str
    fields: dict[str, Any]
    start: int
    end: int
    reading: str
    year_explicit: bool = False
    year_offset: int = 0  # -1 for "last year's list": relative to the document's report year
    negated: bool = False
    attributed: bool = False
    consumed: set[int] = field(default_factory=set)  # tier mentions this draft used
