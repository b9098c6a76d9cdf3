"""Shared fixtures: one default pipeline per test session (loading HanTa costs time)."""

from __future__ import annotations

import pytest


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
