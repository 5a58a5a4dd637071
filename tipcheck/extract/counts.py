"""Readers for how many countries a tier holds, and how many the report covers.

A count is a tier total ("20 countries received a Tier 3 rating", "along with 16 other countries",
"last year's Tier 3 list held 16") only when nothing makes it a part of one: countries that moved
("five countries moved up"), a region's share ("five of 11 Southeast Asian nations") or a modal
guess. Those are still read (so they count as read), with fields no check takes as a total.
"""

from __future__ import annotations

import re

from tipcheck.extract.context import SentenceContext, fields, local_offset, local_year, relative_year
from tipcheck.extract.draft import Draft
from tipcheck.numbers import CARDINAL_PATTERN, TEENS, TENS, UNITS, parse_cardinal

_N = CARDINAL_PATTERN
_NOUN = r"(?:countries|nations|governments|states|territories|jurisdictions)"
# (_COUNT_RE, _TIER_NUMBERING_RE and _BARE_ON_TIER_RE open with a lookahead for the first letters their
# matches can start with: one cheap test at each position before the engine tries the alternatives)
_COUNT_RE = re.compile(
    r"(?=\b[\dajotfsenz])"  # "along", "join", "one of", "among", "out of" or the number (_FIRST)
    rf"(?P<along>\balong\s*side\s+|\balongside\s+|\balong\s+with\s+|\bjoin(?:s|ed|ing)?\s+(?:there\s+)?"
    rf"(?:by\s+)?(?:about\s+|some\s+|another\s+)?|\bone\s+of\s+(?:the\s+)?(?:only\s+)?|\bamong\s+(?:the\s+)?)?"
    rf"(?:\bout\s+of\s+)?\b(?P<n>{_N})\s+(?P<other>other\s+|more\s+|additional\s+|further\s+)?"
    # (words between the number and its noun qualify the noun: "23 other", "five Southeast Asian"; a
    # preposition or a relative between says the number is no count of it: "the one reserved for countries")
    # (nor another number: "the 2009 report 17 countries" counts 17, not 2009)
    rf"(?P<between>(?:(?!(?:for|of|to|by|from|with|that|which|who|whose)\b|\d)[\w-]+\s+){{0,2}}?){_NOUN}\b",
    re.IGNORECASE,
)
# "the number of countries on the Tier 2 Watch List rose to 32"; "bringing the number of countries on
# the lowest tier to 24" (a verb that sets the number, before it).
_NUMBER_FELL_RE = re.compile(
    rf"\bnumber\s+of\s+(?:\w+\s+){{0,3}}?{_NOUN}\s+(?:\w+\s+){{0,6}}?"
    rf"(?:fell|rose|dropped|grew|climbed|increased|decreased|declined|shrank|jumped|was|stood|is)\s+"
    rf"(?:to|at)?\s*(?P<n>{_N})"
    rf"|\b(?:bring|brought|take|took|push|pushed|rais|lower|cut)(?:s|ing|ed|e)?\s+the\s+number\s+of\s+"
    rf"(?:\w+\s+){{0,3}}?{_NOUN}\s+(?:[\w-]+\s+){{0,6}}?to\s+(?P<n2>{_N})\b",
    re.IGNORECASE,
)
# "The two countries join 12 others on Tier 3", "Fiji joins 16 others on the Watch List": the tier
# holds the others and the joiners (_joiners), not the joiners alone.
_JOIN_OTHERS_RE = re.compile(
    rf"\bjoin(?P<s>s|ed|ing)?\s+(?:about\s+|some\s+|another\s+)?(?P<n>{_N})\s+others\b", re.IGNORECASE)
# the joiners, as the clause's subject: "The two countries", "Both nations", "These three governments"
_JOINERS_COUNTED_RE = re.compile(
    rf"(?:(?:the|these|those|both|all)\s+)?(?P<n>{_N}|both)(?:\s+(?:more|other|new|[\w-]+))?"
    rf"(?:\s+{_NOUN})?\s+(?:now\s+|also\s+|thus\s+)?$", re.IGNORECASE)
_JOIN_VERB_RE = re.compile(r"join(?P<s>s|ed)?\s+(?:about\s+|some\s+|another\s+)?", re.IGNORECASE)
_JOINERS_ONE_RE = re.compile(r"(?:it|the\s+(?:country|nation|government|kingdom|republic|island|"
                             r"island\s+nation|emirate|state))\s+(?:now\s+|also\s+)?$", re.IGNORECASE)
_JOINERS_LIST_RE = re.compile(r"(?:\s|,|\band\b|\bthe\b|\bnow\b|\balso\b)*", re.IGNORECASE)
_SUBJECT_START_RE = re.compile(r"[,;:—–(]\s*|^\s*")
# "The two countries join ...", "the three nations were placed on Tier 3": counted countries the
# sentence before named (a definite count before its verb), not how many the tier holds
_DEFINITE_BEFORE_RE = re.compile(r"\b(?:the|these|those|both)\s+$", re.IGNORECASE)
_JOINS_AFTER_RE = re.compile(r"\s+(?:now\s+|also\s+|both\s+|each\s+)?join(?:s|ed)?\s+(?!by\b)", re.IGNORECASE)
_FINITE_AFTER_RE = re.compile(
    r"\s+(?:now\s+|also\s+|both\s+|each\s+|all\s+)?(?:join(?:s|ed)?|were|are|was|is|have|has|had|will|would|"
    r"remain(?:s|ed)?|stay(?:s|ed)?|sit|sat|share[sd]?|face[sd]?)\b", re.IGNORECASE)
