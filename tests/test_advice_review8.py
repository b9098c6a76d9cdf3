"""Advice that fits (issue 17): the kinds of wrong suggestion the eighth blind review found
(`eval/review/suggestions-8-verdicts.jsonl`) and the entries audited for the same risk, each pinned
by the behaviour it names. A suggestion is concrete and fitting for its sentence, or absent."""

from __future__ import annotations

import pytest
from review_support import findings_about as _about, findings_of as _of


# -- amtsdeutsch: an alternative must not blur a legal term -----------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    # enforceable: „gültig“ changes the meaning, „durchsetzbar ausreisepflichtig“ is no German (S070)
    ("Sie sind seit dem 14.03.2023 vollziehbar ausreisepflichtig.", "vollziehbar"),
    # the study follows its rules, „richtig“ is not what the law says (S106)
    ("Die Voraussetzung eines ordnungsgemäßen Studienverlaufs ist nicht erfüllt.", "ordnungsgemäßen"),
    # at an appointment the Anliegen is the matter, not a „Frage“ or a „Wunsch“ (S119)
    ("Bei verspätetem Erscheinen ist eine Bearbeitung Ihres Anliegens nicht möglich.", "Anliegens"),
    # „Leistung“ is the legal word for benefits (S092)
    ("Sofern Sie zum Zeitpunkt der Vornahme der Amtshandlungen Leistungen nach dem SGB II bezogen haben, "
     "entfällt die Gebühr.", "Amtshandlungen"),
    # a remedy is admissible, not „erlaubt“
    ("Die Berufung ist nur zulässig, wenn das Gericht sie zugelassen hat.", "zulässig"),
    ("Der Widerspruch ist unzulässig, weil die Frist abgelaufen ist.", "unzulässig"),
    # a list of kinds of permit: „Erlaubnis“ names another of them (before „oder“ it is no finding at all)
    ("Dafür ist eine Bewilligung, Genehmigung oder Konzession nötig.", "Bewilligung"),
    # a guardian has the right too
    ("Wenn Sie noch nicht volljährig sind, müssen Ihre Erziehungsberechtigten unterschreiben.",
     "Erziehungsberechtigten"),
    # „trotz“ would override the rule that stays in force
    ("Das gilt unbeschadet der Rechte Dritter.", "unbeschadet"),
    # credible is less than proven: beside „nachgewiesen“ no word keeps them apart
    ("Die Fahrten zahlen wir, soweit sie nachgewiesen oder glaubhaft gemacht werden.", "glaubhaft gemacht"),
    # to report a crime, not to pay back
    ("Sie können bei der Polizei auch Strafanzeige erstatten.", "erstatten"),
    # own reading of a fresh sample (seed 307): a fine for an Ordnungswidrigkeit is no criminal penalty
    ("Die Nichtvorlage kann als Ordnungswidrigkeit geahndet werden.", "geahndet"),
    ("Die Ahndung mit einer Geldbuße ist möglich.", "Ahndung"),
    # … „in Besitz nehmen“ is to take it over, not „haben“
    ("Der Verwalter nimmt sofort das gesamte Vermögen des Schuldners in Besitz.", "in Besitz"),
    # … predicative „vorrangig“ is the most important: neither „zuerst“ nor „vor allem“
    ("Jeder Gründer muss die Faktoren gewichten, die für sein Ziel vorrangig sind.", "vorrangig"),
])
def test_wrong_sense_gets_only_the_advice(check_text, text, words):
    (found,) = _about(check_text, "amtsdeutsch", text, words)
    assert found.suggestions == []


def test_vollziehbar_is_explained_in_the_message(check_text):
    (found,) = _about(check_text, "amtsdeutsch", "Die Ausreisepflicht ist vollziehbar.", "vollziehbar")
    assert "durchsetzen" in found.message and "gültig" not in found.message


def test_ordnungsgemaess_as_an_adverb_becomes_wie_vorgeschrieben(check_text):
    text = "Die Bauherren müssen ihre Pflichten ordnungsgemäß erfüllen."
    (found,) = _about(check_text, "amtsdeutsch", text, "ordnungsgemäß")
    assert "wie vorgeschrieben erfüllen" in found.suggestions[0]
    assert "richtig" not in found.suggestions[0]


def test_zulaessig_outside_a_remedy_keeps_erlaubt(check_text):
    (found,) = _about(check_text, "amtsdeutsch", "Das zulässige Gesamtgewicht beträgt 3,5 Tonnen.", "zulässige")
    assert "„erlaubt" in found.suggestions[0]


def test_glaubhaft_machen_alone_gets_zeigen_not_belegen(check_text):
    text = "Wer ein rechtliches Interesse glaubhaft macht, darf das Testament einsehen."
    (found,) = _about(check_text, "amtsdeutsch", text, "glaubhaft macht")
    assert "„zeigen“" in found.suggestions[0] and "belegen" not in found.suggestions[0]


