"""The fact base: sourced TIP placements, report calendar, officials and the tier system.

Layers, later wins: rules/facts/generated/ (imported from the shared csv data), then
rules/facts/manual/ (hand facts, corrections and hand-written reports/YYYY.yaml), then any
overlays given by the user (`--facts PATH`).
A country-year without a placement is "unknown" unless a hand fact says it was not in the report.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from tipcheck import facts_files, facts_hand
from tipcheck.facts_files import report_info
from tipcheck.facts_load import KIND_ORDER, Loader, Store, classify, shown_name
from tipcheck.facts_types import (
    ALL_TIERS,
    TIERS,
    Conflict,
    Fact,
    Official,
    ReportInfo,
    Source,
    Statement,
    TierInfo,
    TierSystem,
    match_officials,
    normalize_tier,
    tier_rank,
)
from tipcheck.paths import facts_dir as builtin_facts_dir
from tipcheck.yamlsafe import fail

__all__ = [
    "ALL_TIERS", "TIERS", "Conflict", "Fact", "FactBase", "Official", "ReportInfo", "Source",
    "Statement", "TierInfo", "TierSystem", "load_fact_base", "normalize_tier", "tier_rank",
]  # fmt: skip

GENERATED = ("sources.yaml", "country_codes.yaml", "officials.yaml", "conflicts.yaml")
MANUAL = ("tier_system.yaml", "consequences.yaml", "reports.yaml", "corrections.yaml")


class FactBase:
    """Read-only, sourced facts about the TIP reports; build it with `load_fact_base`."""

    def __init__(self, store: Store, version: str, include_placements: bool) -> None:
        self.version = version
        self.has_placements = include_placements and bool(store.placements)
        self._placements = store.placements if include_placements else {}
        self._not_in = store.not_in_report if include_placements else {}
        self._complete = store.complete if include_placements else {}
        self._layer_of = dict(store.layer_of)
        self._countries = dict(store.countries)
        self._folded = {n.casefold(): n for n in store.countries}
        self._folded.update({iso.casefold(): n for n, iso in store.countries.items()})
        self._sources = store.sources
        self._conflicts = list(store.conflicts)
        self.overrides: list[tuple[str, Fact, Fact]] = list(store.overrides)
        self.corrected: list[tuple[str, Fact | None, Fact]] = list(store.corrected)
        self.files: tuple[str, ...] = tuple(store.files)
        self.first_report: Fact | None = store.first_report
        self.tier_system: TierSystem = store.tier_system or TierSystem({}, {})
        self.consequences: dict[str, Statement] = dict(store.consequences)
        self._counted = Counter((year, fact.value) for (_, year), fact in self._placements.items())
        self._by_country: dict[str, dict[int, Fact]] = {}
        for (country, year), fact in sorted(self._placements.items(), key=lambda i: i[0][1]):
            self._by_country.setdefault(country, {})[year] = fact
        self._reports = {
            y: report_info(y, f, store, include_placements) for y, f in store.reports.items()
        }
        years = sorted(self._reports)
        self.years = range(years[0], years[-1] + 1) if years else range(0)
        latest: dict[str, Official] = {}
        for o in store.officials:
            if o.start and (
                o.role not in latest or (latest[o.role].start or datetime.date.min) < o.start
            ):
                latest[o.role] = o
        self._officials = [
            replace(o, incumbent=o.end is None and latest.get(o.role) is o) for o in store.officials
        ]

    # ------------------------------------------------------------ countries and placements

    def countries(self) -> dict[str, str]:
        """Canonical country names -> ISO3 codes."""
        return dict(self._countries)

    def resolve_country(self, name: str) -> str | None:
        """The canonical name for a canonical name or ISO3 code (any case), else None."""
        return name if name in self._countries else self._folded.get(name.strip().casefold())

    def tier(self, country: str, year: int) -> Fact | None:
        """The placement of a country in a year's report, or None when not held."""
        name = self.resolve_country(country)
        return self._placements.get((name, year)) if name else None

    def status(self, country: str, year: int) -> str:
        """'placed', 'not_in_report' (a sourced hand fact says so) or 'unknown'."""
        name = self.resolve_country(country)
        if name and (name, year) in self._placements:
            return "placed"
        if name and (name, year) in self._not_in:
            return "not_in_report"
        return "unknown"

    def not_in_report(self, country: str, year: int) -> Fact | None:
        """The sourced fact that a country was in no tier of a year's report, if we hold one."""
        name = self.resolve_country(country)
        return self._not_in.get((name, year)) if name else None

    def history(self, country: str) -> dict[int, Fact]:
        """All placements of a country, by year (ascending)."""
        name = self.resolve_country(country)
        return dict(self._by_country.get(name, {})) if name else {}

    def placements(self, year: int, tier: str | None = None) -> dict[str, Fact]:
        """The placements we hold for a year (optionally one tier), by country."""
        return {
            c: f
            for (c, y), f in sorted(self._placements.items())
            if y == year and tier in (None, f.value)
        }

    def all_placements(self) -> dict[tuple[str, int], Fact]:
        """Every placement we hold, keyed by (country, year)."""
        return dict(self._placements)

    def all_not_in_report(self) -> dict[tuple[str, int], Fact]:
        """Every sourced 'not in that year's report' fact, keyed by (country, year)."""
        return dict(self._not_in)

    def complete_lists(self) -> dict[tuple[int, str], Fact]:
        """The (year, tier) lists we hold in full, with the facts that say so."""
        return dict(self._complete)

    def layer(self, country: str, year: int) -> str | None:
        """Which layer set a placement: 'generated', 'manual' or 'overlay' (None: not placed)."""
        name = self.resolve_country(country)
        return self._layer_of.get((name, year)) if name and (name, year) in self._placements else None

    def published_count(self, year: int, tier: str) -> Fact | None:
        """A count printed in a cited source, or None."""
        report = self._reports.get(year)
        return report.published_counts.get(tier) if report else None

    def counted(self, year: int, tier: str) -> int:
        """How many placements on `tier` we hold for `year` (a floor when lists are partial)."""
        return self._counted.get((year, tier), 0)

    def is_complete(self, year: int, tier: str) -> bool:
        """Whether we hold the full list for that year and tier (per manual/reports.yaml)."""
        return (year, tier) in self._complete

    def count(self, year: int, tier: str) -> Fact | None:
        """The published count; else our own count when our list is known complete; else None."""
        published = self.published_count(year, tier)
        if published is not None:
            return published
        complete = self._complete.get((year, tier))
        if complete is None:
            return None
        return Fact(
            self.counted(year, tier),
            complete.sources,
            complete.origin,
            "counted from complete list",
        )

    def conflicts(self, country: str | None = None, year: int | None = None) -> list[Conflict]:
        """Recorded source disagreements, optionally for one country and/or year."""
        name = self.resolve_country(country) if country else None
        return [
            c for c in self._conflicts
            if (country is None or name in c.countries) and (year is None or c.year == year)
        ]  # fmt: skip

    def source(self, key: str) -> Source | None:
        """A source by key (rules/facts/generated/sources.yaml)."""
        return self._sources.get(key)

    # ------------------------------------------------------------ reports and tiers

    def report(self, year: int) -> ReportInfo | None:
        """What we know about one year's report."""
        return self._reports.get(year)

    def report_years_released_before(self, d: datetime.date) -> list[int]:
        """Report years certainly released before day `d` (strictly)."""
        return [
            y for y, r in sorted(self._reports.items()) if (b := r.release_bounds()) and b[1] < d
        ]

    def current_report(self, d: datetime.date) -> int | None:
        """The latest report certainly released on or before day `d`."""
        years = [y for y, r in self._reports.items() if (b := r.release_bounds()) and b[1] <= d]
        return max(years) if years else None

    def tier_exists(self, tier: str, year: int) -> bool:
        """Whether the report of `year` could use `tier` (2WL only from the 2004 report)."""
        if self.tier_system.tiers:
            return self.tier_system.exists(tier, year)
        return tier in ALL_TIERS and not (tier == "2WL" and year < 2004)

    def tiers_in(self, year: int) -> tuple[str, ...]:
        """The ranked categories of a year's report, best first."""
        return tuple(t for t in TIERS if self.tier_exists(t, year))

    # ------------------------------------------------------------ officials

    def officials(self, role: str | None = None) -> list[Official]:
        """All terms, or those of one role (case-insensitive), in data order."""
        return [o for o in self._officials if role is None or o.role.casefold() == role.casefold()]

    def find_official(self, name: str) -> list[Official]:
        """Terms of the person a name means: 'Rice', 'Condoleezza Rice', 'Mark P. Lagon', typos."""
        return match_officials(self._officials, name)

    def in_office(self, name_or_role: str, d: datetime.date) -> list[Official]:
        """Terms surely covering day `d`: of a role if the text names one, else of that person."""
        terms = self.officials(name_or_role) or self.find_official(name_or_role)
        return [o for o in terms if o.covers(d)]

    def was_in_office(self, name: str, d: datetime.date) -> bool | None:
        """Whether a person held office on day `d`; None when dates or name leave it open."""
        answers = [o.covers(d) for o in self.find_official(name)]
        if True in answers:
            return True
        return None if (None in answers or not answers) else False


