"""One rule's findings for a text, for the tests that pin the kinds a blind review of suggestions
found (the ``test_advice_review*.py`` files; docs/quality.md, the blind reviews of suggestions).
``check_text`` is the fixture of ``conftest.py``."""

from __future__ import annotations


def findings_of(check_text, rule: str, text: str):
    """The findings of ``rule`` for ``text``."""
    return [f for f in check_text(text).findings if f.rule == rule]


def findings_about(check_text, rule: str, text: str, words: str):
    """The findings of ``rule`` for ``text`` that mark exactly ``words`` (case-insensitive)."""
    return [f for f in findings_of(check_text, rule, text) if f.text.lower() == words.lower()]
