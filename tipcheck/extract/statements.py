"""Readers for what the report is and does: the tier system, Tier 3 consequences, estimates."""

from __future__ import annotations

import re

from tipcheck.extract.context import SentenceContext, fields
from tipcheck.extract.draft import Draft
from tipcheck.extract.release import report_years
from tipcheck.numbers import CARDINAL_PATTERN, parse_cardinal

# (most patterns below open with a lookahead for the first letters their matches can start with: one
# cheap test at each position before the engine tries the alternatives)
_SYSTEM_RE = re.compile(
    r"\b(?P<n>two|three|four|five|[2-5])\s+(?:main\s+|ranked\s+|separate\s+|different\s+)?"
    r"(?:tiers|levels|categories|rankings|groups)\b"
    r"|\b(?P<n2>two|three|four|five|[2-5])[- ]tier(?:ed)?\s+"
    r"(?:list|system|scale|ranking|rating|classification)"
    r"|\b(?:highest|lowest|top|bottom|best|worst)\s+of\s+(?:the|its)\s+(?P<n3>two|three|four|five)\b"
    r"(?!\s+(?:countries|nations|years))", re.IGNORECASE)
_SYSTEM_CUE_RE = re.compile(r"(?=[trscpad])\b(?:tiers?|rank\w*|sort\w*|categor\w*|classif\w*|plac\w*|"
                            r"assign\w*|divid\w*|report)\b", re.IGNORECASE)
_MEASURE_RE = re.compile(
    r"(?=[aespvmlhnbft])\b(?:(?:amount|extent|scale|size|prevalence|severity|volume|magnitude|level)\s+of\s+"
    r"(?:human\s+)?trafficking|how\s+much\s+trafficking|number\s+of\s+(?:trafficking\s+)?victims|"
    # "not how big the problem is"
    r"how\s+(?:big|large|widespread|severe|serious|bad)\s+(?:the\s+|a\s+country['’]s\s+)?"
    r"(?:trafficking\s+)?problem|"
    # "Tier 1 means a country has basically no trafficking", "is trafficking-free", "free of trafficking"
    r"(?P<free>(?<=\s)(?:(?:basically|virtually|essentially|almost|practically|largely|entirely)\s+)?"
    r"(?:no\s+(?:human\s+)?trafficking(?=\s*(?:[,.;:)!?\"”]|$|\s+(?:at\s+all|problem|whatsoever)\b))|"
    r"trafficking[- ]free\b|free\s+(?:of|from)\s+(?:human\s+)?trafficking\b)))",
    re.IGNORECASE)
# what the "no trafficking" branches above need before them: a verb saying what a tier means or is
_FREE_LEAD_RE = re.compile(r"\b(?:means?|meant|meaning|indicat\w*|signal\w*|certif\w*|shows?|is|are|be|"
                           r"has|have)\b[^,.;]{0,40}$", re.IGNORECASE)
# what a report or its tiers do to governments: "the report does not measure the scale of trafficking"
_JUDGES_RE = re.compile(r"\b(?:measures?|rates?|grades?|judges?|assess(?:es)?|evaluates?|reflects?|report)\b",
                        re.IGNORECASE)
_STANDARDS_RE = re.compile(r"\bcompl(?:y|ies|iance)\s+with\s+(?:the\s+)?(?:\w+\s+){0,2}?standards|"
                           r"\bminimum\s+standards", re.IGNORECASE)
_RANKING_CUE_RE = re.compile(r"(?=[trscgwl])\b(?:tier\w*|rank\w*|rat(?:ed|ing|es)|sort\w*|classif\w*|"
                             r"categor\w*|grad\w*|worst\s+offenders?|level)\b", re.IGNORECASE)
_AID_RE = re.compile(
    r"(?=[nh])(?P<non>non-?\s*)?humanitarian\b(?P<rest>(?:U\.S\.|[^.;]){0,70}?)\b(?:assistance|aid|funding)\b",
    re.IGNORECASE)
