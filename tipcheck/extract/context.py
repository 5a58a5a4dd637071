"""What a reader sees of one sentence: its tiers, countries, years and the cues that change its meaning."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tipcheck.countries import CountryMention
from tipcheck.extract.tiers_lexicon import TierMention, find_tiers

AUTHOR_COUNTRY = "United States"  # the report's author: the agent of "placed", rarely the subject

_YEAR_RE = re.compile(r"(?<![\w$.,-])(19[89]\d|20[0-4]\d)(?!\w|,\d|\.\d)")
_CLAUSE_BREAK_RE = re.compile(
    r";|\s-\s|,\s+(?:but|while|whereas|although|though)\s|\s(?:while|whereas)\s|\bIn contrast\b"
)
# Modality and reported intent: the sentence does not assert that the placement happened.
_MODAL_RE = re.compile(
    r"\b(?:could|may|might|would|should|must|will\s+be|to\s+be\s+(?:listed|placed|ranked|downgraded|"
    r"upgraded|moved)|pushed\s+for|call(?:ed|s|ing)?\s+for|urg(?:ed|es|ing)|recommend(?:ed|s)?|"
    r"threaten(?:ed|s)?\s+to|risk(?:s|ed)?|fac(?:e|es|ed|ing)\s+(?:a\s+)?(?:possible\s+)?"
    r"(?:downgrade|sanctions?)|if\b|unless\b|whether\b)",
    re.IGNORECASE,
)
_NEGATION_RE = re.compile(
    r"\b(?:not|never|no\s+longer|n't|neither|nor|failed\s+to\s+(?:make|earn|reach))\b", re.IGNORECASE
)
_ATTRIBUTION_RE = re.compile(
    r"\b(?:critics?|activists?|advocates?|opponents?|he|she|they)\s+(?:said|says|argued|argue|claimed|"
    r"claims|complained|contended|insisted)\b|\baccording to (?:critics|activists|opponents)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class YearMention:
    """A four-digit year in a sentence and the word before it ("since", "in", "from")."""

    start: int
    end: int
    year: int
    before: str


@dataclass
class SentenceContext:
    """One sentence as the readers see it (offsets are relative to the sentence)."""

    text: str
    countries: list[CountryMention]
    focus: str | None  # the country the document is speaking of, for "the reclusive nation", "it"
    tiers: list[TierMention] = field(default_factory=list)
    years: list[YearMention] = field(default_factory=list)
    quoted: Sequence[tuple[int, int]] = ()

    def __post_init__(self) -> None:
        self.tiers = find_tiers(self.text)
        self.years = [
            YearMention(m.start(), m.end(), int(m.group(1)), _word_before(self.text, m.start()))
            for m in _YEAR_RE.finditer(self.text)
        ]

    def clause_bounds(self, offset: int) -> tuple[int, int]:
        """The clause around `offset`: split at semicolons, dashes and contrastive conjunctions."""
        start, end = 0, len(self.text)
        for match in _CLAUSE_BREAK_RE.finditer(self.text):
            if match.end() <= offset:
                start = match.end()
            elif match.start() >= offset:
                end = match.start()
                break
        return start, end

    def countries_in(self, start: int, end: int, *, drop_author: bool = True) -> list[CountryMention]:
        """Resolved country mentions inside [start, end); the United States only when it is the sole one."""
        inside = [c for c in self.countries if c.country and start <= c.start and c.end <= end]
        others = [c for c in inside if c.country != AUTHOR_COUNTRY]
        if drop_author and others:
            return others
        if drop_author and any(_author_reading(self.text, c) for c in inside):
            return []
        return inside

    def is_modal(self, start: int, end: int) -> bool:
        """True when the words before `end` in the clause hedge or report intent rather than fact."""
        return bool(_MODAL_RE.search(self.text, start, end))

    def is_negated(self, start: int, end: int) -> bool:
        """True when a negation stands in [start, end)."""
        return bool(_NEGATION_RE.search(self.text, start, end))

    def is_attributed(self, offset: int) -> bool:
        """True when the words at `offset` are quoted or reported from a third party."""
        if any(a <= offset < b for a, b in self.quoted):
            return True
        return bool(_ATTRIBUTION_RE.search(self.text))

    def year_in(self, start: int, end: int, *, skip: tuple[str, ...] = ("since", "from")) -> int | None:
        """The one explicit year in [start, end) that dates the claim (not a streak's start)."""
        found = {y.year for y in self.years if start <= y.start < end and y.before not in skip}
        return found.pop() if len(found) == 1 else None


def _word_before(text: str, offset: int) -> str:
    match = re.search(r"(\w+)\W*$", text[max(0, offset - 20):offset])
    return match.group(1).lower() if match else ""


def _author_reading(text: str, mention: CountryMention) -> bool:
    """ "the United States has placed ...", "U.S. State Department": the author, not a rated country."""
    after = text[mention.end:mention.end + 40].lower()
    return bool(re.match(r"\W*(?:has|have|had|placed|kept|ranked|put|rated|state|government|"
                         r"department|believes|is\s+determined|said|says)", after))


def relative_year(text: str) -> int:
    """-1 for "last year's list", "the previous report"; +1 for "next year"; else 0."""
    lowered = text.lower()
    if re.search(r"\b(?:last|previous|prior)\s+year|\ba\s+year\s+(?:earlier|before|ago)\b|"
                 r"\bthe\s+(?:previous|prior|last)\s+report\b", lowered):
        return -1
    if re.search(r"\bnext\s+year\b", lowered):
        return 1
    return 0


def fields(**values: Any) -> dict[str, Any]:
    """Normalized claim fields without the empty ones."""
    return {k: v for k, v in values.items() if v is not None}
