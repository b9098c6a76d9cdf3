"""Read an OpenDocument text (.odt) into a :class:`~einfach.document.Document`.

Many authorities write with LibreOffice, so .odt letters are read like .docx
letters: the extracted text is the paragraphs joined by ``"\\n\\n"``
(:meth:`Document.from_paragraphs`), in this order: body paragraphs, headings,
list items and table cells in document order (a table's cells row by row,
nested tables recursively, text frames right after the paragraph that anchors
them), then headers, then footers (``styles.xml``, each master page's once),
then footnotes, then endnotes.  A tab is ``\\t``, a line break ``\\n``, and
``<text:s text:c="3"/>`` three spaces; other whitespace in the XML collapses
to one space as ODF prescribes.  Tracked deletions (kept apart from the text
in ``text:tracked-changes``), comments (``office:annotation``) and note
citations are not part of the text; a comment "einfach: ignore ..." over a
range works like a Word comment (see :mod:`einfach.suppress`).

What LibreOffice shows, and only that (issue 21): soft hyphens, zero-width
spaces and word joiners are dropped; hidden text (``text:display="none"`` in a
span's or paragraph's style or their parents, resolved by :mod:`.formatting`),
hidden-text fields and hidden paragraphs (by their stored ``text:is-hidden``;
``text:condition`` is never evaluated) and hidden sections
(``text:display="none"``) are left out and counted in a note.  Headers and
footers are read only from master pages some page uses (the first paragraph's
or "Standard", those that paragraph and table styles start, and their
``style:next-style-name``).  ``lead_bold``, ``table``/``row``/``cell`` and the
part "textbox" are set as in :mod:`.docx` (a cell covered by a preceding cell's
column span does not count, as a merged cell in Word is one ``w:tc``).

The file is untrusted input and is read with the same protections as a .docx
(:mod:`einfach.readers.docx`): every XML part is parsed by lxml without DTDs,
entity expansion or network access, parts with a DOCTYPE are refused, each
part's decompressed size is capped at ``docx.MAX_PART_SIZE``, tables nested
deeper than ``docx.MAX_TABLE_DEPTH`` and XML deeper than the parser's limit
are refused.  Every failure becomes an :class:`~einfach.errors.InputError`
with a German message.

odfpy (PyPI) was considered and not used: it parses with ``xml.sax`` (no way
to refuse DTDs before parsing), loads every part including pictures into
memory without a size cap, and its last release is from 2020; the walk over
paragraphs, tables, frames and notes would have to be written here anyway.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib

from einfach.document import INVISIBLE_CHARACTERS, Document
from einfach.errors import InputError

from . import docx as _docx
from .formatting import OdfStyles, ShownText, hidden_note
from .safe_xml import hardened_parser, parse_part, read_part

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"


def _t(name: str) -> str:
    return f"{{{_TEXT}}}{name}"


T_P, T_H, T_S, T_TAB, T_LINE_BREAK, T_NOTE = map(_t, ("p", "h", "s", "tab", "line-break", "note"))
T_LIST, T_NOTE_BODY, T_NOTE_CLASS, T_C = _t("list"), _t("note-body"), _t("note-class"), _t("c")
T_STYLE_NAME, T_TRACKED, T_CHANGED_REGION = _t("style-name"), _t("tracked-changes"), _t("changed-region")
T_RUBY_TEXT, T_NOTE_CITATION = _t("ruby-text"), _t("note-citation")
T_SPAN, T_A, T_SECTION, T_DISPLAY, T_IS_HIDDEN = map(_t, ("span", "a", "section", "display", "is-hidden"))
T_HIDDEN_TEXT, T_HIDDEN_PARAGRAPH = _t("hidden-text"), _t("hidden-paragraph")
TABLE_ROW, TABLE_CELL, TABLE_COVERED = (f"{{{_TABLE}}}{n}" for n in ("table-row", "table-cell", "covered-table-cell"))
TABLE_STYLE_NAME = f"{{{_TABLE}}}style-name"
TABLE_ROWS_REPEATED, TABLE_COLUMNS_REPEATED, TABLE_COLUMNS_SPANNED = (
    f"{{{_TABLE}}}{n}" for n in ("number-rows-repeated", "number-columns-repeated", "number-columns-spanned"))
STYLE_NEXT = f"{{{_STYLE}}}next-style-name"
TABLE_TABLE = f"{{{_TABLE}}}table"
OFFICE_BODY, OFFICE_TEXT = f"{{{_OFFICE}}}body", f"{{{_OFFICE}}}text"
OFFICE_ANNOTATION, OFFICE_ANNOTATION_END = f"{{{_OFFICE}}}annotation", f"{{{_OFFICE}}}annotation-end"
OFFICE_NAME = f"{{{_OFFICE}}}name"
STYLE_NAME, STYLE_DISPLAY_NAME, STYLE_PARENT = (f"{{{_STYLE}}}{n}" for n in ("name", "display-name", "parent-style-name"))
STYLE_STYLE, STYLE_MASTER_PAGE, STYLE_DISPLAY = f"{{{_STYLE}}}style", f"{{{_STYLE}}}master-page", f"{{{_STYLE}}}display"
_HEADERS = tuple(f"{{{_STYLE}}}{n}" for n in ("header", "header-first", "header-left"))
_FOOTERS = tuple(f"{{{_STYLE}}}{n}" for n in ("footer", "footer-first", "footer-left"))

#: Between paragraphs: declarations, forms, deleted text of tracked changes,
#: and the templates of generated indexes (their results are read).
_BLOCK_SKIP = frozenset(
    [_t(n) for n in ("tracked-changes", "sequence-decls", "variable-decls", "user-field-decls",
                     "dde-connection-decls", "soft-page-break")]
    + [f"{{{_OFFICE}}}forms", f"{{{_TABLE}}}table-columns", f"{{{_TABLE}}}table-column",
       f"{{{_TABLE}}}table-column-group", f"{{{_TABLE}}}table-header-columns", OFFICE_ANNOTATION]
)
#: Inside a paragraph: subtrees whose text is not shown in the running text.
_INLINE_SKIP = frozenset({T_NOTE_CITATION, T_RUBY_TEXT, OFFICE_ANNOTATION_END, _t("soft-page-break")})
_WHITESPACE = re.compile(r"[ \t\r\n]+")
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)
_ENCODED = re.compile(r"_([0-9A-Fa-f]{2})_")
_TEXT_TYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template",
               "application/vnd.oasis.opendocument.text-master")
_OTHER_TYPES = {
    "spreadsheet": "eine OpenDocument-Tabelle (.ods)",
    "presentation": "eine OpenDocument-Präsentation (.odp)",
    "graphics": "eine OpenDocument-Zeichnung (.odg)",
    "formula": "eine OpenDocument-Formel (.odf)",
}

_INVALID = "ist keine gültige .odt-Datei (beschädigt oder kein OpenDocument-Text)"
_ENCRYPTED = "ist passwortgeschützt (verschlüsselt); bitte ohne Kennwort speichern"


def read_odt(path: str) -> Document:
    """Read a .odt file and return its extracted text as a Document.

    Raises :class:`InputError` (German message) for a missing, corrupt,
    encrypted, oversized or malicious file; no other exception escapes.
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        raise InputError(path, "Datei nicht gefunden")
    if os.path.isdir(path):
        raise InputError(path, "ist ein Ordner, keine Datei")
    try:
        with zipfile.ZipFile(path) as archive:
            reader = _Reader(path, archive)
            reader.walk()
            return reader.document()
    except InputError:
        raise
    except RecursionError as exc:
        raise InputError(path, _docx._TOO_DEEP) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise InputError(path, _INVALID) from exc
    except ValueError as exc:  # a damaged file or a reader bug: the same message, with the type
        raise _docx._unexpected(path, exc, _INVALID) from exc
    except RuntimeError as exc:
        if "encrypted" in str(exc):
            raise InputError(path, _ENCRYPTED) from exc
        raise _docx._unexpected(path, exc, "konnte nicht gelesen werden") from exc
    except OSError as exc:
        raise InputError(path, f"kann nicht gelesen werden: {exc.strerror or exc}") from exc
    except Exception as exc:  # never show a traceback for a bad input file
        raise _docx._unexpected(path, exc, "konnte nicht gelesen werden") from exc


