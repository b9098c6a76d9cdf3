"""Tests for the OpenDocument text reader (src/einfach/readers/odt.py).

Documents are written as raw ODF zips inside each test; one test lets
LibreOffice (when installed) turn a python-docx letter into .odt and checks
that both formats give the same extracted text.  Hostile .odt files are in
tests/test_robustness.py.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from einfach.document import PARAGRAPH_SEPARATOR
from einfach.errors import InputError
from einfach.readers import convert, read_document
from einfach.readers.odt import read_odt

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)
DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


def make_odt(path: Path, body: str, *, automatic: str = "", styles: str = "", master: str = "") -> str:
    content = (f"{DECL}<office:document-content {NS}><office:automatic-styles>{automatic}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    styles_xml = (f"{DECL}<office:document-styles {NS}><office:styles>{styles}</office:styles>"
                  f"<office:master-styles>{master}</office:master-styles></office:document-styles>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles_xml)
    return str(path)


def read(path):
    document = read_odt(str(path))
    assert document.text == PARAGRAPH_SEPARATOR.join(p.text for p in document.paragraphs)
    for number, paragraph in enumerate(document.paragraphs, start=1):
        assert document.text[paragraph.start:paragraph.end] == paragraph.text
        assert paragraph.index == number and paragraph.text.strip()
    return document


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_paragraphs_headings_lists_and_whitespace(tmp_path):
    body = (
        '<text:h text:outline-level="1">Ihr   Bescheid</text:h>'
        "<text:p>Sehr geehrte <text:s/>Frau\n   Muster,</text:p>"
        "<text:p/><text:p>   </text:p>"
        '<text:p>  <text:s text:c="2"/>Einrückung</text:p>'
        "<text:p>a<text:tab/>b<text:line-break/>c <text:span>fett</text:span> "
        '<text:a xlink:href="https://example.org" xmlns:xlink="http://www.w3.org/1999/xlink">Link</text:a></text:p>'
        "<text:list><text:list-item><text:p>Punkt eins</text:p>"
        "<text:list><text:list-item><text:p>Unterpunkt</text:p></text:list-item></text:list>"
        "</text:list-item></text:list>"
        "<text:section><text:p>Im Abschnitt</text:p></text:section>"
    )
    document = read(make_odt(tmp_path / "a.odt", body))
    assert texts(document) == ["Ihr Bescheid", "Sehr geehrte  Frau Muster,", "  Einrückung", "a\tb\nc fett Link",
                               "Punkt eins", "Unterpunkt", "Im Abschnitt"]
    assert [p.kind for p in document.paragraphs] == ["heading", None, None, None, "list", "list", None]


def test_tables_frames_fields_and_what_is_left_out(tmp_path):
    cell = "<table:table-cell>{}</table:table-cell>"
    table = (
        "<table:table><table:table-column/><table:table-header-rows><table:table-row>"
        + cell.format("<text:p>Kopf</text:p>")
        + "</table:table-row></table:table-header-rows><table:table-row>"
        + cell.format("<text:p>A1</text:p><table:table><table:table-row>"
                      + cell.format("<text:p>N1</text:p>") + "</table:table-row></table:table>")
        + cell.format("<text:p>B1</text:p>")
        + "<table:covered-table-cell/></table:table-row></table:table>"
    )
    body = (
        "<text:sequence-decls><text:sequence-decl text:name=\"Table\"/></text:sequence-decls>"
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<text:p>gelöschter Text</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        "<text:p>Vor dem Rahmen "
        '<draw:frame><draw:text-box><text:p>Im Rahmen</text:p></draw:text-box>'
        "<svg:title>Titel</svg:title></draw:frame>danach</text:p>"
        + table
        + "<text:p>Am <text:date>1. März 2024</text:date> auf Seite <text:page-number>3</text:page-number>"
        '<text:change text:change-id="c1"/>.<text:bookmark text:name="x"/>'
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>Eine Fußnote.</text:p></text:note-body></text:note>"
        '<text:note text:note-class="endnote"><text:note-citation>i</text:note-citation>'
        "<text:note-body><text:p>Eine Endnote.</text:p></text:note-body></text:note></text:p>"
        "<text:table-of-content><text:table-of-content-source><text:index-title-template>Inhalt"
        "</text:index-title-template></text:table-of-content-source><text:index-body>"
        "<text:p>Einleitung<text:tab/>1</text:p></text:index-body></text:table-of-content>"
    )
    master = ('<style:master-page style:name="Standard"><style:header><text:p>Kopfzeile</text:p></style:header>'
              '<style:header-left style:display="false"><text:p>versteckt</text:p></style:header-left>'
              "<style:footer><text:p>Fußzeile</text:p></style:footer></style:master-page>")
    document = read(make_odt(tmp_path / "b.odt", body, master=master))
    assert [(p.text, p.part, p.kind) for p in document.paragraphs] == [
        ("Vor dem Rahmen danach", "body", None),
        ("Im Rahmen", "textbox", "textbox"),
        ("Kopf", "table", "cell"),
        ("A1", "table", "cell"),
        ("N1", "table", "cell"),
        ("B1", "table", "cell"),
        ("Am 1. März 2024 auf Seite 3.", "body", None),
        ("Einleitung\t1", "body", None),
        ("Kopfzeile", "header", None),
        ("Fußzeile", "footer", None),
        ("Eine Fußnote.", "footnote", None),
        ("Eine Endnote.", "endnote", None),
    ]
    assert any("nachverfolgte Änderungen" in note for note in document.notes)
    # the outermost table numbers rows and cells; a nested table's paragraph keeps its outer cell
    assert [(p.text, p.table, p.row, p.cell) for p in document.paragraphs[2:6]] == [
        ("Kopf", 1, 1, 1), ("A1", 1, 2, 1), ("N1", 1, 2, 1), ("B1", 1, 2, 2)]


def test_style_names_and_heading_styles(tmp_path):
    automatic = '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Rechtsbehelf"/>'
    styles = ('<style:style style:name="Rechtsbehelf" style:display-name="Rechtsbehelf Text" '
              'style:family="paragraph"/>')
    body = ('<text:p text:style-name="P1">Gegen diesen Bescheid ist Widerspruch möglich.</text:p>'
            '<text:p text:style-name="Heading_20_2">Begründung</text:p>'
            '<text:p text:style-name="Standard">Normal</text:p>')
    document = read(make_odt(tmp_path / "c.odt", body, automatic=automatic, styles=styles))
    assert [(p.style, p.kind) for p in document.paragraphs] == [
        ("Rechtsbehelf Text", None), ("Heading 2", "heading"), ("Standard", None)]


def test_comment_directive_suppresses_findings(tmp_path):
    from einfach.checker import check_document, make_pipeline

    annotation = ('<office:annotation office:name="k1"><dc:creator>A</dc:creator>'
                  "<text:p>einfach: ignore passiv</text:p></office:annotation>")
    body = (f"<text:p>{annotation}Ihr Antrag wurde abgelehnt.<office:annotation-end office:name=\"k1\"/></text:p>"
            "<text:p>Ihr Antrag wurde geprüft.</text:p>")
    document = read(make_odt(tmp_path / "d.odt", body))
    assert texts(document) == ["Ihr Antrag wurde abgelehnt.", "Ihr Antrag wurde geprüft."]
    assert document.comments == [(0, 27, "einfach: ignore passiv")]
    result = check_document(document, make_pipeline())
    assert [f.text for f in result.findings if f.rule == "passiv"] == ["wurde geprüft"]
    assert result.suppressed == 1


@pytest.mark.parametrize("broken", [b"", b"PK\x03\x04kaputt", b"kein Zip"])
def test_corrupt_files(tmp_path, broken):
    path = tmp_path / "kaputt.odt"
    path.write_bytes(broken)
    with pytest.raises(InputError) as caught:
        read_odt(str(path))
    assert caught.value.problem == "ist keine gültige .odt-Datei (beschädigt oder kein OpenDocument-Text)"


def test_zip_without_content(tmp_path):
    path = tmp_path / "leer.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("styles.xml", "<x/>")
    with pytest.raises(InputError, match="content.xml fehlt"):
        read_odt(str(path))


def test_libreoffice_odt_matches_docx(tmp_path):
    """The same letter as .docx and as LibreOffice's .odt gives the same extracted text."""
    if convert.soffice() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    document = docx.Document()
    document.add_heading("Ihr Bescheid", 1)
    document.add_paragraph("Sehr geehrte  Frau Muster,")
    paragraph = document.add_paragraph("Ihr Antrag ")
    paragraph.add_run("wurde").bold = True
    paragraph.add_run(" abgelehnt.\tSiehe\nunten")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "A1"
    table.cell(0, 1).text = "B1"
    table.cell(1, 1).add_table(rows=1, cols=1).cell(0, 0).text = "N1"
    document.add_paragraph("Punkt", style="List Bullet")
    document.sections[0].header.paragraphs[0].text = "Kopfzeile"
    document.sections[0].footer.paragraphs[0].text = "Fußzeile"
    source = tmp_path / "brief.docx"
    document.save(source)
    subprocess.run(
        [convert.soffice(), f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless", "--norestore",
         "--convert-to", "odt", "--outdir", str(tmp_path / "aus"), str(source)],
        stdin=subprocess.DEVNULL, capture_output=True, timeout=180, check=True,
    )
    from_docx = read_document(str(source))
    from_odt = read(tmp_path / "aus" / "brief.odt")
    assert from_odt.text == from_docx.text
    assert [(p.part, p.kind) for p in from_odt.paragraphs] == [(p.part, p.kind) for p in from_docx.paragraphs]
