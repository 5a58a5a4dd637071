"""Imported first by the command line: compiled patterns come from the cache (tipcheck/cache.py)."""

from tipcheck.cache import install_pattern_cache

install_pattern_cache()
