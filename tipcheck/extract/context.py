"""What a reader sees of one sentence: its tiers, countries, years and the cues that change its meaning."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from tipcheck.countries import CountryMention
from tipcheck.extract import gates
from tipcheck.extract.tiers_lexicon import TierMention, find_tiers, with_back_references, with_same_references
from tipcheck.numbers import CARDINAL_PATTERN, parse_cardinal

T = TypeVar("T")


class cached_property(Generic[T]):  # named as functools' one, which it stands in for
    """functools.cached_property without its lock (Python 3.11 takes one on every first access, and
    a sentence's context is only ever used by one thread)."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.func(instance)  # later reads skip the descriptor
        return value


_SHORT = 2000  # a sentence whose words are cheaper to look for again than to remember (see has)
AUTHOR_COUNTRY = "United States"  # the report's author: the agent of "placed", rarely the subject
# the Trafficking Victims Protection Act of 2000 (22 U.S.C. 7107(b)) ordered the reports; the first came
# out in 2001, so no earlier year is the year of a report's claim
FIRST_REPORT_YEAR = 2001

_YEAR_RE = re.compile(r"(?<![\w$.,-])(19[89]\d|20[0-4]\d)(?!\w|,\d|\.\d)")
_DASH_RE = re.compile(r"\s-\s")
_ALL_OF_THEM_RE = re.compile(r"(?:all|both|each)(?:\s+(?:two|three|four|five|six|seven|eight|nine|ten|"
                             r"of\s+them))?\b", re.IGNORECASE)
_LIST_NUMBER_RE = re.compile(r"[\s*_#]*\d[\d,.]*(?:\s+(?:million|billion|percent))?[\s*_]*")
_CLAUSE_BREAK_RE = re.compile(
    r";|\s-\s|,\s+(?:but|while|whereas|although|though|even\s+as)\s|\s(?:while|whereas)\s|\bIn contrast\b"
)
# each _CLAUSE_BREAK_RE alternative holds one of these, case as written ("although" holds "though"):
# a sentence with none is one clause (most sentences are)
_CLAUSE_BREAK_WORDS = (";", "-", "but", "while", "whereas", "though", "even as", "In contrast")
# Modality and reported intent: the sentence does not assert that the placement happened.
_MODAL_RE = re.compile(
    r"\b(?:could|may|might|would|should|must|will\s+be|to\s+be\s+(?:listed|placed|ranked|downgraded|"
    r"upgraded|moved)|pushed\s+for|call(?:ed|s|ing)?\s+for|"
    # what someone asks for is not what happened: "had lobbied hard for a promotion"
    r"(?:lobb(?:y|ies|ied|ying)|campaign(?:s|ed|ing)?|press(?:es|ed|ing)?|appeal(?:s|ed|ing)?|"
    r"ask(?:s|ed|ing)?|beg(?:s|ged|ging)?|plead(?:s|ed|ing)?)\s+(?:\w+\s+)?for|"
    r"urg(?:ed|es|ing)|recommend(?:ed|s)?|"
    r"threaten(?:ed|s)?\s+to|risk(?:s|ed)?|fac(?:e|es|ed|ing)\s+(?:a\s+|an\s+)?(?:possible\s+)?"
    r"(?:automatic\s+)?(?:downgrade|demotion|sanctions?|penalties)|if\b|unless\b|whether\b|"
    # intent and expectation: "seeks to get off the Watch List", "hoped Thailand would ..."
    r"(?:seek|hope|aim|want|plan|tr(?:y|ie)|expect|wish|strive)(?:s|d|ed|ing)?\s+to\b|"
    r"likely\b|unlikely\b|in\s+order\s+to\b|deserv(?:e|es|ed|ing)\b|belong(?:s|ed)?\s+(?:on|in)\b|"
    # "officials said they were confident of an upgrade"
    r"(?:confident|hopeful|optimistic)\s+(?:of|about|that)\b)",
    re.IGNORECASE,
)
# An inverted conditional, as hypothetical as "if": "Were Bulgaria to stay on the Watch List, ...",
# "Had it stayed there, ...", "Should the country remain ..." (at a clause's start: the verb before its
# subject; "Romania had been on Tier 2" and "were placed" put the subject first)
_INVERTED_RE = re.compile(
    r"(?:^|(?<=[,;:(\"“‘—–])|(?<=\s-)|(?<=\band)|(?<=\bbut))\W*(?:[Ww]ere|[Hh]ad|[Ss]hould)\s+"
    r"(?:it|they|the\s+(?:[\w-]+\s+){0,2}?(?:country|nation|government|kingdom|island|state|republic)|"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:not\s+|ever\s+|again\s+|still\s+)?"
    r"(?:to\s+\w+|been\b|be\b|[a-z]+ed\b|kept\b|held\b|fallen\b|risen\b|remain\b|stay\b|fall\b|"
    r"slip\b|drop\b|move\b)")
