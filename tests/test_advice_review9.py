"""Advice that fits (issue 17): the kinds of wrong suggestion the ninth blind review found
(`eval/review/suggestions-9-verdicts.jsonl`), each pinned by the behaviour it names. A suggestion
is concrete and fitting for its sentence, or absent."""

from __future__ import annotations

import pytest
from review_support import findings_about as _about, findings_of as _of


def _suggested(finding) -> str:
    return " ".join(finding.suggestions)


# -- a reflexive use is another sense: no swap (S033, S142) ------------------------------------------

def test_reflexive_vollziehen_happens_and_gets_no_durchfuehren(check_text):
    # „sich vollziehen“ is „happen“: nobody carries the change out
    found = _about(check_text, "amtsdeutsch",
                   "In den vergangenen Jahren hat sich im Einzelhandel ein erheblicher Strukturwandel vollzogen.",
                   "vollzogen")
    assert len(found) == 1
    assert found[0].suggestions == []
    assert "durchführen" not in found[0].message.split("heißt „geschehen“")[1]
    assert "geschehen" in found[0].message


def test_vollziehen_with_an_object_keeps_durchfuehren(check_text):
    found = _about(check_text, "amtsdeutsch", "Die Behörde hat die Abschiebung vollzogen.", "vollzogen")
    assert len(found) == 1
    assert "durchgeführt" in _suggested(found[0]) or "durchführen" in _suggested(found[0])


def test_volunteering_is_no_giving(check_text):
    # „sich für Arbeiten zur Verfügung stellen“ is „sich melden“: „sich geben“ changes the sense
    found = _of(check_text, "funktionsverbgefuege",
                "Das ist der Fall, wenn sich Vereinsmitglieder bei einer Vereinsfeier für bestimmte Arbeiten "
                "zur Verfügung stellen.")
    assert len(found) == 1
    assert found[0].suggestions == []
    assert "sagt dasselbe" not in found[0].message


def test_providing_something_keeps_geben(check_text):
    found = _of(check_text, "funktionsverbgefuege", "Wir stellen Ihnen die Formulare gern zur Verfügung.")
    assert len(found) == 1
    assert "geben" in _suggested(found[0])


# -- „aufgrund“: a cause takes „wegen“, a basis does not; never „weil“ (S073) ------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a record is a basis: „anhand“ takes the same genitive
    ("Aufgrund der Eintragungen im Lohnkonto muss der Verein eine Bescheinigung übermitteln.", "„anhand“"),
    ("Aufgrund Ihrer Einkommensangaben berechnen wir den Beitrag neu.", "„anhand“"),
    # a cause
    ("Aufgrund Ihrer Krankheit konnten Sie nicht kommen.", "„wegen“"),
    ("Aufgrund fehlender Unterlagen können wir nicht entscheiden.", "„wegen“"),
])
def test_aufgrund_gets_the_word_of_its_sense(check_text, text, expected):
    found = _about(check_text, "amtsdeutsch", text, "aufgrund")
    assert len(found) == 1
    assert expected in _suggested(found[0])
    assert "weil" not in _suggested(found[0])


@pytest.mark.parametrize("text", [
    "Die Gebühr wird aufgrund des § 5 der Gebührensatzung erhoben.",
    "Aufgrund gesetzlicher Vorschriften müssen wir Ihre Daten speichern.",
    "Aufgrund Ihres Antrags vom 3. Mai erhalten Sie diesen Bescheid.",
    # a hearing is the basis of the judgment, not its cause (Amt24)
    "Das Gericht entscheidet aufgrund einer mündlichen Verhandlung.",
])
def test_aufgrund_of_a_rule_or_decision_keeps_only_the_advice(check_text, text):
    # „nach dem Gesetz“ needs another case: no drop-in word
    found = _about(check_text, "amtsdeutsch", text, "aufgrund")
    assert len(found) == 1
    assert found[0].suggestions == []


# -- „nicht ohne Weiteres“ is a fixed phrase (S070) --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Sie können den Studienort nicht ohne Weiteres wechseln.",
    "Das ist nicht ohne weiteres möglich.",
])
def test_nicht_ohne_weiteres_is_no_double_negation(check_text, text):
    assert _of(check_text, "verneinung", text) == []


@pytest.mark.parametrize("text", [
    "Bitte kommen Sie nicht ohne Termin.",
    # „nur mit Grund“: a real condition
    "Wir dürfen nicht ohne Grund kündigen.",
])
def test_nicht_ohne_before_a_noun_stays(check_text, text):
    assert len(_of(check_text, "verneinung", text)) == 1


# -- a noun of action in a subject line or heading (S051) --------------------------------------------

@pytest.mark.parametrize("text", [
    "Betreff: Ausstellung einer Fiktionsbescheinigung gemäß § 81 Abs. 5 AufenthG",
    "Ausstellung eines Reisepasses für Kinder",
])
def test_noun_of_action_in_a_line_without_a_verb_gets_no_verb(check_text, text):
    # nominal style is normal there: „ausstellen einer Fiktionsbescheinigung“ is no German
    found = _about(check_text, "amtsdeutsch", text, "Ausstellung")
    assert len(found) == 1
    assert found[0].suggestions == []


def test_noun_of_action_in_a_sentence_keeps_its_finding(check_text):
    found = _about(check_text, "amtsdeutsch", "Wir haben die Ausstellung einer Fiktionsbescheinigung beantragt.",
                   "Ausstellung")
    assert len(found) == 1
    assert "ausstellen" in _suggested(found[0])


