"""Levels set in the configuration or on the command line apply to every finding of a rule.

They replace graded levels (satzlaenge's levels by length, abkuerzung's
``acronym_level``); a level in a profile keeps the grading.  Driven through the
command line with an ``einfach.toml``, as a forms team's gate runs.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from einfach.cli import cli
from einfach.rules.loader import load_rules

RULES = sorted(load_rules())
# 38 words: an error by the default thresholds (more than 30)
LONG = ("Wir bitten Sie, die erforderlichen Unterlagen, insbesondere Ihren gültigen Pass und den Nachweis "
        "über Ihr Einkommen, bis zum 1. Oktober bei uns einzureichen, damit wir Ihren Antrag in Ruhe "
        "prüfen können und Sie bald wieder von uns hören.")
MEDIUM = ("Wir bitten Sie, die Unterlagen und den Nachweis über Ihr Einkommen bis zum 1. Oktober bei uns "
          "einzureichen, damit wir prüfen können.")


def run(tmp_path, config: str, *args, text: str = LONG, name: str = "einfach.toml"):
    # a new folder per run: configurations are cached by path within a process
    tmp_path = tmp_path / str(len(list(tmp_path.iterdir())))
    tmp_path.mkdir()
    (tmp_path / name).write_text(config, encoding="utf-8")
    letter = tmp_path / "brief.txt"
    letter.write_text(text + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args, str(letter)])
    data = json.loads(result.output)
    return result.exit_code, [f for file in data["files"] for f in file["findings"]]


def toml_list(items) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


@pytest.mark.parametrize("level", ["info", "warning", "error"])
def test_every_rule_takes_the_configured_level(tmp_path, every_rule_text, level):
    levels = "".join(f'"{rule}" = "{level}"\n' for rule in RULES)
    config = f"select = {toml_list(RULES)}\nfail-on = \"warning\"\n[levels]\n{levels}"
    code, found = run(tmp_path, config, text=every_rule_text)
    by_rule: dict[str, set[str]] = {}
    for finding in found:
        by_rule.setdefault(finding["rule"], set()).add(finding["severity"])
    assert sorted(by_rule) == RULES  # every rule found something, so every rule is tested
    assert {rule: {level} for rule in RULES} == by_rule
    assert code == (0 if level == "info" else 1)


@pytest.mark.parametrize("rule", RULES)
def test_one_rule_configured_leaves_the_others(tmp_path, every_rule_text, rule):
    """Each rule's own level through the command line: this rule moves, the others keep theirs."""
    config = f"select = {toml_list(RULES)}\n"
    _, before = run(tmp_path, config, text=every_rule_text)
    target = "info" if any(f["rule"] == rule and f["severity"] != "info" for f in before) else "error"
    code, after = run(tmp_path, config, "--level", f"{rule}={target}", text=every_rule_text)
    assert {f["severity"] for f in after if f["rule"] == rule} == {target}
    assert [(f["rule"], f["severity"]) for f in after if f["rule"] != rule] == \
        [(f["rule"], f["severity"]) for f in before if f["rule"] != rule]


def test_graded_sentence_length_without_configuration(tmp_path):
    code, found = run(tmp_path, "")
    assert [(f["rule"], f["severity"]) for f in found if f["rule"] == "satzlaenge"] == [("satzlaenge", "error")]
    assert code == 1


def test_configured_level_replaces_the_grading_in_pyproject(tmp_path):
    code, found = run(tmp_path, '[tool.einfach.levels]\nsatzlaenge = "info"\n', "--select", "satzlaenge",
                      name="pyproject.toml")
    assert [f["severity"] for f in found] == ["info"]
    assert code == 0


def test_per_path_override_level(tmp_path):
    config = '[[overrides]]\npaths = ["brief.txt"]\nlevels = {satzlaenge = "info"}\n'
    code, found = run(tmp_path, config, "--select", "satzlaenge")
    assert [f["severity"] for f in found] == ["info"] and code == 0


def test_cli_level_overrides_the_file(tmp_path):
    code, found = run(tmp_path, '[levels]\nsatzlaenge = "info"\n', "--select", "satzlaenge",
                      "--level", "satzlaenge=error")
    assert [f["severity"] for f in found] == ["error"] and code == 1


def test_thresholds_stay_configurable_with_graded_levels(tmp_path):
    config = "[parameters.satzlaenge]\nthresholds = {info = 10, warning = 40, error = 50}\n"
    code, found = run(tmp_path, config, "--select", "satzlaenge")
    assert [f["severity"] for f in found] == ["info"] and code == 0
    assert found[0]["message"] == "Satz mit 38 Wörtern (empfohlen: höchstens 10; Hinweis ab 11)"


def test_sentence_length_message_names_the_threshold_of_its_level(tmp_path):
    _, found = run(tmp_path, "", "--select", "satzlaenge", text=MEDIUM)
    assert [f["message"] for f in found] == ["Satz mit 22 Wörtern (empfohlen: höchstens 15; Warnung ab 21)"]


