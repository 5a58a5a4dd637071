"""Hand-written fact files (rules/facts/manual/): tiers, consequences, reports, corrections."""

from __future__ import annotations

from typing import Any

from tipcheck.facts_load import Loader, parse_date
from tipcheck.facts_types import ALL_TIERS, Fact, Source, Statement, TierInfo, TierSystem
from tipcheck.yamlsafe import (
    YamlMap,
    YamlSeq,
    check_keys,
    expect_choice,
    expect_type,
    fail,
    value_pos,
)

STATEMENT_KEYS = {"value", "text", "source", "note"}


def statement(
    loader: Loader,
    name: str,
    node: Any,
    shown: str,
    local: dict[str, Source],
    extra: set[str] = frozenset(),
) -> Statement:
    """A named, sourced statement: {value?, text, source, note?, ...extra}."""
    what = f"'{name}'"
    check_keys(node, STATEMENT_KEYS | extra, {"text", "source"}, shown, what)
    text = expect_type(node["text"], str, shown, value_pos(node, "text"), f"{what}: text")
    sources = loader.sources(node, "source", shown, what, local, need_url=True)
    applies = node.get("applies_to") or ()
    if applies:
        expect_type(applies, YamlSeq, shown, value_pos(node, "applies_to"), f"{what}: applies_to")
        for tier in applies:
            expect_choice(
                str(tier),
                ALL_TIERS,
                shown,
                value_pos(node, "applies_to"),
                f"{what}: applies_to",
                "a tier",
            )
    others = {k: v for k, v in node.items() if k in extra and k not in ("applies_to", "citation")}
    return Statement(
        name,
        text,
        node.get("value"),
        sources,
        f"{shown}:{node.line}",
        tuple(str(t) for t in applies),
        str(node.get("citation") or ""),
        str(node.get("note") or ""),
        others,
    )


def load_tier_system(loader: Loader, doc: Any, shown: str) -> None:
    """tier_system.yaml: the tiers, their rank and first year, and named facts about the system."""
    doc = loader.top(doc, shown, {"sources", "tiers", "facts"}, {"tiers"})
    local = loader.local_sources(doc, shown)
    block = expect_type(doc["tiers"], YamlMap, shown, value_pos(doc, "tiers"), "tiers")
    tiers: dict[str, TierInfo] = {}
    keys = {"name", "rank", "first_report", "last_report", "meaning", "aliases", "source", "note"}
    for code, node in block.items():
        code_s = expect_choice(str(code), ALL_TIERS, shown, block.key_pos[code], "tier", "a tier")
        what = f"tier {code_s}"
        check_keys(node, keys, {"name", "rank", "first_report", "meaning", "source"}, shown, what)
        for key in ("rank", "first_report", "last_report"):
            expect_type(
                node.get(key), (int, type(None)), shown, value_pos(node, key), f"{what}: {key}"
            )
        text = expect_type(
            node["meaning"], str, shown, value_pos(node, "meaning"), f"{what}: meaning"
        )
        srcs = loader.sources(node, "source", shown, what, local, need_url=True)
        meaning = Statement(
            code_s, text, None, srcs, f"{shown}:{node.line}", note=str(node.get("note") or "")
        )
        aliases = tuple(str(a) for a in node.get("aliases") or ())
        tiers[code_s] = TierInfo(
            code_s,
            str(node["name"]),
            node["rank"],
            node["first_report"],
            meaning,
            aliases,
            node.get("last_report"),
        )
    facts = {}
    for name, node in (doc.get("facts") or {}).items():
        facts[str(name)] = statement(loader, str(name), node, shown, local, {"from_report"})
    loader.store.tier_system = TierSystem(tiers, facts)


def load_consequences(loader: Loader, doc: Any, shown: str) -> None:
    """consequences.yaml: what a placement entails, with citations."""
    doc = loader.top(doc, shown, {"sources", "consequences"}, {"consequences"})
    local = loader.local_sources(doc, shown)
    block = expect_type(
        doc["consequences"], YamlMap, shown, value_pos(doc, "consequences"), "consequences"
    )
    for name, node in block.items():
        loader.store.consequences[str(name)] = statement(
            loader, str(name), node, shown, local, {"applies_to", "citation", "first_report"}
        )