def _files(root: Path) -> list[Path]:
    """The fact files of an overlay folder (or the file itself), in load order."""
    paths = [root] if root.is_file() else sorted(p for p in root.rglob("*.yaml") if p.is_file())
    kinds = []
    for p in paths:
        kind = classify(p)
        if kind is None:
            names = ", ".join(sorted([*GENERATED, *MANUAL, "YYYY.yaml"]))
            raise fail(p, f"not a fact file name (expected one of: {names})")
        if kind != "ignore":
            kinds.append((KIND_ORDER.index(kind), str(p), p, kind))
    return [p for *_, p, _ in sorted(kinds)]


def load_fact_base(
    facts_dir: Path | None = None, overlays: Sequence[Path] = (), include_placements: bool = True
) -> FactBase:
    """Load the fact base (generated + manual layers) plus overlays, validating every file."""
    builtin = facts_dir is None
    base = Path(facts_dir) if facts_dir is not None else builtin_facts_dir()
    loader = Loader()

    def load(path: Path, kind: str, shown: str) -> None:
        doc = loader.read(path, shown)
        if kind == "report":
            facts_files.load_report(loader, doc, shown, path, include_placements)
        elif kind in ("sources", "country_codes", "officials", "conflicts"):
            getattr(facts_files, f"load_{kind}")(loader, doc, shown)
        elif kind == "tier_system":
            facts_hand.load_tier_system(loader, doc, shown)
        elif kind == "consequences":
            facts_hand.load_consequences(loader, doc, shown)
        elif kind == "reports":
            facts_hand.load_reports_facts(loader, doc, shown, include_placements)
        else:
            facts_hand.load_corrections(loader, doc, shown, include_placements)

    gen, man = base / "generated", base / "manual"
    plan = [("manual", man / "tier_system.yaml")]
    plan += [("generated", gen / n) for n in GENERATED[:2]]
    plan += [("generated", p) for p in sorted((gen / "reports").glob("*.yaml"))]
    plan += [("generated", gen / n) for n in GENERATED[2:]]
    plan += [("manual", man / MANUAL[1])]
    # hand-written reports (next year's report, or one corrected fact), validated like generated ones
    plan += [("manual", p) for p in sorted((man / "reports").glob("*.yaml"))]
    plan += [("manual", man / n) for n in MANUAL[2:]]
    plan += [("manual", man / "officials.yaml")]  # hand corrections to officials' terms (sourced)
    for layer, path in plan:
        if not path.is_file():
            continue
        kind = classify(path)
        if kind is None:
            raise fail(
                shown_name(path, base, builtin), "not a report file name (expected YYYY.yaml)"
            )
        if loader.layer != layer:
            loader.start_layer(layer)
        load(path, kind, shown_name(path, base, builtin))
    for overlay in overlays:
        loader.start_layer("overlay")
        if not Path(overlay).exists():
            raise fail(Path(overlay), "overlay not found")
        for path in _files(Path(overlay)):
            load(path, classify(path) or "", shown_name(path, None, False))
    _check_not_in_report(loader.store)
    return FactBase(loader.store, loader.digest.hexdigest()[:12], include_placements)


def _check_not_in_report(store: Store) -> None:
    """A country-year cannot be both placed and not in the report; an overlay's word wins."""
    for key, fact in list(store.not_in_report.items()):
        placed = store.placements.get(key)
        if placed is None:
            continue
        label = f"{key[0]} {key[1]}"
        if (
            store.layer_of.get(key) == "overlay"
            and store.layer_of.get(("not_in_report", *key)) != "overlay"
        ):
            store.overrides.append((label, fact, placed))
            del store.not_in_report[key]
            continue
        if (
            store.layer_of.get(("not_in_report", *key)) == "overlay"
            and store.layer_of.get(key) != "overlay"
        ):
            store.overrides.append((label, placed, fact))
            del store.placements[key]
            continue
        path, _, line = fact.origin.rpartition(":")
        msg = f"not_in_report '{key[0]}' {key[1]} contradicts the placement at {placed.origin}"
        raise fail(path, msg, (int(line), 1) if line.isdigit() else None)
