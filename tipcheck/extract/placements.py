"""Readers for where countries stand: placements, moves, streaks and streak starts."""

from __future__ import annotations

import re

from tipcheck.countries import CountryMention
from tipcheck.extract.context import SentenceContext, fields, relative_year
from tipcheck.extract.draft import Draft
from tipcheck.extract.tiers_lexicon import TierMention
from tipcheck.numbers import CARDINAL_PATTERN, ORDINAL_PATTERN, parse_cardinal, parse_ordinal

_UP = (r"upgrad\w*|promot\w*|mov\w*\s+(?:\w+\s+)?up|climb\w*|rose|risen|rais\w*|elevat\w*|"
       r"regain\w*|return\w*|back")
_DOWN = (r"downgrad\w*|demot\w*|dropp?\w*|fell|fallen|falls?|relegat\w*|slipp?\w*|slid|lower\w*|"
         r"mov\w*\s+(?:\w+\s+)?down|sank|sunk|plung\w*|pushed\s+down|knock\w*\s+down")
_NEUTRAL = r"mov(?:e|ed|es|ing)|shift\w*|switch\w*|reclassif\w*"
_MOVE_RE = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN})|(?P<neutral>{_NEUTRAL}))\b",
                      re.IGNORECASE)
_FROM_TO_RE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_OFF_WATCH_RE = re.compile(r"\b(?:removed|taken|came|come|climbed|moved|dropped)\s+(?:\w+\s+)?"
                           r"(?:from|off)\s+(?:the\s+)?(?:Tier\s+2\s+)?watch[- ]?list", re.IGNORECASE)
_HEDGE_RE = re.compile(r"\b(?:spared|avoid\w*|escap\w*|otherwise|waiver|automatic\w*|mandatory)\b",
                       re.IGNORECASE)
_STREAK_RE = re.compile(
    rf"(?P<ord>{ORDINAL_PATTERN})\s+(?:(?:consecutive|straight|successive|continuous)\s+)?"
    rf"(?:(?P<kind>consecutive|straight|successive|continuous)\s+)?"
    r"(?P<unit>years?|reports?|times?)(?P<tail>\s+(?:running|in\s+a\s+row))?"
    rf"|(?P<card>{CARDINAL_PATTERN})\s+(?:consecutive|straight|successive)\s+(?:years|reports)"
    rf"|(?P<card2>{CARDINAL_PATTERN})\s+years\s+in\s+a\s+row",
    re.IGNORECASE,
)
_ANAPHOR_RE = re.compile(r"\b(?:it|its|the\s+(?:\w+\s+)?(?:nation|country|regime|kingdom|state|"
                         r"government|communist\s+state))\b", re.IGNORECASE)
_REMAINED_RE = re.compile(r"\b(?:remain\w*|stay\w*|kept|keeps?|maintain\w*|retain\w*|still)\b",
                          re.IGNORECASE)
_FIRST_LISTED_RE = re.compile(r"\bfirst\s+(?:put|placed|listed|ranked|designated|included)\b",
                              re.IGNORECASE)


def read_tier_claims(ctx: SentenceContext) -> list[Draft]:
    """All placement, move, streak and streak-start claims of one sentence."""
    drafts = _moves(ctx)
    drafts += _streaks(ctx, drafts)
    used = set().union(*(d.consumed for d in drafts)) if drafts else set()
    drafts += _placements(ctx, used)
    return drafts


def _subjects(ctx: SentenceContext, start: int, end: int) -> list[CountryMention | str]:
    """Countries a clause speaks of; the document's focus country when it says "the nation", "it"."""
    found: list[CountryMention | str] = list(ctx.countries_in(start, end))
    if not found and ctx.focus and _ANAPHOR_RE.search(ctx.text, start, end):
        found = [ctx.focus]
    return found


def _name(subject: CountryMention | str) -> str:
    return subject if isinstance(subject, str) else str(subject.country)


def _tier_index(ctx: SentenceContext, mention: TierMention) -> int:
    return ctx.tiers.index(mention)