# "food aid, which would not be affected": food and disaster aid are humanitarian (exempt) aid.
_FOOD_AID_RE = re.compile(r"(?=[fde])\b(?:food|disaster|emergency)\s+(?:relief\s+)?(?:aid|assistance)\b",
                          re.IGNORECASE)
_SANCTION_CUE_RE = re.compile(r"(?=[tsiwrcpdl])\b(?:tier\s*(?:3|three|iii)|sanction\w*|ineligible|withh\w*|"
                              r"restrict\w*|cut\w*|penalt\w*|den(?:y|ied)|cutting|worst\s+offenders?|"
                              r"los(?:e|ing)|suspen\w*|cost(?:s|ing)?)\b", re.IGNORECASE)
_EXEMPT_RE = re.compile(r"\b(?:except\w*|exclud\w*|exempt\w*|not|other\s+than|apart\s+from|"
                        r"spar\w*|but\s+not|nor)\b[^.;]{0,40}$", re.IGNORECASE)
_EXEMPT_AFTER_RE = re.compile(
    r"[^.;]{0,25}?\b(?:untouched|unaffected|exempt\w*|excluded|spared|(?:is|are|(?:would|will)\s+)"
    r"\s*not\s+(?:be\s+)?(?:affected|covered|included|cut|touched|restricted|targeted|withheld|at\s+risk|"
    r"the\s+target))\b", re.IGNORECASE)
# "Countries on Tier 3 risk losing all U.S. foreign aid": every kind of aid, humanitarian included
# (the TVPA puts only non-humanitarian, non-trade-related assistance at risk).
_ALL_AID_RE = re.compile(
    r"\b(?:los(?:e|es|ing|t)|cut(?:s|ting)?\s+off|withh[eo]ld\w*|suspend\w*|den(?:y|ies|ied|ying)|"
    r"ineligible\s+for|halt\w*|the\s+loss\s+of|end(?:s|ing)?)\s+(?:of\s+)?"
    r"(?P<all>all|any|every\s+(?:kind|type|form|sort|penny|cent|dollar)\s+of|all\s+(?:forms|kinds|types)\s+of)\s+"
    r"(?:(?:U\.S\.|US|American|U\.S\.\s+government|Washington['’]s)\s+)?"
    r"(?:foreign\s+|federal\s+|bilateral\s+|government\s+)?(?:aid|assistance|funding)\b"
    r"(?![^.;]{0,40}?\b(?:except|other\s+than|apart\s+from|but\s+(?:humanitarian|trade)|save))",
    re.IGNORECASE)
# "sanctions, including the loss of US trade privileges": trade is not among the TVPA §110(d)
# measures (trade-related assistance is even exempt from them).
_TRADE_LOSS_RE = re.compile(
    r"\b(?:loss|lose|loses|losing|lost|withdraw\w*|suspen\w*|revok\w*|revocation|cut\w*|end(?:s|ing)?)\s+"
    r"(?:of\s+)?(?:(?:its|their|U\.S\.|US|American|Washington['’]s)\s+){0,2}trade\s+(?:privileges|preferences|"
    r"benefits|access|status)\b|\btrade\s+(?:sanctions|embargo(?:es)?)\b",
    re.IGNORECASE)
_TRADE_RE = re.compile(r"(?P<non>non-?\s*)?trade[- ]related\s+(?:foreign\s+)?(?:assistance|aid)\b",
                       re.IGNORECASE)
# "Penalties ... will hit only those countries still on the list next year": when sanctions start.
_SANCTIONS_START_RE = re.compile(
    r"\b(?:penalt\w*|sanctions?)\b[^.;]{0,140}?\b(?:will|would|could|can|may)\s+(?:\w+\s+){0,12}?"
    r"(?:(?P<next>next\s+year)|(?:from|in|starting\s+(?:in|with)|beginning\s+(?:in|with))\s+"
    r"(?:the\s+)?(?P<year>20[0-4]\d)\b)", re.IGNORECASE)
