"""``einfach check brief.docx --annotate kopie.docx``: Word comments on exactly the flagged words.

The letters are built with python-docx inside the tests: a finding spanning a
bold and an italic run, a finding inside one run, a run with a tab and a line
break, a table cell, a content control, a MERGEFIELD placeholder and a header
(Word has no comments there: skipped and counted).  The written copy is
reopened with python-docx, and every comment's anchored text must equal its
finding's text.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from einfach.atomic import OutputError
from einfach.checker import check_document
from einfach.cli import cli
from einfach.findings import FileResult, Finding, Location
from einfach.output.docx_anchor import _shift
from einfach.output.docx_comments import AUTHOR, INITIALS, annotate, comment_text
from einfach.readers.docx import iter_paragraphs, read_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def build_letter(path) -> str:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Ihr Antrag wurde von uns abgelehnt."
    document.sections[0].footer.paragraphs[0].text = "Stadt Musterstadt · Seite 1"
    document.add_paragraph("Sehr geehrte Frau Yılmaz,")
    p = document.add_paragraph()  # a finding across a bold and an italic run
    p.add_run("Ihr Antrag ")
    p.add_run("wurde ").bold = True
    p.add_run("abgelehnt").italic = True
    p.add_run(".")
    p = document.add_paragraph()  # a finding inside one (underlined) run
    p.add_run("Wir bitten Sie, die Unterlagen ")
    p.add_run("fristgerecht bei uns").underline = True
    p.add_run(" abzugeben.")
    document.add_paragraph().add_run("Frist:\tDie Unterlagen sind fristgerecht\neinzureichen.").bold = True
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Hinweis"
    table.cell(0, 1).text = "Die Gebühr wird im vorliegenden Fall erlassen."
    p = document.add_paragraph()  # an empty MERGEFIELD: «Datum» is in the text, not in any run
    p.add_run("Ihr Antrag vom ")
    p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" MERGEFIELD Datum "/>'))
    p.add_run(" ist bei uns eingegangen und wurde im vorliegenden Verfahren sorgfältig geprüft und leider abgelehnt.")
    p = document.add_paragraph()  # a content control
    p._p.append(
        parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent><w:r><w:rPr><w:i/></w:rPr>'
            '<w:t xml:space="preserve">Die Unterlagen sind fristgerecht einzureichen.</w:t></w:r></w:sdtContent></w:sdt>'
        )
    )
    document.save(path)
    return str(path)


@pytest.fixture()
def letter(tmp_path):
    return build_letter(tmp_path / "brief.docx")


@pytest.fixture()
def checked(letter, nlp):
    return check_document(read_docx(letter), nlp)


def sha256(path) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: What a reader of the paragraph does not see (text boxes are paragraphs of their own).
_HIDDEN = {qn("w:txbxContent"), qn("w:del"), qn("w:moveFrom"), qn("w:instrText"), qn("w:delText"), _MC + "Fallback"}
_CHARS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_TEXTS = {qn("w:t"), "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"}


def anchored(path) -> dict[int, tuple[int, str]]:
    """comment id -> (paragraph number in extracted-text order, text between its range markers)."""
    result: dict[int, tuple[int, str]] = {}

    def walk(element, number: int, open_ids: list[int]) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _HIDDEN:
                continue
            if tag == qn("w:commentRangeStart"):
                open_ids.append(int(child.get(qn("w:id"))))
                result[open_ids[-1]] = (number, "")
            elif tag == qn("w:commentRangeEnd"):
                open_ids.remove(int(child.get(qn("w:id"))))
            elif tag in _TEXTS or tag in _CHARS:
                piece = child.text or "" if tag in _TEXTS else _CHARS[tag]
                for comment_id in open_ids:
                    result[comment_id] = (number, result[comment_id][1] + piece)
            else:
                walk(child, number, open_ids)

    for number, paragraph in enumerate(iter_paragraphs(str(path)), start=1):
        open_ids: list[int] = []
        walk(paragraph.element, number, open_ids)
        assert not open_ids, "a comment range must end in the paragraph it starts in"
    return result


def first_comment_id(path) -> int:
    """The id of the comment whose range starts first in the body."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return int(next(root.iter(qn("w:commentRangeStart"))).get(qn("w:id")))


def formatting(path) -> list[list[tuple[str, bytes]]]:
    """Per body paragraph: every visible character with its run properties."""
    rows = []
    for paragraph in iter_paragraphs(str(path)):
        if paragraph.part_name != "word/document.xml":
            continue
        chars = []
        for run in paragraph.element.iter(qn("w:r")):
            rpr = run.find(qn("w:rPr"))
            key = etree.tostring(rpr) if rpr is not None else b""
            for child in run:
                text = {qn("w:t"): child.text or "", qn("w:tab"): "\t", qn("w:br"): "\n"}.get(child.tag, "")
                chars.extend((char, key) for char in text)
        rows.append(chars)
    return rows


