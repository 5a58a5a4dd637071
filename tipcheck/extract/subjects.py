"""Who a tier claim is about: the countries of its clause, its verb's object, or the country in focus."""

from __future__ import annotations

import bisect
import re

from tipcheck.countries import CountryMention
from tipcheck.extract.context import NEGATION_RE, SentenceContext, local_clause
from tipcheck.extract.tiers_lexicon import TierMention

__all__ = ["local_clause"]

Subject = CountryMention | str  # a mention in the sentence, or the focus country's name

# "it", "the country", "the communist-ruled island", "the reclusive regime", "our government" (an
# opinion piece from the country): the country in focus
# (the noun only as a head, not as a modifier: "the Country Reports on Human Rights Practices", "the State
# Department", "the country chapter" speak of no country)
ANAPHOR_RE = re.compile(
    # ("Of the countries it ranks": "it" is the report when a report's verb follows)
    r"\b(?:it(?!\s+(?:ranks|ranked|rates|rated|covers|covered|lists|listed|assesses|assessed|grades|graded|"
    r"evaluates|evaluated|reviews|reviewed)\b)|its|"
    r"(?:the|our)\s+(?:[\w-]+\s+){0,2}?(?:nation|country|regime|kingdom|state|government|island|"
    r"republic|communist\s+state|territory|emirate|sultanate|archipelago|monarchy)\b"
    r"(?!\s+(?-i:[A-Z])|\s+(?:reports?|chapters?|narratives?|profiles?|teams?|level|office|department|"
    r"media|television|news(?:paper)?|agency|council|court|party|desk|director)\b))\b",
    re.IGNORECASE,
)
ANAPHOR_WORDS = ("it", "nation", "countr", "regime", "kingdom", "state", "government", "island", "republic",
                 "territory", "emirate", "sultanate", "archipelago", "monarchy")
# after these, countries are companions, not the subject: "South Korea has held Tier 1 for the 16th
# consecutive year alongside Canada", "stayed on Tier 3, joined there by 21 other countries"
COMPANION_RE = re.compile(
    r"\b(?:alongside|along\s+with|together\s+with|joining|join(?:s|ed)?(?:\s+there)?(?:\s+by)?|"
    r"as\s+well\s+as|such\s+as|among\s+them|including|like|unlike|below|above|than|instead\s+of|"
    r"except|besides)\b",
    re.IGNORECASE,
)
_COMPANION_WORDS = ("along", "together", "join", "well", "such", "among", "including", "like", "below",
                    "above", "than", "instead", "except", "besides")  # what COMPANION_RE needs
_LIST_GAP = re.compile(r"\s*(?:,\s*and|,|and|&|or|,\s*or)?\s*(?:the\s+)?", re.IGNORECASE)
_CONJUNCT_RE = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+|\s+as\s+")
# "as" opens a conjunct only before a subject and a verb of its own: "UAE kept on the watch list as Gulf
# neighbours drop to Tier 3" (not "such as", "as well as", "as did", "as a result")
_AS_CLAUSE_RE = re.compile(r"(?!(?:well|did|does|do|was|were|is|are|has|had|a|an|of|if|part|such|far|long|"
                           r"much|many|soon|recently)\b)(?:[\w'’-]+\s+){1,3}?(?:drop|drops|dropped|fall|falls|fell|"
                           r"climb|climbs|climbed|rise|rises|rose|move|moves|moved|slip|slips|slipped|sink|sinks|"
                           r"sank|stay|stays|stayed|remain|remains|remained|join|joins|joined)\b")
# a new verb phrase of the same subject: "Russia has not made efforts and has put it on a blacklist"
# (after "but", any verb: "was not upgraded but remained on Tier 2"; after "and", a form that cannot be a
# participle sharing the "not": "was not upgraded and stays on Tier 2", not "was not ranked and placed")
# (a colon opens what it announces: "Not everyone improved: Algeria stayed on the Watch List")
_VERB_PHRASE_RE = re.compile(r",\s+(?:and|but|while|whereas)\s+|[;:]\s+|\s+(?:and|but)\s+(?=(?:has|have|had|"
                             r"was|were|is|are|will|then|also|now|later|still|instead|stays|remains|sits|"
                             r"falls|fell|rises|rose|lands|ends|keeps|holds|went|goes)\b)|"
                             r"\s+but\s+(?=(?:remain\w*|stay\w*|kept|sat|got|slipped|dropped|climbed|"
                             r"moved|landed|ended|earned|received|[a-z]+ed)\b)")