# "The number of blacklisted nations is down from 23 last year": only the earlier count is stated.
_NUMBER_FROM_RE = re.compile(
    rf"\bnumber\s+of\s+(?:[\w-]+\s+){{0,3}}?{_NOUN}\s+(?:[\w-]+\s+){{0,6}}?(?:is|was|has\s+(?:gone|come))\s+"
    rf"(?:(?:up|down)\s+from|lower\s+than|higher\s+than)\s+(?:the\s+)?(?P<n>{_N})\s+(?:{_NOUN}\s+)?"
    rf"(?:(?P<last>last\s+year|a\s+year\s+(?:earlier|ago|before))|in\s+(?:the\s+)?(?P<year>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_TIER_NUMBERING_RE = re.compile(
    rf"(?=[anwhcio])\b(?P<verb>are|is|numbering|with|has|holds?|held|contains?|included?|of)\s+(?P<n>{_N})"
    rf"\s+(?:\w+\s+)?(?:{_NOUN}|entries|members)\b",
    re.IGNORECASE,
)
# "The Watch List, a category for countries at risk, now holds 32 countries": the count of the
# tier that is the clause's subject, even when its appositive names another tier.
_SUBJECT_VERB_RE = re.compile(r"\s*(?:,[^,;]*,\s*)?(?:now\s+|still\s+|also\s+|this\s+year\s+)?$",
                              re.IGNORECASE)
# (after an introductory phrase: "In the 2008 report, the Watch List ...")
_SUBJECT_LEAD_RE = re.compile(r"\s*(?:(?:in|under|across|according\s+to|this\s+year|overall)\b"
                              r"[^,;]{0,80},\s*)?(?:the|its|this\s+year'?s|last\s+year'?s)?\s*",
                              re.IGNORECASE)
# "..., with 41 on the Tier 2 Watch List": a count with no noun, right before a tier's name.
_PLACED = (r"(?:(?:were|are|have\s+been|had\s+been)\s+(?:placed|put|ranked|listed|rated|classified)|landed|"
           r"ended\s+up|sit|sat|remain|remained|stay|stayed)\s+")
# "... while 24 were placed on Tier 3", "Forty-five were placed on the watch list" (the sentence's
# subject: the countries the report placed there, as a whole); "while 33 earned Tier 1"; a list of
# counts, "36 countries on Tier 1, 80 on Tier 2, 44 on the Watch List" (the comma-led items are read
# only after a count with its noun, see _tier_count).
_EARNED = r"(?:earned|received|got|won|were\s+given|were\s+awarded)\s+(?:a\s+|the\s+)?"
# "The report ranks 173 countries, 52 of them on the Watch List", "...; 43 of them are on the Watch
# List", "..., and 25 are on the Watch List": a share of the countries counted before, on a tier.
_BARE_ON_TIER_RE = re.compile(
    r"(?=[wap,;]|^)"
    rf"(?:\b(?:with|and|plus|while|whereas)|(?P<comma>[,;]))\s+(?:another\s+|a\s+further\s+)?(?P<n>{_N})"
    rf"\s+(?P<of_them>of\s+them\s+)?(?:more\s+)?(?:(?:{_PLACED}|(?:are|were)\s+)?(?:on|in)\s+|{_EARNED})"
    rf"|^\W*(?P<n2>{_N})\s+(?:more\s+)?(?:{_PLACED}|(?=(?:are\s+|were\s+)?(?:on|in)\s+[^,;.]{{1,40}},\s*{_N}\s+"
    rf"(?:are\s+|were\s+)?(?:on|in)\s))(?:are\s+|were\s+)?(?:on|in)\s+",
    re.IGNORECASE,
)
# "five out of 11 Southeast Asian nations", "raising to five out of 11 the number of ... nations".
_SHARE_RE = re.compile(
    # ("one of 45 countries" names the tier's count: not a share)
    rf"\b(?!(?i:one|an?)\s+of\b)(?P<k>{_N})\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?P<n>{_N})\s+"
    rf"(?:the\s+number\s+of\s+)?"
    rf"(?P<between>(?:[\w-]+\s+){{0,2}}?){_NOUN}\b",
    re.IGNORECASE,
)
# "In 2010 the figure stood at 13": a count whose tier is the one counted just before.
_ANAPHOR_RE = re.compile(
    rf"\b(?:the|that|this|its)\s+(?:figure|number|total|tally|count)\s+(?:had\s+)?(?:stood|was|is|"
    rf"rose|fell|dropped|climbed|reached|grew)\s+(?:at|to)?\s*(?P<n>{_N})\b"
    rf"|\b(?:fewer|more|less)\s+than\s+the\s+(?P<n2>{_N})\b(?!\s*(?:%|percent|million|thousand|"
    rf"people|victims|persons))",
    re.IGNORECASE,
)
# "..., up from 13 in 2010", "down from 23 last year": the earlier count, with its own year.
# "rose to 14 from 10 last year": a bare "from" only right after the count (see _previous).
_PREVIOUS_RE = re.compile(
    rf",?\s*(?:(?:which\s+is|that\s+is)\s+)?(?P<dir>(?:up|down)\s+)?from\s+(?:the\s+)?(?P<n>{_N})"
    rf"(?:\s+(?:in|during)\s+(?:the\s+)?(?P<year>(?:19|20)\d\d)(?:\s+report)?"
    rf"|\s+(?P<last>last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior)\s+year))?",
    re.IGNORECASE,
)
# "33 countries on Tier 1, the same number as in 2024", "20 on Tier 3, one fewer than the year before"
_COMPARED_RE = re.compile(
    rf",?\s*(?:(?P<same>the\s+same\s+(?:number|count|total|figure)\s+as)|(?P<k>{_N})\s+(?P<cmp>fewer|more|less)"
    rf"\s+than)\s+(?:in\s+(?:the\s+)?(?P<year>(?:19|20)\d\d)(?:\s+report)?\b|(?P<last>last\s+year|the\s+year\s+"
    rf"before|a\s+year\s+(?:earlier|before|ago)|the\s+(?:previous|prior)\s+(?:year|report)))",
    re.IGNORECASE,
)
_ON_IT_RE = re.compile(r"\s+(?:on|in)\s+(?:it|that\s+list|that\s+tier|that\s+category)\b", re.IGNORECASE)
# "grew to 42 countries": the verb right before the count (_subject_tier)
_GREW_TO_RE = re.compile(r"\b(?:grew|rose|fell|dropped|shrank|climbed|increased|decreased|declined|jumped|"
                         r"swelled|expanded|went\s+(?:up|down))\s+to\s+(?:about\s+|some\s+|nearly\s+)?$",
                         re.IGNORECASE)
