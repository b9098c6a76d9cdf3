"""The command line, driven through click's CliRunner in an isolated folder."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from einfach.cli import cli

BAD = "Ihr Antrag wurde von der Behörde abgelehnt, weil die Unterlagen nicht fristgerecht vorgelegt worden sind.\n"
GOOD = "Wir haben Ihren Brief bekommen. Danke!\n"


@pytest.fixture()
def runner():
    return CliRunner()


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_human_output_and_exit_code(runner, tmp_path):
    brief = write(tmp_path / "brief.txt", BAD)
    result = runner.invoke(cli, ["check", brief])
    assert result.exit_code == 1
    assert f"{brief}:1:12: passiv" in result.output
    assert "→ passiv:" in result.output
    assert "Wörter, 1 Satz," in result.output  # the summary counts in singular and plural
    assert "\x1b[" not in result.output  # no colour when not a terminal


def test_clean_file_exits_zero(runner, tmp_path):
    result = runner.invoke(cli, ["check", write(tmp_path / "gut.txt", GOOD)])
    assert result.exit_code == 0, result.output


def test_info_only_exits_zero(runner, tmp_path):
    text = "Wir brauchen von Ihnen bis zum Ende des nächsten Monats eine Kopie Ihres Passes und ein neues Foto.\n"
    result = runner.invoke(cli, ["check", "--format", "json", write(tmp_path / "info.txt", text)])
    findings = json.loads(result.output)["files"][0]["findings"]
    assert {f["severity"] for f in findings} == {"info"}
    assert result.exit_code == 0


def test_json_schema(runner, tmp_path):
    brief = write(tmp_path / "brief.txt", "Sehr geehrte Frau Yilmaz,\n\n" + BAD)
    result = runner.invoke(cli, ["check", "--format", "json", brief])
    data = json.loads(result.output)
    assert data["schema"] == "einfach/1"
    assert data["errors"] == []
    (file,) = data["files"]
    assert set(file) >= {"path", "metrics", "sentences", "findings"}
    assert set(file["metrics"]) >= {"words", "sentences", "avg_sentence_words"}
    text = open(brief, encoding="utf-8").read()
    assert file["sentences"][0] == {"start": 0, "end": 25, "words": 4, "fragment": True, "index": None, "metrics": None}
    for finding in file["findings"]:
        assert set(finding) >= {"rule", "severity", "message", "start", "end", "text", "suggestions", "location"}
        assert text[finding["start"] : finding["end"]] == finding["text"]
        assert finding["severity"] in {"info", "warning", "error"}
        assert set(finding["location"]) == {"part", "paragraph", "line", "column"}
        assert finding["location"]["line"] == 3 and finding["location"]["paragraph"] == 2


def test_stdin(runner):
    result = runner.invoke(cli, ["check", "-"], input=BAD)
    assert result.exit_code == 1
    assert "-:1:12: passiv" in result.output


def test_missing_file_is_exit_2_and_others_still_checked(runner, tmp_path):
    brief = write(tmp_path / "brief.txt", BAD)
    result = runner.invoke(cli, ["check", str(tmp_path / "fehlt.txt"), brief])
    assert result.exit_code == 2
    assert "fehlt.txt: Fehler: Datei nicht gefunden" in result.output
    assert "passiv" in result.output
    assert "1 Datei nicht lesbar" in result.output
    assert "Traceback" not in result.output


def test_json_lists_errors(runner, tmp_path):
    result = runner.invoke(cli, ["check", "--format", "json", str(tmp_path / "fehlt.docx")])
    assert result.exit_code == 2
    assert json.loads(result.output)["errors"][0]["path"].endswith("fehlt.docx")


def test_unsupported_and_broken_files(runner, tmp_path):
    doc = tmp_path / "alt.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    fake = tmp_path / "kaputt.docx"
    fake.write_text("kein Word", encoding="utf-8")
    binary = tmp_path / "bild.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = runner.invoke(cli, ["check", str(doc), str(fake), str(binary)])
    assert result.exit_code == 2
    assert ".docx speichern" in result.output
    assert "keine gültige .docx-Datei" in result.output
    assert "Binärdaten" in result.output
    assert "Traceback" not in result.output


def test_cp1252_fallback_with_note(runner, tmp_path):
    brief = write(tmp_path / "alt.txt", "Grüße aus Köln. Ihr Antrag wurde geprüft.\n", encoding="cp1252")
    result = runner.invoke(cli, ["check", "--format", "json", brief])
    file = json.loads(result.output)["files"][0]
    assert any("Windows-1252" in note for note in file["notes"])
    assert file["findings"][0]["text"] == "wurde geprüft"


def test_empty_file_is_not_an_error(runner, tmp_path):
    result = runner.invoke(cli, ["check", write(tmp_path / "leer.txt", "")])
    assert result.exit_code == 0
    assert "keinen Text" in result.output


def test_folder_is_searched(runner, tmp_path):
    (tmp_path / "a").mkdir()
    write(tmp_path / "a" / "eins.txt", BAD)
    write(tmp_path / "a" / "zwei.md", GOOD)
    write(tmp_path / "a" / "bild.png", "x")
    result = runner.invoke(cli, ["check", "--format", "json", str(tmp_path)])
    paths = sorted(f["path"] for f in json.loads(result.stdout)["files"])  # stderr names bild.png
    assert [p.rsplit("/", 1)[1] for p in paths] == ["eins.txt", "zwei.md"]


def test_select_and_ignore(runner, tmp_path):
    brief = write(tmp_path / "brief.txt", BAD)
    only = json.loads(runner.invoke(cli, ["check", "--format", "json", "--select", "passiv", brief]).output)
    assert {f["rule"] for f in only["files"][0]["findings"]} == {"passiv"}
    without = json.loads(runner.invoke(cli, ["check", "--format", "json", "--ignore", "passiv", brief]).output)
    assert "passiv" not in {f["rule"] for f in without["files"][0]["findings"]}
    wrong = runner.invoke(cli, ["check", "--select", "gibtsnicht", brief])
    assert wrong.exit_code == 2 and "gibtsnicht" in wrong.output


def test_unknown_profile_exit_2(runner, tmp_path):
    result = runner.invoke(cli, ["check", "--profile", "gibtsnicht", write(tmp_path / "b.txt", BAD)])
    assert result.exit_code == 2 and "gibtsnicht" in result.output and "Traceback" not in result.output


def test_profile_changes_thresholds(runner, tmp_path):
    text = "Bitte bringen Sie Ihren Pass und ein Foto zum Termin am Montag mit.\n"
    brief = write(tmp_path / "b.txt", text)
    leicht = json.loads(runner.invoke(cli, ["check", "--format", "json", "--profile", "leicht", brief]).output)
    einfach = json.loads(runner.invoke(cli, ["check", "--format", "json", brief]).output)
    assert any(f["rule"] == "satzlaenge" for f in leicht["files"][0]["findings"])
    assert not any(f["rule"] == "satzlaenge" for f in einfach["files"][0]["findings"])


def test_ascii_console_fallback():
    from einfach.findings import CheckResult
    from einfach.output.human import render
    from einfach import check

    result = CheckResult(files=[check("Ihr Antrag wurde abgelehnt.")])
    text = render(result, colour=False, encoding="ascii")
    text.encode("ascii")
    assert "passiv" in text and '"wurde abgelehnt"' in text


def test_colour_only_when_asked(runner, tmp_path):
    brief = write(tmp_path / "brief.txt", BAD)
    assert "\x1b[" in runner.invoke(cli, ["check", "--color", brief]).output


def test_text_command_prints_extracted_text(runner, tmp_path):
    result = runner.invoke(cli, ["text", write(tmp_path / "b.txt", BAD)])
    assert result.output == BAD + "\n"


def test_rules_and_explain(runner):
    listing = runner.invoke(cli, ["rules"])
    assert listing.exit_code == 0
    assert "satzlaenge" in listing.output and "leicht" in listing.output
    explained = runner.invoke(cli, ["explain", "passiv"])
    assert explained.exit_code == 0
    assert "Warum?" in explained.output and "Quelle:" in explained.output
    unknown = runner.invoke(cli, ["explain", "gibtsnicht"])
    assert unknown.exit_code == 2


@pytest.mark.parametrize("args", [["--help"], ["rules"], ["explain", "passiv"]])
def test_light_commands_do_not_import_spacy(args):
    code = (
        "import sys\n"
        "from einfach.cli import cli\n"
        f"try:\n    cli({args!r})\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('spacy', 'HanTa', 'docx', 'wordfreq') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in output


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and "einfach" in result.output
