"""Reading documents (decoding, refusing non-text) and discovering them under folders."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

import pytest

from tipcheck.errors import InputFileError, Problem
from tipcheck.reader import DEFAULT_MAX_BYTES, TEXT_SUFFIXES, decode, discover, read_document

REPO = Path(__file__).resolve().parents[1]
CLAIM = "North Korea stayed on Tier 3 for the 12th consecutive year."
needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and symlinks")


def refusal(path: Path, **options: object) -> str:
    with pytest.raises(InputFileError) as caught:
        read_document(path, **options)  # type: ignore[arg-type]
    problem = caught.value.problem
    assert problem.path == str(options.get("display", path))
    return problem.message


# --- read_document: decoding ---


def test_reads_a_seed() -> None:
    path = REPO / "seeds" / "004_15bfc8d5d9bb5671.txt"
    doc = read_document(path)
    assert doc.path == str(path)
    assert doc.notes == []
    assert doc.sentences[0].text == "Accessibility links"


def test_display_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CLAIM, encoding="utf-8")
    assert read_document(tmp_path / "a.txt", display="docs/a.txt").path == "docs/a.txt"


def test_crlf_and_cr(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"One.\r\nTwo.\rThree.\r\n")
    doc = read_document(tmp_path / "a.txt")
    assert doc.raw == "One.\nTwo.\nThree.\n"
    assert doc.position(doc.text.index("Three")) == (3, 1)


def test_utf8_bom(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + "Café. Tier 3.".encode())
    doc = read_document(tmp_path / "a.txt")
    assert doc.raw == "Café. Tier 3."
    assert doc.notes == []
    assert doc.position(doc.text.index("Tier")) == (1, 7)


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE"), ("utf-32-le", "UTF-32 LE")],
)
def test_utf16_and_utf32_with_bom(tmp_path: Path, encoding: str, label: str) -> None:
    text = "“Tier 3” – 😀 stays.\r\nNext."
    (tmp_path / "a.txt").write_bytes("\ufeff".encode(encoding) + text.encode(encoding))
    doc = read_document(tmp_path / "a.txt")
    assert doc.raw == "“Tier 3” – 😀 stays.\nNext."
    assert doc.notes == [f"decoded as {label} (byte-order mark)"]


def test_utf16_without_bom_is_not_guessed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Tier 3".encode("utf-16-le"))
    assert refusal(tmp_path / "a.txt") == "binary file (NUL byte at offset 1)"


def test_cp1252_with_note(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("“Tier 3” – café.".encode("cp1252"))
    doc = read_document(tmp_path / "a.txt")
    assert doc.raw == "“Tier 3” – café."
    assert doc.text == '"Tier 3" - café.'
    assert doc.notes == ["decoded as cp1252 (not valid UTF-8)"]


def test_undecodable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Tier 3 \x81 and \xff")  # 0x81 is undefined in cp1252
    assert refusal(tmp_path / "a.txt") == "not text: cannot decode as UTF-8, UTF-16 or cp1252"


def test_bad_utf16_after_bom(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xff\xfeT\x00\x00\xd8")  # a lone surrogate
    assert refusal(tmp_path / "a.txt") == "not text: invalid UTF-16 LE after its byte-order mark"


def test_nul_byte_is_binary(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Tier 3" + b"\x00" + b"rest")
    assert refusal(tmp_path / "a.txt") == "binary file (NUL byte at offset 6)"


def test_nul_in_utf16_is_binary(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeffab\0".encode("utf-16-le"))
    assert refusal(tmp_path / "a.txt") == "binary file (NUL character at offset 2)"


def test_control_characters_are_binary(tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(bytes(range(1, 32)) * 10 + b"text" * 10)
    assert refusal(tmp_path / "a.bin") == "binary file (77% control characters)"


def test_a_few_controls_are_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Tier 3.\x1b[0m\tTab\fpage " + b"x" * 100)
    assert read_document(tmp_path / "a.txt").sentences


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    doc = read_document(tmp_path / "a.txt")
    assert (doc.raw, doc.sentences) == ("", [])


def test_markdown_by_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Title\n\n```\nTier 3\n```\n", encoding="utf-8")
    doc = read_document(tmp_path / "a.md")
    assert [s.text for s in doc.sentences] == ["Title"]


# --- read_document: refusals ---


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written
    assert refusal(path) == (
        "file too large (52,428,800 > 10,485,760 bytes; raise --max-file-size)"
    )
    assert DEFAULT_MAX_BYTES == 10_485_760


def test_too_large_for_a_small_limit(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x" * 101, encoding="utf-8")
    assert refusal(tmp_path / "a.txt", max_bytes=100) == (
        "file too large (101 > 100 bytes; raise --max-file-size)"
    )
    assert read_document(tmp_path / "a.txt", max_bytes=101).raw == "x" * 101


@needs_posix
def test_too_large_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    writer = os.open(pipe, os.O_RDWR | os.O_NONBLOCK)  # keeps the pipe open without blocking
    try:
        os.write(writer, b"x" * 200)
        assert refusal(pipe, max_bytes=100) == (
            "file too large (more than 100 bytes; raise --max-file-size)"
        )
    finally:
        os.close(writer)


def test_missing(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nope.txt") == "no such file"


def test_directory(tmp_path: Path) -> None:
    assert refusal(tmp_path) == "is a directory"


@needs_posix
def test_dangling_symlink(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "gone.txt")
    assert refusal(tmp_path / "a.txt") == "dangling symlink"


@needs_posix
def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "a.txt")
    assert refusal(tmp_path / "a.txt") == "symlink loop"


@needs_posix
def test_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(CLAIM, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root (or with CAP_DAC_OVERRIDE): every file is readable")
        assert refusal(path) == "permission denied"
    finally:
        path.chmod(0o644)


@needs_posix
def test_device_is_not_a_regular_file() -> None:
    assert refusal(Path("/dev/null")) == "not a regular file"


def test_never_leaves_a_handle_open(tmp_path: Path) -> None:
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        pytest.skip("no /proc/self/fd")
    (tmp_path / "a.txt").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\0")
    before = len(list(fd_dir.iterdir()))
    for _ in range(50):
        read_document(tmp_path / "a.txt")
        with pytest.raises(InputFileError):
            read_document(tmp_path / "b.txt")
    assert len(list(fd_dir.iterdir())) == before


def test_decode_alone() -> None:
    assert decode(b"a\r\nb") == ("a\nb", [])
    assert decode(b"\xe9t\xe9") == ("été", ["decoded as cp1252 (not valid UTF-8)"])


# --- discover ---


def names(found: list[Path | Problem], root: Path) -> list[str]:
    """Yielded files relative to root, and problems as 'path: message'."""
    out = []
    for item in found:
        if isinstance(item, Problem):
            out.append(f"{Path(item.path).relative_to(root)}: {item.message}")
        else:
            out.append(Path(item).relative_to(root).as_posix())
    return out


def make(root: Path, *files: str) -> None:
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(CLAIM, encoding="utf-8")


def test_walks_sorted_with_text_suffixes(tmp_path: Path) -> None:
    make(tmp_path, "b.txt", "a/z.md", "a/y.markdown", "c.TXT", "d.png", "e", ".hidden/x.txt")
    make(tmp_path, ".draft.md", "a/.git/config.txt", "m/n/o/deep.txt")
    found = list(discover([tmp_path]))
    assert names(found, tmp_path) == [
        "a/y.markdown",
        "a/z.md",
        "b.txt",
        "c.TXT",
        "m/n/o/deep.txt",
    ]
    assert {".txt", ".md", ".markdown", ".html", ".docx"} <= set(TEXT_SUFFIXES)  # formats/ adds html, docx


def test_file_arguments_taken_whatever_suffix(tmp_path: Path) -> None:
    make(tmp_path, "notes.rst", "a.txt")
    found = list(discover([tmp_path / "notes.rst", tmp_path / "a.txt", tmp_path]))
    assert names(found, tmp_path) == ["notes.rst", "a.txt"]  # a.txt is not yielded twice


def test_paths_as_the_user_wrote_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path, "docs/a.txt", "docs/sub/b.md")
    monkeypatch.chdir(tmp_path)
    found = list(discover(["docs/", "missing", "./docs/sub/../a.txt"]))
    assert found == [
        Path("docs/a.txt"),
        Path("docs/sub/b.md"),
        Problem("missing", "no such file or directory"),
    ]
    assert [str(p) for p in discover(["./docs"])] == ["docs/a.txt", "docs/sub/b.md"]


def test_is_a_generator(tmp_path: Path) -> None:
    make(tmp_path, "a.txt")
    stream = discover([tmp_path / "missing", tmp_path])
    assert iter(stream) is stream
    assert next(stream) == Problem(str(tmp_path / "missing"), "no such file or directory")


@needs_posix
def test_links(tmp_path: Path) -> None:
    make(tmp_path, "real/a.txt", "real/b.md")
    (tmp_path / "alias").symlink_to(tmp_path / "real")  # a folder reached twice
    (tmp_path / "c.txt").symlink_to(tmp_path / "real" / "a.txt")  # a file reached twice
    (tmp_path / "d.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "e.txt").symlink_to(tmp_path / "e.txt")
    (tmp_path / "real" / "up").symlink_to(tmp_path)  # a loop
    (tmp_path / "f").symlink_to(tmp_path / "gone")  # no suffix: might have been a folder
    (tmp_path / "g.png").symlink_to(tmp_path / "gone.png")  # not text: not our business
    found = list(discover([tmp_path]))
    assert names(found, tmp_path) == [
        "alias/a.txt",
        "alias/b.md",
        "alias/up: symlink loop",
        "d.txt: dangling symlink",
        "e.txt: symlink loop",
        "f: dangling symlink",
    ]


@needs_posix
def test_pipes_in_folders_are_skipped(tmp_path: Path) -> None:
    make(tmp_path, "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "pipe.txt")
    assert names(list(discover([tmp_path])), tmp_path) == ["a.txt"]


@needs_posix
def test_argument_problems(tmp_path: Path) -> None:
    (tmp_path / "dangling").symlink_to(tmp_path / "gone")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    found = list(discover([tmp_path / "missing", tmp_path / "dangling", tmp_path / "loop"]))
    assert [p.message for p in found if isinstance(p, Problem)] == [
        "no such file or directory",
        "dangling symlink",
        "symlink loop",
    ]


@needs_posix
def test_unreadable_folder(tmp_path: Path) -> None:
    make(tmp_path, "a.txt", "locked/b.txt", "z.txt")
    locked = tmp_path / "locked"
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root (or with CAP_DAC_OVERRIDE): every folder is readable")
        found = list(discover([tmp_path]))
        assert names(found, tmp_path) == ["a.txt", "locked: permission denied", "z.txt"]
    finally:
        locked.chmod(0o755)


def test_deep_nesting_needs_no_recursion(tmp_path: Path) -> None:
    depth = sys.getrecursionlimit() + 100
    folders = [str(tmp_path)]
    try:
        try:
            for _ in range(depth):  # pathlib and os.makedirs recurse
                folders.append(os.path.join(folders[-1], "d"))
                os.mkdir(folders[-1])
        except OSError:
            pytest.skip("path too long for this file system")
        (Path(folders[-1]) / "x.txt").write_text(CLAIM, encoding="utf-8")
        assert [p.name for p in discover([tmp_path])] == ["x.txt"]
    finally:  # pytest's own clean-up (shutil.rmtree) would recurse too deep
        with contextlib.suppress(FileNotFoundError):
            os.remove(os.path.join(folders[-1], "x.txt"))
        for folder in reversed(folders[1:]):
            with contextlib.suppress(FileNotFoundError):
                os.rmdir(folder)


def test_100k_files_stream(fast_tmp: Path) -> None:
    """100,000 files found, in order, in a few seconds; the first arrives before the walk ends."""
    tmp_path = fast_tmp
    for folder in range(100):
        parent = tmp_path / f"d{folder:03}"
        parent.mkdir()
        for index in range(1000):
            os.close(os.open(parent / f"f{index:04}.txt", os.O_CREAT | os.O_WRONLY, 0o644))
    started = time.perf_counter()
    stream = discover([tmp_path])
    first = next(stream)
    assert first == tmp_path / "d000" / "f0000.txt"
    rest = list(stream)
    elapsed = time.perf_counter() - started
    assert len(rest) == 99_999
    assert rest[-1] == tmp_path / "d099" / "f0999.txt"
    assert elapsed < 5.0


def test_permission_denied_mapped_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads anything, so simulate the refusal to check how it is reported."""
    make(tmp_path, "a.txt", "locked/b.txt", "z.txt")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    def refuse_open(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr("tipcheck.reader.os.scandir", scandir)
    assert names(list(discover([tmp_path])), tmp_path) == [
        "a.txt",
        "locked: permission denied",
        "z.txt",
    ]
    monkeypatch.setattr(Path, "open", refuse_open)
    assert refusal(tmp_path / "a.txt") == "permission denied"
