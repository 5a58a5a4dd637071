"""Readers for which report a document speaks of and when it came out."""

from __future__ import annotations

import bisect
import re

from tipcheck.extract.context import SentenceContext, fields
from tipcheck.extract.draft import Draft
from tipcheck.numbers import CARDINAL_PATTERN, ORDINAL_PATTERN, parse_cardinal, parse_ordinal

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_REPORT = (r"(?:(?:annual\s+)?(?:(?:U\.S\.|US|American)\s+)?(?:State\s+Department(?:'s)?\s+)?"
           r"(?:Trafficking\s+in\s+Persons|TIP|[Hh]uman\s+[Tt]rafficking|[Tt]rafficking)\s+"
           r"\(?(?:TIP\)\s+)?[Rr]eport|[Rr]eport\s+on\s+(?:human\s+)?trafficking)")
# the report's year: "the 2014 TIP Report", "Trafficking in Persons Report 2019", "its 2020 report",
# "the 2023 edition of the TIP report" (every branch needs "20" and "eport" or "edition") ...
_YEAR_BRANCHES = (
    rf"\b(?P<y1>20[0-4]\d)\s+{_REPORT}"
    rf"|\b(?:Trafficking\s+in\s+Persons|TIP)\s+[Rr]eport\s*(?:\(|,\s*|-\s*)?(?P<y2>20[0-4]\d)\b"
    rf"|\b(?:[Tt]he|its|[Tt]his|[Tt]hat)\s+(?P<y3>20[0-4]\d)\s+(?:annual\s+|TIP\s+)?(?:[Rr]eport|edition)\b"
    # (not "the 2015 report on labour migration by the ILO"; "the 2015 report on Monday" is the report;
    # "the 2024 edition, the 23rd" is the report, "the 2024 edition of the Global Slavery Index" not)
    rf"(?!\s+(?:by|from|of)\b|\s+on\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
    rf"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))"
    rf"|\b(?P<y4>20[0-4]\d)\s+edition\s+of\s+(?:the\s+)?(?:[\w.'’]+\s+){{0,5}}?"
    rf"(?:TIP|Trafficking\s+in\s+Persons)\b"
)
# ... or its number: "the second annual report" (needs "annual", case as written)
_ORDINAL_BRANCH = (
    rf"\b(?P<ord>{ORDINAL_PATTERN})\s+annual\s+(?:\w+\s+){{0,4}}?(?:[Rr]eport"
    rf"|(?P<noun>assessment|ranking|edition|survey|review)(?=[\s,.;]))\b"
)
_REPORT_YEAR_RE = re.compile(f"{_YEAR_BRANCHES}|{_ORDINAL_BRANCH}")
# the same search when the literals of one side are missing (a branch that cannot match anywhere
# changes nothing that finditer finds): cheaper than trying every branch at every word
_YEARS_ONLY_RE = re.compile(_YEAR_BRANCHES)
_ORDINAL_ONLY_RE = re.compile(_ORDINAL_BRANCH)
# The report with its number in apposition: "The report, the 25th edition, ...", "The 2020 report,
# the 20th since Congress passed the Trafficking Victims Protection Act, ..." (counted from the first
# report; "the fifth since Blinken took office" counts from something else and is not read); "The
# report, now in its 11th edition, ..."; "The report, now in its sixth year, ...", "the report is in
# its sixth year" (a yearly report in its Nth year is its Nth edition: "year" only after "in its");
# "the report's sixth edition".
_APPOSED_ORDINAL_RE = re.compile(
    rf"\b(?:[Rr]eport|edition)\s*(?:,|\s-|[–—])\s+(?:the|its|(?P<in>(?:now\s+)?in\s+its))\s+"
    rf"(?P<ord>{ORDINAL_PATTERN})"
    rf"(?:\s+(?:annual\s+)?(?P<noun>edition|report|installment|issue|one|year))?"
    rf"(?=\s*[,;)—–]|\s+-\s|\s+since\s+(?:Congress|the\s+(?:TVPA|Trafficking\s+Victims|law|first|"
    rf"series)|its\s+(?:creation|launch|inception)|it\s+was\s+(?:first|created|launched)|2000\b))"
    rf"|\b(?:[Tt]he|[Ii]ts|[Tt]his)\s+(?P<ord2>{ORDINAL_PATTERN})\s+(?:edition|installment)\s+of\s+(?:the\s+)?"
    rf"(?:annual\s+|yearly\s+)?(?:U\.S\.\s+|State\s+Department['’]?s?\s+)?"
    rf"(?:TIP\b|Trafficking\s+in\s+Persons|[Rr]eport\b|[Tt]rafficking\s+report)"
    rf"|\b[Rr]eport(?:\s+(?:is|was)|\s*,?\s+which\s+(?:is|was))\s+(?:now\s+)?in\s+its\s+"
    rf"(?P<ord3>{ORDINAL_PATTERN})\s+(?:year|edition)\b"
    rf"|\b[Rr]eport['’]s\s+(?P<ord4>{ORDINAL_PATTERN})\s+(?:annual\s+)?(?:edition|installment)\b"
    # "It's the twenty-fourth edition", "This is the 20th annual report" (it: the report spoken of)
    rf"|\b(?:[Ii]t|[Tt]his)(?:['’]s|\s+is|\s+was)\s+the\s+(?P<ord5>{ORDINAL_PATTERN})\s+"
    rf"(?:edition|installment|annual\s+(?:edition|report))\b(?!\s+of\b)"
    # "This summer's edition is the 24th", "This year's report is the 24th edition"
    rf"|\b(?:[Rr]eport|edition)\s+(?:is|was)\s+(?:now\s+)?the\s+(?P<ord6>{ORDINAL_PATTERN})"
    rf"(?:\s+(?:annual\s+)?(?:edition|report|installment|one))?\b(?!\s+of\b|\s+(?:country|countries|nation))"
    # "this year's, the 25th, came out under Rubio": the report left out after the possessive
    rf"|\b(?:[Tt]his|[Ll]ast)\s+year['’]s\s*,\s+the\s+(?P<ord7>{ORDINAL_PATTERN})(?=\s*[,;)—–])"
)
# cheap tests for the literals the patterns need (see _may_appose, report_years)
# ("Report|report": literal first letters; a dash sets off an apposition as a comma does: "This year's
# edition - the 20th - was presented")
_REPORT_COMMA_RE = re.compile(r"(?:Report|report|edition)\s*(?:,|\s-|[–—])")
# what the ordinal branch needs: "annual" and whitespace after whitespace after the ordinal, which
# ends in "st", "nd", "rd" or "th" (in any case) (see _annual_after_ordinal)
_ORDINAL_END_RE = re.compile(r"(?i:st|nd|rd|th)")
# what every branch of _APPOSED_ORDINAL_RE holds: "the", "its" (also of "in its"), "this" ("this twentieth
# edition of the report") or "report's", whitespace, the ordinal, then a closing mark or the word after it
# (the literal first letters let the engine skip ahead to them)
_APPOSED_HINT_RE = re.compile(rf"(?:The|the|Its|its|This|this|'s|’s)\s+{ORDINAL_PATTERN}"
                              rf"(?:\s*[,;)—–.!?]|\s*$|\s+(?:-\s|since|"
                              r"annual|edition|report|installment|issue|one|year))")