def test_every_comment_sits_on_exactly_its_words(letter, checked, tmp_path):
    before = sha256(letter)
    out = tmp_path / "brief.einfach.docx"
    report = annotate(checked, str(out))

    assert sha256(letter) == before, "the original letter must never change"
    rules = Counter((f.rule, f.location.part) for f in checked.findings)
    assert rules[("passiv", "header")] == 1
    assert rules[("amtsdeutsch", "table")] == 1
    assert report.skipped_story == 1  # the header finding
    # the sentence that contains «Datum» (no text in the file) cannot be anchored exactly
    placeholder = [f for f in checked.findings if "«Datum»" in f.text]
    assert len(placeholder) == 1 and report.skipped_unmapped == 1
    commentable = [f for f in checked.findings if f.location.part in ("body", "table") and f not in placeholder]
    assert report.written == len(commentable) >= 7

    reopened = docx.Document(str(out))
    comments = {comment.comment_id: comment for comment in reopened.comments}
    ranges = anchored(out)
    assert set(ranges) == set(comments)
    # the copy's first comment lists the two findings without a comment of their own, in German
    assert report.listed and len(comments) == report.written + 1
    first = first_comment_id(out)
    listing = comments.pop(first).text
    assert listing.startswith("einfach: 2 Befunde ohne eigenen Kommentar")
    assert "• Kopfzeile, Absatz 1: „wurde von uns abgelehnt“ – Vorgangspassiv" in listing  # wording.place
    assert re.search(r"• Absatz \d+: „", listing) and "«Datum»" in listing
    assert ranges.pop(first) == (1, "Sehr geehrte Frau Yılmaz,")  # on the first run of the body
    for comment in comments.values():
        assert comment.author == AUTHOR == "einfach"
        assert comment.initials == INITIALS == "E"
    got = Counter((ranges[i][0], comments[i].text, ranges[i][1]) for i in comments)
    expected = Counter((f.location.paragraph, comment_text(f), f.text) for f in commentable)
    assert got == expected
    # the special cases are among them
    texts = {text for _, _, text in got}
    assert "wurde abgelehnt" in texts  # across a bold and an italic run
    assert "fristgerecht" in texts  # inside one run
    assert any("\n" in text for text in texts)  # across a line break
    assert "im vorliegenden" in texts  # the table cell (and after the placeholder)
    assert "sind fristgerecht einzureichen" in texts  # inside a content control


def test_comment_text_is_message_then_suggestions(checked, tmp_path):
    finding = next(f for f in checked.findings if f.text == "wurde abgelehnt")
    expected = finding.message + "\n" + finding.suggestions[0]
    if finding.fix:  # then the rewritten sentence (issue 14)
        expected += f"\nNeu (bitte prüfen): „{finding.fix['sentence']}“"
    assert comment_text(finding) == expected


def test_formatting_text_tables_headers_and_footers_are_kept(letter, checked, tmp_path):
    out = tmp_path / "kopie.docx"
    annotate(checked, str(out))
    assert read_docx(str(out)).text == read_docx(letter).text  # comments add no text
    assert formatting(out) == formatting(letter)  # every character keeps its run properties
    copy = docx.Document(str(out))
    assert copy.tables[0].cell(0, 1).text == "Die Gebühr wird im vorliegenden Fall erlassen."
    assert copy.sections[0].header.paragraphs[0].text == "Ihr Antrag wurde von uns abgelehnt."
    assert copy.sections[0].footer.paragraphs[0].text == "Stadt Musterstadt · Seite 1"
    # the run with "wurde " stays bold, "abgelehnt" italic, even though a comment now starts and ends there
    paragraph = next(p for p in copy.paragraphs if p.text == "Ihr Antrag wurde abgelehnt.")
    styled = [(run.text, bool(run.bold), bool(run.italic)) for run in paragraph.runs if run.text]
    assert styled == [("Ihr Antrag ", False, False), ("wurde ", True, False), ("abgelehnt", False, True), (".", False, False)]
    # "fristgerecht" was split out of the underlined run: all three parts stay underlined
    paragraph = next(p for p in copy.paragraphs if p.text.startswith("Wir bitten Sie"))
    underlined = [run.text for run in paragraph.runs if run.underline]
    assert "".join(underlined) == "fristgerecht bei uns" and "fristgerecht" in underlined
    with zipfile.ZipFile(out) as archive:
        assert "word/comments.xml" in archive.namelist()