def load_reports_facts(loader: Loader, doc: Any, shown: str, placements: bool) -> None:
    """reports.yaml: first report, release dates, countries covered, complete lists, absences."""
    allowed = {
        "sources",
        "first_report",
        "release_dates",
        "countries_covered",
        "complete_lists",
        "not_in_report",
    }
    doc = loader.top(doc, shown, allowed, set())
    local = loader.local_sources(doc, shown)
    store = loader.store

    def sourced(node: Any, what: str, keys: set[str], required: set[str]) -> tuple[Source, ...]:
        check_keys(node, keys | {"source", "note"}, required | {"source"}, shown, what)
        return loader.sources(node, "source", shown, what, local, need_url=True)

    if doc.get("first_report") is not None:
        node = doc["first_report"]
        srcs = sourced(node, "first_report", {"value", "text"}, {"value"})
        value = expect_type(
            node["value"], int, shown, value_pos(node, "value"), "first_report: value"
        )
        store.first_report = Fact(value, srcs, f"{shown}:{node.line}", str(node.get("text") or ""))
    for year, node in _years(doc, "release_dates", shown):
        what = f"release date {year}"
        srcs = sourced(node, what, {"date"}, {"date"})
        parse_date(node["date"], shown, value_pos(node, "date"), f"{what}:")
        fact = Fact(node["date"], srcs, f"{shown}:{node.line}", str(node.get("note") or ""))
        loader.put(
            store.reports.setdefault(year, {}), "release_date", f"report {year} release_date", fact
        )
    if not placements:
        return
    for year, node in _years(doc, "countries_covered", shown):
        what = f"countries covered {year}"
        srcs = sourced(node, what, {"value"}, {"value"})
        value = expect_type(node["value"], int, shown, value_pos(node, "value"), f"{what}: value")
        loader.put(
            store.covered,
            year,
            what,
            Fact(value, srcs, f"{shown}:{node.line}", str(node.get("note") or "")),
        )
    for year, node in _years(doc, "complete_lists", shown):
        what = f"complete lists {year}"
        srcs = sourced(node, what, {"tiers"}, {"tiers"})
        tiers = expect_type(
            node["tiers"], YamlSeq, shown, value_pos(node, "tiers"), f"{what}: tiers"
        )
        for tier, pos in zip(tiers, tiers.item_pos, strict=True):
            tier = expect_choice(str(tier), ALL_TIERS, shown, pos, f"{what}: tier", "a tier")
            store.complete[(year, tier)] = Fact(
                True, srcs, f"{shown}:{pos[0]}", str(node.get("note") or "")
            )
    block = doc.get("not_in_report") or {}
    expect_type(block, dict, shown, value_pos(doc, "not_in_report"), "not_in_report")
    for name, node in block.items():
        what = f"not_in_report '{name}'"
        country = loader.country(name, shown, block.key_pos[name], what)
        srcs = sourced(node, what, {"years"}, {"years"})
        years = expect_type(
            node["years"], YamlSeq, shown, value_pos(node, "years"), f"{what}: years"
        )
        for year, pos in zip(years, years.item_pos, strict=True):
            expect_type(year, int, shown, pos, f"{what}: year")
            loader.once(("not_in_report", country, year), shown, pos, f"{what} {year}")
            store.layer_of[("not_in_report", country, year)] = loader.layer
            store.not_in_report[(country, year)] = Fact(
                "not_in_report", srcs, f"{shown}:{pos[0]}", str(node.get("note") or "")
            )


def _years(doc: YamlMap, key: str, shown: str) -> list[tuple[int, Any]]:
    """A year-keyed block's entries, keys checked to be years."""
    block = doc.get(key) or {}
    expect_type(block, dict, shown, value_pos(doc, key), key)
    for year in block:
        if not isinstance(year, int) or isinstance(year, bool):
            raise fail(shown, f"{key}: {year!r} is not a year", block.key_pos[year])
    return list(block.items())


def load_corrections(loader: Loader, doc: Any, shown: str, placements: bool) -> None:
    """corrections.yaml: list of {country, year, tier, source, url, reason} over generated ones."""
    doc = loader.top(doc, shown, {"corrections"}, {"corrections"})
    items = expect_type(
        doc["corrections"], YamlSeq, shown, value_pos(doc, "corrections"), "corrections"
    )
    keys = {"country", "year", "tier", "source", "url", "reason"}
    for item, pos in zip(items, items.item_pos, strict=True):
        check_keys(item, keys, keys, shown, "correction")
        year = expect_type(item["year"], int, shown, value_pos(item, "year"), "correction: year")
        what = f"correction '{item['country']}' {year}"
        country = loader.country(item["country"], shown, value_pos(item, "country"), what)
        tier = loader.tier(item, shown, what, year)
        url = expect_type(item["url"], str, shown, value_pos(item, "url"), f"{what}: url")
        if not url.startswith(("http://", "https://")):
            raise fail(
                shown, f"{what}: url must start with http:// or https://", value_pos(item, "url")
            )
        label = expect_type(
            item["source"], str, shown, value_pos(item, "source"), f"{what}: source"
        )
        reason = expect_type(
            item["reason"], str, shown, value_pos(item, "reason"), f"{what}: reason"
        )
        loader.once(("placement", country, year), shown, pos, f"correction '{country}' {year}")
        if placements:
            fact = Fact(tier, (Source(label, url, reason),), f"{shown}:{pos[0]}", reason)
            old = loader.store.placements.get((country, year))
            loader.store.placements[(country, year)] = fact
            loader.store.layer_of[(country, year)] = loader.layer
            if loader.layer == "overlay" and old is not None and old.value != tier:
                loader.store.overrides.append((f"{country} {year}", old, fact))
            elif loader.layer != "overlay":
                loader.store.corrected.append((f"{country} {year}", old, fact))
