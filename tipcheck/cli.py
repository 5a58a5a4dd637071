"""The command line: `tipcheck scan`, `tipcheck explain`, `tipcheck rules`; more in commands/."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import typer

import tipcheck.fast_start  # noqa: F401 -- first: the modules below compile their patterns on import
from tipcheck.commands import register

# Each command imports what it needs when it runs (a draft checked from an editor starts fast).

FACTS_HELP = "Your own fact files (folder or file), layered over the built-in facts; yours win."
app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Fact-check claims about the U.S. Trafficking in Persons (TIP) Report.")


@app.command()
def scan(
    paths: list[Path] = typer.Argument(..., help="Files and folders (.md .txt .html .docx) to check."),
    fmt: str = typer.Option(None, "--format", help="rich | parsable | json | sarif | github"),
    year: int = typer.Option(None, "--year", help="The report year the documents speak of."),
    no_facts: bool = typer.Option(False, "--no-facts",
                                  help="Check documents only against each other and invariants."),
    show_verified: bool = typer.Option(False, "--show-verified",
                                       help="Also list the claims that were checked and hold."),
    facts_paths: list[Path] = typer.Option(None, "--facts", help=FACTS_HELP),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
    select: str = typer.Option(None, "--select", help="Rules to run: codes, prefixes or names."),
    ignore: str = typer.Option(None, "--ignore", help="Rules to leave out (added to the config's)."),
    min_severity: str = typer.Option(None, "--min-severity", help="error | warning | note"),
    config_file: Path = typer.Option(None, "--config", help="Use this configuration file."),
    jobs: int = typer.Option(None, "--jobs", "-j", min=1,
                             help="Worker processes (default: the cores this process may use)."),
    max_file_size: str = typer.Option("10MB", "--max-file-size",
                                      help="Skip (and report) larger files: 500KB, 10MB, 1GB or bytes."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the cache."),
) -> None:
    """Every contradiction within and across the documents of PATHS."""
    from tipcheck.commands.check_run import configured_checker, final_exit, resolve_config
    from tipcheck.commands.common import choose_format, emit, fail, say_overrides
    from tipcheck.drafts import chosen_findings, recount
    from tipcheck.engine import default_jobs, parse_size
    from tipcheck.errors import ExitCode

    chosen = choose_format(fmt)
    try:
        max_bytes = parse_size(max_file_size)
    except ValueError as error:
        raise fail(f"--max-file-size: {error}", ExitCode.USAGE) from None
    config = resolve_config(config_file, select, ignore, min_severity, year, strict)
    checker, _ = configured_checker(config, no_facts, facts_paths)
    checker.jobs, checker.max_bytes = jobs or default_jobs(), max_bytes
    checker.keep_verdicts = show_verified  # the only output of `scan` that lists verdicts
    say_overrides(checker, err=True)
    gc.freeze()  # the loaded rules and facts last as long as the run: keep them out of the collector's walk
    result = checker.scan_paths([str(p) for p in paths])
    result.findings = chosen_findings(result.findings, config)
    recount(result)
    emit(result, chosen, checker, show_verified)
    raise typer.Exit(final_exit(result, config.strict))


@app.command()
def explain(
    claim: str = typer.Argument(..., help="The sentence to read and check."),
    year: int = typer.Option(None, "--year", help="The report year the claim speaks of."),
    no_facts: bool = typer.Option(False, "--no-facts"),
    facts_paths: list[Path] = typer.Option(None, "--facts", help=FACTS_HELP),
) -> None:
    """How one claim is read, what it implies, and which rules and facts it meets."""
    from rich.console import Console

    from tipcheck.commands.common import load_checker, say_overrides
    from tipcheck.errors import ExitCode
    from tipcheck.wording import year_label

    checker = load_checker(no_facts, year, facts_paths)
    say_overrides(checker, err=False)
    result = checker.scan_text(claim)
    console = Console(no_color=bool(os.environ.get("NO_COLOR")), highlight=False)
    date = result.dates.get("<claim>")
    if date:
        console.print(f"report year: {date.label()} ({'; '.join(date.evidence)})")
    if not result.claims:
        console.print("no claim read: tipcheck found nothing it can check in this sentence")
    for c in result.claims:
        console.print(f"claim: {c.kind} {dict(c.fields)} \u201c{c.text}\u201d (reader {c.reading})")
    contradicted = False
    for v in result.verdicts:
        console.print(f"  {v.rule.label}: [bold]{v.outcome.verdict}[/bold]")
        for step in v.outcome.derivation:
            console.print(f"    \u21d2 {step}")
        holds = v.outcome.holds_for
        if v.outcome.verdict == "consistent" and holds and set(v.claim.years) - set(holds):
            console.print(f"    holds only if the claim speaks of the {year_label(holds)} report")
        for rel in v.outcome.related:
            console.print(f"    see: {rel.message}" + (f" \\[{rel.source}]" if rel.source else "")
                          + (f" {rel.url}" if rel.url else ""))
        contradicted |= v.outcome.verdict == "contradicted" and v.rule.severity != "note"
    if result.claims and not result.verdicts:
        console.print("verdict: unverifiable (no rule applies)")
    verdict = ("contradicted" if contradicted
               else "consistent" if result.verdicts else "unverifiable")
    console.print(f"verdict: {verdict}")
    raise typer.Exit(ExitCode.FINDINGS if contradicted else ExitCode.CLEAN)


@app.command()
def rules(name: str = typer.Argument(None, help="A rule code or name to show in full.")) -> None:
    """List the rules, or show one."""
    from tipcheck.commands.common import fail
    from tipcheck.errors import ExitCode, TipcheckError
    from tipcheck.rules import find_rule, load_rules
    from tipcheck.suppress import META_RULES

    try:
        loaded = [*load_rules(), *META_RULES]  # rule files first, then the built-in ones
    except TipcheckError as error:
        raise fail(str(error.problem), ExitCode.INCOMPLETE) from None
    if name:
        rule = find_rule(loaded, name)
        if rule is None:
            raise fail(f"no rule '{name}'", ExitCode.USAGE)
        typer.echo(f"{rule.label} ({rule.severity}, check: {rule.check})\n\n{rule.description}\n")
        typer.echo(f"message: {rule.message}")
        for text in rule.fails:
            typer.echo(f"fails: {text}")
        for text in rule.passes:
            typer.echo(f"passes: {text}")
        return
    for rule in loaded:
        typer.echo(f"{rule.code}  {rule.name:<24} {rule.severity:<8} {rule.description[:70]}")


register(app)


def main() -> None:
    """Entry point (kept for `from tipcheck.cli import main`): the same as tipcheck/entry.py."""
    from tipcheck.entry import main as entry_main

    entry_main()
