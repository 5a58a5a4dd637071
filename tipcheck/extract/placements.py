"""Readers for where countries stand: placements, plus the move and streak readers they defer to."""

from __future__ import annotations

import re
from dataclasses import replace

from tipcheck.countries import CountryMention
from tipcheck.extract.context import FIRST_REPORT_YEAR, SentenceContext, fields, local_offset, local_year
from tipcheck.extract.draft import Draft
from tipcheck.extract.moves import MOVE_RE, STREAK_CUE, STREAK_WORDS, may_move, read_moves
from tipcheck.extract.streaks import read_streaks
from tipcheck.extract.subjects import (
    Subject,
    clause_subjects,
    conjunct_start,
    last_list,
    local_clause,
    name,
    negated_near,
    object_list,
    span_of,
    tiers_in,
)
from tipcheck.extract.tiers_lexicon import TierMention
from tipcheck.extract.triggers import add_triggers

# a tier named in the sentence before (tiers_lexicon.with_back_references): "Mauritania is there",
# "They include Cuba, Sudan and Syria", "shares that rank"
add_triggers("is there", "are there", "was there", "were there", "be there", "been there", "still there",
             "also there", "now there", "again there", "firmly there", "stuck there", "sits there",
             "sit there", "sat there", "languish", ", there for", "they include", "these include",
             "those include", "they included", "these included", "they are", "they were", "these are",
             "these were", "those are", "those were", "among them", "that rank", "that tier",
             "that categor", "that rating", "that status", "that spot", "that group", "same rank",
             "same tier", "same categor", "same rating", "same status", "same spot", "same group",
             # "also landed there", "ended up there", "Chad is also on the list", "Syria remains on it"
             "landed there", "lands there", "land there", "ended up there", "ends up there", " on it",
             # headline moves (moves.HEADLINE_MOVE_RE): "Lebanon moves up", "Georgia slips"
             "moves up", "move up", "moves down", "move down", "slips", "slides", "climbs", "drops",
             "tumbles")

_REMAINED_RE = re.compile(r"\b(?:remain(?:s|ed)?|stay(?:s|ed)?|kept|keeps?|maintain(?:s|ed)?|"
                          # "Moldova held on to Tier 2", "holds steady on Tier 2"
                          r"(?:held|holds?|hung|hangs?)\s+on(?:to|\s+to)|(?:held|holds?)\s+steady|"
                          # "still" as in "still on Tier 3", not "went further still"
                          r"retain(?:s|ed)?|(?<!further\s)(?<!more\s)(?<!better\s)(?<!worse\s)still)\b",
                          re.IGNORECASE)
_REMAINED_WORDS = ("remain", "stay", "kept", "keep", "maintain", "held", "hold", "hung", "hang", "retain",
                   "still")  # what _REMAINED_RE needs
# "escaped the worst ranking", "avoided Tier 3", "kept off the blacklist": not on that tier
# (a tier passed over is one skipped: "Ecuador leapfrogged the Watch List to reach Tier 2")
# (not past a word of arrival: "lifted off Tier 3 onto the Watch List" holds the Watch List)
_ESCAPED_RE = re.compile(r"\b(?:escap\w*|avoid\w*|spared|dodg\w*|stay\w*\s+off|kept\s+off|off|out\s+of|"
                         r"evad\w*|leapfrog\w*|skipp\w*|bypass\w*|jump\w*\s+over)\s+"
                         r"(?:(?!(?:onto|to|into|and|but|then)\b)[\w.'’-]+\s+){0,3}$",
                         re.IGNORECASE)
_ESCAPED_WORDS = ("escap", "avoid", "spared", "dodg", "off", "out", "evad", "leapfrog", "skipp", "bypass",
                  "jump")  # what _ESCAPED_RE needs
_NEVER_RE = re.compile(r"\bnever\b", re.IGNORECASE)
# a tier left behind, not held: "leaping from Tier 3 to Tier 1", "fell from the watch list"
_SOURCE_RE = re.compile(r"\b(?:from|out\s+of|lost|los(?:es|ing)|forfeit\w*)\s+(?:the\s+|its\s+|their\s+)?"
                        r"(?:[\w'’-]+\s+){0,2}?[\"'“‘]?$",
                        re.IGNORECASE)
_SOURCE_WORDS = ("from", "out", "los", "forfeit")  # what _SOURCE_RE needs
# a state before the report's news: "which had been on the watch list", "previously a Tier 2 country"
# (a state, not "said 17 countries had been placed in Tier 3", which is reported speech)
# (or a state the news ended: "It ends a Tier 2 rating the country had kept for more than a decade")
_EARLIER_RE = re.compile(r"\b(?:had\s+(?:\w+\s+){0,2}?(?:been(?=\s+(?:on|in|at|an?|among|one|rated|ranked|"
                         r"listed|blacklisted)\b|\s*$)|sat|stood|held|remained|stayed|languished|spent)|previously|"
                         r"formerly|once)\b(?:\s+[\w'’,-]+){0,6}?\s*$|"
                         r"\bend(?:s|ed|ing)\s+(?:a|an|its|the|their)(?:\s+[\w'’-]+){0,2}?\s*$",
                         re.IGNORECASE)
