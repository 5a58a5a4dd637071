"""Finding the ways prose names a tier: "Tier 3", "Tier Three", "the lowest tier", "the watch list"."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_NUM = r"(?:1|2|3|[Oo]ne|ONE|[Tt]wo|TWO|[Tt]hree|THREE|III|II|I)"
# "Watch List", "watchlist", "Watch\nList" (a line break inside the name), quoted: "Tier 2 “watch list”"
_WATCH = r"(?:\s*-?\s*[\"'“‘]?)(?:[Ww]atch[-\s]?[Ll]ist|WATCH[-\s]?LIST|WL)\b"

_TIER_WORD_VALUES = {
    "1": "1", "one": "1", "i": "1",
    "2": "2", "two": "2", "ii": "2",
    "3": "3", "three": "3", "iii": "3",
}
_ORDINAL_TIER = {"first": "1", "top": "1", "highest": "1", "best": "1", "second": "2", "third": "3",
                 "lowest": "3", "bottom": "3", "worst": "3", "last": "3"}
_RANK_NOUN = (r"(?:tier|ranking|rank|rating|category|level|grade|rung|classification|designation|"
              r"status|bracket|spot|group)")
# words that may stand between "worst" and the noun: "the worst human trafficking nations"
_WORST_FILL = r"(?:\s+(?:human|trafficking|human-trafficking|sex|labou?r|possible|of\s+the))"

# Each alternative names its group; order matters: longer, more specific readings first.
_PATTERNS: list[tuple[str, str]] = [
    ("numbered", rf"\b(?:[Tt]ier|TIER)[- ]?(?P<n>{_NUM})(?!\w)(?P<wl>{_WATCH})?"),
    ("level", rf"\b[Ll]evel[- ](?P<ln>{_NUM})(?!\w)"),
    # sentence-initial "The top tier grew to 33 countries" names a tier too
    ("ordinal", r"\b(?:[Tt]he|[Ii]ts|[Aa]|[Tt]heir|[Hh]er|[Hh]is|\w+['’]s)\s+"
                r"(?P<o>first|top|highest|best|second|third|lowest|bottom|worst)"
                r"(?:[-\s]ranked|[-\s]ranking)?(?:\s+possible)?\s+" + _RANK_NOUN + r"s?\b"),
    # headlines drop the article: "Nicaragua jumps to top tier", "Laos sinks to bottom tier" (after a
    # preposition only, and "tier" only: "top performers", "in second place" are no tiers)
    ("bare_ordinal", r"(?:(?<=\b[Tt]o )|(?<=\b[Ii]nto )|(?<=\b[Oo]nto )|(?<=\b[Ii]n )|(?<=\b[Oo]n ))"
                     r"(?P<bo>(?i:top|bottom|lowest|highest))\s+(?:[Tt]ier|TIER)\b(?![-\s]*(?:\d|(?i:one|two|three)\b))"),
    # (also 'the "watch" category', the list under another noun)
    ("watch", r"\b(?:the\s+|a\s+)?(?:Tier\s+2\s+)?[Ww]atch[-\s]?[Ll]ist\b"
              r"|\b(?:the|a)\s+[\"“‘']?[Ww]atch[\"”’']?\s+(?:category|tier|group)\b"),
    # "worst offenders", "the worst human trafficking nations", 'Worst Human Trafficking Country'
    ("offenders", r"\b(?i:worst" + _WORST_FILL + r"{0,3}\s+(?:offenders?|performers?|violators?|"
                  r"nations|countries|country|places?))\b"),
    ("blacklist", r"\bblack-?list(?:ed|s)?\b"),
    # "bottom-ranked", "at the bottom of the report" (not "at the bottom of the page")
    ("bottom", r"\b(?i:bottom[-\s]ranked|at\s+the\s+(?:very\s+)?bottom(?:\s+of\s+(?:the\s+)?"
               r"(?:[\w.'’-]+\s+){0,3}?(?:report|rankings?|list|table|ladder|scale|tiers)\b|(?!\s+of\b)))"),
    ("special", r"\b[Ss]pecial [Cc]ases?\b"),
    ("bare", r"\b(?:[Tt]ier|TIER)\b(?!\s*(?:[-\d]|[Oo]ne|[Tt]wo|[Tt]hree|I))"),
]
_TIER_RE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS))

_ORDINAL_WORDS = ("first", "top", "highest", "best", "second", "third", "lowest", "bottom", "worst")
_BARE_ORDINAL_WORDS = ("top", "bottom", "lowest", "highest")
_RANK_WORDS = ("tier", "rank", "rating", "category", "level", "grade", "rung", "classification",
               "designation", "status", "bracket", "spot", "group")
# Letters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into it (dotless
# i, long s), and the one whose lower case is longer (dotted I): a sentence holding one is searched
# whole.
_FOLDS = re.compile("[\u0130\u0131\u017f]")


def _possible(lower: str) -> tuple[str, ...]:
    """The alternatives of _TIER_RE whose literals all stand in the lower-cased sentence, in order.

    An alternative that cannot match anywhere in a sentence is left out of the search: the same
    matches, found several times faster (each alternative left in is tried at every position)."""
    tier, listed = "tier" in lower, "list" in lower
    names = ["numbered"] if tier else []
    if "level" in lower:
        names.append("level")
    if _any_in(lower, _ORDINAL_WORDS) and _any_in(lower, _RANK_WORDS):  # "the lowest ranking"
        names.append("ordinal")
    if tier and _any_in(lower, _BARE_ORDINAL_WORDS):
        names.append("bare_ordinal")
    if "watch" in lower and (listed or _any_in(lower, ("category", "group"))):  # 'the "watch" category'
        names.append("watch")
    if "worst" in lower:  # (?i:worst ...)
        names.append("offenders")
    if listed and "black" in lower:
        names.append("blacklist")
    if "bottom" in lower:  # (?i:bottom[-\s]ranked|at\s+the\s+...bottom ...)
        names.append("bottom")
    if "special case" in lower:
        names.append("special")
    if tier:
        names.append("bare")
    return tuple(names)


def _any_in(lower: str, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 (a plain loop: faster than any() over a generator)
        if word in lower:
            return True
    return False


@functools.cache
def _tier_re(names: tuple[str, ...]) -> re.Pattern[str]:
    """_TIER_RE with only the alternatives `names` (in _PATTERNS order)."""
    return re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS if name in names))


# The literal (lower-cased) that every match of an alternative starts with, where there is one.
_HEADS = {"numbered": "tier", "bare": "tier", "level": "level", "offenders": "worst", "blacklist": "black",
          "special": "special"}


def _tier_matches(text: str) -> list[re.Match[str]]:
    """What _TIER_RE.finditer(text) finds, searching with the alternatives that may match only; when
    each of those starts with a literal, trying them only where one of the literals stands."""
    if not text.isascii() and _FOLDS.search(text):
        return list(_TIER_RE.finditer(text))
    lower = text.lower()
    names = _possible(lower)
    if not names:
        return []
    pattern = _tier_re(names)
    heads = {_HEADS.get(name) for name in names}
    if None in heads:
        return list(pattern.finditer(text))
    matches: list[re.Match[str]] = []
    end = 0  # like finditer: the next match starts where the last one ended, or after
    for start in sorted(_occurrences(lower, heads)):
        if start >= end and (match := pattern.match(text, start)):
            matches.append(match)
            end = match.end()
    return matches


def _occurrences(lower: str, words: set[str | None]) -> list[int]:
    """Where each of `words` starts in `lower`."""
    found = []
    for word in words:
        at = lower.find(word) if word else -1
        while at >= 0:
            found.append(at)
            at = lower.find(word, at + 1)
    return found


@dataclass(frozen=True)
class TierMention:
    """A tier named in a sentence: offsets within the sentence, the tier code, and how it was named."""

    start: int
    end: int
    tier: str | None  # '1' | '2' | '2WL' | '3' | 'special' | None (a bare "Tier" naming no tier)
    how: str
    text: str


def _tier_of(match: re.Match[str]) -> tuple[str | None, str]:
    kind = match.lastgroup or ""
    if kind == "numbered":
        tier = _TIER_WORD_VALUES[match.group("n").lower()]
        if match.group("wl"):
            return ("2WL" if tier == "2" else None), kind
        return tier, kind
    if kind == "level":
        return _TIER_WORD_VALUES[match.group("ln").lower()], kind
    if kind == "ordinal":
        return _ORDINAL_TIER[match.group("o").lower()], kind
    if kind == "bare_ordinal":
        return _ORDINAL_TIER[match.group("bo").lower()], "ordinal"
    if kind == "watch":
        return "2WL", kind
    if kind in ("offenders", "blacklist", "bottom"):
        return "3", kind
    if kind == "special":
        return "special", kind
    return None, kind


def find_tiers(text: str) -> list[TierMention]:
    """Every tier mention in `text`, left to right; appositives naming the same tier are merged."""
    mentions: list[TierMention] = []
    for match in _tier_matches(text):
        tier, how = _tier_of(match)
        if how == "watch" and mentions and mentions[-1].tier == "2" and \
                re.fullmatch(r"[\s\"'“‘-]*(?:the\s+)?", text[mentions[-1].end:match.start()]):
            # "Tier 2 Watch List" split across a line or odd spacing: one mention.
            prev = mentions.pop()
            mentions.append(TierMention(prev.start, match.end(), "2WL", "numbered",
                                        text[prev.start:match.end()]))
            continue
        if how == "ordinal" and _EVENT_ORDINAL.search(match.group(0)):
            continue  # "since its first ranking in 2012": the first in time, not the top tier
        if how == "numbered" and tier in ("1", "2") and _OTHER_RANKING.match(text, match.end()):
            continue  # "the tier-one construction firms": a ranking of suppliers, not of governments
        if how in ("watch", "numbered") and tier == "2WL" and _other_watch_list(text, match):
            continue  # the religious-freedom "Special Watch List", USTR's "Priority Watch List"
        mention = TierMention(match.start(), match.end(), tier, how, match.group(0))
        if mentions and _is_apposition(text, mentions[-1], mention):
            continue
        mentions.append(mention)
    return mentions


# "first", "second", "third" before a noun that names an event, not a rung: "its first ranking",
# "the second rating" (a count in time); "the first tier", "the third category" stay tiers
_EVENT_ORDINAL = re.compile(r"\b(?:first|second|third)\s+(?:ranking|rank|rating|classification|designation|"
                            r"status|spot|grade|group)s?$", re.IGNORECASE)

# A numbered tier before the noun it classifies, where that noun is no government: "tier-one
# construction firms", "Tier 1 suppliers", "tier-two cities", "Tier 1 capital" (up to two words between,
# none of them a function word: "placed on Tier 1 for the firms' sake" keeps its tier)
_OTHER_RANKING = re.compile(
    # ("tier-one and tier-two suppliers": a second tier of the same noun between)
    r"[\"'”’]?(?:\s*(?:,|and|or|/|&)\s*[Tt]ier[\s-]?(?:one|two|three|[123])\b)*(?:[\s-]+(?!(?:for|the|in|on|of|and|or|with|since|after|before|to|a|an|by|as|at|its|their|from|"
    r"this|that|last|next|again|status|country|countries|nations?|governments?)\b)[a-z]+){0,2}?[\s-]+"
    r"(?:firms?|compan(?:y|ies)|suppliers?|contractors?|subcontractors?|vendors?|manufacturers?|brands?|"
    r"retailers?|banks?|capital|lenders?|investors?|cit(?:y|ies)|towns?|universit(?:y|ies)|schools?|"
    r"colleges?|institutions?|institutes?|research|hospitals?|clubs?|teams?|players?|leagues?|carriers?|"
    r"operators?|airports?|customers?|"
    r"partners?|sponsors?|automakers?|networks?|markets?)\b")

# Other governments' watch lists: the State Department's religious-freedom "Special Watch List", the
# U.S. Trade Representative's "Priority Watch List" (Special 301), the watch list of USCIRF, FATF's lists
_OTHER_WATCH_BEFORE = re.compile(r"(?:special|priority)[\s-]+(?:\w+\s+)?$|(?:religious[\s-]+freedom|"
                                 r"uscirf|intellectual[\s-]+property|special\s+301|piracy|fatf|money[\s-]+"
                                 r"laundering|terror\w*|sanctions)[\w\s'’-]{0,25}$", re.IGNORECASE)
_OTHER_WATCH_AFTER = re.compile(r"\s*(?:of|by|for|kept\s+by|maintained\s+by|from)\s+(?:the\s+)?"
                                r"(?:U\.?S\.?\s+)?"
                                r"(?:Commission\s+on\s+International\s+Religious|USCIRF|religious|Trade|USTR|"
                                r"Financial\s+Action|FATF|intellectual|countries\s+of\s+particular\s+concern)",
                                re.IGNORECASE)


def _other_watch_list(text: str, match: re.Match[str]) -> bool:
    """A watch list kept for something other than trafficking, named as such around the match."""
    return bool(_OTHER_WATCH_BEFORE.search(text, max(0, match.start() - 40), match.start())
                or _OTHER_WATCH_AFTER.match(text, match.end()))


_APPOSITION_GAP = re.compile(r"[\s,\-–—(:\"'“”‘’]*(?:or|i\.e\.|also\s+called)?[\s\"'“”‘’]*"
                             r"(?:an?|the|its)?\s*")


def _is_apposition(text: str, first: TierMention, second: TierMention) -> bool:
    """ "Tier 3 - the lowest possible rating", "the bottom category, Tier 3": one tier named twice."""
    between = text[first.end:second.start]
    return (
        first.tier == second.tier
        and (second.how != "numbered" or first.how != "numbered")
        and len(between) <= 12
        and bool(_APPOSITION_GAP.fullmatch(between))
    )


# A tier named by reference to the sentence before ("13 countries are on Tier 3. Mauritania is there for
# a second year"): "there" after a verb of being or staying (not "There are", "officials there said"),
# ", there for a third year", "that rank", "the same tier", and a list opened by "They include".
_BACK_RE = re.compile(
    r"\b(?:is|are|was|were|been|be|stays?|stayed|remains?|remained|sits?|sat|stuck|languish\w*|"
    # "Paraguay and Suriname also landed there", "ended up there"
    r"land(?:s|ed)?|end(?:s|ed)?\s+up)\s+"
    r"(?:(?:still|also|now|again|firmly)\s+)?(?P<there>there)\b(?!\s+(?:is|are|was|were|have|has|had)\b)"
    r"|\bstill\s+(?P<there2>there)\b|,\s+(?P<there3>there)\s+for\b"
    r"|\b(?P<same>(?:that|the\s+same)\s+(?:rank|ranking|tier|category|rating|status|spot|group)|"
    r"the\s+same\s+list)\b"
    # "Chad is also on the list", "Syria remains on it": the list or "it" after a verb of being or
    # staying, at the end of its clause ("remains on it" but not "on it a duty to ...")
    r"|\b(?:is|are|was|were|been|stays?|stayed|remains?|remained|sits?|sat)\s+"
    r"(?:(?:still|also|now|again|firmly)\s+)?on\s+(?P<on>the\s+list|it)(?=\s*(?:[.;:!?,)]|\s(?:too|as\s+well|"
    r"again|for\b|this\s+year|in\s+20\d\d)|$))"
    r"|^\W*(?:They|These|Those)\s+(?P<list>include|included|are|were)\b|^\W*(?P<among>Among\s+them)\b"
    # "Cuba returned to it in 2019": a move back to the tier named before
    r"|\b(?:return\w*|went\s+back|came\s+back|mov\w*\s+back|f[ae]ll\w*\s+back)\s+to\s+(?P<to>it)\b",
    re.IGNORECASE)


# "kept Uzbekistan on a watch list ... and ranked Turkmenistan, placing it on the same list": the tier
# named before it in the same sentence
_SAME_RE = re.compile(r"\bthe\s+same\s+(?:list|tier|rank|ranking|category|rating|status|spot|group|level)\b",
                      re.IGNORECASE)


def with_same_references(text: str, mentions: list[TierMention]) -> list[TierMention]:
    """`mentions` with each "the same list/tier" after a tier mention of the sentence taken as that tier."""
    added = []
    for match in _SAME_RE.finditer(text):
        before = [m for m in mentions if m.end <= match.start()]
        if not before or any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue  # nothing named before it, or it is part of a mention ("the same tier, Tier 3")
        if before[-1].tier is not None and before[-1].tier != "special":
            added.append(TierMention(match.start(), match.end(), before[-1].tier, "same", match.group(0)))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


# the conjunct after a tier, opened by a named subject: ", and Syria stays there", ", and Chad is also on"
_NEXT_CONJUNCT_RE = re.compile(r"[^,;]{0,60},?\s+and\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+"
                               r"[^,;]{0,20}$")


def with_back_references(text: str, mentions: list[TierMention], tier: str | None) -> list[TierMention]:
    """`mentions` with the references to a tier before added, left to right: to the tier of the sentence
    before (`tier`), or, after a tier named in this sentence, to that one ("Tunisia remains on the Watch
    List for a third straight year, and Syria stays there too")."""
    added = []
    for match in _BACK_RE.finditer(text):
        group = next(g for g in ("there", "there2", "there3", "same", "on", "list", "among", "to")
                     if match.group(g))
        start, end = match.span(group)
        earlier = [m for m in mentions if m.start < end and m.tier]
        if earlier:
            # ("the same Tier 3": a tier named in this sentence, no reference; "there" only in a conjunct
            # of its own whose subject is named: ", and Syria stays there too")
            if group not in ("there", "there2", "on", "to") or earlier[-1].end > start or \
                    earlier[-1].tier == "special" or \
                    not _NEXT_CONJUNCT_RE.match(text, earlier[-1].end, match.start()):
                continue
            added.append(TierMention(start, end, earlier[-1].tier, "back", match.group(group)))
        elif tier is not None:
            added.append(TierMention(start, end, tier, "back", match.group(group)))
    if not added:
        return mentions
    spans = [(a.start, a.end) for a in added]
    kept = [m for m in mentions if not any(m.start < e and s < m.end for s, e in spans)]
    return sorted(kept + added, key=lambda m: m.start)
