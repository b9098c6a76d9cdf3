"""Rewrites written into a .docx copy as Word tracked changes (einfach.output.docx_tracked).

The letters are built here with python-docx (and raw OOXML where python-docx
cannot make the case).  Every written copy is checked on its XML: accepting all
changes (drop ``w:del``, unwrap ``w:ins``) must give the original extracted text
with the edits applied, rejecting all (drop ``w:ins``, unwrap ``w:del``,
``w:delText`` back to ``w:t``) the original text exactly.  Once, LibreOffice
accepts all changes through UNO (system Python with python3-uno).
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from einfach.atomic import OutputError
from einfach.edits import apply_edits, checked_edits
from einfach.output.docx_tracked import TrackedReport, word_changes, write_tracked_changes
from einfach.readers.docx import read_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SYSTEM_PYTHON = "/usr/bin/python3"
UNO_SCRIPT = Path(__file__).with_name("uno_accept_all.py")
DATE = datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc)
W_DEL, W_INS, W_DEL_TEXT, W_T = qn("w:del"), qn("w:ins"), qn("w:delText"), qn("w:t")


# -- builders and helpers --------------------------------------------------------


def build_letter(path) -> str:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Die Unterlagen sind bis zum 1. Oktober vorzulegen."
    document.sections[0].footer.paragraphs[0].text = "Stadt Musterstadt, z. B. Bürgeramt"
    p = document.add_paragraph()  # an edit across a plain, a bold and an italic run
    p.add_run("Ihr Antrag ")
    p.add_run("wurde ").bold = True
    p.add_run("abgelehnt").italic = True
    p.add_run(".")
    p = document.add_paragraph()  # an edit inside one bold run, in the middle of a paragraph
    p.add_run("Bitte beachten Sie: ")
    p.add_run("Sie werden gebeten, die Unterlagen mitzubringen.").bold = True
    p.add_run(" Vielen Dank.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Hinweis"
    table.cell(0, 1).text = "Die Gebühr wird im vorliegenden Fall erlassen."
    document.add_paragraph("Sollten Sie Fragen haben, rufen Sie uns an.")
    document.save(path)
    return str(path)


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def letter_edits(text: str) -> list[tuple[int, int, str]]:
    return [
        (*span(text, "Ihr Antrag wurde abgelehnt."), "Wir haben Ihren Antrag abgelehnt."),
        (*span(text, "Sie werden gebeten, die Unterlagen mitzubringen."), "Bitte bringen Sie die Unterlagen mit."),
        (*span(text, "im vorliegenden Fall"), "in Ihrem Fall"),
        (*span(text, "Sollten Sie"), "Wenn Sie"),
        (*span(text, "Die Unterlagen sind bis zum 1. Oktober vorzulegen."),
         "Bitte legen Sie die Unterlagen bis zum 1. Oktober vor."),
        (*span(text, "z. B."), "zum Beispiel"),
    ]


def sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def resolved(path, out, accept: bool) -> str:
    """A copy of the .docx with every tracked change accepted (or rejected), done on the XML."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("word/") and item.filename.endswith(".xml"):
                root = etree.fromstring(data)
                drop, keep = (W_DEL, W_INS) if accept else (W_INS, W_DEL)
                for element in list(root.iter(drop)):
                    element.getparent().remove(element)
                for element in list(root.iter(keep)):
                    for deleted in element.iter(W_DEL_TEXT):
                        deleted.tag = W_T
                    for child in list(element):
                        element.addprevious(child)
                    element.getparent().remove(element)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, data)
    return str(out)


def revisions(path) -> list[tuple[str, str, etree._Element]]:
    """(kind, text, element) of every w:ins / w:del in the main part, headers and footers."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(archive.read(name))
                for element in root.iter(W_INS, W_DEL):
                    text = "".join(t.text or "" for t in element.iter(W_T, W_DEL_TEXT))
                    found.append(("ins" if element.tag == W_INS else "del", text, element))
    return found


def paragraph_shapes(path) -> list[list[tuple]]:
    """Every body paragraph as a list of (tag, attributes, text): to prove a paragraph untouched."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return [
        [(e.tag, sorted(e.attrib.items()), e.text) for e in p.iter() if isinstance(e.tag, str)]
        for p in root.iter(qn("w:p"))
    ]


