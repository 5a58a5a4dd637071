"""Read and validate fact files into one merged store, layer by layer (used by tipcheck.facts)."""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipcheck.facts_types import (
    ALL_TIERS,
    WATCH_LIST_FIRST,
    Conflict,
    Fact,
    Official,
    Source,
    Statement,
    TierSystem,
)
from tipcheck.yamlsafe import (
    Pos,
    YamlMap,
    YamlSeq,
    check_keys,
    display_path,
    expect_choice,
    expect_type,
    fail,
    parse_yaml,
    read_capped,
    suggest,
    value_pos,
)

REPORT_FILE = re.compile(r"(\d{4})\.yaml\Z")
NAMED_KINDS = {
    "tier_system.yaml": "tier_system",
    "sources.yaml": "sources",
    "country_codes.yaml": "country_codes",
    "officials.yaml": "officials",
    "conflicts.yaml": "conflicts",
    "consequences.yaml": "consequences",
    "reports.yaml": "reports",
    "corrections.yaml": "corrections",
}
KIND_ORDER = (
    "tier_system",
    "sources",
    "country_codes",
    "report",
    "officials",
    "conflicts",
    "consequences",
    "reports",
    "corrections",
)
IGNORED = {"countries.yaml"}  # owned by the country-name layer, not by the fact base
_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?\Z")
REPORT_KEYS = {
    "year", "release_date", "weekday", "published_counts", "countries_ranked",
    "secretary_of_state", "tip_office_director", "source", "notes", "placements",
}  # fmt: skip


def classify(path: Path) -> str | None:
    """The kind of fact file a path names, 'ignore', or None when it is not a fact file."""
    if path.name in IGNORED:
        return "ignore"
    if REPORT_FILE.match(path.name):
        return "report"
    return NAMED_KINDS.get(path.name)