_REPORT_OR_TRAFFICKING_RE = re.compile(r"\b(?:report|trafficking)\b", re.IGNORECASE)
_PREVIOUS_WORD_RE = re.compile(r"\b(?:last|previous|prior)\b")
# another publication named before "its 2023 edition": the edition is that publication's
_OTHER_PUBLICATION_RE = re.compile(r"\b(?:Index|Walk\s+Free|ILO|International\s+Labou?r\s+Organi[sz]ation|"
                                   r"UNODC|Freedom\s+House|Human\s+Rights\s+Watch|Amnesty|Global\s+Report|"
                                   r"Country\s+Reports|Human\s+Rights\s+Practices|Ranking)\b")
_SINCE_LEAD_RE = re.compile(r"\bsince\s+(?:the\s+|its\s+)?$")
# "four years after the 2003 report had placed it on Tier 3": an earlier report, N years before the news
_YEARS_AFTER_LEAD_RE = re.compile(rf"\b(?P<n>a|an|{CARDINAL_PATTERN})\s+(?:full\s+|long\s+)?years?\s+"
                                  r"(?:after|since)\s+(?:the\s+)?$", re.IGNORECASE)
# (each pattern below opens with a lookahead for the first letters its matches can start with: one cheap
# test at each position before the engine tries the alternatives)
_DATE_RE = re.compile(
    r"(?=[MTWFSJAOND\d])"  # a weekday, a month or the day
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH})(?![\w.]))"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
# the first letters of every month _MONTH names (case as written): a cheap test before _DATE_RE
_MONTH_START_RE = re.compile(r"Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec")
# "issue" is a release only as a verb: "issued", "issues its report", not a newsletter's "Issue 114"
_RELEASE_CUE_RE = re.compile(
    r"(?=[riplucma])\b(?:releas\w*|issu(?:ed|ing)|issues?(?=\s+(?:its|the|a|an|their|this|that)\b)|publish\w*|"
    r"unveil\w*|launch\w*|came\s+out|come\s+out|made\s+public|"
    r"present\w*|rolled\s+out|announc\w*)\b", re.IGNORECASE)