_EARLIER_WORDS = ("had", "previously", "formerly", "once", "end")  # what _EARLIER_RE needs
_BEFORE_RE = re.compile(r"\bnever\s+(?:before|previously)\b|\bnever\b[^.;]{0,60}\b(?:before|"
                        r"previously|until\s+now)\b", re.IGNORECASE)
# countries compared with the tier's holders, not placed on it: "placing it below Afghanistan"
# a country after the tier that is a place, not a holder: "... effort to stop women being trafficked to
# South Africa", or that stands in a participle clause: "..., saying Burma ..."
_DESTINATION_RE = re.compile(r"\b(?:to|into|from|across|toward|towards)\s+(?:the\s+)?$", re.IGNORECASE)
_PARTICIPLE_RE = re.compile(r",\s+(?:saying|citing|adding|noting|accusing|arguing|warning)\b", re.IGNORECASE)
_NOT_HOLDER_RE = re.compile(r"\b(?:below|above|than|unlike|instead\s+of|except|other\s+than)\s+"
                            r"(?:\w+\s+){0,3}$", re.IGNORECASE)
_NOT_HOLDER_WORDS = ("below", "above", "than", "unlike", "instead", "except")  # what _NOT_HOLDER_RE needs


def read_tier_claims(ctx: SentenceContext) -> list[Draft]:
    """All placement, move, streak and streak-start claims of one sentence."""
    moves = read_moves(ctx, streak_in_clause=ctx.has(STREAK_WORDS) and bool(STREAK_CUE.search(ctx.text)))
    drafts = moves.drafts
    drafts += read_streaks(ctx, moves.targets)
    _runs_take_their_moves_time(drafts)
    used = set(moves.consumed).union(*(d.consumed for d in drafts if d.kind != "streak"))
    # a run's tier is read for the run's countries only: "put Cuba and Sudan in Tier 3, along with
    # Greece and Turkey, both of which landed there for a second straight year" places Cuba and Sudan
    runs: dict[int, set[str]] = {}
    for draft in drafts:
        if draft.kind == "streak":
            for index in draft.consumed:
                runs.setdefault(index, set()).add(str(draft.fields.get("country")))
    placed = _placements(ctx, used, moves.drafts, runs)
    joined = [d for d in moves.drafts if d.reading == "placement:joined"]
    if joined:  # "dropped to Tier 3 after two years on the Watch List, joining Cuba": Cuba joins Tier 3
        placed = [d for d in placed if not any(j.fields.get("country") == d.fields.get("country")
                                               and d.start < j.start < d.end for j in joined)]
    drafts += placed
    drafts += _listed_shares(ctx, used | set(runs))
    return drafts + _as_did(ctx, drafts) if drafts else drafts


def _runs_take_their_moves_time(drafts: list[Draft]) -> None:
    """ "last year, when South Korea was downgraded to Tier 2 after 20 consecutive years on Tier 1": the
    run that ended before a move is dated as the move is (2002–2021 when the move was the 2022 report)."""
    moves = [d for d in drafts if d.kind == "move" and (d.fields.get("year") or d.year_offset)]
    for run in drafts:
        if run.kind != "streak" or run.fields.get("ends") != "before" or run.fields.get("year") \
                or run.year_offset:
            continue
        move = next((m for m in moves if m.fields.get("country") == run.fields.get("country")
                     and m.end <= run.start), None)
        if move is not None:
            run.year_offset = move.year_offset
            if move.fields.get("year"):
                run.fields["year"] = move.fields["year"]
                run.year_explicit = True


# "dropped to the bottom rung, as did Georgia and Kazakhstan", "rank among the worst offenders, as does
# Haiti": the countries after "as did" share the claim before it
_AS_DID_RE = re.compile(r",?\s+as\s+(?:did|does|do|was|were|is|are|has|have|had)\s+(?:also\s+)?(?:the\s+)?")
# what every _AS_DID_RE match holds: found by a fast scan for "as" (_AS_DID_RE is tried at each position)
_AS_DID_HINT = re.compile(r"as\s+(?:did|does|do|was|were|is|are|has|have|had)\s")


def _as_did(ctx: SentenceContext, drafts: list[Draft]) -> list[Draft]:
    """Copies of the placement or move before "as did X" for each country X listed after it."""
    out: list[Draft] = []
    if not _AS_DID_HINT.search(ctx.text):
        return out
    for match in _AS_DID_RE.finditer(ctx.text):
        cstart, _ = local_clause(ctx, match.start())
        before = [d for d in drafts if d.kind in ("placement", "move") and cstart <= d.start
                  and d.end <= match.start()]
        listed = object_list(ctx, match.end(), match.end() + 120)
        if not before or not listed:
            continue
        last = max(before, key=lambda d: d.end)
        source = [d for d in before if d.end == last.end]
        have = {(d.kind, d.fields.get("country")) for d in drafts + out}
        for mention in listed:
            for draft in source:
                if (draft.kind, name(mention)) in have:
                    continue
                have.add((draft.kind, name(mention)))
                out.append(replace(draft, fields={**draft.fields, "country": name(mention)},
                                   start=mention.start, end=mention.end, reading=draft.reading + "+as-did",
                                   consumed=set()))
    return out


