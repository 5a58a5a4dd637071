"""`tipcheck check FILE... | -`: the command line's options, read by typer; the work is check_run.py."""

from __future__ import annotations

from pathlib import Path

import typer

from tipcheck.commands.check_run import run_check


def check(
    files: list[str] = typer.Argument(..., help="Drafts (.md .txt .html .docx), or - for standard input."),
    fmt: str = typer.Option(None, "--format", help="rich | parsable | json | sarif | github"),
    against: list[Path] = typer.Option([], "--against", help="A published archive to check against."),
    year: int = typer.Option(None, "--year", help="The report year the drafts speak of."),
    no_facts: bool = typer.Option(False, "--no-facts", help="Check against the archive only."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
    select: str = typer.Option(None, "--select", help="Rules to run: codes, prefixes or names."),
    ignore: str = typer.Option(None, "--ignore", help="Rules to leave out (added to the config's)."),
    min_severity: str = typer.Option(None, "--min-severity", help="error | warning | note"),
    config_file: Path = typer.Option(None, "--config", help="Use this configuration file."),
    baseline: Path = typer.Option(None, "--baseline", help="Report only findings not in this file."),
    write_to: Path = typer.Option(None, "--write-baseline", help="Save this run's findings here."),
    diff: bool = typer.Option(False, "--diff", help="Print the safe corrections as a unified diff."),
    fix: bool = typer.Option(False, "--fix", help="Apply the safe corrections to the drafts."),
    stdin_filename: str = typer.Option(None, "--stdin-filename",
                                       help="Name (and so format) of the draft read from -."),
    show_verified: bool = typer.Option(False, "--show-verified", help="Also list claims that hold."),
    facts_paths: list[Path] = typer.Option(None, "--facts", help="Your own fact files (YAML) on top."),
) -> None:
    """Check each draft against the facts (and, with --against, a published archive)."""
    run_check(files, fmt, against, year, no_facts, strict, select, ignore, min_severity, config_file,
              baseline, write_to, diff, fix, stdin_filename, show_verified, facts_paths)