@pytest.fixture()
def letter(tmp_path):
    return build_letter(tmp_path / "brief.docx")


# -- accept all, reject all --------------------------------------------------------


def test_accept_all_gives_the_edited_text_and_reject_all_the_original(letter, tmp_path):
    before = sha256(letter)
    original = read_docx(letter).text
    edits = letter_edits(original)
    out = tmp_path / "brief.einfach.docx"
    report = write_tracked_changes(letter, edits, str(out), date=DATE)

    assert sha256(letter) == before, "the input must never change"
    assert report.written == len(edits) and report.skipped == 0
    assert "Nachverfolgte Änderungen: 6 in" in report.summary()
    expected = apply_edits(original, edits)
    assert read_docx(resolved(out, tmp_path / "accepted.docx", accept=True)).text == expected
    assert read_docx(resolved(out, tmp_path / "rejected.docx", accept=False)).text == original
    assert read_docx(str(out)).text == expected  # the reader shows a document with changes accepted

    found = revisions(out)
    assert len(found) == report.revisions
    ids = [int(element.get(qn("w:id"))) for _, _, element in found]
    assert len(set(ids)) == len(ids), "revision ids must be unique"
    body_ids = [int(e.get(qn("w:id"))) for e in etree.fromstring(zipfile.ZipFile(out).read("word/document.xml")).iter(W_INS, W_DEL)]
    assert body_ids == sorted(body_ids), "ids follow the document order, as Word numbers them"
    for _, _, element in found:
        assert element.get(qn("w:author")) == "einfach"
        assert element.get(qn("w:date")) == "2024-03-01T09:30:00Z"
        assert all(child.tag == qn("w:r") for child in element)  # as Word writes them: runs inside
    assert not any(e.tag == W_T for kind, _, el in found if kind == "del" for e in el.iter())  # w:delText only


def test_changes_are_minimal_word_differences(letter, tmp_path):
    original = read_docx(letter).text
    out = tmp_path / "kopie.docx"
    write_tracked_changes(letter, letter_edits(original), str(out), date=DATE)
    found = [(kind, text) for kind, text, _ in revisions(out)]
    body = {(kind, text) for kind, text in found}
    # "Ihr Antrag wurde abgelehnt." -> "Wir haben Ihren Antrag abgelehnt.": only the changed words
    assert ("del", "Ihr") in body and ("ins", "Wir haben Ihren") in body and ("del", "wurde ") in body
    # unchanged words are never inside a deletion or an insertion
    changed = " ".join(text for _, text in found)
    for unchanged in ("Antrag", "abgelehnt", "Unterlagen", "Oktober", "Gebühr", "Fragen", "Musterstadt"):
        assert unchanged not in changed, unchanged
    # "z. B." -> "zum Beispiel" is one deletion and one insertion, not one per token
    assert ("del", "z. B.") in body and ("ins", "zum Beispiel") in body


def test_word_changes():
    assert word_changes("Ihr Antrag wurde abgelehnt.", "Wir haben Ihren Antrag abgelehnt.") == [
        (0, 3, "Wir haben Ihren"), (11, 17, ""),
    ]
    assert word_changes("A B C", "X Y Z") == [(0, 5, "X Y Z")]  # joined across the spaces
    assert word_changes("gleich", "gleich") == []
    assert word_changes("", "neu") == [(0, 0, "neu")]
    old, new = "Sie werden gebeten, die Unterlagen mitzubringen.", "Bitte bringen Sie die Unterlagen mit."
    assert apply_edits(old, word_changes(old, new)) == new


# -- formatting ----------------------------------------------------------------------


