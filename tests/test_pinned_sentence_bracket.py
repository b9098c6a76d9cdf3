"""rules/kinds/sentence_bracket.py (rule ``satzklammer``): which verb parts close a bracket, how the
distance is counted against the limit, where the search stops, and when the finding suggests a
„wenn“ clause; one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import annotated_doc, findings, kind_hits

WENN = "Schreiben Sie den ersten Teil als Satz mit „wenn“: "
# a condition of 14 words before its closing infinitive ("Möchten Sie … aufnehmen")
MIDDLE = "nach Ihrem Studium in Deutschland eine Arbeit als Ingenieurin in einem großen Betrieb"


def brackets(text: str, **parameters) -> list[tuple[str, str, int]]:
    """(finite verb, closing part, distance) per finding."""
    return [(f.data["finite"], f.data["closing"], f.data["distance"]) for f in findings("satzklammer", text, **parameters)]


def suggestions(text: str) -> list[list[str]]:
    return [f.suggestions for f in findings("satzklammer", text)]


# --- the limit ---------------------------------------------------------------------------------------------

def test_distance_at_the_limit_is_quiet():
    # ten words between "haben" and "geprüft"
    text = "Wir haben Ihren Antrag auf Verlängerung Ihrer Aufenthaltserlaubnis mit allen Unterlagen sorgfältig geprüft."
    assert brackets(text) == []


def test_distance_one_above_the_limit_is_reported():
    text = "Wir haben Ihren Antrag auf Verlängerung Ihrer Aufenthaltserlaubnis mit allen Unterlagen sorgfältig geprüft."
    assert brackets(text, max_distance=9) == [("„haben“", "„geprüft“", 10)]


def test_message_names_both_parts_the_distance_and_the_limit():
    (found,) = findings("satzklammer", "Sie müssen die Gebühr für den Antrag in Höhe von 100 Euro vor der Abholung bezahlen.")
    assert found.message == "Zwischen „müssen“ und „bezahlen“ stehen 13 Wörter (empfohlen: höchstens 10)"
    assert found.text == "müssen die Gebühr für den Antrag in Höhe von 100 Euro vor der Abholung bezahlen"
    assert found.severity == "warning"


def test_punctuation_inside_the_bracket_is_not_counted_but_a_relative_clause_is():
    text = "Sie müssen die Gebühr, die wir für den Antrag in Höhe von 100 Euro berechnen, bezahlen."
    assert brackets(text) == [("„müssen“", "„bezahlen“", 13)]


# --- which part closes which verb --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "part"), [
    ("Bitte reichen Sie die Kopie Ihres Passes und die Bescheinigung über das Einkommen bis zum 1. Oktober ein.",
     "dem abgetrennten Teil des Verbs"),
    ("Ihr Antrag ist zusammen mit den Unterlagen Ihres Arbeitgebers und Ihrer Ehefrau am 14. Oktober bei uns "
     "eingegangen.", "dem Partizip"),
    ("Ihr Antrag wird von uns zusammen mit den Unterlagen Ihres Arbeitgebers bis Ende des Monats geprüft.",
     "dem Partizip"),
    ("Wir werden Ihren Antrag zusammen mit den Unterlagen Ihres Arbeitgebers bis Ende des Monats prüfen.",
     "dem Infinitiv"),
    ("Die Unterlagen sind von Ihnen zusammen mit dem Antrag und allen Nachweisen bis Ende Mai vorzulegen.",
     "dem Infinitiv"),
    ("Sie haben die Unterlagen für den Antrag und alle Nachweise zum Einkommen bis zum Ende des Monats vorzulegen.",
     "dem Infinitiv"),
    # an imperative with its particle
    ("Füll das Formular für den Antrag auf Verlängerung deiner Aufenthaltserlaubnis bitte sehr vollständig aus!",
     "dem abgetrennten Teil des Verbs"),
    # "zu" and an infinitive as two words
    ("Die Unterlagen sind von Ihnen zusammen mit dem Antrag und allen Nachweisen bis Ende Mai zu prüfen.",
     "dem Infinitiv"),
])
def test_kind_of_closing_part(text, part):
    (found,) = findings("satzklammer", text)
    assert found.data["part"] == part


def test_full_verb_without_particle_has_no_bracket():
    assert brackets("Sie kaufen die Gebühr für den Antrag in Höhe von 100 Euro vor der Abholung bei uns.") == []


def test_sein_with_an_adjective_has_no_bracket():
    text = "Wir sind mit Ihrem Antrag auf Verlängerung Ihrer Aufenthaltserlaubnis vom Mai 2024 heute sehr zufrieden."
    assert brackets(text) == []


def test_sentence_without_finite_verb_is_quiet():
    assert brackets("Die Gebühr für den Antrag auf Verlängerung der Aufenthaltserlaubnis in Höhe von 100 Euro.") == []


def test_zu_infinitive_after_a_comma_does_not_close_haben():
    text = "Sie haben die Unterlagen, die für den Antrag und alle Nachweise zum Einkommen nötig sind, vorzulegen."
    assert brackets(text) == []


def test_verb_of_an_inserted_relative_clause_does_not_end_the_search():
    text = "Bitte reichen Sie die Unterlagen, die wir für den Antrag brauchen, bis zum 1. Oktober bei uns ein."
    assert brackets(text) == [("„reichen“", "„ein“", 15)]


def test_zu_and_infinitive_after_a_comma_do_not_close_sein():
    text = "Die Unterlagen sind von Ihnen zusammen mit dem Antrag und allen Nachweisen bis Ende Mai, zu prüfen."
    assert brackets(text) == []


def test_a_slash_inside_the_bracket_does_not_end_the_chunk():
    text = "Die Unterlagen sind von Ihnen zusammen mit dem Antrag / allen Nachweisen bis Ende Mai vorzulegen."
    assert brackets(text) == [("„sind“", "„vorzulegen“", 11)]


def test_particle_of_the_next_clause_does_not_close_the_first_verb():
    text = ("Bitte geben Sie die Kopie Ihres Passes und die Bescheinigung über das Einkommen bei uns ab und reichen "
            "Sie den Antrag ein.")
    assert brackets(text) == [("„geben“", "„ab“", 13)]


@pytest.mark.parametrize("text", [
    "Wir müssen die Gebühr für den Antrag in Höhe von 100 Euro vor der Abholung; Sie bezahlen sie.",
    "Sie müssen die Gebühr für den Antrag in Höhe von 100 Euro: bei der Abholung bezahlen.",
])
def test_semicolon_or_colon_ends_the_search(text):
    assert brackets(text) == []


# einfach's segmenter ends the sentence after "1.12."; another pipeline (``--model``) may not, and its tagger
# reads "bewahren" as an infinitive, as HanTa does
RAUM = [("Bitte", "ADV", "bitte"), ("legen", "VVFIN", "legen"), ("Sie", "PPER", "Sie"), ("in", "APPR", "in"),
        ("Raum", "NN", "Raum"), ("1.12.", "CARD", "1.12."), ("Wir", "PPER", "wir"), ("bewahren", "VVINF", "bewahren"),
        ("die", "ART", "die"), ("Unterlagen", "NN", "Unterlage"), ("für", "APPR", "für"), ("den", "ART", "der"),
        ("Antrag", "NN", "Antrag"), ("sechs", "CARD", "sechs"), ("Monate", "NN", "Monat"), ("lang", "ADJD", "lang"),
        ("sorgfältig", "ADJD", "sorgfältig"), ("auf", "PTKVZ", "auf"), (".", "$.", ".")]


def test_number_with_full_stop_before_a_capitalised_pronoun_ends_the_search():
    assert kind_hits("sentence_bracket", annotated_doc(RAUM)) == []


@pytest.mark.parametrize(("number", "pronoun"), [("12", "Wir"), ("1.12.", "wir")])
def test_without_full_stop_or_capital_the_search_goes_on(number, pronoun):
    words = [*RAUM[:5], (number, "CARD", number), (pronoun, "PPER", "wir"), *RAUM[7:]]
    assert [values["distance"] for _, values in kind_hits("sentence_bracket", annotated_doc(words))] == [15]


@pytest.mark.parametrize("first", [
    "Wir prüfen den Antrag",  # a verb that has no second part
    "Wir haben den Antrag geprüft",  # a bracket within the limit
])
def test_a_clause_without_wide_bracket_does_not_end_the_search(first):
    text = f"{first}, und Sie müssen die Gebühr für den Antrag in Höhe von 100 Euro vor der Abholung bezahlen."
    assert brackets(text) == [("„müssen“", "„bezahlen“", 13)]


def test_colon_right_after_the_finite_verb_ends_the_search():
    assert brackets("Sie müssen: die Gebühr für den Antrag in Höhe von 100 Euro vor der Abholung bezahlen.") == []


def test_every_bracket_of_a_text_is_reported():
    text = ("Sie müssen die Gebühr für den Antrag in Höhe von 100 Euro vor der Abholung bezahlen. "
            "Wir werden Ihren Antrag zusammen mit den Unterlagen Ihres Arbeitgebers bis Ende des Monats prüfen.")
    assert brackets(text) == [("„müssen“", "„bezahlen“", 13), ("„werden“", "„prüfen“", 12)]


# --- the „wenn“ clause for a verb-first condition ----------------------------------------------------------

@pytest.mark.parametrize(("text", "clause"), [
    (f"Möchten Sie {MIDDLE} aufnehmen, so können Sie eine Erlaubnis beantragen.",
     f"„Wenn Sie {MIDDLE} aufnehmen möchten, so …“"),
    (f"Möchten Sie {MIDDLE} aufnehmen, dann brauchen Sie eine Erlaubnis.",
     f"„Wenn Sie {MIDDLE} aufnehmen möchten, dann …“"),
    (f"Hat Ihr Arbeitgeber {MIDDLE} angeboten, brauchen Sie eine Erlaubnis.",
     f"„Wenn Ihr Arbeitgeber {MIDDLE} angeboten hat, brauchen …“"),
    # a quotation mark before the first word
    (f"„Möchten Sie {MIDDLE} aufnehmen, brauchen Sie eine Erlaubnis.“",
     f"„Wenn Sie {MIDDLE} aufnehmen möchten, brauchen …“"),
    # the main clause opens with an auxiliary
    (f"Möchten Sie {MIDDLE} aufnehmen, ist eine Erlaubnis nötig.", f"„Wenn Sie {MIDDLE} aufnehmen möchten, ist …“"),
    # the shortest main clause: a comma, its verb and one more token
    (f"Möchten Sie {MIDDLE} aufnehmen, gilt:", f"„Wenn Sie {MIDDLE} aufnehmen möchten, gilt …“"),
    # a clause after a second comma that does not open with a finite verb is no second condition
    (f"Möchten Sie {MIDDLE} aufnehmen, brauchen Sie eine Erlaubnis, wir helfen Ihnen gern.",
     f"„Wenn Sie {MIDDLE} aufnehmen möchten, brauchen …“"),
    # a text that ends in a comma
    (f"Möchten Sie {MIDDLE} aufnehmen, brauchen Sie eine Erlaubnis,", f"„Wenn Sie {MIDDLE} aufnehmen möchten, brauchen …“"),
    # a relative clause after the main clause's verb is no second condition
    (f"Möchten Sie {MIDDLE} aufnehmen, brauchen Sie eine Erlaubnis, die wir ausstellen.",
     f"„Wenn Sie {MIDDLE} aufnehmen möchten, brauchen …“"),
])
def test_verb_first_condition_becomes_a_wenn_clause(text, clause):
    assert suggestions(text) == [[WENN + clause]]


def test_sollten_sie_with_one_infinitive_drops_the_modal():
    text = f"Sollten Sie {MIDDLE} finden, melden Sie sich bei uns."
    assert suggestions(text) == [[WENN + f"„Wenn Sie {MIDDLE} finden, melden …“"]]


def test_sollten_keeps_the_modal_with_another_subject_than_sie():
    text = f"Sollten wir {MIDDLE.replace('Ihrem', 'dem')} finden, melden wir uns."
    assert suggestions(text) == [[WENN + f"„Wenn wir {MIDDLE.replace('Ihrem', 'dem')} finden sollten, melden …“"]]


def test_sollten_keeps_the_modal_before_two_verbs():
    text = f"Sollten Sie {MIDDLE} gefunden haben, melden Sie sich."
    assert suggestions(text) == [[WENN + f"„Wenn Sie {MIDDLE} gefunden haben sollten, melden …“"]]


@pytest.mark.parametrize("text", [
    f"Möchten Sie {MIDDLE} aufnehmen?",  # a question
    f"Möchten Sie {MIDDLE} aufnehmen, gut.",  # no verb after the comma
    f"Möchten nach Ihrem Studium in Deutschland viele eine Arbeit als Ingenieurin in einem großen Betrieb "
    f"aufnehmen, brauchen sie eine Erlaubnis.",  # no subject after the finite verb
    f"Möchten Sie {MIDDLE.replace('eine', 'zwar eine')} aufnehmen, brauchen Sie eine Erlaubnis.",  # "zwar"
    f"Möchten Sie {MIDDLE} aufnehmen, brauchen Sie aber eine Erlaubnis.",  # a contrast after the comma
    f"Möchten Sie {MIDDLE} aufnehmen, brauchen Sie eine Erlaubnis, dann gehen Sie zum Amt.",  # a third clause
    f"Dann müssen Sie {MIDDLE} aufnehmen, sagen Sie uns.",  # the finite verb is not the first word
    f"Möchten Sie {MIDDLE} aufnehmen, brauchen Sie dann eine Erlaubnis?",  # a question with a main clause
    f"Möchten Sie {MIDDLE} aufnehmen und brauchen Sie eine Erlaubnis.",  # no comma after the verbs
    # a third clause after a comma or semicolon, with or without "so"/"dann" before its finite verb
    f"Möchten Sie {MIDDLE} aufnehmen, brauchen Sie eine Erlaubnis; dann gehen Sie zum Amt.",
    f"Möchten Sie {MIDDLE} aufnehmen, brauchen Sie eine Erlaubnis, so gehen Sie zum Amt.",
    f"Möchten Sie {MIDDLE} aufnehmen, brauchen Sie eine Erlaubnis, dann müssen Sie zum Amt.",
    f"Möchten Sie {MIDDLE} aufnehmen, brauchen Sie eine Erlaubnis, dann ist das gut.",
])
def test_no_wenn_clause(text):
    assert suggestions(text) == [[]]


# --- a legal reference moved behind the closing verbs ------------------------------------------------------

NICHTVORLAGE = "Darüber hinaus kann die Nichtvorlage der wichtigen Unterlagen gemäß § 98 AufenthG als {} vom Amt geahndet{}."


def test_reference_moves_behind_all_closing_verbs():
    text = "Darüber hinaus kann die Nichtvorlage der Unterlagen nach § 98 Abs. 2 AufenthG als Ordnungswidrigkeit geahndet werden."
    assert suggestions(text) == [[
        "Setzen Sie „nach § 98 Abs. 2 AufenthG“ als „(§ 98 Abs. 2 AufenthG)“ hinter „geahndet werden“: "
        "Dann stehen zwischen „kann“ und „geahndet“ nur noch 6 Wörter."
    ]]


def test_reference_moves_when_it_leaves_the_limit_exactly():
    assert suggestions(NICHTVORLAGE.format("schwere Ordnungswidrigkeit", " werden")) == [[
        "Setzen Sie „gemäß § 98 AufenthG“ als „(§ 98 AufenthG)“ hinter „geahndet werden“: "
        "Dann stehen zwischen „kann“ und „geahndet“ nur noch 10 Wörter."
    ]]


def test_reference_stays_when_one_word_too_many_is_left():
    assert suggestions(NICHTVORLAGE.format("sehr schwere Ordnungswidrigkeit", " werden")) == [[]]


def test_reference_right_before_the_closing_verb_moves():
    text = ("Darüber hinaus kann die Nichtvorlage der wichtigen Unterlagen als schwere Ordnungswidrigkeit vom Amt "
            "gemäß § 98 AufenthG geahndet werden.")
    assert suggestions(text) == [[
        "Setzen Sie „gemäß § 98 AufenthG“ als „(§ 98 AufenthG)“ hinter „geahndet werden“: "
        "Dann stehen zwischen „kann“ und „geahndet“ nur noch 10 Wörter."
    ]]


@pytest.mark.parametrize(("text", "moved", "left"), [
    # a reference before the finite verb is passed over
    ("Nach § 5 AufenthG kann die Nichtvorlage der wichtigen Unterlagen gemäß § 98 AufenthG als schwere "
     "Ordnungswidrigkeit vom Amt geahndet werden.", "§ 98 AufenthG", 10),
    # a reference without "gemäß", "nach" or "laut" is passed over
    ("Darüber hinaus kann die Nichtvorlage der Unterlagen im Sinne von § 5 AufenthG gemäß § 98 AufenthG geahndet "
     "werden.", "§ 98 AufenthG", 9),
    # a reference whose removal is not enough is passed over
    ("Darüber hinaus kann die Nichtvorlage der Unterlagen gemäß § 5 AufenthG als Ordnungswidrigkeit gemäß § 98 Abs. 2 "
     "Nr. 3 AufenthG geahndet werden.", "§ 98 Abs. 2 Nr. 3 AufenthG", 9),
])
def test_a_reference_that_cannot_move_does_not_end_the_search(text, moved, left):
    assert suggestions(text) == [[
        f"Setzen Sie „gemäß {moved}“ als „({moved})“ hinter „geahndet werden“: "
        f"Dann stehen zwischen „kann“ und „geahndet“ nur noch {left} Wörter."
    ]]


def test_reference_behind_a_single_closing_verb():
    assert suggestions(NICHTVORLAGE.format("Ordnungswidrigkeit", "")) == [[
        "Setzen Sie „gemäß § 98 AufenthG“ als „(§ 98 AufenthG)“ hinter „geahndet“: "
        "Dann stehen zwischen „kann“ und „geahndet“ nur noch 9 Wörter."
    ]]


def test_reference_before_the_finite_verb_stays():
    text = "Gemäß § 98 AufenthG kann die Nichtvorlage der wichtigen Unterlagen in jedem Fall als schwere Ordnungswidrigkeit vom Amt geahndet werden."
    assert suggestions(text) == [[]]


def test_reference_without_gemaess_nach_or_laut_stays():
    text = "Darüber hinaus kann die Nichtvorlage der Unterlagen im Sinne von § 98 AufenthG als Ordnungswidrigkeit geahndet werden."
    assert suggestions(text) == [[]]


def test_limit_and_law_list_are_read_by_a_new_rule_object():
    # its own pipeline (pinned_support): the rule object reads the limit, and the law list ("AufenthG") that
    # the reference advice needs; with the default limit of 10 the 11 words left would be too many
    text = NICHTVORLAGE.format("sehr schwere Ordnungswidrigkeit", " werden")
    assert [f.suggestions for f in findings("satzklammer", text, max_distance=12)] == [[
        "Setzen Sie „gemäß § 98 AufenthG“ als „(§ 98 AufenthG)“ hinter „geahndet werden“: "
        "Dann stehen zwischen „kann“ und „geahndet“ nur noch 11 Wörter."
    ]]