_CHANGED_TO_RE = re.compile(r"\b(?:fell|rose|dropped|grew|climbed|increased|decreased|declined|jumped|"
                            r"slipped|shrank|went\s+(?:up|down))\s+to\s+(?:\w+\s+)?$", re.IGNORECASE)
_COVERED_RE = re.compile(
    rf"\b(?:examin\w*|cover\w*|assess\w*|evaluat\w*|review\w*|analy[sz]\w*|rank\w*|rat(?:ed|es|ing)|"
    rf"grad\w*|sort\w*|survey\w*|look\w*\s+at|conditions\s+in|efforts\s+of)\s+"
    rf"(?:\w+\s+){{0,3}}?(?P<n>{_N})\s+(?:\w+\s+)?{_NOUN}"
    rf"|\b(?P<n2>{_N})\s+{_NOUN}(?:\s+and\s+territories)?\s+(?:were|are|was)\s+"
    rf"(?:examin|assess|evaluat|review|analy[sz]|rank|rat|grad|cover|survey)\w*",
    re.IGNORECASE,
)
_APPROX_RE = re.compile(r"\b(?:about|around|roughly|some|nearly|almost|approximately|more\s+than|"
                        r"over|at\s+least|fewer\s+than|less\s+than|close\s+to)\s+$", re.IGNORECASE)
# Words that describe Tier 3 without naming it ("fell short of minimum standards", "could face
# sanctions"): TVPA §110(d) sanctions apply to Tier 3 governments only.
_TIER3_CUE_RE = re.compile(
    r"\bf[ae]ll(?:s|ing|en)?\s+short\s+of\s+(?:the\s+)?minimum|\bno\s+significant\s+efforts?|"
    r"\bnot\s+(?:to\s+be\s+)?making\s+significant\s+efforts?|"
    r"\bfail(?:s|ed|ing)?\s+to\s+make\s+(?:any\s+)?significant\s+efforts?|\b(?:face|faces|facing)\s+(?:possible\s+|potential\s+)?"
    r"(?:U\.S\.\s+|US\s+)?sanctions|\bbe\s+sanctioned|\bworst\s+(?:human\s+trafficking\s+)?offenders?|"
    r"\b(?:do|does|did|doing)\s+(?:the\s+)?least\b",
    re.IGNORECASE)
# Countries that moved: a count of movers, not a tier's total.
_MOVERS_RE = re.compile(
    r"[^.;]{0,120}?\b(?:moved|move|moving|rose|risen|climbed|f[ae]ll(?:en)?(?!\s+short)|dropped|slipped|slid|"
    r"upgraded|downgraded|demoted|promoted|improved|were\s+added|added|newcomers?|new\s+additions?)\b",
    re.IGNORECASE)
_MOVE_BEFORE_RE = re.compile(r"\b(?:downgrade|upgrade|demotion|promotion)s?\s+of\s+(?:all\s+|the\s+)?$",
                             re.IGNORECASE)
_LOCAL_STOP_RE = re.compile(r"[,;:—–(]|\s-\s|\s(?:which|while|whereas|but)\s|\sa\s+sign\s|"
                            r"\s(?:after|before|when|because|until|once)\s+(?=the\s|its\s|their\s|both\s)")
_SUBORDINATE_RE = re.compile(r"\s(?:after|before|when|because|until|once)\s+(?=the\s|its\s|their\s|both\s)",
                             re.IGNORECASE)
# between a count's noun and the tier it is put on: "22 countries on Tier 3", "20 countries were
# placed on Tier 3", "24 nations in the bottom tier"
_ATTACHED_RE = re.compile(r"\s+(?:(?:were|are|have\s+been|had\s+been|was)\s+(?:\w+\s+)?"
                          r"(?:placed|put|ranked|listed|rated|classified|kept)\s+|"
                          # "17 countries were on Tier 3", "17 landed in Tier 3 and 52 on the Watch List"
                          r"(?:were|are|sat|sit|stood|landed|land|ended\s+up|end\s+up|remained|stayed)\s+)?"
                          r"(?:on|in|onto|into|at)\s+(?:the\s+)?", re.IGNORECASE)
# hoisted from _pick_tier, _tier_count and _part_of_tier (compiled once, not looked up per call)
_BRACKET_OPEN_RE = re.compile(r"[\s*_]*\(\s*")
_YEAR_NUMBER_RE = re.compile(r"(?:19|20)\d\d")
_THE_RE = re.compile(r"(?:the\s+)?")
_COULD_RE = re.compile(r"\bcould\b")
_OF_THE_TOTAL_RE = re.compile(rf"\b(?!one\s+of\b){_N}\s+of\s+(?:the\s+|all\s+)?$", re.IGNORECASE)
_OUT_OF_BEFORE_RE = re.compile(r"\bout\s+of\s+$", re.IGNORECASE)
_REGION_AFTER_RE = re.compile(r"\bof\s+(?:the\s+)?(?:region|continent)|\bin\s+(?:the\s+)?"
                              r"(?:region|Africa|Asia|Europe|the\s+Americas|the\s+Middle\s+East|the\s+Gulf)\b")
_REGION_WORD_RE = re.compile(r"^(?:[A-Z][a-z]+[\s-]+){1,2}$")