_GENERIC_RE = re.compile(r"\W*(?:countries|nations|governments|states|a\s+country|any\s+country|"
                         r"a\s+government|those|they)\b", re.IGNORECASE)
_VERB_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|got|fell|rose|sat|stays?|"
                      r"remains?|holds|keeps|sits|moves|drops|falls|rises|climbs|slips|joins|gets|earns|lands|"
                      r"retains|regains|loses|[a-z]+ed)\b")


# the words context.NEGATION_RE needs: not, nor, no longer, never, n't, neither, failed to ...
_NEGATION_WORDS = ("no", "never", "n't", "neither", "failed")


def tiers_in(ctx: SentenceContext, start: int, end: int) -> list[tuple[int, TierMention]]:
    """Tier mentions starting in [start, end), with their index in `ctx.tiers`."""
    first, last = bisect.bisect_left(ctx.tier_starts, start), bisect.bisect_left(ctx.tier_starts, end)
    return [(i, ctx.tiers[i]) for i in range(first, last)]


def name(subject: Subject) -> str:
    """The canonical country name of a subject."""
    return subject if isinstance(subject, str) else str(subject.country)


def span_of(subject: Subject, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to take in the subject's mention."""
    if isinstance(subject, CountryMention):
        return min(start, subject.start), max(end, subject.end)
    return start, end


def clause_subjects(ctx: SentenceContext, start: int, end: int,
                    anaphor_before: int | None = None) -> list[Subject]:
    """Countries a clause speaks of; the document's focus country when it says "the nation", "it"
    (before `anaphor_before`, when given, and not in a clause about countries in general)."""
    found: list[Subject] = [c for c in ctx.countries_in(start, end) if not possessor_only(ctx, c)]
    if len(found) > 1:
        aside = in_asides(ctx, start, end if anaphor_before is None else anaphor_before)
        found = [c for c in found if c.start not in aside]
    if found or _GENERIC_RE.match(ctx.text, start):
        return found
    anaphor = ANAPHOR_RE.search(ctx.text, start, end if anaphor_before is None else anaphor_before) \
        if ctx.has(ANAPHOR_WORDS) else None
    if anaphor is None:
        return found
    if ctx.has(_GENERIC_NP_WORDS) and _generic_before(ctx, start, anaphor.start()):
        return []  # "a country that has been on the Watch List ... unless it receives a waiver": any one
    earlier = ctx.countries_in(0, start)
    if anaphor.group(0).lower() in ("it", "its") and earlier:
        return [earlier[0]]  # "Malaysia belonged on Tier 3, but the department kept it on ...": Malaysia
    if earlier and ctx.focus not in {c.country for c in earlier}:
        return []  # "ranked Seychelles on Tier 1 - the only African country ...": not surely the focus
    return [ctx.focus] if ctx.focus else []


# a country in general: "a country that ...", "any government", "countries which ..." (not after "like",
# "as", "unlike": "Like any country on the list, it must ..." speaks of the country in focus)
_GENERIC_NP_RE = re.compile(
    r"(?<!\blike\s)(?<!\bLike\s)(?<!\bas\s)(?<!\bAs\s)(?<!\bunlike\s)(?<!\bUnlike\s)"
    r"\b(?:(?:[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach|[Nn]o)\s+(?:single\s+|given\s+|other\s+)?"
    r"(?:country|nation|government|state|jurisdiction)|(?:[Cc]ountries|[Nn]ations|[Gg]overnments)\s+"
    r"(?:that|which|who|whose|on|in|at|placed|ranked|rated|listed))\b")
_GENERIC_NP_WORDS = ("countr", "nation", "government", "state", "jurisdiction")  # what _GENERIC_NP_RE needs
# a rule of the law, not an event: "must be downgraded", "U.S. law allows a country only two years"
_RULE_RE = re.compile(r"\b(?:must|shall|can(?:not)?|may|allow(?:s|ed)?|permit(?:s|ted)?|require[sd]?|"
                      r"automatic(?:ally)?|law|rules?|statute|mandate[sd]?)\b", re.IGNORECASE)


def _generic_before(ctx: SentenceContext, start: int, anaphor: int) -> bool:
    """A country in general, in a statement of a rule, stands before the anaphor: "it" is that country."""
    generic = _GENERIC_NP_RE.search(ctx.text, max(start, anaphor - 250), anaphor)
    return generic is not None and bool(_RULE_RE.search(ctx.text))


# a country in the possessive before a noun of its own standing ("Malaysia's upgrade", "Russia's Tier 3
# ranking", "Thailand's government") is the claim's country; before any other noun ("Mongolia's two
# neighbours", "Thailand's fishing fleet") it only qualifies who is meant
_POSSESSOR_RE = re.compile(r"['’]s?\s+(?P<head>(?:[\w-]+\s+){0,3}?)(?P<noun>[\w-]+)")
_OWN_NOUNS = frozenset((
    "tier", "tiers", "rank", "ranking", "rankings", "rating", "ratings", "status", "place", "placement",
    "placing", "position", "standing", "score", "grade", "classification", "designation", "spot",
    "record", "upgrade", "downgrade", "promotion", "demotion", "return", "drop", "fall", "rise", "climb",
    "slide", "slip", "move", "fate", "bid", "name", "listing", "inclusion", "exit", "removal", "entry",
    "government", "governments", "authorities", "regime", "leaders", "leadership", "officials",
    "administration", "state", "efforts", "effort", "performance", "progress", "case", "stay", "stint",
    "run", "streak", "spell", "time", "years", "year", "presence", "membership", "turn", "own", "list",
    "watch", "elevation", "relegation", "tenure", "assessment", "evaluation", "report", "chapter",
    "entries", "profile", "treatment", "decline", "improvement", "recovery", "reputation", "image",
    # a run's adjective before its noun: "China's straight years on Tier 3"
    "consecutive", "straight", "successive", "continuous", "uninterrupted",
))


def possessor_only(ctx: SentenceContext, mention: CountryMention) -> bool:
    """The country stands in the possessive before a noun that is not its own standing (_OWN_NOUNS)."""
    if ctx.text[mention.end:mention.end + 1] not in ("'", "’"):
        return False
    match = _POSSESSOR_RE.match(ctx.text, mention.end)
    if match is None:
        return False
    words = (match.group("head") + match.group("noun")).lower().split()
    return not any(word in _OWN_NOUNS for word in words) and not any(c.isdigit() for c in match.group(0))


def negated_near(ctx: SentenceContext, start: int, offset: int, country_at: int | None = None) -> bool:
    """A negation before `offset` in the same verb phrase ("has not made efforts and has put it ...").

    `country_at`, where the claim's country is named: a negation in an aside that names another
    country is that country's alone ("Cuba, not Belize, was placed on Tier 3": Belize is not, Cuba is).
    """
    if not ctx.has(_NEGATION_WORDS):
        return False
    begin = max(start, offset - 60)
    for match in _VERB_PHRASE_RE.finditer(ctx.text, begin, offset):
        begin = max(begin, match.end())
    if not ctx.is_negated(begin, offset) or not any(
            _reaches(ctx, start, m.start(), offset, country_at) for m in negations(ctx, begin, offset)):
        return False  # (a negation inside an aside: "Belize, which had not made progress, was placed")
    # "It is not the first time Belize has found itself at the bottom": the negation is the expletive
    # "it"'s, and the claim stands in a clause with a subject and a verb of its own (it asserts it)
    expletive = _EXPLETIVE_NOT_RE.search(ctx.text, max(start, offset - 160), offset) \
        if ctx.has(("it", "this", "that")) else None
    if expletive is None or expletive.group("denial") or (
            begin < expletive.start() and ctx.is_negated(begin, expletive.start())):
        return True
    return ctx.is_negated(expletive.end(), offset) or not _own_clause(ctx, expletive.end(), offset)


# an aside that closes before the claim: ", which had not made progress,", ", not a surprise,", "(...)"
_ASIDE_RE = re.compile(r",\s*(?:which|who|whom|whose|where|when|though|although|despite|not|never|"
                       r"no\s+longer)\b[^,;()]*,|\([^()]*\)|\s[-–—]\s[^-–—;]*\s[-–—]\s")


def negations(ctx: SentenceContext, start: int, end: int) -> list[re.Match[str]]:
    """The negations standing in [start, end)."""
    return list(NEGATION_RE.finditer(ctx.text, start, end))


def _reaches(ctx: SentenceContext, start: int, at: int, offset: int, country_at: int | None) -> bool:
    """Whether the negation at `at` bears on a claim at `offset` about the country named at `country_at`:
    not from inside an aside that closes before the claim, unless the aside names that very country,
    nor from a relative clause about people that another verb follows ("Officials who never visited
    Belize placed it on Tier 2": the officials never visited; Belize was placed)."""
    if _WHO_BEFORE_RE.search(ctx.text, max(start, at - 24), at):
        verb = _NEXT_WORD_RE.match(ctx.text, at)  # the negation and the verb it negates
        if verb is not None and _MAIN_VERB_RE.search(ctx.text, verb.end(), offset):
            return False
    for aside in _ASIDE_RE.finditer(ctx.text, max(start, at - 150), offset):
        if aside.start() <= at < aside.end() <= offset:
            if not ctx.countries_in(aside.start(), aside.end(), drop_author=False):
                return False  # ", which had not made progress,": names no country, negates nothing here
            return country_at is None or aside.start() <= country_at < aside.end()
    return True


# a negation in a relative clause about people: "who never", "who have not", "who had long refused to"
_WHO_BEFORE_RE = re.compile(r"\bwho(?:m)?\s+(?:(?:have|has|had|did|do|does|would|could|will|long)\s+)*$",
                            re.IGNORECASE)
_NEXT_WORD_RE = re.compile(r"\w+(?:n['’]t)?\s+(?:(?:been|yet|once|even)\s+)?[\w'’-]+")
# the verb of the sentence's own clause, after the relative clause
_MAIN_VERB_RE = re.compile(r"\b(?:placed|puts?|ranked|ranks|rated|rates|kept|keeps|moved|moves|listed|lists|"
                           r"left|leaves|named|names|downgraded|upgraded|demoted|promoted|dropped|is|was|are|"
                           r"were|has|have|had|remains|remained|stays|stayed|say|says|said)\b")


# "It is not the first time", "This is not the first time", "It was not until 2010 that", "it isn't
# surprising that" (not "It is not true that ...", "it is not the case that ...", "That is not to say
# ...": those deny what follows)
_EXPLETIVE_NOT_RE = re.compile(
    r"\b(?:[Ii]t|[Tt]his|[Tt]hat)\s+(?:(?:is|was|has\s+been|had\s+been|['’]s)\s+(?:not|never)|"
    r"(?:is|was|has|had)n['’]t"
    r"(?:\s+been)?)\b(?:\s+(?:(?P<denial>true|the\s+case|correct|accurate|right|so|that|to\s+say|to\s+suggest)\b))?")
# a clause with its own subject and finite verb: "... the first time Belize has found itself ..."
_OWN_SUBJECT_VERB_RE = re.compile(
    r"\s+(?:(?:also|again|once\s+again|now|still)\s+)?(?:has|have|had|was|were|is|are|finds|found|"
    r"fell|falls|landed|lands|sits|sat|stays|stayed|remains|remained|ended|ends|got|gets)\b")


def _own_clause(ctx: SentenceContext, begin: int, offset: int) -> bool:
    """A subject (a country, "it", "the country") followed by its finite verb in [begin, offset)."""
    subjects = [(m.start, m.end) for m in ctx.countries_in(begin, offset, drop_author=False)]
    if ctx.has(ANAPHOR_WORDS):
        subjects += [m.span() for m in ANAPHOR_RE.finditer(ctx.text, begin, offset)]
    return any(_OWN_SUBJECT_VERB_RE.match(ctx.text, end, offset) for _, end in subjects)


def companion_start(ctx: SentenceContext, start: int, end: int) -> int:
    """Where companions begin in [start, end) ("alongside ...", "such as ..."), else `end`."""
    match = COMPANION_RE.search(ctx.text, start, end) if ctx.has(_COMPANION_WORDS) else None
    return match.start() if match else end


def conjunct_start(ctx: SentenceContext, start: int, offset: int) -> int:
    """Start of the conjunct holding `offset`: "Malaysia was downgraded, and [Myanmar has sat ...]"."""
    begin = start = max(start, offset - 300)
    for match in _CONJUNCT_RE.finditer(ctx.text, start, offset):
        if match.group(0).strip() == "as" and not _AS_CLAUSE_RE.match(ctx.text, match.end()):
            continue
        if _VERB_RE.search(ctx.text, begin, match.start()) and not _serial_comma(ctx, match):
            begin = match.end()
    return begin


def _serial_comma(ctx: SentenceContext, match: re.Match[str]) -> bool:
    """ "placed Russia, Belarus, and Turkmenistan among ...": a list's last ", and", not a new conjunct."""
    if not match.group(0).startswith(",") or "and" not in match.group(0):
        return False
    before = ctx.countries_in(max(0, match.start() - 60), match.start())
    after = ctx.countries_in(match.end(), match.end() + 60)
    return bool(before and after and before[-1].end == match.start()
                and re.fullmatch(r"(?:the\s+)?", ctx.text[match.end():after[0].start])
                and not _VERB_RE.match(ctx.text, after[0].end + 1))


def conjunct_end(ctx: SentenceContext, offset: int, end: int) -> int:
    """End of the conjunct holding `offset`: "Kuwait stays for the fifth year running[, and Saudi ...]"."""
    for match in _CONJUNCT_RE.finditer(ctx.text, offset, end):
        if match.group(0).strip() != "as" or _AS_CLAUSE_RE.match(ctx.text, match.end()):
            return match.start()
    return end


def object_list(ctx: SentenceContext, offset: int, limit: int) -> list[CountryMention]:
    """Countries listed right at `offset` ("demoted China", "placing Vietnam, Cambodia, and Brunei")."""
    found: list[CountryMention] = []
    at = offset
    for mention in ctx.countries_in(offset, limit):
        if not _LIST_GAP.fullmatch(ctx.text, at, mention.start):
            break
        found.append(mention)
        at = mention.end
    return found


# an aside after a country, closed before the claim: ", which borders Eritrea,", ", a transit point for
# Ethiopians heading to Yemen and Saudi Arabia," (not "(like Chad)": a parenthesis may add a country)
_HEAD_ASIDE_RE = re.compile(r",\s*(?:(?:which|who|whose|where|whom)\b|"
                            r"(?:a|an|the|one\s+of|home\s+to|long|once|still|now|itself)\s)[^,;()]*,")


def in_asides(ctx: SentenceContext, start: int, limit: int) -> set[int]:
    """Where the countries named inside an aside on another country stand ("Djibouti, a transit point
    for Ethiopians heading to Yemen, was demoted": Yemen), for asides closed before `limit`; not an
    item of a list (", the Dominican Republic, and Haiti")."""
    inside: set[int] = set()
    if ctx.text.count(",", start, limit) < 2:
        return inside
    heads = ctx.countries_in(start, limit, drop_author=False)
    ends = {c.end for c in heads}
    for head_end in sorted(ends):
        aside = _HEAD_ASIDE_RE.match(ctx.text, head_end)
        if aside is None or aside.end() > limit:
            continue
        named = [c for c in heads if aside.start() <= c.start < aside.end()]
        if named and not _LIST_ITEM_RE.fullmatch(ctx.text, aside.start(), named[0].start):
            inside.update(c.start for c in named)
    return inside


_LIST_ITEM_RE = re.compile(r",\s*(?:the\s+)?")  # ", the Dominican Republic," is a list's next item


def last_list(ctx: SentenceContext, start: int, offset: int) -> list[CountryMention]:
    """The last run of listed countries before `offset` ("Vietnam, Cambodia, and Brunei were demoted")."""
    mentions = ctx.countries_in(start, offset)
    if len(mentions) > 1:
        aside = in_asides(ctx, start, offset)
        mentions = [m for m in mentions if m.start not in aside]
    if not mentions:
        return []
    run = [mentions[-1]]
    for mention in reversed(mentions[:-1]):
        gap = ctx.text[mention.end:run[0].start]
        if not (_LIST_GAP.fullmatch(gap) or re.fullmatch(r"[\s,]*(?:–|—|-)?[\s,]*", gap)):
            break
        run.insert(0, mention)
    return run
