"""Readers for officials named with their office: "Secretary of State John Kerry"."""

from __future__ import annotations

import re

from tipcheck.extract.context import SentenceContext, fields, relative_year
from tipcheck.extract.draft import Draft

SECRETARY = "Secretary of State"
TIP_DIRECTOR = "TIP Office Director"

_NAME = r"(?P<name>[A-Z][a-zA-Z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zA-Z'’-]+)){1,3})"
_TIP_OFFICE = (r"(?:[Oo]ffice\s+to\s+[Mm]onitor\s+and\s+[Cc]ombat\s+[Tt]rafficking(?:\s+in\s+[Pp]ersons)?|"
               r"TIP\s+[Oo]ffice|(?:anti-)?trafficking\s+office|[Tt]rafficking\s+in\s+[Pp]ersons\s+[Oo]ffice)")
_DIRECTOR = (r"(?:(?:the\s+)?(?:U\.S\.\s+)?(?:State\s+Department['’]?s?\s+)?)"
             r"(?:new\s+|current\s+|incoming\s+|[Aa]cting\s+)?"
             r"(?:[Dd]irector|[Hh]ead|[Cc]hief|[Aa]mbassador(?:[- ]at[- ][Ll]arge)?)(?:\s+(?:of|for|to|at)\s+"
             r"(?:the\s+|its\s+)?(?:U\.S\.\s+)?(?:State\s+Department['’]?s?\s+)?" + _TIP_OFFICE + ")?")
# "John Miller, who directs the department's trafficking office", "NAME, a former congressman who
# took over the Office to Monitor and Combat Trafficking": present tense only (a past head is not
# in office).
_HEADS_OFFICE = (r"who\s+(?:heads|leads|directs|runs|oversees|took\s+over|took\s+charge\s+of|"
                 r"is\s+in\s+charge\s+of)\s+(?:the\s+)?(?:(?:U\.S\.\s+)?(?:State\s+)?[Dd]epartment['’]s\s+)?"
                 + _TIP_OFFICE)
