"""Country names in text: names, aliases, demonyms, capitals, context forms, safe fuzzy matches."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tipcheck.paths import facts_dir
from tipcheck.yamlsafe import Pos, YamlMap, YamlSeq, check_keys, expect_type, fail, load_yaml
from tipcheck.yamlsafe import value_pos as vp

FORM_KINDS = {"aliases": "alias", "demonyms": "demonym", "capitals": "capital"}
FORM_KINDS |= {"context": "context", "agent_only": "agent"}
COUNTRY_KEYS = {"name", "iso3", *FORM_KINDS, "context_with"}
TOP_KEYS = {"version", "countries", "ambiguous", "non_countries", "fuzzy_stopwords"}
_END = r"(?!\w)"  # a form never ends inside a word; "China's" and "Taiwan-owned" still match
# context and list-style forms: "the North" but not "the North Korean government",
# "Korea, North;" but not "Korea, North Korea"
_OPEN_END = r"(?![ \t]+[A-Z])"
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_CAP = r"[A-ZÀ-Þ][\w'’-]*"
# runs of capitalized words, joined by spaces and "of"/"the"/"de" (the lookbehind after the first
# letter keeps the regex engine's first-character scan)
_RUN = re.compile(rf"[A-ZÀ-Þ](?<![\w'’].)[\w'’-]*(?:[ \t]+(?:(?:of|the|de)[ \t]+){{0,2}}{_CAP})*")
_POSSESSIVE = re.compile(r"['’]s?$")
_UNSEEN: Any = object()  # a run not in the run cache yet


@dataclass(frozen=True)
class CountryMention:
    """One place in a text that names a country (or, when ambiguous, one of several)."""

    start: int
    end: int
    country: str | None  # canonical name; None when ambiguous ("Korea", "Congo")
    surface: str  # the words as written, without a possessive "'s"
    how: str  # name | alias | demonym | capital | context | fuzzy | ambiguous (| agent)
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Form:
    how: str  # as CountryMention.how, plus "block" for non-countries
    country: str | None
    candidates: tuple[str, ...] = ()
    needs: frozenset[str] = frozenset()  # context forms: any of these already named


def _fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive key, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def _squeeze(text: str) -> str:
    """A scanned form as stored: single spaces, straight apostrophes."""
    return " ".join(text.replace("’", "'").split())


def _budget(length: int) -> int:
    """Edit operations a fuzzy match may need, by length of the words compared."""
    return 0 if length < 6 else 1 if length < 9 else 2 if length < 14 else 3


def _variants(surface: str) -> set[str]:
    """The written forms scanned for: as given, ALL CAPS, Title Case, "The ..." for "the ..."."""
    words = surface.split(" ")
    titled = " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in words)
    return {surface, surface.upper(), titled}


def _trie_regex(tails: dict[str, str], top: bool = True) -> str:
    """One alternation of all forms (form -> regex after it), as a trie: the longest form wins."""
    heads: dict[str, dict[str, str]] = {}
    for form, tail in tails.items():
        heads.setdefault(form[:1], {})[form[1:]] = tail
    alts = []
    for char, rest in sorted((c, r) for c, r in heads.items() if c):
        piece = r"\s+" if char == " " else "['’]" if char == "'" else re.escape(char)
        # the char before a form is not a letter (checked after the first char, which keeps the
        # regex engine's fast scan for possible first characters)
        alts.append(piece + (r"(?<!\w.)" if top else "") + _trie_regex(rest, top=False))
    if "" in heads:
        alts.append(_END + heads[""][""])
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _strings(node: YamlMap, key: str, path: Path, what: str) -> list[tuple[str, Pos | None]]:
    """A list of non-empty strings under `key` (none if absent), each with its position."""
    if key not in node:
        return []
    seq = expect_type(node[key], list, path, vp(node, key), f"{what} '{key}'")
    out = []
    for i, item in enumerate(seq):
        pos = seq.item_pos[i] if isinstance(seq, YamlSeq) and i < len(seq.item_pos) else None
        if not isinstance(item, str) or not item.strip():
            raise fail(path, f"{what} '{key}': {item!r} is not a non-empty string", pos)
        out.append((item, pos))
    return out


class _Reader:
    """Checks the country file's structure and collects every form with what it stands for."""

    iso3: dict[str, str]  # canonical name -> code, in file order
    forms: dict[str, _Form]
    where: dict[str, Pos | None]

    def __init__(self, data: Any, path: Path) -> None:
        self.path, self.iso3, self.forms, self.where = path, {}, {}, {}
        check_keys(data, TOP_KEYS, {"countries"}, path, "country file")
        countries = expect_type(data["countries"], list, path, vp(data, "countries"), "'countries'")
        for i, entry in enumerate(countries):
            check_keys(entry, COUNTRY_KEYS, {"name", "iso3"}, path, f"country #{i + 1}")
            name = expect_type(entry["name"], str, path, vp(entry, "name"), "'name'")
            iso3 = entry["iso3"]
            if not isinstance(iso3, str) or not re.fullmatch(r"[A-Z]{3}", iso3):
                msg = f"country '{name}': 'iso3' must be three capital letters, not {iso3!r}"
                raise fail(path, msg, vp(entry, "iso3"))
            if name in self.iso3 or iso3 in self.iso3.values():
                raise fail(path, f"country '{name}' ({iso3}) listed twice", vp(entry, "name"))
            self.iso3[name] = iso3
        for entry in countries:
            self.country(entry)
        groups = expect_type(data.get("ambiguous", []), list, path, None, "'ambiguous'")
        for i, group in enumerate(groups):
            what = f"ambiguous #{i + 1}"
            check_keys(group, {"forms", "candidates"}, {"forms", "candidates"}, path, what)
            cands = tuple(c for c, _ in _strings(group, "candidates", path, what))
            if len(cands) < 2 or any(c not in self.iso3 for c in cands):
                msg = f"{what}: candidates must be two or more country names"
                raise fail(path, msg, vp(group, "candidates"))
            for form, pos in _strings(group, "forms", path, what):
                self.add(form, pos, _Form("ambiguous", None, cands))
        non = expect_type(data.get("non_countries", {}), dict, path, None, "'non_countries'")
        for group in non:
            for form, pos in _strings(non, group, path, "'non_countries'"):
                self.add(form, pos, _Form("block", None))
        stop = _strings(data, "fuzzy_stopwords", path, "country file")
        self.stopwords = frozenset(word.lower() for word, _ in stop)

    def country(self, entry: YamlMap) -> None:
        name, what = entry["name"], f"country '{entry['name']}'"
        needs = frozenset([name, *(n for n, _ in _strings(entry, "context_with", self.path, what))])
        if unknown := sorted(n for n in needs if n not in self.iso3):
            msg = f"{what}: unknown country in 'context_with': {unknown[0]}"
            raise fail(self.path, msg, vp(entry, "context_with"))
        self.add(name, vp(entry, "name"), _Form("name", name))
        for key, how in FORM_KINDS.items():
            for form, pos in _strings(entry, key, self.path, what):
                self.add(
                    form, pos, _Form(how, name, needs=needs if how == "context" else frozenset())
                )

    def add(self, form: str, pos: Pos | None, what: _Form) -> None:
        form = _squeeze(form)
        old = self.forms.get(form)
        if old is not None:
            raise fail(self.path, f"'{form}' listed twice ({old.country or old.how})", pos)
        self.forms[form], self.where[form] = what, pos


