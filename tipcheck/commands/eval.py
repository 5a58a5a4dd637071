"""`tipcheck eval DIR...`: score tipcheck against annotated documents (coverage, recall, precision)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from tipcheck.commands.common import choose_format, fail, load_checker
from tipcheck.errors import ExitCode, TipcheckError
from tipcheck.eval_load import Annotation, load_folder
from tipcheck.evaluate import GroupScore, Landing, Miss, Row, below, evaluate, split_groups

if TYPE_CHECKING:  # rich is imported by the rich format only
    from rich.console import Console

HEADER = ("type", "claims", "read", "coverage", "wrong", "found", "recall", "findings",
          "false pos", "precision")


def eval_command(
    dirs: list[Path] = typer.Argument(..., help="Folders of annotated pairs (NNN.txt + NNN.yaml)."),
    fmt: str = typer.Option(None, "--format", help="rich | parsable | json"),
    no_facts: bool = typer.Option(False, "--no-facts",
                                  help="Check documents only against each other and invariants."),
    show_unread: bool = typer.Option(False, "--show-unread",
                                     help="List unread claim-like sentences and unread claims."),
    min_recall: float = typer.Option(None, "--min-recall", min=0.0, max=1.0,
                                     help="Exit 1 when a group's recall is below this (0-1)."),
    min_precision: float = typer.Option(None, "--min-precision", min=0.0, max=1.0,
                                        help="Exit 1 when a group's precision is below this."),
    min_coverage: float = typer.Option(None, "--min-coverage", min=0.0, max=1.0,
                                       help="Exit 1 when a group's coverage is below this."),
) -> None:
    """Score tipcheck on annotated documents: each DIR's originals and planted copies apart."""
    chosen = choose_format(fmt)
    groups = _load_groups(dirs)
    checker = load_checker(no_facts, None)
    scores = [evaluate(annotations, checker, name) for name, annotations in groups]
    minimum = {"recall": min_recall, "precision": min_precision, "coverage": min_coverage}
    failed = [(s.name, why) for s in scores for why in below(s, minimum)]
    if chosen == "json":
        typer.echo(json.dumps({"groups": [group_record(s) for s in scores],
                               "thresholds": minimum, "passed": not failed},
                              indent=2, ensure_ascii=False))
    elif chosen == "rich":
        from rich.console import Console

        console = Console(no_color=bool(os.environ.get("NO_COLOR")), highlight=False)
        for group in scores:
            _rich(group, console, show_unread)
    else:
        typer.echo("\n\n".join(text_report(s, show_unread) for s in scores))
    for name, why in failed:
        typer.echo(f"tipcheck: {name}: {why}", err=True)
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.CLEAN)


def _load_groups(dirs: list[Path]) -> list[tuple[str, list[Annotation]]]:
    """Every DIR's annotations, split into originals and planted copies; bad input exits 3."""
    groups = []
    for folder in dirs:
        if not folder.is_dir():
            raise fail(f"{folder}: not a folder of annotated documents", ExitCode.INCOMPLETE)
        try:
            annotations, notes = load_folder(folder)
        except TipcheckError as error:
            raise fail(str(error.problem), ExitCode.INCOMPLETE) from None
        for note in notes:
            typer.echo(f"tipcheck: note: {note}", err=True)
        groups += [(f"{folder} ({name})", group) for name, group in split_groups(annotations)]
    return groups


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def table_rows(group: GroupScore) -> list[tuple[str, ...]]:
    """The table's rows: one per claim type, then overall."""
    def cells(row: Row) -> tuple[str, ...]:
        return (row.type, str(row.claims), str(row.read), _pct(row.coverage), str(row.wrong),
                str(row.found), _pct(row.recall), str(row.findings), str(row.false_positives),
                _pct(row.precision))
    return [cells(r) for r in group.rows.values()] + [cells(group.overall)]


def summary_lines(group: GroupScore, show_unread: bool = False) -> list[str]:
    """What the table leaves out: planted mistakes found, findings left out, unread sentences."""
    o = group.overall
    lines = [f"{group.documents} documents; {o.found} of {o.wrong} wrong claims found, "
             f"{o.false_positives} false positives, {len(group.not_read)} claims not read"]
    if o.planted:
        lines.append(f"planted mistakes found: {o.planted_found} of {o.planted}")
    if o.left_out:
        lines.append(f"{o.left_out} findings landed only on unverifiable claims (left out)")
    hint = " (--show-unread lists them)" if group.unread and not show_unread else ""
    lines.append(f"{len(group.unread)} claim-like sentences left unread{hint}")
    return lines


def _flat(text: str, limit: int | None = None) -> str:
    """Text on one line (quotes may span lines), cut to `limit` characters."""
    flat = " ".join(text.split())
    return flat if limit is None or len(flat) <= limit else flat[: limit - 3] + "..."


def miss_line(miss: Miss, limit: int = 3) -> str:
    """`path:line: "quote" (basis); read as ... / not read; notes`."""
    c = miss.claim
    read = "; ".join(f"{r.kind} {dict(r.fields)}" for r in miss.read_as[:limit])
    more = f" (+{len(miss.read_as) - limit} more)" if len(miss.read_as) > limit else ""
    read = f"read as {read}{more}" if miss.read_as else "not read"
    messages = list(dict.fromkeys(f"{f.message} ({f.rule})" for f in miss.notes))
    notes = "".join(f"; note: {m}" for m in messages[:limit])
    planted = " [planted]" if c.planted else ""
    return (f'{miss.path}:{c.line}:{planted} "{_flat(c.quote)}" ({_flat(c.basis, 120)}); '
            f"{read}{notes}")