# "For the first time, governments on the blacklist could lose U.S. aid": the report whose Tier 3
# list first carried sanctions (checked as equal to the first such report, not as at least it).
_FIRST_SANCTIONS_RE = re.compile(
    r"\bfor\s+the\s+first\s+time\b[^.;]{0,80}?\b(?:could|can|may|might|would|will)\s+(?:now\s+)?"
    r"(?:lose|face\s+(?:sanctions|penalties|the\s+loss)|be\s+(?:sanctioned|penali[sz]ed|denied|cut\s+off))\b",
    re.IGNORECASE)
_TIER3_WORDS_RE = re.compile(r"(?=[tbl])\b(?:tier\s*(?:3|three|iii)|blacklist\w*|"
                             r"lowest\s+(?:tier|rank\w*|category))", re.IGNORECASE)
_ESTIMATE_NOUNS = (r"prisoners|people|persons|victims|men,\s+women\s+and\s+children|workers|"
                   r"children|women|slaves|refugees|defectors")
_ESTIMATE_RE = re.compile(
    rf"(?P<lo>{CARDINAL_PATTERN})(?:\s*(?:to|-|and)\s*(?P<hi>{CARDINAL_PATTERN}))?\s+"
    rf"(?:(?:[a-z][\w-]*\s+){{0,2}}?)(?P<noun>{_ESTIMATE_NOUNS})\b")


# "the U.S. may oppose loans to them from the IMF and the World Bank": the other Tier 3 measure, U.S.
# votes against multilateral development bank and IMF lending (TVPA §110(d)(1)(B), 22 U.S.C.
# 7107(d)(1)(B)). Read as what the law says; no check finds fault with it.
_LOANS_RE = re.compile(
    r"\b(?:oppos\w*|vot\w*\s+against|block\w*|den(?:y|ies|ied|ying)|withh[eo]ld\w*)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:loans?|lending|credits?|financing|assistance)\b[^.;]{0,60}?\b(?:World\s+Bank|IMF|International\s+"
    r"Monetary\s+Fund|multilateral\s+(?:development\s+)?(?:banks?|lenders?|institutions?))",
    re.IGNORECASE)


# The tier definitions (TVPA §108, 22 U.S.C. 7107(b)): "governments that neither meet the minimum
# standards nor make significant efforts to do so" (Tier 3), "does not yet meet the minimum standards
# but is making significant efforts" (Tier 2). Read as the definition they state.
_DEFINITION_RE = re.compile(
    r"\b(?:neither|do(?:es)?\s+not|don['’]t|doesn['’]t|fail(?:s|ed)?\s+to)\s+(?:yet\s+)?(?:fully\s+)?"
    r"(?:meet|compl(?:y|ies)\s+with)\s+(?:(?:the\s+)?(?:[\w-]+['’]s?\s+)?(?:minimum\s+)?standards\b|them\b)"
    r"[^.;]{0,70}?"
    r"\b(?P<conj>nor|but|and)\s+(?:(?:is|are)\s+)?(?:still\s+)?(?P<not>not\s+)?"
    r"(?:make|makes|making)\s+significant\s+efforts\b"
    # the other order: "making significant efforts but not yet fully meeting the minimum standards"
    r"|\b(?:make|makes|making)\s+significant\s+efforts\b[^.;]{0,30}?\b(?P<conj2>but)\s+(?:is\s+|are\s+)?"
    r"(?:still\s+)?not\s+(?:yet\s+)?(?:fully\s+)?(?:meet|meeting|compl(?:y|ying)\s+with)\s+(?:the\s+)?"
    r"(?:[\w-]+['’]s?\s+)?(?:minimum\s+)?standards\b"
    # Tier 1: "Tier 1 governments fully meet the TVPA's minimum standards"
    r"|(?<!not\s)(?<!n't\s)\b(?P<full>fully\s+(?:meets?|meeting|compl(?:y|ies|ying)\s+with)\s+(?:the\s+)?"
    r"(?:[\w-]+['’]s?\s+)?minimum\s+standards)\b",
    re.IGNORECASE)