def _placements(ctx: SentenceContext, used: set[int], moves: list[Draft],
                runs: dict[int, set[str]]) -> list[Draft]:
    drafts: list[Draft] = []
    # a tier a country moved to or from does not compete for it with another tier of the clause
    # (a tier reached competes unless the placement is of another year: "Macau dropped to Tier 3 as Hong
    # Kong stays on the watch list", but "moved to the Watch List, having been ranked Tier 2 in 2017")
    moved = {(d.fields.get("country"), ctx.tiers[i]) for d in moves if d.kind == "move"
             for i in d.consumed if ctx.tiers[i].tier == d.fields.get("from_tier")} if moves else set()
    reached = {(d.fields.get("country"), ctx.tiers[i]) for d in moves if d.kind == "move"
               for i in d.consumed} if moves else set()
    seen: set[tuple[str, str]] = set()
    for index, mention in enumerate(ctx.tiers):
        if index in used or mention.tier is None:
            continue
        cstart, cend = local_clause(ctx, mention.start)
        # the subjects first: a tier with none places nothing, whatever the checks after it say
        told_of, own_start = _indefinite_head(ctx, cstart, mention)  # its own subject: no tier competes
        subjects = _relative_head(ctx, cstart, mention) or told_of or _it_after_and(ctx, cstart, mention) or \
            clause_subjects(ctx, cstart, cend, anaphor_before=mention.start)
        if not subjects or _tier_is_subject(ctx, cstart, mention) or _names_a_time(ctx, mention) or \
                _in_the_scale(ctx, mention) or \
                ctx.is_modal(cstart, mention.start) or (
                ctx.has(_SOURCE_WORDS)
                and _SOURCE_RE.search(ctx.text, max(cstart, mention.start - 40), mention.start)):
            continue
        others = [t for _, t in tiers_in(ctx, cstart, cend) if t is not mention
                  and t.tier and t.tier != mention.tier]
        # (whether the mention is dated matters only when other tiers compete for its countries)
        exempt = (reached if _dated(ctx, mention, cstart) else moved) if others else set()
        group = _counted_object(ctx, cstart, mention)
        for subject in sorted(subjects, key=lambda s: _distance(s, mention)):
            if group is not None and not (isinstance(subject, CountryMention) and subject.start > group):
                continue  # "It placed 17 countries on Tier 3": the tier is the group's, not "it"'s
                # (a country after the verb is in the group: "puts Mongolia among 43 countries on")
            if isinstance(subject, CountryMention) and not told_of and (
                    (others and _closer_tier(subject, mention, [t for t in others if (name(subject), t)
                                                                 not in exempt
                                                                 and not _apart(ctx, subject, t, mention)]))
                    or (ctx.has(_NOT_HOLDER_WORDS)
                        and _NOT_HOLDER_RE.search(ctx.text, max(cstart, subject.start - 40), subject.start))
                    or (may_move(ctx) and MOVE_RE.search(ctx.text, mention.end, subject.start))
                    or _other_conjunct(ctx, cstart, subject, mention)
                    or _other_object(ctx, subject, mention)
                    or _place_after(ctx, subject, mention)):
                continue  # "placing Vietnam on its blacklist and downgrading Indonesia": not Indonesia
            if name(subject) in runs.get(index, ()) or _conceded(ctx, cstart, mention) or \
                    _restated(ctx, mention):
                continue
            draft = _placement(ctx, subject, mention, own_start)
            listed = _listed_years(ctx, cstart, cend) if draft.fields.get("year") is None \
                and not draft.year_offset else []
            if listed:  # "the reports of 2013, 2014 and 2015 rated Georgia Tier 2": one placement a year
                drafts += [replace(draft, fields={**draft.fields, "year": y}, year_explicit=True)
                           for y in listed]
                continue
            # one placement per country, tier and time ("among the worst offenders, as does Haiti,
            # which was already on Tier 3 last year": this year and last year)
            key = (name(subject), mention.tier, draft.fields.get("year"), draft.year_offset)
            if key in seen:
                continue
            seen.add(key)
            drafts.append(draft)
    return drafts


# a placing verb whose object is a counted group: "It placed 17 countries on Tier 3", "put 52
# countries on the Watch List": the tier is where the group went; the verb's subject (the report, or
# an "it" standing for it) is placed nowhere
# (or a share of a group named before: "assessed governments ... and placed 17 of them on Tier 3")
_GROUP_NOUNS = ("countries", "nations", "governments", "states", "territories", "of them", "of those",
                "of these")
_COUNTED_OBJECT_RE = re.compile(r"\b(?:plac\w*|put\w*|rank\w*|rat(?:ed|es|ing)|list\w*|relegat\w*|assign\w*|"
                                r"mov(?:ed|es|ing)|drop(?:s|ped|ping))\s+(?:[\w,-]+\s+){1,3}?"
                                r"(?P<group>countries|nations|governments|states|territories|"
                                r"(?<=of\s)(?:them|those|these))\b"
                                r"[^.;]{0,80}?\s(?:on|in|to|onto|into|at)\s+(?:the\s+)?$", re.IGNORECASE)


