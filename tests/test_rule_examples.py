"""Every rule's examples from its YAML file run as tests (the proselint model).

A bad example must produce a finding of that rule, a good example none.  A
rule without examples cannot load, and this module checks the minimum count.
"""

from __future__ import annotations

import pytest

from einfach.checker import check_document, make_pipeline
from einfach.readers.text import document_from_text
from einfach.rules.loader import load_rules

RULES = load_rules()
CASES = [
    (rule_id, kind, example)
    for rule_id, rule in RULES.items()
    for kind in ("bad", "good")
    for example in rule.examples[kind]
]


def findings_of(rule_id: str, text: str):
    nlp = make_pipeline("einfach", settings={"select": [rule_id]})
    result = check_document(document_from_text("<example>", text), nlp)
    return [f for f in result.findings if f.rule == rule_id]


@pytest.mark.parametrize(("rule_id", "kind", "example"), CASES)  # ASCII ids: tests/conftest.py
def test_rule_example(rule_id, kind, example):
    found = findings_of(rule_id, example)
    if kind == "bad":
        assert found, f"{rule_id}: no finding in bad example {example!r}"
    else:
        assert not found, f"{rule_id}: false alarm in good example {example!r}: {[f.message for f in found]}"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_has_enough_examples(rule_id):
    examples = RULES[rule_id].examples
    assert len(examples["bad"]) >= 3 and len(examples["good"]) >= 3


def test_every_finding_has_message_and_suggestion():
    for rule_id, rule in RULES.items():
        for example in rule.examples["bad"]:
            for finding in findings_of(rule_id, example):
                assert finding.message.strip() and finding.suggestions and all(s.strip() for s in finding.suggestions)
                assert "{" not in finding.message and "{" not in finding.suggestions[0]