# Literal tests before the patterns: a pattern whose words the lower-cased sentence lacks finds nothing
# (where lower-casing is not trusted to find what case folding finds, ctx.gated is false: no shortcut).
_SYSTEM_NOUNS = ("tiers", "levels", "categories", "rankings", "groups")  # _SYSTEM_RE, first branch
_SYSTEM_KINDS = ("list", "system", "scale", "ranking", "rating", "classification")  # "three-tier system"
_SUPERLATIVES = ("highest", "lowest", "top", "bottom", "best", "worst")  # "the lowest of the four"
_SMALL_NUMBERS = ("two", "three", "four", "five")
_MEASURE_WORDS = ("amount", "extent", "scale", "size", "prevalence", "severity", "volume", "magnitude",
                  "level", "much", "no", "free", "how")  # _MEASURE_RE, around "trafficking"
_AID_WORDS = ("aid", "assistance", "funding")  # _ALL_AID_RE
_FOOD_WORDS = ("food", "disaster", "emergency")  # _FOOD_AID_RE
_LOAN_LENDERS = ("bank", "imf", "fund", "multilateral")  # _LOANS_RE: "World Bank", "IMF", ...
# _ESTIMATE_RE: its nouns (case as written) and a number of 1,000 or more (four digits or a large word)
_ESTIMATE_WORDS = ("prisoners", "people", "persons", "victims", "women", "workers", "children", "slaves",
                   "refugees", "defectors")
_LARGE_WORDS = ("thousand", "million", "billion", "hundred", "dozen")
_LARGE_DIGITS_RE = re.compile(r"\d[\d,]{3}")
_SANCTION_OR_PENALTY_RE = re.compile(r"(?=[sp])\b(?:sanction|penalt)", re.I)
_SANCTION_RE = re.compile(r"(?=s)\bsanction", re.IGNORECASE)
_COUNTS_WATCH_LIST_RE = re.compile(r"count|includ")
_YEAR_NUMBER_RE = re.compile(r"(?:19|20)\d\d")
_SPACES_RE = re.compile(r"\s+")


def read_statements(ctx: SentenceContext) -> list[Draft]:
    """Tier-system, tier-meaning, Tier 3 consequence and estimate claims of one sentence."""
    return _system(ctx) + _meaning(ctx) + _consequence(ctx) + _trade(ctx) + _sanctions_start(ctx) \
        + _loans(ctx) + _definitions(ctx) + _estimates(ctx)


def _definitions(ctx: SentenceContext) -> list[Draft]:
    """ "neither meet the minimum standards nor make significant efforts": a tier's definition."""
    drafts: list[Draft] = []
    if not ((ctx.has(("significant",)) and ctx.has(("standards", "them")))
            or (ctx.has(("fully",)) and ctx.has(("standards",)))):
        return drafts  # the words of _DEFINITION_RE
    for match in _DEFINITION_RE.finditer(ctx.text):
        if match.group("full"):
            if not ctx.is_negated(max(0, match.start() - 30), match.start()):
                drafts.append(Draft(kind="tier_system", fields={"defines": "1"}, start=match.start(),
                                    end=match.end(), reading="tier_system:definition"))
            continue
        if match.group("conj2"):
            drafts.append(Draft(kind="tier_system", fields={"defines": "2"}, start=match.start(),
                                end=match.end(), reading="tier_system:definition"))
            continue
        efforts = match.group("conj").lower() == "but" and not match.group("not")
        no_efforts = match.group("conj").lower() == "nor" or bool(match.group("not"))
        if efforts == no_efforts:
            continue  # "does not meet the standards and is making significant efforts": unclear
        drafts.append(Draft(kind="tier_system", fields={"defines": "2" if efforts else "3"},
                            start=match.start(), end=match.end(), reading="tier_system:definition"))
    return drafts


def _loans(ctx: SentenceContext) -> list[Draft]:
    """ "Washington can also oppose loans to them from the World Bank": multilateral lending opposed."""
    if not ctx.has(_LOAN_LENDERS):
        return []
    if not (_TIER3_WORDS_RE.search(ctx.text) or _SANCTION_OR_PENALTY_RE.search(ctx.text)):
        return []
    drafts = []
    for match in _LOANS_RE.finditer(ctx.text):
        cstart, _ = ctx.clause_bounds(match.start())
        if ctx.is_negated(cstart, match.start()):
            continue
        drafts.append(Draft(kind="tier3_consequence", fields={"restricts": "multilateral loans"},
                            start=match.start(), end=match.end(), reading="tier3_consequence:loans",
                            attributed=ctx.is_attributed(match.start())))
    return drafts


