"""`python -m tipcheck`: the same as the `tipcheck` command."""

from tipcheck.cli import main

main()