def test_inserted_words_take_the_formatting_of_the_replaced_run(letter, tmp_path):
    original = read_docx(letter).text
    out = tmp_path / "kopie.docx"
    write_tracked_changes(letter, letter_edits(original), str(out), date=DATE)
    by_text = {text: element for kind, text, element in revisions(out)}

    def run_format(element):
        run = element.find(qn("w:r"))
        properties = run.find(qn("w:rPr"))
        return {child.tag.split("}")[1] for child in properties} if properties is not None else set()

    assert run_format(by_text["Ihr"]) == set() == run_format(by_text["Wir haben Ihren"])  # a plain run
    assert run_format(by_text["wurde "]) == {"b"}  # deleted text keeps its bold
    # inside the bold run: "Bitte bringen " is inserted before "Sie" and is bold like it
    assert run_format(by_text["Bitte bringen "]) == {"b"}
    assert run_format(by_text[" werden gebeten,"]) == {"b"}

    reopened = docx.Document(resolved(out, tmp_path / "accepted.docx", accept=True))
    paragraph = next(p for p in reopened.paragraphs if p.text.startswith("Wir haben"))
    styled = [(run.text, bool(run.bold), bool(run.italic)) for run in paragraph.runs if run.text]
    assert styled == [("Wir haben Ihren", False, False), (" Antrag ", False, False), ("abgelehnt", False, True),
                      (".", False, False)]
    paragraph = next(p for p in reopened.paragraphs if p.text.startswith("Bitte beachten"))
    bold = "".join(run.text for run in paragraph.runs if run.bold)
    assert bold == "Bitte bringen Sie die Unterlagen mit."
    assert paragraph.text == "Bitte beachten Sie: Bitte bringen Sie die Unterlagen mit. Vielen Dank."


def test_headers_footers_and_table_cells(letter, tmp_path):
    original = read_docx(letter).text
    out = tmp_path / "kopie.docx"
    write_tracked_changes(letter, letter_edits(original), str(out), date=DATE)
    with zipfile.ZipFile(out) as archive:
        parts = {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")}
    header = next(xml for name, xml in parts.items() if name.startswith("word/header"))
    footer = next(xml for name, xml in parts.items() if name.startswith("word/footer"))
    assert "<w:ins " in header and "<w:del " in header
    assert "<w:ins " in footer and "zum Beispiel" in footer
    accepted = docx.Document(resolved(out, tmp_path / "accepted.docx", accept=True))
    assert accepted.tables[0].cell(0, 1).text == "Die Gebühr wird in Ihrem Fall erlassen."
    assert accepted.sections[0].header.paragraphs[0].text == "Bitte legen Sie die Unterlagen bis zum 1. Oktober vor."
    assert accepted.sections[0].footer.paragraphs[0].text == "Stadt Musterstadt, zum Beispiel Bürgeramt"


def test_insertion_deletion_and_a_tab_or_break_in_the_new_text(tmp_path):
    document = docx.Document()
    document.add_paragraph("Wir prüfen Ihren Antrag.")
    document.add_paragraph("Das ist nicht unerheblich teuer.")
    path = tmp_path / "b.docx"
    document.save(path)
    text = read_docx(str(path)).text
    edits = [
        (*span(text, "Antrag"), "Antrag\tsorgfältig"),  # a tab becomes w:tab
        (text.index("Wir"), text.index("Wir"), "Heute "),  # a pure insertion at the paragraph start
        (*span(text, "nicht unerheblich "), ""),  # a pure deletion
        (*span(text, "teuer"), "sehr\nteuer"),  # a line break becomes w:br
    ]
    out = tmp_path / "c.docx"
    report = write_tracked_changes(str(path), edits, str(out), date="2024-01-02T03:04:05Z")
    assert report.written == 4
    assert read_docx(resolved(out, tmp_path / "a.docx", accept=True)).text == apply_edits(text, edits)
    assert read_docx(resolved(out, tmp_path / "r.docx", accept=False)).text == text
    assert all(e.get(qn("w:date")) == "2024-01-02T03:04:05Z" for _, _, e in revisions(out))


# -- what is never touched ---------------------------------------------------------------


def build_risky_letter(path) -> str:
    document = docx.Document()
    p = document.add_paragraph("Wir ")  # an existing tracked insertion
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="7" w:author="A" w:date="2024-01-01T00:00:00Z">'
                          '<w:r><w:t xml:space="preserve">bitten </w:t></w:r></w:ins>'))
    p.add_run("Sie, den Antrag zeitnah einzureichen.")
    p = document.add_paragraph("Ihr Antrag vom ")  # a MERGEFIELD placeholder («Datum»)
    p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" MERGEFIELD Datum "/>'))
    p.add_run(" wurde zeitnah bearbeitet.")
    p = document.add_paragraph()  # a comment range
    commented = p.add_run("Die Akte wird zeitnah geprüft.")
    document.add_paragraph("Wir melden uns zeitnah.")  # a plain paragraph: changed
    document.add_comment([commented], text="bitte prüfen", author="Sachbearbeiterin")
    document.save(path)
    return str(path)