# Another body's tiers: a system for sorting something other than governments, or one that police, a
# ministry, a company ... adopts ("the police said it would adopt a three-tier system for classifying
# missing-children reports")
_OTHER_SYSTEM_AFTER_RE = re.compile(
    r"\s+(?:for|to)\s+(?:classify|rank|sort|grad|rat|prioriti[sz]|triag|categori[sz]|assess|screen|"
    r"handl)\w*\s+"
    r"(?!(?:the\s+)?(?:world['’]s\s+)?(?:countries|nations|governments|states|jurisdictions)\b)"
    # "a three-tier system of regional working groups": a system of something else
    r"|\s+of\s+(?!(?:the\s+)?(?:rankings?|ratings?|classifications?|tiers|categories|grades|countries|nations|"
    r"governments)\b)[\w-]+",
    re.IGNORECASE)
_OTHER_OWNER_RE = re.compile(
    r"\b(?:police|ministry|court|hospital|school|universit\w*|compan\w*|firm|bank|league|army|military|"
    r"airline|council|province|regulator|insurer|employer|union|commission|committee|parliament|senate|"
    r"cabinet)s?\b(?:(?!\breport\b|\bState\s+Department\b)"
    r"[^.;])*?\b(?:adopt|introduc|us|appl|creat|set\s+up|launch|establish|unveil|propos|run|operat)\w*\s+"
    r"(?:a|an|its|their|the)\s+(?:new\s+)?$", re.IGNORECASE)


def _system(ctx: SentenceContext) -> list[Draft]:
    drafts: list[Draft] = []
    if not (ctx.has(_SYSTEM_NOUNS) or (ctx.has(("tier",)) and ctx.has(_SYSTEM_KINDS))
            or (ctx.has(_SUPERLATIVES) and ctx.has(_SMALL_NUMBERS))):
        return drafts  # the words of _SYSTEM_RE's three branches
    if not _SYSTEM_CUE_RE.search(ctx.text):
        return drafts
    for match in _SYSTEM_RE.finditer(ctx.text):
        if _OTHER_SYSTEM_AFTER_RE.match(ctx.text, match.end()) or \
                _OTHER_OWNER_RE.search(ctx.text, max(0, match.start() - 100), match.start()):
            continue  # the police's "three-tier system for classifying missing-children reports"
        count = parse_cardinal(match.group("n") or match.group("n2") or match.group("n3"))
        if match.group("n3") and not any(t.tier for t in ctx.tiers):
            continue  # "the highest of the four" names the tiers only beside a tier
        watch = any(t.tier == "2WL" for t in ctx.tiers)
        lead = ctx.text[max(0, match.start() - 30):match.start()].lower()
        drafts.append(Draft(
            kind="tier_system",
            fields=fields(n_tiers=count, watch_list=watch,
                          counts_watch_list=bool(_COUNTS_WATCH_LIST_RE.search(lead)) or None),
            start=match.start(), end=match.end(), reading="tier_system:count",
        ))
    return drafts


