"""Edge cases of the Leichte-Sprache checks of issue 18 and how the profiles use them.

The rule files' own examples run in test_rule_examples.py (with each rule's
default parameters); here: what only the ``leicht`` profile turns on, the
suggestions, and the cases the examples do not show.
"""

from __future__ import annotations

import pytest

from einfach.checker import check_document, make_pipeline
from einfach.errors import RuleFileError
from einfach.readers.text import document_from_text
from einfach.rules.kinds.verbforms import verb_forms
from einfach.rules.loader import load_profile

NEW_RULES = [
    "praeteritum", "indirekte-rede", "verweis", "von-bis", "sonderzeichen", "redewendung", "schweres-wort",
    "positiv", "rhetorische-frage",
]


@pytest.fixture(scope="module")
def find():
    cache = {}

    def run(rule: str, text: str, profile: str = "leicht", parameters: dict | None = None):
        settings = {"select": [rule]}
        if parameters:
            settings["parameters"] = {rule: parameters}
        key = (profile, rule, repr(parameters))
        if key not in cache:
            cache[key] = make_pipeline(profile, settings=settings)
        result = check_document(document_from_text("<test>", text), cache[key])
        return [f for f in result.findings if f.rule == rule]

    return run


def test_new_rules_run_in_leicht_only():
    leicht = load_profile("leicht").rules
    for rule in NEW_RULES:
        assert rule in leicht
        assert rule not in load_profile("einfach").rules
        assert rule not in load_profile("buergernah").rules


@pytest.mark.parametrize(
    ("text", "perfect"),
    [
        ("Ich ging nach Hause.", "„bin … gegangen“"),
        ("Die Kinder riefen ihre Mutter an.", "„haben … angerufen“"),
        ("Er bekam einen Brief.", "„hat … bekommen“"),  # ablaut says "sein"; rules/data/hilfsverben.yml corrects it
        ("Dann passierte ein Unfall.", "„ist … passiert“"),
    ],
)
def test_praeteritum_suggests_the_perfekt(find, text, perfect):
    found = find("praeteritum", text)
    assert len(found) == 1 and perfect in found[0].suggestions[0]


@pytest.mark.parametrize("text", ["Er war krank.", "Wir hatten Glück.", "Sie konnte kommen.", "Es wurde dunkel."])
def test_praeteritum_allows_sein_haben_werden_and_modals(find, text):
    assert find("praeteritum", text) == []


def test_verb_forms_of_a_non_verb_is_none():
    assert verb_forms("Haus") is None
    assert verb_forms("") is None
    assert verb_forms("gehen").participle == "gegangen"


@pytest.mark.parametrize("text", ["Ich habe Zeit.", "Ich werde kommen.", "Wir haben Zeit.", "Gott sei Dank!"])
def test_indirect_speech_quiet_on_indicative(find, text):
    assert find("indirekte-rede", text) == []


def test_indirect_speech_suggests_the_indicative(find):
    found = find("indirekte-rede", "Sie sagt, die Kinder seien krank.")
    assert len(found) == 1 and "„sind“ statt „seien“" in found[0].suggestions[0]


def test_gender_forms_quiet_when_the_profile_keeps_them(find):
    text = "Alle Bürger*innen und Kolleg:innen dürfen wählen."
    assert len(find("sonderzeichen", text)) == 2
    assert find("sonderzeichen", text, parameters={"gender_form": "keep"}) == []


def test_gender_form_rejects_unknown_value():
    with pytest.raises(RuleFileError, match="gender_form"):
        make_pipeline("leicht", settings={"select": ["sonderzeichen"], "parameters": {"sonderzeichen": {"gender_form": "stern"}}})


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("Das war im neunzehnten Jahrhundert.", "„19. Jahrhundert“"),
        ("Sie hat vierzehn Katzen.", "„14 Katzen“"),
        ("Der Termin ist am 2024-10-01.", "„1. Oktober 2024“"),
        ("Bitte zahlen Sie bis zum 3.5.87.", "„3. Mai 1987“"),
        ("Das Glas ist ½ voll.", "„die Hälfte“"),
        ("Die Stadt hat 80000 Einwohner.", "„80.000“"),
    ],
)
def test_zahlen_widened_in_leicht(find, text, replacement):
    found = find("zahlen", text)
    assert len(found) == 1 and replacement in found[0].suggestions[0]


