"""Robustness and safety (issue 8): bad and hostile inputs through the whole command.

Every bad input gives one German line naming the file and the problem, exit
code 2 and no traceback, while the other files of the run are still checked.
Hostile files (zip bombs, entity expansion, external entities, absurd
nesting) are refused before they can cost memory or time.  The reader-level
cases of .docx are in tests/test_reader_docx.py; here they run through
``einfach check``.  .odt files are read by src/einfach/readers/odt.py.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from einfach.cli import cli
from einfach.readers import convert as convert_module

BAD = "Ihr Antrag wurde von der Behörde abgelehnt, weil die Unterlagen nicht fristgerecht vorgelegt worden sind.\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00\x90\x91h6"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
ONLY = "; einfach prüft .docx-, .odt-, .txt- und .md-Dateien"
DOC_ADVICE = ("ist ein altes Word-Format (.doc); bitte in Word oder LibreOffice als .docx speichern "
              "(libreoffice --headless --convert-to docx DATEI)")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
OFFICE_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3"'
)


@pytest.fixture()
def runner():
    return CliRunner()


def lines_of(output: str) -> list[str]:
    return output.splitlines()


# -- builders ------------------------------------------------------------------


def make_docx(path: Path, body_xml: str = "", *, document_xml: str | None = None,
              header_xml: str | None = None) -> str:
    """A minimal .docx; ``header_xml`` becomes word/header1.xml, referenced by the section."""
    section = '<w:sectPr><w:headerReference w:type="default" r:id="rId2"/></w:sectPr>' if header_xml else ""
    if document_xml is None:
        document_xml = (f'{DECL}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body_xml}{section}'
                        "</w:body></w:document>")
    rels = f'<Relationship Id="rId2" Type="{R}/header" Target="header1.xml"/>' if header_xml else ""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>'))
        archive.writestr("word/document.xml", document_xml)
        archive.writestr("word/_rels/document.xml.rels", (
            f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rels}</Relationships>"))
        if header_xml:
            archive.writestr("word/header1.xml", header_xml)
    return str(path)


def w_para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def make_odt(path: Path, body_xml: str = "", *, content_xml: str | None = None, styles_xml: str | None = None,
             mimetype: str = "application/vnd.oasis.opendocument.text", manifest_extra: str = "") -> str:
    """A minimal .odt: mimetype first and stored, as ODF requires."""
    if content_xml is None:
        content_xml = (f'{DECL}<office:document-content {OFFICE_NS}><office:body><office:text>{body_xml}'
                       "</office:text></office:body></office:document-content>")
    manifest = (
        f'{DECL}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{manifest_extra}'
        "</manifest:file-entry></manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content_xml)
        if styles_xml is not None:
            archive.writestr("styles.xml", styles_xml)
    return str(path)


def t_para(text: str) -> str:
    return f"<text:p>{text}</text:p>"


def python_docx(path: Path, *paragraphs: str) -> str:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return str(path)


# -- 1. bad inputs in one run ---------------------------------------------------


def test_every_bad_input_is_named_and_the_others_are_checked(runner, tmp_path, monkeypatch):
    good_txt = tmp_path / "gut.txt"
    good_txt.write_text(BAD, encoding="utf-8")
    good_docx = python_docx(tmp_path / "gut.docx", BAD.strip())
    good_odt = make_odt(tmp_path / "gut.odt", t_para(BAD.strip()))

    truncated = tmp_path / "abgeschnitten.docx"
    truncated.write_bytes(Path(good_docx).read_bytes()[:700])
    png = tmp_path / "bild.docx"
    png.write_bytes(PNG)
    pdf = tmp_path / "scan.docx"
    pdf.write_bytes(PDF)
    encrypted = tmp_path / "geheim.docx"
    encrypted.write_bytes(OLE + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512)
    legacy = tmp_path / "alt.doc"
    legacy.write_bytes(OLE + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 512)
    spreadsheet = make_odt(tmp_path / "tabelle.odt", mimetype="application/vnd.oasis.opendocument.spreadsheet")
    encrypted_odt = make_odt(tmp_path / "geheim.odt", content_xml="\x8f\x12 verschlüsselt",
                             manifest_extra='<manifest:encryption-data manifest:checksum="x"/>')
    binary_txt = tmp_path / "bild.txt"
    binary_txt.write_bytes(PNG)
    late_nul = tmp_path / "spaet.txt"
    late_nul.write_bytes(b"Text " * 4000 + b"\x00\x01\x02")  # the NUL only after 20,000 bytes
    undecodable = tmp_path / "kaputt.txt"
    undecodable.write_bytes(b"Gr\x81\x8d\xfc\xdfe")  # 0x81 is neither UTF-8 nor Windows-1252
    utf16 = tmp_path / "unicode.txt"
    utf16.write_bytes(BAD.encode("utf-16"))
    pdf_txt = tmp_path / "scan.md"
    pdf_txt.write_bytes(PDF)  # no NUL byte in it: was once read as Windows-1252 text
    folder = tmp_path / "ordner"
    folder.mkdir()
    (folder / "lesbar.md").write_text("Wir haben Ihren Brief bekommen.\n", encoding="utf-8")
    locked = folder / "gesperrt.txt"
    locked.write_text(BAD, encoding="utf-8")
    # root reads a chmod-000 file anyway: then the refusal is simulated at open()
    locked.chmod(0)
    if os.geteuid() == 0:
        import builtins

        import einfach.readers as readers

        real_open = builtins.open

        def denying_open(file, *args, **kwargs):
            if os.fspath(file) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(readers, "open", denying_open, raising=False)
    missing = tmp_path / "fehlt.txt"

    expected = {
        str(truncated): "ist keine gültige .docx-Datei (beschädigt oder kein Word-Dokument)",
        str(png): f"ist ein Bild (PNG), kein Word-Dokument (.docx){ONLY}",
        str(pdf): f"ist eine PDF-Datei, kein Word-Dokument (.docx){ONLY}",
        str(encrypted): "ist passwortgeschützt (verschlüsselt); bitte ohne Kennwort speichern",
        str(legacy): DOC_ADVICE + (" oder mit „einfach check --convert“ prüfen" if shutil.which("soffice") else ""),
        spreadsheet: "ist eine OpenDocument-Tabelle (.ods), kein Textdokument (.odt)",
        encrypted_odt: "ist passwortgeschützt (verschlüsselt); bitte ohne Kennwort speichern",
        str(binary_txt): f"ist keine Textdatei (Binärdaten: ein Bild (PNG)){ONLY}",
        str(late_nul): "ist keine Textdatei (enthält Binärdaten)",
        str(undecodable): ("Text ist weder UTF-8 noch Windows-1252 (ungültiges Byte 0x81 an Position 2); "
                           "bitte als UTF-8 speichern"),
        str(utf16): "ist als UTF-16 („Unicode“) gespeichert; bitte als UTF-8 speichern",
        str(pdf_txt): f"ist keine Textdatei (Binärdaten: eine PDF-Datei){ONLY}",
        str(locked): "kann nicht gelesen werden (keine Leseberechtigung)",
        str(missing): "Datei nicht gefunden",
    }
    arguments = [str(good_txt), good_docx, good_odt, *[p for p in expected if not p.startswith(str(folder))],
                 str(folder)]
    try:
        result = runner.invoke(cli, ["check", *arguments])
        as_json = runner.invoke(cli, ["check", "--format", "json", *arguments])
    finally:
        locked.chmod(0o644)

    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    output = lines_of(result.output)
    for path, message in expected.items():
        assert f"{path}: Fehler: {message}" in output, (path, result.output)
    # the readable files were checked: their findings and their summary lines are there
    for path in (str(good_txt), good_docx, good_odt, str(folder / "lesbar.md")):
        assert any(line.startswith(f"{path}: ") and "Wörter" in line for line in output), path
    assert f"{good_txt}:1:12: passiv" in result.output
    assert output[-1].startswith("4 Dateien geprüft: ")
    assert output[-1].endswith(f"; {len(expected)} Dateien nicht lesbar")

    assert as_json.exit_code == 2
    data = json.loads(as_json.output)
    assert {error["path"]: error["message"] for error in data["errors"]} == expected
    assert sorted(Path(f["path"]).name for f in data["files"]) == ["gut.docx", "gut.odt", "gut.txt", "lesbar.md"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod-000 file anyway")
def test_unreadable_file_in_a_folder_for_real(runner, tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    locked = tmp_path / "b.txt"
    locked.write_text(BAD, encoding="utf-8")
    locked.chmod(0)
    try:
        result = runner.invoke(cli, ["check", str(tmp_path)])
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 2
    assert f"{locked}: Fehler: kann nicht gelesen werden (keine Leseberechtigung)" in lines_of(result.output)
    assert f"{tmp_path / 'a.txt'}:1:12: passiv" in result.output
    assert lines_of(result.output)[-1].endswith("; 1 Datei nicht lesbar")


def test_devices_and_folders_given_as_files(runner, tmp_path):
    result = runner.invoke(cli, ["text", "/dev/zero"])  # would never end: refused at once
    assert result.exit_code == 2
    assert "/dev/zero: ist keine normale Datei (z. B. ein Gerät); nicht gelesen" in result.output
    from einfach import check_file
    from einfach.errors import InputError

    for name in ("ordner.docx", "ordner.odt", "ordner.txt"):
        (tmp_path / name).mkdir()
        with pytest.raises(InputError, match="ist ein Ordner, keine Datei"):
            check_file(tmp_path / name)


def test_doc_that_is_really_a_docx_is_read_with_a_note(runner, tmp_path):
    path = tmp_path / "umbenannt.doc"
    python_docx(path, BAD.strip())
    data = json.loads(runner.invoke(cli, ["check", "--format", "json", str(path)]).output)
    (file,) = data["files"]
    assert any(f["rule"] == "passiv" for f in file["findings"])
    assert "ist aber ein Word-Dokument im .docx-Format" in " ".join(file["notes"])


def test_rtf_is_named(runner, tmp_path):
    for name in ("brief.doc", "brief.docx", "brief.txt"):
        (tmp_path / name).write_bytes(b"{\\rtf1\\ansi Ihr Antrag wurde abgelehnt.\\par}")
    result = runner.invoke(cli, ["check", str(tmp_path / "brief.doc"), str(tmp_path / "brief.docx"),
                                 str(tmp_path / "brief.txt")])
    assert result.exit_code == 2
    assert "brief.doc: Fehler: ist eine RTF-Datei, kein Word-Dokument; bitte in Word oder LibreOffice als .docx " \
           "speichern" in result.output
    assert "brief.docx: Fehler: ist eine RTF-Datei, kein Word-Dokument (.docx)" in result.output
    assert "brief.txt: Fehler: ist eine RTF-Datei, keine Textdatei" in result.output


# -- 2. hostile files through the full check ------------------------------------


def _zip_bomb_docx(path: Path, megabytes: int = 60) -> str:
    """document.xml decompresses to ``megabytes`` MB (mostly spaces) from about 60 KB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'{DECL}<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode())
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                member.write(block)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return str(path)