def _counted_object(ctx: SentenceContext, cstart: int, mention: TierMention) -> int | None:
    """Where the placing verb stands when the tier is a counted group's destination ("placed 17 countries
    on"), else None: a country after it is in the group, one before it (or "it") is not placed."""
    if not ctx.has(_GROUP_NOUNS):
        return None
    match = _COUNTED_OBJECT_RE.search(ctx.text, max(cstart, mention.start - 160), mention.start)
    return match.start() if match else None


# the tier is what a copula speaks of: '"For years the Watch List has been a waiting room," said ...',
# "Tier 3 is a label that carries sanctions", "The watch list was not meant as a parking lot"
_COPULA_AFTER_RE = re.compile(r"\s+(?:(?:has|have|had)\s+(?:long\s+|always\s+|never\s+|also\s+|often\s+)?"
                              r"been|is|was|are|were|remains|remained|becomes|became|['’]s)\s+"
                              r"(?:(?:not|never|also|long|always|often|still|now|simply|largely)\s+)*"
                              r"(?:a|an|the|no|just|only|merely|more|less|little|nothing|both|meant|designed|"
                              r"intended|supposed|reserved|created|established|set\s+up)\b", re.IGNORECASE)
# what may open the clause before such a tier: an opening quote, an adverbial without a verb
_SUBJECT_LEAD_RE = re.compile(r"[\W]*(?:(?:[A-Za-z]+\s+){0,3}?(?:years|now|today|decades|long|but|yet|so|and|"
                              r"however|indeed|practice|effect|short|theory|fact|reality|truth)[,\s]+)?",
                              re.IGNORECASE)


# a label the tier names, as the subject of its own verb: 'a "Tier 2" label says little about ...',
# "any Tier 3 designation carries ..."; and what a tier leads to or waits for: "it is the waiting room
# for Tier 3", "one step from Tier 3"
_LABEL_BEFORE_RE = re.compile(r"\b(?:[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach)\s+[\"“‘']?$")
_LABEL_SUBJECT_RE = re.compile(r"[\"'”’]?\s+(?:label|designation|tag|badge|stamp|status|ranking|rating)s?\s+"
                               r"(?:says|said|means|meant|carries|carried|brings|brought|tells|told|matters|"
                               r"is|was|has|had|can|could|may|might|does|did|would|will)\b", re.IGNORECASE)
_ON_THE_WAY_RE = re.compile(r"\b(?:waiting[\s-]room|antechamber|ante-?room|steps?|stepping[\s-]stone|path|"
                            r"road|route|gateway|door|doorstep|threshold|prelude|precursor|brink|verge|edge)\s+"
                            r"(?:away\s+)?(?:for|to|from|of|toward|towards|into)\s+(?:the\s+)?$",
                            re.IGNORECASE)
_ON_THE_WAY_WORDS = ("waiting", "room", "step", "path", "road", "route", "gateway", "door", "threshold",
                     "prelude", "precursor", "brink", "verge", "edge")  # what _ON_THE_WAY_RE needs


# a tier that something is said of as a goal: "Tier 1 is within reach", "Tier 2 looks achievable"
_GOAL_AFTER_RE = re.compile(
    r"[\"'”’]?\s+(?:status\s+|ranking\s+|rating\s+)?(?:is|was|remains|seems|looks|appears|feels)\s+"
    r"(?:now\s+|still\s+|finally\s+|well\s+|not\s+)?(?:(?:within|in|out\s+of)\s+(?:reach|grasp|sight|view)|"
    r"(?:a\s+)?(?:possible|possibility|achievable|attainable|realistic|reachable|unreachable|"
    r"the\s+(?:goal|aim|target|objective|prize)))\b", re.IGNORECASE)
_GOAL_WORDS = ("reach", "grasp", "sight", "view", "possib", "achievable", "attainable", "realistic", "goal",
               "aim", "target", "objective", "prize")  # what _GOAL_AFTER_RE needs (one of them)


def _tier_is_subject(ctx: SentenceContext, cstart: int, mention: TierMention) -> bool:
    """The tier is the subject of a copula, near the clause's start: a statement about the tier, where
    no country is placed ("the Watch List being something is not a country being on it"); or a label's
    name, or where something leads."""
    if _COPULA_AFTER_RE.match(ctx.text, mention.end) and _SUBJECT_LEAD_RE.fullmatch(ctx.text, cstart,
                                                                                      mention.start):
        return True
    if _LABEL_BEFORE_RE.search(ctx.text, max(0, mention.start - 8), mention.start) and \
            _LABEL_SUBJECT_RE.match(ctx.text, mention.end):
        return True
    if ctx.has(_GOAL_WORDS) and _GOAL_AFTER_RE.match(ctx.text, mention.end):
        return True  # "they think Tier 1 is within reach": a goal, not a place held
    return ctx.has(_ON_THE_WAY_WORDS) and \
        bool(_ON_THE_WAY_RE.search(ctx.text, max(cstart, mention.start - 40), mention.start))


# the tier names a stretch of time, not a place in the report: "officials like to cite the Tier 1 years",
# "the Watch List era", "its Tier 3 days are over"
_TIME_NOUN_AFTER_RE = re.compile(r"[\"'”’]?\s+(?:years|era|days|period|decade)\b", re.IGNORECASE)


