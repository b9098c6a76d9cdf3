"""Lexicon matching on lemmas, lexicon files and their validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from einfach.errors import RuleFileError
from einfach.resources import rules_dir
from einfach.rules.kinds.lexicon import compile_entry
from einfach.rules.loader import LexiconEntry, load_lexicon, parse_lexicon, shipped_lexicons


def amtsdeutsch(check_text, text):
    return [f.text for f in check_text(text).findings if f.rule == "amtsdeutsch"]


def test_inflected_form_found(check_text):
    assert amtsdeutsch(check_text, "Bitte legen Sie zwei Lichtbilder bei.") == ["Lichtbilder"]


def test_zu_infinitive_found(check_text):
    assert "beizubringen" in amtsdeutsch(check_text, "Die Nachweise sind beizubringen.")


def test_separated_particle_verb_found(check_text):
    found = amtsdeutsch(check_text, "Sehen Sie bitte davon ab, uns anzurufen.")
    assert found and found[0].startswith("Sehen") and found[0].endswith("ab")


def test_separated_phrase_found(check_text):
    # "in Kenntnis setzen" moved to the Funktionsverbgefüge lexicon (rule funktionsverbgefuege)
    text = "Bitte setzen Sie uns über jede Änderung unverzüglich in Kenntnis."
    found = [f.text for f in check_text(text).findings if f.rule == "funktionsverbgefuege"]
    assert any("setzen" in f and "Kenntnis" in f for f in found)


def test_longest_match_wins(check_text):
    found = amtsdeutsch(check_text, "Wir haben nach Aktenlage entschieden.")
    assert found == ["nach Aktenlage"]


def test_offsets_point_at_text(check_text):
    text = "Wir bitten Sie, binnen zwei Wochen vorzusprechen."
    found = check_text(text).findings
    assert {f.rule for f in found} >= {"amtsdeutsch"}
    for finding in found:
        assert text[finding.start : finding.end] == finding.text


def test_compile_entry_derives_verb_and_fixed_words():
    pattern = compile_entry(LexiconEntry(term="zur Verfügung stellen"))
    assert pattern.fixed == ("zu", "verfügung") and pattern.verb == "stellen"
    pattern = compile_entry(LexiconEntry(term="von etwas absehen"))
    assert pattern.fixed == ("von",) and pattern.verb == "absehen" and pattern.fixed_optional
    pattern = compile_entry(LexiconEntry(term="Lichtbild"))
    assert pattern.fixed == ("lichtbild",) and pattern.verb is None


def test_shipped_lexicons_are_large_enough():
    assert len(load_lexicon("amtsdeutsch").entries) >= 200
    assert len(load_lexicon("fachbegriffe").entries) >= 40


def test_no_term_in_two_lexicons():
    seen: dict[str, str] = {}
    for name in shipped_lexicons():
        for entry in load_lexicon(name).entries:
            key = entry.term.lower()
            assert key not in seen, f"{entry.term!r} in {seen.get(key)} and {name}"
            seen[key] = name


def test_protected_legal_terms_are_not_amtsdeutsch(check_text):
    text = "Ihre Aufenthaltserlaubnis und Ihre Fiktionsbescheinigung liegen bereit."
    assert amtsdeutsch(check_text, text) == []


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ({"lexicon": "x", "entries": [{"term": "a", "alternatives": ["b"]}]}, "entries[1] (a).reason"),
        ({"lexicon": "x", "entries": [{"term": "a", "alternatives": ["b"], "reason": "r", "farbe": 1}]}, "farbe"),
        ({"lexicon": "x", "entries": []}, "entries"),
        ({"entries": [{"term": "a"}]}, "lexicon"),
        (
            {"lexicon": "x", "entries": [{"term": "a", "alternatives": ["b"], "reason": "r"}] * 2},
            "entries[2] (a).term",
        ),
    ],
)
def test_invalid_lexicon_names_file_and_key(content, key):
    with pytest.raises(RuleFileError) as error:
        parse_lexicon(content, Path("eigen.yml"))
    assert error.value.key.endswith(key) or key in error.value.key
    assert "eigen.yml" in str(error.value)


def test_shipped_lexicon_files_exist():
    assert (rules_dir() / "lexikon" / "amtsdeutsch.yml").exists()