def _zip_bomb_odt(path: Path, megabytes: int = 60) -> str:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        with archive.open("content.xml", "w", force_zip64=True) as member:
            member.write(f"{DECL}<office:document-content {OFFICE_NS}><office:body><office:text><text:p>".encode())
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                member.write(block)
            member.write(b"</text:p></office:text></office:body></office:document-content>")
    return str(path)


LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _nested_w_tables(levels: int) -> str:
    xml = w_para("Innen")
    for _ in range(levels):
        xml = f"<w:tbl><w:tr><w:tc>{xml}</w:tc></w:tr></w:tbl>"
    return xml


def _nested_odt_tables(levels: int) -> str:
    xml = t_para("Innen")
    for _ in range(levels):
        xml = f"<table:table><table:table-row><table:table-cell>{xml}</table:table-cell></table:table-row></table:table>"
    return xml


def _hostile_files(tmp_path: Path) -> dict[str, str]:
    """path -> the start of the expected message."""
    doc_tail = f'<w:document xmlns:w="{W}"><w:body>{w_para("&lol9;")}</w:body></w:document>'
    xxe_doc = f'<w:document xmlns:w="{W}"><w:body>{w_para("&xxe;")}</w:body></w:document>'
    header = f'<w:hdr xmlns:w="{W}">{w_para("&xxe;")}</w:hdr>'
    laughs_header = f'<w:hdr xmlns:w="{W}">{w_para("&lol9;")}</w:hdr>'
    odt_body = f"<office:document-content {OFFICE_NS}><office:body><office:text>{{}}</office:text></office:body>" \
               "</office:document-content>"
    styles = (f"<office:document-styles {OFFICE_NS}><office:master-styles><style:master-page style:name=\"S\">"
              "<style:header>{}</style:header></style:master-page></office:master-styles></office:document-styles>")
    dtd = "enthält eine DTD (DOCTYPE); aus Sicherheitsgründen nicht gelesen"
    too_big = "ist zu groß entpackt (mehr als 50 MB); aus Sicherheitsgründen nicht gelesen"
    deep = "ist zu tief verschachtelt"
    return {
        _zip_bomb_docx(tmp_path / "bombe.docx"): f"Teil word/document.xml {too_big}",
        make_docx(tmp_path / "lachen.docx", document_xml=DECL + LAUGHS + doc_tail): f"Teil word/document.xml {dtd}",
        make_docx(tmp_path / "xxe.docx", document_xml=DECL + XXE + xxe_doc): f"Teil word/document.xml {dtd}",
        make_docx(tmp_path / "xxe-kopf.docx", w_para("Text"), header_xml=DECL + XXE + header):
            f"Teil word/header1.xml {dtd}",
        make_docx(tmp_path / "lachen-kopf.docx", w_para("Text"), header_xml=DECL + LAUGHS + laughs_header):
            f"Teil word/header1.xml {dtd}",
        make_docx(tmp_path / "tief.docx", _nested_w_tables(200)): deep,
        make_docx(tmp_path / "tabellen-51.docx", _nested_w_tables(51)): f"{deep} (Tabellen in mehr als 50 Ebenen)",
        _zip_bomb_odt(tmp_path / "bombe.odt"): f"Teil content.xml {too_big}",
        make_odt(tmp_path / "lachen.odt", content_xml=DECL + LAUGHS + odt_body.format(t_para("&lol9;"))):
            f"Teil content.xml {dtd}",
        make_odt(tmp_path / "xxe.odt", content_xml=DECL + XXE + odt_body.format(t_para("&xxe;"))):
            f"Teil content.xml {dtd}",
        make_odt(tmp_path / "xxe-kopf.odt", t_para("Text"), styles_xml=DECL + XXE + styles.format(t_para("&xxe;"))):
            f"Teil styles.xml {dtd}",
        make_odt(tmp_path / "tief.odt", _nested_odt_tables(200)): deep,
        make_odt(tmp_path / "tabellen-51.odt", _nested_odt_tables(51)): f"{deep} (Tabellen in mehr als 50 Ebenen)",
    }