def test_if_reflexive_must_be_true_or_false(tmp_path):
    from einfach.rules.loader import RuleFileError, parse_lexicon

    with pytest.raises(RuleFileError, match="if_reflexive"):
        parse_lexicon({"lexicon": "amtsdeutsch", "entries": [
            {"term": "vollziehen", "alternatives": ["durchführen"], "reason": "r",
             "senses": [{"if_reflexive": "ja", "alternatives": []}]},
        ]}, tmp_path / "x.yml")


# -- generic: a word that cannot be put into the sentence as it stands (S046, S027, S044) -------------

def test_im_regelfall_is_replaced_as_a_whole(check_text):
    found = _about(check_text, "amtsdeutsch",
                   "Im Regelfall beginnt die Dreimonatsfrist mit der Bekanntgabe des Bescheids.", "Im Regelfall")
    assert len(found) == 1
    assert _suggested(found[0]) == "Schreiben Sie „Meist beginnt“ statt „Im Regelfall beginnt“."


def test_hinsichtlich_takes_its_phrase_into_the_dative(check_text):
    found = _about(check_text, "amtsdeutsch", "Wir haben Fragen hinsichtlich Ihres Antrags.", "hinsichtlich")
    assert len(found) == 1
    assert _suggested(found[0]) == "Schreiben Sie „Fragen zu Ihrem Antrag“ statt „Fragen hinsichtlich Ihres Antrags“."


@pytest.mark.parametrize(("text", "words"), [
    # a coordinated phrase: the rewrite does not fit it, „zu der möglichen Rechtsformen“ would break it
    ("Für freie Berufe gelten besondere Vorschriften hinsichtlich der möglichen Rechtsformen und "
     "Berufsbezeichnungen.", "hinsichtlich"),
    # a limit, not an occasion: no swap, and „bei des … Geschäftsbetriebes“ is no German
    ("In Ausnahmefällen kann auch für Umsätze im Rahmen des wirtschaftlichen Geschäftsbetriebes der "
     "ermäßigte Steuersatz gelten.", "im Rahmen"),
])
def test_unfitted_genitive_preposition_gets_no_drop_in(check_text, text, words):
    found = _about(check_text, "amtsdeutsch", text, words)
    assert len(found) == 1
    assert found[0].suggestions == []


def test_a_sense_with_its_whole_phrase_keeps_its_suggestion(check_text):
    found = _about(check_text, "amtsdeutsch", "In diesem Falle unterschreiben alle Bewohner den Mietvertrag.",
                   "In diesem Falle")
    assert [_suggested(f) for f in found] == ["Schreiben Sie stattdessen „in diesem Fall“."]


def test_a_bare_noun_after_the_preposition_keeps_the_drop_in(check_text):
    # no article shows the case: „zu Preis und Leistung“ fits (judged fitting in review 9, S127)
    found = _about(check_text, "amtsdeutsch", "Vergleichen Sie die Angebote hinsichtlich Preis und Leistung.",
                   "hinsichtlich")
    assert len(found) == 1
    assert "„zu“" in _suggested(found[0])


# -- the tenth blind review: no drop-in word where none fits -------------------------------------

@pytest.mark.parametrize("text", [
    "Wer ist für meinen Antrag zuständig?",                       # S090
    "Bitte wenden Sie sich an die zuständige Sachbearbeiterin.",  # S119
])
def test_zustaendig_keeps_its_finding_but_offers_no_word(check_text, text):
    (found,) = _of(check_text, "amtsdeutsch", text)
    assert found.suggestions == [] and "Nennen Sie, wer genau" in found.message


@pytest.mark.parametrize(("text", "suggestions"), [
    ("Wir helfen auch bei schwierigen Einzelfällen.", []),                        # S019
    ("Im Einzelfall kann die Frist verlängert werden.", []),                      # „Im in Ihrem Fall“
    ("Die Kosten richten sich je nach Einzelfall.", ["Schreiben Sie stattdessen „Fall“."]),
])
def test_einzelfall_offers_a_word_only_where_it_fits(check_text, text, suggestions):
    (found,) = _of(check_text, "amtsdeutsch", text)
    assert found.suggestions == suggestions


# -- abkuerzung: the written-out name right before its acronym explains it (S114) -------------------

@pytest.mark.parametrize("text", [
    "Der Deutsche Gewerkschaftsbund DGB hat sich geäußert.",          # a letter from inside a compound
    "Die Bundesagentur für Arbeit BA zahlt das Geld.",                # a linking word inside
    "Ihre Daten gehen an das Bundesamt für Migration und Flüchtlinge BAMF.",
])
def test_acronym_after_its_written_out_name_is_no_finding(check_text, text):
    assert _of(check_text, "abkuerzung", text) == []


@pytest.mark.parametrize(("text", "acronym"), [
    ("Bitte senden Sie die Unterlagen an das BAMF.", "BAMF"),
    # capitalized words before it that do not spell it
    ("Schicken Sie Ihre Anmeldung an die ABH.", "ABH"),
    ("Bitte wenden Sie sich an Frau Müller vom ABH.", "ABH"),
])
def test_acronym_after_words_that_do_not_spell_it_is_still_found(check_text, text, acronym):
    assert [f.text for f in _of(check_text, "abkuerzung", text)] == [acronym]