# Literals without which a pattern cannot match (tested on the lower-cased sentence by ctx.has, which
# is true whenever lower-casing might miss what the patterns' case folding finds)
_NOUN_WORDS = ("countries", "nations", "governments", "states", "territories", "jurisdictions")  # _NOUN
# the verbs and phrases of _COVERED_RE ("examined", "rates", "looks at", "conditions in", ...)
_COVER_WORDS = ("examin", "cover", "assess", "evaluat", "review", "analy", "rank", "rat", "grad", "sort",
                "survey", "look", "conditions", "efforts")
# "assessed governments around the world and placed 17 of them on Tier 3": a share, placed, of every
# government the clause named before (not of a few named: "Bangladesh and Pakistan, two of them ...")
_PLACED_OF_THEM_RE = re.compile(rf"\b(?:plac|put|rank|rat|list|relegat|assign)\w*\s+(?P<n>{_N})\s+of\s+"
                                r"(?:them|those)\s+(?:on|in|at|to|onto|into)\s+", re.IGNORECASE)
_REFERENT_RE = re.compile(rf"(?:(?P<before>[\w-]+)\s+)?{_NOUN}\b", re.IGNORECASE)
_ANAPHOR_HINT_RE = re.compile(r"(?:figure|number|total|tally|count)\s|(?:fewer|more|less)\s+than")


# what _SHARE_RE needs, on the lower case: a number (a digit or a number word's ending) before "of" and
# a number after "of (the|all)"
# the number words, as numbers.py has them
_NUMBER_WORD = f"(?:{'|'.join([*UNITS, *TEENS, *TENS, 'hundred', 'zero'])})"
_SHARE_HINT_RE = re.compile(rf"(?:\d|{_NUMBER_WORD})\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?"
                            rf"(?:\d|{_NUMBER_WORD}\b|a\s)")


def _count_patterns(ctx: SentenceContext) -> list[re.Pattern[str]]:
    """The count patterns, in reading order, less those whose literals the sentence lacks."""
    nouns = ctx.has(_NOUN_WORDS)
    number = ctx.has(("number",))
    patterns = []
    if ctx.has(("others",)) and ctx.has(("join",)):
        patterns.append(_JOIN_OTHERS_RE)
    if ctx.has(("out of", "of the", "of all")) and _SHARE_HINT_RE.search(ctx.lower):
        patterns.append(_SHARE_RE)  # "3 out of the 10", "28 of the 185 governments"
    if number:
        patterns.append(_NUMBER_FELL_RE)
    if nouns:
        patterns.append(_COUNT_RE)
    if nouns or ctx.has(("entries", "members")):
        patterns.append(_TIER_NUMBERING_RE)
    if ctx.tiers or not ctx.gated:  # a bare count is read only right before a tier (_tier_count)
        patterns.append(_BARE_ON_TIER_RE)
        if ctx.has(("of them", "of those")) and nouns:
            patterns.append(_PLACED_OF_THEM_RE)
    if not ctx.gated or _ANAPHOR_HINT_RE.search(ctx.lower):
        patterns.append(_ANAPHOR_RE)
    return patterns


def read_counts(ctx: SentenceContext) -> list[Draft]:
    """Tier counts ("20 countries received a Tier 3 rating") and coverage ("conditions in 89 countries")."""
    drafts = _covered(ctx) if ctx.has(_NOUN_WORDS) and ctx.has(_COVER_WORDS) else []
    taken: list[tuple[int, int]] = [(d.start, d.end) for d in drafts]
    for pattern in _count_patterns(ctx):
        for match in pattern.finditer(ctx.text):
            group = "n2" if match.groupdict().get("n2") else "n"
            if any(a <= match.start(group) < b for a, b in taken):
                continue
            found = _tier_count(ctx, match, group)
            if found:
                drafts += found
                taken += [(match.start(), match.end())] + [(d.start, d.end) for d in found]
            elif match.re is _JOIN_OTHERS_RE:
                # "... join 12 others": whoever joins is not the tier's total, counted or not
                taken.append((ctx.clause_bounds(match.start())[0], match.end()))
    drafts += _tier_changed(ctx, taken)
    if not ctx.has(("number",)):
        return drafts
    for match in _NUMBER_FROM_RE.finditer(ctx.text):
        if not any(a <= match.start("n") < b for a, b in taken):
            drafts += _earlier_only(ctx, match)
    return drafts


# a tier as the subject of a change to a bare number: "the Watch List shrank from 34 to 24", "Tier 3
# shrank to 14, two fewer than in 2007" (with its noun, "grew to 40 countries", _COUNT_RE reads it)
_CHANGE_WORDS = ("grew", "rose", "fell", "dropped", "shrank", "shrunk", "climbed", "increased", "decreased",
                "declined", "jumped", "swelled", "expanded", "went")  # what _TIER_CHANGED_RE needs
_TIER_CHANGED_RE = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:grew|rose|fell|dropped|shrank|shrunk|climbed|increased|decreased|declined|"
    rf"jumped|swelled|expanded|went\s+(?:up|down))\s+(?:from\s+(?P<was>{_N})\s+)?to\s+(?P<n>{_N})\b"
    r"(?!\s*(?:%|percent|per\s+cent|million|thousand|people|victims|persons|cases|convictions|prosecutions)\b)"
    rf"(?:,\s*(?P<k>{_N})\s+(?P<cmp>fewer|less|more)\s+than\s+(?:in\s+(?:the\s+)?(?P<year>(?:19|20)\d\d)\b|"
    r"(?P<last>last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before)))?", re.IGNORECASE)