def test_tracked_changes_fields_and_comments_are_skipped_and_left_alone(tmp_path):
    path = build_risky_letter(tmp_path / "riskant.docx")
    text = read_docx(path).text
    assert "«Datum»" in text
    edits = [(start, start + len("zeitnah"), "bald") for start in (i for i in range(len(text)) if text.startswith("zeitnah", i))]
    assert len(edits) == 4
    edits.append((*span(text, "vom «Datum»"), "von heute"))  # touches the MERGEFIELD placeholder
    out = tmp_path / "kopie.docx"
    report = write_tracked_changes(path, edits, str(out), date=DATE)
    # the placeholder's paragraph: the edit clear of the field is written, the one on it is not
    assert (report.written, report.skipped_tracked, report.skipped_field, report.skipped_comment) == (2, 1, 1, 1)
    reasons = report.skip_reasons()
    assert "nachverfolgte Änderungen" in reasons and "Feld" in reasons and "Kommentar" in reasons
    assert "3 Änderungen nicht übernommen" in report.summary()
    before, after = paragraph_shapes(path), paragraph_shapes(out)
    assert after[0] == before[0] and after[2] == before[2], "skipped paragraphs stay exactly as they were"
    assert after[1] != before[1] and after[3] != before[3]
    accepted = read_docx(resolved(out, tmp_path / "a.docx", accept=True)).text
    assert accepted.endswith("Ihr Antrag vom «Datum» wurde bald bearbeitet.\n\nDie Akte wird zeitnah geprüft."
                             "\n\nWir melden uns bald.")
    with zipfile.ZipFile(out) as archive:
        assert 'w:instr=" MERGEFIELD Datum "' in archive.read("word/document.xml").decode("utf-8")


def test_complex_field_result_is_not_touched(tmp_path):
    from test_reader_docx import _complex_field, make_docx, para

    body = para("Name: ", _complex_field(" MERGEFIELD Name ", "Müller"), " wohnt hier und wohnt gern hier.")
    path = make_docx(tmp_path / "feld.docx", body)
    text = read_docx(path).text
    edits = [
        (*span(text, "Müller"), "Meier"),  # the field result
        (span(text, "Müller")[1], span(text, "Müller")[1], " Hans"),  # right after the result: would join it
        (*span(text, "gern"), "sehr gern"),  # clear of the field
    ]
    out = tmp_path / "kopie.docx"
    report = write_tracked_changes(path, edits, str(out), date=DATE)
    assert (report.written, report.skipped_field) == (1, 2)
    assert read_docx(resolved(out, tmp_path / "a.docx", accept=True)).text == apply_edits(text, edits[2:])
    assert read_docx(resolved(out, tmp_path / "r.docx", accept=False)).text == text


def test_text_boxes_notes_math_and_cross_paragraph_edits_are_skipped(tmp_path):
    from test_reader_docx import DECL, NS, _text_box, make_docx, para

    def notes(tag: str) -> str:
        return f'{DECL}<w:{tag}s {NS}><w:{tag} w:id="1">{para(" Eine Fußnote hier.")}</w:{tag}></w:{tag}s>'

    body = (
        para("Vor der Box ", _text_box(para("Inhalt der Box hier")), "und danach weiter.")
        + para("Formel ", "<m:oMath><m:r><m:t>x plus eins</m:t></m:r></m:oMath>", " ist gut.")
        + para('<w:r><w:t xml:space="preserve">Bild </w:t><w:drawing/><w:t>hier</w:t></w:r>', " und Text.")
        + para("Erster Absatz.")
        + para("Zweiter Absatz.", '<w:r><w:footnoteReference w:id="1"/></w:r>')
    )
    path = make_docx(tmp_path / "boxen.docx", body, parts={"word/footnotes.xml": notes("footnote")},
                     rels=[("rIdF", "footnotes", "footnotes.xml")])
    text = read_docx(path).text
    edits = [
        (*span(text, "Inhalt"), "Text"),  # in the text box
        (*span(text, "Eine"), "Die"),  # in the footnote
        (*span(text, "x plus"), "y plus"),  # math
        (*span(text, "Bild hier"), "Grafik"),  # would delete the run holding a drawing
        (*span(text, "Absatz.\n\nZweiter"), "Absatz. Zweiter"),  # across paragraphs
        (*span(text, "danach"), "dann"),  # fine: the host paragraph of the text box
        (*span(text, "ist gut"), "passt"),  # fine: after the math
    ]
    out = tmp_path / "kopie.docx"
    report = write_tracked_changes(path, edits, str(out), date=DATE)
    assert (report.skipped_textbox, report.skipped_note, report.skipped_unmapped, report.written) == (1, 1, 3, 2)
    assert "Textfeld" in report.summary() and "Fuß- oder Endnoten" in report.summary()
    accepted = read_docx(resolved(out, tmp_path / "a.docx", accept=True)).text
    assert accepted == apply_edits(text, edits[-2:])
    assert read_docx(resolved(out, tmp_path / "r.docx", accept=False)).text == text
    assert "<w:drawing/>" in zipfile.ZipFile(out).read("word/document.xml").decode()