# the whole scale, top to bottom: "it sorts governments into four categories, from Tier 1 through Tier 2
# and the Watch List down to Tier 3" (a move along it is read by the move reader first)
_WHOLE_SCALE_RE = re.compile(r"\bfrom\s+(?:the\s+)?(?:Tier\s*(?:1|one|I)\b|top)[^.;]{0,100}?"
                             r"\b(?:to|through)\s+(?:the\s+)?(?:Tier\s*(?:3|three|III)\b|bottom)",
                             re.IGNORECASE)


def _in_the_scale(ctx: SentenceContext, mention: TierMention) -> bool:
    """The tier is one step of the scale described from top to bottom, not a country's place."""
    return "from" in ctx.lower and any(m.start() <= mention.start < m.end()
                                       for m in _WHOLE_SCALE_RE.finditer(ctx.text))


def _names_a_time(ctx: SentenceContext, mention: TierMention) -> bool:
    """The tier is an adjective of a time noun after it ("the Tier 1 years"): no country is placed."""
    return bool(_TIME_NOUN_AFTER_RE.match(ctx.text, mention.end))


# a relative clause holding the tier: "..., as does Haiti, which was already on Tier 3 last year"
_RELATIVE_TIER_RE = re.compile(r",\s*(?:which|who)\s+(?P<single>was|is|has|remains|stays|sits)?\b[^,;]*$",
                               re.IGNORECASE)


def _relative_head(ctx: SentenceContext, cstart: int, mention: TierMention) -> list[Subject]:
    """The countries a relative clause around the tier hangs on: the one before ", which was" (all of a
    list before ", which were", ", which had been")."""
    relative = _RELATIVE_TIER_RE.search(ctx.text, cstart, mention.start)
    if relative is None:
        return []
    run = last_list(ctx, cstart, relative.start())
    if not run or ctx.text[run[-1].end:relative.start()].strip(" "):
        return []
    return [run[-1]] if relative.group("single") else list(run)


# a past fact told of "a country": "a long way down for a territory that was on Tier 1 as recently as
# 2010" ("a country that stays on the Watch List ..." is any country: present tense is not read)
_INDEFINITE_HEAD_RE = re.compile(
    r"\ban?\s+(?:[\w-]+\s+){0,2}?(?:nation|country|territory|kingdom|state|island|republic|emirate|"
    r"sultanate|monarchy)\s+(?:that|which)\s+(?:was|had\s+been|had\s+sat|sat)\s+(?:still\s+)?"
    r"(?:(?:on|in|at)\s+(?:the\s+)?)?$", re.IGNORECASE)


def _indefinite_head(ctx: SentenceContext, cstart: int, mention: TierMention) -> tuple[list[Subject], int]:
    """The one country named before "a territory that was on Tier 1 in 2010" in the sentence, and where
    that phrase starts (its own clause: "stayed" before it is another verb's)."""
    if "that" not in ctx.lower and "which" not in ctx.lower:
        return [], cstart
    head = _INDEFINITE_HEAD_RE.search(ctx.text, max(cstart, mention.start - 60), mention.start)
    if head is None:
        return [], cstart
    before = [c for c in ctx.countries_in(0, mention.start) if c.country]
    return (before[:1], head.start()) if len({c.country for c in before}) == 1 else ([], cstart)


# years joined by "and" that date the clause: "the reports of 2013, 2014 and 2015", "spent 2008 and 2009
# on Tier 3", "in 2012 and 2014" (not "between 2012 and 2014", a range)
# ("placed on Tier 3 in six of them: 2001, 2007, 2009 and 2014": the list after a colon)
_YEAR_LIST_RE = re.compile(r"(?:\b(?:in|of|during|spent|the)\s+|:\s*)"
                           r"(?P<list>(?:19|20)\d\d(?:\s*,\s*(?:19|20)\d\d)*,?\s+and\s+(?:19|20)\d\d)\b"
                           r"(?!\s*(?:-|–|to\b))", re.IGNORECASE)
_LIST_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _listed_years(ctx: SentenceContext, cstart: int, cend: int) -> list[int]:
    """The years of the one list of years in the clause that dates it, else none."""
    if " and " not in ctx.text[cstart:cend] or len(ctx.years) < 2:
        return []
    found = list(_YEAR_LIST_RE.finditer(ctx.text, cstart, cend))
    if len(found) != 1:
        return []
    years = [int(y) for y in _LIST_YEAR_RE.findall(found[0].group("list"))]
    return years if all(y >= FIRST_REPORT_YEAR for y in years) else []


# an emphatic "did" concedes a past fact without dating it: "Armenia did reach Tier 1, but only from 2013
# to 2017" (a placement of some earlier report, not of the document's)
_EMPHATIC_DID_RE = re.compile(r"\bdid\s+(?:(?:indeed|once|eventually|briefly|actually|at\s+one\s+point)\s+)?"
                              r"(?!not\b|never\b)[a-z]+\s+(?:[\w'’-]+\s+){0,3}?$")


def _conceded(ctx: SentenceContext, cstart: int, mention: TierMention) -> bool:
    """The tier is held in an undated past the writer concedes ("did reach Tier 1"): not read."""
    return ctx.has(("did",)) and bool(_EMPHATIC_DID_RE.search(ctx.text, max(cstart, mention.start - 50),
                                                             mention.start)) \
        and not (local_year(ctx, mention.start, mention.end) or local_offset(ctx, mention.start, mention.end))