def _meaning(ctx: SentenceContext) -> list[Draft]:
    # _MEASURE_RE: "amount of trafficking", "how much trafficking", "number of victims"
    if not (ctx.has(("victims",)) or (ctx.has(("traffick", "problem")) and ctx.has(_MEASURE_WORDS))):
        return []
    match = _MEASURE_RE.search(ctx.text)
    if not match:
        return []
    if ctx.is_negated(max(0, match.start() - 40), match.start()) and (
            _RANKING_CUE_RE.search(ctx.text) or _JUDGES_RE.search(ctx.text, 0, match.start())):
        # "the tiers do not measure how much trafficking there is", "They measure a government's efforts
        # ..., not how much trafficking there is": the right reading, read as such
        return [Draft(kind="tier_system", fields={"measures": "government efforts"},
                      start=match.start(), end=match.end(), reading="tier_system:measures-not")]
    if not _RANKING_CUE_RE.search(ctx.text):
        return []
    if match.group("free") and not _FREE_LEAD_RE.search(ctx.text, max(0, match.start() - 60), match.start()):
        return []  # "no trafficking" with no "means", "is" before it: not a tier's meaning
    if ctx.is_negated(max(0, match.start() - 40), match.start()):
        return []  # a negated measure with no cue of what is judged: not about the tiers
    if _STANDARDS_RE.search(ctx.text):
        return []  # size listed beside compliance with the standards: a loose list of criteria
    if ctx.text.rstrip(" \"'”’)").endswith("?"):
        return []  # "So a Tier 1 country has no trafficking?": a question asserts nothing
    named = {t.tier for t in ctx.tiers if t.tier}
    if "2WL" in named and named <= {"2", "2WL"}:
        # The Watch List's own criterion is statutory: "the absolute number of victims ... is very
        # significant or is significantly increasing" (TVPA §110(b)(3)(A), 22 U.S.C. 7107(b)(3)(A)).
        # The law defines the list against Tier 2, so "Watch List: like Tier 2, but with a large or
        # rising number of victims" is the same criterion.
        return []

    return [Draft(kind="tier_system", fields={"measures": "size of the problem"},
                  start=match.start(), end=match.end(), reading="tier_system:measures")]


def _consequence(ctx: SentenceContext) -> list[Draft]:
    drafts: list[Draft] = []
    # the words of _AID_RE, _ALL_AID_RE, _TRADE_LOSS_RE and _FOOD_AID_RE, which find every draft here
    if not (ctx.has(("humanitarian", "trade")) or ctx.has(_FOOD_WORDS)
            or (ctx.has(("all", "any", "every")) and ctx.has(_AID_WORDS))):
        return drafts
    if not _SANCTION_CUE_RE.search(ctx.text):
        return drafts
    for match in _AID_RE.finditer(ctx.text):
        exempt = bool(_EXEMPT_RE.search(ctx.text[max(0, match.start() - 60):match.start()])
                      or _EXEMPT_AFTER_RE.match(ctx.text, match.end()))
        restricted = "non-humanitarian" if match.group("non") else \
            ("exempt humanitarian" if exempt else "humanitarian")
        drafts.append(Draft(
            kind="tier3_consequence",
            fields=fields(restricts=restricted, word_offset=len(match.group("non") or "")),
            start=match.start(), end=match.end(), reading="tier3_consequence:aid",
            attributed=ctx.is_attributed(match.start()),
        ))
    if _TIER3_WORDS_RE.search(ctx.text) or _SANCTION_RE.search(ctx.text):
        for match in _ALL_AID_RE.finditer(ctx.text):
            cstart, _ = ctx.clause_bounds(match.start())
            if ctx.is_negated(cstart, match.start("all")) or \
                    any(d.start <= match.start() < d.end for d in drafts):
                continue  # "would not lose all aid"
            drafts.append(Draft(
                kind="tier3_consequence", fields=fields(restricts="all", word_offset=match.start("all")
                                                        - match.start()),
                start=match.start(), end=match.end(), reading="tier3_consequence:all-aid",
                attributed=ctx.is_attributed(match.start()),
            ))
    if _TIER3_WORDS_RE.search(ctx.text):
        for match in _TRADE_LOSS_RE.finditer(ctx.text):
            cstart, _ = ctx.clause_bounds(match.start())
            lead = ctx.text[max(0, match.start() - 30):match.start()]
            if ctx.is_negated(cstart, match.start()) or _EXEMPT_RE.search(lead):
                continue  # "not trade sanctions", "excluding trade benefits"
            drafts.append(Draft(kind="tier3_consequence", fields={"restricts": "trade"},
                                start=match.start(), end=match.end(), reading="tier3_consequence:trade-loss",
                                attributed=ctx.is_attributed(match.start())))
    if not drafts:
        for match in _FOOD_AID_RE.finditer(ctx.text):
            if _EXEMPT_AFTER_RE.match(ctx.text, match.end()) or \
                    _EXEMPT_RE.search(ctx.text[max(0, match.start() - 60):match.start()]):
                drafts.append(Draft(kind="tier3_consequence", fields={"restricts": "exempt humanitarian"},
                                    start=match.start(), end=match.end(),
                                    reading="tier3_consequence:food-aid"))
    return drafts


