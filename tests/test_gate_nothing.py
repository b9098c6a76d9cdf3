"""Issue 16: a gate that cannot pass by checking nothing; errors on stderr; counts in singular and plural."""

from __future__ import annotations

import io
import re

import pytest
from click.testing import CliRunner

from einfach.cli import cli
from einfach.findings import CheckResult, FileSummary, InputFailure
from einfach.output.human import render

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"


def _run(args, **kwargs):
    return CliRunner().invoke(cli, args, prog_name="einfach", **kwargs)


def test_folder_with_nothing_readable_exits_2_and_names_the_files(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(PDF)
    (tmp_path / "alt.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    (tmp_path / ".versteckt.pdf").write_bytes(PDF)
    result = _run(["check", str(tmp_path)])
    assert result.exit_code == 2
    line = result.stdout.strip().splitlines()[-1]
    assert line == (f"0 Dateien geprüft: {tmp_path / 'alt.doc'} (.doc nur mit --convert (LibreOffice)), "
                    f"{tmp_path / 'scan.pdf'} (.pdf wird nicht unterstützt)")
    for output_format in ("json", "sarif", "junit", "github", "jsonl", "html"):
        result = _run(["check", str(tmp_path), "--format", output_format])
        assert result.exit_code == 2, output_format
        assert f"0 Dateien geprüft: {tmp_path / 'alt.doc'}" in result.stderr


def test_empty_folder_exits_2(tmp_path):
    result = _run(["check", str(tmp_path)])
    assert result.exit_code == 2
    assert f"Keine Datei in {tmp_path}." in result.stderr


def test_mixed_folder_names_skipped_files_in_the_summary(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(PDF)
    (tmp_path / "brief.txt").write_text("Wir haben Ihren Antrag bekommen.\n", encoding="utf-8")
    result = _run(["check", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == (
        f"1 Datei geprüft; 1 Datei übersprungen: {tmp_path / 'scan.pdf'} (.pdf wird nicht unterstützt)")
    result = _run(["check", str(tmp_path), "--format", "json"])
    assert f"Übersprungen: {tmp_path / 'scan.pdf'} (.pdf wird nicht unterstützt)" in result.stderr
    assert '"errors": []' in result.stdout


def test_named_file_with_unknown_suffix_is_read_as_text(tmp_path):
    letter = tmp_path / "brief.text"
    letter.write_text("Ihr Antrag wurde abgelehnt.\n", encoding="utf-8")
    result = _run(["check", str(letter)])
    assert result.exit_code == 1
    assert f"{letter}: Hinweis: Dateityp „.text“ unbekannt; als Text gelesen" in result.stdout
    assert "passiv" in result.stdout
    ansi = tmp_path / "brief.brief"
    ansi.write_bytes("Bitte zahlen Sie die Gebühr.\r\n".encode("cp1252"))
    assert _run(["check", str(ansi)]).exit_code == 0


@pytest.mark.parametrize("content", [b"x\x00y", b"Text\x01mit Steuerzeichen", PDF, b"PK\x03\x04rest"])
def test_named_binary_with_unknown_suffix_is_refused_on_stderr(tmp_path, content):
    data = tmp_path / "daten.dat"
    data.write_bytes(content)
    result = _run(["check", str(data)])
    assert result.exit_code == 2
    assert f"{data}: Fehler:" in result.stderr and "Fehler" not in result.stdout


def test_missing_file_goes_to_stderr_findings_to_stdout(tmp_path):
    letter = tmp_path / "brief.txt"
    letter.write_text("Ihr Antrag wurde abgelehnt.\n", encoding="utf-8")
    result = _run(["check", str(tmp_path / "fehlt.txt"), str(letter)])
    assert result.exit_code == 2
    assert "fehlt.txt: Fehler: Datei nicht gefunden" in result.stderr
    assert "fehlt.txt" not in result.stdout.replace("1 Datei nicht lesbar", "")
    assert "passiv" in result.stdout and "passiv" not in result.stderr
    result = _run(["check", str(tmp_path / "fehlt.txt"), "--format", "json"])
    assert '"message": "Datei nicht gefunden"' in result.stdout


def test_progress_only_on_a_terminal(tmp_path):
    from einfach.cli.check import _Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    terminal = Terminal()
    progress = _Progress(3, terminal)
    progress.file("a.txt")
    progress.clear()
    assert terminal.getvalue() == "\rPrüfe 1 von 3: a.txt\x1b[K\r\x1b[K"
    result = _run(["check", str(tmp_path)])  # CliRunner's stderr is no terminal
    assert "Prüfe" not in result.stderr


# -- every count reads correctly: 0, 1 and 2 of everything -----------------------------------------

WRONG = re.compile(r"(?<![\d.,])1 (Sätze|Wörter|Befunde|Dateien|Bereiche|Genitiven|Dokumente|Warnungen|Hinweise|Einträge)\b"
                   r"|(?<![\d.,])[02] (Satz|Wort|Befund|Datei|Bereich|Dokument|Warnung|Hinweis|Eintrag)\b")


def _summary(n: int) -> FileSummary:
    metrics = {"words": n, "sentences": n, "avg_sentence_words": float(bool(n)), "index": None}
    return FileSummary(path=f"brief{n}.txt", metrics=metrics, notes=[],
                       excluded=[{"start": i, "end": i + 1, "reason": "Abschnitt „Datenschutz“"} for i in range(n)],
                       suppressed=n, severities={"warning": n, "info": n, "error": n}, rules={"passiv": n})


@pytest.mark.parametrize("n", [0, 1, 2])
def test_summaries_read_correctly_for_every_count(n):
    summaries = [_summary(n) for _ in range(n)] or []
    result = CheckResult(files=[], errors=[InputFailure(path=f"x{i}.txt", message="Datei nicht gefunden")
                                           for i in range(n)])
    from einfach.output import human

    text = human._summary(summaries, len(result.errors), skipped=[(f"s{i}.pdf", ".pdf wird nicht unterstützt")
                                                                   for i in range(n)])
    text += "\n" + human._summary([_summary(n)], n)
    writer = human.StatisticsWriter(io.StringIO())
    for summary in summaries:
        writer.end_file(summary)
    writer.close()
    text += "\n" + writer.out.getvalue()
    assert not WRONG.search(text), text
    assert f"{n} Datei{'' if n == 1 else 'en'} geprüft" in text


@pytest.mark.parametrize("n", [1, 2])
def test_report_outputs_read_correctly(tmp_path, n):
    corpus = tmp_path / "briefe"
    corpus.mkdir()
    for i in range(n):
        (corpus / f"brief{i}.txt").write_text("Ihr Antrag wurde abgelehnt.\n", encoding="utf-8")
        (corpus / f"scan{i}.pdf").write_bytes(PDF)
    out = tmp_path / "bericht"
    result = _run(["report", str(corpus), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    texts = [result.output] + [(out / name).read_text(encoding="utf-8") for name in ("report.md", "report.html")]
    for text in texts:
        assert not WRONG.search(re.sub(r"<[^>]+>", "", text)), text
    for text in texts[1:]:
        assert "scan0.pdf" in text
