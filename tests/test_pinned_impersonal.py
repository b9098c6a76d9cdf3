"""rules/kinds/impersonal.py (rule ``unpersoenlich``): "man", the impersonal passive formulas, the reader
and the authority in the third person, and the active form each suggests; one named behaviour per test
(docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings

ADVICE = "Sprechen Sie die Leserin oder den Leser mit „Sie“ an und schreiben Sie von der Behörde als „wir“: "
LETTER = "Sehr geehrte Frau Muster,\n\n{}\n\nMit freundlichen Grüßen\nIhre Stadtverwaltung"


def marked(text: str) -> list[tuple[str, str]]:
    """(marked text, suggestion or "") per finding."""
    return [(f.text, f.suggestions[0] if f.suggestions else "") for f in findings("unpersoenlich", text)]


# --- "man" -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "example"), [
    ("Man muss den Antrag bis Freitag stellen.", "„Sie müssen …“ statt „Man muss …“"),
    ("Hier kann man einen Termin buchen.", "„können Sie …“ statt „kann man …“"),
])
def test_man_gets_the_verb_in_the_form_for_sie(text, example):
    (found,) = marked(text)
    assert found[1] == f"{ADVICE}{example}."


def test_man_message_names_the_word():
    (found,) = findings("unpersoenlich", "Man muss den Antrag bis Freitag stellen.")
    assert found.message == "Unpersönlich: „Man“ – „man“ lässt offen, wer gemeint ist: Sie oder wir?"
    assert found.severity == "warning"


def test_man_in_a_letter_has_no_suggestion():
    assert marked(LETTER.format("Hier kann man einen Termin buchen.")) == [("man", "")]


@pytest.mark.parametrize("text", [
    "Das nennt man Anhörung.",
    "Darunter versteht man das Versprechen.",
    "Von einer Verlobung spricht man, wenn zwei Menschen heiraten wollen.",
])
def test_man_naming_something_is_quiet(text):
    assert marked(text) == []


@pytest.mark.parametrize("text", [
    "Hier versteht man kein Wort.",  # "verstehen" without "unter"
    "Man spricht mit der Behörde.",  # "sprechen" without "von"
])
def test_man_with_a_naming_verb_without_its_preposition_is_reported(text):
    assert [t for t, _ in marked(text)] == ["man" if text.startswith("Hier") else "Man"]


def test_man_beside_ihnen_is_quiet():
    assert marked("Sie müssen alles tun, was man von Ihnen erwarten kann.") == []


def test_ihnen_opening_the_sentence_does_not_silence_man():
    assert [t for t, _ in marked("Ihnen kann man nichts vorwerfen.")] == ["man"]


# --- "Es wird gebeten" -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span", "active"), [
    ("Es wird gebeten, die Unterlagen mitzubringen.", "Es wird gebeten", "„Bitte bringen Sie die Unterlagen mit“"),
    ("Es wird gebeten, die Unterlagen vorzulegen.", "Es wird gebeten", "„Bitte legen Sie die Unterlagen vor“"),
    ("Es wird ersucht, das Formular auszufüllen.", "Es wird ersucht", "„Bitte füllen Sie das Formular aus“"),
    # the clause after the infinitive stays
    ("Es wird gebeten, die Unterlagen mitzubringen, da wir sie prüfen.", "Es wird gebeten",
     "„Bitte bringen Sie die Unterlagen mit“"),
])
def test_gebeten_with_a_zu_infinitive_becomes_a_request(text, span, active):
    assert marked(text) == [(span, f"{ADVICE}{active} statt „{span}“.")]


@pytest.mark.parametrize("text", [
    "Es wird gebeten, die Unterlagen mitzubringen, auszufüllen und zu unterschreiben.",  # two infinitives
    "Es wird gebeten, Ihnen die Unterlagen zu geben.",  # "Ihnen" in the infinitive
    "Es wurde gebeten, die Unterlagen mitzubringen.",  # the past: no request
])
def test_gebeten_without_a_safe_request_has_no_suggestion(text):
    assert marked(text) == [(text.split(",")[0], "")]


@pytest.mark.parametrize(("text", "active", "written"), [
    ("Es wird um eine schriftliche Rückmeldung bis zum 5. Mai gebeten.",
     "Wir bitten Sie um eine schriftliche Rückmeldung bis zum 5. Mai", "Es … gebeten"),
    ("Es wurde um eine schriftliche Rückmeldung gebeten.",
     "Wir haben Sie um eine schriftliche Rückmeldung gebeten", "Es … gebeten"),
    ("Hiermit wird um eine schriftliche Rückmeldung gebeten.",
     "Hiermit bitten wir Sie um eine schriftliche Rückmeldung", "wird … gebeten"),
    ("Wenn es nötig ist, wird um eine schriftliche Rückmeldung gebeten.",
     "bitten wir Sie um eine schriftliche Rückmeldung", "wird … gebeten"),
])
def test_um_gebeten_becomes_wir_bitten_sie(text, active, written):
    (found,) = marked(text)
    assert found[1] == f"{ADVICE}„{active}“ statt „{written}“."


def test_formula_in_a_subordinate_clause_with_its_verb_last_is_quiet():
    assert marked("Wir prüfen, ob um eine Rückmeldung gebeten wird.") == []


@pytest.mark.parametrize(("text", "span", "active"), [
    ("Hiermit wird Ihnen mitgeteilt, dass Ihr Antrag vollständig ist.", "wird Ihnen mitgeteilt",
     "„Wir teilen Ihnen mit: …“ oder sagen Sie es direkt"),
    ("Es wird darauf hingewiesen, dass die Frist endet.", "Es wird darauf hingewiesen", "„Bitte beachten Sie: …“"),
    ("Es wird empfohlen, früh zu kommen.", "Es wird empfohlen", "„Wir empfehlen Ihnen …“"),
    ("Es wird bestätigt, dass der Antrag vorliegt.", "Es wird bestätigt", "„Wir bestätigen …“"),
    # a paragraph sign is no subject of its own
    ("Gemäß § 82 Abs. 1 AufenthG wird darauf hingewiesen, dass die Frist endet.", "wird darauf hingewiesen",
     "„Bitte beachten Sie: …“"),
])
def test_formula_gets_the_fixed_phrase_of_its_verb(text, span, active):
    assert marked(text) == [(span, f"{ADVICE}{active} statt „{span}“.")]


def test_formula_message():
    (found,) = findings("unpersoenlich", "Es wird empfohlen, früh zu kommen.")
    assert found.message == ("Unpersönlich: „Es wird empfohlen“ – der Satz nennt nicht, wer handelt, obwohl die "
                             "Behörde selbst schreibt.")


@pytest.mark.parametrize("text", [
    "Der Antrag wird geprüft.",  # no verb of asking or informing
    "Die Frist wird Ihnen mitgeteilt.",  # a subject of its own
    "Er wird gebeten, zu kommen.",  # a personal pronoun as subject
])
def test_passive_with_a_subject_or_another_verb_is_no_formula(text):
    assert marked(text) == []


# --- the reader in the third person ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span", "example"), [
    ("Der Antragsteller hat die Unterlagen bis Freitag vorzulegen.", "Der Antragsteller",
     "„Sie haben …“ statt „Der Antragsteller hat …“"),
    ("Die Antragstellerin muss persönlich erscheinen.", "Die Antragstellerin",
     "„Sie müssen …“ statt „Die Antragstellerin muss …“"),
    ("Die Antragsteller müssen persönlich erscheinen.", "Die Antragsteller",
     "„Sie müssen …“ statt „Die Antragsteller müssen …“"),
    ("Der alte Antragsteller hat den Pass vorzulegen.", "Der alte Antragsteller",
     "„Sie haben …“ statt „Der alte Antragsteller hat …“"),
    ("Und der Antragsteller muss persönlich erscheinen.", "der Antragsteller",
     "„Sie müssen …“ statt „der Antragsteller muss …“"),
    ("Daher muss der Antragsteller persönlich erscheinen.", "der Antragsteller",
     "„müssen Sie …“ statt „muss der Antragsteller …“"),
    ("Daher müssen Antragstellerinnen persönlich erscheinen.", "Antragstellerinnen",
     "„müssen Sie …“ statt „müssen Antragstellerinnen …“"),
])
def test_reader_noun_as_subject_gets_sie(text, span, example):
    assert marked(text) == [(span, f"{ADVICE}{example}.")]


def test_reader_message():
    (found,) = findings("unpersoenlich", "Die Passinhaberin hat den Pass vorzulegen.")
    assert found.message == ("Unpersönlich: „Die Passinhaberin“ – der Brief spricht von der Leserin oder dem Leser "
                             "in der dritten Person.")


def test_reader_noun_opening_a_subordinate_clause_is_reported_without_suggestion():
    assert marked("Wir prüfen, ob die Antragstellerin persönlich erscheint.") == [("die Antragstellerin", "")]


@pytest.mark.parametrize("text", [
    "Den Antragsteller müssen wir anhören.",  # accusative article
    "Daher muss er den Antragsteller anhören.",  # a pronoun is the subject
    "Wir bitten die Antragstellerin, den Pass vorzulegen.",  # "die" after the verb: an accusative
    "Daher muss die Antragstellerin persönlich erscheinen.",  # the same ambiguity after the verb
])
def test_reader_noun_not_as_subject_is_quiet(text):
    assert marked(text) == []


def test_letter_only_noun_outside_a_letter_is_quiet():
    assert marked("Die Betroffenen brauchen viel Zeit.") == []


def test_letter_only_noun_in_a_letter_is_reported():
    assert [t for t, _ in marked(LETTER.format("Die Betroffenen brauchen viel Zeit."))] == ["Die Betroffenen"]


# --- the authority in the third person ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Die hiesige Behörde wird Ihren Antrag prüfen.", "Die hiesige Behörde"),
    ("Unser Amt wird Ihren Antrag prüfen.", "Unser Amt"),
    ("Das hiesige Amt wird Ihren Antrag prüfen.", "Das hiesige Amt"),
    ("Unsere Dienststelle wird Ihren Antrag prüfen.", "Unsere Dienststelle"),
    ("Wir wissen, dass die hiesige Behörde Ihren Antrag prüft.", "die hiesige Behörde"),
    ("Daher wird die hiesige Behörde Ihren Antrag prüfen.", "die hiesige Behörde"),
])
def test_own_authority_as_subject_gets_wir(text, span):
    assert marked(text) == [(span, f"{ADVICE}„wir“ oder „uns“ statt „{span}“.")]


@pytest.mark.parametrize(("text", "span"), [
    ("Ihre Daten werden seitens der Ausländerbehörde geprüft.", "seitens der Ausländerbehörde"),
    ("Ihre Daten werden von der hiesigen Behörde geprüft.", "von der hiesigen Behörde"),
    ("Ihre Daten werden durch unsere Verwaltung geprüft.", "durch unsere Verwaltung"),
])
def test_authority_as_agent_is_reported_without_suggestion(text, span):
    assert marked(text) == [(span, "")]


def test_authority_message():
    (found,) = findings("unpersoenlich", "Unser Amt wird Ihren Antrag prüfen.")
    assert found.message == "Unpersönlich: „Unser Amt“ – die Behörde schreibt von sich in der dritten Person."


@pytest.mark.parametrize("text", [
    "Die Behörde wird Ihren Antrag prüfen.",  # not marked as the writer's own
    "Ihre Daten werden seitens des Amtes geprüft.",  # after "seitens" only a -behörde
    "Ihre Daten werden mit der hiesigen Behörde geprüft.",  # "mit" names no agent
    "Der Pass ist der hiesigen Behörde vorzulegen.",  # a dative
])
def test_authority_not_own_or_not_subject_is_quiet(text):
    assert marked(text) == []


def test_reader_nouns_are_read_from_the_parameters():
    assert [f.text for f in findings("unpersoenlich", "Der Kunde hat den Pass vorzulegen.", reader_nouns=["Kunde"])] == [
        "Der Kunde"]


def test_letter_only_nouns_are_read_from_the_parameters():
    text = LETTER.format("Die Kunden brauchen viel Zeit.")
    assert [f.text for f in findings("unpersoenlich", text, letter_only_nouns=["Kunde"])] == ["Die Kunden"]
