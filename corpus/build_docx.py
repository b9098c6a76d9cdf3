"""Build the .docx versions of the sample letters in corpus/original and corpus/einfach.

Usage (from the project root or anywhere else):

    python corpus/build_docx.py

Every ``<slug>.txt`` in ``corpus/original`` and ``corpus/einfach`` becomes a
``<slug>.docx`` next to it.  The .txt layout (see corpus/README.md) maps to
Word as follows:

* the first paragraph (the letterhead) goes into the section header, not the body;
* every page gets a footer "Stadt Musterstadt · Ausländerbehörde · Seite <n>";
* the subject line ("Betreff: ...") is bold;
* a paragraph "Rechtsbehelfsbelehrung" gets the style "Heading 2";
* a paragraph starting with "- " gets the style "List Bullet" (marker dropped);
* a paragraph whose lines all contain " | " becomes a Word table
  (one line per row, cells split on " | ", first row bold);
* other multi-line paragraphs (the address block) keep their lines as line
  breaks inside one Word paragraph, so the paragraph structure of the .docx
  matches the .txt.

The output is deterministic: fixed core properties (author "einfach-Projekt",
fixed created/modified dates) and fixed timestamps inside the ZIP container,
so running the script twice produces byte-identical files.  Each file is
written atomically (temporary file in the same folder, then os.replace), and
files whose content would not change are left untouched.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

CORPUS = Path(__file__).resolve().parent
FOLDERS = ("original", "einfach")

AUTHOR = "einfach-Projekt"
FIXED_DATE = dt.datetime(2024, 10, 14, 9, 0, 0)
ZIP_DATE = (2024, 10, 14, 9, 0, 0)
FOOTER_TEXT = "Stadt Musterstadt · Ausländerbehörde · Seite "
HEADING_TEXTS = {"Rechtsbehelfsbelehrung", "Rechtsbehelfsbelehrung:"}
CELL_SEPARATOR = " | "


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a corpus .txt file: blocks separated by one blank line."""
    text = text.replace("\r\n", "\n").strip("\n")
    return [block.strip("\n") for block in text.split("\n\n") if block.strip()]


def is_table(block: str) -> bool:
    return all(CELL_SEPARATOR in line for line in block.split("\n"))


def add_lines(paragraph, lines: list[str], bold: bool = False) -> None:
    """Write lines into one Word paragraph, separated by line breaks."""
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold or None
        if number < len(lines) - 1:
            run.add_break()


def add_page_field(paragraph) -> None:
    """Append a PAGE field (shown as the current page number)."""

    def field_char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    field_char("begin")
    instruction = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    instruction._r.append(instr)
    field_char("separate")
    paragraph.add_run("1")
    field_char("end")


def set_language(document, language: str = "de-DE") -> None:
    """Mark the Normal style as German so Word checks the spelling in German."""
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)


def add_table(document, block: str) -> None:
    rows = [[cell.strip() for cell in line.split(CELL_SEPARATOR)] for line in block.split("\n")]
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = document.styles["Table Grid"]
    for row_number, cells in enumerate(rows):
        for column in range(width):
            cell = table.cell(row_number, column)
            text = cells[column] if column < len(cells) else ""
            run = cell.paragraphs[0].add_run(text)
            if row_number == 0:
                run.bold = True


def build_document(source: Path) -> bytes:
    blocks = split_paragraphs(source.read_text(encoding="utf-8"))
    if not blocks:
        raise ValueError(f"{source}: leere Datei")

    document = Document()
    set_language(document)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    section.left_margin, section.right_margin = Mm(25), Mm(20)

    # Letterhead -> header.
    header = section.header
    header.is_linked_to_previous = False
    header_paragraph = header.paragraphs[0]
    header_paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_lines(header_paragraph, blocks[0].split("\n"))

    # Footer with page number.
    footer = section.footer
    footer.is_linked_to_previous = False
    footer_paragraph = footer.paragraphs[0]
    footer_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer_paragraph.add_run(FOOTER_TEXT)
    add_page_field(footer_paragraph)

    subject = ""
    for block in blocks[1:]:
        if is_table(block):
            add_table(document, block)
        elif block.strip() in HEADING_TEXTS:
            document.add_paragraph(block.strip(), style="Heading 2")
        elif block.startswith("- "):
            document.add_paragraph(block[2:].strip(), style="List Bullet")
        elif block.startswith("Betreff: "):
            subject = block[len("Betreff: "):].strip()
            add_lines(document.add_paragraph(), block.split("\n"), bold=True)
        else:
            add_lines(document.add_paragraph(), block.split("\n"))

    properties = document.core_properties
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.created = FIXED_DATE
    properties.modified = FIXED_DATE
    properties.last_printed = FIXED_DATE
    properties.revision = 1
    properties.title = subject
    properties.subject = "Beispielbrief einer Ausländerbehörde (fiktiv)"
    properties.keywords = f"einfach, Korpus, {source.parent.name}"
    properties.comments = "Fiktiver Beispielbrief, geschrieben für das einfach-Projekt (MIT-Lizenz)."
    properties.language = "de-DE"
    properties.category = source.parent.name
    properties.content_status = ""
    properties.identifier = source.stem
    properties.version = ""

    raw = io.BytesIO()
    document.save(raw)
    return normalise_zip(raw.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite the ZIP container with fixed timestamps and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(
        out, "w", compression=zipfile.ZIP_DEFLATED
    ) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def write_atomically(target: Path, data: bytes) -> bool:
    """Write data to target via a temporary file; return False if unchanged."""
    if target.exists() and target.read_bytes() == data:
        return False
    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return True


def main() -> int:
    sources = sorted(path for folder in FOLDERS for path in (CORPUS / folder).glob("*.txt"))
    if not sources:
        print("Keine .txt-Dateien gefunden.", file=sys.stderr)
        return 1
    for source in sources:
        target = source.with_suffix(".docx")
        changed = write_atomically(target, build_document(source))
        status = "geschrieben" if changed else "unverändert"
        print(f"{target.relative_to(CORPUS.parent)}: {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
