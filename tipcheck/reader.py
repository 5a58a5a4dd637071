"""Find documents under the user's paths and read them as text, refusing what is not text."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from tipcheck.document import Document
from tipcheck.errors import InputFileError, Problem
from tipcheck.formats import DOCUMENT_SUFFIXES, format_of, text_document

TEXT_SUFFIXES = DOCUMENT_SUFFIXES  # .txt .md .markdown .html .htm .xhtml .docx (formats/)
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_CONTROL_RATIO = 0.10  # more C0 control characters than this (besides \t \n \r \f): binary

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8-sig", None),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE"),
)
_CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f")
_DELETE_CONTROLS = str.maketrans("", "", _CONTROLS)
_CONTROL_BYTES = _CONTROLS.encode("ascii")
UNDECODABLE = "not text: cannot decode as UTF-8, UTF-16 or cp1252"


def read_document(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, display: str | None = None
) -> Document:
    """Read and decode one document; raise InputFileError with one lower-case reason if it can't."""
    name = display if display is not None else str(path)
    data = _read_bytes(Path(path), max_bytes, name)
    return document_from_bytes(data, name)


def document_from_bytes(data: bytes, name: str, kind: str | None = None) -> Document:
    """A Document from a file's bytes, read as its format (by NAME's suffix unless KIND is given)."""
    kind = kind or format_of(name)
    if kind == "docx":
        from tipcheck.formats.docx import docx_document  # python-docx loads only for Word files

        return docx_document(data, name)
    text, notes = decode(data, name)
    return text_document(text, name, kind, notes)


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, display: str | None = None) -> bytes:
    """A file's bytes; InputFileError when it is missing, unreadable, not a file or too large."""
    return _read_bytes(Path(path), max_bytes, display if display is not None else str(path))


def _read_bytes(path: Path, max_bytes: int, name: str) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _problem(name, "is a directory")
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
            raise _problem(name, "not a regular file")
        if info.st_size > max_bytes:
            raise _problem(name, _too_large(f"{info.st_size:,} > {max_bytes:,}"))
        with path.open("rb") as handle:
            if stat.S_ISREG(info.st_mode):
                # the size is known: a read of max_bytes + 1 would set up (and drop) a 10 MB buffer
                # for every 4 KB file, which took more time than the reading
                data = handle.read(info.st_size + 1)
                if len(data) > info.st_size:  # it grew since: read on, up to the limit
                    data += handle.read(max_bytes + 1 - len(data))
            else:
                data = handle.read(max_bytes + 1)
    except OSError as error:
        raise _problem(name, os_reason(error, path, missing="no such file")) from None
    if len(data) > max_bytes:  # it grew since, or it is a pipe
        raise _problem(name, _too_large(f"more than {max_bytes:,}"))
    return data


def _too_large(sizes: str) -> str:
    return f"file too large ({sizes} bytes; raise --max-file-size)"


def _problem(name: str, message: str) -> InputFileError:
    return InputFileError(Problem(name, message))


def os_reason(
    error: OSError, path: str | Path | None = None, missing: str = "no such file or directory"
) -> str:
    """A short lower-case reason for an OS error on a path."""
    if isinstance(error, FileNotFoundError):
        if path is not None and os.path.islink(path):
            return "dangling symlink"
        return missing
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if error.errno == errno.ELOOP:
        return "symlink loop"
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, list[str]]:
    """Decode bytes as text (BOM, then UTF-8, then cp1252), with notes; line ends become LF."""
    notes: list[str] = []
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                reason = f"not text: invalid {label or 'UTF-8'} after its byte-order mark"
                raise _problem(name, reason) from None
            if label:
                notes.append(f"decoded as {label} (byte-order mark)")
            text = text.removeprefix("\ufeff")
            if "\0" in text:
                raise _problem(name, f"binary file (NUL character at offset {text.find(chr(0))})")
            _refuse_controls(len(text) - len(text.translate(_DELETE_CONTROLS)), len(text), name)
            return _newlines(text), notes
    nul = data.find(b"\0")
    if nul >= 0:
        raise _problem(name, f"binary file (NUL byte at offset {nul})")
    _refuse_controls(len(data) - len(data.translate(None, _CONTROL_BYTES)), len(data), name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise _problem(name, UNDECODABLE) from None
        notes.append("decoded as cp1252 (not valid UTF-8)")
    return _newlines(text), notes


def _refuse_controls(controls: int, size: int, name: str) -> None:
    if controls and controls > MAX_CONTROL_RATIO * size:
        share = 100 * controls / size
        raise _problem(name, f"binary file ({share:.0f}% control characters)")


def _newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def discover(paths: Sequence[str | Path]) -> Iterator[Path | Problem]:
    """Expand arguments in order into files to read (folders walked, sorted) and Problems."""
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for argument in paths:
        name = os.fspath(argument)
        try:
            info = os.stat(name)
        except OSError as error:
            yield Problem(name, os_reason(error, name))
            continue
        key = (info.st_dev, info.st_ino)
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(name, key, seen_files, seen_dirs)
        elif key not in seen_files:
            seen_files.add(key)
            yield Path(name)


def _walk(
    root: str,
    key: tuple[int, int],
    seen_files: set[tuple[int, int]],
    seen_dirs: set[tuple[int, int]],
) -> Iterator[Path | Problem]:
    """Depth-first, by name at each level, with an explicit stack (no recursion limit)."""
    if key in seen_dirs:
        return
    listing = _list(root)
    if isinstance(listing, Problem):
        yield listing
        return
    seen_dirs.add(key)
    stack = [(key, iter(listing))]
    on_walk = {key}
    while stack:
        folder, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            on_walk.discard(folder)
            continue
        if entry.name.startswith("."):
            continue
        found = _visit(entry, folder[0], seen_files, seen_dirs, on_walk)
        if isinstance(found, tuple):
            listing = _list(entry.path)
            if isinstance(listing, Problem):
                yield listing
                continue
            seen_dirs.add(found)
            on_walk.add(found)
            stack.append((found, iter(listing)))
        elif found is not None:
            yield found


def _list(folder: str) -> list[os.DirEntry[str]] | Problem:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as error:
        return Problem(folder, os_reason(error, folder))


def _visit(
    entry: os.DirEntry[str],
    device: int,
    seen_files: set[tuple[int, int]],
    seen_dirs: set[tuple[int, int]],
    on_walk: set[tuple[int, int]],
) -> Path | Problem | tuple[int, int] | None:
    """One entry: a file to yield, a Problem, a folder's key to descend into, or None to skip."""
    text = entry.name.lower().endswith(TEXT_SUFFIXES)
    try:
        if not entry.is_symlink():
            if entry.is_dir(follow_symlinks=False):
                info = entry.stat(follow_symlinks=False)
                key = (info.st_dev, info.st_ino)
                return None if key in seen_dirs else key
            if not (text and entry.is_file(follow_symlinks=False)):
                return None  # not text, or a pipe or socket that could block a read
            key = (device, entry.inode())  # a plain file lives on its folder's device
        else:
            if not (text or "." not in entry.name or entry.is_dir()):
                return None  # a link to some other kind of file
            info = entry.stat()
            key = (info.st_dev, info.st_ino)
            if stat.S_ISDIR(info.st_mode):
                if key in on_walk:
                    return Problem(entry.path, "symlink loop")
                return None if key in seen_dirs else key
            if not (text and stat.S_ISREG(info.st_mode)):
                return None
    except OSError as error:
        return Problem(entry.path, os_reason(error, entry.path))
    if key in seen_files:
        return None
    seen_files.add(key)
    return Path(entry.path)
