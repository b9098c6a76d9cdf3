"""Shared fixtures: one default pipeline per test session (loading HanTa costs time)."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def lookup_cache_folder(tmp_path_factory):
    """Derived word tables (einfach.lookup_cache) go to a folder of this session, not the user's cache.

    Set in the environment, so the einfach processes the tests start use it too."""
    folder = tmp_path_factory.mktemp("einfach-cache")
    previous = os.environ.get("EINFACH_CACHE_DIR")
    os.environ["EINFACH_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("EINFACH_CACHE_DIR", None)
    else:
        os.environ["EINFACH_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def nlp():
    from einfach.checker import make_pipeline

    return make_pipeline("einfach")


@pytest.fixture(scope="session")
def check_text(nlp):
    """Check a text with the default profile and return the FileResult."""
    from einfach.checker import check_document
    from einfach.readers.text import document_from_text

    def run(text: str):
        return check_document(document_from_text("<test>", text), nlp)

    return run


@pytest.fixture(scope="session")
def rules_of(check_text):
    """The rule ids found in a text."""

    def run(text: str) -> list[str]:
        return [finding.rule for finding in check_text(text).findings]

    return run


@pytest.fixture(scope="session")
def every_rule_text() -> str:
    """A letter in which every rule finds something: the first bad example of each rule file,
    one paragraph each (check it with ``select`` = all rules, as the examples test does)."""
    from einfach.rules.loader import load_rules

    return "\n\n".join(rule.examples["bad"][0] for rule in load_rules().values()) + "\n"