def _moves(ctx: SentenceContext) -> list[Draft]:
    drafts: list[Draft] = []
    for match in _MOVE_RE.finditer(ctx.text):
        cstart, cend = ctx.clause_bounds(match.start())
        if _HEDGE_RE.search(ctx.text, cstart, cend) or ctx.is_modal(cstart, match.start()):
            continue
        after = [t for t in ctx.tiers if match.end() <= t.start < min(cend, match.end() + 80)]
        source = target = None
        used: set[int] = set()
        for mention in after:
            lead = ctx.text[max(cstart, mention.start - 12):mention.start]
            if _FROM_TO_RE.search(lead) and source is None:
                source = mention
            elif re.search(r"\b(?:to|into|onto|on|at|in)\s+(?:the\s+)?$", lead, re.IGNORECASE) \
                    and target is None:
                target = mention
            elif match.group("up") and re.match(r"regain|return|back", match.group(0), re.I):
                target = target or mention
        direction = "up" if match.group("up") else "down" if match.group("down") else None
        if source is None and target is None and direction is None:
            continue
        if source is None and target is None and not re.match(r"(?:upgrad|downgrad)", match.group(0),
                                                              re.IGNORECASE):
            continue  # "rose", "fell" with no tier named: not about a tier
        subjects = _subjects(ctx, cstart, cend)
        if source is None and target is None:
            subjects = _nearest_subject(ctx, subjects, match.start())
        for mention in (source, target):
            if mention is not None:
                used.add(_tier_index(ctx, mention))
        end = max([match.end()] + [m.end for m in (source, target) if m is not None])
        start = min([match.start()] + [m.start for m in (source, target) if m is not None])
        year = _local_year(ctx, match, cstart, end)
        if year is None and _STREAK_RE.search(ctx.text, cstart, cend):
            continue  # "has regained ... for the second consecutive year": the move's year is open
        for subject in subjects or [None]:
            drafts.append(Draft(
                kind="move",
                fields=fields(country=_name(subject) if subject else None,
                              from_tier=source.tier if source else None,
                              to_tier=target.tier if target else None,
                              from_named=source is not None,
                              from_text=source.text if source else None,
                              to_text=target.text if target else None,
                              direction=direction, year=year),
                start=start, end=end, reading=f"move:{match.group(0).lower()}",
                year_explicit=year is not None,
                negated=ctx.is_negated(cstart, match.start()),
                attributed=ctx.is_attributed(match.start()),
                consumed=used,
            ))
    for match in _OFF_WATCH_RE.finditer(ctx.text):
        cstart, cend = ctx.clause_bounds(match.start())
        used = {i for i, t in enumerate(ctx.tiers) if match.start() <= t.start < match.end()}
        for subject in _subjects(ctx, cstart, cend):
            drafts.append(Draft("move", fields(country=_name(subject), from_tier="2WL",
                                               direction="up", year=ctx.year_in(cstart, cend)),
                                match.start(), match.end(), "move:off-watch-list", consumed=used))
    return drafts


def _local_year(ctx: SentenceContext, match: re.Match[str], cstart: int,
                end: int | None = None) -> int | None:
    """The year of a move: "downgraded to Tier 2 in 2022", "In 2022, ... was downgraded"."""
    end = match.end() if end is None else end
    for year in ctx.years:
        if year.before == "in" and end <= year.start <= end + 12:
            return year.year
        if year.before == "in" and cstart <= year.start < match.start() and \
                re.fullmatch(r"\W*in\s+", ctx.text[cstart:year.start], re.IGNORECASE):
            return year.year  # "In 2022, South Korea was downgraded ..."
    return None


def _nearest_subject(ctx: SentenceContext, subjects: list[CountryMention | str],
                     offset: int) -> list[CountryMention | str]:
    """For "China's upgrade": the one country nearest the verb."""
    mentions = [s for s in subjects if isinstance(s, CountryMention)]
    if not mentions:
        return subjects[:1]
    return [min(mentions, key=lambda m: abs(m.end - offset))]


def _nearest_tier(ctx: SentenceContext, offset: int, start: int, end: int) -> TierMention | None:
    candidates = [t for t in ctx.tiers if start <= t.start < end and t.tier]
    if not candidates:
        candidates = [t for t in ctx.tiers if t.tier]
    if not candidates:
        return None
    return min(candidates, key=lambda t: abs(t.start - offset))