def _tier_changed(ctx: SentenceContext, taken: list[tuple[int, int]]) -> list[Draft]:
    """A tier's count after a change, and the count before it when the sentence gives it."""
    drafts: list[Draft] = []
    if not ctx.tiers or not ctx.has(_CHANGE_WORDS):
        return drafts
    for tier in ctx.tiers:
        match = _TIER_CHANGED_RE.match(ctx.text, tier.end) if tier.tier and tier.tier != "special" else None
        count = parse_cardinal(match.group("n")) if match else None
        if match is None or count is None or count > 400 or any(a <= match.start("n") < b for a, b in taken):
            continue
        cstart, _ = ctx.clause_bounds(tier.start)
        if ctx.is_modal(cstart, match.start("n")):
            continue
        year = local_year(ctx, tier.start, tier.end)
        offset = 0 if year else local_offset(ctx, tier.start, tier.end)
        drafts.append(Draft("tier_count", fields(tier=tier.tier, count=count, stated=count, year=year),
                            tier.start, match.end("n"), "tier_count:changed",
                            year_explicit=year is not None, year_offset=offset,
                            negated=ctx.is_negated(cstart, match.start("n")),
                            attributed=ctx.is_attributed(match.start("n"))))
        before = _count_before(match, count)
        if before is not None:
            prev_year = int(match.group("year")) if match.group("year") else year and year - 1
            span = match.span("was") if match.group("was") else (match.start("k"), match.end())
            drafts.append(Draft("tier_count", fields(tier=tier.tier, count=before, year=prev_year or None),
                                *span, "tier_count:previous", year_explicit=prev_year is not None,
                                year_offset=0 if prev_year else offset - 1))
        taken.append((tier.start, match.end()))
    return drafts


def _count_before(match: re.Match[str], count: int) -> int | None:
    """The count before the change: "from 34 to 24" 34, "to 14, two fewer than in 2007" 16."""
    if match.group("was"):
        return parse_cardinal(match.group("was"))
    if not match.group("k") or (difference := parse_cardinal(match.group("k"))) is None:
        return None
    return count + difference if match.group("cmp").lower() in ("fewer", "less") else count - difference


def _earlier_only(ctx: SentenceContext, match: re.Match[str]) -> list[Draft]:
    """ "The number of Tier 3 countries is down from 23 last year": the earlier report's count."""
    count = parse_cardinal(match.group("n"))
    tier = _pick_tier(ctx, match.start(), match.start("n"))
    if count is None or count > 400 or tier is None or ctx.is_modal(match.start(), match.start("n")):
        return []
    year = int(match.group("year")) if match.group("year") else None
    return [Draft(kind="tier_count", fields=fields(tier=tier, count=count, year=year),
                  start=match.start("n"), end=match.end(), reading="tier_count:previous",
                  year_explicit=year is not None, year_offset=0 if year else -1,
                  negated=ctx.is_negated(match.start(), match.start("n")))]


def _subject_tier(ctx: SentenceContext, match: re.Match[str], cstart: int) -> str | None:
    """ "The Watch List [, a category ...,] now holds 32 countries": the subject tier of has/holds.

    Also of a change to a count: "The Watch List, for governments at risk of falling to Tier 3, grew
    to 42 countries".
    """
    verb = (match.groupdict().get("verb") or "").lower()
    if match.re is _TIER_NUMBERING_RE and verb in ("has", "hold", "holds", "held", "contain", "contains",
                                                   "include", "included"):
        verb_start = match.start()
    elif match.re is _COUNT_RE and not match.group("along") \
            and (changed := _GREW_TO_RE.search(ctx.text, max(cstart, match.start() - 40), match.start())):
        verb_start = changed.start()
    else:
        return None
    first = next((t for t in ctx.tiers if t.start >= cstart), None)
    if first is None or not first.tier or first.tier == "special" or first.start >= verb_start \
            or not _SUBJECT_LEAD_RE.fullmatch(ctx.text, cstart, first.start):
        return None
    return first.tier if _SUBJECT_VERB_RE.match(ctx.text[first.end:verb_start]) else None


def _local(ctx: SentenceContext, start: int, end: int) -> tuple[int, int]:
    """The phrase around [start, end): up to the nearest comma, dash, bracket or relative clause."""
    cstart, cend = ctx.clause_bounds(start)
    left = cstart
    for stop in _LOCAL_STOP_RE.finditer(ctx.text, cstart, start):
        left = stop.end()
    stop = _LOCAL_STOP_RE.search(ctx.text, end, cend)
    return left, stop.start() if stop else cend


def _pick_tier(ctx: SentenceContext, start: int, end: int) -> str | None:
    """The one tier a count at [start, end) is about: in its phrase, else in its clause."""
    if _ON_IT_RE.match(ctx.text, end):
        # "placed on the Watch List, one of 28 countries on it": the tier named last before "it"
        before = [t for t in ctx.tiers if t.end <= start and t.tier and t.tier != "special"]
        return before[-1].tier if before else None
    # "**Tier 2 Watch List** (44 countries)": a count in brackets right after a tier's name
    named = [t for t in ctx.tiers if t.end <= start and t.tier and t.tier != "special"
             and _BRACKET_OPEN_RE.fullmatch(ctx.text, t.end, start)]
    if named:
        return named[-1].tier
    # "placed 22 countries on Tier 3 and 43 on the watch list": the tier the counted noun is put on
    attached = next((t for t in ctx.tiers if t.start >= end and t.tier and t.tier != "special"
                     and _ATTACHED_RE.fullmatch(ctx.text, end, t.start)), None)
    if attached is not None:
        return attached.tier
    left, right = _local(ctx, start, end)
    cstart, cend = ctx.clause_bounds(start)
    if _SUBORDINATE_RE.search(ctx.text, max(0, left - 10), start):
        # "... on the blacklist, days after the two countries reopened embassies": a count inside
        # a subordinate clause takes a tier only from that clause
        tiers = {t.tier for t in ctx.tiers if left <= t.start < right and t.tier and t.tier != "special"}
        return tiers.pop() if len(tiers) == 1 else None
    cue = _TIER3_CUE_RE.search(ctx.text, end, right)
    if cue and not any(end <= t.start < cue.start() for t in ctx.tiers):
        # "placed Ecuador among the 10 nations it says do the least": Tier 3 words right after the
        # counted noun beat another tier named earlier in the clause
        return "3"
    for a, b in ((left, right), (cstart, cend)):
        tiers = {t.tier for t in ctx.tiers if a <= t.start < b and t.tier and t.tier != "special"}
        if len(tiers) == 1:
            return tiers.pop()
        if len(tiers) > 1:
            return None  # several tiers: which one the number counts is not clear
    if _TIER3_CUE_RE.search(ctx.text, cstart, cend):
        return "3"
    tiers = {t.tier for t in ctx.tiers if t.tier and t.tier != "special"}
    if not tiers and _TIER3_CUE_RE.search(ctx.text):
        return "3"
    # a tier of another clause counts nothing here: "Bangladesh and Pakistan are two countries of
    # concern; the report placed both of them on the Watch List" (only a clause break between them)
    if any(t.tier and t.tier != "special" and (t.start < cstart or t.start >= cend) for t in ctx.tiers) \
            and ";" in ctx.text:
        return None
    return tiers.pop() if len(tiers) == 1 else None


