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
_SUBJECT_BYTES = tuple(word.encode() for word in SUBJECT)
# the only characters beyond ASCII whose str.lower() holds an ASCII character: "İ" (to "i̇"), the Kelvin sign
_LOWERS_TO_ASCII = ("\u0130", "\u212a")

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
    "report", "edition", "installment", "releas", "issu", "publish", "unveil", "launch", "came out",
    "come out", "made public", "present", "rolled out", "annual", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
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
        # no case folding in the engine: the text is lower-cased once
        _matcher = re.compile(_trie_pattern(TRIGGERS))
    return _matcher


def _trie_pattern(words: list[str]) -> str:
    """One pattern that finds any of `words`, as a trie: "tier|time" becomes "ti(?:er|me)".

    A flat alternation of 130 words tries every word at every offset (10 µs a sentence); the trie
    tries one branch per letter (2.5 µs). Only whether some word is found matters, so a word that
    another one extends ends the branch ("rank" for "ranking"). A word start (" aid") is checked
    after its first letter: a(?<![a-z]a)id.
    """
    trie: dict[tuple[str, bool], dict] = {}  # (letter, at a word start) -> the rest
    for word in words:
        start = word.startswith(" ")
        node = trie
        for i, char in enumerate(word[1:] if start else word):
            node = node.setdefault((char, start and i == 0), {})
        node[("", False)] = {}  # a word ends here

    def branch(node: dict[tuple[str, bool], dict]) -> str:
        if ("", False) in node:
            return ""
        alternatives = [re.escape(char) + (f"(?<![a-z]{re.escape(char)})" if start else "") + branch(rest)
                        for (char, start), rest in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return branch(trie)


def about_the_report(text: str) -> bool:
    """Whether a document names the report's subject at all (else it cannot hold a claim)."""
    if text.isascii() or not any(char in text for char in _LOWERS_TO_ASCII):
        # the same test on UTF-8 bytes, 10x faster to lower-case than a str with curly quotes: every other
        # character lower-cases to characters beyond ASCII, whose bytes no (ASCII) subject word holds
        data = text.encode("utf-8", "surrogatepass")
        lowered_bytes = data.lower()
        for word in _SUBJECT_BYTES:  # a plain loop: faster than any() over a generator
            if word in lowered_bytes:
                return True
        return b"TIP" in data and _SUBJECT_CASED.search(text) is not None
    lowered = text.lower()
    if any(word in lowered for word in SUBJECT):
        return True
    # the regex scan costs 60 µs a document, the literal test 1 µs: most documents hold no "TIP"
    return "TIP" in text and _SUBJECT_CASED.search(text) is not None


def is_candidate(sentence: str) -> bool:
    """Whether a sentence holds a trigger and so is worth the readers' time."""
    return _trigger_matcher().search(sentence.lower()) is not None
