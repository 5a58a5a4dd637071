"""Readers for how many countries a tier holds, and how many the report covers."""

from __future__ import annotations

import re

from tipcheck.extract.context import SentenceContext, fields, relative_year
from tipcheck.extract.draft import Draft
from tipcheck.numbers import CARDINAL_PATTERN, parse_cardinal

_NOUN = r"(?:countries|nations|governments|states|territories|jurisdictions)"
_COUNT_RE = re.compile(
    rf"(?P<along>\balong\s+with\s+|\bjoin(?:s|ed|ing)?\s+(?:about\s+|some\s+)?|\bone\s+of\s+(?:the\s+)?)?"
    rf"\b(?P<n>{CARDINAL_PATTERN})\s+(?P<other>other\s+|more\s+)?(?:\w+\s+){{0,2}}?{_NOUN}\b",
    re.IGNORECASE,
)
_NUMBER_FELL_RE = re.compile(
    rf"\bnumber\s+of\s+(?:\w+\s+){{0,3}}?{_NOUN}\s+(?:\w+\s+){{0,2}}?"
    rf"(?:fell|rose|dropped|grew|climbed|increased|decreased|declined|was|stood|is)\s+(?:to|at)?\s*"
    rf"(?P<n>{CARDINAL_PATTERN})(?:,?\s+(?:down|up)\s+from\s+(?P<prev>{CARDINAL_PATTERN}))?",
    re.IGNORECASE,
)
_TIER_NUMBERING_RE = re.compile(
    rf"\b(?:are|is|numbering|with|has|holds?|held|contains?|included?|of)\s+(?P<n>{CARDINAL_PATTERN})"
    rf"\s+(?:\w+\s+)?{_NOUN}\b",
    re.IGNORECASE,
)
_COVERED_RE = re.compile(
    rf"\b(?:examin\w*|cover\w*|assess\w*|evaluat\w*|review\w*|analy[sz]\w*|rank\w*|rat\w*|grad\w*|"
    rf"conditions\s+in)\s+(?:\w+\s+){{0,3}}?(?P<n>{CARDINAL_PATTERN})\s+(?:\w+\s+)?{_NOUN}",
    re.IGNORECASE,
)
_APPROX_RE = re.compile(r"\b(?:about|around|roughly|some|nearly|almost|approximately|more\s+than|"
                        r"over|at\s+least|fewer\s+than|less\s+than)\s+$", re.IGNORECASE)


def read_counts(ctx: SentenceContext) -> list[Draft]:
    """Tier counts ("20 countries received a Tier 3 rating") and coverage ("conditions in 89 countries")."""
    drafts: list[Draft] = []
    taken: list[tuple[int, int]] = []
    for match in _NUMBER_FELL_RE.finditer(ctx.text):
        drafts += _tier_count(ctx, match, match.group("n"), previous=match.group("prev"))
        taken.append(match.span())
    for pattern in (_COUNT_RE, _TIER_NUMBERING_RE):
        for match in pattern.finditer(ctx.text):
            if any(a <= match.start("n") < b for a, b in taken):
                continue
            found = _tier_count(ctx, match, match.group("n"))
            if found:
                drafts += found
                taken.append(match.span())
    if not drafts:
        drafts += _covered(ctx)
    return drafts


def _tier_count(ctx: SentenceContext, match: re.Match[str], number: str,
                previous: str | None = None) -> list[Draft]:
    count = parse_cardinal(number)
    if count is None or count > 400:
        return []
    cstart, cend = ctx.clause_bounds(match.start())
    tiers = [t for t in ctx.tiers if cstart <= t.start < cend and t.tier]
    if not tiers:
        tiers = [t for t in ctx.tiers if t.tier]
    if len({t.tier for t in tiers}) != 1:
        return []  # no tier, or several: which one the number counts is not clear
    if ctx.is_modal(cstart, match.start()) and "could" not in ctx.text[cstart:match.start()]:
        return []
    groups = match.groupdict()
    plus = 1 if groups.get("other") and "other" in groups["other"].lower() else 0
    if groups.get("along"):
        plus = 1 if re.search(r"along|join", groups["along"], re.IGNORECASE) else 0
    approximate = bool(_APPROX_RE.search(ctx.text[max(0, match.start("n") - 15):match.start("n")]))
    year = ctx.year_in(cstart, cend)
    offset = relative_year(ctx.text[match.end():cend] + " " + ctx.text[cstart:match.start()]) \
        if year is None else 0
    drafts = [Draft(
        kind="tier_count",
        fields=fields(tier=tiers[0].tier, count=count + plus, stated=count,
                      others=bool(plus) or None, approximate=approximate or None, year=year),
        start=match.start("n") if not groups.get("along") else match.start(),
        end=match.end(), reading="tier_count:" + ("others" if plus else "number"),
        year_explicit=year is not None, year_offset=offset,
        negated=ctx.is_negated(cstart, match.start()),
        attributed=ctx.is_attributed(match.start()),
    )]
    if previous and parse_cardinal(previous) is not None:
        drafts.append(Draft(
            kind="tier_count",
            fields=fields(tier=tiers[0].tier, count=parse_cardinal(previous)),
            start=match.start("prev"), end=match.end(), reading="tier_count:down-from",
            year_offset=-1,
        ))
    return drafts


def _covered(ctx: SentenceContext) -> list[Draft]:
    drafts = []
    for match in _COVERED_RE.finditer(ctx.text):
        count = parse_cardinal(match.group("n"))
        if count is None or not 50 <= count <= 250:
            continue
        cstart, cend = ctx.clause_bounds(match.start())
        year = ctx.year_in(cstart, cend)
        drafts.append(Draft(
            kind="other",
            fields=fields(countries_covered=count, year=year,
                          approximate=bool(_APPROX_RE.search(
                              ctx.text[max(0, match.start("n") - 15):match.start("n")])) or None),
            start=match.start(), end=match.end(), reading="other:countries-covered",
            year_explicit=year is not None,
        ))
    return drafts