def _is_true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


def _count(element, attribute: str) -> int:
    """A repeat or span count (1 when absent or not a number; capped against hostile files)."""
    try:
        return max(1, min(int(element.get(attribute, "1")), 10_000))
    except ValueError:
        return 1


class _Paragraph:
    __slots__ = ("text", "attributes")

    def __init__(self, text: str, attributes: dict) -> None:
        self.text = text
        self.attributes = attributes


class _Inline(ShownText):
    """Text of one paragraph with ODF whitespace rules: runs of XML whitespace become
    one space, none at the start of the paragraph; ``text:s``, tabs and line breaks
    are kept as they are."""

    def __init__(self, properties: dict | None = None) -> None:
        super().__init__()
        self.space_before = True  # at the paragraph start, leading whitespace is dropped
        self.properties = properties or {}  # bold/hidden in effect (formatting.OdfStyles)
        self.hidden_paragraph = False  # a text:hidden-paragraph field that hides it

    def xml_text(self, text: str | None) -> None:
        if not text:
            return
        collapsed = _WHITESPACE.sub(" ", text.translate(_DROP_INVISIBLE))
        if self.space_before and collapsed.startswith(" "):
            collapsed = collapsed[1:]
        if collapsed:
            self.literal(collapsed)
            self.space_before = collapsed.endswith(" ")

    def literal(self, text: str) -> None:
        if self.properties.get("hidden"):
            self.hide(text)
        else:
            self.add(text, self.properties.get("bold", False))
        self.space_before = False


