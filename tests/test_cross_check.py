"""No rule fires on the good examples of any rule (the proselint policy: stay quiet on plain text).

Each good example is checked with every rule selected, using the default profile's
parameters; a finding at any level, info included, fails the test.
"""

from __future__ import annotations

import pytest

from einfach.checker import check_document, make_pipeline
from einfach.readers.text import document_from_text
from einfach.rules.loader import load_rules

RULES = load_rules()
GOOD = [(rule_id, example) for rule_id, rule in RULES.items() for example in rule.examples["good"]]


@pytest.mark.parametrize(("owner", "example"), GOOD)  # ASCII ids: tests/conftest.py
def test_good_example_is_clean(owner, example):
    nlp = make_pipeline("einfach", settings={"select": sorted(RULES)})
    findings = check_document(document_from_text("<good>", example), nlp).findings
    alarms = [(f.rule, f.text) for f in findings]
    assert not alarms, f"good example of {owner} flagged: {alarms}"
