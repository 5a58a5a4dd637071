"""Per-reader gates: the literal words without which a reader cannot read a claim in a sentence.

The sentence prefilter (triggers.py) lets through most sentences of a story about the report; each
reader then costs tens of microseconds of regular expressions, mostly to find nothing. A gate is a
handful of substring tests on the lower-cased sentence that is true whenever its reader could return
a claim: every gate word below is a literal that the reader's patterns need (the comments name the
pattern). A gate may let through a sentence that yields nothing; it must never hold back one that
yields a claim.

A reader that learns a phrasing without any of its gate words must add one here.
`tests/test_gates.py` reads every seed, fixture and eval document (and hostile inputs) with the gates
on and off and asks for the same claims; `GATING = False` turns them off.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tipcheck.extract.context import SentenceContext

GATING = True

# Letters that re.IGNORECASE matches to an ASCII letter although str.lower() does not give it:
# dotted and dotless i, long s. A sentence holding one is read without gates.
UNGATEABLE = re.compile("[\u0130\u0131\u017f]")

# find_tiers (tiers_lexicon._PATTERNS): "Tier", "Level 2", an ordinal before a rank noun, "Watch
# List", "worst ...", "blacklist", "Special Case".
TIER_WORDS = ("tier", "level", "rank", "rating", "categor", "grade", "rung", "classification",
              "designation", "status", "bracket", "spot", "watch", "worst", "black", "special")
# moves.read_moves without a tier named: a self-evident verb (_SELF_EVIDENT) or "a notch" (_ONE_STEP)
_MOVE_WORDS = ("upgrad", "downgrad", "demot", "promot", "relegat", "tier", "notch", "rung", "level",
               "categor")

# counts: every count pattern ends in one of its nouns (_NOUN) ...
_COUNT_NOUNS = ("countries", "nations", "governments", "states", "territories", "jurisdictions")
# ... and is a claim only with a tier (_pick_tier: a tier mention, or _TIER3_CUE_RE), as countries
# that moved (_movers_only: "tier", "ranking", "watch list") or as the report's coverage (_COVERED_RE)
_COUNT_CLAIM_WORDS = ("short", "significant", "sanction", "worst", "tier", "ranking", "watch",
                      "examin", "cover", "assess", "evaluat", "review", "analy", "rank", "rated",
                      "rates", "rating", "grad", "sort", "survey", "look", "conditions", "efforts")
# ... or "the figure stood at 13", "fewer than the 20" (_ANAPHOR_RE), which need no tier
_ANAPHOR_WORDS = ("figure", "number", "total", "tally", "than")
_COUNT_WORD = re.compile(r"count\s")

# release: report years (_REPORT_YEAR_RE: "report", or "edition"), dates (_DATE_RE: a month, case
# as written), weekdays (_WEEKDAY_RE) and "yesterday", "this month" (_RELATIVE_RE)
_RELEASE_WORDS = ("report", "edition", "day", "month")
_MONTH_RE = re.compile(r"Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec")

# statements: the tier system (_SYSTEM_RE), what a tier measures (_MEASURE_RE), aid (_AID_RE), trade
# (_TRADE_RE), when sanctions start (_SANCTIONS_START_RE), estimates (_ESTIMATE_RE, below)
_STATEMENT_WORDS = ("tier", "level", "categor", "ranking", "group", "highest", "lowest", "top",
                    "bottom", "best", "worst", "traffick", "victim", "humanitarian", "trade",
                    "penalt", "sanction")
_ESTIMATE_NOUNS = ("prisoners", "people", "persons", "victims", "workers", "children", "women",
                   "slaves", "refugees", "defectors")
# an estimate is 1,000 or more: four digits, or a number word that reaches it
_LARGE_WORDS = ("thousand", "million", "billion", "hundred", "dozen")
_LARGE_DIGITS = re.compile(r"\d[\d,]{3}")

# officials: "Secretary", or an office named beside trafficking ((?i:traffick) in both patterns)
_OFFICIAL_WORDS = ("secretary", "traffick")


def _has(lower: str, words: tuple[str, ...]) -> bool:
    return any(word in lower for word in words)


def tier_claims(ctx: SentenceContext) -> bool:
    """Placements, moves and streaks need a tier mention, or a verb that is a move by itself."""
    return bool(ctx.tiers) or ctx.has(_MOVE_WORDS)


def counts(ctx: SentenceContext) -> bool:
    """Tier counts and coverage: a count noun and a tier or coverage cue, or an anaphoric count."""
    if not ctx.gated:
        return True
    lower = ctx.lower
    if _has(lower, _ANAPHOR_WORDS) or _COUNT_WORD.search(lower):
        return True
    return _has(lower, _COUNT_NOUNS) and (bool(ctx.tiers) or _has(lower, _COUNT_CLAIM_WORDS))


def release(ctx: SentenceContext) -> bool:
    """Report years, release dates and weekdays."""
    return ctx.has(_RELEASE_WORDS) or bool(_MONTH_RE.search(ctx.text))


def statements(ctx: SentenceContext) -> bool:
    """The tier system, what a tier means, Tier 3 consequences, estimates."""
    if ctx.has(_STATEMENT_WORDS):
        return True
    return _has(ctx.lower, _ESTIMATE_NOUNS) and (
        _has(ctx.lower, _LARGE_WORDS) or bool(_LARGE_DIGITS.search(ctx.lower)))


def officials(ctx: SentenceContext) -> bool:
    """Officials named with their office."""
    return ctx.has(_OFFICIAL_WORDS)
