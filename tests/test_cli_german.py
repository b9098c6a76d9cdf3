"""Issue 16: every command's help and click's own messages are German, whatever the locale."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from einfach.cli import cli
from einfach.cli.german import GERMAN

COMMANDS = ["check", "fix", "text", "rules", "explain", "report", "history", "serve"]
# click's English: every fixed piece of its messages of two words or more, and its metavars
ENGLISH = sorted({
    piece.strip(" .:'!?()\n\t")
    for message in GERMAN
    for piece in re.split(r"\{[^}]*\}|%\([a-z]+\)s", message)
    if len(piece.split()) >= 2
} | {"Usage:", "Options:", "Commands:", "Error:", "[default:", "[OPTIONS]", "COMMAND", "[ARGS]", "TEXT",
     "INTEGER", "FLOAT", "PATH", "FILENAME", "Missing", "Invalid", "No such", "Try '", "required]"})


def _english(output: str) -> list[str]:
    return [piece for piece in ENGLISH if piece and piece in output]


CALLS = [
    *[[name, "--help"] for name in COMMANDS],
    ["--help"], ["--version"], ["gibtsnicht"], [],
    *[[name, "--gibtsnicht"] for name in COMMANDS],
    ["check"], ["fix"], ["text"], ["explain"],  # a missing argument
    ["rules", "--markdown", "zu viel"], ["history", "a", "b"],  # an extra argument
    ["check", "x.txt", "--format", "gibtsnicht"], ["check", "x.txt", "--fail-on", "gibtsnicht"],
    ["history", "--format", "gibtsnicht"], ["report", "--jobs", "0"], ["check", "x.txt", "--min-index", "200"],
    ["check", "x.txt", "--min-index", "viel"], ["report", "--compare", "1"], ["check", "x.txt", "--profile"],
    ["serve", "--port", "0"], ["serve", "--workers", "viele"],
]


@pytest.mark.parametrize("locale", ["C", "en_US.UTF-8"])
@pytest.mark.parametrize("args", CALLS, ids=lambda args: " ".join(args) or "(none)")
def test_no_english_click_text(args, locale, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner(env={"LANG": locale, "LC_ALL": locale, "LANGUAGE": "en"})
    result = runner.invoke(cli, args, prog_name="einfach")
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert output.strip()
    assert not _english(output), output
    if "--help" not in args and args != ["--version"] and args:
        assert result.exit_code == 2, output


def test_help_is_german():
    result = CliRunner().invoke(cli, ["check", "--help"], prog_name="einfach")
    assert "Aufruf: einfach check [OPTIONEN] PFAD..." in result.output
    assert "Optionen:" in result.output and "Diese Hilfe zeigen und beenden." in result.output
    assert "[Standard: human]" in result.output


def test_unknown_profile_is_one_german_line():
    result = CliRunner().invoke(cli, ["check", "-", "--profile", "Gibtsnicht"], input="Text.")
    assert result.exit_code == 2
    assert result.output.strip() == "Unbekanntes Profil „Gibtsnicht“; bekannt sind: buergernah, einfach, leicht."


def test_profile_names_are_case_insensitive():
    result = CliRunner().invoke(cli, ["check", "-", "--profile", "Leicht"], input="Wir haben Ihren Brief bekommen.\n")
    assert result.exit_code == 0, result.output
