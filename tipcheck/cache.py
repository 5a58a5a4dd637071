"""Two caches in the user's cache directory, both rebuilt from scratch when anything changes.

- The compiled fact base: rules, facts and the country index, pickled once per distinct content of
  the rule and fact files (and of tipcheck's own code), so a fresh process skips parsing ~30 YAML files.
- Compiled regular expressions: the `re` module compiles each pattern in Python at every start; the
  compiled form (a list of opcodes for the C engine) is kept per pattern text and Python version.

Where: $XDG_CACHE_HOME/tipcheck, else ~/.cache/tipcheck. Off with --no-cache or TIPCHECK_NO_CACHE=1.
A cache that can't be read is rebuilt; one that can't be written is skipped, silently: the cache
only ever saves time. Nothing else is written anywhere.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
ENV_OFF = "TIPCHECK_NO_CACHE"
_KEEP = 3  # fact-base caches kept (one per fact layering in use), the oldest removed
_MAX_PATTERNS = 4000  # compiled patterns kept; a process compiling more stops recording


def enabled() -> bool:
    """Whether caching is on: not when --no-cache is on the command line or TIPCHECK_NO_CACHE is set."""
    return not os.environ.get(ENV_OFF) and "--no-cache" not in sys.argv[1:]


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/tipcheck (an absolute XDG_CACHE_HOME only, per the spec), else ~/.cache/tipcheck."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "tipcheck"


def _private_dir(create: bool) -> Path | None:
    """The cache folder if it is ours alone (a pickle from anyone else could run code), else None."""
    folder = cache_dir()
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
        return None
    return folder


def _write(path: Path, data: bytes) -> None:
    """Write whole or not at all (a reader never sees half a file); errors are ignored."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def content_key(parts: Iterable[Any], files: Iterable[Path]) -> str:
    """A hash of PARTS, of each file's content, and of tipcheck's code (its files' sizes and times)."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr((sys.version, list(parts))).encode())
    for path in sorted(set(files)):
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    digest.update(code_key().encode())
    return digest.hexdigest()


def code_key() -> str:
    """A hash of tipcheck's own code: each module's path, size and modification time."""
    digest = hashlib.blake2b(digest_size=8)
    stack = [Path(__file__).resolve().parent]
    entries: list[str] = []
    while stack:
        try:
            with os.scandir(stack.pop()) as found:
                for entry in found:
                    if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                        stack.append(Path(entry.path))
                    elif entry.name.endswith(".py"):
                        info = entry.stat()
                        entries.append(f"{entry.path}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            continue
    for line in sorted(entries):
        digest.update(line.encode())
    return digest.hexdigest()


def files_under(paths: Iterable[Path]) -> list[Path]:
    """Every file under PATHS (folders walked), for content_key."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += [p for p in path.rglob("*") if p.is_file()]
        elif path.exists():
            found.append(path)
    return found


def cached(key: str, build: Callable[[], T], use: bool = True) -> T:
    """The object pickled under KEY, else BUILD() (pickled for next time). Errors in BUILD propagate."""
    folder = _private_dir(create=False) if use else None
    path = folder / f"factbase-{key}.pickle" if folder else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)  # our own file, in a folder only we can write
        except Exception:  # truncated, corrupted, or from an incompatible version: rebuild
            pass
    value = build()
    folder = _private_dir(create=True) if use else None
    if folder is not None:
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # something in it can't be pickled: no cache, no harm
            return value
        _write(folder / f"factbase-{key}.pickle", data)
        _prune(folder)
    return value


def _prune(folder: Path) -> None:
    try:
        old = sorted(folder.glob("factbase-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for path in old[_KEEP:]:
            path.unlink()
    except OSError:
        pass


# --- compiled regular expressions ---


class _PatternCache:
    """Wraps the `re` compiler: known patterns come from the cache, new ones are recorded."""

    def __init__(self, compiler: Any, sre: Any) -> None:
        self.compiler, self.sre = compiler, sre
        self.original = compiler.compile
        # each entry is kept marshalled: a start decodes only the patterns it compiles, not the file's
        # thousands of opcode lists (most run by other commands or the tests)
        self.entries: dict[tuple[Any, int], bytes] = {}
        self.added = 0
        magic = getattr(sre, "MAGIC", 0)
        # one file per version of tipcheck's code: patterns an older version compiled would pile up
        # (and fill the file's cap, after which nothing new is kept); older files are removed on save
        self.prefix = f"patterns-{sys.implementation.cache_tag}-{magic}-"
        self.path = cache_dir() / f"{self.prefix}{code_key()}.v3.marshal"

    def load(self) -> None:
        if _private_dir(create=False) is None:
            return
        try:
            entries = marshal.loads(self.path.read_bytes())
            if isinstance(entries, dict):
                self.entries = entries
        except Exception:  # missing or corrupted: start empty
            self.entries = {}

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, (str, bytes)):
            return self.original(pattern, flags)
        key = (pattern, int(flags))
        raw = self.entries.get(key)
        if raw is not None:
            try:
                return self.sre.compile(pattern, *marshal.loads(raw))
            except Exception:  # a stale or damaged entry: compile it afresh
                del self.entries[key]
        try:
            parsed = self.compiler._parser.parse(pattern, flags)
            code = self.compiler._code(parsed, flags)
            index = parsed.state.groupdict
            groups = [None] * parsed.state.groups
            for name, number in index.items():
                groups[number] = name
            entry = (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1,
                     dict(index), tuple(groups))
            compiled = self.sre.compile(pattern, *entry)
        except Exception:  # an internal we did not expect, or a bad pattern: let `re` say it
            return self.original(pattern, flags)
        if len(self.entries) < _MAX_PATTERNS:
            with contextlib.suppress(ValueError):  # an unmarshallable value: not kept
                self.entries[key] = marshal.dumps(entry)
                self.added += 1
        return compiled

    def save(self) -> None:
        if not self.added or not enabled():
            return
        folder = _private_dir(create=True)
        if folder is not None:
            with contextlib.suppress(ValueError):  # an unmarshallable value slipped in: skip
                _write(self.path, marshal.dumps(self.entries))
            for old in folder.glob("patterns-*.marshal"):
                if old.name != self.path.name and (old.name.startswith(self.prefix) or ".v2." in old.name):
                    with contextlib.suppress(OSError):
                        old.unlink()


_patterns: _PatternCache | None = None


def install_pattern_cache() -> None:
    """Serve compiled patterns from the cache from now on, and save new ones at exit (CPython only)."""
    global _patterns
    compiler = getattr(re, "_compiler", None) or getattr(re, "sre_compile", None)
    sre = getattr(compiler, "_sre", None)
    if _patterns is not None or not enabled() or sys.implementation.name != "cpython" or sre is None \
            or not all(hasattr(compiler, name) for name in ("compile", "_code", "_parser")):
        return
    _patterns = _PatternCache(compiler, sre)
    _patterns.load()
    compiler.compile = _patterns.compile
    atexit.register(_patterns.save)
