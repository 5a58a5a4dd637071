"""Readers for runs on a tier: "for the 12th consecutive year", "six years on the watch list",
"from 2018 to 2020", "has remained at Tier 3 since 2003", "first put on the list in 2003".

A streak's `ends` field says which report closes the run: "report" (the claim's report year: "for the
fifth consecutive year"), "before" (the year before it: "ending a six-year stretch", "following six years
on the Watch List"), or "either" ("has sat there for three years" in an article about the move off it).
"""

from __future__ import annotations

import re
from typing import Any

from tipcheck.extract.context import FIRST_REPORT_YEAR, SentenceContext, YearMention, fields, local_year
from tipcheck.extract.draft import Draft
from tipcheck.extract.subjects import (
    ANAPHOR_RE,
    Subject,
    clause_subjects,
    companion_start,
    conjunct_end,
    conjunct_start,
    last_list,
    local_clause,
    name,
    negated_near,
    object_list,
    tiers_in,
)
from tipcheck.extract.tiers_lexicon import TierMention
from tipcheck.numbers import CARDINAL_PATTERN, ORDINAL_PATTERN, parse_cardinal, parse_ordinal

_RUN = r"(?:consecutive|straight|successive|continuous|uninterrupted)"
_ORDINAL_RE = re.compile(
    rf"(?P<ord>{ORDINAL_PATTERN})(?P<adj>(?:\s+{_RUN})*)\s+(?P<unit>years?|reports?|times?)\b"
    r"(?P<tail>\s+(?:running|in\s+a\s+row))?(?P<window>\s+in\s+(?:the\s+)?(?:last|past)\s+"
    rf"(?P<wn>{CARDINAL_PATTERN})\s+years)?",
    re.IGNORECASE,
)
_DURATION_RE = re.compile(
    # ("four consecutive reports": a yearly report's run, counted in reports, only with its adjective)
    rf"(?P<n>{CARDINAL_PATTERN})(?:(?P<adj>[-\s]+{_RUN})?[-\s]+years?|(?P<radj>\s+{_RUN})\s+(?:reports|editions))\b"
    r"(?P<noun>\s+(?:stretch|run|streak|spell|stint|stay|period))?(?P<tail>\s+(?:in\s+a\s+row|running))?",
    re.IGNORECASE,
)
# a "by the numbers" item: "23 - Consecutive years North Korea has spent on Tier 3", "9 - China's
# straight years on Tier 3" (the figure first, then what it counts)
_LIST_DURATION_RE = re.compile(rf"[\s*_#]*(?P<n>\d{{1,2}})[\s*_]*[-–—:]\s+(?:[^,;.]{{0,40}}?['’]s\s+)?"
                               rf"(?P<adj>{_RUN})\s+(?:years|reports)\b(?P<noun>)(?P<tail>)(?P<radj>)",
                               re.IGNORECASE)
_APPROX_RE = re.compile(r"(?:more\s+than|over|nearly|almost|about|around|at\s+least|some|roughly|"
                        r"under|less\s+than|fewer\s+than|up\s+to)\s+$", re.IGNORECASE)
_BEFORE_CUE = re.compile(r"\b(?:end(?:ed|ing|s)|following|after|had\s+(?:\w+\s+)?(?:been|spent|sat|held|"
                         r"remained|stayed|languished))\b", re.IGNORECASE)
