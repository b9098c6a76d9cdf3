"""The README's example output is the real output of the command it shows; its rule count is right."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from einfach.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def _example() -> tuple[list[str], list[str], list[str]]:
    """(command arguments, lines before "…", lines after "…") of the README's first code block."""
    text = README.read_text(encoding="utf-8")
    block = text.split("```\n", 2)[1]
    command, *lines = block.rstrip("\n").splitlines()
    assert command.startswith("$ einfach "), command
    cut = lines.index("…")
    return command[len("$ einfach "):].split(), lines[:cut], lines[cut + 1:]


def test_readme_example_is_the_real_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    arguments, head, tail = _example()
    result = CliRunner().invoke(cli, arguments, prog_name="einfach", color=False)
    output = result.stdout.splitlines()
    hint = ("README.md's example output is stale: replace its lines with the first "
            f"{len(head)} and the last {len(tail)} lines of `einfach {' '.join(arguments)}`")
    assert output[:len(head)] == head, hint
    assert output[-len(tail):] == tail, hint


def test_readme_rule_count():
    from einfach.rules.loader import load_rules

    text = README.read_text(encoding="utf-8")
    match = re.search(r"\*\*Rules\*\* \((\d+),[^)]*\): (.*?)\n\n", text, re.DOTALL)
    assert match, "README.md: the **Rules** (N, …) paragraph is missing"
    rules = load_rules()
    assert int(match.group(1)) == len(rules)
    named = set(re.findall(r"[a-z][a-z-]+[a-z]", match.group(2))) & set(rules)
    assert named == set(rules), set(rules) - named


def test_every_list_of_supported_types_names_odt():
    pattern = re.compile(r"\.docx[^\n]{0,40}\.txt|\.txt[^\n]{0,40}\.docx|docx\|txt")
    writes_only = {ROOT / "src" / "einfach" / "cli" / "fix.py"}  # einfach fix writes .docx, .txt and .md only
    for path in [README, *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "src" / "einfach").rglob("*.py")),
                 *sorted((ROOT / "src" / "einfach").rglob("*.html")), ROOT / ".pre-commit-hooks.yaml"]:
        if path in writes_only:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line) and "md" in line and "odt" not in line:  # .docx, .txt and .md: a list
                raise AssertionError(f"{path.relative_to(ROOT)}:{number} lists types without .odt: {line.strip()}")


def test_anleitung_installs_only_inside_a_virtual_environment():
    guide = (ROOT / "docs" / "anleitung.md").read_text(encoding="utf-8")
    assert "py -m venv .venv" in guide and ".venv\\Scripts\\activate" in guide
    blocks = re.findall(r"```[a-z]*\n(.*?)```", guide, re.DOTALL)
    for block in blocks:
        lines = block.splitlines()
        for number, line in enumerate(lines):
            if "pip install" in line:
                before = "\n".join(lines[:number + 1])
                assert "activate" in before, f"pip install outside a virtual environment: {line}"