@pytest.mark.parametrize(("text", "words", "wrong"), [
    ("Die Beitragspflicht geht nicht auf den Erwerber des Grundstücks über.", "Erwerber", "Besitzer"),
    ("Die Zustellung des Beschlusses erfolgt durch das Gericht.", "Zustellung", "Lieferung"),
    ("Bitte reichen Sie den Vertrag in zweifacher Ausfertigung ein.", "Ausfertigung", "Kopie"),
    ("Sie können gegen das Urteil Rechtsmittel einlegen.", "Rechtsmittel einlegen", "widersprechen"),
])
def test_alternative_that_names_another_legal_thing_is_gone(check_text, text, words, wrong):
    found = [f for f in _of(check_text, "amtsdeutsch", text) if words.split()[0].lower() in f.text.lower()]
    assert found
    assert all(wrong not in suggestion for f in found for suggestion in f.suggestions)


# -- nominalstil: no verb that does not mean the noun ----------------------------------------------

def test_population_is_no_nominal_style(check_text):
    # eighth blind review, S068: „Bevölkerung“ → „bevölkern“; the inhabitants hide no action
    text = ("Die Gemeinden haben im Rahmen ihrer Leistungsfähigkeit die Pflicht, in ihrem Gebiet die "
            "Bevölkerung ausreichend mit Trinkwasser zu versorgen, soweit diese Verpflichtung nicht "
            "übertragen wurde.")
    assert _of(check_text, "nominalstil", text) == []


def test_groups_and_things_get_no_verb(check_text):
    text = "Die Versorgung der Bevölkerung, die Beratung der Abteilung und die Prüfung der Anforderungen ist schwer."
    (found,) = _of(check_text, "nominalstil", text)
    # the word pairs are shown only with a clause example (tests/test_advice_review10.py); the
    # finding's data keeps them
    for wrong in ("bevölkern", "abteilen", "anfordern"):
        assert wrong not in found.data["verbs"]
    assert "„Versorgung“ → „versorgen“" in found.data["verbs"]


def test_noun_that_is_often_a_thing_counts_but_gets_no_verb(check_text):
    text = "Die Gläubiger melden ihre Forderungen zur Prüfung und Feststellung beim Gericht an."
    (found,) = _of(check_text, "nominalstil", text)
    assert "Forderungen" in found.message
    assert "fordern" not in found.data["verbs"]


def test_a_prefix_makes_a_new_action_and_keeps_its_verb(check_text):
    # „Einbeziehung“ ends in „Beziehung“ but is the action of „einbeziehen“
    text = "Die Entscheidung über die Einbeziehung der Beratung und die Prüfung dauern lange."
    (found,) = _of(check_text, "nominalstil", text)
    assert "„Einbeziehung“ → „einbeziehen“" in found.data["verbs"]


@pytest.mark.parametrize(("lemma", "expected"), [
    ("Bevölkerung", True), ("Gesamtbevölkerung", True), ("Wasserleitung", True), ("Ehescheidung", True),
    ("Einbeziehung", False), ("Gewährung", False), ("Entscheidung", False), ("Weiterleitung", False),
    ("Aufforderung", False), ("Prüfung", False),
])
def test_no_verb_list_matches_heads_of_compounds_only(lemma, expected):
    from einfach.rules.kinds.wordinfo import has_no_verb

    assert has_no_verb(lemma) is expected


# -- passiv: the modal of the passive's own conjunct -------------------------------------------------

def test_second_conjunct_keeps_its_own_modal(check_text):
    # eighth blind review, S105: „Sie können … unterschreiben“ turned the duty into a possibility
    text = ("Die Mitteilung kann formlos per Post oder Fax erfolgen und muss von Ihnen "
            "unterschrieben werden.")
    (found,) = _of(check_text, "passiv", text)
    assert found.text.startswith("muss")
    assert "„Sie müssen … unterschreiben.“" in found.suggestions[0]


def test_modal_right_after_werden_at_the_end_is_its_own(check_text):
    text = "Wir wissen, dass die Mitteilung per Post erfolgen kann und von Ihnen unterschrieben werden muss."
    (found,) = _of(check_text, "passiv", text)
    assert "„Sie müssen … unterschreiben.“" in found.suggestions[0]


def test_modal_that_cannot_be_told_gives_no_actor_sentence(check_text):
    # „muss … erfolgen und kann … erfolgen und unterschrieben werden“: which modal goes with the passive?
    text = "Die Mitteilung muss erfolgen und kann von Ihnen per Post erfolgen und unterschrieben werden."
    (found,) = _of(check_text, "passiv", text)
    assert found.suggestions == []


def test_one_modal_shared_by_coordinated_verbs_is_kept(check_text):
    text = "Die Mitteilung kann per Post erfolgen und von Ihnen unterschrieben werden."
    (found,) = _of(check_text, "passiv", text)
    assert "„Sie können … unterschreiben.“" in found.suggestions[0]


# -- amtsdeutsch „beziehungsweise“ in a bracket: „genauer gesagt“, no „oder“ -------------------------