def test_content_controls_and_hyperlinks(tmp_path):
    from test_reader_docx import make_docx, para

    def control(text: str, lock: str = "") -> str:
        props = f'<w:lock w:val="{lock}"/>' if lock else ""
        return (f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent><w:r><w:rPr><w:i/></w:rPr>"
                f'<w:t xml:space="preserve">{text}</w:t></w:r></w:sdtContent></w:sdt>')

    body = (
        para("Frei: ", control("Die Unterlagen sind vorzulegen."), " Ende.")
        + para("Gesperrt: ", control("Die Gebühr ist zu entrichten.", "contentLocked"), " Ende.")
        + para("Nur das Feld gesperrt: ", control("Hiermit teilen wir mit.", "sdtLocked"), " Ende.")
        + para("Siehe ", '<w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve">unsere Seite im Netz</w:t></w:r>'
               "</w:hyperlink>", " bitte.")
    )
    path = make_docx(tmp_path / "steuer.docx", body)
    text = read_docx(path).text
    edits = [
        (*span(text, "sind vorzulegen"), "legen Sie vor"),
        (*span(text, "ist zu entrichten"), "zahlen Sie"),  # content locked: skipped
        (*span(text, "Hiermit teilen wir mit"), "Wir teilen mit"),  # only deleting the control is locked
        (*span(text, "im Netz"), "online"),
    ]
    out = tmp_path / "kopie.docx"
    report = write_tracked_changes(path, edits, str(out), date=DATE)
    assert (report.written, report.skipped_unmapped) == (3, 1)
    assert read_docx(resolved(out, tmp_path / "a.docx", accept=True)).text == apply_edits(text, edits[:1] + edits[2:])
    assert read_docx(resolved(out, tmp_path / "r.docx", accept=False)).text == text
    italic = {text: element.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:i')}") is not None
              for kind, text, element in revisions(out) if kind == "ins"}
    # inserted words in a control are italic like the control's run, those in the link are not
    assert italic == {"legen Sie vor": True, "Wir": True, "online": False}


def test_hidden_text_and_unshown_outer_spaces_are_read_as_the_reader_reads_them(tmp_path):
    """The writer sees a paragraph with the reader's formatting: a hidden run (``w:vanish``) and
    the outer spaces of a ``w:t`` without ``xml:space="preserve"`` are not part of the checked
    text, and the paragraph is still mapped (it was refused as "unmapped" before)."""
    from test_reader_docx import make_docx, para

    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">(interner Vermerk) </w:t></w:r>'
    unshown = "<w:r><w:t>  Ihr Antrag wurde abgelehnt. </w:t></w:r>"
    body = para("Wir teilen mit: ", hidden, "Die Gebühr ist zu entrichten.") + para(unshown)
    path = make_docx(tmp_path / "verborgen.docx", body)
    text = read_docx(path).text
    assert "interner Vermerk" not in text and "  Ihr" not in text
    edits = [(*span(text, "ist zu entrichten"), "müssen Sie zahlen"),
             (*span(text, "Ihr Antrag wurde abgelehnt."), "Wir haben Ihren Antrag abgelehnt.")]
    out = tmp_path / "kopie.docx"
    report = write_tracked_changes(path, edits, str(out), date=DATE)
    assert (report.written, report.skipped_unmapped) == (2, 0)
    assert read_docx(resolved(out, tmp_path / "a.docx", accept=True)).text == apply_edits(text, edits)
    assert read_docx(resolved(out, tmp_path / "r.docx", accept=False)).text == text
    # the hidden run is still in the copy, untouched and hidden
    with zipfile.ZipFile(out) as archive:
        assert b"(interner Vermerk) </w:t>" in archive.read("word/document.xml")


