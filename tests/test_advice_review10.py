"""Advice that fits (issue 17): the kinds of wrong suggestion the tenth blind review found
(`eval/review/suggestions-10-verdicts.jsonl`), each pinned by the behaviour it names, and the
largest generic kind of rounds 9 and 10. A suggestion is concrete and fitting for its sentence,
or absent."""

from __future__ import annotations

import pytest
from review_support import findings_about as _about, findings_of as _of


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


# -- „oben genannt“ after an article: the swap would leave the article (S054) -------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("Ihr Antrag wird unter dem oben genannten Aktenzeichen geführt.", "oben genannten"),
    ("Wir prüfen den oben genannten Antrag.", "oben genannten"),
    ("Bitte nennen Sie bei Fragen das obengenannte Aktenzeichen.", "obengenannte"),
    ("Wenn Sie aus dem betreffenden Gebiet wegziehen, geben Sie den Ausweis zurück.", "betreffenden"),
])
def test_pointer_after_an_article_keeps_its_finding_without_a_word(check_text, text, words):
    found = _about(check_text, "amtsdeutsch", text, words)
    assert len(found) == 1
    assert found[0].suggestions == []
    assert "noch einmal" in found[0].message or "betreffend" in found[0].message.lower()


def test_pointer_after_the_readers_possessive_still_goes(check_text):
    found = _about(check_text, "amtsdeutsch", "Wir haben Ihren oben genannten Antrag geprüft.", "oben genannten")
    assert len(found) == 1
    assert found[0].suggestions == ["Schreiben Sie „haben Ihren Antrag“ statt „haben Ihren oben genannten Antrag“."]


# -- „Belehrung“ as the procedure the Infection Protection Act prescribes (S014) ---------------------

@pytest.mark.parametrize("text", [
    "Die Bescheinigungen der Teilnahme an den Belehrungen des Gesundheitsamtes müssen im Betrieb aufbewahrt werden.",
    "Vor der ersten Arbeit im Lebensmittelbereich brauchen Sie eine Belehrung nach dem Infektionsschutzgesetz.",
])
def test_belehrung_of_the_infection_protection_act_gets_no_hinweis(check_text, text):
    found = [f for f in _of(check_text, "amtsdeutsch", text) if f.text.lower().startswith("belehrung")]
    assert len(found) == 1
    assert found[0].suggestions == []
    assert "Infektionsschutzgesetz" in found[0].message


def test_belehrung_in_a_letter_still_gets_hinweis(check_text):
    found = _about(check_text, "amtsdeutsch", "Bitte lesen Sie die Belehrung auf der Rückseite.", "Belehrung")
    assert len(found) == 1
    assert "Hinweis" in " ".join(found[0].suggestions)


# -- a noun for a group of people gets no explanation of the duty, nor „Sie“ (S105) ------------------

def test_group_of_people_is_explained_as_people(check_text):
    text = ("Ausländer mit einer Duldung sowie andere Ausreisepflichtige haben Anspruch auf medizinische "
            "Versorgung nach dem Asylbewerberleistungsgesetz.")
    found = _about(check_text, "seltenes-wort", text, "Ausreisepflichtige")
    assert len(found) == 1
    assert "Menschen, die Deutschland verlassen müssen" in found[0].suggestions[0]
    assert " Sie " not in found[0].suggestions[0].split(":", 1)[1]


def test_a_noun_gets_no_adjective_explanation_and_no_explanation_of_another_word():
    from einfach.rules.kinds.wordinfo import _legal_explanation

    def explain(word, noun=True):
        return _legal_explanation(word, word, "fachbegriffe", noun) or ""

    # „-ige“ makes people of a duty: the people's entry, never the duty's („Pflicht, …“) or „Sie müssen …“
    for word in ("ausreisepflichtige", "ausreisepflichtigen", "ausreisepflichtiger"):
        assert explain(word).startswith("Menschen"), word
    assert explain("ausreisepflichtig", noun=False).startswith("Sie müssen")
    assert explain("minderjährige") == ""  # a noun gets no adjective's explanation
    assert explain("minderjährigen", noun=False) != ""  # an adjective form does
    # a plural or genitive the tagger does not lemmatise keeps its term's explanation
    assert explain("säumniszuschläge") != ""
    assert explain("säumniszuschlags") != ""


# -- genitivkette: a dative object is no link of the chain (S075) -------------------------------------

