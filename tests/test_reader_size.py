"""A file is read to its end (up to --max-file-size) even when it grew after its size was taken."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tipcheck.errors import InputFileError
from tipcheck.reader import read_bytes


def _stale_size(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    real = Path.stat

    def stat(self: Path, **kwargs: object) -> os.stat_result:
        info = list(real(self, **kwargs))
        info[6] = size  # st_size, as it was before the file grew
        return os.stat_result(info)

    monkeypatch.setattr(Path, "stat", stat)


def test_a_file_that_grew_is_read_to_its_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "grows.txt"
    path.write_bytes(b"Cuba is on Tier 3. " * 100)
    _stale_size(monkeypatch, 10)
    assert read_bytes(path, max_bytes=10_000) == b"Cuba is on Tier 3. " * 100


def test_a_file_that_grew_past_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "grows.txt"
    path.write_bytes(b"x" * 5000)
    _stale_size(monkeypatch, 10)
    with pytest.raises(InputFileError, match="too large"):
        read_bytes(path, max_bytes=1000)


def test_exact_size_and_empty(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"abc")
    (tmp_path / "e.txt").write_bytes(b"")
    assert read_bytes(tmp_path / "a.txt", max_bytes=3) == b"abc"
    assert read_bytes(tmp_path / "e.txt") == b""
    with pytest.raises(InputFileError):
        read_bytes(tmp_path / "a.txt", max_bytes=2)