def test_hostile_files_are_refused_through_the_command(runner, tmp_path):
    hostile = _hostile_files(tmp_path)
    assert all(os.path.getsize(path) < 200_000 for path in hostile)  # small files, big trouble
    good = tmp_path / "gut.txt"
    good.write_text(BAD, encoding="utf-8")
    result = runner.invoke(cli, ["check", *hostile, str(good)])

    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    output = lines_of(result.output)
    for path, message in hostile.items():
        assert any(line.startswith(f"{path}: Fehler: {message}") for line in output), (path, result.output)
    assert f"{good}:1:12: passiv" in result.output
    assert output[-1].endswith(f"; {len(hostile)} Dateien nicht lesbar")
    assert "root:" not in result.output and "lollol" not in result.output


def test_fifty_nested_odt_tables_are_read(runner, tmp_path):
    result = runner.invoke(cli, ["text", make_odt(tmp_path / "tief50.odt", _nested_odt_tables(50))])
    assert result.exit_code == 0 and result.output == "Innen\n"


# -- 6. empty files ----------------------------------------------------------------


def test_empty_files_are_not_errors(runner, tmp_path):
    empty_docx = tmp_path / "leer.docx"
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("   \t ")
    document.add_table(rows=1, cols=1)
    document.save(empty_docx)
    blank_md = tmp_path / "leer.md"
    blank_md.write_text("  \n\n\t\n   \r\n", encoding="utf-8")
    empty_odt = make_odt(tmp_path / "leer.odt", t_para("") + t_para("   ") + "<text:p><text:s text:c=\"4\"/></text:p>")

    result = runner.invoke(cli, ["check", "--format", "json", str(empty_docx), str(blank_md), empty_odt])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["errors"] == []
    assert len(data["files"]) == 3
    for file in data["files"]:
        assert file["findings"] == [] and file["sentences"] == []
        assert "Die Datei enthält keinen Text; nichts zu prüfen." in file["notes"]