def test_dative_object_before_an_accusative_is_no_genitive(check_text):
    text = "In Betreuungssachen ist auf Verlangen des Betroffenen einer Person seines Vertrauens die Anwesenheit zu gestatten."
    assert _of(check_text, "genitivkette", text) == []


@pytest.mark.parametrize("text", [
    # a chain of genitives followed by a verb or a full stop stays a chain
    "Die Prüfung des Antrags einer Person seines Vertrauens dauert lange.",
    "Wir warten auf die Prüfung des Antrags des Ehegatten der Antragstellerin.",
])
def test_genitive_chain_without_an_object_after_it_stays(check_text, text):
    assert len(_of(check_text, "genitivkette", text)) == 1


# -- generic, the largest kind of rounds 9 and 10: a verb phrase in its base form ----------------------
# (14 of 14 such suggestions were judged generic: „liegt nicht vor“ → „es gibt“, „kommt … in Betracht“ →
# „möglich sein“, „veranlasst“ → „dafür sorgen“; a single word or a fitted swap stays)

@pytest.mark.parametrize(("rule", "text"), [
    ("amtsdeutsch", "Eine Stellungnahme der Hochschule liegt nicht vor."),
    ("amtsdeutsch", "Der Arzt klärt ab, ob eine körperliche Erkrankung vorliegt."),
    ("amtsdeutsch", "Das Gericht veranlasst die Löschung im Handelsregister."),
    ("funktionsverbgefuege", "Die Beraterinnen stehen Ihnen montags zur Verfügung."),
    ("funktionsverbgefuege", "Für Sie kommt eine Ermäßigung beim Rundfunkbeitrag in Betracht."),
])
def test_no_base_form_phrase_for_a_finite_verb(check_text, rule, text):
    found = _of(check_text, rule, text)
    assert len(found) == 1
    assert found[0].suggestions == []
    assert found[0].message  # the finding and its reason stay


def test_the_single_word_stays_when_the_phrase_goes(check_text):
    (found,) = _about(check_text, "amtsdeutsch", "Die Gebühr entfällt.", "entfällt")
    assert found.suggestions == ["Schreiben Sie stattdessen „wegfallen“."]


def test_a_phrase_stays_where_the_term_is_an_infinitive(check_text):
    found = _of(check_text, "funktionsverbgefuege", "Sie können bei uns Auskunft erteilen.")
    assert len(found) == 1
    assert "Auskunft geben" in found[0].suggestions[0]


@pytest.mark.parametrize(("alternative", "expected"), [
    ("es gibt", True), ("da sein", True), ("möglich sein", True), ("dafür sorgen", True), ("gelten für", True),
    ("in Auftrag geben", True), ("Frist ablaufen", True),
    # one word, a frame the writer fills in, a phrase without a verb, a clause with its person
    ("wegfallen", False), ("wenn Sie … zeigen", False), ("um … zu prüfen", False), ("wenn nötig", False),
    ("in diesem Fall", False), ("vom Amt", False), ("nennen Sie", False), ("Wir zahlen … aus", False),
    # a zu-infinitive or a finite phrase fits as it stands („ist unumgänglich“ → „ist nicht zu vermeiden“)
    ("nicht zu vermeiden", False), ("muss zahlen", False), ("wer zahlen muss", False),
])
def test_base_form_phrase(alternative, expected):
    from einfach.rules.kinds.lexicon import base_form_phrase

    assert base_form_phrase(alternative) is expected


def test_unterliegen_keeps_its_reason_and_offers_no_lone_muessen(check_text):
    (found,) = _of(check_text, "amtsdeutsch", "Nach § 3 AufenthG unterliegen Sie der Passpflicht.")
    assert found.suggestions == []
    assert "muss gemeldet werden" in found.message


# -- generic, the second kind: nominalstil's word pairs without a clause example ----------------------
# (rounds 8-10: 8 generic and 1 wrong of 9 such suggestions, the one with an example fitting)

def test_nominal_style_without_an_example_keeps_its_message_only(check_text):
    text = "Die Versorgung der Bevölkerung, die Beratung der Abteilung und die Prüfung der Anforderungen ist schwer."
    (found,) = _of(check_text, "nominalstil", text)
    assert found.suggestions == []
    assert "„Versorgung“" in found.message


def test_nominal_style_with_a_clause_example_keeps_its_suggestion(check_text):
    text = "Nach Prüfung Ihres Antrags und Verlängerung der Frist erhalten Sie eine Entscheidung."
    (found,) = _of(check_text, "nominalstil", text)
    assert "Zum Beispiel:" in found.suggestions[0]
