"""The `tipcheck` command's entry point.

An editor runs `tipcheck check draft.md` on every save, so that one call starts without typer (a
tenth of a second of imports and option parsing): its command line is simple enough to read here.
Every other command line goes to typer's app in tipcheck/cli.py.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import NoReturn

import tipcheck.fast_start  # noqa: F401 -- first: the modules below compile their patterns on import


def main() -> None:
    """Run the command line in sys.argv."""
    plain = plain_check(sys.argv[1:])
    if plain is not None:
        run_plain_check(*plain)
    from tipcheck.cli import app

    app()


def plain_check(args: list[str]) -> tuple[list[str], str | None] | None:
    """(files, format) of `check FILE... [--format F]`; None for any other command line (typer reads it)."""
    if not args or args[0] != "check":
        return None
    files: list[str] = []
    fmt: str | None = None
    rest = iter(args[1:])
    for arg in rest:
        if arg == "--format":
            fmt = next(rest, "")
            if not fmt or fmt.startswith("-"):
                return None
        elif arg.startswith("--format=") and len(arg) > len("--format="):
            fmt = arg[len("--format="):]
        elif arg.startswith("-"):
            return None
        else:
            files.append(arg)
    return (files, fmt) if files else None


def run_plain_check(files: list[str], fmt: str | None) -> NoReturn:
    """`check` with every other option at its default, exiting as typer would."""
    from tipcheck.commands.check_run import run_check

    try:
        run_check(files, fmt)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the reader went away
        sys.exit(1)