@dataclass
class Store:
    """Everything loaded so far; later layers overwrite earlier ones."""

    sources: dict[str, Source] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # canonical name -> iso3
    placements: dict[tuple[str, int], Fact] = field(default_factory=dict)
    reports: dict[int, dict[str, Any]] = field(default_factory=dict)  # year -> field -> Fact
    officials: list[Official] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    not_in_report: dict[tuple[str, int], Fact] = field(default_factory=dict)
    covered: dict[int, Fact] = field(default_factory=dict)
    complete: dict[tuple[int, str], Fact] = field(default_factory=dict)
    first_report: Fact | None = None
    tier_system: TierSystem | None = None
    consequences: dict[str, Statement] = field(default_factory=dict)
    overrides: list[tuple[str, Fact, Fact]] = field(default_factory=list)
    corrected: list[tuple[str, Fact | None, Fact]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    layer_of: dict[tuple[Any, ...], str] = field(
        default_factory=dict
    )  # which layer set a placement


class Loader:
    """Loads files into a Store, one layer at a time ('generated', 'manual', 'overlay')."""

    def __init__(self) -> None:
        self.store = Store()
        self.digest = hashlib.sha256()
        self.layer = "generated"
        self.seen: dict[tuple[Any, ...], tuple[str, int]] = {}
        self._folded: dict[str, str] = {}

    def start_layer(self, layer: str) -> None:
        """Begin a layer: duplicates are errors within a layer, overrides across layers."""
        self.layer = layer
        self.seen = {}

    def read(self, path: Path, shown: str) -> Any:
        """Parse one file and add its bytes to the version digest."""
        data = read_capped(path, name=shown)
        self.digest.update(shown.encode() + b"\0" + data + b"\0")
        self.store.files.append(shown)
        return parse_yaml(data, shown)

    def top(self, doc: Any, shown: str, allowed: set[str], required: set[str]) -> YamlMap:
        """The file's top-level mapping, checked."""
        if doc is None:
            raise fail(shown, "file is empty", (1, 1))
        check_keys(doc, allowed, required, shown, "")
        return doc

    # ------------------------------------------------------------ shared pieces

    def once(self, key: tuple[Any, ...], shown: str, pos: Pos, label: str) -> None:
        """Reject a second definition of the same thing within one layer."""
        if key in self.seen:
            path, line = self.seen[key]
            first = f"line {line}" if path == shown else f"{path}:{line}"
            raise fail(shown, f"{label} given twice in this layer (first at {first})", pos)
        self.seen[key] = (shown, pos[0])

    def put(self, table: dict, key: Any, label: str, fact: Fact) -> None:
        """Store a fact; record it when an overlay or a correction replaces a different value."""
        old = table.get(key)
        if old is not None and old.value != fact.value:
            if self.layer == "overlay":
                self.store.overrides.append((label, old, fact))
            elif self.layer == "manual":
                self.store.corrected.append((label, old, fact))
        table[key] = fact

    def country(self, name: Any, shown: str, pos: Pos, what: str) -> str:
        """The canonical name for a country name or ISO3 code, or a located error."""
        expect_type(name, str, shown, pos, f"{what}: country")
        if name in self.store.countries:
            return name
        if len(self._folded) != len(self.store.countries):
            self._folded = {n.casefold(): n for n in self.store.countries}
            self._folded.update({iso.casefold(): n for n, iso in self.store.countries.items()})
        found = self._folded.get(name.strip().casefold())
        if found:
            return found
        hint = suggest(name, self.store.countries, cutoff=80)
        extra = f" (did you mean '{hint}'?)" if hint else " (not in country_codes.yaml)"
        raise fail(shown, f"{what}: unknown country '{name}'{extra}", pos)

    def sources(
        self,
        node: YamlMap,
        key: str,
        shown: str,
        what: str,
        local: dict[str, Source] | None = None,
        need_url: bool = False,
    ) -> tuple[Source, ...]:
        """The sources a fact cites by key (a string or a list): known, and with a url if asked."""
        pos = value_pos(node, key)
        raw = node.get(key)
        keys = [raw] if isinstance(raw, str) else raw
        if not isinstance(keys, list) or not keys or not all(isinstance(k, str) for k in keys):
            raise fail(shown, f"{what}: source must be a source key or a list of keys", pos)
        spots = raw.item_pos if isinstance(raw, YamlSeq) else [pos] * len(keys)
        found = []
        for k, pos in zip(keys, spots, strict=True):
            src = (local or {}).get(k) or self.store.sources.get(k)
            if src is None:
                hint = suggest(k, [*(local or {}), *self.store.sources], cutoff=85)
                extra = f" (did you mean '{hint}'?)" if hint else ""
                raise fail(shown, f"{what}: source '{k}' is not in sources.yaml{extra}", pos)
            if need_url and not src.url:
                raise fail(
                    shown, f"{what}: source '{k}' has no url (hand-written facts need one)", pos
                )
            found.append(src)
        return tuple(found)

    def local_sources(self, doc: YamlMap, shown: str) -> dict[str, Source]:
        """A hand file's own `sources:` block: key -> {url, what}, url required."""
        block = doc.get("sources")
        if block is None:
            return {}
        expect_type(block, YamlMap, shown, value_pos(doc, "sources"), "sources")
        out = {}
        for key, entry in block.items():
            what = f"source '{key}'"
            check_keys(entry, {"url", "what"}, {"url", "what"}, shown, what)
            url = expect_type(entry["url"], str, shown, value_pos(entry, "url"), f"{what}: url")
            if not url.startswith(("http://", "https://")):
                raise fail(
                    shown,
                    f"{what}: url must start with http:// or https://",
                    value_pos(entry, "url"),
                )
            out[str(key)] = Source(
                str(key),
                url,
                expect_type(entry["what"], str, shown, value_pos(entry, "what"), f"{what}: what"),
            )
        return out

    def tier(self, node: YamlMap, shown: str, what: str, year: int) -> str:
        """A placement's tier, checked against the tier list and the years the tier existed."""
        pos = value_pos(node, "tier")
        raw = node["tier"]
        value = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw
        expect_choice(value, ALL_TIERS, shown, pos, f"{what}: tier", "a tier")
        first = WATCH_LIST_FIRST
        if self.store.tier_system and "2WL" in self.store.tier_system.tiers:
            first = self.store.tier_system.tiers["2WL"].first_report or first
        if value == "2WL" and year < first:
            raise fail(shown, f"{what}: tier 2WL did not exist before the {first} report", pos)
        return value


def parse_date(
    value: Any, shown: str, pos: Pos, what: str
) -> tuple[datetime.date | None, str | None]:
    """An ISO date 'YYYY-MM-DD' (day precision) or 'YYYY-MM' (month precision; the 1st), or null."""
    if value is None:
        return None, None
    m = _DATE.match(value) if isinstance(value, str) else None
    try:
        if m:
            return datetime.date(int(m[1]), int(m[2]), int(m[3] or 1)), "day" if m[3] else "month"
    except ValueError:
        pass
    raise fail(shown, f"{what} {value!r} is not an ISO date (YYYY-MM-DD or YYYY-MM)", pos)


def shown_name(path: Path, base: Path | None, builtin: bool) -> str:
    """How a fact file is named in origins and errors: 'rules/facts/...' for the built-in base."""
    if builtin and base is not None:
        try:
            return "rules/facts/" + path.relative_to(base).as_posix()
        except ValueError:
            pass
    return display_path(path)
