"""The document model shared by readers, the checker and the output formats.

A reader turns a file into a :class:`Document`: an ordered list of
:class:`Paragraph` objects, each knowing where it came from (body, table,
header, ...).  The *extracted text* of a document is the paragraphs' texts
joined by a blank line (``"\\n\\n"``) for .docx, or the file's text exactly as
given for .txt/.md.  Every offset einfach reports is an index into that
string (Unicode code points), so ``text[start:end]`` is always the finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Part = Literal["body", "table", "header", "footer", "footnote", "endnote", "textbox"]

PARAGRAPH_SEPARATOR = "\n\n"
#: Characters a word processor never shows as such: the soft hyphen (a possible line
#: break), the zero-width space and the word joiner.  The .docx and .odt readers drop
#: them; in .txt/.md the text stays as given and the token view ignores them.
INVISIBLE_CHARACTERS = "\u00ad\u200b\u2060"
# Word processor documents: their paragraphs are the unit of position (no line numbers),
# and their comments, not <!-- --> text directives, carry suppressions.
WORD_PROCESSOR_SUFFIXES = (".docx", ".odt", ".doc")


def is_word_processor(path: str) -> bool:
    """True for .docx, .odt and (converted) .doc files."""
    return path.lower().endswith(WORD_PROCESSOR_SUFFIXES)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of extracted text and where it lives in the source file.

    ``start`` is the offset of the paragraph's first character in the
    document's extracted text; ``index`` is its 1-based position among all
    paragraphs of the document (the ``paragraph`` of a finding's location).
    ``style`` is the Word paragraph style name when known; ``kind`` marks
    paragraphs that are segments of their own ("list", "cell", "heading").

    ``lead_bold`` is the number of leading characters that are shown bold
    (resolved formatting of .docx/.odt runs, or ``**...**`` in Markdown): a
    bold "Rechtsbehelfsbelehrung:" that opens a paragraph is a heading for the
    exclusions.  ``table``, ``row`` and ``cell`` (1-based) say where a
    paragraph inside a table sits, so a caseworker can find it in Word
    ("Tabelle 2, Zeile 3, Spalte 1"); ``table`` counts the tables of the
    paragraph's part in document order.
    """

    text: str
    start: int
    index: int
    part: Part = "body"
    style: str | None = None
    kind: str | None = None
    lead_bold: int = 0
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Document:
    """A read input file: its extracted text, paragraphs and reader notes."""

    path: str
    text: str
    paragraphs: list[Paragraph]
    notes: list[str] = field(default_factory=list)
    # Word comments as (start, end, comment text) over the extracted text, and
    # custom document properties; both feed suppressions (see suppress.py).
    comments: list[tuple[int, int, str]] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_paragraphs(
        cls, path: str, items: list[tuple[str, dict]], notes: list[str] | None = None
    ) -> "Document":
        """Join paragraph texts with a blank line and record their offsets.

        ``items`` holds ``(text, attributes)`` pairs where attributes are the
        optional :class:`Paragraph` fields (``part``, ``style``, ``kind``).
        """
        paragraphs: list[Paragraph] = []
        offset = 0
        for number, (text, attributes) in enumerate(items, start=1):
            if paragraphs:
                offset += len(PARAGRAPH_SEPARATOR)
            paragraphs.append(Paragraph(text=text, start=offset, index=number, **attributes))
            offset += len(text)
        joined = PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs)
        return cls(path=path, text=joined, paragraphs=paragraphs, notes=list(notes or []))
