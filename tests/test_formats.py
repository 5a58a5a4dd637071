"""Input formats: HTML and Word drafts become Documents whose positions point into the source."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from tipcheck.errors import InputFileError
from tipcheck.formats import format_of, plain_document, text_document
from tipcheck.formats.docx import docx_document
from tipcheck.formats.html import html_document
from tipcheck.reader import discover, read_document

DRAFTS = Path(__file__).parent / "fixtures" / "drafts"


def source_position(source: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based line and column of a substring in a source text."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = source.index(needle, offset + 1)
    before = source[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def make_docx(paragraphs: list[str | list[str]]) -> bytes:
    """A Word file: each item a paragraph (a list: one paragraph of several runs)."""
    document = docx.Document()
    for item in paragraphs:
        runs = [item] if isinstance(item, str) else item
        paragraph = document.add_paragraph()
        for number, text in enumerate(runs):
            paragraph.add_run(text).bold = number % 2 == 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def text_at(doc, needle: str) -> int:
    return doc.text.index(needle)


# --- HTML ---


def test_html_positions_point_into_the_source() -> None:
    source = (DRAFTS / "streak-2008.html").read_text(encoding="utf-8")
    doc = html_document(source, "d.html")
    # occurrence in the source: the title and the script come first, and are not read
    for needle, occurrence in (("fifth consecutive year", 2), ("North Korea was kept", 1),
                               ("published every June", 0)):
        start = text_at(doc, needle)
        span = doc.span(start, start + len(needle))
        assert (span.line, span.column) == source_position(source, needle, occurrence)
        assert (span.end_line, span.end_column) == (span.line, span.column + len(needle))


def test_html_skips_head_and_scripts_and_decodes_references() -> None:
    source = (DRAFTS / "streak-2008.html").read_text(encoding="utf-8")
    doc = html_document(source, "d.html")
    assert doc.text.count("fifth consecutive year") == 1  # not the <title>, not the <script>
    assert "North Korea's record" in doc.text  # &rsquo; read as an apostrophe
    assert "June & read" in doc.text
    after = text_at(doc, "& read") + 2  # the character after an entity maps past its source
    assert doc.position(after) == source_position(source, "read widely")


def test_html_blocks_are_paragraphs_and_markup_does_not_split_sentences() -> None:
    doc = html_document("<div><p>One <b>two</b> three.</p><p>Four.</p></div><ul><li>Five</li></ul>",
                        "x.html")
    assert [s.text for s in doc.sentences] == ["One two three.", "Four.", "Five"]
    assert len(doc.paragraphs) == 3


def test_html_span_across_markup_ends_at_the_last_character() -> None:
    source = "<p>kept for the <em>fifth</em> consecutive year.</p>"
    doc = html_document(source, "x.html")
    start = text_at(doc, "fifth")
    span = doc.span(start, start + len("fifth consecutive year"))
    assert (span.column, span.end_column) == (source.index("fifth") + 1, source.index(".</p>") + 1)


def test_html_comments_are_located_and_hidden_text_is_not_read() -> None:
    source = "<p>A.</p>\n  <!-- tipcheck: ignore TIP102 -- why -->\n<style>p { }</style><p>B.</p>"
    doc = html_document(source, "x.html")
    assert [inner for _, _, inner in doc.comments] == ["tipcheck: ignore TIP102 -- why"]
    start, end, _ = doc.comments[0]
    assert doc.position(start) == (2, 3)
    assert [s.text for s in doc.sentences] == ["A.", "B."]
    assert all(s >= end for s, _ in doc.paragraphs[1:])


def test_broken_html_still_reads() -> None:
    doc = html_document("<p>Unclosed <b>bold <i>and\nmore</p><p>Next &bogus; &#99999999; end", "x.html")
    assert "Unclosed bold and more" in doc.text
    assert doc.text.rstrip().endswith("end")


# --- Word ---


def test_docx_paragraph_number_is_the_line_and_offset_the_column() -> None:
    data = make_docx(["Title", "", ["In the 2008 report, ", "North Korea", " stayed on Tier 3."]])
    doc = docx_document(data, "d.docx")
    start = text_at(doc, "North Korea")
    # python-docx's default template has no paragraph before the body: "Title" is paragraph 1
    assert doc.position(start) == (3, len("In the 2008 report, ") + 1)
    span = doc.span(start, start + len("North Korea stayed"))
    assert (span.end_line, span.end_column) == (3, len("In the 2008 report, North Korea stayed") + 1)


def test_docx_counts_table_paragraphs_in_order() -> None:
    document = docx.Document()
    document.add_paragraph("Before.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Left cell."
    table.cell(0, 1).text = "Right cell."
    document.add_paragraph("After.")
    out = io.BytesIO()
    document.save(out)
    doc = docx_document(out.getvalue(), "t.docx")
    lines = {s.text: doc.position(s.start)[0] for s in doc.sentences}
    assert lines == {"Before.": 1, "Left cell.": 2, "Right cell.": 3, "After.": 4}


def test_docx_marker_paragraph_is_a_comment_not_text() -> None:
    data = make_docx(["tipcheck: ignore TIP102 -- quoted", "North Korea stayed on Tier 3."])
    doc = docx_document(data, "d.docx")
    assert [inner for _, _, inner in doc.comments] == ["tipcheck: ignore TIP102 -- quoted"]
    assert "tipcheck" not in doc.text
    assert doc.position(doc.comments[0][0]) == (1, 1)


@pytest.mark.parametrize("data, reason", [
    (b"PK\x03\x04 not really a zip", "not a Word document"),
    (b"plain text", "not a Word document"),
])
def test_not_a_docx_is_one_clear_problem(data: bytes, reason: str) -> None:
    with pytest.raises(InputFileError) as caught:
        docx_document(data, "bad.docx")
    assert reason in str(caught.value)


def test_zip_without_word_part_or_with_bad_xml() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document")  # truncated XML
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(InputFileError) as caught:
        docx_document(out.getvalue(), "bad.docx")
    assert str(caught.value).startswith("bad.docx: not a readable Word document")


# --- plain text, suffixes, reader ---


def test_plain_text_marker_lines_are_blanked_comments() -> None:
    doc = plain_document("Intro.\n\n# tipcheck: ignore TIP102 -- why\nClaim here.\n", "x.txt")
    assert [inner for _, _, inner in doc.comments] == ["tipcheck: ignore TIP102 -- why"]
    assert [s.text for s in doc.sentences] == ["Intro.", "Claim here."]
    assert doc.position(doc.comments[0][0]) == (3, 1)


@pytest.mark.parametrize("name, kind", [("a.MD", "markdown"), ("a.htm", "html"), ("a.docx", "docx"),
                                        ("a.txt", "text"), ("README", "text"), ("a.rst", "text")])
def test_format_of(name: str, kind: str) -> None:
    assert format_of(name) == kind


def test_reader_walks_and_reads_every_format(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>North Korea stayed on Tier 3.</p>", encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(make_docx(["North Korea stayed on Tier 3."]))
    (tmp_path / "c.md").write_text("North Korea stayed on *Tier 3*.", encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4")
    found = [p for p in discover([tmp_path]) if isinstance(p, Path)]
    assert [p.name for p in found] == ["a.html", "b.docx", "c.md"]
    texts = {p.name: [" ".join(s.text.split()) for s in read_document(p).sentences] for p in found}
    assert set(map(tuple, texts.values())) == {("North Korea stayed on Tier 3 .",),
                                               ("North Korea stayed on Tier 3.",)}
    assert texts["a.html"] == texts["b.docx"] == ["North Korea stayed on Tier 3."]


def test_text_document_dispatches_by_suffix() -> None:
    assert text_document("<p>One.</p>", "x.html").sentences[0].text == "One."
    assert text_document("*One.*", "x.md").sentences[0].text.strip("* ") == "One."