class _Reader:
    def __init__(self, path: str, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive = archive
        self.parser = hardened_parser()
        self.paragraphs: list[_Paragraph] = []
        self.notes: dict[str, list] = {"footnote": [], "endnote": []}
        self.reader_notes: list[str] = []
        self.styles: dict[str, str] = {}  # style name -> display name
        self.parents: dict[str, str] = {}  # automatic style -> its parent style
        self.comment_starts: dict[str, tuple[int, int]] = {}
        self.comment_ends: dict[str, tuple[int, int]] = {}
        self.comment_texts: dict[str, str] = {}
        self.formatting = OdfStyles()
        self.hidden_stretches = 0
        self.hidden_sections = 0  # depth of hidden sections being walked
        self.table_counts: dict[object, int] = {}
        self.story: object = "body"  # what tables are counted in: the body, a header, a note

    # -- parts -------------------------------------------------------------

    def walk(self) -> None:
        names = set(self.archive.namelist())
        self._check_type(names)
        if "content.xml" not in names:
            raise InputError(self.path, "enthält kein OpenDocument-Textdokument (content.xml fehlt)")
        styles_root = self._parse("styles.xml") if "styles.xml" in names else None
        content = self._parse("content.xml")
        if styles_root is not None:
            self._style_names(styles_root)
        self._style_names(content)
        self.formatting = OdfStyles(styles_root, content)
        body = content.find(OFFICE_BODY)
        text = body.find(OFFICE_TEXT) if body is not None else None
        if text is None:
            raise InputError(self.path, "enthält keinen Text eines Textdokuments (office:text fehlt)")
        tracked = text.find(T_TRACKED)
        if tracked is not None and tracked.find(T_CHANGED_REGION) is not None:
            self.reader_notes.append(
                "Das Dokument enthält nachverfolgte Änderungen; geprüft wird die Fassung "
                "mit allen Änderungen angenommen."
            )
        self._blocks(text, "body", None, 0)
        if styles_root is not None:
            pages = list(styles_root.iter(STYLE_MASTER_PAGE))
            used = self._used_master_pages(text, pages)
            for part, tags in (("header", _HEADERS), ("footer", _FOOTERS)):
                for page in pages:
                    if page.get(STYLE_NAME) not in used:
                        continue
                    for child in page:
                        if child.tag in tags and child.get(STYLE_DISPLAY) != "false":
                            self.story = child
                            self._blocks(child, part, None, 0)
        for part in ("footnote", "endnote"):
            for body_element in self.notes[part]:
                self.story = body_element
                self._blocks(body_element, part, None, 0)
        if self.hidden_stretches:
            self.reader_notes.append(hidden_note(self.hidden_stretches))

    def _used_master_pages(self, text, pages) -> set[str]:
        """The master pages (page styles) some page of the document uses: the one the first
        paragraph or table starts (else "Standard", else the first), every one a paragraph or
        table style starts, and those that follow them (``style:next-style-name``)."""
        names = [page.get(STYLE_NAME) for page in pages]
        default = "Standard" if "Standard" in names else (names[0] if names else "")
        used: set[str] = set()
        first = True
        for element in _page_starters(text):
            family = "table" if element.tag == TABLE_TABLE else "paragraph"
            style = element.get(TABLE_STYLE_NAME if family == "table" else T_STYLE_NAME)
            page = self.formatting.master_page(family, style)
            if page:
                used.add(page)
            elif first:
                used.add(default)
            first = False
        if first:  # no paragraph at all
            used.add(default)
        following = {page.get(STYLE_NAME): page.get(STYLE_NEXT) for page in pages}
        todo = list(used)
        while todo:
            successor = following.get(todo.pop())
            if successor and successor not in used:
                used.add(successor)
                todo.append(successor)
        return used

    def document(self) -> Document:
        items = [(p.text, p.attributes) for p in self.paragraphs]
        document = Document.from_paragraphs(self.path, items, self.reader_notes)
        for name, (start_paragraph, start_offset) in self.comment_starts.items():
            end = self.comment_ends.get(name)
            text = self.comment_texts.get(name)
            if end is None or text is None or not document.paragraphs:
                continue
            start = _docx._offset(document, start_paragraph, start_offset)
            stop = _docx._offset(document, end[0], end[1])
            if start < stop:
                document.comments.append((start, stop, text))
        return document

    def _check_type(self, names: set[str]) -> None:
        """Refuse other OpenDocument types and encrypted documents with a clear message."""
        if "mimetype" in names:
            mimetype = self._read_part("mimetype").decode("ascii", "replace").strip()
            if mimetype.startswith("application/vnd.oasis.opendocument.") and mimetype not in _TEXT_TYPES:
                kind = mimetype.rsplit(".", 1)[-1].split("-")[0]
                what = _OTHER_TYPES.get(kind, f"ein anderes OpenDocument-Format ({mimetype})")
                raise InputError(self.path, f"ist {what}, kein Textdokument (.odt)")
        if "META-INF/manifest.xml" in names:
            manifest = self._parse("META-INF/manifest.xml")
            if any(True for _ in manifest.iter(f"{{{_MANIFEST}}}encryption-data")):
                raise InputError(self.path, _ENCRYPTED)

    def _read_part(self, name: str) -> bytes:
        return read_part(self.archive, name, self.path, _docx.MAX_PART_SIZE)

    def _parse(self, name: str):
        return parse_part(self.archive, name, self.path, _docx.MAX_PART_SIZE, self.parser)

    def _style_names(self, root) -> None:
        for style in root.iter(STYLE_STYLE):
            name = style.get(STYLE_NAME)
            if not name:
                continue
            display = style.get(STYLE_DISPLAY_NAME)
            if display:
                self.styles[name] = display
            parent = style.get(STYLE_PARENT)
            if parent and style.getparent() is not None and style.getparent().tag.endswith("}automatic-styles"):
                self.parents[name] = parent

    def _style(self, element, heading: bool, kind: str | None) -> tuple[str | None, str | None]:
        name = element.get(T_STYLE_NAME)
        if name:
            name = self.parents.get(name, name)
            name = self.styles.get(name) or _ENCODED.sub(lambda m: chr(int(m.group(1), 16)), name)
        if heading:
            return name, "heading"
        folded = (name or "").casefold()
        if folded.startswith(("heading", "überschrift")) or folded in ("title", "titel"):
            return name, "heading"
        return name, kind

    # -- content -----------------------------------------------------------

    def _blocks(self, container, part: str, kind: str | None, table_depth: int,
                cell: tuple[int, int, int] | None = None) -> None:
        """The paragraphs of a block container; ``cell`` is the (table, row, cell) of the
        outermost table cell it is in."""
        for child in container:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == T_P or tag == T_H:
                self._paragraph(child, part, kind, table_depth, tag == T_H, cell)
            elif tag == TABLE_TABLE:
                if table_depth >= _docx.MAX_TABLE_DEPTH:
                    raise InputError(self.path, _docx._TABLES_TOO_DEEP.format(_docx.MAX_TABLE_DEPTH))
                self._table(child, "table" if part == "body" else part, table_depth, cell)
            elif tag == T_SECTION and (child.get(T_DISPLAY) == "none" or _is_true(child.get(T_IS_HIDDEN))):
                self.hidden_sections += 1
                self._blocks(child, part, kind, table_depth, cell)
                self.hidden_sections -= 1
            elif tag == T_LIST:
                self._blocks(child, part, "list" if kind is None else kind, table_depth, cell)
            elif tag in _BLOCK_SKIP or (tag.startswith(f"{{{_TEXT}}}") and tag.endswith("-source")):
                continue
            else:  # section, list-item, index bodies, frames, ...
                self._blocks(child, part, kind, table_depth, cell)

    def _table(self, table, part: str, table_depth: int, cell: tuple[int, int, int] | None) -> None:
        """A table's cells row by row; the outermost table numbers the rows and cells (a
        repeated row or cell counts as often as it is repeated; cells covered by a
        preceding cell's column span do not count, as in Word)."""
        if cell is not None:  # a nested table: its paragraphs keep the outer cell's position
            self._blocks(table, part, "cell", table_depth + 1, cell)
            return
        self.table_counts[self.story] = number = self.table_counts.get(self.story, 0) + 1
        row_number = 0
        for row in _rows(table):
            row_number += 1
            column, spanned = 0, 0
            for entry in row:
                if entry.tag not in (TABLE_CELL, TABLE_COVERED):
                    continue
                repeat = _count(entry, TABLE_COLUMNS_REPEATED)
                if entry.tag == TABLE_COVERED and spanned:
                    covered = min(spanned, repeat)
                    spanned -= covered
                    column += repeat - covered
                else:
                    column += 1
                    self._blocks(entry, part, "cell", table_depth + 1, (number, row_number, column))
                    column += repeat - 1
                    spanned = _count(entry, TABLE_COLUMNS_SPANNED) - 1 if entry.tag == TABLE_CELL else 0
            row_number += _count(row, TABLE_ROWS_REPEATED) - 1

    def _paragraph(self, p, part: str, kind: str | None, table_depth: int, heading: bool,
                   cell: tuple[int, int, int] | None) -> None:
        out = _Inline(self.formatting.paragraph(p.get(T_STYLE_NAME)))
        boxes: list = []
        self._inline(p, out, boxes, part)
        text = out.text()
        style, style_kind = self._style(p, heading, kind)
        if self.hidden_sections or out.hidden_paragraph:
            self.hidden_stretches += 1 if text.strip() or out.hidden_stretches else 0
            return
        self.hidden_stretches += out.hidden_stretches
        if text and not text.isspace():
            attributes = {"part": part, "style": style, "kind": style_kind}
            if out.lead_bold:
                attributes["lead_bold"] = out.lead_bold
            if cell is not None:
                attributes.update(zip(("table", "row", "cell"), cell))
            self.paragraphs.append(_Paragraph(text, attributes))
        box_part = "textbox" if part in ("body", "table") else part
        for box in boxes:
            self._blocks(box, box_part, "textbox", table_depth)

    def _inline(self, element, out: _Inline, boxes: list, part: str) -> None:
        out.xml_text(element.text)
        for child in element:
            tag = child.tag
            if isinstance(tag, str):
                self._inline_element(child, tag, out, boxes, part)
            out.xml_text(child.tail)

    def _inline_element(self, child, tag: str, out: _Inline, boxes: list, part: str) -> None:
        if tag == T_S:
            try:
                count = max(1, min(int(child.get(T_C, "1")), 10_000))
            except ValueError:
                count = 1
            out.literal(" " * count)
        elif tag == T_TAB:
            out.literal("\t")
        elif tag == T_LINE_BREAK:
            out.literal("\n")
        elif tag == T_NOTE:
            body = child.find(T_NOTE_BODY)
            if body is not None:
                self.notes["endnote" if child.get(T_NOTE_CLASS) == "endnote" else "footnote"].append(body)
        elif tag == OFFICE_ANNOTATION:
            self._annotation_start(child, out)
        elif tag == OFFICE_ANNOTATION_END:
            name = child.get(OFFICE_NAME)
            if name:
                self.comment_ends[name] = (len(self.paragraphs), out.length)
        elif tag in _INLINE_SKIP:
            return
        elif tag.startswith(f"{{{_DRAW}}}"):  # frames, text boxes and shapes: after the paragraph
            if not out.properties.get("hidden"):
                boxes.append(child)
        elif tag == T_SPAN or tag == T_A or (tag == T_HIDDEN_TEXT and _is_true(child.get(T_IS_HIDDEN))):
            outer = out.properties
            if tag == T_HIDDEN_TEXT:  # the stored state of a hidden-text field; its condition is never evaluated
                out.properties = {**outer, "hidden": True}
            else:
                out.properties = self.formatting.span(outer, child.get(T_STYLE_NAME))
            self._inline(child, out, boxes, part)
            out.properties = outer
        elif tag == T_HIDDEN_PARAGRAPH:
            out.hidden_paragraph = out.hidden_paragraph or _is_true(child.get(T_IS_HIDDEN))
        else:  # span, a, meta, ruby-base, fields (date, page number, user fields), ...
            self._inline(child, out, boxes, part)

    def _annotation_start(self, annotation, out: _Inline) -> None:
        name = annotation.get(OFFICE_NAME)
        if not name:
            return
        self.comment_starts[name] = (len(self.paragraphs), out.length)
        texts = []
        for p in annotation.iter(T_P):
            inline = _Inline()
            self._inline(p, inline, [], "comment")
            texts.append(inline.text())
        self.comment_texts[name] = "\n".join(texts)


def _rows(table):
    """The rows of a table (also inside header rows and row groups), not those of nested tables."""
    for child in table:
        if child.tag == TABLE_ROW:
            yield child
        elif isinstance(child.tag, str) and child.tag != TABLE_TABLE and child.tag.startswith(f"{{{_TABLE}}}table-"):
            yield from _rows(child)


def _page_starters(container):
    """The body's paragraphs, headings and tables (not inside tables, frames or deleted text), in
    document order: the elements whose style may start a page style."""
    for child in container:
        tag = child.tag
        if tag in (T_P, T_H, TABLE_TABLE):
            yield child
        elif isinstance(tag, str) and tag not in _BLOCK_SKIP:
            yield from _page_starters(child)
