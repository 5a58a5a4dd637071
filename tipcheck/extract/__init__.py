"""Reading claims out of a document, sentence by sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipcheck.countries import CountryIndex
from tipcheck.document import Document, Sentence
from tipcheck.extract.context import AUTHOR_COUNTRY, SentenceContext
from tipcheck.extract.counts import read_counts
from tipcheck.extract.draft import Draft
from tipcheck.extract.officials import read_officials
from tipcheck.extract.placements import read_tier_claims
from tipcheck.extract.release import read_release
from tipcheck.extract.statements import read_statements
from tipcheck.model import Span

READERS = (read_tier_claims, read_counts, read_release, read_statements, read_officials)

# Cheap literal triggers: a sentence without any of these cannot hold a claim tipcheck reads.
_TRIGGER_RE = re.compile(
    r"tier|watch|list|rank|offender|consecutive|straight|successive|running|in a row|since|"
    r"report|releas|secretary|director|ambassador|humanitarian|countries|nations|levels|categor|"
    r"prisoner|people|victims|grade|rating|upgrad|downgrad|\d",
    re.IGNORECASE,
)
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
    mentioned: dict[str, None] = {}
    focus: str | None = None
    for sentence in document.sentences:
        if not _TRIGGER_RE.search(sentence.text) and not _might_name_country(sentence.text):
            continue
        mentions = index.find(sentence.text, context=tuple(mentioned))
        ctx = SentenceContext(sentence.text, mentions, focus, quoted=_quoted(document, sentence))
        drafts = _date_by_sentence([d for reader in READERS for d in reader(ctx)])
        for draft in drafts:
            start, end = sentence.start + draft.start, sentence.start + draft.end
            result.claims.append(ReadClaim(draft, document.span(start, end),
                                           document.text[start:end], sentence))
        if not drafts and _CLAIMLIKE_RE.search(sentence.text):
            result.unread.append(sentence)
        for mention in mentions:
            if mention.country:
                mentioned.setdefault(mention.country, None)
                if mention.country != AUTHOR_COUNTRY:
                    focus = mention.country
    result.countries = list(mentioned)
    return result


def _date_by_sentence(drafts: list[Draft]) -> list[Draft]:
    """Claims in a sentence that names its report ("In the 2007 report, ...") take that year."""
    named = {d.fields["year"] for d in drafts if d.kind == "report_year" and d.fields.get("year")
             and not d.fields.get("previous")}
    if len(named) != 1:
        return drafts
    year = named.pop()
    for draft in drafts:
        if draft.kind != "report_year" and not draft.year_explicit and not draft.year_offset:
            draft.fields["year"] = year
            draft.year_explicit = True
    return drafts


def _might_name_country(text: str) -> bool:
    return any(ch.isupper() for ch in text[1:])


def _quoted(document: Document, sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """Quoted stretches of the sentence, relative to it."""
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