_INVERTED_WORDS = ("were", "had", "should")  # what _INVERTED_RE needs
# a fact taken for granted: a hedge before it ("whether", "if") does not reach the words after it
# ("It should be recalled that in 2016 Uzbekistan was placed in Tier 3": the hedge is the writer's aside)
_FACTIVE_RE = re.compile(r"\b(?:the\s+fact\s+that|given\s+that|now\s+that|seeing\s+that|"
                         r"(?:be\s+)?(?:recalled|noted|remembered|stressed|emphasi[sz]ed|pointed\s+out|said)"
                         r"\s+that)\b", re.IGNORECASE)
# a sentence that is a yes/no question: an auxiliary verb opens it, a question mark closes it
_YES_NO_QUESTION_RE = re.compile(r"\W*(?:Will|Would|Could|Can|Should|Shall|Might|May|Must|Is|Are|Was|Were|Do|"
                                 r"Does|Did|Has|Have|Had)\s[^?]*\?[\s\"'”’)]*")
NEGATION_RE = re.compile(
    r"\b(?:not|never|no\s+longer|n't|neither|nor|failed\s+to\s+(?:make|earn|reach))\b", re.IGNORECASE
)
_ATTRIBUTION_RE = re.compile(
    r"\b(?:critics?|activists?|advocates?|opponents?|he|she|they)\s+(?:said|says|argued|argue|claimed|"
    r"claims|complained|contended|insisted)\b|\baccording to (?:critics|activists|opponents|advocates|"
    r"(?:human\s+)?rights\s+groups)\b|"
    # a claim someone argues for, not one the writer reports: "groups argued that Malaysia ..."
    r"\b(?:argued|argues|contended|contends|insisted|insists|alleged|alleges|complained|complains|"
    r"claimed|claims)\s+that\b",
    re.IGNORECASE,
)
# what _ATTRIBUTION_RE needs: one of its verbs ("argue" and "argued" hold "argu") or "according to"
_ATTRIBUTION_WORDS = ("said", "says", "argu", "claim", "complain", "contend", "insist", "alleg", "according")
# what _MODAL_RE needs: each alternative holds one of these ("would", "should", "could" hold "ould";
# "to be listed" needs its participle, "fac(e|es|ed|ing)" "fac", "tr(y|ie)" "try" or "trie")
_MODAL_WORDS = ("ould", "may", "might", "must", "will", "listed", "placed", "ranked", "downgraded",
                "upgraded", "moved", "pushed", "call", "lobb", "campaign", "press", "appeal", "ask", "beg",
                "plead", "urg", "recommend", "threaten", "risk", "fac", "if", "unless", "whether", "seek",
                "hope", "aim", "want", "plan", "try", "trie", "expect", "wish", "strive", "likely", "order",
                "deserv", "belong", "confident", "hopeful", "optimistic")


@dataclass(frozen=True)
class YearMention:
    """A four-digit year in a sentence and the word before it ("since", "in", "from")."""

    start: int
    end: int
    year: int
    before: str