# What the report does to a country on the day it comes out: "downgraded on Tuesday by the State
# Department", "landed Tuesday on a Washington blacklist", "gave Cuba better marks on Monday".
_ACTION_CUE_RE = re.compile(
    r"(?=[dupnrlbgkm])\b(?:downgrad\w*|upgrad\w*|demot\w*|promot\w*|plac\w*|rank\w*|rat(?:ed|es)|nam(?:ed|es)|"
    r"label+(?:ed|s)|blacklist\w*|land(?:ed|s)|gave|gives|put|puts|kept|keeps|moved|dropped|"
    r"branded)\b", re.IGNORECASE)
_REPORT_CUE_RE = re.compile(r"(?=[rswubt])\b(?:report|State\s+Department|Washington|United\s+States|U\.?S\.?|"
                            r"blacklist|[Tt]ier|watch\s*list)", re.IGNORECASE)
# "released yesterday", "This month the U.S. government placed 14 countries": the release day
# relative to the document's dateline (resolved in claims.py).
_RELATIVE_RE = re.compile(r"(?=[ytl])\b(?P<rel>yesterday|today|this\s+month|last\s+month)\b", re.IGNORECASE)
_DATELINE_LEAD_RE = re.compile(r"^[A-Z][A-Z.' -]+(?:\s*\([A-Za-z]+\))?,\s*$")
_WEEKDAY_RE = re.compile(rf"(?=[MTWFS])\b(?P<wd>{_WEEKDAY})(?:'s)?\b")
# A weekday that dates someone's reaction ("the foreign ministry said Tuesday", "Seoul on Friday
# welcomed its upgrade"): the day after the release, often, not the release day.
_REACTION = (r"(?:said|says|told|stated|responded|reacted|welcomed|rejected|critici[sz]ed|condemned|"
             r"regretted|protested|denied|dismissed|hailed|praised|complained|insisted|noted|added|"
             r"argued|warned|vowed|pledged|expressed|called|urged|thanked)")
