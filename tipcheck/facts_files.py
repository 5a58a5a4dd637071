"""Loaders for generated-style fact files: sources, country codes, reports, officials, conflicts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tipcheck.facts_load import REPORT_FILE, REPORT_KEYS, Loader, Store, parse_date
from tipcheck.facts_types import Conflict, Fact, Official, ReportInfo, Source
from tipcheck.yamlsafe import Pos, YamlMap, YamlSeq, check_keys, expect_type, fail
from tipcheck.yamlsafe import value_pos as vp

_NONE = type(None)
_REPORT_TEXT = ("source", "notes", "weekday", "secretary_of_state", "tip_office_director")
_REPORT_FACTS = (
    "release_date", "weekday", "secretary_of_state", "tip_office_director", "notes",
    "countries_ranked",
)  # fmt: skip
_COUNT_KEYS = {"1", "2", "2WL", "3", "special", 1, 2, 3}


def load_sources(ld: Loader, doc: Any, shown: str) -> None:
    """sources.yaml: key -> {url, what, where?, per_fact_url?, rows?}."""
    doc = ld.top(doc, shown, {"sources"}, {"sources"})
    block = expect_type(doc["sources"], YamlMap, shown, vp(doc, "sources"), "sources")
    allowed = {"url", "what", "where", "per_fact_url", "rows"}
    for key, entry in block.items():
        what = f"source '{key}'"
        check_keys(entry, allowed, {"url", "what"}, shown, what)
        url = expect_type(entry["url"], (str, _NONE), shown, vp(entry, "url"), f"{what}: url")
        text = expect_type(entry["what"], str, shown, vp(entry, "what"), f"{what}: what")
        where = entry.get("where")
        ld.once(("source", key), shown, block.key_pos[key], what)
        ld.store.sources[str(key)] = Source(
            str(key), url, f"{text} ({where})" if where else text, str(where or "")
        )


def load_country_codes(ld: Loader, doc: Any, shown: str) -> None:
    """country_codes.yaml: canonical name -> ISO3."""
    doc = ld.top(doc, shown, {"countries"}, {"countries"})
    block = expect_type(doc["countries"], YamlMap, shown, vp(doc, "countries"), "countries")
    for name, iso in block.items():
        what = f"country '{name}'"
        pos = block.value_pos[name]
        expect_type(iso, str, shown, pos, f"{what}: code")
        if not re.fullmatch(r"[A-Z]{3}", iso):
            raise fail(shown, f"{what}: code '{iso}' is not three capital letters", pos)
        ld.store.countries[str(name)] = iso


def load_report(ld: Loader, doc: Any, shown: str, path: Path, keep: bool) -> None:
    """reports/YYYY.yaml: one report's calendar, counts and placements."""
    doc = ld.top(doc, shown, REPORT_KEYS, {"year"})
    year = expect_type(doc["year"], int, shown, vp(doc, "year"), "year")
    named = REPORT_FILE.match(path.name)
    if named and int(named.group(1)) != year:
        msg = f"year {year} does not match the file name {path.name}"
        raise fail(shown, msg, vp(doc, "year"))
    ld.once(("report", year), shown, vp(doc, "year"), f"report {year}")
    fields = ld.store.reports.setdefault(year, {})
    for key in _REPORT_TEXT:
        if doc.get(key) is not None:
            expect_type(doc[key], str, shown, vp(doc, key), key)
    src = (Source(f"tip_reports:{year}", None, doc.get("source") or ""),)
    release = doc.get("release_date")
    if release is not None:
        day, _ = parse_date(release, shown, vp(doc, "release_date"), "release_date")
        weekday = doc.get("weekday")
        if day and weekday and day.strftime("%A") != weekday:
            msg = f"weekday '{weekday}' does not match release_date {release}"
            raise fail(shown, f"{msg} (a {day.strftime('%A')})", vp(doc, "weekday"))
    for key in _REPORT_FACTS:
        if doc.get(key) is not None:
            if key == "countries_ranked":
                expect_type(doc[key], int, shown, vp(doc, key), key)
            fact = Fact(doc[key], src, f"{shown}:{vp(doc, key)[0]}")
            ld.put(fields, key, f"report {year} {key}", fact)
    if doc.get("source") is not None:
        fields["sources"] = src
    counts = doc.get("published_counts")
    if counts is not None:
        check_keys(counts, _COUNT_KEYS, set(), shown, "published_counts")
        for tier, n in counts.items():
            if n is not None:
                pos = counts.value_pos[tier]
                expect_type(n, int, shown, pos, f"published_counts {tier}")
                label = f"report {year} published count {tier}"
                ld.put(fields, ("count", str(tier)), label, Fact(n, src, f"{shown}:{pos[0]}"))
    block = doc.get("placements")
    if block is not None:
        expect_type(block, YamlMap, shown, vp(doc, "placements"), "placements")
        for name, entry in block.items():
            placement(ld, name, entry, year, shown, block.key_pos[name], keep)