# Other State Department offices: read (so the sentence counts as read), checked only by name.
# A lowercase "under" before a capitalised "Secretary" is the preposition ("published under Secretary
# of State Condoleezza Rice"), not the title "Under Secretary" / "under secretary".
_OTHER_ROLE = (r"(?P<role>(?:(?:[Dd]eputy|Under|[Aa]ssistant)\s+[Ss]ecretary|under\s+secretary)"
               r"(?:\s+of\s+[Ss]tate)?"
               r"(?:\s+for\s+[A-Z][\w,]*(?:\s+(?:and\s+)?[A-Z][\w,]*){0,5}|\s+for\s+[a-z ]{3,40})?)")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("other", re.compile(rf"{_OTHER_ROLE}\s+{_NAME}")),
    ("other", re.compile(rf"{_NAME},\s+(?:the\s+)?(?:U\.S\.\s+)?{_OTHER_ROLE}")),
    (SECRETARY, re.compile(rf"(?<![Dd]eputy\s)(?<!Under\s)(?<![Aa]ssistant\s)"
                           rf"\bSecretary\s+of\s+State\s+{_NAME}")),
    # "published under Secretary Condoleezza Rice": the bare title after the preposition "under"
    (SECRETARY, re.compile(rf"\bunder\s+(?:then-)?Secretary\s+{_NAME}")),
    (SECRETARY, re.compile(rf"{_NAME},\s+(?:the\s+)?(?:U\.S\.\s+)?Secretary\s+of\s+State\b")),
    # "John Kerry, presenting his first report as secretary of state"
    (SECRETARY, re.compile(rf"{_NAME},\s+(?:presenting|releasing|unveiling|launching|introducing)\s+"
                           r"(?:his|her)\s+first\s+(?:annual\s+)?(?:[\w-]+\s+){0,3}?(?:report|edition)\s+as\s+"
                           r"(?i:secretary(?:\s+of\s+state)?)\b")),
    # "in Hillary Clinton's first report as Secretary of State": the report dates her term's start
    (SECRETARY, re.compile(rf"\b{_NAME}(?<=['’]s)\s+first\s+(?:annual\s+)?(?:[\w-]+\s+){{0,3}}?"
                           r"(?:report|edition)\s+as\s+Secretary(?:\s+of\s+State)?\b")),
    # "when Condoleezza Rice's State Department put out the 2008 report": the department a Secretary heads
    # (a president's name is not a Secretary in the facts: unverifiable, never a finding)
    # (one space between the words, as the officials gate looks for them: extract/gates.py)
    (SECRETARY, re.compile(rf"\b{_NAME}['’]s State Department\b")),
    (TIP_DIRECTOR, re.compile(rf"{_NAME},\s+(?:who\s+serves\s+as\s+|the\s+)?(?:U\.S\.\s+)?"
                              rf"{_DIRECTOR}[^.;]{{0,90}}?(?i:traffick)")),
    (TIP_DIRECTOR, re.compile(rf"{_NAME},\s+(?:(?:a|an|the)\s+[^,.;]{{0,100}}?\s)?{_HEADS_OFFICE}")),
    # "NAME, the State Department's anti-trafficking chief since 2009": the trafficking word before the
    # title; "since YEAR" dates the start of the term (checked: in office by that year).
    (TIP_DIRECTOR, re.compile(rf"{_NAME},\s+(?:the\s+)?(?:U\.S\.\s+)?(?:(?:State\s+)?[Dd]epartment['’]s\s+)?"
                              r"(?:top\s+)?(?:anti-?)?trafficking\s+(?:chief|czar|head|director|envoy)\b"
                              r"(?:\s+since\s+(?P<since>(?:19|20)\d\d)\b)?")),
    (TIP_DIRECTOR, re.compile(rf"\b(?:[Aa]mbassador(?:-at-[Ll]arge)?|[Dd]irector)\s+{_NAME}"
                              r"(?=(?:[^.;]|\b[A-Z]\.){0,100}(?i:traffick))")),
    # "Luis CdeBaca, who took up the post of ambassador-at-large for trafficking in May"
    (TIP_DIRECTOR, re.compile(rf"{_NAME},\s+who\s+(?:had\s+)?(?:took\s+up|assumed|took\s+over|was\s+(?:named|"
                              r"appointed|sworn\s+in)\s+(?:to|as))\s+(?:the\s+)?(?:(?:post|job|role|position)\s+"
                              r"of\s+(?:the\s+)?)?(?:[Aa]mbassador(?:[- ]at[- ][Ll]arge)?|[Dd]irector|head)\b"
                              r"[^.;]{0,40}?(?i:traffick)")),
    # "the trafficking office, which Ambassador Cindy Dyer still leads": the office first, its head in a
    # relative clause (present tense only, as _HEADS_OFFICE)
    (TIP_DIRECTOR, re.compile(rf"{_TIP_OFFICE},?\s+(?:which|that)\s+(?:[Aa]mbassador(?:-at-[Ll]arge)?\s+|"
                              rf"[Dd]irector\s+)?{_NAME}\s+(?:still\s+|now\s+|currently\s+)?"
                              r"(?:heads|leads|directs|runs|oversees)\b")),
    # "the head of the trafficking office, Ambassador Susan Coppedge, walked reporters through ...":
    # the office first, the name in apposition
    (TIP_DIRECTOR, re.compile(rf"\b(?:[Hh]ead|[Dd]irector|[Cc]hief)\s+(?:of|at)\s+(?:the\s+)?(?:U\.S\.\s+)?"
                              rf"(?:State\s+Department['’]?s?\s+)?{_TIP_OFFICE},\s+"
                              rf"(?:[Aa]mbassador(?:-at-[Ll]arge)?\s+)?{_NAME}")),
    # "led by Ambassador-at-Large Susan Coppedge", "Blinken and Ambassador-at-Large Cindy Dyer presented
    # the findings": the hyphenated title with no "for ..." post is, in a story on the report, the
    # head of the trafficking office (another ambassador-at-large names the post: "for Religious
    # Freedom"); a name the facts do not list as director stays unverifiable.
    (TIP_DIRECTOR, re.compile(rf"\bAmbassador-at-[Ll]arge\s+{_NAME}")),
    # "the first report overseen by Ambassador Mark Lagon's office": an ambassador with an office
    # (not an embassy) is the head of the trafficking office
    (TIP_DIRECTOR, re.compile(rf"\b[Aa]mbassador\s+{_NAME}"
                              r"(?=['’]s\s+(?:anti-)?(?:trafficking\s+)?office\b)")),
]
# "Hillary Clinton, presenting her first Trafficking in Persons Report", "Kerry's first report":
# the first report released in the official's term, which dates the document (dating.py).
_FIRST_REPORT_RE = re.compile(
    r"(?:['’]s|\b(?:presenting|releasing|unveiling|launching|issuing|introducing|at\s+the\s+release\s+of|"
    r"(?:who\s+)?(?:presented|released|unveiled|launched|issued|introduced))\s+(?:his|her|their))\s+"
    r"first\s+(?:annual\s+)?(?:[\w-]+\s+){0,4}?(?:[Rr]eport|edition)\b")