_REACTION_BEFORE_RE = re.compile(rf"\b{_REACTION}\s+(?:(?:late|early)\s+)?(?:on\s+)?$", re.IGNORECASE)
_REACTION_AFTER_RE = re.compile(rf"^(?:\s+(?:morning|afternoon|evening|night))?\s+(?:it\s+|that\s+)?"
                                rf"{_REACTION}\b", re.IGNORECASE)
# A masthead: "Issue 114 -- 29 June 2020", "Vol. 3, No. 12 | June 2020": when the document itself
# came out, not a claim about the report.
_MASTHEAD_LEAD_RE = re.compile(r"\b(?:Issue|Vol\.|Volume|No\.|Number|Edition)\s*#?\s*\d+\s*"
                               r"(?:[-–—|:,/]+\s*)?$")
_RELEASED_ON_RE = re.compile(r"\b(?:releas\w*|issu\w*|publish\w*|unveil\w*|launch\w*|came\s+out|"
                             r"rolled\s+out|made\s+public|present\w*)\s+(?:\w+\s+){0,3}?(?:on\s+)?$",
                             re.IGNORECASE)


def read_release(ctx: SentenceContext) -> list[Draft]:
    """Report-year, release-weekday and release-date claims of one sentence."""
    drafts = report_years(ctx)
    dated = _dates(ctx)
    drafts += dated
    if not any(d.fields.get("weekday") for d in dated):
        drafts += _weekdays(ctx)
    return drafts


def _report_year_re(text: str) -> re.Pattern[str] | None:
    """The part of _REPORT_YEAR_RE whose literals the sentence holds (None: no branch can match)."""
    years = "20" in text and ("eport" in text or "edition" in text)
    if "annual" in text and _annual_after_ordinal(text):
        return _REPORT_YEAR_RE if years else _ORDINAL_ONLY_RE
    return _YEARS_ONLY_RE if years else None


def _annual_after_ordinal(text: str) -> bool:
    """Whether some "annual" has whitespace after it, and before it whitespace after an ordinal's
    last letters: what _ORDINAL_BRANCH needs (found by str.find: quicker than a regex scan)."""
    at = text.find("annual")
    while at >= 0:
        head = text[:at].rstrip()  # str.isspace is what \s matches
        if len(head) < at and text[at + 6:at + 7].isspace() and len(head) >= 2 \
                and _ORDINAL_END_RE.fullmatch(head, len(head) - 2):
            return True
        at = text.find("annual", at + 1)
    return False


def _may_appose(text: str) -> bool:
    """Whether _APPOSED_ORDINAL_RE could match: "report,", "edition", "installment" or "in its"."""
    return "edition" in text or "installment" in text or "in its" in text or "year's," in text \
        or "year’s," in text \
        or ("eport" in text and bool(_REPORT_COMMA_RE.search(text)))  # "edition" is not in text here


# A report still to come is not the one the document speaks of: "next year, when the 2009 report comes
# out", "the upcoming 2015 report", "ahead of the 2010 report" (dating passes over it). A present tense
# after "when", "once", "until", "before" speaks of the future: "when the 2009 report is released".
_COMING_WORDS = ("upcoming", "forthcoming", "ahead of", "next year", "when", "once", "until", "before")
_COMING_BEFORE_RE = re.compile(r"\b(?:upcoming|forthcoming|ahead\s+of|next\s+year[’']s)\s+(?:the\s+)?$")
_FUTURE_CLAUSE_RE = re.compile(r"\b(?:when|once|until|before|next\s+year)\b[^.;:!?]{0,60}$")
_FUTURE_VERB_RE = re.compile(r"[’']?\s*(?:comes?\s+out|is\s+(?:released|published|issued|out)|will\s+be|"
                             r"is\s+due)\b")


