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
              "designation", "status", "bracket", "spot", "watch", "worst", "black", "special", "bottom",
              "group")
# tiers_lexicon.with_back_references: "there", "that rank", "the same tier", "They include", "is on the
# list", "remains on it"
BACK_WORDS = ("there", "that", "same", "they", "these", "those", "among them", "on the list", "on it",
              "to it")
# moves.read_moves without a tier named: a self-evident verb (_SELF_EVIDENT) or "a notch" (_ONE_STEP)
_MOVE_WORDS = ("upgrad", "downgrad", "demot", "promot", "relegat")
_ONE_STEP = re.compile(r"(?:a|one)\s+(?:tier|notch|rung|level|category)")
_ONE_STEP_WORDS = ("notch", "tier", "rung", "level", "category")  # what _ONE_STEP needs (on ctx.lower)
# ... or a headline "Lebanon moves up", "Georgia slips" (moves.HEADLINE_MOVE_RE)
_HEADLINE_MOVE = re.compile(r"moves?\s+(?:up|down)|slips|slides|climbs|drops|tumbles")
_HEADLINE_WORDS = ("move", "slips", "slides", "climbs", "drops", "tumbles")  # what _HEADLINE_MOVE needs

# counts: every count pattern ends in one of its nouns (_NOUN) ...
_COUNT_NOUNS = ("countries", "nations", "governments", "states", "territories", "jurisdictions",
                "entries", "members")
# ... or, beside a tier, a bare count before it: "with 41 on the Tier 2 Watch List" (_BARE_ON_TIER_RE)
_BARE_COUNT = re.compile(r"(?:with|and|plus|while|whereas)\s+(?:\S+\s+){1,4}?(?:on|in)\s|"
                         r"^\W*\S+\s+(?:more\s+)?(?:were|are|have\s+been|had\s+been)\s+\w+\s+(?:on|in)\s")
# ... and is a claim only with a tier (_pick_tier: a tier mention, or _TIER3_CUE_RE), as countries
# that moved (_movers_only: "tier", "ranking", "watch list") or as the report's coverage (_COVERED_RE)
_COUNT_CLAIM_WORDS = ("short", "significant", "sanction", "worst", "tier", "ranking", "watch",
                      "examin", "cover", "assess", "evaluat", "review", "analy", "rank", "rated",
                      "rates", "rating", "grad", "sort", "survey", "look", "conditions", "efforts")
# ... or a tier's count after a change with no noun: "Tier 3 shrank to 14" (_TIER_CHANGED_RE)
_CHANGE_WORDS = ("grew", "rose", "fell", "dropped", "shrank", "shrunk", "climbed", "increased", "decreased",
                 "declined", "jumped", "swelled", "expanded", "went")
# ... or "the figure stood at 13", "fewer than the 20" (_ANAPHOR_RE), which need no tier
_ANAPHOR = re.compile(r"(?:figure|number|total|tally|count)\s|(?:fewer|more|less)\s+than")
# (_ANAPHOR's literals: a cheap test before it)
_ANAPHOR_WORDS = ("figure", "number", "total", "tally", "count", "than")

# release: report years (_REPORT_YEAR_RE: "report" or "edition", and a year or "annual") ...
_REPORT_WORDS = ("report", "edition")
# ... an ordinal in apposition to the report ("The report, the 25th edition", "The report, now in its
# sixth year", "the report is in its sixth year", _APPOSED_ORDINAL_RE) ...
_APPOSED = re.compile(r"(?:report|edition)\s*(?:,|\s-|[–—])\s+(?:the|its|now|in|which)\s|"
                      r"report\s+(?:is|was)\s")
# ... dates (_DATE_RE: a month, case as written) ...
_MONTH_RE = re.compile(r"Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec")
# ... and weekdays (_WEEKDAY_RE, case as written), "yesterday", "this month" (_RELATIVE_RE), each
# beside a release cue (_RELEASE_CUE_RE) or a report action (_ACTION_CUE_RE, in _acted_on)
_WEEKDAY_RE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_RELATIVE_WORDS = ("yesterday", "today", "month")
_CUE_WORDS = ("releas", "issu", "publish", "unveil", "launch", "came", "come", "made", "present",
              "rolled", "announc", "downgrad", "upgrad", "demot", "promot", "plac", "rank", "rated",
              "rates", "named", "names", "label", "blacklist", "land", "gave", "gives", "put", "kept",
              "keep", "moved", "dropped", "branded")

# statements: the tier system (_SYSTEM_RE: "three tiers", "a three-tier system", "the lowest of the
# four") ...
_SYSTEM_NOUNS = ("tiers", "levels", "categories", "rankings", "groups")
_SYSTEM_KINDS = ("list", "system", "scale", "ranking", "rating", "classification")
_SUPERLATIVES = ("highest", "lowest", "top", "bottom", "best", "worst")
_SMALL_NUMBERS = ("two", "three", "four", "five")
# ... what a tier measures (_MEASURE_RE) ...
_MEASURE_WORDS = ("amount", "extent", "scale", "size", "prevalence", "severity", "volume", "magnitude",
                  "level", "much", "number", "no", "free", "how")  # ("no trafficking", "how big the problem")