def test_annotate_refuses_to_overwrite_an_input(letter, checked, tmp_path):
    before = sha256(letter)
    with pytest.raises(OutputError, match="Eingabedatei"):
        annotate(checked, letter)
    link = tmp_path / "verweis.docx"
    os.symlink(letter, link)
    with pytest.raises(OutputError, match="Eingabedatei"):
        annotate(checked, str(link))
    assert sha256(letter) == before


def test_cli_annotate(letter, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    before = sha256(letter)
    result = runner.invoke(cli, ["check", "brief.docx", "--annotate", "brief.einfach.docx"])
    assert result.exit_code == 1, result.output  # the letter has warnings
    assert "Word-Kommentare:" in result.stdout and "in brief.einfach.docx geschrieben" in result.stdout
    assert "ohne Word-Kommentar" in result.stderr and "Kopf-/Fußzeilen" in result.stderr
    assert len(docx.Document("brief.einfach.docx").comments) > 0
    assert sha256(letter) == before
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]  # no temporary file left


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["brief.docx", "--annotate", "brief.docx"], "zugleich eine Eingabedatei"),
        (["brief.docx", "--annotate", "./sub/../brief.docx"], "zugleich eine Eingabedatei"),
        (["brief.docx", "--annotate", "BRIEF-kopie.txt"], "Endung .docx"),
        (["brief.docx", "brief2.docx", "--annotate", "kopie.docx"], "genau einer .docx-Datei"),
        (["brief.txt", "--annotate", "kopie.docx"], "genau einer .docx-Datei"),
        (["brief.docx", "--annotate", "k.docx", "--output", "k.docx"], "dieselbe Datei"),
        (["brief.docx", "--output", "brief.docx"], "zugleich eine Eingabedatei"),
        (["ordner", "--output", "ordner/brief.txt"], "zugleich eine Eingabedatei"),
    ],
)
def test_cli_refuses_wrong_targets(letter, tmp_path, monkeypatch, arguments, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    shutil.copy(letter, tmp_path / "brief2.docx")
    (tmp_path / "brief.txt").write_text("Ihr Antrag wurde abgelehnt.\n", encoding="utf-8")
    (tmp_path / "ordner").mkdir()
    (tmp_path / "ordner" / "brief.txt").write_text("Ihr Antrag wurde abgelehnt.\n", encoding="utf-8")
    hashes = {p: sha256(p) for p in ("brief.docx", "brief.txt", "ordner/brief.txt")}
    result = CliRunner().invoke(cli, ["check", *arguments])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert {p: sha256(p) for p in hashes} == hashes
    assert not (tmp_path / "kopie.docx").exists() and not (tmp_path / "k.docx").exists()


def test_shift_maps_only_outside_the_differing_middle():
    checked, mapped = "Am «Datum» wurde abgelehnt", "Am  wurde abgelehnt"
    assert _shift(checked, checked, 3, 9) == 0
    assert _shift(checked, mapped, 0, 2) == 0  # "Am" in the common prefix
    start = checked.index("wurde")
    shift = _shift(checked, mapped, start, start + 5)  # in the common suffix
    assert mapped[start + shift : start + shift + 5] == "wurde"
    assert _shift(checked, mapped, 0, 12) is None  # touches «Datum»


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer")
def test_libreoffice_opens_the_annotated_copy(letter, checked, tmp_path):
    out = tmp_path / "brief.einfach.docx"
    report = annotate(checked, str(out))
    converted = tmp_path / "converted"
    profile = (tmp_path / "lo-profile").as_uri()
    for target in ("pdf", "odt"):
        run = subprocess.run(
            [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", str(converted), str(out)],
            capture_output=True, text=True, timeout=180,
        )
        assert run.returncode == 0, run.stderr
    pdf = converted / "brief.einfach.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    with zipfile.ZipFile(converted / "brief.einfach.odt") as archive:
        content = archive.read("content.xml").decode("utf-8")
    # LibreOffice read every comment, with its author and its range
    assert content.count("<office:annotation ") == report.written + 1  # and the list of findings without one
    assert content.count("<office:annotation-end ") == report.written + 1
    assert content.count("<dc:creator>einfach</dc:creator>") == report.written + 1


# -- every word of a complex letter: an exact comment or counted as skipped -------------


def build_complex_letter(path) -> str:
    """Raw OOXML (the reader tests' builders): what python-docx cannot make."""
    from test_reader_docx import _complex_field, _text_box, make_docx, para, run, table

    body = (
        para("Ihr Antrag vom ", "<w:sdt><w:sdtPr><w:date/></w:sdtPr><w:sdtContent>" + run("1. März 2024")
             + "</w:sdtContent></w:sdt>", " ist eingegangen.")
        + para("Siehe ", '<w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve">unsere Seite im Netz</w:t></w:r>'
               "</w:hyperlink>", " bitte.")
        + para("Wir ", '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">bitten </w:t></w:r></w:ins>',
               '<w:del w:id="2" w:author="A"><w:r><w:delText xml:space="preserve">ersuchen </w:delText></w:r></w:del>',
               "Sie", '<w:moveTo w:id="4" w:author="A"><w:r><w:t xml:space="preserve"> freundlich</w:t></w:r></w:moveTo>', ".")
        + para("Hallo ", _complex_field(" MERGEFIELD Vorname ", ""), " und willkommen!")
        + para("Name: ", _complex_field(" MERGEFIELD Name ", "Müller"), " wohnt hier.")
        + para("Stadt: ", f'<w:fldSimple w:instr=" MERGEFIELD Stadt ">{run("Berlin")}</w:fldSimple>', " ist schön.")
        + para("Text vor Box ", _text_box(para("Inhalt der Box hier")), "und danach weiter.")
        + para('<w:r><w:t xml:space="preserve">Erste</w:t><w:tab/><w:t>Zweite</w:t><w:br/>'
               '<w:t xml:space="preserve">Dritte Zeile</w:t><w:noBreakHyphen/><w:t>Ende</w:t><w:softHyphen/><w:t>wort</w:t></w:r>')
        + para("Vor ", '<w:smartTag w:uri="u" w:element="e"><w:r><w:t>Smart Tag</w:t></w:r></w:smartTag>', " nach.")
        + para("Formel ", "<m:oMath><m:r><m:t>x plus eins</m:t></m:r></m:oMath>", " ist gut.")
        + table([para("Zelle eins hier"), para("Zelle zwei")], [table([para("Innen ganz tief")])])
        + '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr>'
    )
    header = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + para("Kopfzeile Text") + "</w:hdr>"
    )
    return make_docx(path, body, parts={"word/header1.xml": header}, rels=[("rIdH", "header", "header1.xml")])


def test_every_word_and_word_pair_is_exact_or_counted(tmp_path):
    """Synthetic findings on every word, every pair of words and every whole paragraph."""
    path = build_complex_letter(tmp_path / "komplex.docx")
    document = read_docx(path)
    findings = []
    for paragraph in document.paragraphs:
        words = list(re.finditer(r"\w+", paragraph.text))
        spans = [(m.start(), m.end()) for m in words] + [(a.start(), b.end()) for a, b in zip(words, words[1:])]
        for start, end in spans + [(0, len(paragraph.text))]:
            start, end = paragraph.start + start, paragraph.start + end
            findings.append(Finding("test", "info", f"Befund {len(findings)}", start, end, document.text[start:end], [],
                                    Location(paragraph.part, paragraph.index, 1, 1)))
    result = FileResult(path=path, text=document.text, segments=[], findings=findings)
    out = tmp_path / "komplex.einfach.docx"
    report = annotate(result, str(out))
    assert report.written + report.skipped == len(findings)
    assert report.skipped_story == 4  # "Kopfzeile", "Text", the pair, the whole header paragraph

    comments = {c.comment_id: c for c in docx.Document(str(out)).comments}
    ranges = anchored(out)
    listing = comments.pop(first_comment_id(out)).text
    assert listing.startswith(f"einfach: {report.skipped} Befunde ohne eigenen Kommentar")
    assert listing.count("\n• ") == report.skipped and re.search(r"• Kopfzeile, Absatz \d+: „Kopfzeile“", listing)
    written = set()
    for comment_id, comment in comments.items():
        finding = findings[int(comment.text.split()[1])]
        assert ranges[comment_id] == (finding.location.paragraph, finding.text)
        written.add(finding.text)
    assert len(comments) == report.written
    # inside content controls, hyperlinks, tracked insertions, text boxes, across tabs and breaks: exact comments
    for text in ("März", "Seite im", "bitten", "freundlich", "Zweite\nDritte", "Zeile-Endewort", "Innen", "Zelle",
                 "Inhalt"):
        assert text in written, text
    # in a field result, a placeholder, math or a smart tag: skipped, never misplaced
    for text in ("Müller", "Berlin", "Vorname", "plus", "Smart"):
        assert text not in written, text
    assert read_docx(str(out)).text == document.text

    if SOFFICE:  # LibreOffice keeps every range
        profile = (tmp_path / "lo-profile").as_uri()
        subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to",
                        "odt", "--outdir", str(tmp_path / "odt"), str(out)], capture_output=True, timeout=180, check=True)
        with zipfile.ZipFile(tmp_path / "odt" / "komplex.einfach.odt") as archive:
            content = archive.read("content.xml").decode("utf-8")
        assert content.count("<office:annotation ") == content.count("<office:annotation-end ") == report.written + 1