def _tier_count(ctx: SentenceContext, match: re.Match[str], group: str) -> list[Draft]:
    if match.re is _SHARE_RE and _RANKED_AFTER_RE.match(ctx.text, match.end()):
        group = "k"  # "28 of the 185 governments ranked": 28 on the tier, of all of them
    number = match.group(group)
    count = parse_cardinal(number)
    if count is None or count > 400 or _YEAR_NUMBER_RE.fullmatch(number.strip()):
        return []
    nstart = match.start(group)
    if any(t.start <= nstart < t.end for t in ctx.tiers):
        return []  # the "3" of "Tier 3 governments"
    if match.re is not _SHARE_RE and _OF_THE_TOTAL_RE.search(ctx.text, max(0, nstart - 30), nstart):
        return []  # "28 of the 185 governments ranked": the whole, not those on the tier
    cstart, cend = ctx.clause_bounds(nstart)
    anaphor = match.re is _ANAPHOR_RE
    modal_from = cstart
    joiners = 0
    if match.re is _COUNT_RE and not match.group("along") and (
            _JOINS_AFTER_RE.match(ctx.text, match.end())
            or (_FINITE_AFTER_RE.match(ctx.text, match.end())
                and _DEFINITE_BEFORE_RE.search(ctx.text, max(0, nstart - 8), nstart))):
        # "Two more countries join 12 others": the joiners, not the tier; "the three nations were
        # placed on Tier 3": countries named before, not how many the tier holds
        return []
    if match.re is _JOIN_OTHERS_RE:
        joiners = _joiners(ctx, match.start(), match.group("s") or "", cstart)
        if not joiners:
            return []
    elif match.re is _COUNT_RE and (verb := _JOIN_VERB_RE.fullmatch(match.group("along") or "")):
        # "The two countries join 12 other countries": 14, not 13 (else the one named, plus the others)
        joiners = _joiners(ctx, match.start(), verb.group("s") or "", cstart)
    if match.re is _PLACED_OF_THEM_RE and not any(
            not (m.group("before") and parse_cardinal(m.group("before")))
            for m in _REFERENT_RE.finditer(ctx.text, cstart, match.start())):
        return []  # "placed 17 of them on Tier 3" counts the governments named before it, uncounted
    if match.re in (_BARE_ON_TIER_RE, _PLACED_OF_THEM_RE):
        if match.re is _BARE_ON_TIER_RE and match.group("of_them"):
            if not re.search(rf"\b{_N}\s+(?:[\w-]+\s+)?{_NOUN}\b[^.]*$", ctx.text[:match.start()], re.I):
                return []  # "52 of them": of the countries counted before in the sentence
        elif match.re is _BARE_ON_TIER_RE and match.group("comma") and \
                not _LISTED_BEFORE_RE.search(ctx.text, 0, match.start()):
            return []  # ", 80 on Tier 2" continues a list only after "36 countries on Tier 1"
        named = [t for t in ctx.tiers if match.end() <= t.start <= match.end() + 4 and t.tier
                 and t.tier != "special" and _THE_RE.fullmatch(ctx.text, match.end(), t.start)]
        if not named:
            return []
        tier: str | None = named[0].tier
    elif subject := _subject_tier(ctx, match, cstart):
        tier, modal_from = subject, match.start()  # the appositive's "at risk" hedges nothing
    else:
        tier = _pick_tier(ctx, nstart, match.end())
    if tier is None and not anaphor:
        return _movers_only(ctx, match, nstart)
    if ctx.is_modal(modal_from, nstart) and not _COULD_RE.search(ctx.text, cstart, nstart):
        return []
    groups = match.groupdict()
    left, right = _local(ctx, nstart, match.end())
    previous = _previous(ctx, match, nstart, cend)
    own_end = previous.start() if previous else right
    # The claim's own year: in its phrase, else in its clause outside "up from 13 in 2010"; a
    # relative cue in its phrase ("last year's list held 16") wins over the clause's report year.
    offset = relative_year(ctx.text[left:own_end])
    year = ctx.year_in(left, own_end)
    earlier = ctx.year_in(cstart, nstart)
    if earlier is not None and any(m.group("year") and int(m.group("year")) == earlier
                                   for m in _PREVIOUS_RE.finditer(ctx.text, cstart, nstart)):
        earlier = None  # "21 are on Tier 3, up from 17 in 2012, and 44 sit on the Watch List": 2012 is 17's
    now = earlier is not None and bool(_NOW_RE.search(ctx.text, _year_end(ctx, earlier, cstart), nstart))
    if modal_from != cstart:  # "The Watch List, created in 2004, now holds 32": not the 2004 count
        year = ctx.year_in(modal_from, own_end)
    elif now and year == earlier:
        year = None  # "was last on Tier 3 in 2015 and now joins 16 other countries": today's count
    elif year is None and not offset:
        year = (None if now else earlier) or ctx.year_in(previous.end() if previous else right, cend)
    if year:
        offset = 0
    base = dict(tier=tier, year=year, anaphor=anaphor or None,
                approximate=bool(_APPROX_RE.search(ctx.text[max(0, nstart - 15):nstart])) or None)
    part = _part_of_tier(ctx, match, nstart)
    plus = 1 if groups.get("other") and "other" in groups["other"].lower() else 0
    if groups.get("along"):
        plus = 1 if re.search(r"along|join", groups["along"], re.IGNORECASE) else 0
    start = match.start() if groups.get("along") else nstart
    if joiners:
        plus = joiners
        if match.re is _JOIN_OTHERS_RE:  # "The two countries join 12 others": the "others" need their subject
            start = _subject_start(ctx, match.start(), cstart)
    if part:
        if match.re is _SHARE_RE:
            count, start = parse_cardinal(match.group("k")) or 0, match.start()
        drafts = [Draft(kind="tier_count", fields=fields(**base, count=count, subset=part),
                        start=start, end=match.end(), reading=f"tier_count:{part}",
                        year_explicit=year is not None, year_offset=offset)]
        return drafts
    end = match.end()
    if match.re in (_BARE_ON_TIER_RE, _PLACED_OF_THEM_RE):  # "17 of them on Tier 3", not "17 of them on "
        end = next((t.end for t in ctx.tiers if t.start >= end and t.tier), end)
    drafts = [Draft(
        kind="tier_count",
        fields=fields(**base, count=count + plus, stated=count, others=bool(plus) or None),
        start=start, end=end,
        reading="tier_count:" + ("anaphor" if anaphor else "others" if plus else "number"),
        year_explicit=year is not None, year_offset=offset if not anaphor or year else
        (offset or relative_year(ctx.text[cstart:cend])),
        negated=ctx.is_negated(cstart, nstart),
        attributed=ctx.is_attributed(nstart),
    )]
    if previous and (before := _earlier_count(previous, count)) is not None:
        prev_year = int(previous.group("year")) if previous.group("year") else None
        drafts.append(Draft(
            kind="tier_count", fields=fields(tier=tier, count=before, year=prev_year,
                                             anaphor=anaphor or None),
            start=previous.start("n" if previous.re is _PREVIOUS_RE
                                 else "same" if previous.group("same") else "k"),
            end=previous.end(), reading="tier_count:previous",
            year_explicit=prev_year is not None, year_offset=0 if prev_year else -1,
        ))
    return drafts


