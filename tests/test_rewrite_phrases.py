"""Rewrites of Amtsdeutsch phrases (issue 14, fourth step; ``einfach.rewrite.phrases``).

The shipped entries' rewrites are examples in ``rules/amtsdeutsch.yml`` (``rewrites:``); here:
the optional keys of the lexicon format, and cases that need a sentence around them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import einfach
from einfach.errors import RuleFileError
from einfach.rules.loader import parse_lexicon

SALUTATION = "Sehr geehrte Frau Muster,\n\n"


def _entry(**keys) -> dict:
    return {"lexicon": "amtsdeutsch", "entries": [{"term": "in Höhe", "alternatives": ["von"], "reason": "r", **keys}]}


def test_phrase_keys_are_read():
    lexicon = parse_lexicon(_entry(rewrite="von", rewrite_as="amount", rewrite_sure=True,
                                   rewrite_if_after=["gebühr", "betrag"]), Path("eigen.yml"))
    entry = lexicon.entries[0]
    assert (entry.rewrite_as, entry.rewrite_sure, entry.rewrite_if_after) == ("amount", True, ("gebühr", "betrag"))


def test_phrase_keys_default_to_no_condition_and_review():
    entry = parse_lexicon(_entry(rewrite="von"), Path("eigen.yml")).entries[0]
    assert (entry.rewrite_sure, entry.rewrite_if_after, entry.rewrite_if_noun) == (False, (), ())


def test_noun_condition_is_read():
    entry = parse_lexicon(_entry(rewrite="bei", rewrite_as="preposition", rewrite_if_noun=["prüfung"]),
                          Path("eigen.yml")).entries[0]
    assert entry.rewrite_if_noun == ("prüfung",)


@pytest.mark.parametrize(
    "keys, key",
    [
        ({"rewrite": "von", "rewrite_sure": "ja"}, "rewrite_sure"),
        ({"rewrite_if_after": ["gebühr"]}, "rewrite"),
        ({"rewrite_if_noun": ["prüfung"]}, "rewrite"),
        ({"rewrite": "von", "rewrite_as": "satz"}, "rewrite_as"),
    ],
)
def test_invalid_phrase_keys_name_the_key(keys, key):
    with pytest.raises(RuleFileError) as error:
        parse_lexicon(_entry(**keys), Path("eigen.yml"))
    assert error.value.key.endswith(key)


def _fixes(text: str, term: str) -> list[dict]:
    result = einfach.check(text)
    return [f.fix for f in result.findings if f.rule == "amtsdeutsch" and text[f.start:f.end] == term and f.fix]


def test_lower_case_sentence_after_the_salutation_stays_lower_case():
    text = SALUTATION + "bezüglich Ihres Antrags vom 1. Oktober 2024 teilen wir Ihnen Folgendes mit.\n"
    (fix,) = _fixes(text, "bezüglich")
    assert fix["sentence"].startswith("zu Ihrem Antrag vom 1. Oktober 2024 teilen")


def test_plural_genitive_becomes_dative_plural():
    text = SALUTATION + "Es werden seitens der Ämter keine Auskünfte erteilt.\n"
    (fix,) = _fixes(text, "seitens")
    assert "von den Ämtern keine" in fix["sentence"]


def test_feminine_accusative_after_fuer_keeps_an_apposition():
    text = SALUTATION + "Sie geben die Erklärung zugunsten Ihrer Mutter, Frau Anna Muster, ab.\n"
    (fix,) = _fixes(text, "zugunsten")
    assert "für Ihre Mutter, Frau Anna Muster, ab" in fix["sentence"]


def test_clause_and_another_swap_of_the_sentence_compose():
    text = SALUTATION + ("Bitte reichen Sie die Unterlagen binnen drei Wochen nach Zugang dieses Schreibens, "
                         "spätestens bis zum 04.11.2024, ein.\n")
    fixed = einfach.fix_text(text, include_review=True)
    assert "innerhalb von drei Wochen, nachdem dieses Schreiben bei Ihnen angekommen ist, spätestens" in fixed


def test_sum_is_sure_and_applied_without_all():
    text = SALUTATION + "Wir erheben eine Gebühr in Höhe von 13,00 EUR.\n"
    assert "eine Gebühr von 13,00 EUR." in einfach.fix_text(text)