def test_beziehungsweise_opening_a_bracket_gets_no_oder(check_text):
    # seventh blind review, S146: what follows names the same more exactly
    text = "Die Beratung machen Rechtsanwälte (beziehungsweise Mitglieder der Rechtsanwaltskammern)."
    (found,) = _about(check_text, "amtsdeutsch", text, "beziehungsweise")
    assert found.suggestions == []


def test_beziehungsweise_between_two_things_keeps_oder(check_text):
    text = "Bitte bringen Sie Ihren Pass beziehungsweise Ihren Personalausweis mit."
    (found,) = _about(check_text, "amtsdeutsch", text, "beziehungsweise")
    assert "„oder“" in found.suggestions[0]


def test_if_bracket_must_be_true_or_false(tmp_path):
    from einfach.rules.loader import RuleFileError, parse_lexicon

    with pytest.raises(RuleFileError, match="if_bracket"):
        parse_lexicon({"lexicon": "amtsdeutsch", "entries": [
            {"term": "beziehungsweise", "alternatives": ["oder"], "reason": "r",
             "senses": [{"if_bracket": "ja", "alternatives": []}]},
        ]}, tmp_path / "x.yml")


# -- own reading of a fresh sample (seed 307) ---------------------------------------------------------

def test_being_in_possession_keeps_haben(check_text):
    text = "Sie sind nicht im Besitz eines gültigen Passes."
    (found,) = [f for f in _of(check_text, "amtsdeutsch", text) if "besitz" in f.text.lower()]
    assert "„haben“" in found.suggestions[0]


def test_parents_are_not_amtsdeutsch(check_text):
    # „Elternteil“ left the lexicon in the sixth step of #17: three readers of the Amt24 pages leave
    # it unmarked (docs/quality.md); neither form is reported, so no advice can misname the parents
    text = "Leben zur Zeit des Erbfalls beide Elternteile des Verstorbenen, erben sie zu gleichen Teilen."
    assert _about(check_text, "amtsdeutsch", text, "Elternteile") == []
    assert _about(check_text, "amtsdeutsch", "Ein Elternteil muss den Antrag unterschreiben.", "Elternteil") == []


def test_a_crime_is_still_punished(check_text):
    (found,) = _about(check_text, "amtsdeutsch", "Der Diebstahl wird mit Freiheitsstrafe geahndet.", "geahndet")
    assert "„bestraft“" in found.suggestions[0]


def test_no_alternative_is_itself_a_flagged_word(check_text):
    text = "Haben Sie Fragen zu sozialen und rechtlichen Belangen der Schwangerschaft?"
    (found,) = _about(check_text, "amtsdeutsch", text, "Belangen")
    assert "Anliegen" not in found.suggestions[0] and "Anliegen" not in found.message


def test_a_determination_is_not_a_check(check_text):
    text = "Die Feststellung der Behinderung erfolgt durch das Versorgungsamt."
    (found,) = _about(check_text, "amtsdeutsch", text, "Feststellung")
    assert all("prüfen" not in suggestion for suggestion in found.suggestions)


def test_bookkeeping_is_no_nominal_style(check_text):
    text = "Der finanzielle Aufwand bei der Gründung und der Aufwand für Buchhaltung und Dokumentation sind hoch."
    assert _of(check_text, "nominalstil", text) == []


# -- seltenes-wort: a legal term's explanation only for that term (own reading, seed 311) -------------

@pytest.mark.parametrize("word", ["Verwaltungszwangs", "Ausweispapier", "Verwaltungsdaten", "Beschwerung"])
def test_a_word_sharing_the_start_of_a_legal_term_is_not_that_term(word):
    from types import SimpleNamespace

    from einfach.rules.kinds.wordinfo import legal_explanation

    assert legal_explanation(SimpleNamespace(lemma_=word, text=word)) is None


@pytest.mark.parametrize(("word", "term"), [
    ("Säumniszuschläge", "Säumniszuschlag"), ("Verwaltungsakte", "Verwaltungsakt"), ("Verwaltungsakts", "Verwaltungsakt"),
])
def test_plural_and_genitive_of_a_legal_term_get_its_explanation(word, term):
    from types import SimpleNamespace

    from einfach.rules.kinds.wordinfo import legal_explanation

    explanation = legal_explanation(SimpleNamespace(lemma_=word, text=word))
    assert explanation is not None
    assert explanation == legal_explanation(SimpleNamespace(lemma_=term, text=term))


# -- amtsdeutsch „gewähren“: „zahlen“ only for money (own reading, seed 311) ---------------------------

@pytest.mark.parametrize(("text", "words", "paid"), [
    ("Den Flüchtlingen wird aus humanitären Gründen der Aufenthalt gewährt.", "gewährt", False),
    ("Die Gewährung des Pauschbetrags ist an Voraussetzungen geknüpft.", "Gewährung", False),
    ("Für folgende Bereiche werden Leistungen gewährt.", "gewährt", True),
    ("Das Kindergeld wird auf Antrag gewährt.", "gewährt", True),
])
def test_granting_is_paying_only_for_money(check_text, text, words, paid):
    (found,) = _about(check_text, "amtsdeutsch", text, words)
    assert ("gezahlt" in found.suggestions[0]) is paid