def _streaks(ctx: SentenceContext, moves: list[Draft]) -> list[Draft]:
    drafts: list[Draft] = []
    for match in _STREAK_RE.finditer(ctx.text):
        if match.group("ord"):
            count = parse_ordinal(match.group("ord"))
            unit = match.group("unit").lower()
            consecutive = bool(match.group("kind") or match.group("tail")) or \
                "consecutive" in match.group(0).lower()
            if unit.startswith("time"):
                consecutive = False
            elif not consecutive:
                continue  # "the fifth year" alone is not a streak
        else:
            count = parse_cardinal(match.group("card") or match.group("card2"))
            consecutive = True
        if not count:
            continue
        cstart, cend = ctx.clause_bounds(match.start())
        tier = _nearest_tier(ctx, match.start(), cstart, cend)
        since = next((y.year for y in ctx.years if y.before == "since"), None)
        subjects = _subjects(ctx, 0, len(ctx.text)) if tier else []
        if tier is None or not subjects:
            continue
        for subject in subjects:
            drafts.append(Draft(
                kind="streak",
                fields=fields(country=_name(subject), tier=tier.tier, length=count,
                              consecutive=consecutive, since=since),
                start=match.start(), end=match.end(), reading="streak:ordinal",
                negated=ctx.is_negated(cstart, match.start()),
                attributed=ctx.is_attributed(match.start()),
                consumed={_tier_index(ctx, tier)},
            ))
    if drafts:
        return drafts
    return _streak_starts(ctx)


def _streak_starts(ctx: SentenceContext) -> list[Draft]:
    drafts: list[Draft] = []
    for year in ctx.years:
        first_listed = _FIRST_LISTED_RE.search(ctx.text, max(0, year.start - 60), year.start)
        if year.before != "since" and not (first_listed and year.before == "in"):
            continue
        cstart, cend = ctx.clause_bounds(year.start)
        tier = _nearest_tier(ctx, year.start, cstart, cend)
        if tier is None or not (_REMAINED_RE.search(ctx.text) or first_listed
                                or re.search(r"\b(?:has|have)\s+been\b", ctx.text)):
            continue
        for subject in _subjects(ctx, 0, len(ctx.text)):
            drafts.append(Draft(
                kind="streak_start",
                fields=fields(country=_name(subject), tier=tier.tier, since=year.year),
                start=min(tier.start, year.start), end=max(tier.end, year.end),
                reading="streak_start:since" if not first_listed else "streak_start:first-listed",
                negated=ctx.is_negated(cstart, year.start),
                consumed={_tier_index(ctx, tier)},
            ))
    return drafts


def _placements(ctx: SentenceContext, used: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    seen: set[tuple[str, str]] = set()
    for index, mention in enumerate(ctx.tiers):
        if index in used or mention.tier is None:
            continue
        cstart, cend = ctx.clause_bounds(mention.start)
        if ctx.is_modal(cstart, mention.start):
            continue
        subjects = _subjects(ctx, cstart, cend)
        other_tiers = [t for t in ctx.tiers if cstart <= t.start < cend and t is not mention
                       and t.tier and t.tier != mention.tier]
        for subject in subjects:
            if other_tiers and isinstance(subject, CountryMention) and \
                    _closer_tier(subject, mention, other_tiers):
                continue
            if (_name(subject), mention.tier) in seen:
                continue
            seen.add((_name(subject), mention.tier))
            year = ctx.year_in(cstart, cend)
            offset = relative_year(ctx.text[cstart:cend]) if year is None else 0
            start = min(mention.start, subject.start) if isinstance(subject, CountryMention) \
                else mention.start
            end = max(mention.end, subject.end) if isinstance(subject, CountryMention) \
                else mention.end
            drafts.append(Draft(
                kind="placement",
                fields=fields(country=_name(subject), tier=mention.tier, year=year,
                              remained=bool(_REMAINED_RE.search(ctx.text, cstart, mention.start))
                              or None),
                start=start, end=end, reading=f"placement:{mention.how}",
                year_explicit=year is not None, year_offset=offset,
                negated=ctx.is_negated(cstart, mention.start),
                attributed=ctx.is_attributed(mention.start),
            ))
    return drafts


def _closer_tier(subject: CountryMention, mention: TierMention, others: list[TierMention]) -> bool:
    """Another tier in the clause stands nearer the country than this one."""
    distance = abs(mention.start - subject.start)
    return any(abs(o.start - subject.start) < distance for o in others)