@dataclass
class SentenceContext:
    """One sentence as the readers see it (offsets are relative to the sentence).

    Tiers, years, clause breaks and country lookups are worked out on first use: most sentences
    reach no reader that needs them (extract/gates.py).
    """

    text: str
    countries: list[CountryMention]
    focus: str | None  # the country the document is speaking of, for "the reclusive nation", "it"
    quoted: Sequence[tuple[int, int]] = ()
    prior_tier: str | None = None  # the one tier the sentence before spoke of: "... is there", "that rank"

    def __post_init__(self) -> None:
        self.lower = self.text.lower()
        # gates are trusted only where lower-casing finds every word the patterns' case folding finds
        self.gated = gates.GATING and (self.text.isascii() or not gates.UNGATEABLE.search(self.text))

    def memo(self, key: str, build: Callable[[str], T]) -> T:
        """BUILD(text), computed once per sentence: a reader's whole-sentence search asked per match."""
        memos = self.__dict__.setdefault("_memos", {})
        if key not in memos:
            memos[key] = build(self.text)
        return memos[key]

    def has(self, words: tuple[str, ...]) -> bool:
        """Whether the lower-cased sentence holds one of `words` (always True when not gated)."""
        if not self.gated:
            return True
        lower = self.lower
        if len(lower) > _SHORT:  # a long sentence keeps its answers: readers ask per mention
            known = self.__dict__.setdefault("_has", {})
            found = known.get(words)
            if found is None:
                found = known[words] = any(word in lower for word in words)
            return found
        for word in words:  # noqa: SIM110 (a plain loop: twice as fast as any() over a generator)
            if word in lower:
                return True
        return False

    @cached_property
    def tiers(self) -> list[TierMention]:
        """The tier mentions, left to right (with "there", "that rank" standing for the tier before)."""
        found = find_tiers(self.text) if self.has(gates.TIER_WORDS) else []
        if found and "same" in self.lower:  # (what with_same_references needs)
            found = with_same_references(self.text, found)
        if (self.prior_tier or found) and self.has(gates.BACK_WORDS):
            found = with_back_references(self.text, found, self.prior_tier)
        return found

    @cached_property
    def years(self) -> list[YearMention]:
        """The four-digit years, left to right."""
        if "19" not in self.text and "20" not in self.text:
            return []
        return [YearMention(m.start(), m.end(), int(m.group(1)), _word_before(self.text, m.start()))
                for m in _YEAR_RE.finditer(self.text)]

    @cached_property
    def _breaks(self) -> list[tuple[int, int]]:
        # computed once: readers ask for clauses and countries per mention, and a sentence may be huge
        text = self.text
        for word in _CLAUSE_BREAK_WORDS:
            if word in text:
                break
        else:
            return []
        dashes = [m.span() for m in _DASH_RE.finditer(self.text)]
        paired = set(dashes[: len(dashes) // 2 * 2])  # "Five countries - A, B and C - moved up": an aside
        if dashes and _LIST_NUMBER_RE.fullmatch(text, 0, dashes[0][0]):
            # "23 - Consecutive years North Korea has spent on Tier 3": a figure and what it counts
            paired.add(dashes[0])
        # "Chad, Niger and Zimbabwe - all three were relegated ...": the list is the subject after it
        paired.update(d for d in dashes if _ALL_OF_THEM_RE.match(text, d[1]))
        if dashes and self.countries:
            # "Egypt - on the Watch List for a third straight year": a country heading its own item
            lead_end = len(text[:dashes[0][0]].rstrip())
            if any(m.country and m.end == lead_end and not text[:m.start].strip(" *_#\"'“‘")
                   for m in self.countries):
                paired.add(dashes[0])
        return [m.span() for m in _CLAUSE_BREAK_RE.finditer(self.text) if m.span() not in paired]

    @cached_property
    def _break_starts(self) -> list[int]:
        return [a for a, _ in self._breaks]

    @cached_property
    def _resolved(self) -> list[CountryMention]:
        return sorted((c for c in self.countries if c.country), key=lambda c: c.start)

    @cached_property
    def _starts(self) -> list[int]:
        return [c.start for c in self._resolved]

    @cached_property
    def _attributed(self) -> bool:
        return self.has(_ATTRIBUTION_WORDS) and bool(_ATTRIBUTION_RE.search(self.text))

    @cached_property
    def _maybe_modal(self) -> bool:
        # one pass over the sentence for all is_modal calls (a reader asks per mention)
        return self.has(_MODAL_WORDS)

    @cached_property
    def _tier_index(self) -> dict[int, int]:
        return {id(t): i for i, t in enumerate(self.tiers)}

    @cached_property
    def tier_starts(self) -> list[int]:
        """Where each tier mention starts."""
        return [t.start for t in self.tiers]

    def tier_index(self, mention: TierMention) -> int:
        """The position of a tier mention in `tiers`."""
        return self._tier_index[id(mention)]

    @cached_property
    def _clauses(self) -> dict[int, tuple[int, int]]:
        return {}  # offset -> clause_bounds(offset): readers ask again for the same offsets

    def clause_bounds(self, offset: int) -> tuple[int, int]:
        """The clause around `offset`: split at semicolons, dashes and contrastive conjunctions."""
        known = self._clauses.get(offset)
        if known is None:
            known = self._clauses[offset] = self._clause_bounds(offset)
        return known

    def _clause_bounds(self, offset: int) -> tuple[int, int]:
        at = bisect.bisect_left(self._break_starts, offset)
        start = 0
        for _, b in reversed(self._breaks[:at]):
            if b <= offset:
                start = b
                break
        end = next((a for a, _ in self._breaks[at:] if a >= offset), len(self.text))
        return start, end

    def countries_in(self, start: int, end: int, *, drop_author: bool = True) -> list[CountryMention]:
        """Resolved country mentions inside [start, end); the United States only when it is the sole one."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        inside = [c for c in self._resolved[first:last] if c.end <= end]
        others = [c for c in inside if c.country != AUTHOR_COUNTRY]
        if drop_author and others:
            return others
        if drop_author and any(_author_reading(self.text, c) for c in inside):
            return []
        return inside

    def is_modal(self, start: int, end: int) -> bool:
        """True when the words before `end` in the clause hedge or report intent rather than fact."""
        if self._maybe_modal and "that" in self.lower:
            start = self._after_factive(start, end)
        return (self._maybe_modal and bool(_MODAL_RE.search(self.text, start, end))) or (
            self.has(_INVERTED_WORDS) and bool(_INVERTED_RE.search(self.text, start, end))) or self._asks

    def _after_factive(self, start: int, end: int) -> int:
        """Where the last factive cue before `end` ends ("in view of the fact that", "given that"), else
        `start`: what follows it is taken as true whatever hedges the clause around it ("whether, in
        view of the fact that Zimbabwe has spent four years on Tier 3, the Government has raised ...")."""
        for match in _FACTIVE_RE.finditer(self.text, start, end):
            start = match.end()
        return start

    @cached_property
    def _asks(self) -> bool:
        # a yes/no question asserts nothing: "Will the DRC keep its Tier 2 grade next year?" (a
        # question opened by "why" or "how" may take its premise for granted, and is not passed over)
        return "?" in self.text and bool(_YES_NO_QUESTION_RE.fullmatch(self.text))

    def is_negated(self, start: int, end: int) -> bool:
        """True when a negation stands in [start, end)."""
        return bool(NEGATION_RE.search(self.text, start, end))

    def is_attributed(self, offset: int) -> bool:
        """True when the words at `offset` are quoted or reported from a third party."""
        for a, b in self.quoted:
            if a <= offset < b and not self._scare_quote(a, b):
                return True
        return self._attributed

    def _scare_quote(self, start: int, end: int) -> bool:
        """A short phrase quoted inside the writer's own sentence ('kept on Tier 3 "for the fifth
        year"') is still the writer's claim; a quote that opens the sentence or runs long is speech."""
        before = self.text[:start].rstrip(' "\u201c\u2018\'')
        return bool(before) and len(self.text[start:end].split()) < 10

    def year_in(self, start: int, end: int, *, skip: tuple[str, ...] = ("since", "from")) -> int | None:
        """The one explicit year in [start, end) that dates the claim (not a streak's start, nor a year
        before the first report: "the ninth since Congress ordered it in 2000")."""
        found = {y.year for y in self.years if start <= y.start < end and y.before not in skip
                 and y.year >= FIRST_REPORT_YEAR}
        return found.pop() if len(found) == 1 else None


# the last word before a year, matched on the reversed text: "(\w+)\W*$" searched forwards tries every
# start, and its leftmost match is the last run of word characters followed by non-word characters only
_WORD_BEFORE_REVERSED_RE = re.compile(r"\W*(\w+)")


def _word_before(text: str, offset: int) -> str:
    match = _WORD_BEFORE_REVERSED_RE.match(text[max(0, offset - 20):offset][::-1])
    return match.group(1)[::-1].lower() if match else ""


def _author_reading(text: str, mention: CountryMention) -> bool:
    """ "the United States has placed ...", "U.S. State Department": the author, not a rated country."""
    after = text[mention.end:mention.end + 40].lower()
    if _POSSESSIVE_RE.match(after):
        return True  # a possessive: "the United States' 2016 report", "America's blacklist"
    return bool(_AUTHOR_ACTS_RE.match(after))


_POSSESSIVE_RE = re.compile(r"['’]s?\s+(?!own\b)")
# (a time between: "the United States on Wednesday named 15 countries")
_AUTHOR_ACTS_RE = re.compile(r"\W*(?:(?:on\s+\w+day|yesterday|today|this\s+week)\W+)?"
                            r"(?:has|have|had|placed|kept|ranked|put|rated|state|government|"
                            r"department|believes|is\s+determined|said|says|"
                            # the report's author acting: "could see the United States withhold aid"
                            r"withh\w*|hold\w*|impos\w*|cut\w*|den(?:y|ies|ied)|sanction\w*|could|may|"
                            r"might|would|will|can|press\w*|gave|giv\w*|hand\w*|nam\w*|label\w*|"
                            r"list\w*|designat\w*|accus\w*|consider\w*|lash\w*|warn\w*|urg\w*|"
                            r"demot\w*|downgrad\w*|upgrad\w*|rais\w*|lower\w*|moved|wants?|"
                            r"government)")


def relative_year(text: str) -> int:
    """-1 for "last year's list", "the previous report"; +1 for "next year"; else 0."""
    lowered = text.lower()
    # (both patterns search the lower-cased text case-sensitively: _PREVIOUS_RE needs "year" or "report",
    # _NEXT_YEAR_RE "next")
    if ("year" in lowered or "report" in lowered) and _PREVIOUS_RE.search(lowered):
        return -1
    if "next" in lowered and _NEXT_YEAR_RE.search(lowered):
        return 1
    return 0


_PREVIOUS_RE = re.compile(r"\b(?:last|previous|prior)\s+year|\b(?:a|the)\s+year\s+(?:earlier|before|ago)\b|"
                          r"\bthe\s+(?:previous|prior|last)\s+report\b")
_NEXT_YEAR_RE = re.compile(r"\bnext\s+year\b")


WINDOW = 300  # how far a tier claim's parts may stand apart: bounds the work on very long sentences


def local_clause(ctx: SentenceContext, offset: int) -> tuple[int, int]:
    """The clause around `offset`, cut to WINDOW characters on either side."""
    start, end = ctx.clause_bounds(offset)
    return max(start, offset - WINDOW), min(end, offset + WINDOW)


# "Tier 2 in 2022", "on the Watch List as recently as 2004" (the year of the claim, not of the report)
_AFTER_YEAR_RE = re.compile(r"[\s,\"'”’)]*(?:(?:\w+\s+){0,2}?(?:in|for|of|during)\s+(?:the\s+)?|"
                            r"(?:(?:only|just)\s+|as\s+(?:recently|late)\s+as\s+))$",
                            re.IGNORECASE)
_RANGE_WORDS = ("since", "from", "until", "to", "through", "between", "and", "till")


def local_year(ctx: SentenceContext, start: int, end: int) -> int | None:
    """The year a claim at [start, end) gives itself: "Tier 2 in 2022", "In 2022, ...", "the 2023 edition"."""
    cstart, _ = local_clause(ctx, start)
    years = [y for y in ctx.years if y.before not in _RANGE_WORDS and cstart <= y.start <= end + 30]
    for year in years:
        if end <= year.start <= end + 30 and _AFTER_YEAR_RE.fullmatch(ctx.text[end:year.start]) \
                and not _YEAR_RANGE_RE.match(ctx.text, year.end):
            return year.year
    when = _WHEN_RE.search(ctx.text, max(0, start - 80), start) if ctx.has(_WHEN_WORDS) else None
    if when is not None and when.group("y"):
        return int(when.group("y"))  # "in 2007, when it was moved to the watch list"
    by = _TIME_BY_RE.search(ctx.text, max(0, start - 60), start) if ctx.has(_BY_WORDS) else None
    if by is not None:
        # "the rating it won in 2016 by climbing off the Watch List": 2016; "won a year earlier by ...":
        # no year of its own (local_offset dates it), whatever year opens the clause
        return int(by.group("y")) if by.group("y") else None
    if ctx.has(_AFTER_WORDS) and _YEARS_AFTER_RE.search(ctx.text, max(0, start - 60), start):
        return None  # "In the 2024 report ..., two years after it was downgraded": not that year
    if ctx.has(("until",)) and (until := _NOT_UNTIL_RE.search(ctx.text, cstart, start)):
        return int(until.group("y"))  # "It was not until 2010 that Chad was placed on Tier 3": in 2010
    for year in years:
        if cstart <= year.start < start and _YEAR_OPENS_RE.fullmatch(ctx.text, cstart, year.start):
            return year.year  # "In 2022, South Korea was downgraded ...", "As recently as 2014 ..."
    before = [y for y in years if cstart <= y.start < start]
    if before and ctx.has(_THEN_WORDS) and _THEN_IN_RE.search(ctx.text, max(cstart, before[-1].start - 16),
                                                              before[-1].start) \
            and not _COMMA_RE.search(ctx.text, before[-1].end + 2, start):
        return before[-1].year  # "It clawed its way back, then in 2016 it was bumped down to Tier 3": 2016
    agent = _REPORT_AGENT_RE.match(ctx.text, cstart) if ctx.has(_REPORT_NOUNS) else None
    if agent is not None and agent.end() <= start and \
            not any(agent.end() <= y.start < start for y in ctx.years):
        return int(agent.group("y"))  # "The 2008 edition slid the country onto the Watch List"
    if cstart and not before and _SIMULTANEOUS_RE.search(ctx.text, max(0, cstart - 12), cstart):
        # "In 2015, Malaysia was lifted to the Watch List, even as Thailand stayed on Tier 3": what
        # happens "while" or "even as" the year-opened clause happens, happens in its year
        return next((y.year for y in ctx.years if y.start < cstart and y.before not in _RANGE_WORDS
                     and _YEAR_OPENS_RE.fullmatch(ctx.text, 0, y.start)), None)
    return None


_SIMULTANEOUS_RE = re.compile(r"\b(?:while|whereas|even\s+as)\s+$")


# "not until 2010 that", "not until the 2010 report that": the time of what follows
_NOT_UNTIL_RE = re.compile(r"\bnot\s+until\s+(?:the\s+)?(?P<y>(?:19|20)\d\d)\b(?:\s+(?:report|edition))?,?\s+"
                           r"(?:that|when)\b", re.IGNORECASE)
# "2019-2021", "2019 to 2021": a range, not the year of the claim
_YEAR_RANGE_RE = re.compile(r"\s*(?:-|–|to\b|and\b)\s*(?:19|20)\d\d")
# a dated report opens the clause as the agent of its claims: "The 2008 edition slid the country onto the
# Watch List", "That year's report ..." is not one (no year); "the 2009 report came out" names no claim
_REPORT_AGENT_RE = re.compile(r"\W*(?:the|its|that)\s+(?P<y>(?:19|20)\d\d)\s+(?:TIP\s+|annual\s+)?"
                              r"(?:report|edition|rankings?)\b", re.IGNORECASE)
_REPORT_NOUNS = ("report", "edition", "ranking")  # what _REPORT_AGENT_RE needs
# a later step of the clause opened by its year: ", then in 2016 it was bumped down", "and in 2019 rose to"
_THEN_IN_RE = re.compile(r"(?:,|\band|\bbut)\s+(?:then|later|again|finally)?\s*(?:in|by)\s+$", re.IGNORECASE)
_THEN_WORDS = (",", "and", "but")  # what _THEN_IN_RE needs
_COMMA_RE = re.compile(r"[,;]")
# the year opens the clause: "In 2022, ...", "As recently as 2014 ..."
_YEAR_OPENS_RE = re.compile(r"\W*(?:in|for|back\s+in|as\s+(?:recently|late|early)\s+as)\s+(?:the\s+)?",
                            re.IGNORECASE)


_LAST_YEAR_RE = re.compile(r"\b(?:last|previous|prior)\s+year(?:['’]s)?\b|"
                           r"\b(?:a|the)\s+year\s+(?:earlier|before|ago)\b|"
                           r"\bthe\s+(?:previous|prior|last)\s+(?:report|year)\b", re.IGNORECASE)


# "two years ago", "three years earlier": N reports before the document's
_YEARS_AGO_RE = re.compile(rf"(?P<n>a|{CARDINAL_PATTERN})\s+years?\s+(?:ago|earlier|before)\b", re.IGNORECASE)
# a "when" clause takes the time it hangs on: "last year, when it was moved to the watch list",
# "in 2007, when it fell to Tier 3"
_WHEN_RE = re.compile(rf"(?P<time>(?:last|previous|prior)\s+year|(?:a|{CARDINAL_PATTERN})\s+years?\s+"
                      r"(?:ago|earlier|before)|\b(?:in\s+)?(?P<y>(?:19|20)\d\d)),?\s+when\s+"
                      r"(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
# "two years after it was downgraded": the clause's event stands N years before the sentence's news
_YEARS_AFTER_RE = re.compile(rf"\b(?P<n>a|{CARDINAL_PATTERN})\s+years?\s+after\s+(?:[\w'’-]+\s+){{0,4}}$",
                             re.IGNORECASE)
# a move told as the means of something done at a time: "the rating it had won a year earlier by climbing
# off the Watch List", "won in 2016 by leaving Tier 3" (the move is dated by that time)
_TIME_BY_RE = re.compile(rf"(?P<time>(?:last|previous|prior)\s+year|(?:a|{CARDINAL_PATTERN})\s+years?\s+"
                         r"(?:ago|earlier|before)|\bin\s+(?P<y>(?:19|20)\d\d)),?\s+by\s+$", re.IGNORECASE)
_BY_WORDS = ("by",)  # _TIME_BY_RE's "by"
# literal gates (through ctx.has, so only where lower-casing finds what the patterns' case folding finds)
_WHEN_WORDS = ("when",)  # _WHEN_RE's "when"
_AFTER_WORDS = ("after",)  # _YEARS_AFTER_RE's "after"
_YEAR_WORDS = ("year",)  # _TIME_THEN_VERB_RE's "year"/"years"
# _years_back reads _LAST_YEAR_RE ("year", or "the previous report") and _YEARS_AGO_RE ("years"); the
# other time phrases of local_offset (_WHEN_RE's time, _YEARS_AFTER_RE, _TIME_THEN_VERB_RE) hold "year"
_YEARS_BACK_WORDS = ("year", "report")


def local_offset(ctx: SentenceContext, start: int, end: int) -> int:
    """-1 when "last year" dates the claim at [start, end): right after it, or opening its clause."""
    if not ctx.has(_YEARS_BACK_WORDS):
        return 0  # every answer below is a time phrase that _years_back reads (or _YEARS_AFTER_RE's "years")
    # "moved up from the blacklist only last year", "in the top tier as recently as last year"
    gap = _GAP_RE.match(ctx.text, end, end + 60)
    if gap is not None and (back := _years_back(ctx.text, gap.end())):
        return -back
    when = _WHEN_RE.search(ctx.text, max(0, start - 80), start) if ctx.has(_WHEN_WORDS) else None
    if when is not None and not when.group("y") and (back := _years_back(ctx.text, when.start("time"))):
        return -back  # "The slide began last year, when it was moved to the watch list"
    after = _YEARS_AFTER_RE.search(ctx.text, max(0, start - 60), start) if ctx.has(_AFTER_WORDS) else None
    if after is not None:  # "returned to Tier 1, two years after it was downgraded": then, not now
        years = 1 if after.group("n").lower() in ("a", "one") else parse_cardinal(after.group("n"))
        if years and years <= 30:
            return -years
    by = _TIME_BY_RE.search(ctx.text, max(0, start - 60), start) if ctx.has(_BY_WORDS) else None
    if by is not None and not by.group("y") and (back := _years_back(ctx.text, by.start("time"))):
        return -back  # "the Tier 2 rating it had won a year earlier by climbing off the Watch List"
    cstart, _ = local_clause(ctx, start)
    lead = _LEAD_RE.match(ctx.text, cstart, start)
    if lead is not None and (back := _years_back(ctx.text, lead.end())):
        return -back  # "Last year, Malaysia was downgraded ...", "Two years ago it was on the watch list"
    before = _TIME_THEN_VERB_RE.search(ctx.text, max(cstart, start - 80), start) \
        if ctx.has(_YEAR_WORDS) else None
    if before is not None and (back := _years_back(ctx.text, before.start("time"))):
        return -back  # "a country that only three years ago was sitting on the Watch List"
    return 0


# what may stand between a claim and the time after it: "moved up from the blacklist only last year"
_GAP_RE = re.compile(r"[\s,\"'”’]*(?:(?:[\w-]+\s+){0,2}?(?:in|on|from)\s+|"
                     r"(?:countr(?:y|ies)|nations?|members?|rankings?|ratings?|status|classification|designation)\s+)?"
                     r"(?:(?:only|just)\s+|as\s+(?:recently|late)\s+as\s+)?")
_LEAD_RE = re.compile(r"\W*(?:in\s+)?", re.IGNORECASE)
# a time phrase between the subject and its verb: "... only three years ago was sitting on the Watch List"
_TIME_THEN_VERB_RE = re.compile(
    rf"(?P<time>(?:last|previous|prior)\s+year|(?:a|{CARDINAL_PATTERN})\s+years?\s+(?:ago|earlier|before))"
    r"\s+(?:was|were|had\s+been|stood|sat|ranked|rated)\b(?:\s+[\w'’-]+){0,2}?\s+(?:on|in|at|among)?\s*"
    r"(?:the\s+|its\s+)?$", re.IGNORECASE)


def _years_back(text: str, offset: int) -> int:
    """How many years back a time phrase at `offset` points: 1 for "last year", "a year earlier"; N for
    "two years ago", "three years earlier"; 0 when no such phrase starts there."""
    if _LAST_YEAR_RE.match(text, offset):
        return 1
    ago = _YEARS_AGO_RE.match(text, offset)
    if ago is None:
        return 0
    years = 1 if ago.group("n").lower() in ("a", "one") else parse_cardinal(ago.group("n"))
    return years if years and years <= 30 else 0


def fields(**values: Any) -> dict[str, Any]:
    """Normalized claim fields without the empty ones."""
    return {k: v for k, v in values.items() if v is not None}
