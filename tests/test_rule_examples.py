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
    """Every finding has a message; a suggestion is concrete or absent (issue 17), never an empty
    text, and every rule offers one for at least one of its bad examples."""
    for rule_id, rule in RULES.items():
        suggested = False
        for example in rule.examples["bad"]:
            for finding in findings_of(rule_id, example):
                assert finding.message.strip() and "{" not in finding.message
                assert all(s.strip() and "{" not in s for s in finding.suggestions)
                suggested = suggested or bool(finding.suggestions)
        assert suggested, f"{rule_id}: no bad example gets a suggestion"


# -- rewrites (issue 14): each rewriting rule's `rewrites:` examples --------------------------------

from einfach.rewrite import REWRITERS  # noqa: E402

REWRITE_CASES = [
    (rule_id, text, expected, applicability, context)
    for rule_id, rule in RULES.items()
    for text, expected, applicability, context in rule.rewrites
]
REWRITING_RULES = sorted(rule_id for rule_id, rule in RULES.items() if rule.rewrites)


@pytest.mark.parametrize(("rule_id", "text", "expected", "applicability", "context"), REWRITE_CASES)
def test_rule_rewrite(rule_id, text, expected, applicability, context):
    before = f"{context}\n\n" if context else ""  # a paragraph before the example ("Sehr geehrte ...")
    found = [f for f in findings_of(rule_id, before + text) if f.start >= len(before)]
    assert found, f"{rule_id}: no finding in rewrite example {text!r}"
    fixes = [f.fix for f in found if f.fix]
    if expected is None:
        assert not fixes, f"{rule_id}: unexpected rewrite of {text!r}: {fixes[0]['sentence']!r}"
        return
    assert fixes, f"{rule_id}: no rewrite for {text!r}"
    assert fixes[0]["sentence"] == expected
    if applicability:
        assert fixes[0]["applicability"] == applicability
    # the edits applied to the text give the sentence, and every edit stays inside the text
    from einfach.rewrite import apply_edits

    assert apply_edits(before + text, fixes[0]["edits"]) == before + expected


@pytest.mark.parametrize("rule_id", REWRITING_RULES)
def test_rewriting_rule_has_enough_rewrite_examples(rule_id):
    rewrites = RULES[rule_id].rewrites
    assert RULES[rule_id].kind in REWRITERS
    assert len([r for r in rewrites if r[1] is not None]) >= 8, "at least 8 rewrites"
    assert any(r[1] is None for r in rewrites), "at least one case where no rewrite may be offered"


def test_rewriting_rules_are_the_expected_ones():
    assert {"passiv", "amtsdeutsch", "funktionsverbgefuege", "abkuerzung"} <= set(REWRITING_RULES)
