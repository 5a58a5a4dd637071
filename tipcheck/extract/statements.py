"""Readers for what the report is and does: the tier system, Tier 3 consequences, estimates."""

from __future__ import annotations

import re

from tipcheck.extract.context import SentenceContext, fields
from tipcheck.extract.draft import Draft
from tipcheck.numbers import CARDINAL_PATTERN, parse_cardinal

_SYSTEM_RE = re.compile(
    r"\b(?P<n>two|three|four|five|[2-5])\s+(?:main\s+|ranked\s+|separate\s+)?"
    r"(?:tiers|levels|categories|rankings|groups)\b", re.IGNORECASE)
_SYSTEM_CUE_RE = re.compile(r"\b(?:tiers?|rank\w*|sort\w*|categor\w*|classif\w*|plac\w*|assign\w*|"
                            r"divid\w*|report)\b", re.IGNORECASE)
_MEASURE_RE = re.compile(
    r"\b(?:(?:amount|extent|scale|size|prevalence|severity|volume|magnitude|level)\s+of\s+"
    r"(?:human\s+)?trafficking|how\s+much\s+trafficking|number\s+of\s+(?:trafficking\s+)?victims)",
    re.IGNORECASE)
_RANKING_CUE_RE = re.compile(r"\b(?:tier\w*|rank\w*|rat(?:ed|ing|es)|sort\w*|classif\w*|categor\w*|"
                             r"grad\w*|worst\s+offenders?|level)\b", re.IGNORECASE)
_AID_RE = re.compile(
    r"(?P<non>non-?\s*)?humanitarian\b(?P<rest>[^.;]{0,70}?)\b(?:assistance|aid|funding)\b",
    re.IGNORECASE)
_SANCTION_CUE_RE = re.compile(r"\b(?:tier\s*(?:3|three|iii)|sanction\w*|ineligible|withh\w*|"
                              r"restrict\w*|cut\w*|penalt\w*|den(?:y|ied)|cutting|worst\s+offenders?|"
                              r"los(?:e|ing)|suspend\w*)\b", re.IGNORECASE)
_EXEMPT_RE = re.compile(r"\b(?:except\w*|exclud\w*|exempt\w*|not|other\s+than|apart\s+from|"
                        r"spar\w*|but\s+not|nor)\b[^.;]{0,40}$", re.IGNORECASE)
_ESTIMATE_NOUNS = (r"prisoners|people|persons|victims|men,\s+women\s+and\s+children|workers|"
                   r"children|women|slaves|refugees|defectors")
_ESTIMATE_RE = re.compile(
    rf"(?P<lo>{CARDINAL_PATTERN})(?:\s*(?:to|-|and)\s*(?P<hi>{CARDINAL_PATTERN}))?\s+"
    rf"(?:(?:[a-z][\w-]*\s+){{0,2}}?)(?P<noun>{_ESTIMATE_NOUNS})\b")


def read_statements(ctx: SentenceContext) -> list[Draft]:
    """Tier-system, tier-meaning, Tier 3 consequence and estimate claims of one sentence."""
    return _system(ctx) + _meaning(ctx) + _consequence(ctx) + _estimates(ctx)


def _system(ctx: SentenceContext) -> list[Draft]:
    drafts = []
    if not _SYSTEM_CUE_RE.search(ctx.text):
        return drafts
    for match in _SYSTEM_RE.finditer(ctx.text):
        count = parse_cardinal(match.group("n"))
        watch = any(t.tier == "2WL" for t in ctx.tiers)
        lead = ctx.text[max(0, match.start() - 30):match.start()].lower()
        drafts.append(Draft(
            kind="tier_system",
            fields=fields(n_tiers=count, watch_list=watch,
                          counts_watch_list=bool(re.search(r"count|includ", lead)) or None),
            start=match.start(), end=match.end(), reading="tier_system:count",
        ))
    return drafts


def _meaning(ctx: SentenceContext) -> list[Draft]:
    match = _MEASURE_RE.search(ctx.text)
    if not match or not _RANKING_CUE_RE.search(ctx.text):
        return []
    if ctx.is_negated(max(0, match.start() - 40), match.start()):
        return []  # "not the amount of trafficking": the right reading
    return [Draft(kind="tier_system", fields={"measures": "size of the problem"},
                  start=match.start(), end=match.end(), reading="tier_system:measures")]


def _consequence(ctx: SentenceContext) -> list[Draft]:
    drafts = []
    if not _SANCTION_CUE_RE.search(ctx.text):
        return drafts
    for match in _AID_RE.finditer(ctx.text):
        exempt = bool(_EXEMPT_RE.search(ctx.text[max(0, match.start() - 60):match.start()]))
        restricted = "non-humanitarian" if match.group("non") else \
            ("exempt humanitarian" if exempt else "humanitarian")
        drafts.append(Draft(
            kind="tier3_consequence",
            fields=fields(restricts=restricted, word_offset=len(match.group("non") or "")),
            start=match.start(), end=match.end(), reading="tier3_consequence:aid",
            attributed=ctx.is_attributed(match.start()),
        ))
    return drafts


def _estimates(ctx: SentenceContext) -> list[Draft]:
    drafts = []
    for match in _ESTIMATE_RE.finditer(ctx.text):
        low = parse_cardinal(match.group("lo"))
        high = parse_cardinal(match.group("hi")) if match.group("hi") else None
        if low is None or max(low, high or 0) < 1000 or re.fullmatch(r"(?:19|20)\d\d", match.group("lo")):
            continue
        noun = re.sub(r"\s+", " ", match.group("noun").lower())
        metric = "prisoners" if noun == "prisoners" else noun
        if "prison" in ctx.text.lower() and metric in ("people", "persons"):
            metric = "prisoners"
        drafts.append(Draft(
            kind="estimate",
            fields=fields(low=low, high=high or low, metric=metric),
            start=match.start(), end=match.end(), reading="estimate:number",
        ))
    return drafts