@pytest.mark.parametrize(
    "text",
    ["Das ist der dritte Brief.", "Die Adresse ist 12345 Musterstadt.", "Im Schuljahr 2023/24.", "Raum 1.05 ist zu."],
)
def test_zahlen_stays_quiet(find, text):
    assert find("zahlen", text) == []


@pytest.mark.parametrize(
    ("text", "replacement"),
    [("Geöffnet Mo.-Fr. von 9.00-12.00 Uhr.", "„9.00 bis 12.00 Uhr“"), ("Das Büro ist Di–Do zu.", "„von Dienstag bis Donnerstag“")],
)
def test_von_bis_suggestion(find, text, replacement):
    found = find("von-bis", text)
    assert replacement in [s for f in found for s in f.suggestions][-1]


@pytest.mark.parametrize("text", ["Das Spiel endete 3-1.", "Fax 0351-12345.", "Sie wohnt in Haus 12-B."])
def test_von_bis_quiet(find, text):
    assert find("von-bis", text) == []


def test_positiv_quiet_on_contrast_and_comparison(find):
    assert find("positiv", "Das Haus ist nicht groß, sondern riesig.") == []
    assert find("positiv", "Er ist nicht älter als 20 Jahre.") == []
    assert find("positiv", "Der Weg ist nicht sehr weit.") == []


def test_verweis_leaves_abbreviations_to_abkuerzung(find):
    assert find("verweis", "Vgl. dazu den Brief. Das steht s. o. im Text.") == []


def test_rhetorical_question_not_every_question(find):
    assert find("rhetorische-frage", "Was ist ein Antrag? Wann kommen Sie?") == []
    assert len(find("rhetorische-frage", "Ist das nicht praktisch?")) == 1


def test_praeteritum_quiet_on_a_perfekt_participle_read_as_finite(find):
    assert find("praeteritum", "Das Sprichwort ist aus diesem Vers entstanden.") == []
    assert len(find("praeteritum", "Daraus entstanden viele Lieder.")) == 1


def test_labelled_cases_are_well_formed():
    """eval/leicht_cases*.yml: every kind names rules of the leicht profile and has bad sentences."""
    from pathlib import Path

    import yaml

    rules = set(load_profile("leicht").rules)
    for path in sorted((Path(__file__).resolve().parents[1] / "eval").glob("leicht_cases*.yml")):
        kinds = yaml.safe_load(path.read_text(encoding="utf-8"))["kinds"]
        assert kinds, path
        for kind in kinds:
            assert set(kind["rules"]) <= rules, (path.name, kind["name"])
            assert kind["bad"] and all(isinstance(text, str) and text.strip() for text in kind["bad"])


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("praeteritum", "Das hießt, ein Mensch wird älter."),  # a typo for "heißt", not "ihr hießt"
        ("praeteritum", "Ein Deckname können einzelne Personen benutzten."),
        ("praeteritum", "Als sie einen Bissen im Mund hat, fällt sie um."),
        ("indirekte-rede", "Die Blasen (mit Luft drinne) platzen."),
        ("zahlen", "Die Stadt hat 30 Tausend Einwohner."),
        ("positiv", "Wir können das nicht einfach wegwerfen."),
    ],
)
def test_tagger_slips_and_leichte_sprache_forms_stay_quiet(find, rule, text):
    assert find(rule, text) == []


def test_praeteritum_second_person_with_du(find):
    assert len(find("praeteritum", "Du gingst nach Hause.")) == 1
    assert len(find("praeteritum", "Sie konnte nicht kommen und blieb zu Hause.")) == 1
