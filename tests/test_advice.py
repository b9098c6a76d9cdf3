"""Advice that fits the sentence (issue 17, rules other than satzlaenge and passiv): a suggestion
is concrete for the sentence or absent, and words a writer cannot change are left alone."""

from __future__ import annotations

import pytest


def _of(check_text, rule: str, text: str):
    return [f for f in check_text(text).findings if f.rule == rule]


# -- protected words: URLs, short quotations, fixed names ------------------------------------------

@pytest.mark.parametrize(("rule", "text"), [
    ("seltenes-wort", "Mehr finden Sie unter https://tu-dresden.de/die_tu_dresden/fakultaeten/bwl/ im Netz."),
    ("seltenes-wort", "Dafür bleibt den Arbeitnehmern in Sachsen der Buß- und Bettag als Feiertag erhalten."),
    ("seltenes-wort", "Diese Fälle finden sich unter dem Begriff \"Verhaltenssüchte\"."),
    ("wortlaenge", "Sie dürfen den Namen \"Rechtsanwaltsgesellschaft\" führen, wenn die Kammer zustimmt."),
    ("wortlaenge", "Die Vorschriftenverwaltung Sachsen hat die Texte veröffentlicht."),
    ("nominalstil", "Gesellschaften mit beschränkter Haftung, deren Gegenstand die Beratung und Vertretung ist, "
                    "dürfen den Namen führen."),
    ("funktionsverbgefuege", "Die Broschüre „Zeit, das Richtige zu tun, zur Verfügung gestellt“ ist kostenlos."),
    # a document's name in the law (§ 81 Abs. 5 AufenthG): „Antragstellung“ stays (fourth blind review, R076)
    ("amtsdeutsch", "Ihnen wird eine Bescheinigung über die Wirkung der Antragstellung ausgestellt."),
    ("amtsdeutsch", "* [Verwaltungsvorschrift über die Erteilung von Apostillen](https://www.revosax.sachsen.de/12574)"),
    ("abkuerzung", "* [Übersicht](https://www.bmvi.de/SharedDocs/DE/Artikel/StV/uebersicht.html \"Übersicht\")"),
    ("abkuerzung", "* [Europäische Aktiengesellschaft (SE / Europa-AG) eintragen](https://amt24.sachsen.de/6000732)"),
])
def test_protected_words_are_not_reported(check_text, rule, text):
    assert not _of(check_text, rule, text)


def test_the_same_words_unprotected_are_reported(check_text):
    # the protection is the reason for silence above, not the word
    assert _of(check_text, "wortlaenge", "Die Rechtsanwaltsgesellschaft hat geschrieben.")
    assert _of(check_text, "funktionsverbgefuege", "Wir haben Ihnen die Broschüre zur Verfügung gestellt.")


# -- seltenes-wort: concrete or no suggestion --------------------------------------------------------

def test_rare_word_without_concrete_advice_has_no_suggestion(check_text):
    found = _of(check_text, "seltenes-wort", "Die Fahrten mit historischen Raddampfern sind beliebt.")
    assert [f.text for f in found] == ["Raddampfern"]
    assert found[0].suggestions == []
    assert "Seltenes Wort" in found[0].message


def test_rare_word_typo_keeps_its_concrete_suggestion(check_text):
    found = _of(check_text, "seltenes-wort", "Bitte schicken Sie uns die Unterlagn bis Freitag.")
    assert found and found[0].suggestions == ["Meinen Sie „Unterlagen“? Prüfen Sie die Schreibweise."]


def test_no_typo_or_rare_word_in_an_english_sentence(check_text):
    text = "After the amout of 45,900.00 euros, there is the possibility of voluntary insurance in this case."
    assert not _of(check_text, "seltenes-wort", text)
    assert _of(check_text, "seltenes-wort", "Nach dem Betrag von 45.900 Euro gibt es die Möglichkeit der Versicherung "
                                             "für die Unterlagn.")


def test_adjective_compound_of_frequent_parts_is_not_rare(check_text):
    assert not _of(check_text, "seltenes-wort", "Bitte prüfen Sie, ob die Ware originalverpackt sein muss.")


# -- rechtsverweis: move a mid-clause reference, else no suggestion -----------------------------------

def test_legal_reference_in_the_middle_of_a_clause_gets_moved(check_text):
    found = _of(check_text, "rechtsverweis",
                "Ihnen wird hiermit gemäß § 81 Abs. 5 AufenthG eine Bescheinigung ausgestellt.")
    assert found[0].suggestions == [
        "Nehmen Sie „gemäß § 81 Abs. 5 AufenthG“ aus dem Satz und setzen Sie „(§ 81 Abs. 5 AufenthG)“ an das Satzende."
    ]


