"""Fingerprints that follow a finding across edits, and baselines: saved runs to compare against.

A fingerprint hashes what a finding is about, not where it is: rule code, file, and the claim's
words (whitespace squashed), plus its rank among identical ones. Lines added above a claim do not
change it; rewording the claim does. SARIF carries it as a partial fingerprint, baselines store it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from tipcheck.errors import InputFileError, Problem
from tipcheck.model import Finding

FINGERPRINT_KEY = "tipcheck/v1"
BASELINE_VERSION = 1


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One stable fingerprint per finding, in order (the nth identical finding gets rank n)."""
    seen: Counter[str] = Counter()
    found = []
    for finding in findings:
        code = finding.rule.split()[0]
        key = "\0".join((code, finding.path.replace(os.sep, "/"), " ".join(finding.quote.split())))
        found.append(hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32])
        seen[key] += 1
    return found


def write_baseline(path: Path, findings: Sequence[Finding]) -> None:
    """Save the findings' fingerprints (and enough to read them by eye) as JSON, atomically."""
    records = [{"fingerprint": fp, "rule": f.rule, "path": f.path, "line": f.line, "quote": f.quote}
               for fp, f in zip(fingerprints(findings), findings, strict=True)]
    text = json.dumps({"tipcheck_baseline": BASELINE_VERSION, "findings": records}, indent=2,
                      ensure_ascii=False)
    write_atomic(path, text + "\n")


def read_baseline(path: Path) -> Counter[str]:
    """The fingerprints a baseline file holds (with counts); a bad file raises InputFileError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise _bad(path, (error.strerror or str(error)).lower()) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        where = (getattr(error, "lineno", None), getattr(error, "colno", None))
        raise InputFileError(Problem(str(path), "not a tipcheck baseline (invalid JSON)", *where)) \
            from None
    if not isinstance(data, dict) or data.get("tipcheck_baseline") != BASELINE_VERSION \
            or not isinstance(data.get("findings"), list):
        raise _bad(path, f"not a tipcheck baseline (expected version {BASELINE_VERSION} "
                         "with a 'findings' list; write one with --write-baseline)")
    return Counter(str(r.get("fingerprint")) for r in data["findings"] if isinstance(r, dict))


def new_findings(findings: Sequence[Finding], baseline: Counter[str]) -> list[Finding]:
    """The findings a baseline does not already hold (each baseline entry absorbs one finding)."""
    left = Counter(baseline)
    kept = []
    for fp, finding in zip(fingerprints(findings), findings, strict=True):
        if left[fp] > 0:
            left[fp] -= 1
        else:
            kept.append(finding)
    return kept


def write_atomic(path: Path, text: str | bytes, like: Path | None = None) -> None:
    """Write a file through a temporary one in the same folder and a rename (keeps LIKE's mode)."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8") if isinstance(text, str) else text)
            out.flush()
            os.fsync(out.fileno())
        source = like if like is not None else path
        os.chmod(temporary, source.stat().st_mode & 0o7777 if source.exists() else 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; put it back at once
    os.umask(mask)
    return mask


def _bad(path: Path, message: str) -> InputFileError:
    return InputFileError(Problem(str(path), message))