# a colon closing the tier's clause: what follows it restates the claim ("it was at the very bottom: it
# was still on Tier 3 in 2019")
_COLON_AFTER_RE = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s*:\s")


def _restated(ctx: SentenceContext, mention: TierMention) -> bool:
    """An undated tier whose clause a colon closes, restated with its year right after the colon: the
    dated restatement is the claim ("was at the very bottom: it was still on Tier 3 in 2019")."""
    colon = _COLON_AFTER_RE.match(ctx.text, mention.end) if ":" in ctx.text else None
    if colon is None or local_year(ctx, mention.start, mention.end):
        return False
    after = [t for t in ctx.tiers if t.start >= colon.end()]
    return bool(after) and after[0].tier == mention.tier and \
        local_year(ctx, after[0].start, after[0].end) is not None


# "it" opening a later conjunct, after a time phrase at most: "The CAR was on Tier 3 from 2011 to 2015, and
# this year it is rated Tier 2"
_IT_OPENS_RE = re.compile(r"\W*(?:(?:this|last|that|next)\s+year,?\s+|(?:now|today),?\s+|"
                          r"in\s+(?:19|20)\d\d,?\s+)?it\s+(?:(?:now|still|also)\s+)?"
                          r"(?:is|was|has|had|remains|remained|stays|stayed|sits|sat)\b", re.IGNORECASE)


def _it_after_and(ctx: SentenceContext, cstart: int, mention: TierMention) -> list[Subject]:
    """The subject of the conjunct before, for an "it" that opens the tier's own conjunct (given by name:
    the other tiers of the sentence are that conjunct's, and do not compete for it)."""
    begin = conjunct_start(ctx, cstart, mention.start)
    if begin <= cstart or not ctx.has(("it",)) or not _IT_OPENS_RE.match(ctx.text, begin) or \
            ctx.countries_in(begin, mention.start):
        return []
    before = clause_subjects(ctx, cstart, begin)
    return [name(before[0])] if len(before) == 1 else []


def _dated(ctx: SentenceContext, mention: TierMention, cstart: int) -> bool:
    """The tier mention gives itself a time: "ranked Tier 2 in 2017", "last year", "had been on"."""
    return bool(local_year(ctx, mention.start, mention.end) or local_offset(ctx, mention.start, mention.end)
                or _earlier(ctx, mention, cstart))


def _earlier(ctx: SentenceContext, mention: TierMention, cstart: int) -> bool:
    """A state before the report's news: "which had been on the watch list" (_EARLIER_RE)."""
    return ctx.has(_EARLIER_WORDS) and \
        bool(_EARLIER_RE.search(ctx.text, max(cstart, mention.start - 60), mention.start))


