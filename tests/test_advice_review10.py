"""Advice that fits (issue 17): the kinds of wrong suggestion the tenth blind review found
(`eval/review/suggestions-10-verdicts.jsonl`), each pinned by the behaviour it names, and the
largest generic kind of rounds 9 and 10. A suggestion is concrete and fitting for its sentence,
or absent."""

from __future__ import annotations

import pytest


def _of(check_text, rule: str, text: str):
    return [f for f in check_text(text).findings if f.rule == rule]


def _about(check_text, rule: str, text: str, words: str):
    return [f for f in _of(check_text, rule, text) if f.text.lower() == words.lower()]


# -- a legal term in brackets after the plain word explains it: no finding (S149) --------------------

@pytest.mark.parametrize("text", [
    "Das sächsische Bauordnungsrecht beinhaltet verschiedene Anforderungen an Bauwerke (bauliche Anlagen).",
    "Für Bauwerke (die baulichen Anlagen) gelten besondere Regeln.",
])
def test_bracketed_legal_term_after_the_plain_word_is_no_finding(check_text, text):
    assert _about(check_text, "amtsdeutsch", text, "bauliche Anlagen") == []
    assert _about(check_text, "amtsdeutsch", text, "baulichen Anlagen") == []


@pytest.mark.parametrize(("text", "words"), [
    # the term outside a bracket, and a bracket that does not follow a noun, keep the finding
    ("Das Bauordnungsrecht stellt Anforderungen an bauliche Anlagen.", "bauliche Anlagen"),
    ("Es gelten Regeln (für bauliche Anlagen und Straßen).", "bauliche Anlagen"),
])
def test_legal_term_elsewhere_keeps_its_finding(check_text, text, words):
    assert len(_about(check_text, "amtsdeutsch", text, words)) == 1