def _earlier_count(previous: re.Match[str], count: int) -> int | None:
    """The earlier count "up from 13", "the same number as", "one fewer than" tells."""
    if previous.re is _PREVIOUS_RE:
        return parse_cardinal(previous.group("n"))
    if previous.group("same"):
        return count
    difference = parse_cardinal(previous.group("k"))
    if difference is None:
        return None
    return count + difference if previous.group("cmp").lower() in ("fewer", "less") else count - difference


def _without_tiers(ctx: SentenceContext, start: int, end: int) -> str:
    """text[start:end] with the tier names in it blanked (the "3" of "Tier 3" is no number)."""
    between = list(ctx.text[start:end])
    for tier in ctx.tiers:
        if start <= tier.start and tier.end <= end:
            between[tier.start - start:tier.end - start] = " " * (tier.end - tier.start)
    return "".join(between)


def _subject_start(ctx: SentenceContext, verb_start: int, cstart: int) -> int:
    """Where the subject of "... join 12 others" starts: after the clause's last comma or dash."""
    start = cstart
    for stop in _SUBJECT_START_RE.finditer(ctx.text, cstart, verb_start):
        start = stop.end()
    return start


def _joiners(ctx: SentenceContext, verb_start: int, ending: str, cstart: int) -> int:
    """How many join the others: "The two countries" 2, "Fiji and Samoa" 2, "It joins" 1; 0 unknown.

    `ending` is the verb's ending ("s", "ed", ""), `verb_start` where "join" starts.
    """
    start = _subject_start(ctx, verb_start, cstart)
    counted = _JOINERS_COUNTED_RE.fullmatch(ctx.text, start, verb_start)
    if counted:
        word = counted.group("n")
        return 2 if word.lower() == "both" else parse_cardinal(word) or 0
    if ending == "s" and _JOINERS_ONE_RE.fullmatch(ctx.text, start, verb_start):
        return 1  # "It joins 12 others"
    named = ctx.countries_in(start, verb_start)
    if not named:
        return 0
    # only the countries' names (with "and", commas) before the verb: each of them joins
    rest, at = [], start
    for country in named:
        rest.append(ctx.text[at:country.start])
        at = country.end
    rest.append(ctx.text[at:verb_start])
    if not all(_JOINERS_LIST_RE.fullmatch(part) for part in rest):
        return 0
    if (len(named) == 1) != (ending == "s") and ending != "ed":
        return 0  # "Fiji join 12 others", "Fiji and Samoa joins": the subject is not what it seems
    return len(named)


_RANKED_VERB = (r"(?:ranked|ranks|assessed|assesses|rated|rates|covered|covers|graded|grades|reviewed|"
                r"reviews|listed|lists|evaluated|evaluates)")
# "Of the countries ranked, 17 landed in Tier 3", "Of the countries it ranks, 28 are on Tier 1": the noun
# named before
_PARTITIVE = (rf"\b(?:of|among)\s+the\s+(?:{_N}\s+)?{_NOUN}(?:\s+and\s+territories)?\s+"
              rf"(?:it\s+|the\s+report\s+)?{_RANKED_VERB}(?:\s+in\s+the\s+(?:(?:19|20)\d\d\s+)?(?:TIP\s+)?report)?\s*")