def test_legal_reference_after_a_noun_stays_with_it(check_text):
    found = _of(check_text, "rechtsverweis",
                "Etwaige Nachweise, z. B. eine Verpflichtungserklärung gemäß § 68 AufenthG, sind zu übersenden.")
    assert found[0].suggestions == [
        "Schreiben Sie „Verpflichtungserklärung (§ 68 AufenthG)“ statt „Verpflichtungserklärung gemäß § 68 AufenthG“."
    ]


@pytest.mark.parametrize("text", [
    "Gemäß § 3 Abs. 1 AufenthG unterliegen Sie der Passpflicht.",  # removing it would need "Sie unterliegen"
    "Wir prüfen den Antrag, nach § 5 AufenthG muss Ihr Lebensunterhalt gesichert sein.",
    "§ 10 StAG regelt die Einbürgerung.",  # the reference is what the sentence is about
])
def test_legal_reference_that_needs_rewriting_gets_no_suggestion(check_text, text):
    found = _of(check_text, "rechtsverweis", text)
    assert found and found[0].suggestions == []
    assert "§" in found[0].message


# -- konjunktiv: "sollten Sie" after a subordinate clause is a recommendation ---------------------

def test_recommendation_after_subordinate_clause_is_no_konjunktiv(check_text):
    text = ("Wenn Sie noch studieren und sich vorstellen können, später ein Unternehmen zu gründen, "
            "sollten Sie schon vor Ihrem Abschluss überlegen, in welche Richtung Sie gehen.")
    assert not _of(check_text, "konjunktiv", text)
    assert _of(check_text, "konjunktiv", "Sollten Sie Fragen haben, rufen Sie uns an.")


# -- nominalstil: plurals of -keit nouns name things --------------------------------------------------

def test_plural_keit_noun_is_no_nominalisation(check_text):
    found = _of(check_text, "nominalstil",
                "Das Angebot reicht von der Beratung über die Bereitstellung von Räumlichkeiten bis zur Vermittlung.")
    assert all("Räumlichkeiten" not in f.message for f in found)
    assert all("räumlich" not in s for f in found for s in f.suggestions)


# -- amtsdeutsch „erwerben“: credits are not bought ---------------------------------------------------

@pytest.mark.parametrize(("text", "advice"), [
    # with a rewrite, the suggestion shows its words (issue 17: advice4a)
    ("Sie haben bisher nur 38 von 210 Leistungspunkten erworben.",
     "Schreiben Sie „Leistungspunkten erreicht“ statt „Leistungspunkten erworben“."),
    ("Wer ein Grundstück erwirbt, zahlt Steuern.", "Schreiben Sie stattdessen „kaufen“."),
    ("Sie haben die deutsche Staatsangehörigkeit erworben.", "Schreiben Sie stattdessen „bekommen“."),
])
def test_erwerben_advice_fits_the_object(check_text, text, advice):
    found = [f for f in _of(check_text, "amtsdeutsch", text) if f.text.startswith("erw")]
    assert found and found[0].suggestions == [advice]


# -- amtsdeutsch „beziehungsweise“: "respectively" gets no "oder" -----------------------------------

@pytest.mark.parametrize("text", [
    "Die Zahlen gehen aus den Monatsberichten (Bau) beziehungsweise den Quartalsberichten (Ausbau) hervor.",
    "Die Grenze liegt bei 14 beziehungsweise 18 Jahren für Kinder beziehungsweise Jugendliche.",
    "Kinder und Jugendliche zahlen jeweils 5 beziehungsweise 8 Euro.",
])
def test_respectively_gets_no_oder(check_text, text):
    found = [f for f in _of(check_text, "amtsdeutsch", text) if f.text == "beziehungsweise"]
    assert found and all(f.suggestions == [] for f in found)


def test_beziehungsweise_as_or_keeps_oder(check_text):
    found = _of(check_text, "amtsdeutsch", "Bitte bringen Sie Ihren Ausweis beziehungsweise Ihren Pass mit.")
    assert [f.suggestions for f in found if f.text == "beziehungsweise"] == [["Schreiben Sie stattdessen „oder“."]]


def test_sense_without_alternatives_loads(tmp_path):
    from einfach.rules.loader import parse_lexicon

    lexicon = parse_lexicon({"lexicon": "amtsdeutsch", "entries": [
        {"term": "beziehungsweise", "alternatives": ["oder"], "reason": "r",
         "senses": [{"if_parallel": True, "alternatives": []}]},
    ]}, tmp_path / "x.yml")
    assert lexicon.entries[0].senses[0].alternatives == () and lexicon.entries[0].senses[0].if_parallel