_MEASURED = ("traffick", "victim", "problem")
# ... aid and trade (_AID_RE, _TRADE_RE), when sanctions start (_SANCTIONS_START_RE) ...
# ... food aid (_FOOD_AID_RE), sanctions "for the first time" (_FIRST_SANCTIONS_RE) ...
# ... "losing all U.S. foreign aid" (_ALL_AID_RE: "all" or "any" before the aid) ...
_AID_WORDS = ("aid", "assistance", "funding")
# ... trade: "trade-related" (_TRADE_RE), "trade privileges", "trade sanctions" (_TRADE_LOSS_RE)
_TRADE_WORDS = ("related", "privilege", "preference", "benefit", "access", "status", "sanction", "embargo")
_CONSEQUENCE_WORDS = ("humanitarian", "penalt", "sanction", "food", "disaster", "emergency", "first time",
                      "world bank", "imf", "monetary fund", "multilateral")
# ... and estimates (_ESTIMATE_RE): 1,000 or more (four digits, or a number word that reaches it)
_ESTIMATE_NOUNS = ("prisoners", "people", "persons", "victims", "workers", "children", "women",
                   "slaves", "refugees", "defectors")
_LARGE_WORDS = ("thousand", "million", "billion", "hundred", "dozen")
_LARGE_DIGITS = re.compile(r"\d[\d,]{3}")
# the words that open the statements gate alone: the tier system's nouns, a consequence, and a tier's
# definition ("significant effort", statements._DEFINITION_RE), tested in one pass
_ONE_WORD_STATEMENTS = (*_SYSTEM_NOUNS, *_CONSEQUENCE_WORDS, "significant effort", "fully meet",
                        "fully compl")

# officials: "Secretary" (or "Rice's State Department"), or a director, head, chief or ambassador beside
# "trafficking", or one who "heads", "leads", "directs", "runs", "oversees", "took over"/"took charge of"
# the office (_HEADS_OFFICE)
_OFFICIAL_WORDS = ("director", "head", "chief", "ambassador", "leads", "directs", "runs", "oversees",
                   "took", "in charge", "czar", "envoy")


def _has(lower: str, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 (a plain loop: twice as fast as any() over a generator)
        if word in lower:
            return True
    return False


def tier_claims(ctx: SentenceContext) -> bool:
    """Placements, moves and streaks need a tier mention, or a verb that is a move by itself."""
    if ctx.tiers or ctx.has(_MOVE_WORDS):
        return True
    lower = ctx.lower
    # both patterns search the lower-cased sentence case-sensitively: their literals are exact gates
    return (_has(lower, _ONE_STEP_WORDS) and bool(_ONE_STEP.search(lower))) \
        or (_has(lower, _HEADLINE_WORDS) and bool(_HEADLINE_MOVE.search(lower)))


def counts(ctx: SentenceContext) -> bool:
    """Tier counts and coverage: a count noun and a tier or coverage cue, or an anaphoric count."""
    if not ctx.gated:
        return True
    lower = ctx.lower
    tiers = bool(ctx.tiers)
    # the cheap substring tests first, the regular expressions last
    if _has(lower, _COUNT_NOUNS) and (tiers or _has(lower, _COUNT_CLAIM_WORDS)):
        return True
    if _has(lower, _ANAPHOR_WORDS) and _ANAPHOR.search(lower):
        return True
    if tiers and _has(lower, _CHANGE_WORDS):  # "the Watch List shrank to 24" (counts._TIER_CHANGED_RE)
        return True
    if tiers and "join" in lower and "others" in lower:  # "Fiji joins 12 others on Tier 3" (_JOIN_OTHERS_RE)
        return True
    return tiers and bool(_BARE_COUNT.search(lower))


def release(ctx: SentenceContext) -> bool:
    """Report years, release dates and weekdays."""
    if not ctx.gated or _MONTH_RE.search(ctx.text):
        return True
    lower = ctx.lower
    if _has(lower, _REPORT_WORDS) and ("20" in lower or "annual" in lower):
        return True
    if "annual" in lower and "trafficking" in lower:  # "the fourth annual assessment" (_REPORT_YEAR_RE)
        return True
    if "edition" in lower or "installment" in lower or ("report" in lower and _APPOSED.search(lower)):
        return True  # _APPOSED_ORDINAL_RE
    # every weekday ends in "day" (a cheap test before _WEEKDAY_RE)
    return (("day" in ctx.text and bool(_WEEKDAY_RE.search(ctx.text))) or _has(lower, _RELATIVE_WORDS)) \
        and _has(lower, _CUE_WORDS)


def statements(ctx: SentenceContext) -> bool:
    """The tier system, what a tier means, Tier 3 consequences, estimates."""
    if not ctx.gated:
        return True
    lower = ctx.lower
    # (in each pair, the shorter or rarer list first)
    return (
        _has(lower, _ONE_WORD_STATEMENTS)
        or ("tier" in lower and _has(lower, _SYSTEM_KINDS))
        or (_has(lower, _SMALL_NUMBERS) and _has(lower, _SUPERLATIVES))
        or (_has(lower, _MEASURED) and _has(lower, _MEASURE_WORDS))
        or (("all" in lower or "any" in lower or "every" in lower) and _has(lower, _AID_WORDS))
        or ("trade" in lower and _has(lower, _TRADE_WORDS))
        or (_has(lower, _ESTIMATE_NOUNS)
            and (_has(lower, _LARGE_WORDS) or bool(_LARGE_DIGITS.search(lower))))
    )


def officials(ctx: SentenceContext) -> bool:
    """Officials named with their office."""
    if not ctx.gated:
        return True
    lower = ctx.lower
    return "secretary" in lower or "ambassador-at-large" in lower or "s state department" in lower \
        or ("ambassador" in lower and "office" in lower) \
        or ("traffick" in lower and _has(lower, _OFFICIAL_WORDS))
