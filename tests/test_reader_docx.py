"""Tests for the .docx reader.

Every test document is built inside its test: with python-docx for the basics
and as a raw OOXML zip for what python-docx cannot create (content controls,
text boxes, tracked changes, fields, footnotes, malicious files).
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from einfach.document import INVISIBLE_CHARACTERS, PARAGRAPH_SEPARATOR
from einfach.errors import InputError
from einfach.readers import docx as docx_reader
from einfach.readers.docx import read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (
    f'xmlns:w="{W}" xmlns:r="{REL}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'mc:Ignorable="wps"'
)
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = {
    "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
}


# -- builders ----------------------------------------------------------------


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*content: str, style: str | None = None, ppr: str = "") -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = f"<w:pPr>{style_xml}{ppr}</w:pPr>" if style_xml or ppr else ""
    inner = "".join(c if c.startswith("<") else run(c) for c in content)
    return f"<w:p>{props}{inner}</w:p>"


def table(*rows: list[str]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{c}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/>{cells}</w:tbl>"


def styles_xml(*styles: tuple[str, str]) -> str:
    body = "".join(
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/></w:style>' for sid, name in styles
    )
    return f"{DECL}<w:styles {NS}>{body}</w:styles>"


def make_docx(
    path: Path,
    body: str,
    *,
    parts: dict[str, str] | None = None,
    rels: list[tuple[str, str, str]] = (),
    document_xml: str | None = None,
) -> str:
    """Write a minimal .docx package; ``rels`` holds (id, type, target)."""
    parts = dict(parts or {})
    overrides = "".join(
        f'<Override PartName="/{name}" ContentType="{CONTENT_TYPES[kind]}"/>'
        for _, kind, name in ((r[0], r[1], "word/" + r[2]) for r in rels)
        if kind in CONTENT_TYPES
    )
    content_types = (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        f"{overrides}</Types>"
    )
    package_rels = (
        f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    document_rels = (
        f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"/>' for i, t, target in rels)
        + "</Relationships>"
    )
    if document_xml is None:
        document_xml = f"{DECL}<w:document {NS}><w:body>{body}</w:body></w:document>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", package_rels)
        archive.writestr("word/document.xml", document_xml)
        archive.writestr("word/_rels/document.xml.rels", document_rels)
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return str(path)


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def check_offsets(doc) -> None:
    """The offsets contract: every paragraph is a slice of the joined text."""
    assert doc.text == PARAGRAPH_SEPARATOR.join(p.text for p in doc.paragraphs)
    for number, p in enumerate(doc.paragraphs, start=1):
        assert doc.text[p.start : p.end] == p.text
        assert p.index == number
        assert p.text.strip()


def read(path) -> object:
    doc = read_docx(str(path))
    check_offsets(doc)
    return doc


# -- python-docx documents -----------------------------------------------------


def test_basic_paragraphs_styles_and_joining(tmp_path):
    document = docx.Document()
    document.add_heading("Ihr Bescheid", level=1)
    document.add_paragraph("Sehr geehrte  Frau Muster,")
    document.add_paragraph("")
    document.add_paragraph("   \t ")
    document.add_paragraph("  Einrückung bleibt ")
    document.add_paragraph("Punkt eins", style="List Bullet")
    document.add_paragraph("a\tb\nc")
    document.add_heading("Titelzeile", level=0)
    document.save(tmp_path / "basic.docx")

    doc = read(tmp_path / "basic.docx")

    assert doc.text == (
        "Ihr Bescheid\n\nSehr geehrte  Frau Muster,\n\n  Einrückung bleibt \n\n"
        "Punkt eins\n\na\tb\nc\n\nTitelzeile"
    )
    assert [(p.part, p.style, p.kind) for p in doc.paragraphs] == [
        ("body", "heading 1", "heading"),
        ("body", None, None),  # no w:pStyle: no style name
        ("body", None, None),
        ("body", "List Bullet", "list"),
        ("body", None, None),
        ("body", "Title", "heading"),
    ]
    assert [p.start for p in doc.paragraphs][:3] == [0, 14, 42]
    assert doc.path == str(tmp_path / "basic.docx")
    assert doc.notes == []


def test_table_cells_row_by_row_and_nested_table(tmp_path):
    document = docx.Document()
    document.add_paragraph("Vorher")
    tbl = document.add_table(rows=2, cols=2)
    tbl.cell(0, 0).text = "A1"
    tbl.cell(0, 1).text = "B1"
    tbl.cell(0, 1).add_paragraph("B1 zweiter Absatz")
    tbl.cell(1, 0).text = "A2"
    nested = tbl.cell(1, 0).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "N1"
    nested.cell(0, 1).text = "N2"
    tbl.cell(1, 1).text = "B2"
    document.add_paragraph("Nachher")
    document.save(tmp_path / "table.docx")

    doc = read(tmp_path / "table.docx")

    assert texts(doc) == ["Vorher", "A1", "B1", "B1 zweiter Absatz", "A2", "N1", "N2", "B2", "Nachher"]
    assert [(p.part, p.kind) for p in doc.paragraphs] == [("body", None)] + [("table", "cell")] * 7 + [
        ("body", None)
    ]


def test_headers_then_footers_deduplicated_in_section_order(tmp_path):
    document = docx.Document()
    document.settings.odd_and_even_pages_header_footer = True
    document.add_paragraph("Text")
    first = document.sections[0]
    first.header.paragraphs[0].text = "Kopf Standard"
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Kopf erste Seite"
    first.even_page_header.paragraphs[0].text = "Kopf gerade"
    first.footer.paragraphs[0].text = "Fuß Standard"
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("Abschnitt zwei")
    second = document.sections[1]
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Kopf Abschnitt zwei"
    # the second section's footer is linked: the shared part appears once
    document.save(tmp_path / "hf.docx")

    doc = read(tmp_path / "hf.docx")

    assert texts(doc) == [
        "Text",
        "Abschnitt zwei",
        "Kopf Standard",
        "Kopf erste Seite",
        "Kopf gerade",
        "Kopf Abschnitt zwei",
        "Fuß Standard",
    ]
    assert [p.part for p in doc.paragraphs] == ["body"] * 2 + ["header"] * 4 + ["footer"]
    assert doc.paragraphs[2].style == "header"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.text(
            st.characters(blacklist_categories=("Cs", "Cc", "Cn"), blacklist_characters="\ufffe\uffff")
            | st.sampled_from("\t\n "),
            min_size=1,
            max_size=30,
        ).filter(lambda s: s.strip()),
        min_size=1,
        max_size=5,
    )
)
def test_round_trip_of_python_docx_paragraph_texts(tmp_path, paragraphs):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "roundtrip.docx"
    document.save(path)

    doc = read(path)

    # soft hyphens, zero-width spaces and word joiners are not shown, so they are not read
    shown = [text.translate(str.maketrans("", "", INVISIBLE_CHARACTERS)) for text in paragraphs]
    assert texts(doc) == [text for text in shown if text.strip()]


# -- raw OOXML -----------------------------------------------------------------


def test_run_level_characters(tmp_path):
    body = para(
        '<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>',
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">  Anfang</w:t><w:tab/><w:t>A</w:t>'
        "<w:br/><w:t>B</w:t><w:cr/><w:t>Kfz</w:t><w:noBreakHyphen/><w:t>Steuer</w:t>"
        '<w:t>Ver</w:t><w:softHyphen/><w:t>waltung</w:t><w:sym w:font="Wingdings" w:char="F04A"/>'
        '<w:t xml:space="preserve"> Ende  </w:t></w:r>',
        '<w:hyperlink r:id="rId99"><w:r><w:t>Link</w:t></w:r></w:hyperlink>',
        '<w:smartTag w:uri="x" w:element="place"><w:r><w:t> Ort</w:t></w:r></w:smartTag>',
        '<w:customXml w:element="x"><w:r><w:t> Daten</w:t></w:r></w:customXml>',
        '<w:r><w:delText>gelöscht</w:delText></w:r>',
    )
    doc = read(make_docx(tmp_path / "chars.docx", body))
    # w:t without xml:space="preserve" loses its outer spaces, as in Word: " Ort" prints glued
    assert texts(doc) == ["  Anfang\tA\nB\nKfz-SteuerVerwaltung Ende  LinkOrtDaten"]


def test_whitespace_only_paragraphs_are_dropped_without_side_effects(tmp_path):
    body = para("Eins") + para() + para("   ") + para("<w:r><w:tab/><w:br/></w:r>") + para(" Zwei ")
    doc = read(make_docx(tmp_path / "blank.docx", body))
    assert doc.text == "Eins\n\n Zwei "
    assert [(p.index, p.start) for p in doc.paragraphs] == [(1, 0), (2, 6)]


def test_style_ids_resolve_to_names_and_kinds(tmp_path):
    styles = styles_xml(
        ("berschrift1", "heading 1"),
        ("Titel", "Title"),
        ("Listenabsatz", "List Paragraph"),
        ("Aufzhlung", "Aufzählung"),
        ("Standard", "Normal"),
    )
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'
    not_numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'
    body = (
        para("Überschrift", style="berschrift1")
        + para("Der Titel", style="Titel")
        + para("Listenpunkt", style="Listenabsatz")
        + para("Nummeriert", style="Aufzhlung", ppr=numbered)
        + para("Nummerierung aus", style="Standard", ppr=not_numbered)
        + para("Unbekannte Vorlage", style="GibtEsNicht")
        + para("Ohne Vorlage")
    )
    path = make_docx(
        tmp_path / "styles.docx", body, parts={"word/styles.xml": styles}, rels=[("rId1", "styles", "styles.xml")]
    )
    doc = read(path)
    assert [(p.text, p.style, p.kind) for p in doc.paragraphs] == [
        ("Überschrift", "heading 1", "heading"),
        ("Der Titel", "Title", "heading"),
        ("Listenpunkt", "List Paragraph", "list"),
        ("Nummeriert", "Aufzählung", "list"),
        ("Nummerierung aus", "Normal", None),
        ("Unbekannte Vorlage", "GibtEsNicht", None),
        ("Ohne Vorlage", None, None),
    ]


def test_content_controls_block_and_inline(tmp_path):
    body = (
        '<w:sdt><w:sdtPr><w:alias w:val="Anschrift"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr>'
        f"<w:sdtContent>{para('Frau Erika Muster')}{para('Hauptstraße 1')}</w:sdtContent></w:sdt>"
        + para(
            "Ihr Antrag vom ",
            '<w:sdt><w:sdtPr><w:date/></w:sdtPr><w:sdtContent>'
            f"{run('1. März 2024')}</w:sdtContent></w:sdt>",
            " ist eingegangen.",
        )
        + '<w:sdt><w:sdtContent>'
        + table([para("Zelle im Steuerelement")])
        + "</w:sdtContent></w:sdt>"
    )
    doc = read(make_docx(tmp_path / "sdt.docx", body))
    assert texts(doc) == [
        "Frau Erika Muster",
        "Hauptstraße 1",
        "Ihr Antrag vom 1. März 2024 ist eingegangen.",
        "Zelle im Steuerelement",
    ]
    assert [p.part for p in doc.paragraphs] == ["body", "body", "body", "table"]


def _text_box(*paragraphs: str, choice: bool = True, fallback: bool = True) -> str:
    content = "<w:txbxContent>" + "".join(paragraphs) + "</w:txbxContent>"
    choice_xml = (
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    )
    fallback_xml = f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
    return (
        "<w:r><mc:AlternateContent>"
        + (choice_xml if choice else "")
        + (fallback_xml if fallback else "")
        + "</mc:AlternateContent></w:r>"
    )


def test_text_boxes_follow_their_host_paragraph_once(tmp_path):
    body = (
        para("Vor dem Kasten ", _text_box(para("Kasten eins"), para("Kasten zwei")), "danach")
        + para(_text_box(para("Nur Ersatz"), choice=False))
        + para("<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
               + para("VML-Kasten")
               + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
        + table([para("Zelle", _text_box(para("Kasten in Zelle")))])
        + para("Nächster Absatz")
    )
    doc = read(make_docx(tmp_path / "textbox.docx", body))
    assert [(p.text, p.part, p.kind) for p in doc.paragraphs] == [
        ("Vor dem Kasten danach", "body", None),
        ("Kasten eins", "textbox", "textbox"),
        ("Kasten zwei", "textbox", "textbox"),
        ("Nur Ersatz", "textbox", "textbox"),
        ("VML-Kasten", "textbox", "textbox"),
        ("Zelle", "table", "cell"),
        ("Kasten in Zelle", "textbox", "textbox"),
        ("Nächster Absatz", "body", None),
    ]


def test_tracked_insertions_kept_deletions_dropped(tmp_path):
    body = para(
        "Wir ",
        '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">bitten </w:t></w:r></w:ins>',
        '<w:del w:id="2" w:author="A"><w:r><w:delText xml:space="preserve">ersuchen </w:delText></w:r></w:del>',
        "Sie",
        '<w:moveFrom w:id="3" w:author="A"><w:r><w:t xml:space="preserve"> alt</w:t></w:r></w:moveFrom>',
        '<w:moveTo w:id="4" w:author="A"><w:r><w:t xml:space="preserve"> freundlich</w:t></w:r></w:moveTo>',
        ".",
    ) + table(
        [para("Zeile bleibt")],
        ['<w:tcPr/>' + para("Zeile gelöscht")],
    ).replace("<w:tr><w:tc><w:tcPr/>", '<w:tr><w:trPr><w:del w:id="5" w:author="A"/></w:trPr><w:tc>')
    doc = read(make_docx(tmp_path / "tracked.docx", body))
    assert texts(doc) == ["Wir bitten Sie freundlich.", "Zeile bleibt"]
    assert any("nachverfolgte Änderungen" in note for note in doc.notes)


def _complex_field(instruction: str, result: str | None) -> str:
    parts = [
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>',
    ]
    if result is not None:
        parts.append('<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
        if result:
            parts.append(run(result))
    parts.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return "".join(parts)


def test_fields_keep_results_and_show_empty_mergefields(tmp_path):
    body = (
        para("Hallo ", _complex_field(" MERGEFIELD Vorname \\* MERGEFORMAT ", ""), "!")
        + para("Ohne Trenner ", _complex_field(" MERGEFIELD Nachname ", None))
        + para("Name: ", _complex_field(" MERGEFIELD Name ", "Müller"))
        + para("Zitat: ", _complex_field(' MERGEFIELD "Straße und Nr" ', ""))
        + para("Seite ", _complex_field(" PAGE ", "3"), " von ", _complex_field(" NUMPAGES ", ""))
        + para("Ort: ", '<w:fldSimple w:instr=" MERGEFIELD Ort "/>')
        + para("Stadt: ", f'<w:fldSimple w:instr=" MERGEFIELD Stadt ">{run("Berlin")}</w:fldSimple>')
        + para(
            "Wenn: ",
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
            + _complex_field(" MERGEFIELD Anrede ", "")
            + '<w:r><w:instrText xml:space="preserve"> = "Frau" "Liebe" "Lieber" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + run("Liebe")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        )
        # a table of contents: one field whose result spans paragraphs
        + para(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            "Einleitung\t1",
        )
        + para("Begründung\t2", '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        + para("Danach")
    )
    doc = read(make_docx(tmp_path / "fields.docx", body))
    assert texts(doc) == [
        "Hallo «Vorname»!",
        "Ohne Trenner «Nachname»",
        "Name: Müller",
        "Zitat: «Straße und Nr»",
        "Seite 3 von ",
        "Ort: «Ort»",
        "Stadt: Berlin",
        "Wenn: Liebe",
        "Einleitung\t1",
        "Begründung\t2",
        "Danach",
    ]


def test_footnotes_and_endnotes_after_headers_and_footers(tmp_path):
    def notes(tag: str, *real: tuple[int, str]) -> str:
        # real separators hold no text; the text here proves they are skipped
        separators = (
            f'<w:{tag} w:type="separator" w:id="-1">'
            f"<w:p><w:r><w:separator/><w:t>TRENNER</w:t></w:r></w:p></w:{tag}>"
            f'<w:{tag} w:type="continuationSeparator" w:id="0">'
            f"<w:p><w:r><w:continuationSeparator/><w:t>FORTSETZUNG</w:t></w:r></w:p></w:{tag}>"
        )
        entries = "".join(
            f'<w:{tag} w:id="{i}">'
            + para('<w:r><w:rPr><w:rStyle w:val="FR"/></w:rPr><w:footnoteRef/></w:r>', text, style="Funotentext")
            + f"</w:{tag}>"
            for i, text in real
        )
        return f"{DECL}<w:{tag}s {NS}>{separators}{entries}</w:{tag}s>"

    body = (
        para("Haupttext", '<w:r><w:footnoteReference w:id="1"/></w:r>', '<w:r><w:endnoteReference w:id="1"/></w:r>')
        + '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>'
        '<w:footerReference w:type="default" r:id="rId4"/></w:sectPr>'
    )
    parts = {
        "word/footnotes.xml": notes("footnote", (1, " Erste Fußnote."), (2, " Zweite Fußnote.")),
        "word/endnotes.xml": notes("endnote", (1, " Endnote.")),
        "word/header1.xml": f"{DECL}<w:hdr {NS}>{para('Kopf')}</w:hdr>",
        "word/footer1.xml": f"{DECL}<w:ftr {NS}>{para('Fuß')}</w:ftr>",
        "word/styles.xml": styles_xml(("Funotentext", "footnote text")),
    }
    rels = [
        ("rId1", "endnotes", "endnotes.xml"),
        ("rId2", "footnotes", "footnotes.xml"),
        ("rId3", "header", "header1.xml"),
        ("rId4", "footer", "/word/footer1.xml"),
        ("rId5", "styles", "styles.xml"),
        ("rId6", "hyperlink", "https://example.org"),
    ]
    doc = read(make_docx(tmp_path / "notes.docx", body, parts=parts, rels=rels))
    assert [(p.text, p.part) for p in doc.paragraphs] == [
        ("Haupttext", "body"),
        ("Kopf", "header"),
        ("Fuß", "footer"),
        (" Erste Fußnote.", "footnote"),
        (" Zweite Fußnote.", "footnote"),
        (" Endnote.", "endnote"),
    ]
    assert doc.paragraphs[3].style == "footnote text"


def test_table_in_header_keeps_header_part(tmp_path):
    body = para("Text") + '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr>'
    header = f"{DECL}<w:hdr {NS}>{table([para('Aktenzeichen'), para('123')])}</w:hdr>"
    path = make_docx(
        tmp_path / "hdrtable.docx", body, parts={"word/header1.xml": header}, rels=[("rId1", "header", "header1.xml")]
    )
    doc = read(path)
    assert [(p.text, p.part, p.kind) for p in doc.paragraphs] == [
        ("Text", "body", None),
        ("Aktenzeichen", "header", "cell"),
        ("123", "header", "cell"),
    ]


def test_missing_referenced_part_is_noted(tmp_path):
    body = para("Text") + '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr>'
    doc = read(make_docx(tmp_path / "nohdr.docx", body, rels=[("rId1", "header", "header1.xml")]))
    assert texts(doc) == ["Text"]
    assert doc.notes == ["Teil word/header1.xml fehlt in der Datei und wurde übersprungen."]


def _nested_tables(levels: int) -> str:
    xml = para("Innen")
    for _ in range(levels):
        xml = table([xml])
    return xml


def test_fifty_nested_tables_are_read(tmp_path):
    doc = read(make_docx(tmp_path / "deep50.docx", _nested_tables(50)))
    assert [(p.text, p.part, p.kind) for p in doc.paragraphs] == [("Innen", "table", "cell")]


def test_large_document_reads_completely(tmp_path):
    """Its speed is measured by benchmarks/bench_large_input.py, not asserted here (timed tests are flaky)."""
    sentence = "Bitte reichen Sie die Unterlagen bis zum Monatsende bei der zuständigen Stelle ein. "
    paragraph = para("<w:r><w:rPr><w:b/></w:rPr><w:t>Absatz </w:t></w:r>", sentence * 2, sentence)
    body = paragraph * 15_000  # roughly 500 pages
    path = make_docx(tmp_path / "big.docx", body)
    doc = read_docx(path)
    assert len(doc.paragraphs) == 15_000
    assert doc.paragraphs[-1].end == len(doc.text)


# -- errors --------------------------------------------------------------------


def problem(path) -> str:
    with pytest.raises(InputError) as caught:
        read_docx(str(path))
    assert caught.value.path == str(path)
    return caught.value.problem


def test_missing_file(tmp_path):
    assert problem(tmp_path / "fehlt.docx") == "Datei nicht gefunden"


def test_directory(tmp_path):
    assert "Verzeichnis" in problem(tmp_path)


INVALID = "ist keine gültige .docx-Datei (beschädigt oder kein Word-Dokument)"


def test_truncated_zip(tmp_path):
    full = tmp_path / "full.docx"
    docx.Document().save(full)
    data = full.read_bytes()
    truncated = tmp_path / "kaputt.docx"
    truncated.write_bytes(data[: len(data) // 2])
    assert problem(truncated) == INVALID


def test_corrupt_member_data(tmp_path):
    path = Path(make_docx(tmp_path / "crc.docx", para("x" * 2000)))
    data = bytearray(path.read_bytes())
    start = data.index(b"word/document.xml") + len("word/document.xml")
    for i in range(start + 20, start + 60):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    assert problem(path) == INVALID


@pytest.mark.parametrize("content", [b"", b"Nur Text, kein Word.\n"])
def test_text_file_renamed(tmp_path, content):
    path = tmp_path / "text.docx"
    path.write_bytes(content)
    assert problem(path) == INVALID


def test_zip_without_document_xml(tmp_path):
    path = tmp_path / "leer.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    assert problem(path) == "enthält kein Word-Dokument (word/document.xml fehlt)"


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize("marker", [b"EncryptedPackage", "EncryptedPackage".encode("utf-16-le")])
def test_encrypted_docx(tmp_path, marker):
    path = tmp_path / "geheim.docx"
    path.write_bytes(OLE + b"\0" * ((1 << 20) - 5) + marker + b"\0" * 512)  # marker across a chunk border
    assert problem(path) == "ist passwortgeschützt (verschlüsselt); bitte ohne Kennwort speichern"


def test_legacy_doc(tmp_path):
    path = tmp_path / "alt.docx"
    path.write_bytes(OLE + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 512)
    assert problem(path) == (
        "ist ein altes Word-Format (.doc); bitte in Word oder LibreOffice als .docx speichern "
        "(libreoffice --headless --convert-to docx DATEI)"
    )


def test_malformed_document_xml(tmp_path):
    path = make_docx(tmp_path / "xml.docx", "", document_xml=f"{DECL}<w:document {NS}><w:body><w:p></w:body>")
    message = problem(path)
    assert message.startswith("enthält fehlerhaftes XML in word/document.xml: ")
    assert "\n" not in message


def test_malformed_header_names_the_part(tmp_path):
    body = para("Text") + '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr>'
    path = make_docx(
        tmp_path / "hdr.docx", body, parts={"word/header1.xml": "<w:hdr"}, rels=[("rId1", "header", "header1.xml")]
    )
    assert problem(path).startswith("enthält fehlerhaftes XML in word/header1.xml: ")


def test_strict_ooxml_is_refused_with_advice(tmp_path):
    strict = '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>'
    assert "Strict Open XML" in problem(make_docx(tmp_path / "strict.docx", "", document_xml=strict))


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + f"]>\n<w:document {NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    f"<w:document {NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
DTD_REFUSED = "Teil word/document.xml enthält eine DTD (DOCTYPE); aus Sicherheitsgründen nicht gelesen"


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_doctype_is_refused(tmp_path, xml):
    path = make_docx(tmp_path / "dtd.docx", "", document_xml=xml)
    assert problem(path) == DTD_REFUSED


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_doctype_refused_even_without_byte_scan(tmp_path, monkeypatch, xml):
    """Defence in depth: the parser never expands, and the parsed DTD is refused."""
    from einfach.readers import safe_xml

    monkeypatch.setattr(safe_xml, "DOCTYPE_MARKERS", ())
    path = make_docx(tmp_path / "dtd.docx", "", document_xml=xml)
    message = problem(path)
    # refused after parsing, or libxml2's amplification guard stops the parse
    assert "DOCTYPE" in message or message.startswith("enthält fehlerhaftes XML")
    assert "root:" not in message and "lollol" not in message


def test_doctype_in_styles_part_is_refused(tmp_path):
    path = make_docx(
        tmp_path / "styles.docx",
        para("Text"),
        parts={"word/styles.xml": XXE.replace("w:document", "w:styles")},
        rels=[("rId1", "styles", "styles.xml")],
    )
    assert problem(path) == DTD_REFUSED.replace("document.xml", "styles.xml")


def test_part_over_size_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_PART_SIZE", 1000)
    small = read(make_docx(tmp_path / "klein.docx", para("kurz")))
    assert texts(small) == ["kurz"]
    message = problem(make_docx(tmp_path / "gross.docx", para("x" * 5000)))
    assert "zu groß entpackt" in message
    assert message.startswith("Teil word/document.xml ")


def test_bounded_read_when_size_header_lies(tmp_path, monkeypatch):
    """If the size check is fooled, the bounded read still stops at the cap."""
    monkeypatch.setattr(docx_reader, "MAX_PART_SIZE", 1000)
    path = make_docx(tmp_path / "luege.docx", para("x" * 5000))
    original_getinfo = zipfile.ZipFile.getinfo
    lied = []

    def lying_getinfo(self, name):
        info = original_getinfo(self, name)
        if name == "word/document.xml" and not lied:  # only the reader's size check
            lied.append(name)
            fake = copy.copy(info)
            fake.file_size = 10
            return fake
        return info

    monkeypatch.setattr(zipfile.ZipFile, "getinfo", lying_getinfo)
    assert "zu groß entpackt" in problem(path)


def test_tables_nested_too_deep(tmp_path):
    message = problem(make_docx(tmp_path / "deep51.docx", _nested_tables(51)))
    assert "zu tief verschachtelt" in message


def test_xml_nested_beyond_parser_limit(tmp_path):
    body = "<w:sdt><w:sdtContent>" * 200 + para("x") + "</w:sdtContent></w:sdt>" * 200
    assert "zu tief verschachtelt" in problem(make_docx(tmp_path / "deepxml.docx", body))
