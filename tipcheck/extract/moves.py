"""Reader for moves between tiers: "downgraded to Tier 3", "moved up from Tier 2", "came off the list"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipcheck.extract.context import SentenceContext, fields, local_offset, local_year
from tipcheck.extract.draft import Draft
from tipcheck.extract.subjects import (
    ANAPHOR_WORDS,
    Subject,
    clause_subjects,
    conjunct_start,
    last_list,
    local_clause,
    name,
    negated_near,
    object_list,
    tiers_in,
)
from tipcheck.extract.tiers_lexicon import TierMention

_UP = (r"upgrad\w*|promot\w*|mov\w*\s+(?:\w+\s+)?up|climb\w*|rose|risen|rising|rais\w*|elevat\w*|"
       r"regain\w*|improv\w*\s+to|lift(?:ed|s|ing)?(?!\s+(?:off|from|out)\b)|bump\w*\s+up")
# ("lifted off Tier 3" is a move off a list, read by _off_list)
_DOWN = (r"downgrad\w*|demot\w*|dropp?\w*|fell|fallen|fall(?:s|ing)?|relegat\w*|slipp?\w*|slid|lower\w*|"
         r"mov\w*\s+(?:\w+\s+)?down|sank|sunk|sinking|plung\w*|pushed\s+down|knock\w*\s+down|tumbl\w*|bump\w*\s+down")
# "leaping from Tier 3 to Tier 1": a move whose direction the tiers give
# "returned to Tier 3", "back on the watch list": back to a tier held before, up or down
_NEUTRAL = (r"mov(?:e|ed|es|ing)|shift\w*|switch\w*|reclassif\w*|leap\w*|leapt|jump\w*|vault\w*|"
            r"return\w*|back|transferr\w*|reassign\w*")
MOVE_RE = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN})|(?P<neutral>{_NEUTRAL}))\b",
                      re.IGNORECASE)
# the stems MOVE_RE needs, one of them in every match: most sentences hold none
_MOVE_STEMS = ("upgrad", "promot", "mov", "climb", "rose", "risen", "rais", "elevat", "regain", "improv",
               "downgrad", "demot", "drop", "fell", "fall", "relegat", "slip", "slid", "lower", "sank",
               "sinking", "rising",
               "sunk", "plung", "pushed", "knock", "tumbl", "shift", "switch", "reclassif", "leap", "jump",
               "vault", "return", "back", "lift", "bump", "transferr", "reassign")


def may_move(ctx: SentenceContext) -> bool:
    """Whether MOVE_RE may match anywhere in the sentence (a literal test, worked out once)."""
    return ctx.memo("moves.may_move", lambda _: ctx.has(_MOVE_STEMS))

# verbs that say a move by themselves; "rose", "fell" need a tier to be about one
_SELF_EVIDENT = re.compile(r"(?:upgrad|downgrad|demot|promot|relegat)", re.IGNORECASE)
# "slipping a tier", "dropped one notch": a move with no tier named
_ONE_STEP = re.compile(r"\s+(?:by\s+)?(?:a|one)\s+(?:tier|notch|rung|level|category)\b", re.IGNORECASE)
# off a list: "came off the US blacklist", "removed India from its 'Watch List'", "climbed out of Tier 3"
_OFF_RE = re.compile(
    r"\b(?P<verb>remov\w*|taken|took|c[ao]me|comes|coming|climb\w*|got|gets?|getting|lift\w*|"
    r"dropp?\w*|moved|emerg\w*|graduat\w*|escap\w*|releas\w*|delist\w*|knock\w*|bump\w*|kick\w*|push\w*)"
    r"(?P<obj>(?:\s+[\w'’.-]+){0,3}?)\s+(?:from|off(?:\s+of)?|out\s+of)\s+"
    r"(?:(?!(?:to|into|onto)\s)[\w'’.-]+\s+){0,4}?[\"'“‘]?$"
    # "left Tier 3", "exited the watch list", "lost its Tier 1 status"
    r"|\b(?P<left>left|leaves|leaving|exit(?:s|ed|ing)?|lost|los(?:es|ing)|forfeit\w*)(?P<obj2>)"
    r"\s+(?:the\s+|its\s+|their\s+)?[\"'“‘]?$",
    re.IGNORECASE,
)
# the words _OFF_RE needs: "from", "off", "out of" after its verb, or "left", "exit", "lost", "forfeit"
_OFF_WORDS = ("from", "off", "out", "left", "leav", "exit", "los", "forfeit")
_OFF_UP = re.compile(r"c[ao]me|comes|coming|climb|got|get|lift|emerg|graduat|escap|left|leav|exit",
                     re.IGNORECASE)
# "spared an otherwise mandatory downgrade": the move did not happen
_HEDGE_RE = re.compile(r"\b(?:spared|avoid\w*|escap\w*|otherwise|waiver|automatic\w*|mandatory|"
                       r"possible|potential)\b", re.IGNORECASE)
_SPARED_RE = re.compile(r"\b(?:spared|avoid\w*|escap\w*|dodg\w*)\b", re.IGNORECASE)
# "the downgrade could hurt", "the Tier 3 downgrade": a move already told, not a new claim
# a headline that is only a country and a move verb: "Lebanon moves up", "Georgia slips" (a story about
# the report's ranking; a tier-less "rose" or "fell" in running text is not about a tier)
HEADLINE_MOVE_RE = re.compile(r"^\W*[\w .,'’&()-]{2,40}?\s+(?:moves?\s+(?:up|down)|slips|slides|climbs|"
                              r"drops|tumbles)[\s.!]*$", re.IGNORECASE)
_DEFINITE_RE = re.compile(r"\b(?:the|this|that|such\s+an?)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NOUN_RE = re.compile(r"(?:upgrade|downgrade|demotion|promotion|relegation)s?$", re.IGNORECASE)
_TARGET_LEAD = re.compile(r"\b(?:to|into|onto|on|at|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[\"'“‘]?$",
                          re.IGNORECASE)
_SOURCE_LEAD = re.compile(r"\b(?:from|out\s+of|off)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[\"'“‘]?$",
                          re.IGNORECASE)
# a run named in the move's clause: "has regained Tier 1 for the second consecutive year"
# ("plunged straight from Tier 2 to Tier 3", "went straight to the bottom": an adverb of the move)
STREAK_CUE = re.compile(r"\b(?:consecutive|straight(?!\s+(?:from|to|into|onto|down|up|back|off)\b)|"
                        r"successive|in\s+a\s+row|running)\b", re.IGNORECASE)
STREAK_WORDS = ("consecutive", "straight", "successive", "row", "running")  # what STREAK_CUE needs
# ... or where a relative clause ends and the main verb comes: "Russia, which was moved up from the
# blacklist last year, was placed on the watch list" (the watch list is not the move's target)
# ... or where a verb phrase of its own begins: "was not upgraded but stayed on the Watch List", "was
# spared a downgrade and remains on the Watch List" (the tier after it is held, not reached)
# ... or where a relative clause of its own begins: "a fall for a territory that was on Tier 1 in 2010"
_STOP_RE = re.compile(r";|,\s+(?:and|but|while|whereas)\s+|\.\s|"
                      r"\s(?:that|which|who)\s+(?:was|were|is|are|had|has)\s|"
                      r",\s+(?:(?:also|then|now)\s+)?(?:was|were|is|are|has|have|had)\s|"
                      r"\s+but\s+(?:(?:instead|still|then|also)\s+)?(?:[a-z]+ed|remain\w*|stay\w*|kept|sat|"
                      r"was|were|is|are|has|have|had)\b|\s+and\s+(?:(?:instead|still|also)\s+)?"
                      r"(?:remain\w*|stay\w*|kept|sat)\b")
# countries after a move's target that share it: "fell to Tier 3, joining North Korea, ..."
_JOIN_RE = re.compile(r"^[^;.]{0,60}?\b(?:joining|alongside|along\s+with|together\s+with|join(?:s|ed)?)\b",
                      re.IGNORECASE)


@dataclass
class MoveReading:
    """What the move reader found: drafts, and the tier mentions it used (hedged moves included)."""

    drafts: list[Draft] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)
    targets: set[int] = field(default_factory=set)  # tiers moves reached: no streak is on them


def read_moves(ctx: SentenceContext, streak_in_clause: bool = False) -> MoveReading:
    """Every move between tiers in one sentence, with the companions that join the target tier."""
    reading = MoveReading()
    matches = _verbs(ctx)
    previous_end, previous_subjects = 0, []
    for i, match in enumerate(matches):
        cstart, cend = local_clause(ctx, match.start())
        limit = min(cend, matches[i + 1].start() if i + 1 < len(matches) else cend)
        found = _read_one(ctx, match, (max(cstart, previous_end), limit), previous_subjects, reading,
                          streak_in_clause)
        if found is not None:
            previous_end, previous_subjects = found
    _off_list(ctx, reading)
    _lost_it(ctx, reading)
    _up_from(ctx, reading)
    return reading


# a tier held, then the one it came from: "Libya is on the Watch List, up from Tier 3", a table row
# "| Jordan | Watch List | down from Tier 2 |"
_UP_FROM_RE = re.compile(r"[\s,|(—–-]*(?P<dir>up|down)\s+from\s+$", re.IGNORECASE)


def _up_from(ctx: SentenceContext, reading: MoveReading) -> None:
    """A move to a tier from the tier named after "up from" / "down from" right behind it."""
    if not ctx.has(("up from", "down from")):
        return
    for index, (target, source) in enumerate(zip(ctx.tiers, ctx.tiers[1:], strict=False)):
        found = _UP_FROM_RE.fullmatch(ctx.text, target.end, source.start)
        if found is None or {index, index + 1} & reading.consumed or not (target.tier and source.tier):
            continue
        cstart, _ = local_clause(ctx, target.start)
        if ctx.is_modal(cstart, target.start):
            continue
        begin = conjunct_start(ctx, cstart, target.start)
        subjects: list[Subject] = list(last_list(ctx, begin, target.start)) \
            or clause_subjects(ctx, cstart, target.start)
        year = local_year(ctx, target.start, target.end)
        offset = 0 if year else local_offset(ctx, target.start, target.end)
        reading.consumed |= {index, index + 1}
        reading.targets.add(index)
        for subject in subjects:
            reading.drafts.append(Draft(
                "move", fields(country=name(subject), from_tier=source.tier, to_tier=target.tier,
                               from_named=True, from_text=source.text, to_text=target.text,
                               direction=found.group("dir").lower(), year=year),
                target.start, source.end, "move:up-from", year_explicit=year is not None,
                year_offset=offset, negated=negated_near(ctx, cstart, target.start),
                attributed=ctx.is_attributed(target.start), consumed={index, index + 1}))


# "upgraded to Tier 2 in 2021 and lost it in 2023": "it" is the tier the move just before reached
_LOST_IT_RE = re.compile(r"\b(?:lost|los(?:es|ing)|forfeit\w*)\s+(?:it|that\s+(?:status|rank\w*|rating|"
                         r"spot|place|tier|grade|position))\b", re.IGNORECASE)
_LOST_WORDS = ("los", "forfeit")  # what _LOST_IT_RE needs


def _lost_it(ctx: SentenceContext, reading: MoveReading) -> None:
    """A tier reached and then lost ("... and lost it in 2023"): a move off that tier, with its own year."""
    if not reading.drafts or not ctx.has(_LOST_WORDS):
        return  # no move before it, or no "lost", "forfeit"
    for match in _LOST_IT_RE.finditer(ctx.text):
        before = [d for d in reading.drafts if d.kind == "move" and d.fields.get("to_tier")
                  and d.end <= match.start()]
        if not before or ctx.is_modal(local_clause(ctx, match.start())[0], match.start()):
            continue
        last = max(before, key=lambda d: d.end)
        if any(last.end < t.start < match.start() for t in ctx.tiers) or \
                ctx.countries_in(last.end, match.start()):
            continue  # another tier or country stands between: "it" is not surely that tier
        year = local_year(ctx, match.start(), match.end())
        offset = 0 if year else local_offset(ctx, match.start(), match.end())
        tier = last.fields["to_tier"]
        for draft in [d for d in before if d.end == last.end]:
            reading.drafts.append(Draft(
                "move", fields(country=draft.fields["country"], from_tier=tier, from_named=True,
                               from_text=match.group(0), direction={"3": "up", "1": "down"}.get(tier),
                               year=year),
                match.start(), match.end(), "move:lost-it", year_explicit=year is not None,
                year_offset=offset, negated=negated_near(ctx, local_clause(ctx, match.start())[0],
                                                         match.start()),
                attributed=ctx.is_attributed(match.start())))


def _headline_move(ctx: SentenceContext, match: re.Match[str]) -> bool:
    """The sentence is a headline "COUNTRY moves up / slips": one country, then the verb, then nothing."""
    if not HEADLINE_MOVE_RE.match(ctx.text):
        return False
    named = ctx.countries_in(0, match.start())
    return len(named) == 1 and not ctx.text[:named[0].start].strip(" \t\n\"'“‘") \
        and not ctx.text[named[0].end:match.start()].strip()


def _verbs(ctx: SentenceContext) -> list[re.Match[str]]:
    """The move verbs of a sentence; "back" right after one is part of it ("fell back from the watch
    list", "moved back to Tier 2": the verb before gives the direction)."""
    found: list[re.Match[str]] = []
    if not may_move(ctx):
        return found
    for match in MOVE_RE.finditer(ctx.text):
        if found and match.group(0).lower() == "back" and \
                not ctx.text[found[-1].end():match.start()].strip():
            continue
        found.append(match)
    return found


def _read_one(ctx: SentenceContext, match: re.Match[str], bounds: tuple[int, int],
              previous: list[Subject], reading: MoveReading,
              streak_in_clause: bool) -> tuple[int, list[Subject]] | None:
    region, limit = bounds
    cstart, cend = local_clause(ctx, match.start())
    verb = match.group(0)
    objects = object_list(ctx, match.end(), limit) or ctx.countries_in(match.start(), match.end())
    stop = _window_end(ctx, match.end(), limit, objects)
    source, target = _source_target(ctx, match, stop)
    used = {ctx.tier_index(t) for t in (source, target) if t is not None}
    if _NOUN_RE.search(verb) and _DEFINITE_RE.search(ctx.text, max(cstart, match.start() - 30),
                                                     match.start()):
        lead = _DEFINITE_RE.search(ctx.text, max(cstart, match.start() - 30), match.start())
        reading.consumed |= used | {j for j, _ in tiers_in(ctx, lead.start() if lead else match.start(),
                                                           match.start())}
        return None  # "the downgrade", "the Tier 3 downgrade": told before
    hedge = _HEDGE_RE.search(ctx.text, max(cstart, match.start() - 40), match.start())
    if hedge is not None and hedge.group(0).lower() == "automatically" and verb.lower().endswith("ed") \
            and not ctx.text[hedge.end():match.start()].strip():
        hedge = None  # "automatically downgraded China, Russia and Uzbekistan": it happened
    if ctx.is_modal(cstart, match.start()) or (hedge and not _SPARED_RE.search(ctx.text, cstart,
                                                                              match.start())):
        reading.consumed |= used
        return None  # "could be downgraded", "faces a possible downgrade": not a move that happened
    spared = hedge is not None  # "spared an otherwise mandatory downgrade": a move that did not happen
    direction = "up" if match.group("up") else "down" if match.group("down") else None
    if target is None and source is not None and _OFF_VERB.match(verb):
        direction = None  # "dropped from the watch list": off it, up or down
    if source is None and target is None and not (
            _SELF_EVIDENT.match(verb) or (direction and _ONE_STEP.match(ctx.text, match.end()))
            or (direction and _headline_move(ctx, match))):
        return None  # "rose", "fell" with no tier named: not about a tier
    subjects: list[Subject] = list(objects) or _anaphor_object(ctx, match.end())
    if not subjects:
        subjects = list(last_list(ctx, conjunct_start(ctx, region, match.start()), match.start()))
    if not subjects:
        subjects = clause_subjects(ctx, conjunct_start(ctx, region, match.start()), match.start())
    if not subjects and verb.lower().endswith("ing"):
        subjects = list(previous)  # "South Korea was downgraded ..., slipping a tier"
    if not subjects:
        subjects = _relative_head(ctx, cstart, match.start())
    if not subjects:
        return None
    start = min([match.start()] + [t.start for t in (source, target) if t])
    end = max([match.end()] + [t.end for t in (source, target) if t])
    year = local_year(ctx, start, end)
    if year is None and target is not None and (listed := _YEARS_AND_RE.match(ctx.text, target.end)):
        year = int(listed.group("y"))  # "sank to Tier 3 in 2021 and 2022": it moved in the first
    offset = 0 if year else local_offset(ctx, match.start(), end)
    # (up to a comma after the move: "downgraded to the Watch List, ending five straight years on Tier 2"
    # is a move; the run after the comma is the one it ended)
    comma = ctx.text.find(",", end, cend)
    if year is None and not offset and streak_in_clause and STREAK_CUE.search(
            ctx.text, _own_start(subjects, match, cstart), cend if comma < 0 else comma):
        reading.consumed |= used
        return None  # "has regained ... for the second consecutive year": the move's year is open
    for subject in subjects:
        reading.drafts.append(Draft(
            kind="move",
            fields=fields(country=name(subject), from_tier=source.tier if source else None,
                          to_tier=target.tier if target else None, from_named=source is not None,
                          from_text=source.text if source else None,
                          to_text=target.text if target else None, direction=direction, year=year),
            start=start, end=end, reading=f"move:{verb.lower()}",
            year_explicit=year is not None, year_offset=offset,
            negated=spared or negated_near(ctx, cstart, match.start()),
            attributed=ctx.is_attributed(match.start()),
            consumed=used,
        ))
    reading.consumed |= used
    if target is not None:
        reading.targets.add(ctx.tier_index(target))
    if target is not None:
        _companions(ctx, target, cend, year, offset, reading)
    return end, subjects


# the verb's object stands for a country: "The 2008 edition slid the country onto the Watch List"
_ANAPHOR_OBJECT_RE = re.compile(r"\s+(?:it|the\s+(?:[\w-]+\s+){0,2}?(?:country|nation|kingdom|island|"
                                r"republic|regime|government))\s+(?:back\s+)?(?:to|into|onto|down|up|from|off|"
                                r"out)\b", re.IGNORECASE)


def _anaphor_object(ctx: SentenceContext, offset: int) -> list[Subject]:
    """The country "it" or "the country" stands for, as the object right after a move verb."""
    found = _ANAPHOR_OBJECT_RE.match(ctx.text, offset) if ctx.has(ANAPHOR_WORDS) else None
    return clause_subjects(ctx, found.start(), found.end()) if found else []


_OFF_VERB = re.compile(r"drop|remov", re.IGNORECASE)  # "dropped from the watch list": off it, up or down
# the main verb after a closed relative clause: "Chad, which fell to Tier 3 in 2022, climbed back"
_CLOSED_RELATIVE_RE = re.compile(r",\s*(?:which|who)\b[^,;]*,\s*(?:(?:also|then|later|now|has|have|had|was|"
                                 r"were|is|are)\s+)*$", re.IGNORECASE)


def _relative_head(ctx: SentenceContext, cstart: int, offset: int) -> list[Subject]:
    """The countries a closed relative clause hangs on, as the subject of the verb after it."""
    relative = _CLOSED_RELATIVE_RE.search(ctx.text, cstart, offset)
    if relative is None:
        return []
    run = last_list(ctx, cstart, relative.start())
    return list(run) if run and not ctx.text[run[-1].end:relative.start()].strip() else []


def _own_start(subjects: list[Subject], match: re.Match[str], cstart: int) -> int:
    """Where the move's own stretch begins: at its first subject named before the verb, else the verb
    ("Belize stayed there for a third consecutive year and Uzbekistan was demoted": not Uzbekistan's run)."""
    before = [s.start for s in subjects if not isinstance(s, str) and s.start < match.start()]
    return max(cstart, min(before)) if before else match.start()


def _window_end(ctx: SentenceContext, offset: int, limit: int, objects: list) -> int:
    """Where a move's tiers stop: at a new conjunct, or at a country that is not the verb's object."""
    stop = min(limit, offset + 120)
    after_objects = objects[-1].end if objects else offset
    for mention in ctx.countries_in(after_objects, stop):
        stop = mention.start
        break
    halt = _STOP_RE.search(ctx.text, offset, stop)
    return halt.start() if halt else stop


_BACK_VERB = re.compile(r"regain|return|back", re.IGNORECASE)  # their tier is the target, whatever the lead


def _source_target(ctx: SentenceContext, match: re.Match[str],
                   stop: int) -> tuple[TierMention | None, TierMention | None]:
    source = target = None
    for _, mention in tiers_in(ctx, match.end(), stop):
        lead = ctx.text[max(match.end(), mention.start - 30):mention.start]
        if source is None and _SOURCE_LEAD.search(lead):
            source = mention  # "from Tier 2 to Tier 1", or after it: "upgraded to Tier 1 from the watch list"
        elif target is None and (_TARGET_LEAD.search(lead) or (
                _BACK_VERB.match(match.group(0)))) and not (
                mention.how != "back" and _TO_IT_RE.search(ctx.text, match.end(), mention.start)):
            target = mention  # (not past "to it": "Cuba returned to it in 2019 after four years on the ...")
    return source, target


def _companions(ctx: SentenceContext, target: TierMention, cend: int, year: int | None, offset: int,
                reading: MoveReading) -> None:
    """ "fell to Tier 3, joining a group that already includes North Korea": they are on Tier 3."""
    joined = _JOIN_RE.match(ctx.text[target.end:cend])
    if not joined or target.tier is None:
        return
    for mention in ctx.countries_in(target.end + joined.end(), cend):
        reading.drafts.append(Draft(
            "placement", fields(country=name(mention), tier=target.tier, year=year),
            mention.start, mention.end, "placement:joined", year_explicit=year is not None,
            year_offset=offset, attributed=ctx.is_attributed(mention.start)))


_YEARS_AND_RE = re.compile(r"\s+in\s+(?:the\s+)?(?P<y>(?:19|20)\d\d)(?:\s*,\s*(?:19|20)\d\d)*,?\s+and\s+"
                           r"(?:19|20)\d\d\b")
_TO_IT_RE = re.compile(r"\b(?:to|onto|into)\s+it\b", re.IGNORECASE)
_ONTO_RE = re.compile(r"\s+(?:and\s+)?(?:onto|to|into|on\s+to)\s+(?:the\s+)?", re.IGNORECASE)


def _off_list(ctx: SentenceContext, reading: MoveReading) -> None:
    """ "came off the US blacklist", "removed India from its 'Watch List'": a move off that tier."""
    if not ctx.has(_OFF_WORDS):
        return
    for index, mention in enumerate(ctx.tiers):
        if index in reading.consumed or mention.tier in (None, "special"):
            continue
        cstart, _ = local_clause(ctx, mention.start)
        off = _OFF_RE.search(ctx.text, max(cstart, mention.start - 70), mention.start)
        if off is None or ctx.is_modal(cstart, off.start()):
            continue
        verb = off.group("verb") or off.group("left")
        direction = {"3": "up", "1": "down"}.get(mention.tier)
        if mention.tier == "2WL" and _OFF_UP.match(verb):
            direction = "up"
        obj = "obj" if off.group("verb") else "obj2"
        objects = object_list(ctx, off.start(obj), off.end(obj) + 1)
        subjects: list[Subject] = list(objects) or clause_subjects(ctx, cstart, off.start())
        year = local_year(ctx, off.start(), mention.end)
        # "lifted off Tier 3 onto the Watch List in 2015": the tier it reached, and that one's year
        onto = next((t for t in ctx.tiers[index + 1:index + 2] if t.tier and t.tier != "special"
                     and _ONTO_RE.fullmatch(ctx.text, mention.end, t.start)), None)
        if onto is not None:
            year = year or local_year(ctx, onto.start, onto.end)
        offset = 0 if year else local_offset(ctx, off.start(), mention.end)
        reading.consumed.add(index)
        for subject in subjects:
            reading.drafts.append(Draft(
                "move", fields(country=name(subject), from_tier=mention.tier, from_named=True,
                               from_text=mention.text, direction=direction, year=year,
                               to_tier=onto.tier if onto else None, to_text=onto.text if onto else None),
                off.start(), onto.end if onto else mention.end, "move:off-list",
                year_explicit=year is not None,
                year_offset=offset, negated=negated_near(ctx, cstart, off.start()),
                attributed=ctx.is_attributed(off.start()), consumed={index}))
