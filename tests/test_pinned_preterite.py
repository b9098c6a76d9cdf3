"""rules/kinds/preterite.py (rule ``praeteritum``, profile leicht): which verbs are a Präteritum, the
Perfekt suggested in the right person, and what stays allowed; one named behaviour per test
(docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import annotated_doc, findings, kind_hits


def praeteritum(text: str, **parameters) -> list[tuple[str, str]]:
    """(marked verb, suggestion) per finding."""
    return [(f.text, f.suggestions[0]) for f in findings("praeteritum", text, "leicht", **parameters)]


@pytest.mark.parametrize(("text", "verb", "perfect"), [
    ("Er ging nach Hause.", "ging", "ist … gegangen"),
    ("Ich ging nach Hause.", "ging", "bin … gegangen"),
    ("Die Kinder gingen nach Hause.", "gingen", "sind … gegangen"),
    ("Du gingst nach Hause.", "gingst", "bist … gegangen"),
    ("Ihr gingt nach Hause.", "gingt", "seid … gegangen"),
    ("Wir kauften Brot.", "kauften", "haben … gekauft"),
    ("Er rief seine Mutter an.", "rief", "hat … angerufen"),
])
def test_perfekt_in_the_person_of_the_verb(text, verb, perfect):
    assert praeteritum(text) == [(verb, f"Schreiben Sie das Perfekt: „{perfect}“.")]


def test_first_person_only_in_the_clause_with_ich():
    assert praeteritum("Ich kaufte Brot, er ging nach Hause.") == [
        ("kaufte", "Schreiben Sie das Perfekt: „habe … gekauft“."),
        ("ging", "Schreiben Sie das Perfekt: „ist … gegangen“."),
    ]


def test_message_names_the_form_and_its_lemma():
    (found,) = findings("praeteritum", "Er rief seine Mutter an.", "leicht")
    assert found.message == "Präteritum: „rief“ (von „anrufen“) ist in Leichter Sprache schwer zu verstehen"


def test_capitalised_verb_opening_the_sentence_is_reported():
    assert [verb for verb, _ in praeteritum("Ging er nach Hause?")] == ["Ging"]


def test_clause_final_preterite_in_en_without_a_modal_is_reported():
    assert [verb for verb, _ in praeteritum("Die Kinder kauften.")] == ["kauften"]


def test_every_preterite_of_a_sentence_is_reported():
    assert [verb for verb, _ in praeteritum("Er kaufte Brot und sie ging nach Hause.")] == ["kaufte", "ging"]


def test_allowed_lemmas_are_read_from_the_parameters():
    assert praeteritum("Er ging nach Hause.", allowed=["Gehen"]) == []


# --- the kind on a Doc annotated like a tagger that reads "hatte" as a full verb ------------------------------

HATTE = [("Er", "PPER", "er"), ("hatte", "VVFIN", "haben"), ("Glück", "NN", "Glück"), (".", "$.", ".")]


def test_haben_allowed_by_default():
    assert kind_hits("preterite", annotated_doc(HATTE)) == []


def test_nothing_allowed_reports_hatte():
    assert kind_hits("preterite", annotated_doc(HATTE), {"allowed": []}) == \
        [("hatte", {"text": "„hatte“", "lemma": "„haben“", "perfect": "„hat … gehabt“"})]


def test_a_sentence_without_full_verb_does_not_end_the_search():
    assert [verb for verb, _ in praeteritum("Das ist gut. Er ging nach Hause.")] == ["ging"]


def test_second_person_form_without_du_or_ihr_is_quiet():
    assert praeteritum("Das hießt nichts.") == []  # a typo for "heißt"


def test_clause_final_form_in_en_after_a_modal_is_quiet():
    assert praeteritum("Sie können das Formular benutzten.") == []  # a misspelt infinitive


def test_participle_form_in_a_clause_with_sein_is_the_perfekt():
    assert praeteritum("Das Haus ist 1900 entstanden.") == []


def test_the_same_form_without_sein_or_haben_is_reported():
    assert [verb for verb, _ in praeteritum("Die Häuser entstanden 1900.")] == ["entstanden"]


def test_capitalised_verb_inside_a_sentence_is_quiet():
    doc = annotated_doc([("Er", "PPER", "er"), ("Ging", "VVFIN", "gehen"), ("heim", "PTKVZ", "heim"), (".", "$.", ".")])
    assert kind_hits("preterite", doc) == []


def test_werden_does_not_make_a_participle_form_the_perfekt():
    doc = annotated_doc([("Sie", "PPER", "sie"), ("wurden", "VAFIN", "werden"), ("entstanden", "VVFIN", "entstehen"),
                         ("1900", "CARD", "1900"), (".", "$.", ".")])
    assert [text for text, _ in kind_hits("preterite", doc)] == ["entstanden"]


def test_sein_tagged_as_auxiliary_makes_a_participle_form_the_perfekt():
    doc = annotated_doc([("Sie", "PPER", "sie"), ("sind", "VAFIN", "sein"), ("entstanden", "VVFIN", "entstehen"),
                         ("1900", "CARD", "1900"), (".", "$.", ".")])
    assert kind_hits("preterite", doc) == []


def test_haben_tagged_as_auxiliary_makes_a_participle_form_the_perfekt():
    doc = annotated_doc([("Sie", "PPER", "sie"), ("haben", "VAFIN", "haben"), ("verstanden", "VVFIN", "verstehen"),
                         ("alles", "PIS", "alles"), (".", "$.", ".")])
    assert kind_hits("preterite", doc) == []


@pytest.mark.parametrize(("verb", "tag", "lemma"), [("werden", "VAFIN", "werden"), ("können", "VMFIN", "können")])
def test_clause_final_form_in_en_after_an_auxiliary_or_modal_tag_is_quiet(verb, tag, lemma):
    doc = annotated_doc([("Sie", "PPER", "sie"), (verb, tag, lemma), ("das", "ART", "der"), ("Formular", "NN", "Formular"),
                         ("benutzten", "VVFIN", "benutzen"), (".", "$.", ".")])
    assert kind_hits("preterite", doc) == []


def test_the_same_clause_final_form_without_auxiliary_or_modal_is_reported():
    doc = annotated_doc([("Sie", "PPER", "sie"), ("benutzten", "VVFIN", "benutzen"), (".", "$.", ".")])
    assert [text for text, _ in kind_hits("preterite", doc)] == ["benutzten"]


def test_a_full_verb_whose_lemma_has_no_conjugation_is_quiet():
    doc = annotated_doc([("Er", "PPER", "er"), ("bloggte", "VVFIN", "bloggte"), (".", "$.", ".")])  # a lemmatiser slip
    assert kind_hits("preterite", doc) == []


def test_konjunktiv_one_with_du_is_neither_present_nor_preterite_and_quiet():
    doc = annotated_doc([("Du", "PPER", "du"), ("gehest", "VVFIN", "gehen"), ("nach", "APPR", "nach"),
                         ("Hause", "NN", "Haus"), (".", "$.", ".")])
    assert kind_hits("preterite", doc) == []


def test_a_text_of_one_full_verb_without_full_stop_is_checked():
    assert [text for text, _ in kind_hits("preterite", annotated_doc([("Kaufte", "VVFIN", "kaufen")]))] == ["Kaufte"]


def test_only_the_first_letter_decides_a_lowercase_verb():
    doc = annotated_doc([("Er", "PPER", "er"), ("gING", "VVFIN", "gehen"), (".", "$.", ".")])  # caps lock slipped
    assert [text for text, _ in kind_hits("preterite", doc)] == ["gING"]


def test_du_with_a_form_of_ihr_gets_the_perfekt_of_du():
    """"hießt" is the "ihr" form in ablaut's table ("du hießest"); with "du" the Perfekt is "hast … geheißen"."""
    assert praeteritum("Du hießt Anna.") == [("hießt", "Schreiben Sie das Perfekt: „hast … geheißen“.")]


def test_ihr_with_its_own_form_keeps_the_perfekt_of_ihr():
    assert praeteritum("Ihr hießt Anna und Paul.") == [("hießt", "Schreiben Sie das Perfekt: „habt … geheißen“.")]
