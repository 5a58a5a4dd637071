"""Random text and Unicode through the whole pipeline: no exception, and the same output twice."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tipcheck.document import document_from_text
from tipcheck.engine import Checker
from tipcheck.reader import decode
from tipcheck.report import parsable

# Words that steer text into the readers, mixed with anything Unicode has.
WORDS = ["Tier", "3", "2", "Watch", "List", "North Korea", "Cuba", "consecutive", "year", "report",
         "2014", "released", "Friday", "countries", "downgraded", "from", "to", "since", "trafficking",
         "\u201c", "\u201d", '"', ",", ".", "\n", "\n\n", "  ", "#", "-", "*", "Secretary of State",
         "humanitarian", "aid", "100,000", "twelfth", "prisoners", "the", "it"]
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=60).map(" ".join)
SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _output(checker: Checker, text: str, name: str) -> str:
    return parsable(checker.scan_documents([document_from_text(text, name)]))


@SETTINGS
@given(text=TEXT, markdown=st.booleans())
def test_any_text_is_read_without_error_and_deterministically(checker: Checker, text: str,
                                                               markdown: bool) -> None:
    name = "draft.md" if markdown else "draft.txt"
    first = _output(checker, text, name)
    assert _output(checker, text, name) == first


@SETTINGS
@given(data=st.binary(max_size=400) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_in_a_file_are_read_or_refused(checker: Checker, tmp_path_factory, data: bytes) -> None:
    folder: Path = tmp_path_factory.mktemp("bytes")
    (folder / "a.txt").write_bytes(data)
    result = checker.scan_paths([folder])
    for problem in result.problems:  # a refusal names its reason; a crash would say "internal error"
        assert "internal error" not in problem.message
    assert parsable(checker.scan_paths([folder])) == parsable(result)
    try:
        decode(data)
    except Exception as error:  # only the documented refusal
        assert type(error).__name__ == "InputFileError"