def _trade(ctx: SentenceContext) -> list[Draft]:
    """ "trade-related assistance is excluded": the exemption, read (it is what the TVPA says)."""
    drafts: list[Draft] = []
    if not ctx.has(("trade",)):
        return drafts  # _TRADE_RE finds nothing
    if _AID_RE.search(ctx.text):
        return drafts  # the humanitarian reading already covers "non-humanitarian, non-trade-related"
    for match in _TRADE_RE.finditer(ctx.text):
        exempt = bool(_EXEMPT_RE.search(ctx.text[max(0, match.start() - 60):match.start()])
                      or _EXEMPT_AFTER_RE.match(ctx.text, match.end()))
        if not (match.group("non") or exempt):
            continue  # "cuts trade-related aid" would need a check of its own; left unread
        drafts.append(Draft(kind="tier3_consequence",
                            fields={"restricts": "non-trade-related" if match.group("non")
                                    else "exempt trade-related"},
                            start=match.start(), end=match.end(), reading="tier3_consequence:trade"))
    return drafts


def _sanctions_start(ctx: SentenceContext) -> list[Draft]:
    # "for the first time" (_FIRST_SANCTIONS_RE) or "penalties", "sanctions" (_SANCTIONS_START_RE)
    if not ctx.has(("first", "penalt", "sanction")):
        return []
    first = _FIRST_SANCTIONS_RE.search(ctx.text)
    if first and _TIER3_WORDS_RE.search(ctx.text) and not ctx.is_negated(first.start(), first.end()):
        return [Draft(kind="tier3_consequence", fields={"sanctions_start": True, "first": True},
                      start=first.start(), end=first.end(), reading="tier3_consequence:first-sanctions")]
    match = _SANCTIONS_START_RE.search(ctx.text)
    if not match or ctx.is_negated(match.start(), match.end()):
        return []
    year = int(match.group("year")) if match.group("year") else None
    named = {d.fields.get("year") for d in report_years(ctx) if d.fields.get("year")}
    if year is None and len(named) == 1:
        year = int(named.pop()) + 1  # "the 2001 report warns ... next year": 2002
    return [Draft(kind="tier3_consequence", fields=fields(sanctions_start=True, year=year),
                  start=match.start(), end=match.end(), reading="tier3_consequence:sanctions-start",
                  year_explicit=year is not None, year_offset=0 if year else 1)]


def _estimates(ctx: SentenceContext) -> list[Draft]:
    drafts: list[Draft] = []
    text = ctx.text
    for noun in _ESTIMATE_WORDS:  # a noun of _ESTIMATE_RE (case as written) ...
        if noun in text:
            break
    else:
        return drafts
    # ... and a number of 1,000 or more
    if not (ctx.has(_LARGE_WORDS) or _LARGE_DIGITS_RE.search(text)):
        return drafts
    for match in _ESTIMATE_RE.finditer(text):
        low = parse_cardinal(match.group("lo"))
        high = parse_cardinal(match.group("hi")) if match.group("hi") else None
        if low is None or max(low, high or 0) < 1000 or _YEAR_NUMBER_RE.fullmatch(match.group("lo")):
            continue
        noun = _SPACES_RE.sub(" ", match.group("noun").lower())
        metric = "prisoners" if noun == "prisoners" else noun
        if "prison" in ctx.text.lower() and metric in ("people", "persons"):
            metric = "prisoners"
        drafts.append(Draft(
            kind="estimate",
            fields=fields(low=low, high=high or low, metric=metric),
            start=match.start(), end=match.end(), reading="estimate:number",
        ))
    return drafts
