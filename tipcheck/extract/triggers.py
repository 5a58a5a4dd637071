"""The cheap prefilter: literal words without which a document or a sentence cannot hold a claim.

Most of a newsroom's archive is not about the TIP report. Two literal tests, far cheaper than the
readers' regular expressions, keep the readers to the text that could matter:

- `about_the_report(text)`: a document that never names the report's subject (trafficking, a
  tier, the watch list, the worst offenders, ...) holds no claim about it, and is not read closely.
- `is_candidate(sentence)`: a sentence of such a document is read closely only when it holds one of
  TRIGGERS, lower-case fragments matched anywhere in the lower-cased sentence ("downgrad" finds
  "downgraded" and "Downgrades"); a fragment that starts with a space matches at a word start only
  (" aid" finds "Aid", "(aid" and "aid", not "said").

Both lists are deliberately broad: a word in too many is a little time lost, a word missing is a
claim never read. A reader author who teaches a reader new phrasing adds its key word here, or calls
`add_triggers("pledged", ...)` at import of the reader module; `tests/test_triggers.py` checks that
the prefilter reads every fixture and seed exactly as reading every sentence would.
"""

from __future__ import annotations

import re

# The report's subject: a document naming none of these is not read sentence by sentence. Few and
# short on purpose: each costs a pass over the whole text ("watch" covers "watch list", "watchlist").
SUBJECT = ("traffick", "tier", "watch", "black", "worst", "slaver", "tvpa", "forced labo")
_SUBJECT_CASED = re.compile(r"\bTIP\b")  # the acronym alone: "the TIP" (case matters: "tip" is common)

# Sentence triggers, by what the readers look for (extract/*.py). Lower-case, matched as fragments.
TRIGGERS: list[str] = [
    # tiers and lists (tiers_lexicon, placements)
    "tier", "watch", "list", "rank", "rating", "rated", "categor", "level", "grade", "rung",
    "worst", "offender", "black", "special case", "lowest", "highest", "bottom", " top ",
    # moves and streaks (placements)
    "upgrad", "downgrad", "promot", "demot", "relegat", "elevat", "moved", "dropp", "fell", "fallen",
    "slipp", "slid", "climb", "rose", "risen", "remain", "stay", "kept", "retain", "still",
    "consecutive", "straight", "successive", "continuous", "running", "in a row", "since", "year",
    " time", "first",
    # counts and coverage (counts)
    "countries", "nations", "governments", "states", "territories", "jurisdictions", "number of",
    "figure", "total", "tally", "count", "stood",
    # report years and release (release)
    "report", "releas", "issu", "publish", "unveil", "launch", "came out", "come out",
    "made public", "present", "rolled out", "annual", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
    # officials (officials)
    "secretary", "director", "ambassador", "chief", " head", "monitor", "office",
    # the tier system, what a tier means, Tier 3 consequences, estimates (statements)
    "group", "traffick", "victim", "humanitarian", "assistance", " aid", "funding", "sanction",
    "penalt", "withh", "ineligible", "restrict", "suspend", "estimate", "prisoner", "people",
    "persons", "worker", "children", "women", "slave", "refugee", "defector", "minimum standard",
    "tvpa", "blacklist",
]

_matcher: re.Pattern[str] | None = None


def add_triggers(*words: str) -> None:
    """Add lower-case trigger fragments (for a reader that learned new phrasing)."""
    global _matcher
    for word in words:
        if word != word.lower() or not word.strip():
            raise ValueError(f"trigger {word!r} must be lower-case and not blank")
        if word not in TRIGGERS:
            TRIGGERS.append(word)
    _matcher = None


def _trigger_matcher() -> re.Pattern[str]:
    global _matcher
    if _matcher is None:
        # longest first; plain literals, no case folding in the engine: the text is lower-cased once
        words = sorted(set(TRIGGERS), key=len, reverse=True)
        _matcher = re.compile("|".join(
            r"(?<![a-z])" + re.escape(w[1:]) if w.startswith(" ") else re.escape(w) for w in words))
    return _matcher


def about_the_report(text: str) -> bool:
    """Whether a document names the report's subject at all (else it cannot hold a claim)."""
    lowered = text.lower()
    return any(word in lowered for word in SUBJECT) or _SUBJECT_CASED.search(text) is not None


def is_candidate(sentence: str) -> bool:
    """Whether a sentence holds a trigger and so is worth the readers' time."""
    return _trigger_matcher().search(sentence.lower()) is not None
