"""`python -m tipcheck`: the same as the `tipcheck` command."""

from tipcheck.entry import main

main()