# (or a bare count opening the sentence: "33 on Tier 1, 32 on the Watch List and 21 on Tier 3")
_LISTED_ITEM = r"(?:are\s+|were\s+)?(?:on|in)\s+[^,;.]{1,40}"
_LISTED_BEFORE_RE = re.compile(rf"(?:\b{_N}\s+{_NOUN}\s+|{_PARTITIVE},\s*{_N}\s+|^\W*{_N}\s+){_LISTED_ITEM}"
                               rf"(?:,\s*{_N}\s+{_LISTED_ITEM})*$|{_PARTITIVE}$",
                               re.IGNORECASE)
# the whole of the report's ranking after "k of the N governments"
_RANKED_AFTER_RE = re.compile(rf"\s+(?:it\s+|the\s+report\s+)?{_RANKED_VERB}\b"
                              r"|\s+in\s+the\s+(?:(?:19|20)\d\d\s+)?report\b", re.IGNORECASE)
_NOW_RE = re.compile(r"\b(?:now|currently|this\s+year|today)\b", re.IGNORECASE)


def _year_end(ctx: SentenceContext, year: int, start: int) -> int:
    """Where the first mention of `year` at or after `start` ends."""
    return next((y.end for y in ctx.years if y.year == year and y.start >= start), start)


def _previous(ctx: SentenceContext, match: re.Match[str], nstart: int, cend: int) -> re.Match[str] | None:
    """ "..., down from 19 last year", "rose to 14 from 10 last year": the earlier count of this one."""
    # (to the end of the clause the count's noun is in: "25 - Countries on the Watch List, down from 34 in
    # 2024", a list item whose dash opens a clause of its own)
    cend = max(cend, ctx.clause_bounds(match.end() - 1)[1])
    previous = _PREVIOUS_RE.search(ctx.text, match.end(), cend)
    if previous is None and ("than" in ctx.lower or "same" in ctx.lower):
        previous = _COMPARED_RE.search(ctx.text, match.end(), cend)
        between = _without_tiers(ctx, match.end(), previous.start()) if previous is not None else ""
        if previous is not None and re.search(r"\d|\.(?!\S)", between):
            return None
        return previous
    if previous is None:
        return None
    between = list(ctx.text[match.end():previous.start()])
    for tier in ctx.tiers:  # the "3" of "in Tier 3, down from 15" is a name, not another number
        if match.end() <= tier.start and tier.end <= previous.start():
            between[tier.start - match.end():tier.end - match.end()] = " " * (tier.end - tier.start)
    if re.search(r"\d|\.(?!\S)", "".join(between)):
        return None  # another number (or sentence) stands between: not this count's past
    if previous.group("dir") is None and not (
            previous.start() == match.end() and _CHANGED_TO_RE.search(ctx.text, max(0, nstart - 40), nstart)
            and (previous.group("year") or previous.group("last")
                 or re.match(r"\s*(?:[.;]|,\s+(?:and|while|but)\b|$)", ctx.text[previous.end():]))):
        # a bare "from 23" is a past count only in "fell to 15 from 23 last year" or, with the
        # change ending the clause, "shrank to 25 countries from 31" (the report before)
        return None
    return previous


def _movers_only(ctx: SentenceContext, match: re.Match[str], nstart: int) -> list[Draft]:
    """ "Twenty-nine countries moved up from a lower tier": how many moved, no tier total."""
    if match.re is not _COUNT_RE:
        return []
    count = parse_cardinal(match.group("n"))
    moved = _MOVERS_RE.match(ctx.text, match.end())
    if count is None or moved is None or moved.end() - match.end() > 40 or match.re is not _COUNT_RE \
            or not re.search(r"\btiers?\b|\branking|\bwatch\s*list", ctx.text, re.IGNORECASE):
        return []
    return [Draft(kind="other", fields={"countries_moved": count}, start=nstart, end=moved.end(),
                  reading="other:countries-moved")]


def _part_of_tier(ctx: SentenceContext, match: re.Match[str], nstart: int) -> str | None:
    """ "moved", "region" or None: whether the countries counted are only part of the tier."""
    if match.re is _SHARE_RE:
        # "28 of the 185 governments ranked this year were placed on Tier 1": of all (the tier's count);
        # "three of the 10 Asian countries on Tier 3": part of a part; "four of the 12 countries on the
        # list": 12 is the tier's count
        between = match.group("between")
        if _RANKED_AFTER_RE.match(ctx.text, match.end()) or not (between.strip() and
                                                                  _REGION_WORD_RE.match(between)):
            return None
        return "region"
    between = (match.groupdict().get("between") or "")
    if between.strip() and _REGION_WORD_RE.match(between):
        return "region"
    if _OUT_OF_BEFORE_RE.search(ctx.text[max(0, nstart - 8):nstart]):
        return "region"
    if _REGION_AFTER_RE.search(ctx.text[match.end():match.end() + 30]):
        return "region"
    if _MOVE_BEFORE_RE.search(ctx.text[max(0, nstart - 40):nstart]):
        return "moved"
    if _MOVERS_RE.match(ctx.text, match.end()):
        return "moved"
    return None


def _covered(ctx: SentenceContext) -> list[Draft]:
    drafts = []
    for match in _COVERED_RE.finditer(ctx.text):
        group = "n" if match.group("n") else "n2"
        count = parse_cardinal(match.group(group))
        if count is None or not 50 <= count <= 250:
            continue
        cstart, cend = ctx.clause_bounds(match.start())
        year = ctx.year_in(cstart, cend)
        nstart = match.start(group)
        left, right = _local(ctx, nstart, match.end())
        if any(left <= t.start < right and t.tier for t in ctx.tiers):
            continue  # "ranked 89 countries on Tier 2": a tier count
        drafts.append(Draft(
            kind="other",
            fields=fields(countries_covered=count, year=year,
                          approximate=bool(_APPROX_RE.search(ctx.text[max(0, nstart - 15):nstart]))
                          or None),
            start=match.start(), end=match.end(), reading="other:countries-covered",
            year_explicit=year is not None,
        ))
    return drafts