# The head's post left empty: "the post of ambassador-at-large for trafficking ... has been vacant
# since ...", "with no ambassador-at-large in place". A vacancy is a claim about who was in office.
_POST = r"(?:[Aa]mbassador(?:[- ]at[- ][Ll]arge)?|[Dd]irector(?:ship)?|head|chief)"
_VACANT_RE = re.compile(
    rf"\b(?:the\s+)?(?:post|position|job|office|seat|role)\s+of\s+(?:the\s+)?(?:U\.S\.\s+)?{_POST}\b"
    rf"[^.;]{{0,120}}?\b(?:has\s+been|have\s+been|had\s+been|is|was|remains|remained|sits|sat|stood|lies|lay)"
    rf"\s+(?:still\s+|now\s+)?(?:vacant|empty|unfilled)\b(?!\s+(?:for\s+[^.;]{{0,30}})?until\b)"
    rf"|\b(?:with|without|has|had|have)\s+(?:no|an?)\s+(?:permanent\s+|confirmed\s+|Senate-confirmed\s+)?"
    rf"{_POST}\b(?:\s+(?:in\s+place|in\s+post|appointed|confirmed|at\s+its\s+helm))?"
    rf"|\bno\s+{_POST}\s+(?:has\s+been|had\s+been|was|is)\s+(?:yet\s+)?(?:named|appointed|confirmed|"
    rf"nominated|in\s+place)"
    # "with no launch ceremony and no ambassador-at-large running the trafficking office"
    rf"|\bno\s+{_POST}\s+(?:running|leading|heading|in\s+charge\s+of)\s+(?:the\s+|its\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?office\b",
)
_EARLIER_REPORT_RE = re.compile(
    r"\b(?:(?:last|previous|prior)\s+year['’]s|(?:the|a)\s+year-earlier|the\s+(?:previous|prior|last))\s+"
    r"(?:[\w-]+\s+){0,4}?(?:report|edition|ranking|list)\b[^.;]*$", re.IGNORECASE)
_ACTING_BEFORE_RE = re.compile(r"\b[Aa]cting\s+(?:\w+\s+){0,2}$")
_ACTING_RE = re.compile(r"\b[Aa]cting\s+(?:[\w'’-]+\s+){0,3}?(?:[Dd]irector|[Hh]ead|[Cc]hief)\b")
_FORMER_RE = re.compile(r"\b(?:former|then|ex-|late)\s*$", re.IGNORECASE)
# in office only a short while: "Mark Lagon, who took over the trafficking office only weeks ago",
# "the newly appointed ambassador" (dating: the document was written soon after the term began)
_RECENT_RE = re.compile(
    r"\b(?:took\s+(?:over|charge)|(?:was|were)\s+(?:appointed|sworn\s+in|named|confirmed))\b[^.;]{0,80}?"
    r"\b(?:(?:only|just)\s+)?(?:(?:a\s+few|two|three|four|several|some)\s+)?(?:days|weeks)\s+"
    r"(?:ago|earlier|before)|\bnewly[\s-](?:appointed|named|confirmed|installed)\b", re.IGNORECASE)
_TITLES = {"Ambassador", "Director", "Secretary", "Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Dr",
           "Ambassador-at-Large", "Ambassador-at-large", "Ambassador-At-Large"}
_NOT_NAME = {"State", "Department", "Office", "Report", "The", "Trafficking", "Persons"}


