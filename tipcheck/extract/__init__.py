"""Reading claims out of a document, sentence by sentence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tipcheck.countries import CountryIndex, CountryMention
from tipcheck.document import Document, Sentence
from tipcheck.extract import gates
from tipcheck.extract.context import (
    AUTHOR_COUNTRY,
    FIRST_REPORT_YEAR,
    SentenceContext,
    YearMention,
    local_clause,
)
from tipcheck.extract.counts import read_counts
from tipcheck.extract.draft import Draft
from tipcheck.extract.officials import read_officials
from tipcheck.extract.placements import read_tier_claims
from tipcheck.extract.release import read_release
from tipcheck.extract.statements import read_statements
from tipcheck.extract.tiers_lexicon import TierMention
from tipcheck.extract.triggers import is_candidate
from tipcheck.model import Span

READERS = (read_tier_claims, read_counts, read_release, read_statements, read_officials)
# each reader runs only on sentences holding its literal cue words (extract/gates.py); a reader
# without a gate reads every candidate sentence
GATES = {read_tier_claims: gates.tier_claims, read_counts: gates.counts, read_release: gates.release,
         read_statements: gates.statements, read_officials: gates.officials}

# What looks like a TIP claim: if such a sentence yields no claim, it is counted as unread.
_CLAIMLIKE_RE = re.compile(
    r"\bTier[- ]?(?:1|2|3|one|two|three|I{1,3})\b|\b(?:consecutive|straight)\s+year|"
    r"\bwatch[- ]?list\b|\bworst\s+offenders\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReadClaim:
    """A draft placed in its document: span resolved, sentence kept."""

    draft: Draft
    span: Span
    text: str
    sentence: Sentence


@dataclass
class ReadDocument:
    """What was read from one document: its claims and the claim-like sentences left unread."""

    document: Document
    claims: list[ReadClaim] = field(default_factory=list)
    unread: list[Sentence] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # in order of first mention


def read_document_claims(document: Document, index: CountryIndex) -> ReadDocument:
    """Run every reader over every candidate sentence of `document`."""
    result = ReadDocument(document)
    mentioned: dict[str, int] = {}  # country -> times named, in order of first mention
    focus: str | None = None
    skipped: list[Sentence] = []  # passed over since the last sentence read; countries found lazily
    previous: tuple[str, list[CountryMention] | None] = ("", [])  # the sentence before, its countries
    earlier: tuple[str, list[CountryMention] | None] = ("", [])  # and the one before that
    prior_tier: str | None = None  # the one tier the sentence before placed countries on
    that_year: int | None = None  # the year the last dated sentence spoke of: what "That year" means
    prior_year: int | None = None  # the one year of the sentence before, whose tier "there" stands for
    narrated: int | None = None  # the year of a report the sentence before told of ("appeared in July 2001")
    readers = [(reader, GATES.get(reader)) for reader in READERS]  # type: ignore[call-overload]
    quoted = _quoter(document)
    for sentence in document.sentences:
        if not is_candidate(sentence.text):  # the cheap literal prefilter (extract/triggers.py)
            if _might_name_country(sentence.text):
                skipped.append(sentence)
            previous, earlier = (sentence.text, None), previous  # countries found only if needed
            prior_tier = prior_year = narrated = None
            continue
        for passed in skipped:  # their countries set the focus ("it", "the nation") and context
            focus = _note_countries(index.find(passed.text, context=tuple(mentioned)), mentioned, focus)
        skipped.clear()
        text = sentence.text.replace("\n", " ")  # a hard-wrapped sentence reads as one line (same offsets)
        mentions = index.find(text, context=tuple(mentioned))
        dateline = _dateline_end(text, mentions)
        here = _previous_subject(previous, index, mentioned, earlier) \
            if _OPENING_ANAPHOR_RE.match(text, dateline) or (not mentions and _LONE_IT_RE.search(text)) \
            else None
        # the dateline's city is where the story was filed, never a subject ("PRAGUE -- The report ...")
        ctx = SentenceContext(text, [m for m in mentions if m.start >= dateline] if dateline else mentions,
                              here or focus, quoted=quoted(sentence), prior_tier=prior_tier)
        drafts = [d for reader, gate in readers if gate is None or gate(ctx) for d in reader(ctx)]
        if drafts:
            _hypothetical_reports(ctx, drafts)
            drafts = _date_by_sentence(drafts, that_year if ctx.has(_THAT_YEAR_WORDS) else None,
                                       ctx.text, prior_year, ctx.years)
            if narrated is not None:
                _date_narrated(drafts, narrated, ctx.text)
            that_year = _one_year(drafts) or that_year
        narrated = _narrated_year(ctx) if not drafts and ctx.has(_REPORT_WORDS) and ctx.has(_NARRATED_VERBS) \
            else None
        prior_tier = _one_tier(drafts, ctx.tiers) if drafts else _asked_tier(ctx)
        prior_year = _one_year(drafts) if prior_tier else None
        for draft in drafts:
            start, end = sentence.start + draft.start, sentence.start + draft.end
            result.claims.append(ReadClaim(draft, document.span(start, end),
                                           document.text[start:end], sentence))
        if not drafts and _claimlike(ctx):
            result.unread.append(sentence)
        focus = _note_countries(mentions, mentioned, focus)
        previous, earlier = (text, mentions), previous
    result.countries = list(mentioned)  # up to the last sentence read closely
    return result


# a sentence that opens with "It", "The country": it speaks of the subject of the sentence before
# (not the "it" of "It is the first time ...", "It was not clear ...", which stands for no country)
# ("After four years on the watch list, it was bumped up": a fronted phrase before the subject counts)
# ("Before that it had spent six years on Tier 3": a short time adverb needs no comma)
_OPENING_ANAPHOR_RE = re.compile(r"\W*(?:(?:After|Before|Following|Despite|Since|Until|Like|Unlike|With|"
                                 r"Having|In|For|By)\b[^,;:]{1,80},\s+(?=its?\b)|"
                                 r"(?:(?:After|Before|Until|Since|By)\s+(?:that|then)|Back\s+then|Then|Later|"
                                 r"Earlier|Previously)\s+(?=its?\b))?"
                                 r"(?:(?i:it)(?!\s+(?:is|was|'s|’s)\s+(?:the|a|an|not|also|unclear|clear|"
                                 r"likely|possible|time|hard|too)\b)|(?i:its)|(?:The|Our)\s+(?:[\w-]+\s+){0,2}?"
                                 r"(?:nation|country|kingdom|government|state|republic|island|territory|emirate|"
                                 r"sultanate|archipelago|monarchy))\b")
# a sentence naming no country that speaks of one as "it": "Which still feels remarkable when you remember
# it spent the first eleven reports on Tier 3" (the subject of the sentence before, as for an opening "It")
# ("This is its fourth year on Tier 3")
_LONE_IT_RE = re.compile(r"\bits\s+[\w-]+\s+(?:(?:straight|consecutive|successive)\s+)?year\b|"
                         r"\bit\s+(?:has\s+|had\s+|have\s+)?(?:spent|stayed|remained|fell|rose|sat|went|won|"
                         r"lost|kept|held|moved|slipped|climbed|dropped|returned|landed|was\s+(?:placed|put|moved|"
                         r"ranked|rated|listed|downgraded|upgraded|demoted|kept|lifted))\b")
# the subject that opens a sentence: "Neighboring Uzbekistan, where ..., remained on the Watch List."
# (a list's number may come first: "2. Hong Kong loses its gold star")
_OPENING_RE = re.compile(r"\W*(?:\d{1,2}[.)]\s+)?(?:(?:the|neighbou?ring|nearby|meanwhile|separately|however|"
                         r"also)\W+)*$",
                         re.IGNORECASE)


def _claimlike(ctx: SentenceContext) -> bool:
    """Whether _CLAIMLIKE_RE finds something (each of its branches needs one of the literal words)."""
    lower = ctx.lower
    if ctx.gated and "tier" not in lower and "year" not in lower and "watch" not in lower \
            and "worst" not in lower:
        return False
    return _CLAIMLIKE_RE.search(ctx.text) is not None


def _previous_subject(previous: tuple[str, list[CountryMention] | None], index: CountryIndex,
                      mentioned: dict[str, int],
                      earlier: tuple[str, list[CountryMention] | None] | None = None) -> str | None:
    """The country that opens the sentence before ("Neighboring Uzbekistan ... . It had been lifted
    from Tier 3 last year": Uzbekistan), or the one before that when the sentence between names no
    country ("Afghanistan stays on Tier 3. The report said the Taliban did nothing. It is one of 21
    countries on Tier 3"), else None (the document's focus stands)."""
    text, mentions = previous
    if mentions is None:
        mentions = index.find(text.replace("\n", " "), context=tuple(mentioned))
    if earlier is not None and not any(m.country for m in mentions):
        return _previous_subject(earlier, index, mentioned)
    dateline = _dateline_end(text, mentions)
    first = next((m for m in sorted(mentions, key=lambda m: m.start)
                  if m.country and m.country != AUTHOR_COUNTRY and m.start >= dateline), None)
    if first is None or not _OPENING_RE.match(text[dateline:first.start]):
        return None
    return first.country


# a dateline: a city in capitals, maybe a date and an agency, then a dash ("PRAGUE --",
# "NAIROBI, June 25 (Wire) -", "ALGIERS (Brief) -")
_DATELINE_RE = re.compile(r"\s*[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}"
                          r"(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?(?:\s*\([^()]{1,40}\))?\s*(?:--|-|–|—)\s+")


# a speaker's name in a transcript, before a capital: "OWEN: Burma stays on the Watch List", "Q: Is it
# ..." (not "GUATEMALA: stays on Tier 2", where the name in capitals is the subject)
_SPEAKER_RE = re.compile(r"\s*[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]+){0,2}:\s+(?=[A-Z\"“‘'])")


def _dateline_end(text: str, mentions: Sequence[CountryMention] = ()) -> int:
    """Where a sentence's dateline, or a transcript's speaker label naming no country, ends (else 0)."""
    match = _DATELINE_RE.match(text)
    if match is None and (match := _SPEAKER_RE.match(text)) is not None and \
            any(m.country and m.start < match.end() for m in mentions):
        return 0  # "MEXICO: Tier 2 for the sixth straight year": the label is the subject
    return match.end() if match else 0


def _note_countries(
    mentions: list[CountryMention], mentioned: dict[str, int], focus: str | None
) -> str | None:
    """Record the countries of a sentence; return the new focus: the country named most often so far
    (the last one named on a tie), which is what "the country", "it" mostly stand for."""
    for mention in mentions:
        if mention.country:
            mentioned[mention.country] = mentioned.get(mention.country, 0) + 1
            if mention.country != AUTHOR_COUNTRY and \
                    mentioned[mention.country] >= mentioned.get(focus or "", 0):
                focus = mention.country
    return focus


def _one_tier(drafts: list[Draft], tiers: Sequence[TierMention] = ()) -> str | None:
    """The one tier a sentence's claims put countries on (a placement, a run, a move's target), else None:
    what "there", "that rank" and "They include ..." in the next sentence refer to. None too when the
    sentence ends naming another tier ("placed 21 governments on Tier 3, and the region was well
    represented on the Watch List. Kenya was there": which one is not sure)."""
    found = {d.fields.get("to_tier") if d.kind == "move" else d.fields.get("tier") for d in drafts
             if d.kind in ("placement", "streak", "streak_start", "move", "tier_count") and not d.negated
             # a tier held before the news is not where "there" points: "Jamaica, which was rated Tier 2
             # a year ago, was moved onto the new list. Paraguay also landed there"
             and not d.year_offset}
    found.discard(None)
    if len(found) != 1 or found == {"special"}:
        return None
    tier = found.pop()
    last = max(d.end for d in drafts)
    if any(m.tier and m.tier not in (tier, "special") and m.start >= last for m in tiers):
        return None
    return tier


def _asked_tier(ctx: SentenceContext) -> str | None:
    """The one tier a question names: "Which countries are on Tier 3?" is what "there" in the answer
    points to ("North Korea has been there in every report since 2003")."""
    if not ctx.text.rstrip(" \"'”’)").endswith("?"):
        return None
    named = {t.tier for t in ctx.tiers if t.tier and t.tier != "special"}
    return named.pop() if len(named) == 1 else None


# "That year the department placed 15 countries on Tier 3", "In that report", "the same year": the year
# the sentence before spoke of
_THAT_YEAR_RE = re.compile(r"\b(?:[Tt]hat|[Tt]he\s+same|[Tt]hat\s+same)\s+(?:year|report|edition)\b")
# the year after the one the last dated sentence spoke of, opening the sentence: "In 2006 Washington put
# Zimbabwe on Tier 3. The following year it was lifted to Tier 2" (2007)
_YEAR_AFTER_RE = re.compile(r"\W*(?:(?:The|the)\s+(?:following|next)\s+(?:year|report|edition)|"
                            r"(?:A|One|a|one)\s+year\s+later)\b")
_THAT_YEAR_WORDS = ("that", "same", "following", "next", "later")  # what the two patterns above need


# "Kenya was there" speaks of the time of the sentence before; "only Bangladesh is still there", "They
# include ..." of the document's own
_PAST_RE = re.compile(r"\b(?:was|were|had\s+been|sat|stood|stayed|remained|landed|ended\s+up|joined)\b",
                      re.IGNORECASE)
_PRESENT_RE = re.compile(r"\b(?:is|are|remains|stays|sits|include|includes|now|still|today|currently)\b",
                         re.IGNORECASE)


def _hypothetical_reports(ctx: SentenceContext, drafts: list[Draft]) -> None:
    """A report named in a hypothetical is not the one the document speaks of: "If Nepal is still on the
    Watch List in the 2025 report, ...", "PNG could move up in the 2026 report if ...", "whether the
    pattern holds in the 2007 report" (dating passes over it, as over a report still to come)."""
    for draft in drafts:
        if draft.kind != "report_year" or not draft.fields.get("year") or draft.fields.get("coming"):
            continue
        # (within the phrase before it: "Fifteen countries could face sanctions, the 2003 report says"
        # cites a report that is out)
        start = max(local_clause(ctx, draft.start)[0], ctx.text.rfind(",", 0, draft.start) + 1)
        if _HYPOTHETICAL_RE.search(ctx.text, start, draft.start):
            draft.fields["coming"] = True


# (the strong cues only: "a category for countries at risk of a downgrade, grew to 42 countries in the
# 2008 report" is no hypothetical; "May" is a month)
_HYPOTHETICAL_RE = re.compile(r"\b(?:[Ii]f|IF|[Ww]hether|[Uu]nless|could|would|might|may|will|should|"
                              r"shall)\b")


def _one_year(drafts: list[Draft]) -> int | None:
    """The one explicit year a sentence's claims speak of (none when they name several, or none)."""
    years = {d.fields["year"] for d in drafts if d.year_explicit and d.fields.get("year")
             and not d.fields.get("previous") and not d.fields.get("coming")}
    return years.pop() if len(years) == 1 else None


def _date_by_sentence(drafts: list[Draft], that_year: int | None = None, text: str = "",
                      prior_year: int | None = None, years: Sequence[YearMention] = ()) -> list[Draft]:
    """Claims in a sentence that names its report ("In the 2007 report, ...") take that year; so do those
    of a sentence that says "That year" after one that spoke of one year, and a tier named by "there"
    takes the year of the sentence it points back to ("The 2013 report put Kenya on Tier 3. Burundi was
    there too": 2013)."""
    named = {d.fields["year"] for d in drafts if d.kind == "report_year" and d.fields.get("year")
             and not d.fields.get("previous")}
    that = _THAT_YEAR_RE.search(text) if not named and that_year is not None else None
    if that is not None:
        # "Heavyweights that fell together in 2013: China ... dropped to Tier 3 that year": the year
        # named before it in the sentence, else the last dated sentence's
        own = [y.year for y in years if y.start < that.start()]
        named = {own[-1] if own else that_year}  # type: ignore[list-item]
    elif not named and that_year is not None and _YEAR_AFTER_RE.match(text):
        named = {that_year + 1}
    if not named and prior_year is not None and _PAST_RE.search(text) and not _PRESENT_RE.search(text):
        for draft in drafts:
            if draft.reading.endswith(":back") and not draft.year_explicit and not draft.year_offset \
                    and not draft.fields.get("year"):
                draft.fields["year"] = prior_year
                draft.year_explicit = True
    limit = len(text)
    if not named:  # "Georgia was bumped up to Tier 1, four years after the 2003 report ...": 2007, before it
        later = [(d.fields["year"] + d.fields["later"], d.start) for d in drafts if d.kind == "report_year"
                 and d.fields.get("later") and d.fields.get("year")]
        if len(later) == 1:
            (year, limit), = later
            named = {year}
    if len(named) > 1:
        _date_by_nearest_report(drafts)
        return drafts
    if not named:
        return drafts
    year = named.pop()
    for draft in (d for d in drafts if d.start < limit):
        # (a report number beside it numbers that report: "the 2003 report, the third annual report")
        if (draft.kind != "report_year" or draft.fields.get("ordinal")) and not draft.year_explicit \
                and not draft.year_offset and not draft.fields.get("year"):
            draft.fields["year"] = year
            draft.year_explicit = True
    return drafts


_REPORT_WORDS = ("report", "edition")
_NARRATED_VERBS = ("appeared", "came", "released", "published", "issued", "went")  # what _NARRATED_RE needs
# a report told of as past, with its time: "The first Trafficking in Persons Report appeared in July 2001"
_NARRATED_RE = re.compile(r"\b(?:report|edition)\b[^.;]{0,60}?\b(?:appeared|came\s+out|was\s+(?:released|"
                          r"published|issued)|went\s+out)\s+(?:[^.;]{0,20}?\s)?(?:in|on)\s+(?:\w+\s+)?"
                          r"(?:\d{1,2},?\s+)?(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)


def _narrated_year(ctx: SentenceContext) -> int | None:
    """The year of a report a sentence tells of as past ("The first report appeared in July 2001, and it
    was blunt"), when it reads no claim itself: what the next sentence's past tense speaks of."""
    match = _NARRATED_RE.search(ctx.text)
    year = int(match.group("y")) if match else None
    return year if year is not None and year >= FIRST_REPORT_YEAR else None


def _date_narrated(drafts: list[Draft], year: int, text: str) -> None:
    """ "The first report appeared in July 2001, and it was blunt. Malaysia was placed on Tier 3, one of
    23 countries": the undated claims of a past-tense sentence take the year the sentence before told."""
    if not _PAST_RE.search(text) or _PRESENT_RE.search(text):
        return
    for draft in drafts:
        if draft.kind != "report_year" and not draft.year_explicit and not draft.year_offset \
                and not draft.fields.get("year"):
            draft.fields["year"] = year
            draft.year_explicit = True


def _date_by_nearest_report(drafts: list[Draft]) -> None:
    """In a sentence naming several reports, an undated claim takes the one named nearest to it: "The
    2008 edition slid the country onto the Watch List, and by the time Rice's State Department put out
    the 2009 report, Zimbabwe was back on Tier 3" (Rice and Zimbabwe: 2009)."""
    reports = [(d.start, d.end, d.fields["year"]) for d in drafts if d.kind == "report_year"
               and d.fields.get("year") and not d.fields.get("previous")]
    for draft in drafts:
        if draft.kind == "report_year" or draft.year_explicit or draft.year_offset or \
                draft.fields.get("year"):
            continue
        # distance between the spans; on a tie the report before the claim
        _, _, year = min(reports, key=lambda r: (max(r[0] - draft.end, draft.start - r[1], 0),
                                                 r[0] > draft.start))
        draft.fields["year"] = year
        draft.year_explicit = True


def _might_name_country(text: str) -> bool:
    return any(ch.isupper() for ch in text[1:])


def _quoter(document: Document) -> Callable[[Sentence], tuple[tuple[int, int], ...]]:
    """`_quoted` for the sentences of one document, its quote ranges looked up once."""
    quotes = getattr(document, "_quotes", None)
    if isinstance(quotes, list) and type(document).in_quotes is Document.in_quotes:
        return lambda sentence: _quoted_fast(quotes, sentence.start, sentence.end) if quotes else ()
    return lambda sentence: _quoted(document, sentence)


def _quoted(document: Document, sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """Quoted stretches of the sentence, relative to it."""
    quotes = getattr(document, "_quotes", None)
    if isinstance(quotes, list) and type(document).in_quotes is Document.in_quotes:
        return _quoted_fast(quotes, sentence.start, sentence.end)
    ranges: list[tuple[int, int]] = []
    inside_from: int | None = None
    for i in range(sentence.start, sentence.end):
        quoted = document.in_quotes(i)
        if quoted and inside_from is None:
            inside_from = i - sentence.start
        elif not quoted and inside_from is not None:
            ranges.append((inside_from, i - sentence.start))
            inside_from = None
    if inside_from is not None:
        ranges.append((inside_from, sentence.end - sentence.start))
    return tuple(ranges)


def _quoted_fast(quotes: list[tuple[int, int]], start: int, end: int) -> tuple[tuple[int, int], ...]:
    """What `_quoted` finds offset by offset, from the sorted quote ranges (Document.in_quotes)."""
    ranges: list[tuple[int, int]] = []
    first = max(bisect.bisect_right(quotes, (start, float("inf"))) - 1, 0)
    for k in range(first, len(quotes)):
        q_start, q_end = quotes[k]
        if q_start >= end:
            break
        # offsets from this range's start to the next range's start are judged by this range alone
        until = quotes[k + 1][0] if k + 1 < len(quotes) else end
        lo, hi = max(q_start, start), min(q_end, until, end)
        if lo >= hi:
            continue
        if ranges and ranges[-1][1] == lo - start:
            ranges[-1] = (ranges[-1][0], hi - start)
        else:
            ranges.append((lo - start, hi - start))
    return tuple(ranges)