def test_sentence_length_message_without_grading_when_level_is_configured(tmp_path):
    _, found = run(tmp_path, '[levels]\nsatzlaenge = "warning"\n', "--select", "satzlaenge", text=MEDIUM)
    assert [f["message"] for f in found] == ["Satz mit 22 Wörtern (empfohlen: höchstens 15)"]


def test_profile_level_keeps_the_acronym_grading(tmp_path):
    text = "Bitte melden Sie sich bei der ABH, z. B. per Telefon."
    _, found = run(tmp_path, 'profile = "leicht"\n', "--select", "abkuerzung", text=text)
    assert sorted((f["text"], f["severity"]) for f in found) == [("ABH", "warning"), ("z. B.", "error")]
    _, found = run(tmp_path, 'profile = "leicht"\n[levels]\nabkuerzung = "info"\n', "--select", "abkuerzung",
                   text=text)
    assert sorted((f["text"], f["severity"]) for f in found) == [("ABH", "info"), ("z. B.", "info")]


def test_bad_level_on_the_command_line_is_exit_2(tmp_path):
    letter = tmp_path / "brief.txt"
    letter.write_text(LONG, encoding="utf-8")
    for value in ("satzlaenge=laut", "gibtsnicht=info", "satzlaenge"):
        result = CliRunner().invoke(cli, ["check", "--level", value, str(letter)])
        assert result.exit_code == 2 and "Traceback" not in result.output


# --- einfach rules ----------------------------------------------------------------------------

def rules_output(tmp_path, monkeypatch, config: str | None, *args) -> list[str]:
    folder = tmp_path / "ordner"
    folder.mkdir()
    if config is not None:
        (folder / "einfach.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, ["rules", *args])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def row(lines: list[str], rule: str) -> list[str]:
    return next(line for line in lines if line.startswith(rule + " ")).split()[1:4]


def test_rules_shows_levels_in_german_and_gradings(tmp_path, monkeypatch):
    lines = rules_output(tmp_path, monkeypatch, None)
    assert lines[0] == "Keine Konfiguration gefunden: die Stufen der Profile."
    assert lines[1].split()[1:4] == ["buergernah", "einfach", "leicht"]
    assert row(lines, "passiv") == ["Hinweis", "Warnung", "Fehler"]
    assert row(lines, "satzlaenge") == ["gestuft", "gestuft", "gestuft"]
    assert "  satzlaenge (einfach): Hinweis ab 16, Warnung ab 21, Fehler ab 31 Wörtern" in lines
    assert "  abkuerzung (leicht): Abkürzungen Fehler, Kurzwörter Warnung" in lines
    assert not any(word in line for line in lines for word in (" info", " warning", " error"))


def test_rules_shows_the_configuration_of_the_current_folder(tmp_path, monkeypatch):
    config = ('[levels]\nsatzlaenge = "info"\n[parameters.satzlaenge]\nthresholds = {info = 10, warning = 12, error = 40}\n'
              '[parameters.abkuerzung]\nacronym_level = "error"\n')
    lines = rules_output(tmp_path, monkeypatch, config)
    assert lines[0].startswith("Konfiguration: ") and lines[0].endswith("einfach.toml (Profil einfach)")
    assert row(lines, "satzlaenge") == ["Hinweis", "Hinweis", "Hinweis"]
    assert not any(line.startswith("  satzlaenge (") for line in lines)
    assert "  abkuerzung (einfach): Abkürzungen Warnung, Kurzwörter Fehler" in lines


def test_rules_with_explicit_config(tmp_path, monkeypatch):
    other = tmp_path / "anders.toml"
    other.write_text('[parameters.satzlaenge]\nthresholds = {info = 10, warning = 12, error = 40}\n', encoding="utf-8")
    lines = rules_output(tmp_path, monkeypatch, None, "--config", str(other))
    assert "  satzlaenge (einfach): Hinweis ab 11, Warnung ab 13, Fehler ab 41 Wörtern" in lines


@pytest.mark.parametrize(("parameters", "problem"), [
    ('[parameters.wortlaenge]\nstyle = "fett"\n',
     "'parameters.wortlaenge': ungültiger Wert (style muss eine von hyphen, mediopunkt sein)"),
    ("[parameters.satzlaenge]\nthresholds = {laut = 3}\n",
     "'parameters.satzlaenge': ungültiger Wert (thresholds: unbekannte Stufe 'laut' (bekannt: info, warning, error))"),
    ('[parameters.satzlaenge]\nthresholds = {info = "viele"}\n',
     "'parameters.satzlaenge': ungültiger Wert (thresholds: die Grenzen müssen ganze Zahlen (Wörter) sein)"),
])
def test_bad_parameter_value_is_exit_2_naming_the_key(tmp_path, parameters, problem):
    (tmp_path / "einfach.toml").write_text(parameters, encoding="utf-8")
    letter = tmp_path / "brief.txt"
    letter.write_text(LONG, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(letter)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"einfach.toml: Einstellung {problem}" in result.output