def read_officials(ctx: SentenceContext) -> list[Draft]:
    """Officials named in office in one sentence (not "former" ones)."""
    drafts: list[Draft] = []
    seen: set[int] = set()  # where each name ends: "Ambassador Luis CdeBaca" is read once
    for role_key, pattern in _PATTERNS:
        role = role_key
        for match in pattern.finditer(ctx.text):
            name = _clean(match.group("name"))
            if not name or match.end("name") in seen:
                continue
            if role == "other":
                role_text = re.sub(r"\s+", " ", match.group("role")).strip(" ,")
                seen.add(match.end("name"))
                drafts.append(Draft(kind="official", fields=fields(name=name, role=role_text),
                                    start=match.start(), end=match.end(), reading="official:other"))
                continue
            lead = ctx.text[max(0, match.start() - 12):match.start()]
            if _FORMER_RE.search(lead):
                continue
            seen.add(match.end("name"))
            end = match.end() if role == SECRETARY or match.groupdict().get("since") else match.end("name")
            name_end = match.end("name") - (2 if re.search(r"['’]s$", match.group("name")) else 0)
            first = _FIRST_REPORT_RE.search(ctx.text, name_end, min(len(ctx.text), match.end() + 90))
            if first and re.search(r"[.;]", ctx.text[name_end:first.start()]):
                first = None
            # "Acting Director Kari Johnstone", "NAME, the acting director of the TIP office"
            acting = _ACTING_BEFORE_RE.search(ctx.text, max(0, match.start() - 30), match.start()) \
                or _ACTING_RE.search(ctx.text, match.start(), match.end())
            # "Last year's report, published under Secretary NAME": in office for the report before
            # (only when the phrase before the name is about that report, not "Unlike last year, ...")
            lead_in = ctx.text[:match.start()]
            offset = relative_year(lead_in) if _EARLIER_REPORT_RE.search(lead_in) and not re.search(
                r"\b(?:this|current|new|latest)\s+(?:year|report)", lead_in, re.I) else 0
            recent = _RECENT_RE.search(ctx.text, max(0, match.start() - 30),
                                       min(len(ctx.text), match.end() + 100))
            # "Tier 3 again in 2009, in Hillary Clinton's first report as Secretary": that report's year
            # (a first report told of in the past is not the document's)
            year = ctx.year_in(0, len(ctx.text)) if first else None
            drafts.append(Draft(
                kind="official", fields=fields(name=name, role=role, first_report=bool(first) or None,
                                               acting=bool(acting) or None, recent=bool(recent) or None,
                                               since=int(match["since"]) if match.groupdict().get("since")
                                               else None, year=year),
                start=match.start(), end=first.end() if first else end, reading=f"official:{role}",
                year_offset=offset, year_explicit=year is not None,
            ))
    return drafts + _vacancies(ctx)


def _vacancies(ctx: SentenceContext) -> list[Draft]:
    """ "The post of ambassador-at-large for trafficking has been vacant since ...": no head in office."""
    if not re.search(r"traffick", ctx.text, re.IGNORECASE):
        return []
    drafts = []
    for match in _VACANT_RE.finditer(ctx.text):
        text = match.group(0)
        if re.match(r"(?:with|has|had|have)\s+an?\s", text) and not text.lower().startswith("without"):
            continue  # "has an ambassador-at-large": the post is filled
        post = re.search(_POST, text)
        if post and re.match(r"\s+(?:for|on|of)\s+(?!(?:the\s+)?(?:office\s+to\s+)?(?:monitor|combat|"
                             r"traffick|TIP\b|human\s+traffick|persons))", text[post.end():] or
                             ctx.text[match.end():match.end() + 40], re.IGNORECASE):
            continue  # "no ambassador-at-large for religious freedom": another post
        if ctx.is_negated(max(0, match.start() - 20), match.start()) or ctx.is_modal(
                max(0, match.start() - 40), match.start()):
            continue
        drafts.append(Draft(kind="official", fields=fields(role=TIP_DIRECTOR, vacant=True),
                            start=match.start(), end=match.end(), reading="official:vacant"))
    return drafts


def _clean(name: str) -> str | None:
    words = re.sub(r"['’]s$", "", name).split()  # "Rice's first report"
    while words and words[0] in _TITLES:
        words.pop(0)
    while words and words[-1] in _NOT_NAME:
        words.pop()
    if len(words) < 2 or words[0] in _NOT_NAME:
        return None
    return " ".join(words)