def _still_to_come(ctx: SentenceContext, start: int, end: int) -> bool:
    """Whether the report named at [start, end) is spoken of as not yet out."""
    if not ctx.has(_COMING_WORDS):
        return False
    lead = ctx.lower[max(0, start - 80):start]
    if _COMING_BEFORE_RE.search(lead):
        return True
    clause = _FUTURE_CLAUSE_RE.search(lead)
    # ("When did the 2024 report come out?": a question about the past)
    return bool(clause and _FUTURE_VERB_RE.match(ctx.lower, end) and not _PAST_AUX_RE.search(clause.group(0)))


_PAST_AUX_RE = re.compile(r"\b(?:did|was|were|had)\b")


def _years_later(ctx: SentenceContext, start: int) -> int | None:
    """N of "N years after the YEAR report" before `start`: the sentence's news is N reports later."""
    found = _YEARS_AFTER_LEAD_RE.search(ctx.text, max(0, start - 40), start)
    if found is None:
        return None
    years = 1 if found.group("n").lower() in ("a", "an") else parse_cardinal(found.group("n"))
    return years if years and years <= 30 else None


def report_years(ctx: SentenceContext) -> list[Draft]:
    """Report-year claims of one sentence: "the 2014 TIP Report", "the second annual report"."""
    drafts: list[Draft] = []
    text = ctx.text
    pattern = _report_year_re(text)
    for match in pattern.finditer(text) if pattern else ():
        groups = match.groupdict()
        year_text = groups.get("y1") or groups.get("y2") or groups.get("y3") or groups.get("y4")
        if year_text:
            year, ordinal = int(year_text), None
        else:
            ordinal = parse_ordinal(groups["ord"])
            if not ordinal or ordinal > 60:
                continue
            if groups["noun"] and not _REPORT_OR_TRAFFICKING_RE.search(text):
                continue  # "the fourth annual assessment" is the report's only beside it
            year = None
        if match.group(0).startswith("its") and _OTHER_PUBLICATION_RE.search(text, 0, match.start()):
            continue  # "The Global Slavery Index ...; its 2023 edition put North Korea at the top"
        lead = text[max(0, match.start() - 25):match.start()].lower()
        # "on Tier 3 ever since the 2014 report": a run's start, an earlier report than the document's
        previous = bool(_PREVIOUS_WORD_RE.search(lead) or _SINCE_LEAD_RE.search(lead))
        later = _years_later(ctx, match.start()) if year and ("after" in lead or "since" in lead) else None
        coming = _still_to_come(ctx, match.start(), match.end())
        drafts.append(Draft(
            kind="report_year",
            fields=fields(year=year, ordinal=ordinal, previous=(previous or bool(later)) or None,
                          later=later, coming=coming or None),
            start=match.start(), end=match.end(),
            reading="report_year:ordinal" if ordinal else "report_year:named",
            year_explicit=year is not None,
        ))
    if not _may_appose(text) or not _APPOSED_HINT_RE.search(text):
        return drafts
    for match in _APPOSED_ORDINAL_RE.finditer(text):
        group = next(g for g in ("ord", "ord2", "ord3", "ord4", "ord5", "ord6", "ord7") if match.group(g))
        if match.group("noun") == "year" and not match.group("in"):
            continue  # "The report, the sixth year running ...": a year of something else
        ordinal = parse_ordinal(match.group(group))
        if not ordinal or ordinal > 60 or any(d.start <= match.start(group) < d.end for d in drafts):
            continue
        if group == "ord":
            start = match.start("in") if match.group("in") else match.start(group) - 4
        else:
            start = match.start(group) if group == "ord2" else match.start()
        drafts.append(Draft(kind="report_year", fields=fields(ordinal=ordinal),
                            start=max(start, match.start()), end=match.end(),
                            reading="report_year:apposed-ordinal"))
    return drafts


def month_number(text: str) -> int:
    """1–12 for a month name or abbreviation."""
    return MONTHS[text[:3].lower()]


def _release_cue(ctx: SentenceContext) -> re.Match[str] | None:
    """The first release cue of the sentence ("released", "came out"), searched once per sentence."""
    return ctx.memo("release.cue", _report_release)