# -- legacy .doc files: --convert ---------------------------------------------------


needs_soffice = pytest.mark.skipif(
    convert_module.soffice() is None or convert_module.isolation() is None,
    reason="LibreOffice (soffice) or network isolation (unshare --net) not available",
)


@pytest.fixture(scope="module")
def legacy_doc(tmp_path_factory):
    """A real Word 97 .doc, made by LibreOffice from a .docx (once per module)."""
    folder = tmp_path_factory.mktemp("doc")
    source = python_docx(folder / "brief.docx", "Sehr geehrte Frau Muster,", BAD.strip())
    profile = (folder / "profil").as_uri()
    import subprocess

    subprocess.run(
        [convert_module.soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "doc", "--outdir", str(folder / "aus"), source],
        stdin=subprocess.DEVNULL, capture_output=True, timeout=180, check=True,
    )
    path = folder / "aus" / "brief.doc"
    assert path.read_bytes().startswith(OLE)
    return path


@needs_soffice
def test_convert_checks_a_legacy_doc_and_leaves_it_alone(runner, tmp_path, legacy_doc):
    folder = tmp_path / "briefe"
    folder.mkdir()
    doc = folder / "alt.doc"
    shutil.copyfile(legacy_doc, doc)
    (folder / "neu.txt").write_text(BAD, encoding="utf-8")
    before = doc.read_bytes()

    without = runner.invoke(cli, ["check", str(doc)])
    assert without.exit_code == 2
    assert f"{doc}: Fehler: {DOC_ADVICE} oder mit „einfach check --convert“ prüfen" in without.output

    result = runner.invoke(cli, ["check", "--convert", "--format", "json", str(folder)])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["errors"] == []
    assert [f["path"] for f in data["files"]] == [str(doc), str(folder / "neu.txt")]
    converted = data["files"][0]
    assert any(f["rule"] == "passiv" and f["text"] == "wurde von der Behörde abgelehnt" for f in converted["findings"])
    assert converted["notes"][0].startswith("Mit LibreOffice in .docx umgewandelt")
    assert doc.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["alt.doc", "neu.txt"]  # nothing written beside it