# -- refusals ---------------------------------------------------------------------------


def test_refuses_overlapping_edits_and_an_input_as_target(letter, tmp_path):
    before = sha256(letter)
    with pytest.raises(ValueError, match="overlap"):
        write_tracked_changes(letter, [(0, 5, "a"), (3, 8, "b")], str(tmp_path / "k.docx"))
    with pytest.raises(ValueError, match="outside"):
        write_tracked_changes(letter, [(0, 10_000, "a")], str(tmp_path / "k.docx"))
    with pytest.raises(OutputError, match="Eingabedatei"):
        write_tracked_changes(letter, [], letter)
    other = tmp_path / "anderer.docx"
    shutil.copy(letter, other)
    with pytest.raises(OutputError, match="Eingabedatei"):
        write_tracked_changes(letter, [], str(other), inputs=[str(other)])
    with pytest.raises(OutputError, match="Endung .docx"):
        write_tracked_changes(letter, [], str(tmp_path / "k.txt"))
    assert sha256(letter) == before
    assert not (tmp_path / "k.docx").exists()
    assert not [name for name in tmp_path.iterdir() if name.suffix == ".tmp"]


def test_report_without_edits(letter, tmp_path):
    report = write_tracked_changes(letter, [], str(tmp_path / "k.docx"))
    assert report == TrackedReport(target=str(tmp_path / "k.docx"))
    assert report.summary() == f"Nachverfolgte Änderungen: 0 in {tmp_path / 'k.docx'} geschrieben"
    assert read_docx(str(tmp_path / "k.docx")).text == read_docx(letter).text


# -- plain text ---------------------------------------------------------------------------


def test_apply_edits_on_plain_text():
    text = "Ihr Antrag wurde abgelehnt. Sollten Sie Fragen haben, rufen Sie an."
    edits = [(0, 27, "Wir haben Ihren Antrag abgelehnt."), {"start": 28, "end": 39, "text": "Wenn Sie"}]
    assert apply_edits(text, edits) == "Wir haben Ihren Antrag abgelehnt. Wenn Sie Fragen haben, rufen Sie an."
    assert apply_edits("ab", [(1, 1, "x"), (1, 2, "y")]) == "axy"  # an insertion before a replacement
    assert apply_edits("ab", []) == "ab"
    for bad in ([(0, 2, "x"), (1, 2, "y")], [(1, 1, "x"), (1, 1, "y")]):
        with pytest.raises(ValueError, match="overlap"):
            apply_edits("ab", bad)
    with pytest.raises(ValueError, match="outside"):
        apply_edits("ab", [(1, 3, "x")])
    with pytest.raises(ValueError):
        checked_edits([(2, 1, "x")], 2)


# -- LibreOffice -------------------------------------------------------------------------


def _uno_available() -> bool:
    if SOFFICE is None or not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _uno_available(), reason="LibreOffice or python3-uno is not installed; .ci/run installs both")
def test_libreoffice_accepts_all_changes(letter, tmp_path):
    original = read_docx(letter).text
    edits = letter_edits(original)
    out = tmp_path / "brief.einfach.docx"
    report = write_tracked_changes(letter, edits, str(out), date=DATE)
    accepted = tmp_path / "angenommen.docx"
    run = subprocess.run(
        [SYSTEM_PYTHON, str(UNO_SCRIPT), SOFFICE, str(out), str(accepted), (tmp_path / "lo-profile").as_uri()],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    # LibreOffice sees every revision as a tracked change by einfach, and none is left after accepting
    assert len(result["redlines"]) == report.revisions
    assert {r["author"] for r in result["redlines"]} == {"einfach"}
    assert {r["type"] for r in result["redlines"]} == {"Insert", "Delete"}
    assert result["remaining"] == 0
    assert read_docx(str(accepted)).text == apply_edits(original, edits)
    with zipfile.ZipFile(accepted) as archive:
        xml = io.StringIO(archive.read("word/document.xml").decode("utf-8")).read()
    assert "<w:del " not in xml and "<w:ins " not in xml
