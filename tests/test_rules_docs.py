"""docs/rules.md is generated from the rule files and must not be stale."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from einfach.cli import cli

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_rules_markdown_is_up_to_date():
    generated = CliRunner().invoke(cli, ["rules", "--markdown"]).output
    assert DOCS.exists(), "docs/rules.md missing: run `einfach rules --markdown > docs/rules.md`"
    assert DOCS.read_text(encoding="utf-8") == generated, (
        "docs/rules.md is stale: run `einfach rules --markdown > docs/rules.md`"
    )


def test_every_rule_documented():
    generated = CliRunner().invoke(cli, ["rules", "--markdown"]).output
    from einfach.rules.loader import load_rules

    for rule_id in load_rules():
        assert f"## {rule_id}" in generated