def _report_release(text: str) -> re.Match[str] | None:
    """The first release cue whose object is not another publication ("today released its annual Africa
    Trafficking Scorecard, which reads the 2009 TIP Report ..." releases the scorecard)."""
    for cue in _RELEASE_CUE_RE.finditer(text):
        if not _OTHER_RELEASE_RE.match(text, cue.end()):
            return cue
    return None


# what a coalition, an index or a ministry releases that is not the report
_OTHER_RELEASE_RE = re.compile(r"\s+(?:its|their|a|an|the|his|her)\s+(?:own\s+)?"
                               r"(?:(?!Trafficking\s+in|TIP\b)[\w'’-]+\s+){0,4}?(?:scorecard|index|survey|study|review|report\s+card|ranking|league\s+table|"
                               r"yearbook|guide|statement|response|rebuttal|dataset|data)\b"
                               # "Originally published by a Barranquilla daily on 30 September": the article
                               r"|\s+(?:\w+\s+)?by\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?"
                               r"(?:daily|newspaper|paper|outlet|magazine|website|site|news\s+agency|broadcaster|blog|"
                               r"weekly)\b", re.IGNORECASE)


def _dates(ctx: SentenceContext) -> list[Draft]:
    drafts: list[Draft] = []
    if not _MONTH_START_RE.search(ctx.text):
        return drafts  # every date names a month (_MONTH)
    for match in _DATE_RE.finditer(ctx.text):
        if _DATELINE_LEAD_RE.search(ctx.text, 0, match.start()):
            continue  # "KUALA LUMPUR, June 16 —": when the story was filed, not the release
        if _MASTHEAD_LEAD_RE.search(ctx.text, max(0, match.start() - 30), match.start()):
            continue  # "Issue 114 -- 29 June 2020": the newsletter's own date
        if _deadline(ctx, match.start(), match.end()):
            continue  # "long after the June 30 deadline": when it was due, not when it came out
        month = month_number(match.group("month") or match.group("month2"))
        day = int(match.group("day") or match.group("day2"))
        if not 1 <= day <= 31:
            continue
        year = int(match.group("year")) if match.group("year") else None
        weekday = match.group("wd")
        if weekday and year:
            drafts.append(Draft(
                kind="weekday",
                fields=fields(weekday=weekday, date=f"{year:04d}-{month:02d}-{day:02d}"),
                start=match.start(), end=match.end(), reading="weekday:dated",
            ))
            continue
        released = _release_cue(ctx)
        if (released and abs(released.start() - match.start()) < 80) or \
                _acted_on(ctx, match.start(), match.end(), 60, 60):
            drafts.append(Draft(
                kind="weekday",
                fields=fields(release_month=month, release_day=day, year=year, weekday=weekday),
                start=match.start(), end=match.end(), reading="weekday:release-date",
                year_explicit=year is not None,
            ))
    return drafts


# A date the report was due by, not one it came out on: "the June 30 deadline", "the statutory June 1
# due date", "a deadline of June 30", "due by June 30"
_DEADLINE_AFTER_RE = re.compile(r"(?:,?\s+(?:statutory|legal|congressional|annual))?\s+"
                                r"(?:deadline|due\s+date|cut-?off|target\s+date)\b", re.IGNORECASE)
_DEADLINE_BEFORE_RE = re.compile(r"\b(?:deadline|due\s+date|cut-?off)\s+(?:of|on|is|was|,)?\s*$|"
                                 r"\bdue\s+(?:by|on|before|no\s+later\s+than)?\s*$", re.IGNORECASE)


def _deadline(ctx: SentenceContext, start: int, end: int) -> bool:
    """The date at [start, end) is a deadline: named before "deadline" or after "due by"."""
    if not ctx.has(("deadline", "due", "cut")):
        return False
    return bool(_DEADLINE_AFTER_RE.match(ctx.text, end)
                or _DEADLINE_BEFORE_RE.search(ctx.text, max(0, start - 30), start))


