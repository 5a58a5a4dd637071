"""Word drafts (.docx) through python-docx: paragraph N is line N, the offset in it the column.

Every paragraph of the body counts, in document order (table cells too, empty ones too), so the
number matches the paragraph an editor counts to. python-docx (and lxml) load only when a .docx is
read: most runs never need them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from tipcheck.errors import InputFileError, Problem
from tipcheck.formats.mapped import MappedDocument, TextBuilder

# A zip bomb guard: the uncompressed main part may not exceed this.
MAX_PART_BYTES = 64 * 1024 * 1024
# A paragraph that is only a suppression marker: `tipcheck: ignore TIP102 -- reason`.
MARKER = re.compile(r"\s*(?:#|//)?\s*(tipcheck:.*?)\s*")


def docx_paragraphs(data: bytes, name: str) -> Iterator[str]:
    """The text of each body paragraph, in order; a file that is no Word document raises."""
    _check_archive(data, name)
    try:
        import docx  # deferred: lxml costs ~60 ms to import
        from docx.oxml.ns import qn
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        texts = [Paragraph(p, document).text for p in body.iter(qn("w:p"))]
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise InputFileError(Problem(name, f"not a readable Word document ({_reason(error)})")) from None
    yield from texts


def docx_document(data: bytes, name: str) -> MappedDocument:
    """A .docx draft as a Document; marker paragraphs become comments, not text."""
    out = TextBuilder()
    for number, text in enumerate(docx_paragraphs(data, name), 1):
        marker = MARKER.fullmatch(text)
        if marker:
            out.comment(marker.group(1), number, 1)
            continue
        out.block(number, 1)
        out.add_char(text, number, 1)  # one run: soft line breaks stay in the paragraph's columns
        out.block(number, len(text) + 1)
    return out.document(name)


def _check_archive(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise InputFileError(Problem(name, "not a Word document (no word/document.xml in a zip)")) \
            from None
    if info.file_size > MAX_PART_BYTES:
        raise InputFileError(Problem(
            name, f"Word document too large ({info.file_size:,} > {MAX_PART_BYTES:,} bytes unpacked)"))


def _reason(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text[:120]}" if text else type(error).__name__