# "China had been on Tier 2 until 2004": through that year (not "until 2014, when it was downgraded")
_HAD_UNTIL_RE = re.compile(r"\s+until\s+(?P<y>(?:19|20)\d\d)\b(?!\s*,?\s*when\b)", re.IGNORECASE)
_HAD_BEEN_RE = re.compile(r"\bhad\s+(?:\w+\s+)?been\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _placement(ctx: SentenceContext, subject: Subject, mention: TierMention, cstart: int) -> Draft:
    start, end = span_of(subject, mention.start, mention.end)
    year = local_year(ctx, start, end)
    if year is None and (until := _HAD_UNTIL_RE.match(ctx.text, mention.end)) and \
            _HAD_BEEN_RE.search(ctx.text, max(cstart, mention.start - 40), mention.start):
        year = int(until.group("y"))
    if year and start < cstart and not local_year(ctx, mention.start, mention.end) and (
            _earlier(ctx, mention, cstart) or local_offset(ctx, mention.start, mention.end)):
        # the subject's clause is dated, the tier's own clause looks back from it: "In the 2013 report
        # Jamaica was upgraded to Tier 2; it had been on the Watch List the year before" (2012)
        year = None
    if not year and (start, end) != (mention.start, mention.end):
        year = local_year(ctx, mention.start, mention.end)
    offset = 0 if year else local_offset(ctx, mention.start, mention.end)
    if not year and not offset and _earlier(ctx, mention, cstart):
        offset = -1  # "Russia and China, which had been on the watch list, were downgraded": before
    lead = ctx.text[max(cstart, mention.start - 200):mention.start]
    never = ctx.has(("never",)) and bool(_NEVER_RE.search(lead))
    escaped = ctx.has(_ESCAPED_WORDS) and bool(_ESCAPED_RE.search(lead))
    return Draft(
        kind="placement",
        fields=fields(country=name(subject), tier=mention.tier, year=year,
                      remained=(ctx.has(_REMAINED_WORDS) and _remained(lead)) or None,
                      never=never or None,
                      before=bool(never and _BEFORE_RE.search(ctx.text, cstart, mention.end + 80)) or None),
        start=start, end=end, reading=f"placement:{mention.how}",
        year_explicit=year is not None, year_offset=offset,
        negated=negated_near(ctx, cstart, mention.start,
                             subject.start if isinstance(subject, CountryMention) else None) or escaped,
        attributed=ctx.is_attributed(mention.start),
    )


def _remained(lead: str) -> bool:
    """A "remained", "still" before the tier that speaks of the tier: not one inside an aside that closes
    before it ("Liberia, still emerging from war, was treated as a special case")."""
    return any(not (_ASIDE_OPEN_RE.search(lead, max(0, m.start() - 12), m.start())
                    and _ASIDE_CLOSE_RE.search(lead, m.end())) for m in _REMAINED_RE.finditer(lead))


# an aside opened right before the word ("Liberia, still emerging", "Chad, which remains poor,") ...
_ASIDE_OPEN_RE = re.compile(r"(?:,|\(|\s[-–—])\s*(?:(?:which|who)\s+)?$")
# ... and closed before the tier
_ASIDE_CLOSE_RE = re.compile(r",|\)|\s[-–—]\s")


_PARENTHESES_RE = re.compile(r"\b(?:\w+)\s+\(([^()]{3,200})\)")  # "the Middle East has four (Kuwait, ...)"


def _listed_shares(ctx: SentenceContext, used: set[int]) -> list[Draft]:
    """ "Of the 14 worst offenders, ... the Middle East has four (Kuwait, Qatar ...)": the one tier of
    the sentence holds the countries listed in parentheses, clause by clause."""
    if len(ctx.tiers) != 1 or "(" not in ctx.text:
        return []
    tier = ctx.tiers[0]
    if not tier.tier or 0 in used:
        return []
    drafts = []
    for group in _PARENTHESES_RE.finditer(ctx.text):
        cstart, cend = local_clause(ctx, group.start())
        if cstart <= tier.start < cend or ctx.is_modal(cstart, group.start()):
            continue  # the tier's own clause is read as a placement already
        for mention in ctx.countries_in(group.start(1), group.end(1)):
            drafts.append(Draft("placement", fields(country=name(mention), tier=tier.tier),
                                group.start(), group.end(), "placement:listed-share",
                                negated=ctx.is_negated(cstart, group.start())))
    return drafts


def _other_conjunct(ctx: SentenceContext, cstart: int, subject: Subject, mention: TierMention) -> bool:
    """The country stands in another conjunct than the tier: "Malaysia was rated Tier 2, and officials
    noted that Indonesia ..." (not Indonesia's tier)."""
    if not isinstance(subject, CountryMention) or subject.start < cstart:
        return False  # "Malaysia fell to Tier 3; it was rated Tier 2 ...": "it" is Malaysia
    if subject.start > mention.end:
        return conjunct_start(ctx, cstart, subject.start) > mention.end or _new_clause(ctx, subject, mention)
    return conjunct_start(ctx, cstart, mention.start) > subject.end or _closed_conjunct(ctx, subject, mention)


# after a country's own verb, a conjunction and another subject: "Azerbaijan climbed and Belarus and Russia
# were placed at the bottom" (Azerbaijan's clause ended with "climbed")
_THEN_ANOTHER_RE = re.compile(r"(?:\s+(?!(?:and|but|while|whereas)\b)[\w'’-]+){0,4}?\s*,?\s+"
                              r"(?:and|but|while|whereas)\s+(?:(?:the|neighbou?ring|nearby)\s+)?$")


# ("Belarus stayed and Russia remained on Tier 3": one tier shared by two verbs of holding it)
_HOLDING_VERB_RE = re.compile(r"\s+(?:(?:also|then|later|now|too)\s+)?"
                              r"(?:stay|remain|sit|sat|held|hold|kept|keep)", re.IGNORECASE)


def _closed_conjunct(ctx: SentenceContext, subject: CountryMention, mention: TierMention) -> bool:
    """The country's own verb ends its conjunct before another country's, which holds the tier."""
    verb = _OWN_VERB.match(ctx.text, subject.end)
    if verb is None or _HOLDING_VERB_RE.match(ctx.text, subject.end):
        return False
    after = ctx.countries_in(verb.end(), mention.start)
    return bool(after) and bool(_THEN_ANOTHER_RE.fullmatch(ctx.text, verb.end(), after[0].start))


_AND_BEFORE = re.compile(r"\s+(?:and|but|while|whereas)\s+(?:(?:the|neighbou?ring|nearby)\s+)?$")
_OWN_VERB = re.compile(r"\s+(?:(?:also|then|later|now|too)\s+)?(?:was|were|is|are|has|have|had|got|gets|"
                       r"stay\w*|remain\w*|fell|falls|rose|rises|[a-z]+ed)\b")


def _new_clause(ctx: SentenceContext, subject: CountryMention, mention: TierMention) -> bool:
    """ "Belarus stayed on Tier 3 for a fourth year and Malaysia was demoted": a country after "and" with a
    verb of its own opens a new clause (not "Tier 3 countries Cuba and Iran were named": a list)."""
    gap = _AND_BEFORE.search(ctx.text, mention.end, subject.start)
    if gap is None or not _OWN_VERB.match(ctx.text, subject.end):
        return False
    listed = ctx.countries_in(mention.end, subject.start)
    return not (listed and not ctx.text[listed[-1].end:gap.start()].strip(" ,"))


# "lowered Kazakhstan's rating and sent Saudi Arabia and Cuba to the bottom tier": a second verb and
# its own object stand between the country and the tier
_SECOND_VERB_RE = re.compile(r"\b(?:and|but|then)\s+(?:also\s+|then\s+)?(?:[a-z]+ed|sent|put|kept|gave|"
                             r"left|took|set|named)\s+(?:the\s+)?$")


def _other_object(ctx: SentenceContext, subject: Subject, mention: TierMention) -> bool:
    """The tier belongs to another verb's object, not to this country before it."""
    if not isinstance(subject, CountryMention) or subject.end > mention.start:
        return False
    return any(_SECOND_VERB_RE.search(ctx.text, subject.end, other.start)
               for other in ctx.countries_in(subject.end, mention.start) if other.country != subject.country)


def _place_after(ctx: SentenceContext, subject: CountryMention, mention: TierMention) -> bool:
    """A country after the tier that is a destination or stands in a participle clause."""
    if subject.start < mention.end:
        return False
    return bool(_DESTINATION_RE.search(ctx.text, max(mention.end, subject.start - 20), subject.start)
                or _PARTICIPLE_RE.search(ctx.text, mention.end, subject.start)
                or _own_verb_object(ctx, subject, mention)
                or _speaker_place(ctx, subject, mention)
                or _OPINION_WHERE_RE.match(ctx.text, mention.end, min(len(ctx.text), subject.end + 40)))


# "the Watch List, where the Government believes Fiji properly belongs": where someone thinks it belongs
_OPINION_WHERE_RE = re.compile(r",?\s+where\s+[^,;.]*\b(?:believes?|thinks?|feels?|argues?|insists?|belongs?|"
                               r"deserves?|should)\b", re.IGNORECASE)


# who said it, and where: "Malaysia was placed on Tier 3, officials in Bangkok noted", '"...," said a
# director of an organisation in Bangkok', "..., according to activists in Manila"
_SAYING_RE = re.compile(r"\b(?:said|says|say|told|noted|notes|added|adds|argued|argues|warned|warns|"
                        r"explained|explains|reported|reports|according\s+to)\b")
_SAYING_AFTER_RE = re.compile(r"[^,;.:]{0,30}?\b(?:said|says|say|told|noted|added|argued|warned|explained)\b")
_SAYING_WORDS = ("said", "says", "say", "told", "note", "add", "argue", "warn", "explain", "report",
                 "according")  # what _SAYING_RE and _SAYING_AFTER_RE need


def _speaker_place(ctx: SentenceContext, subject: CountryMention, mention: TierMention) -> bool:
    """A country after the tier and a comma that places the speaker, not a holder of the tier."""
    if not ctx.has(_SAYING_WORDS) or "," not in ctx.text[mention.end:subject.start]:
        return False
    return bool(_SAYING_RE.search(ctx.text, mention.end, subject.start)
                or _SAYING_AFTER_RE.match(ctx.text, subject.end))


def _own_verb_object(ctx: SentenceContext, subject: CountryMention, mention: TierMention) -> bool:
    """ "put Jamaica on the watch list ... and placed Ecuador among the worst": a country after the tier
    that is the object of a second verb takes no tier from the first verb's object before it."""
    if not _SECOND_VERB_RE.search(ctx.text, mention.end, subject.start):
        return False
    cstart, _ = local_clause(ctx, mention.start)
    return any(other.country != subject.country for other in ctx.countries_in(cstart, mention.start))


def _distance(subject: Subject, mention: TierMention) -> int:
    """How far a subject stands from a tier ("TAIPEI (Taiwan News) ... given Taiwan Tier 1": Taiwan)."""
    return abs(subject.start - mention.start) if isinstance(subject, CountryMention) else 0


# a second predicate of the same subject: "Eritrea had been on the Watch List for four years and is now
# on Tier 3", "Cuba was kept on Tier 3, and has been there since"
_SHARED_PREDICATE_RE = re.compile(
    r"(?:,\s*|\s+)and\s+(?:(?:now|then|later|also|since|still|has\s+since)\s+)?(?:is|was|are|were|has\s+been|"
    r"have\s+been|had\s+been|remains|remained|stays|stayed|sits|sat|landed|lands|ended\s+up|ends\s+up)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:on|in|at|to|among)\s+(?:the\s+)?$")


def _apart(ctx: SentenceContext, subject: CountryMention, other: TierMention, mention: TierMention) -> bool:
    """`other` does not compete with `mention` for the country: it is the tier of an earlier conjunct
    with a subject of its own ("Eritrea stayed on Tier 3 and Sudan was on Tier 2": Sudan's is Tier 2),
    or of the country's own first predicate ("... on the Watch List ... and is now on Tier 3")."""
    if not subject.end <= mention.start:
        return False
    if other.end <= subject.start:
        return bool(_AND_BEFORE.search(ctx.text, other.end, subject.start)
                    and _OWN_VERB.match(ctx.text, subject.end))
    return other.end <= mention.start and not ctx.countries_in(other.end, mention.start) and \
        bool(_SHARED_PREDICATE_RE.search(ctx.text, other.end, mention.start))


def _closer_tier(subject: CountryMention, mention: TierMention, others: list[TierMention]) -> bool:
    """Another tier in the clause stands nearer the country than this one."""
    distance = abs(mention.start - subject.start)
    return any(abs(o.start - subject.start) < distance for o in others)