_RANGE_RE = re.compile(
    r"\b(?:from|between)\s+(?P<a>(?:19|20)\d\d)\s*(?:to|and|through|until|till|-|–)\s*(?P<b>(?:19|20)\d\d)\b"
    r"|\b(?P<c>(?:19|20)\d\d)\s*(?:-|–|through)\s*(?P<d>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_CONTINUING = re.compile(r"\b(?:remain\w*|stay\w*|kept|keeps?|sat|sit\w*|held|hold\w*|languish\w*|"
                         r"(?:has|have|had)\s+(?:\w+\s+)?been|still|ever)\b", re.IGNORECASE)
_FIRST_LISTED = re.compile(r"\bfirst\s+(?:(?:\w+\s+)?(?:put|placed|listed|ranked|designated|included|"
                           r"named|added|rated|branded|labell?ed))\b", re.IGNORECASE)
# a relative clause that holds the run: ", which is on the list for a third straight year" (one country),
# ", both of which landed there for a second straight year", ", which are ..." (all of the list)
# (or an apposition: "joining Poland and Lithuania, both on Tier 1 since 2002")
_RELATIVE_RE = re.compile(r",\s*(?:(?P<plural>(?:both|all|each|two|three|four|five|many|most)\s+of\s+"
                          r"(?:which|whom)|(?:which|who)\s+(?:are|were|have|remain|stay)\b|"
                          r"(?:both|all\s+(?:two|three|four|five))\s+(?=(?:still\s+|now\s+)?(?:on|in|at)\s))|"
                          r"(?:which|who)\b)[^,;]*$", re.IGNORECASE)
# "in the first two reports", "in each of the previous three reports", "in the past two editions"
_REPORTS_SPAN_RE = re.compile(
    rf"\b(?:in|(?:spent|during|throughout|over|for)(?=\s+(?:all\s+|both\s+)?the\s+first\b))"
    rf"\s+(?:each\s+of\s+|all\s+|both\s+)?the\s+"
    rf"(?P<which>first|previous|preceding|prior|past|last)\s+"
    rf"(?P<n>{CARDINAL_PATTERN})\s+(?:reports|editions|years|assessments|rankings)\b", re.IGNORECASE)
# "since the first report in 2001", "since its first ranking in 2012", "since the first in 2001"
_SINCE_FIRST = re.compile(r"\bsince\s+(?:the\s+|its\s+)?(?:first(?:\s+(?:one|report|edition|list|ranking|"
                          r"rating|assessment|listing))?|(?:the\s+)?"
                          r"(?:report|list|rankings?)\s+(?:began|started|was\s+first\s+published))\s+in\s+$",
                          re.IGNORECASE)
# "on Tier 3 ever since the 2014 report", "since the 2014 edition": the report starts the run
_SINCE_THE = re.compile(r"\bsince\s+the\s+$", re.IGNORECASE)
_SINCE_REPORT = re.compile(r"\s+(?:TIP\s+|annual\s+)?(?:report|edition|rankings?)\b", re.IGNORECASE)
_FIRST_TIME_SINCE = re.compile(r"\bfirst\s+time\b[^;]*$", re.IGNORECASE)
# a tier held from a year on, with no verb needed: "a Tier 1 country since 2004", "Tier 3 every year since"
_TIER_SINCE = re.compile(r"(?:\btier\s*(?:1|2|3|one|two|three|iii|ii|i)|list|\bcategory|\btier|offenders?)"
                         r"(?:\s+(?:country|nation|member|state|government))?"
                         r"(?:\s+(?:every|each)\s+year|\s+ever|\s+continuously)?\s+"
                         r"since\s+(?:the\s+)?[\w\s]{0,30}?$", re.IGNORECASE)
_SINCE_LAST_YEAR = re.compile(r"\bsince\s+(?:last\s+year(?:['’]s\s+(?:report|edition|list|ranking))?|"
                              r"the\s+(?:previous|last|prior)\s+(?:report|edition|year))\b", re.IGNORECASE)
# a tier the clause only fears: "countries at risk of falling to Tier 3"
_HYPOTHETICAL = re.compile(r"\b(?:risk|danger|threat|verge|brink|fear)\s+of\s+(?:\w+\s+){0,2}$|"
                           r"\b(?:could|may|might|would)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# off the tier, not on it: "the first time it has been off the blacklist", "out of Tier 3"
_OFF_TIER = re.compile(r"\b(?:off|out\s+of|left|leav\w*|remov\w*|lift\w*|escap\w*|avoid\w*|free\s+of)\s+"
                       r"(?:(?:the|its|a|U\.S\.|US|American|[\w-]+)\s+){0,3}$", re.IGNORECASE)
# the first time concerns a class of governments, not a country: "for the first time governments ..."
_GENERIC_AFTER = re.compile(r"[\s,]+(?:any\s+|all\s+|the\s+)?(?:governments|countries|nations|states)\b",
                            re.IGNORECASE)
# "for the first time in two decades", "in 20 years", "in a decade": the first in a span, not ever
_FIRST_IN_SPAN = re.compile(r"\s+in\s+(?:(?:over|more\s+than|nearly|almost|about|some|at\s+least)\s+)?"
                            r"(?:a|the\s+last|the\s+past|[\w-]+|\d+)\s+(?:\w+\s+)?(?:years|decades?|reports)\b|"
                            r"\s+in\s+(?:a|over\s+a|more\s+than\s+a)\s+(?:decade|generation)\b",
                            re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad\b", re.IGNORECASE)
_PRONOUN_BEFORE = re.compile(r"\b(?:it|they)\s+(?:has|have|had|was|were|is|are)\s+(?:\w+\s+){0,2}?"
                             r"(?:held|kept|been|sat|stayed|remained|spent|languished)\b[^,;]{0,30}$",
                             re.IGNORECASE)


# Cheap tests for what the patterns below need, run first: most sentences hold no run at all.
# _ORDINAL_RE: an ordinal (all end in "st", "nd", "rd", "th"), run adjectives, a unit (on the lower case)
_ORDINAL_HINT = re.compile(rf"(?:st|nd|rd|th)(?:\s+{_RUN})*\s+(?:year|report|time)")
# _RANGE_RE: two years and the word or dash between them (on the lower case)
_RANGE_HINT = re.compile(r"(?:19|20)\d\d\s*(?:to|and|through|until|till|-|–)\s*(?:19|20)\d\d")
# _REPORTS_SPAN_RE: "first", "previous", ... and "reports", "years", ...
_SPAN_WORDS = (("first", "previous", "preceding", "prior", "past", "last"),
               ("reports", "editions", "years", "assessments", "rankings"))


def _hinted(ctx: SentenceContext, hint: re.Pattern[str]) -> bool:
    """Whether `hint` (a pattern every match of a reader's pattern holds) is in the lower-cased sentence."""
    return not ctx.gated or bool(hint.search(ctx.lower))


# "When China was first dropped to Tier 3, in 2017", "Nigeria first reached Tier 1 in 2009": the first
# time on the tier the verb reached (as "for the first time" after the move; "first put on Tier 3 in
# 2004" is a run's start, _FIRST_LISTED)
_FIRST_VERB_RE = re.compile(r"\bfirst\s+(?:(?:been|got|get)\s+)?(?:dropped|fell|fallen|moved|downgraded|"
                            r"demoted|relegated|landed|sank|sunk|slipped|upgraded|promoted|rose|risen|"
                            r"climbed|lifted|raised|reached|entered|earned|made|blacklisted|joined)\s+(?:(?:down|up|all\s+the\s+way)\s+)?"
                            r"(?:(?:to|on|onto|into|in)\s+)?(?:the\s+)?(?=\S)")


def _first_moved(ctx: SentenceContext) -> list[Draft]:
    """ "was first dropped to Tier 3 in 2017": the country's first time on that tier, in that report."""
    drafts: list[Draft] = []
    for match in _FIRST_VERB_RE.finditer(ctx.text):
        tier = next((t for t in ctx.tiers if t.start == match.end() and t.tier), None)
        if tier is None:
            continue
        cstart, cend = local_clause(ctx, match.start())
        if _supposed(ctx, cstart, match.start()):
            continue
        drafts += [_run_draft(ctx, "streak", fields(country=name(subject), tier=tier.tier, length=1,
                                                    consecutive=False),
                              "streak:first-moved", tier, (cstart, cend), (match.start(), tier.end))
                   for subject in _subjects(ctx, cstart, cend, match.span())]
    return drafts


def read_streaks(ctx: SentenceContext, moved: set[int]) -> list[Draft]:
    """Streaks, spans of years and streak starts in one sentence (`moved`: tiers that moves used)."""
    drafts: list[Draft] = _first_moved(ctx) if "first" in ctx.lower else []
    if not any(t.tier and i not in moved for i, t in enumerate(ctx.tiers)):
        # every run needs a tier that no move used (_tier_near), but "for the first time" the one a
        # move reached (_reached_first)
        # ... or "remains on it for a second year", on the tier a move of the sentence reached
        if moved and _hinted(ctx, _ORDINAL_HINT):
            for match in _ORDINAL_RE.finditer(ctx.text):
                first = match.group("unit").lower().startswith("time") and "first" in ctx.lower \
                    and parse_ordinal(match.group("ord")) == 1
                if first or _held_again(ctx, match.start(), moved):
                    drafts += _ordinal(ctx, match, moved, [])
        return drafts
    taken: list[tuple[int, int]] = []  # clauses a range already speaks for
    if _hinted(ctx, _RANGE_HINT):
        for match in _RANGE_RE.finditer(ctx.text):
            drafts += _range(ctx, match, moved, taken)
    if _hinted(ctx, _ORDINAL_HINT):
        for match in _ORDINAL_RE.finditer(ctx.text):
            found = _ordinal(ctx, match, moved, taken)
            drafts += found + _elliptical(ctx, found)
            taken.append(match.span())
    if ctx.has(_SPAN_WORDS[0]) and ctx.has(_SPAN_WORDS[1]):
        drafts += _reports_spans(ctx, moved, taken)
    if ctx.has(("year", "reports", "editions")):  # what _DURATION_RE needs: "six years", "a six-year stretch"
        drafts += _durations(ctx, moved, taken)
    drafts += _starts(ctx, moved, taken)
    _before_the_current_run(drafts)
    drafts += _since_last_year(ctx, moved, taken)
    return drafts


def _before_the_current_run(drafts: list[Draft]) -> None:
    """ "Guatemala stays on Tier 2 for a second straight year, after four years on the Watch List": the
    earlier run ended before the current one began, `gap` reports before the claim's (TVPA reports are
    annual, so a current run of L years started L − 1 reports back); after a run "since 2011", in 2010."""
    current = [d for d in drafts if d.reading == "streak:ordinal" and d.fields.get("consecutive")
               and "ends" not in d.fields and "until" not in d.fields]
    for draft in drafts:
        if draft.reading != "streak:duration" or draft.fields.get("ends") != "before":
            continue
        country, tier = draft.fields.get("country"), draft.fields.get("tier")
        runs = [d for d in current if d.end <= draft.start and d.fields.get("country") == country
                and d.fields.get("tier") != tier]
        starts = [d for d in drafts if d.kind == "streak_start" and d.end <= draft.start
                  and d.fields.get("country") == country and d.fields.get("tier") != tier]
        if len(runs) == 1 and runs[0].fields["length"] > 1:
            draft.fields["gap"] = runs[0].fields["length"]
        elif len(starts) == 1 and isinstance(since := starts[0].fields.get("since"), int):
            # "where it has sat since 2011, after seven years on the Watch List": 2004–2010
            draft.fields.update(until=since - 1, ends="until")


def _reports_spans(ctx: SentenceContext, moved: set[int], taken: list[tuple[int, int]]) -> list[Draft]:
    """ "in the first two reports", "in each of the previous three reports", "spent the first eleven
    reports on Tier 3"."""
    drafts: list[Draft] = []
    for match in _REPORTS_SPAN_RE.finditer(ctx.text):
        if any(a <= match.start() < b for a, b in taken):
            continue  # "the second time in the last 12 years": the window of a count
        found = _reports_span(ctx, match, moved)
        if found:
            drafts += found
            taken.append(match.span())
    return drafts


def _durations(ctx: SentenceContext, moved: set[int], taken: list[tuple[int, int]]) -> list[Draft]:
    """ "six years on the Watch List", "ending a six-year stretch" (outside the phrases read before)."""
    drafts: list[Draft] = []
    if ctx.text.lstrip(" *_#")[:1].isdigit() and (listed := _LIST_DURATION_RE.match(ctx.text)):
        drafts += _duration(ctx, listed, moved, taken)
        taken.append(listed.span())
    for match in _DURATION_RE.finditer(ctx.text):
        if not any(a <= match.start() < b or match.start() <= a < match.end() for a, b in taken):
            drafts += _duration(ctx, match, moved, taken)
    return drafts


def _same_tier(ctx: SentenceContext, tier: TierMention, start: int, end: int,
               phrase: tuple[int, int]) -> set[int]:
    """The mentions of `tier` around the run's phrase: "in Tier 3, its category for the worst offenders,
    since 2003" uses both."""
    low = max(start, min(tier.start, phrase[0]) - 40)
    high = min(end, max(tier.end, phrase[1]) + 40)
    return {i for i, t in tiers_in(ctx, low, high) if t.tier == tier.tier}


def _run_draft(ctx: SentenceContext, kind: str, values: dict[str, Any], reading: str, tier: TierMention,
               clause: tuple[int, int], phrase: tuple[int, int],
               extent: tuple[int, int] | None = None) -> Draft:
    """A run's draft: negated and attributed as its `phrase` reads in the clause, using the tier's
    mentions around it; it covers `extent` (the phrase when not given)."""
    cstart, cend = clause
    start, end = extent or phrase
    year = _own_year(ctx, tier, clause, phrase) if kind == "streak" and "until" not in values else None
    if year is not None:
        values["year"] = year
    return Draft(kind, values, start, end, reading,
                 negated=negated_near(ctx, cstart, phrase[0]),
                 attributed=ctx.is_attributed(phrase[0]),
                 consumed=_same_tier(ctx, tier, cstart, cend, phrase),
                 year_explicit=year is not None)


def _own_year(ctx: SentenceContext, tier: TierMention, clause: tuple[int, int],
              phrase: tuple[int, int]) -> int | None:
    """The report year a run gives itself, as a placement does: "stayed on Tier 1 in 2022 for the
    twentieth consecutive year", "In 2022, it stayed on Tier 1 for a 20th straight year" (the tier's
    year only when the tier is in the run's own clause: not "Bahrain, upgraded to Tier 1 in 2018, has
    stayed there for five years")."""
    if clause[0] <= tier.start < clause[1]:
        year = local_year(ctx, tier.start, tier.end)
        if year is not None:
            return year
    return local_year(ctx, *phrase)


def _asserted_tier(ctx: SentenceContext, match: re.Match[str],
                   moved: set[int]) -> tuple[tuple[int, int], TierMention] | None:
    """The clause of a run's phrase and the tier the run is on; None when the clause only supposes it
    ("could stay there for three years") or names no tier."""
    cstart, cend = local_clause(ctx, match.start())
    if ctx.is_modal(cstart, match.start()):
        return None
    tier = _tier_near(ctx, match.span(), cstart, cend, moved)
    return None if tier is None else ((cstart, cend), tier)


_FOLLOW_RE = re.compile(r"(?:\s+each)?(?:\s+for\s+[^,;.]{1,60}?)?\s+(?:on|in|at|as)\s+")
# "the first time the Himalayan republic has landed on the Watch List": a clause of its own after "time"
# ("the first time it has reached the top tier": a verb that takes the tier as its object)
_TIME_FOLLOW_RE = re.compile(r"\s+(?:that\s+)?(?:(?!and\b|but\b|while\b|or\b)[\w'’.-]+\s+){1,4}?"
                             r"(?:(?:has|have|had|was|were|is)\s+(?:(?:ever|been|now|also|even)\s+)*"
                             r"(?:[a-z]+\s+)?(?:on|in|at|to|onto)|(?:(?:has|have|had)\s+(?:ever\s+)?)?"
                             r"(?:reached|regained|earned|won|made|entered|achieved|attained|gained|hit))\s+")
_THERE_BEFORE_RE = re.compile(r"\b(?:there|where)\b[^,;]{0,30}$", re.IGNORECASE)
_COMMA_RE = re.compile(r"[,;]")
_HYPOTHETICAL_WORDS = ("risk", "danger", "threat", "verge", "brink", "fear", "could", "may", "might", "would")


def _tier_near(ctx: SentenceContext, phrase: tuple[int, int], start: int, end: int,
               moved: set[int]) -> TierMention | None:
    """The tier a run is on: right after "on"/"in"/"at", else the nearest one in the clause."""
    offset = phrase[1]
    follow = _FOLLOW_RE.match(ctx.text, offset) or (
        _TIME_FOLLOW_RE.match(ctx.text, offset) if ctx.text[offset - 4:offset].lower() == "time" else None)
    hypothetical = ctx.has(_HYPOTHETICAL_WORDS)
    candidates = [t for i, t in tiers_in(ctx, phrase[0] - 300, phrase[1] + 300)
                  if t.tier and i not in moved
                  and not (hypothetical and _HYPOTHETICAL.search(ctx.text, max(0, t.start - 40), t.start))]
    # "stays there", "Tier 2, where it had sat since ...": a tier named before
    if ctx.has(("there", "where")) and \
            _THERE_BEFORE_RE.search(ctx.text[max(0, phrase[0] - 40):phrase[0]]):
        candidates = [t for t in candidates if t.end <= phrase[0]]
    if follow:  # (not past a comma: "for a second straight year in the 2016 report, after four years on")
        after = [t for t in candidates if t.start <= follow.end() + 40 and t.start >= offset
                 and not _COMMA_RE.search(ctx.text, follow.end(), t.start)]
        if after:
            return after[0]
    candidates = [t for t in candidates if t.start < phrase[1] or not _opens_clause(ctx, t)]
    inside = [t for t in candidates if start <= t.start < end] or candidates
    if not inside:
        return None
    return min(inside, key=lambda t: max(t.start - phrase[1], phrase[0] - t.end, 0))


# a tier after the run that is the subject of a clause of its own: "... in four consecutive reports, from
# 2005 to 2008, and that the Watch List was itself only introduced in 2004" (a statement about the list)
_CLAUSE_OPENER_BEFORE_RE = re.compile(r"(?:[,;]|\band|\bbut|\bwhile|\bwhereas|\bthat)\s+(?:the\s+)?$",
                                      re.IGNORECASE)
_VERB_AFTER_RE = re.compile(r"\s+(?:itself\s+|also\s+|then\s+|only\s+)*(?:was|is|were|are|has|had|have|"
                            r"remains|remained|grew|grows|shrank|shrinks|includes|included|holds|held)\b")


def _opens_clause(ctx: SentenceContext, tier: TierMention) -> bool:
    """The tier is the subject of a clause of its own (a run's tier is what a country is on)."""
    return bool(_VERB_AFTER_RE.match(ctx.text, tier.end)) and \
        bool(_CLAUSE_OPENER_BEFORE_RE.search(ctx.text, max(0, tier.start - 12), tier.start))


def _subjects(ctx: SentenceContext, start: int, end: int, phrase: tuple[int, int]) -> list[Subject]:
    """The countries a run is about: before the companions, in the phrase's own conjunct; for "it had
    held since 2002" in a sentence that opens with its subject, that subject."""
    if _PRONOUN_BEFORE.search(ctx.text, max(start, phrase[1] - 50), phrase[1]):
        # the subject of the run's own conjunct ("..., and India stays on Tier 2, where it has been since
        # 2011": India), else the one that opens the sentence
        own = ctx.countries_in(conjunct_start(ctx, start, phrase[0]), phrase[0])
        if own:
            return [own[0]]
        first = ctx.countries_in(0, len(ctx.text))
        if first and first[0].start < 60:
            return [first[0]]
        if ctx.focus:
            return [ctx.focus]
    begin = conjunct_start(ctx, start, phrase[0])
    relative = _RELATIVE_RE.search(ctx.text, begin, phrase[0])
    if relative is not None:
        # "... Syria and Venezuela, which is on the list for a third straight year": Venezuela alone;
        # "along with Greece and Turkey, both of which landed there ...": the two before "which"
        run = last_list(ctx, begin, relative.start())
        if run and not ctx.text[run[-1].end:relative.start()].strip(" ,"):
            return list(run) if relative.group("plural") else [run[-1]]
    stop = companion_start(ctx, begin, end)
    before: list[Subject] = list(last_list(ctx, begin, min(stop, phrase[0])))
    return before or clause_subjects(ctx, begin, stop)


def _since(ctx: SentenceContext, cstart: int, cend: int, phrase: tuple[int, int],
           words: tuple[str, ...] = ("since",)) -> YearMention | None:
    """The "since YEAR" of a run's own conjunct ("Kuwait stays for the fifth year running, and Saudi
    Arabia, Tier 3 every year since 2005, ...": not Kuwait's)."""
    begin, stop = conjunct_start(ctx, cstart, phrase[0]), conjunct_end(ctx, phrase[1], cend)
    return next((y for y in ctx.years if y.before in words and begin <= y.start < stop), None)


def _ordinal(ctx: SentenceContext, match: re.Match[str], moved: set[int],
             taken: list[tuple[int, int]]) -> list[Draft]:
    count = parse_ordinal(match.group("ord"))
    unit = match.group("unit").lower()
    consecutive: bool | None = bool(match.group("adj") or match.group("tail"))
    if unit.startswith("time"):
        consecutive = False
    elif not consecutive:
        lead = ctx.text[max(0, match.start() - 40):match.start()]
        if _HELD_YEAR_LEAD.search(lead) and not unit.startswith("report"):
            consecutive = True  # "in its third year on the Watch List", "unchanged (second year)"
        elif not re.search(r"\bfor\s+(?:(?:the|a|its)\s+)?$", lead, re.IGNORECASE):
            return []  # "the fifth year" alone is not a streak
        else:
            consecutive = None  # "for the 16th year": a run, or the 16th time
    if not count:
        return []
    cstart, cend = local_clause(ctx, match.start())
    tier = _reached_first(ctx, match, moved) if unit.startswith("time") and count == 1 else None
    tier = tier or _held_again(ctx, match.start(), moved) or \
        _tier_near(ctx, match.span(), cstart, cend, moved)
    if tier is None or _supposed(ctx, cstart, match.start()):
        return []
    if unit.startswith("time") and count == 1 and not _first_time_on(ctx, match, tier):
        return []
    if unit.startswith("time") and count > 1 and \
            _OFF_TIER.search(ctx.text, max(0, tier.start - 30), tier.start):
        return []  # "the second time the country has left the top tier": times off it, not on it
    if consecutive is None and _CONTINUING.search(ctx.text, conjunct_start(ctx, cstart, match.start()),
                                                  match.start()):
        consecutive = True  # "remained in the bottom category for a third year": a run, not a count
    since_at = _since(ctx, cstart, cend, match.span())
    since = since_at.year if since_at else None
    if since_at is not None:
        taken.append((since_at.start, since_at.end))
    window = parse_cardinal(match.group("wn")) if match.group("wn") else None
    out = []
    for subject in _subjects(ctx, cstart, cend, match.span()) if count else []:
        out.append(_run_draft(
            ctx, "streak",
            fields(country=name(subject), tier=tier.tier, length=count, consecutive=consecutive,
                   loose=(consecutive is None) or None, since=since, window=window),
            "streak:ordinal", tier, (cstart, cend), match.span(),
        ))
    return out


# a verb of staying on "it" or "there", right before the run: "..., and Zimbabwe remains on it for a second
# year" (the tier named before it in the sentence)
_ON_IT_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|stays?|stayed|remains?|remained|sits?|sat)\s+"
                              r"(?:(?:still|also|now|again)\s+)?(?:on\s+it|there)\s+for\s+"
                              r"(?:the\s+|a\s+|an\s+|its\s+)?$", re.IGNORECASE)


def _held_again(ctx: SentenceContext, offset: int, moved: set[int]) -> TierMention | None:
    """The tier a move reached before "remains on it for" / "stays there for" at `offset`."""
    lead = _ON_IT_BEFORE_RE.search(ctx.text, max(0, offset - 60), offset) if moved else None
    if lead is None:
        return None
    reached = [ctx.tiers[i] for i in moved if ctx.tiers[i].end <= lead.start() and ctx.tiers[i].tier]
    return max(reached, key=lambda t: t.end) if reached else None


# the Nth year of a run with no "consecutive": "Gabon, in its third year on the Watch List", a table's
# "unchanged (second year)"
# (also "This is its fourth year on Tier 3", "stays on the Watch List, its fourth year there")
# ("this was China's third year on the Watch List")
_HELD_YEAR_LEAD = re.compile(r"(?:\b(?:in|is|was|marks|marked)\s+(?:its|their|(?-i:[A-Z])[\w.'’-]*"
                             r"(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2}['’]s)|,\s*(?:its|their)|\bunchanged\W*)\s*$",
                             re.IGNORECASE)


# "upgraded to Tier 1 for the first time": the tier the move reached
_FOR_THE_RE = re.compile(r"\s+for\s+(?:the\s+|a\s+)?")


def _reached_first(ctx: SentenceContext, match: re.Match[str], moved: set[int]) -> TierMention | None:
    """The tier a move reached right before "for the first time" (the run is on it, not on another
    tier of the sentence: "upgraded to Tier 1 for the first time, while Kazakhstan remains on Tier 2")."""
    for index in moved:
        tier = ctx.tiers[index]
        if tier.tier and tier.end <= match.start() and \
                _FOR_THE_RE.fullmatch(ctx.text, tier.end, match.start()):
            return tier
    return None


_OWN_CLAUSE_RE = re.compile(r",\s*(?:which|who|where)\b")  # a relative clause: a new verb's own words


def _supposed(ctx: SentenceContext, cstart: int, offset: int) -> bool:
    """The run's own clause only supposes it: "Should Bulgaria stay there for a third straight year, ...",
    "if it remains on the list for a fourth year" (not "among countries at risk of falling to Tier 3,
    India, which stays there for a fourth year": that hedge is another clause's)."""
    begin = max(conjunct_start(ctx, cstart, offset), offset - 120)
    for relative in _OWN_CLAUSE_RE.finditer(ctx.text, begin, offset):
        begin = relative.start()
    return ctx.is_modal(begin, offset)


# "..., and Russia for the 12th", "... and Saudi Arabia for a fourth": the run's noun left out
_ELLIPSIS_RE = re.compile(rf"(?:\s+(?:in|on|at|under)\s[^,;.]{{0,50}}?)?,?\s+(?:and|while|whereas|with)\s+"
                          rf"(?P<who>(?:(?:the|neighbou?ring|nearby|fellow)\s+)?[A-Z][^,;.]{{0,60}}?)\s+"
                          rf"for\s+(?:the|a|an|its)\s+(?P<ord>{ORDINAL_PATTERN})"
                          r"(?![\w-]|\s+(?:consecutive|straight|successive|years?|times?|reports?)\b)")


_OPENERS = ("", "the", "neighbouring", "neighboring", "nearby", "fellow")  # "..., and neighbouring Turkey"


def _elliptical(ctx: SentenceContext, runs: list[Draft]) -> list[Draft]:
    """ "Belarus stayed on the blacklist for a fourth consecutive year, and Russia for the 12th": the
    second conjunct leaves out the verb, the tier and the noun of the first; it is a run of its own."""
    if not runs:
        return []
    first = runs[0]
    match = _ELLIPSIS_RE.match(ctx.text, first.end)
    count = parse_ordinal(match.group("ord")) if match else None
    if match is None or not count:
        return []
    who = ctx.countries_in(match.start("who"), match.end("who"))
    if not who or ctx.text[match.start("who"):who[0].start].strip(" ").lower() not in _OPENERS:
        return []  # the conjunct must open with the country
    return [Draft("streak", {**first.fields, "country": name(mention), "length": count},
                  match.start("who"), match.end(), "streak:elliptical", negated=first.negated,
                  attributed=first.attributed, consumed=set(first.consumed))
            for mention in who]


def _reports_span(ctx: SentenceContext, match: re.Match[str], moved: set[int]) -> list[Draft]:
    """ "blacklisted in the first two reports" (the reports of the first N years), "rated Tier 2 in the
    previous two reports" (each of the N reports before the claim's own, maybe more before them)."""
    count = parse_cardinal(match.group("n"))
    found = _asserted_tier(ctx, match, moved) if count and count <= 40 else None
    if found is None:
        return []
    (cstart, cend), tier = found
    which = match.group("which").lower()
    if which == "first":
        values = {"first_reports": count, "length": count, "ends": "range"}
    else:  # "in the previous two reports": the two before the claim's; "the past two": maybe with it
        values = {"length": count, "at_least": True,
                  "ends": "before" if which in ("previous", "preceding", "prior") else "either"}
    return [_run_draft(ctx, "streak", fields(country=name(subject), tier=tier.tier, **values),
                       "streak:reports-span", tier, (cstart, cend), match.span())
            for subject in _subjects(ctx, cstart, cend, match.span())]


def _first_time_on(ctx: SentenceContext, match: re.Match[str], tier: TierMention) -> bool:
    """ "placed in Tier 1 for the first time" says the country is on the tier for the first time; not
    "the first time it has been off the blacklist", "for the first time since 2004" (when it was last
    there), or "for the first time governments on its blacklist could lose aid" (no country's tier)."""
    low, high = min(match.start(), tier.start), max(match.end(), tier.end)
    if _OFF_TIER.search(ctx.text, max(0, tier.start - 30), tier.start) or \
            ctx.is_negated(max(0, low - 30), high):
        return False
    cend = local_clause(ctx, match.start())[1]
    if _FIRST_IN_SPAN.match(ctx.text, match.end()) or re.match(r"\s+since\b", ctx.text[match.end():]) or \
            re.search(r"\bsince\s+(?:19|20)\d\d\b", ctx.text[match.end():cend]):
        return False  # "the first time since 2010 that ...": since then, not ever
    return not _GENERIC_AFTER.match(ctx.text, match.end())


def _duration(ctx: SentenceContext, match: re.Match[str], moved: set[int],
              taken: list[tuple[int, int]]) -> list[Draft]:
    """ "six years on the Watch List", "ending a six-year stretch", "has spent two years in Tier 3"."""
    length = parse_cardinal(match.group("n"))
    if not length or length > 40 or _APPROX_RE.search(ctx.text[max(0, match.start() - 14):match.start()]):
        return []
    found = _asserted_tier(ctx, match, moved) if _is_run(ctx, match) else None
    if found is None:
        return []
    (cstart, cend), tier = found
    listed = object_list(ctx, match.end() + len(re.match(r"(?:\s+each)?\s+for\s+|", ctx.text[match.end():])
                                                    .group(0)), cend) \
        if re.match(r"(?:\s+each)?\s+for\s+", ctx.text[match.end():]) else []
    subjects: list[Subject] = list(listed) or _subjects(ctx, cstart, cend, match.span())
    until = _UNTIL_RE.match(ctx.text, match.end())
    ends = "before" if _BEFORE_CUE.search(ctx.text, max(cstart, match.start() - 30),
                                          min(cend, match.end() + 60)) else "either"
    # ("where it has sat since 2011, after seven years on the Watch List": a run that ended before
    # another began has no "since" of its own)
    # ("From 2002 Malaysia spent four consecutive reports on Tier 2": a run of N from that year)
    since = None if until or ends == "before" else _since(ctx, cstart, cend, match.span(), ("since", "from"))
    ended = _ENDED_BY_MOVE_RE.match(ctx.text, match.end()) if not (until or since) and ctx.has(("before",)) \
        else None
    out = []
    for subject in subjects:
        values = fields(country=name(subject), tier=tier.tier, length=length, consecutive=True,
                        ends=ends)
        if until is not None:  # "on the watch list for seven consecutive years until 2010"
            last = int(until.group("y"))
            values.update(since=last - length + 1, until=last, ends="range")
        elif since is not None:
            values.update(since=since.year, until=since.year + length - 1, ends="range")
        elif ended is not None:  # "twelve years on Tier 3 before it was moved up in 2015": up to 2014
            values.update(until=int(ended.group("y")) - 1, ends="until")
        out.append(_run_draft(ctx, "streak", values, "streak:duration", tier, (cstart, cend), match.span()))
    if out and since is not None:
        taken.append((since.start, since.end))
    if out and until is not None:
        taken.append(until.span("y"))
    return out


# the move that ended the run, and its year: "twelve years on Tier 3 before it was moved up in 2015"
_ENDED_BY_MOVE_RE = re.compile(
    r"(?:\s+(?:on|in|at)\s+[^,;.()]{1,40}?)?,?\s+before\s+(?:(?:it|they|the\s+\w+|[A-Z][\w'’-]+)\s+)?"
    r"(?:was\s+|were\s+|got\s+|being\s+)?(?:moved|upgraded|downgraded|lifted|dropped|promoted|demoted|bumped|"
    r"raised|lowered|climbed|rose|fell|returned)\b[^,;.()]{0,30}?\bin\s+(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE)
# the run's last year, right after it: "for seven consecutive years until 2010", "six years on the
# watch list, through 2019" (a "since" later in the clause is another run's start)
_UNTIL_RE = re.compile(r"(?:\s+(?:on|in|at)\s+[^,;.()]{1,40}?)?,?\s+"
                       r"(?:until|till|through|up\s+to|ending\s+in)\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)


_RUN_LEAD = re.compile(r"\b(?:for|spent|spending|spends|after|following|ending|ended|ends|"
                       r"since\s+(?:19|20)\d\d,?(?:\s+\w+){0,4}?)\s+(?:(?:the|a|an|its|their)\s+)?"
                       r"(?:(?:last|past|previous|first|preceding)\s+)?$", re.IGNORECASE)
_RUN_FOLLOW = re.compile(r"(?:\s+each)?(?:\s+for\s+[^,;.]{1,60}?)?\s+(?:on|in|at)\s+", re.IGNORECASE)


def _is_run(ctx: SentenceContext, match: re.Match[str]) -> bool:
    """ "for six years", "a six-year stretch", "six years on the Watch List" (not "his six-year term")."""
    if match.group("noun") or match.group("tail") or match.group("adj") or match.group("radj"):
        return True
    if re.match(r"\s*-\s*year\s+\w", match.group(0)[len(match.group("n")):] + ctx.text[match.end():]
                [:3]) and not _RUN_LEAD.search(ctx.text, max(0, match.start() - 60), match.start()):
        return False  # "six-year presidency": an adjective of something else
    return bool(_RUN_LEAD.search(ctx.text, max(0, match.start() - 60), match.start())
                or _RUN_FOLLOW.match(ctx.text, match.end()))


def _range(ctx: SentenceContext, match: re.Match[str], moved: set[int],
           taken: list[tuple[int, int]]) -> list[Draft]:
    """ "from 2018 to 2020, it was on the Tier 2 Watch List": on that tier in each of those years."""
    first, last = int(match.group("a") or match.group("c")), int(match.group("b") or match.group("d"))
    found = _asserted_tier(ctx, match, moved) if 0 <= last - first <= 40 else None
    if found is None:
        return []
    (cstart, cend), tier = found
    out = []
    for subject in _subjects(ctx, cstart, cend, match.span()):
        out.append(_run_draft(ctx, "streak", fields(country=name(subject), tier=tier.tier, since=first,
                                                    until=last, length=last - first + 1, consecutive=True,
                                                    ends="range"),
                              "streak:range", tier, (cstart, cend), match.span()))
    if out:
        taken.append((cstart, cend))
    return out


def _starts(ctx: SentenceContext, moved: set[int], taken: list[tuple[int, int]]) -> list[Draft]:
    """ "has remained at Tier 3 since 2003", "first put on the list in 2003"."""
    drafts: list[Draft] = []
    # a "since" for the run's start (_SINCE_FIRST needs one too), or a "first" (_FIRST_LISTED)
    has_since, has_first = ctx.has(("since",)), ctx.has(("first",))
    if not (has_since or has_first):
        return drafts
    for year in ctx.years:
        if any(a <= year.start < b for a, b in taken):
            continue
        since = year.before == "since" or (has_since and bool(_SINCE_FIRST.search(
            ctx.text, max(0, year.start - 50), year.start))) or (
            year.before == "the" and has_since and bool(_SINCE_REPORT.match(ctx.text, year.end))
            and bool(_SINCE_THE.search(ctx.text, max(0, year.start - 12), year.start)))
        if not since and (year.before != "in" or not has_first):
            continue  # neither a run's start nor "first put on the list in 2003"
        first_listed = has_first and bool(_FIRST_LISTED.search(ctx.text, max(0, year.start - 60), year.start))
        cstart, cend = local_clause(ctx, year.start)
        if since:
            if _FIRST_TIME_SINCE.search(ctx.text, max(cstart, year.start - 120), year.start):
                continue  # "for the first time since 2004": when it was last there, not a run
            if not (_CONTINUING.search(ctx.text, cstart, cend) or _TIER_SINCE.search(
                    ctx.text, max(cstart, year.start - 60), year.start)):
                continue
        elif not (first_listed and year.before == "in"):
            continue
        drafts += _start(ctx, year, moved, bool(first_listed), (cstart, cend))
    if has_since and has_first:
        # "which has held the top ranking without interruption since the first report": since 2001
        for match in _SINCE_FIRST_REPORT_RE.finditer(ctx.text):
            cstart, cend = local_clause(ctx, match.start())
            if any(a <= match.start() < b for a, b in taken) or \
                    not _CONTINUING.search(ctx.text, cstart, cend):
                continue
            first = YearMention(match.start("first"), match.end(), FIRST_REPORT_YEAR, "since")
            drafts += _start(ctx, first, moved, False, (cstart, cend))
    return drafts


_SINCE_FIRST_REPORT_RE = re.compile(r"\bsince\s+(?P<first>(?:the\s+|its\s+)?(?:very\s+)?first\s+"
                                    r"(?:report|edition|ranking|list))\b(?!\s+(?:in|of)\s)", re.IGNORECASE)


def _since_last_year(ctx: SentenceContext, moved: set[int], taken: list[tuple[int, int]]) -> list[Draft]:
    """ "where it had sat since last year's report" (on the tier the year before, and not the year before
    that); "has been on Tier 2 since last year" (the last two reports, and not the one before)."""
    drafts: list[Draft] = []
    if not ctx.has(("since",)):
        return drafts
    for match in _SINCE_LAST_YEAR.finditer(ctx.text):
        cstart, cend = local_clause(ctx, match.start())
        if any(a <= match.start() < b for a, b in taken) or ctx.is_modal(cstart, match.start()) or \
                not _CONTINUING.search(ctx.text, cstart, match.start()):
            continue
        tier = _tier_near(ctx, match.span(), cstart, cend, moved)
        if tier is None:
            continue
        before = bool(_PLUPERFECT.search(ctx.text, max(cstart, match.start() - 60), match.start()))
        subjects = _subjects(ctx, cstart, cend, match.span())
        if not subjects and ctx.focus and ANAPHOR_RE.search(ctx.text, cstart, cend):
            subjects = [ctx.focus]
        values = {"length": 1 if before else 2, "consecutive": True, "ends": "before" if before else "report"}
        drafts += [_run_draft(ctx, "streak", fields(country=name(s), tier=tier.tier, **values),
                              "streak:since-last-year", tier, (cstart, cend), match.span())
                   for s in subjects]
    return drafts


def _start(ctx: SentenceContext, year: YearMention, moved: set[int], first: bool,
           clause: tuple[int, int]) -> list[Draft]:
    cstart, cend = clause
    tier = _tier_near(ctx, (year.start, year.end), cstart, cend, moved)
    if tier is None and first and re.search(r"\b(?:the|its|a)\s+(?:\w+\s+){0,3}list\b", ctx.text):
        tier = None  # "first put on the list": the list is the one the document speaks of
    if tier is None:
        return []
    anchor = min(tier.start, year.start)
    if tier.end <= conjunct_start(ctx, cstart, year.start):
        anchor = year.start  # "..., and Saudi Arabia has been there since 2005": a tier named before
    subjects = _subjects(ctx, cstart, cend, (anchor, year.end))
    if not subjects and ctx.focus and ANAPHOR_RE.search(ctx.text, cstart, cend):
        subjects = [ctx.focus]
    ends = "either" if _PLUPERFECT.search(ctx.text, cstart, year.start) else "report"
    return [_run_draft(
        ctx, "streak_start",
        fields(country=name(s), tier=tier.tier, since=year.year, first=first or None,
               ends=None if first else ends),
        "streak_start:first-listed" if first else "streak_start:since", tier, clause,
        (year.start, year.end), extent=(anchor, max(tier.end, year.end)),
    ) for s in subjects]