def false_positive_line(landing: Landing) -> str:
    """`path:line:col: [severity] message (rule) on "quote"; what it landed on`."""
    f = landing.finding
    on = "; ".join(f'{c.verdict} claim "{_flat(c.quote)}"' for c in landing.claims) or \
        "no annotated claim"
    return (f'{f.path}:{f.line}:{f.column}: [{f.severity}] {f.message} ({f.rule}) '
            f'on "{_flat(f.quote)}"; {on}')


def _by_type(items: list[Any], typ: Any) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {}
    for item in items:
        grouped.setdefault(typ(item), []).append(item)
    return grouped


def listings(group: GroupScore, show_unread: bool) -> list[tuple[str, dict[str, list[str]]]]:
    """Titled sections of lines, grouped by claim type."""
    sections = [
        ("misses (wrong claims without an error or warning)",
         {t: [miss_line(m) for m in ms]
          for t, ms in _by_type(group.misses, lambda m: m.claim.type).items()}),
        ("false positives",
         {t: [false_positive_line(x) for x in xs]
          for t, xs in _by_type(group.false_positives, lambda x: x.type).items()}),
    ]
    if show_unread:
        sections.append(("annotated claims not read", {
            t: [f'{p}:{c.line}: "{_flat(c.quote)}"' for p, c in cs]
            for t, cs in _by_type(group.not_read, lambda pc: pc[1].type).items()}))
        sections.append(("claim-like sentences left unread", {
            t: [f"{u.path}:{u.line}: {_flat(u.text)}" for u in us]
            for t, us in _by_type(group.unread,
                                  lambda u: ", ".join(u.types) or "no annotated claim").items()}))
    return sections


def text_report(group: GroupScore, show_unread: bool) -> str:
    """The plain-text report of one group: table, summary, listings."""
    rows = [HEADER, *table_rows(group)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
    lines = [group.name]
    for row in rows:
        lines.append("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                               for i, (cell, w) in enumerate(zip(row, widths, strict=True))))
    lines += summary_lines(group, show_unread)
    for title, by_type in listings(group, show_unread):
        if by_type:
            lines.append(f"\n{title}:")
            for typ, items in by_type.items():
                lines.append(f"  {typ}")
                lines += [f"    {item}" for item in items]
    return "\n".join(lines)


def _rich(group: GroupScore, console: Console, show_unread: bool) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(group.name), title_justify="left")
    for i, name in enumerate(HEADER):
        table.add_column(name, justify="left" if i == 0 else "right")
    rows = table_rows(group)
    for row in rows[:-1]:
        table.add_row(*row)
    table.add_row(*rows[-1], style="bold", end_section=True)
    console.print(table)
    for line in summary_lines(group, show_unread):
        console.print(escape(line))
    for title, by_type in listings(group, show_unread):
        if by_type:
            console.print(f"\n[bold]{escape(title)}[/bold]")
            for typ, items in by_type.items():
                console.print(f"  [cyan]{escape(typ)}[/cyan]")
                for item in items:
                    console.print(f"    {escape(item)}")
    console.print()


def _row_record(row: Row) -> dict[str, Any]:
    return {"type": row.type, "claims": row.claims, "read": row.read, "coverage": row.coverage,
            "wrong": row.wrong, "found": row.found, "recall": row.recall,
            "planted": row.planted, "planted_found": row.planted_found,
            "findings": row.findings, "on_target": row.on_target,
            "false_positives": row.false_positives, "precision": row.precision,
            "left_out": row.left_out}


def _claim_record(path: str, claim: Any) -> dict[str, Any]:
    return {"path": path, "line": claim.line, "type": claim.type, "quote": claim.quote,
            "verdict": claim.verdict, "contested": claim.contested, "planted": claim.planted,
            "source": claim.source}


def group_record(group: GroupScore) -> dict[str, Any]:
    """One group as JSON: rows, overall, misses, false positives, unread."""
    return {
        "name": group.name, "documents": group.documents,
        "rows": [_row_record(r) for r in group.rows.values()],
        "overall": _row_record(group.overall),
        "misses": [{**_claim_record(m.path, m.claim), "basis": m.claim.basis,
                    "read_as": [{"kind": r.kind, "fields": dict(r.fields), "text": r.text}
                                for r in m.read_as],
                    "notes": [{"rule": f.rule, "message": f.message} for f in m.notes]}
                   for m in group.misses],
        "false_positives": [{"path": x.finding.path, "line": x.finding.line,
                             "column": x.finding.column, "severity": x.finding.severity,
                             "rule": x.finding.rule, "message": x.finding.message,
                             "quote": x.finding.quote, "type": x.type, "kind": x.kind,
                             "landed_on": [_claim_record(x.finding.path, c) for c in x.claims]}
                            for x in group.false_positives],
        "not_read": [_claim_record(p, c) for p, c in group.not_read],
        "unread": [{"path": u.path, "line": u.line, "text": u.text, "types": list(u.types)}
                   for u in group.unread],
    }