FAKE_SOFFICE = """#!{python}
# A stand-in for LibreOffice: tries to reach a server on this machine, records whether it could,
# then either hangs (to test the time limit) or writes the .docx it was asked for.
import shutil, socket, sys, time
from pathlib import Path
with open({log!r}, "a") as log:
    try:
        socket.create_connection(("127.0.0.1", {port}), timeout=3).close()
        log.write("connected\\n")
    except OSError as exc:
        log.write("blocked\\n")
if {hang}:
    time.sleep(60)
args = sys.argv[1:]
outdir = Path(args[args.index("--outdir") + 1])
shutil.copyfile({docx!r}, outdir / (Path(args[-1]).stem + ".docx"))
"""


def _fake_soffice(tmp_path: Path, monkeypatch, *, hang: bool):
    import socket
    import sys

    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen()
    log = tmp_path / "versuche.log"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "soffice"
    program.write_text(FAKE_SOFFICE.format(
        python=sys.executable, log=str(log), port=server.getsockname()[1], hang=hang,
        docx=python_docx(tmp_path / "ergebnis.docx", BAD.strip()),
    ))
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return server, log


@pytest.mark.skipif(convert_module.isolation() is None, reason="network isolation (unshare --net) not available")
def test_convert_runs_libreoffice_without_network(runner, tmp_path, monkeypatch):
    server, log = _fake_soffice(tmp_path, monkeypatch, hang=False)
    doc = tmp_path / "alt.doc"
    doc.write_bytes(OLE + b"\0" * 1024)
    try:
        # the stand-in can reach the server when started directly ...
        import subprocess

        subprocess.run([shutil.which("soffice"), "--outdir", str(tmp_path), "x.doc"], check=True, timeout=30)
        # ... and cannot when einfach starts it
        result = runner.invoke(cli, ["check", "--convert", str(doc)])
    finally:
        server.close()
    assert log.read_text().splitlines() == ["connected", "blocked"]
    assert result.exit_code == 1, result.output
    assert f"{doc}:" in result.output and "passiv" in result.output


@pytest.mark.skipif(convert_module.isolation() is None, reason="network isolation (unshare --net) not available")
def test_convert_time_limit(runner, tmp_path, monkeypatch):
    server, _ = _fake_soffice(tmp_path, monkeypatch, hang=True)
    monkeypatch.setattr(convert_module, "TIMEOUT", 1)
    doc = tmp_path / "haengt.doc"
    doc.write_bytes(OLE + b"\0" * 1024)
    try:
        result = runner.invoke(cli, ["check", "--convert", str(doc)])
    finally:
        server.close()
    assert result.exit_code == 2
    assert f"{doc}: Fehler: Umwandlung mit LibreOffice abgebrochen: Zeitlimit (1 s) überschritten" in result.output


def test_convert_without_libreoffice_or_isolation(runner, tmp_path, monkeypatch):
    doc = tmp_path / "alt.doc"
    doc.write_bytes(OLE + b"\0" * 1024)
    monkeypatch.setattr(convert_module, "soffice", lambda: None)
    result = runner.invoke(cli, ["check", "--convert", str(doc)])
    assert result.exit_code == 2
    assert "kann nicht umgewandelt werden: LibreOffice (soffice) ist nicht installiert" in result.output
    monkeypatch.setattr(convert_module, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(convert_module, "isolation", lambda: None)
    result = runner.invoke(cli, ["check", "--convert", str(doc)])
    assert result.exit_code == 2
    assert "nur ohne Netzzugang (unshare --net)" in result.output
