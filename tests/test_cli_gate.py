"""The pre-publication gate through the CLI: configuration, suppressions, exclusions, baselines."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from einfach.cli import cli

PASSIVE = "Ihr Antrag wurde abgelehnt."
AMTSDEUTSCH = "Bitte bringen Sie ein Lichtbild mit."


@pytest.fixture()
def runner():
    return CliRunner()


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def findings(runner, *args):
    result = runner.invoke(cli, ["check", "--format", "json", *args])
    data = json.loads(result.output)
    return result.exit_code, data, [f["rule"] for file in data["files"] for f in file["findings"]]


def test_config_file_is_found_and_used(runner, tmp_path):
    write(tmp_path / "einfach.toml", 'ignore = ["passiv"]\nallow = ["Lichtbild"]\n')
    letter = write(tmp_path / "briefe" / "a.txt", f"{PASSIVE} {AMTSDEUTSCH}\n")
    code, _, rules = findings(runner, letter)
    assert rules == [] and code == 0


def test_cli_flags_override_config(runner, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.einfach]\nignore = ["passiv"]\n')
    letter = write(tmp_path / "a.txt", PASSIVE + "\n")
    _, _, rules = findings(runner, "--select", "passiv", "--config", str(tmp_path / "pyproject.toml"), letter)
    assert rules == []  # select passiv, but the file ignores it: ignore wins within the file's settings
    _, _, rules = findings(runner, "--ignore", "amtsdeutsch", letter)
    assert rules == ["passiv"]  # --ignore from the command line replaces the file's list


def test_bad_config_is_exit_2_naming_key(runner, tmp_path):
    write(tmp_path / "einfach.toml", 'fail-on = "laut"\n')
    letter = write(tmp_path / "a.txt", PASSIVE + "\n")
    result = runner.invoke(cli, ["check", letter])
    assert result.exit_code == 2
    assert "einfach.toml" in result.output and "fail-on" in result.output and "Traceback" not in result.output


def test_fail_on_and_exit_zero(runner, tmp_path):
    letter = write(tmp_path / "a.txt", PASSIVE + "\n")
    assert runner.invoke(cli, ["check", letter]).exit_code == 1
    assert runner.invoke(cli, ["check", "--fail-on", "error", letter]).exit_code == 0
    assert runner.invoke(cli, ["check", "--exit-zero", letter]).exit_code == 0
    long_sentence = "Wir brauchen von Ihnen bis zum Ende des nächsten Monats eine Kopie Ihres Passes und ein neues Foto.\n"
    info_only = write(tmp_path / "b.txt", long_sentence)
    assert runner.invoke(cli, ["check", info_only, "--select", "satzlaenge"]).exit_code == 0
    assert runner.invoke(cli, ["check", info_only, "--select", "satzlaenge", "--fail-on", "info"]).exit_code == 1


def test_statistics(runner, tmp_path):
    letter = write(tmp_path / "a.txt", f"{PASSIVE}\n\n{PASSIVE}\n\n{AMTSDEUTSCH}\n")
    output = runner.invoke(cli, ["check", "--statistics", letter]).output
    assert "2  passiv" in output and "1  amtsdeutsch" in output
    assert "wurde abgelehnt" not in output


def test_text_suppressions_and_unused(runner, tmp_path):
    text = (
        f"<!-- einfach: ignore passiv -->\n\n{PASSIVE}\n\n{PASSIVE}\n\n"
        f"<!-- einfach: ignore amtsdeutsch -->\n\nDas ist ein guter Satz.\n"
    )
    letter = write(tmp_path / "a.md", text)
    code, data, rules = findings(runner, letter)
    assert rules == ["passiv"]
    file = data["files"][0]
    assert file["suppressed"] == 1 and len(file["unused_suppressions"]) == 1
    result = runner.invoke(cli, ["check", "--report-unused-suppressions", letter])
    assert "Unterdrückung ohne Wirkung" in result.output


def test_off_on_region_and_heading_block_are_excluded(runner, tmp_path):
    text = (
        f"{PASSIVE}\n\n<!-- einfach: off -->\n\n{AMTSDEUTSCH}\n\n<!-- einfach: on -->\n\n"
        "Rechtsbehelfsbelehrung\n\nGegen diesen Bescheid kann binnen eines Monats Klage erhoben werden.\n\n"
        "Mit freundlichen Grüßen\n"
    )
    letter = write(tmp_path / "a.md", text)
    _, data, rules = findings(runner, letter)
    assert rules == ["passiv"]
    reasons = [e["reason"] for e in data["files"][0]["excluded"]]
    assert "einfach: off" in reasons and any("Rechtsbehelfsbelehrung" in r for r in reasons)


def test_per_path_override(runner, tmp_path):
    write(tmp_path / "einfach.toml", '[[overrides]]\npaths = ["alt/**"]\nignore = ["passiv"]\n')
    old = write(tmp_path / "alt" / "a.txt", PASSIVE + "\n")
    new = write(tmp_path / "neu" / "a.txt", PASSIVE + "\n")
    _, data, _ = findings(runner, old, new)
    counts = {f["path"].split("/")[-2]: len(f["findings"]) for f in data["files"]}
    assert counts == {"alt": 0, "neu": 1}


def test_extra_lexicon(runner, tmp_path):
    write(tmp_path / "eigene.yml", "lexicon: amtsdeutsch\nentries:\n  - term: Wartemarke\n"
          "    alternatives: [Nummer]\n    reason: Hausinternes Wort.\n")
    write(tmp_path / "einfach.toml", 'lexicons = ["eigene.yml"]\n')
    letter = write(tmp_path / "a.txt", "Bitte ziehen Sie eine Wartemarke.\n")
    _, data, rules = findings(runner, letter)
    assert rules == ["amtsdeutsch"]
    assert data["files"][0]["findings"][0]["text"] == "Wartemarke"


def test_baseline_workflow(runner, tmp_path):
    letter = write(tmp_path / "vorlage.txt", f"{PASSIVE}\n\n{AMTSDEUTSCH}\n")
    baseline = str(tmp_path / "baseline.json")
    written = runner.invoke(cli, ["check", letter, "--write-baseline", baseline])
    assert written.exit_code == 0 and "Baseline mit 2 Befunden" in written.output
    assert "Antrag" not in open(baseline, encoding="utf-8").read()

    assert runner.invoke(cli, ["check", letter, "--baseline", baseline]).exit_code == 0
    write(tmp_path / "vorlage.txt", f"{AMTSDEUTSCH}\n\nSie werden gebeten, pünktlich zu sein.\n")
    result = runner.invoke(cli, ["check", letter, "--baseline", baseline])
    assert result.exit_code == 1
    assert "werden gebeten" in result.output and "1 Eintrag ist behoben" in result.output

    runner.invoke(cli, ["check", letter, "--baseline", baseline, "--prune-baseline"])
    stored = json.loads(open(baseline, encoding="utf-8").read())
    assert sum(sum(v.values()) for v in stored["files"].values()) == 1


def test_baseline_refuses_to_overwrite_input(runner, tmp_path):
    letter = write(tmp_path / "a.txt", PASSIVE + "\n")
    result = runner.invoke(cli, ["check", letter, "--write-baseline", letter])
    assert result.exit_code == 2
    assert open(letter, encoding="utf-8").read() == PASSIVE + "\n"


def test_prune_needs_baseline(runner, tmp_path):
    result = runner.invoke(cli, ["check", write(tmp_path / "a.txt", PASSIVE), "--prune-baseline"])
    assert result.exit_code == 2


def test_very_long_paragraph_is_checked_in_pieces(tmp_path):
    import einfach

    text = " ".join([PASSIVE] * 3000)  # about 80,000 characters, no blank line
    result = einfach.check(text)
    assert sum(f.rule == "passiv" for f in result.findings) == 3000
    for finding in result.findings[:50]:
        assert text[finding.start : finding.end] == finding.text


def _docx_with_comment(path, comment_text, property_value=None):
    import docx

    document = docx.Document()
    document.add_paragraph("Ihr Antrag wurde abgelehnt.")
    paragraph = document.add_paragraph("Bitte bringen Sie ein ")
    run = paragraph.add_run("Lichtbild")
    paragraph.add_run(" mit.")
    document.add_comment([run], text=comment_text, author="Team", initials="T")
    if property_value is not None:
        document.save(path)
        _add_custom_property(path, "einfach", property_value)
    else:
        document.save(path)
    return str(path)


def _add_custom_property(path, name, value):
    import zipfile

    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{name}">'
        f"<vt:lpwstr>{value}</vt:lpwstr></property></Properties>"
    )
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("docProps/custom.xml", custom)


def test_word_comment_suppresses_range(runner, tmp_path):
    letter = _docx_with_comment(tmp_path / "brief.docx", "einfach: ignore amtsdeutsch")
    _, data, rules = findings(runner, letter)
    assert rules == ["passiv"]
    assert data["files"][0]["suppressed"] == 1


def test_ordinary_word_comment_does_nothing(runner, tmp_path):
    letter = _docx_with_comment(tmp_path / "brief.docx", "Bitte noch einmal lesen")
    _, _, rules = findings(runner, letter)
    assert sorted(rules) == ["amtsdeutsch", "passiv"]


def test_document_property_disables_rules(runner, tmp_path):
    letter = _docx_with_comment(tmp_path / "brief.docx", "Notiz", property_value="ignore: passiv")
    _, _, rules = findings(runner, letter)
    assert rules == ["amtsdeutsch"]


def test_word_style_exclusion(runner, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Ihr Antrag wurde abgelehnt.", style="Quote")
    document.add_paragraph("Bitte bringen Sie ein Lichtbild mit.")
    path = tmp_path / "brief.docx"
    document.save(path)
    write(tmp_path / "einfach.toml", 'exclude-styles = ["Quote"]\n')
    _, data, rules = findings(runner, str(path))
    assert rules == ["amtsdeutsch"]
    assert data["files"][0]["excluded"][0]["reason"] == "Formatvorlage „Quote“"