def placement(
    ld: Loader, name: Any, entry: Any, year: int, shown: str, pos: Pos, keep: bool
) -> None:
    """One placement: country -> {tier, source, evidence?, url?, note?}."""
    what = f"placement '{name}' {year}"
    country = ld.country(name, shown, pos, what)
    allowed = {"tier", "source", "evidence", "url", "note"}
    check_keys(entry, allowed, {"tier", "source"}, shown, what)
    tier = ld.tier(entry, shown, what, year)
    url = entry.get("url")
    local: dict[str, Source] = {}
    if url is not None:
        expect_type(url, str, shown, vp(entry, "url"), f"{what}: url")
        raw = entry["source"]
        for key in [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []:
            if isinstance(key, str) and key not in ld.store.sources:
                local[key] = Source(key, url, "")
    sources = ld.sources(entry, "source", shown, what, local)
    if entry.get("evidence") is not None:
        sources = evidence(entry["evidence"], sources, shown, what, vp(entry, "evidence"))
    ld.once(("placement", country, year), shown, pos, what)
    if keep:
        fact = Fact(tier, sources, f"{shown}:{pos[0]}", str(entry.get("note") or ""))
        ld.put(ld.store.placements, (country, year), f"{country} {year}", fact)
        ld.store.layer_of[(country, year)] = ld.layer


def evidence(
    items: Any, sources: tuple[Source, ...], shown: str, what: str, pos: Pos
) -> tuple[Source, ...]:
    """Per-fact urls and quotes replace the cited keys' generic entries."""
    expect_type(items, YamlSeq, shown, pos, f"{what}: evidence")
    keys = {s.key for s in sources}
    specific: dict[str, list[Source]] = {}
    for item, ipos in zip(items, items.item_pos, strict=True):
        check_keys(
            item, {"source", "url", "ref", "quote"}, {"source", "quote"}, shown, f"{what}: evidence"
        )
        key = item["source"]
        if key not in keys:
            msg = f"{what}: evidence source '{key}' is not among the placement's sources"
            raise fail(shown, msg, ipos)
        ref = str(item.get("ref") or "")
        specific.setdefault(key, []).append(Source(key, item.get("url"), str(item["quote"]), ref))
    out: list[Source] = []
    for s in sources:
        out.extend(specific.get(s.key, [s]))
    return tuple(out)


def load_officials(ld: Loader, doc: Any, shown: str) -> None:
    """officials.yaml: list of terms; a later layer's term (same role, name, start) replaces it."""
    doc = ld.top(doc, shown, {"officials"}, {"officials"})
    items = expect_type(doc["officials"], YamlSeq, shown, vp(doc, "officials"), "officials")
    allowed = {"role", "name", "start", "end", "source", "note"}
    for item, ipos in zip(items, items.item_pos, strict=True):
        check_keys(item, allowed, {"role", "name", "source"}, shown, "official")
        for key in ("role", "name", "source"):
            expect_type(item[key], str, shown, vp(item, key), f"official: {key}")
        what = f"official '{item['name']}'"
        start, sp = parse_date(item.get("start"), shown, vp(item, "start"), f"{what}: start")
        end, ep = parse_date(item.get("end"), shown, vp(item, "end"), f"{what}: end")
        if start and end and end < start:
            msg = f"{what}: end {item['end']} is before start {item['start']}"
            raise fail(shown, msg, vp(item, "end"))
        role, name = item["role"], item["name"]
        src = Source(f"officials:{name}", item["source"], f"{role}: {name}")
        note, origin = str(item.get("note") or ""), f"{shown}:{ipos[0]}"
        official = Official(role, name, start, end, sp, src, ep, note, origin)
        terms = ld.store.officials
        # a hand-written term may also fill in the start an earlier layer left blank
        same = [i for i, o in enumerate(terms) if (o.role, o.name) == (role, name)
                and (o.start == start or (o.start is None and ld.layer != "generated"))]
        if same and ld.layer != "generated":
            terms[same[0]] = official
        else:
            terms.append(official)


def load_conflicts(ld: Loader, doc: Any, shown: str) -> None:
    """conflicts.yaml: the data's own list of disagreements."""
    doc = ld.top(doc, shown, {"conflicts"}, {"conflicts"})
    items = expect_type(doc["conflicts"], YamlSeq, shown, vp(doc, "conflicts"), "conflicts")
    keys = {"iso3", "countries", "year", "chosen", "chosen_sources", "rejected", "resolution"}
    for item, ipos in zip(items, items.item_pos, strict=True):
        check_keys(item, keys, {"iso3", "year"}, shown, "conflict")
        year = expect_type(item["year"], int, shown, vp(item, "year"), "conflict: year")
        names = item.get("countries") or []
        expect_type(names, list, shown, vp(item, "countries"), "conflict: countries")
        countries = tuple(ld.country(n, shown, vp(item, "countries"), "conflict") for n in names)
        text = {k: (None if item.get(k) is None else str(item[k])) for k in keys}
        ld.store.conflicts.append(
            Conflict(
                str(item["iso3"]),
                countries,
                year,
                text["chosen"],
                text["chosen_sources"],
                text["rejected"],
                text["resolution"],
                f"{shown}:{ipos[0]}",
            )
        )


def report_info(year: int, f: dict, store: Store, counts: bool) -> ReportInfo:
    """One ReportInfo from the merged report fields (without counts when `counts` is off)."""
    release: Fact | None = f.get("release_date")
    day = month = None
    if release is not None:
        path, _, line = release.origin.rpartition(":")
        parsed, precision = parse_date(release.value, path, (int(line), 1), "release_date")
        month = (parsed.year, parsed.month) if parsed else None
        day = parsed if precision == "day" else None
    weekday = day.strftime("%A") if day else (f["weekday"].value if "weekday" in f else None)
    published = {}
    if counts:
        published = {k[1]: v for k, v in f.items() if isinstance(k, tuple) and k[0] == "count"}
    first = store.first_report.value if store.first_report else None
    return ReportInfo(
        year=year,
        release_date=day,
        release_month=month,
        weekday=weekday,
        published_counts=published,
        countries_ranked=f.get("countries_ranked") if counts else None,
        countries_covered=store.covered.get(year) if counts else None,
        secretary=f.get("secretary_of_state"),
        tip_director=f.get("tip_office_director"),
        sources=f.get("sources", ()),
        release=release,
        notes=f["notes"].value if "notes" in f else "",
        ordinal=year - first + 1 if first else None,
    )