def _weekdays(ctx: SentenceContext) -> list[Draft]:
    drafts: list[Draft] = []
    # every weekday ends in "day" (_WEEKDAY_RE, case as written)
    for match in _WEEKDAY_RE.finditer(ctx.text) if "day" in ctx.text else ():
        release = _release_cue(ctx)
        if not ((release and abs(match.start() - release.start()) <= 60)
                or _acted_on(ctx, match.start(), match.end(), 40)):
            continue
        if _reaction_day(ctx, match.start(), match.end()):
            continue
        if _LOCAL_TIME_RE.search(ctx.text, max(0, match.start() - 20), match.start()) and \
                _LOCAL_TIME_AFTER_RE.match(ctx.text, match.end()):
            continue  # "on Thursday (early Friday in Manila)": the same moment, told in another place
        drafts.append(Draft(
            kind="weekday", fields={"weekday": match.group("wd")},
            start=match.start(), end=match.end(), reading="weekday:released-on",
            attributed=False,
        ))
    drafts += _relative(ctx)
    return drafts


_LOCAL_TIME_RE = re.compile(r"\((?:[\w-]+\s+){0,2}$")
_LOCAL_TIME_AFTER_RE = re.compile(r"[^()]{0,30}?\b(?:in\s+[A-Z][\w'’-]+|local\s+time|time\s+in\s+[A-Z])")


def _reaction_day(ctx: SentenceContext, start: int, end: int) -> bool:
    """ "the ministry said Tuesday", "on Friday welcomed": the weekday dates a reaction, not the release."""
    lead = ctx.text[max(0, start - 40):start]
    if _RELEASED_ON_RE.search(lead):
        return False  # "released on Tuesday, the ministry said": the release's own day
    return bool(_REACTION_BEFORE_RE.search(lead) or _REACTION_AFTER_RE.match(ctx.text[end:end + 40]))


def _acted_on(ctx: SentenceContext, start: int, end: int, reach: int, after: int = 25) -> bool:
    """A report action ("downgraded", "placed") close to [start, end) in a sentence about the report."""
    starts, ends = ctx.memo("release.actions", _action_spans)  # once per sentence: linear in its length
    if not starts:
        return False
    # an action ending at most `reach` before `start`, or starting at most `after` past `end`
    before = bisect.bisect_right(ends, start) - 1
    if before >= 0 and start - ends[before] <= reach:
        return True
    following = bisect.bisect_left(starts, end)
    return following < len(starts) and starts[following] - end <= after


def _action_spans(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the report actions of a sentence about the report (none otherwise)."""
    if not _REPORT_CUE_RE.search(text):
        return [], []
    spans = [m.span() for m in _ACTION_CUE_RE.finditer(text)]  # in order, not overlapping
    return [a for a, _ in spans], [b for _, b in spans]


def _relative(ctx: SentenceContext) -> list[Draft]:
    drafts: list[Draft] = []
    lower = ctx.lower
    if ctx.gated and "yesterday" not in lower and "today" not in lower and "month" not in lower:
        return drafts  # the words of _RELATIVE_RE (lower-casing finds them where ctx.gated)
    release = _release_cue(ctx)
    for match in _RELATIVE_RE.finditer(ctx.text):
        near = (release and abs(match.start() - release.start()) <= 40) or \
            _acted_on(ctx, match.start(), match.end(), 30)
        if not near:
            continue
        relative = re.sub(r"\s+", " ", match.group("rel").lower())
        cue = release if release and abs(match.start() - release.start()) <= 40 else None
        start = min(match.start(), cue.start()) if cue else match.start()
        end = max(match.end(), cue.end()) if cue else match.end()
        drafts.append(Draft(kind="weekday", fields={"relative": relative}, start=start, end=end,
                            reading="weekday:relative"))
    return drafts