class CountryIndex:
    """Every ranked country with its names; finds them in text and resolves user arguments."""

    def __init__(self, data: Any, path: Path) -> None:
        read = _Reader(data, path)
        self.path = path
        self._iso3, self._stopwords = read.iso3, read.stopwords
        self.names: tuple[str, ...] = tuple(read.iso3)
        self._variant: dict[str, _Form] = {}
        for form, what in read.forms.items():
            for variant in _variants(form):
                if self._variant.setdefault(variant, what).country != what.country:
                    raise fail(path, f"'{variant}' would stand for two countries", read.where[form])
        tails = {
            v: _OPEN_END if f.how == "context" or ", " in v else ""
            for v, f in self._variant.items()
        }
        self._rx = re.compile(_trie_regex(tails))
        # Forms that start with a small letter ("the North", "eSwatini") make the engine stop at every
        # "t" or "e" of a text. A text that lacks a word of each of them (every match holds its words as
        # written, only spaces and apostrophes vary) is scanned without them: the same matches, sooner.
        lower = {v for v in tails if v[:1].islower()}
        words = (sorted(set(re.split(r"[ ']", v)) - {""}, key=len, reverse=True) for v in sorted(lower))
        self._lower_words = tuple((w[0], tuple(w[1:])) for w in words)  # the longest (rarest) first
        self._upper_rx = re.compile(_trie_regex({v: t for v, t in tails.items() if v not in lower})) \
            if lower else self._rx
        self._resolve: dict[str, _Form] = {}
        fuzzy: dict[str, tuple[str | None, bool]] = {}
        for form, what in read.forms.items():
            key = _fold(form)
            if what.how not in ("context", "block"):
                old = self._resolve.setdefault(key, what)
                if (old.country, old.candidates) != (what.country, what.candidates):
                    msg = f"'{form}' differs only in case or accents from a form of another country"
                    raise fail(path, msg, read.where[form])
            if what.how != "context":  # fuzzy targets: (owner, may a single word match it)
                owner = None if what.how in ("ambiguous", "agent", "block") else what.country
                prev_owner, prev_single = fuzzy.get(key, (owner, False))
                single = prev_single or what.how in ("name", "alias")
                fuzzy[key] = (owner if prev_owner == owner else None, single)
        self._fz_meta = fuzzy
        self._fz_len: dict[int, list[str]] = {}  # length buckets: the cheap prefilter of fuzzy
        for key in fuzzy:
            self._fz_len.setdefault(len(key), []).append(key)
        self._cache: dict[tuple[str, bool], str | None] = {}
        # text -> its matches (what find does not need the context for): a sentence is often looked up
        # twice (as itself, then as the sentence before), and wire copy repeats across documents
        self._hits: dict[str, tuple[tuple[int, int, _Form], ...]] = {}
        # capitalized run -> its fuzzy hits where no exact form touches it (most runs: "The", names)
        self._runs: dict[str, tuple[tuple[int, int, _Form], ...] | None] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> CountryIndex:
        """Read and check the country file (default: the built-in manual/countries.yaml)."""
        if path is None:
            return _default_index()
        return cls(load_yaml(path), path)

    def iso3(self, name: str) -> str | None:
        """The ISO 3166 alpha-3 code of a canonical name (or an exact alias)."""
        if name in self._iso3:
            return self._iso3[name]
        form = self._resolve.get(_fold(name))
        return self._iso3.get(form.country) if form and form.country else None

    def resolve(self, name: str) -> str | None:
        """A user's argument: case-insensitive exact name/alias/ISO3, else a safe fuzzy match."""
        key = _fold(name)
        key = key[4:] if key.startswith("the ") and key not in self._resolve else key
        if name.strip() in self._iso3.values():
            return next(n for n, code in self._iso3.items() if code == name.strip())
        form = self._resolve.get(key)
        if form is not None:
            return form.country
        return self._fuzzy(key, " " not in key)

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Canonical names close to an unknown name, best first ("did you mean")."""
        key = _fold(name)
        form = self._resolve.get(key)
        if form is not None:
            return list(form.candidates or [form.country])[:limit]
        found: list[str] = []
        from rapidfuzz import fuzz, process  # here: most runs never need it, and it takes 10 ms to import

        hits = process.extract(
            key, list(self._fz_meta), scorer=fuzz.ratio, limit=None, score_cutoff=60
        )
        for choice, _, _ in hits:
            owner = self._fz_meta[choice][0]
            if owner and owner not in found:
                found.append(owner)
        return found[:limit]

    def find(
        self, text: str, context: Collection[str] = (), *, agents: bool = False
    ) -> list[CountryMention]:
        """Every country mention, leftmost-longest and non-overlapping, in text order."""
        hits = self._hits.get(text)
        if hits is None:
            if len(self._hits) > 20_000:  # whole archives: keep memory bounded
                self._hits.clear()
            hits = self._hits[text] = self._scan(text)
        if not hits:
            return []
        seen = set(context)
        found: list[CountryMention] = []
        for start, end, what in hits:
            if what.how == "block" or (what.how == "agent" and not agents):
                continue
            if what.how == "context" and not what.needs & seen:
                continue
            seen.add(what.country or "")
            found.append(
                CountryMention(start, end, what.country, text[start:end], what.how, what.candidates)
            )
        return found

    def _scan(self, text: str) -> tuple[tuple[int, int, _Form], ...]:
        """Exact and fuzzy matches in text order, before context forms and blocks are judged."""
        variant = self._variant
        rx = self._upper_rx
        for first, rest in self._lower_words:
            if first in text and all(word in text for word in rest):
                rx = self._rx
                break
        hits = [
            (m.start(), m.end(), variant.get(m.group()) or variant[_squeeze(m.group())])
            for m in rx.finditer(text)
        ]
        found = self._fuzzy_pass(text, hits)
        if found is hits:  # no fuzzy hit: finditer's matches are in text order already
            return tuple(hits)
        return tuple(sorted(found, key=lambda h: h[0]))

    def _fuzzy_pass(
        self, text: str, hits: list[tuple[int, int, _Form]]
    ) -> list[tuple[int, int, _Form]]:
        """Capitalized word runs not wholly matched exactly, tried as misspelled names."""
        # Only runs with fuzzy hits of their own are tried: an exact form inside a run does not move its
        # segments, it only keeps more of them from being tried (_segments), so the others find nothing.
        tried = [(surface, entry) for surface in _RUN.findall(text) if (entry := self._entry(surface))]
        if not tried:
            return hits
        exact, hits = hits, list(hits)
        covered = sorted((s, e) for s, e, _ in exact)
        starts = [s for s, _ in covered]
        for base, surface, entry in self._placed(text, tried):
            stop = base + len(surface)
            if covered and _overlaps(base, stop, covered, starts):
                # an exact form inside the run changes its segments: worked out here, as it stands
                if _inside(base, stop, covered, starts):
                    continue
                for start, end, single in self._segments(base, surface, covered, starts):
                    country = self._fuzzy(text[start:end], single)
                    if country:
                        hits = [h for h in hits if h[1] <= start or h[0] >= end]
                        hits.append((start, end, _Form("fuzzy", country)))
                continue
            # no exact form touches the run, and fuzzy hits of other runs lie outside it: nothing to drop
            hits += [(base + start, base + end, form) for start, end, form in entry]
        return hits

    def _entry(self, surface: str) -> tuple[tuple[int, int, _Form], ...] | None:
        """The run cache's entry for `surface`, worked out on first sight."""
        entry = self._runs.get(surface, _UNSEEN)
        if entry is _UNSEEN:
            entry = self._runs[surface] = self._run_entry(surface)
        return entry  # type: ignore[no-any-return]

    def _placed(
        self, text: str, tried: list[tuple[str, tuple[tuple[int, int, _Form], ...]]]
    ) -> list[tuple[int, str, tuple[tuple[int, int, _Form], ...]]]:
        """Where the runs to try start, in text order (`tried`: their words and entries, in order)."""
        placed = []
        for surface, entry in tried:
            at = text.find(surface)
            if text.find(surface, at + 1) >= 0:  # written twice (or more): the run regex says which
                break
            placed.append((at, surface, entry))  # written once: that is the run
        else:
            return placed
        return [(run.start(), run.group(), entry) for run in _RUN.finditer(text)
                if (entry := self._entry(run.group()))]

    def _run_entry(self, surface: str) -> tuple[tuple[int, int, _Form], ...] | None:
        """What a run yields where no exact form touches it: its fuzzy hits, relative to the run, or
        None for a run never tried (short, a stopword). Cached by the run's words."""
        if len(self._runs) > 100_000:  # whole archives: keep memory bounded
            self._runs.clear()
        if len(surface) < 4 or surface.lower() in self._stopwords:
            return None
        found = []
        for start, end, single in self._segments(0, surface, [], []):
            country = self._fuzzy(surface[start:end], single)
            if country:
                found.append((start, end, _Form("fuzzy", country)))
        return tuple(found)

    def _segments(
        self, base: int, surface: str, covered: list[tuple[int, int]], starts: list[int]
    ) -> Iterable[tuple[int, int, bool]]:
        """Parts of a run (`surface` at `base`) between stopwords that hold a 4+ letter word no exact
        form covers."""
        words: list[tuple[int, int, str]] = []
        for token in [*_TOKEN.finditer(surface), None]:
            word = _POSSESSIVE.sub("", token.group()) if token else ""
            if token is None or (not word.islower() and word.lower() in self._stopwords):
                while words and words[-1][2].islower():
                    words.pop()
                while words and words[0][2].islower():
                    words.pop(0)
                if any(
                    len(w) >= 4 and not w.islower() and not _inside(s, e, covered, starts)
                    for s, e, w in words
                ):
                    yield words[0][0], words[-1][1], len(words) == 1
                words = []
            else:
                words.append((base + token.start(), base + token.start() + len(word), word))

    def _fuzzy(self, surface: str, single: bool) -> str | None:
        """The one country whose form is strictly closest to `surface`, within the edit budget."""
        if (surface, single) in self._cache:
            return self._cache[surface, single]
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        key = _fold(surface)
        budget, answer = _budget(len(key)), None
        near: list[tuple[int, tuple[str | None, bool]]] = []
        for length in range(len(key) - budget, len(key) + budget + 1) if budget else ():
            keys = self._fz_len.get(length, [])
            found = process.extract(key, keys, scorer=OSA.distance, score_cutoff=budget, limit=None)
            near += [(dist, self._fz_meta[choice]) for choice, dist, _ in found]
        if near:
            best = min(dist for dist, _ in near)
            metas = [meta for dist, meta in near if dist == best]
            owners = {owner for owner, _ in metas}
            if len(owners) == 1 and None not in owners and (not single or any(t for _, t in metas)):
                answer = owners.pop()
        if len(self._cache) > 100_000:  # whole archives: keep memory bounded
            self._cache.clear()
        self._cache[surface, single] = answer
        return answer


def _overlaps(start: int, end: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether [start, end) shares an offset with one of the sorted, non-overlapping spans."""
    at = bisect.bisect_left(starts, end) - 1  # the last span starting before `end` ends last
    return at >= 0 and spans[at][1] > start


def _inside(start: int, end: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether [start, end) lies within one of the sorted, non-overlapping spans."""
    at = bisect.bisect_right(starts, start) - 1
    return at >= 0 and spans[at][1] >= end


@lru_cache(maxsize=1)
def _default_index() -> CountryIndex:
    path = facts_dir() / "manual" / "countries.yaml"
    return CountryIndex(load_yaml(path), path)
