"""Issue 17, second step: advice that fits, reported speech, long compounds, typos, nominal style."""

from __future__ import annotations

import pytest

from einfach.rules.kinds.wordinfo import split_compound, split_parts


def findings(check_text, text: str, rule: str):
    return [f for f in check_text(text).findings if f.rule == rule]


# --- konjunktiv: reported speech in the default profile ----------------------------------------

@pytest.mark.parametrize(("text", "form", "advice"), [
    ("Sie gaben an, Sie seien seit März arbeitslos.", "seien", "„Sie haben uns gesagt: …“ oder „sind“ statt „seien“"),
    ("Ihr Arbeitgeber teilte mit, Sie hätten gekündigt.", "hätten", "„Ihr Arbeitgeber hat uns gesagt: …“"),
    ("Sie haben erklärt, Ihre Tochter wohne bei Ihnen.", "wohne", "„wohnt“ statt „wohne“"),
])
def test_reported_speech_is_reported_with_direct_advice(check_text, text, form, advice):
    found = findings(check_text, text, "konjunktiv")
    assert [f.text for f in found] == [form]
    assert advice in found[0].suggestions[0]


@pytest.mark.parametrize("text", [
    "Sie haben uns gesagt, dass Sie seit März arbeitslos sind.",
    "Sie teilten mit, Sie haben gekündigt.",
    "Seien Sie bitte pünktlich.",
    "Wir teilen Ihnen mit, dass der Antrag vollständig ist.",
])
def test_reported_speech_quiet_on_indicative(check_text, text):
    assert findings(check_text, text, "konjunktiv") == []


def test_reported_speech_left_to_indirekte_rede_in_leicht():
    from einfach.checker import check_document, make_pipeline
    from einfach.readers.text import document_from_text

    nlp = make_pipeline("leicht", settings={"select": ["konjunktiv", "indirekte-rede"]})
    result = check_document(document_from_text("<test>", "Sie gaben an, Sie seien arbeitslos."), nlp)
    assert [f.rule for f in result.findings] == ["indirekte-rede"]


# --- wortlaenge: compounds of three or more parts ----------------------------------------------

@pytest.mark.parametrize(("word", "parts"), [
    ("Lohnsteuerbescheinigungsunterlagen", ["Lohnsteuer", "bescheinigungs", "unterlagen"]),
    ("Aufenthaltserlaubnisverlängerungsantrag", ["Aufenthaltserlaubnis", "verlängerungs", "antrag"]),
])
def test_rare_part_accepted_when_it_splits_further(word, parts):
    assert split_parts(word, 20) == parts


def test_known_parts_preferred_over_deeper_split():
    assert split_compound("Lohnsteuerbescheinigung") == ("Lohnsteuer", "bescheinigung")


@pytest.mark.parametrize("word", ["Verantwortungslosigkeit", "Unverhältnismäßigkeit", "Zwischenstaatlichkeit"])
def test_non_compounds_stay_unsplit(word):
    assert split_compound(word) is None


def test_long_compound_reported_but_legal_term_itself_exempt(check_text):
    text = "Ihr Aufenthaltserlaubnisverlängerungsantrag ist da. Ihre Aufenthaltserlaubnis gilt."
    found = findings(check_text, text, "wortlaenge")
    assert [f.text for f in found] == ["Aufenthaltserlaubnisverlängerungsantrag"]
    # a hyphen only at the main joint (pieces of at most 20 letters; fourth blind review, S080)
    assert "„Aufenthaltserlaubnis-Verlängerungsantrag“" in found[0].suggestions[0]


# --- lexicon senses: advice that fits the sentence ---------------------------------------------

@pytest.mark.parametrize(("text", "rule", "advice"), [
    # "wir" for the office's act only in a letter; "zahlen" alone may be either side: no suggestion
    # (tests/test_advice_structure.py)
    ("Sehr geehrte Frau Muster,\n\nEine Erstattung erfolgt nicht.", "amtsdeutsch", "„Wir erstatten … nicht“"),
    ("Sehr geehrte Frau Muster,\n\nDie Auszahlung erfolgt nicht.", "amtsdeutsch", "„Wir zahlen … nicht aus“"),
    ("Die Prüfung nimmt einige Wochen in Anspruch.", "funktionsverbgefuege", "„dauern“"),
    ("Sie können eine Beratung in Anspruch nehmen.", "funktionsverbgefuege", "„nutzen“"),
    ("Sie können einen Monat nach Bekanntgabe des Bescheides Widerspruch einlegen.", "amtsdeutsch",
     "„nachdem Sie den Bescheid bekommen haben“"),
    ("Der hiesige Arbeitsmarkt ist gut.", "amtsdeutsch", "„Arbeitsmarkt hier“"),
])
def test_sense_gives_fitting_advice(check_text, text, rule, advice):
    suggestions = [f.suggestions[0] for f in findings(check_text, text, rule)]
    assert any(advice in suggestion for suggestion in suggestions), suggestions
    assert not any("geschehen" in suggestion for suggestion in suggestions)


def test_sense_keys_validated(tmp_path):
    from einfach.errors import RuleFileError
    from einfach.rules.loader import load_lexicon

    path = tmp_path / "eigene.yml"
    path.write_text(
        "lexicon: amtsdeutsch\nentries:\n  - term: erfolgen\n    alternatives: [tun]\n    reason: r\n"
        "    senses:\n      - if_word: [x]\n        alternatives: [y]\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError, match="if_word"):
        load_lexicon(str(path))


@pytest.mark.parametrize(("text", "advice"), [
    ("Wir beabsichtigen, dem Antrag nicht zu entsprechen.", "„Antrag ablehnen“"),
    # the rewrite's words, with the negation kept
    ("Sie haben den Termin nicht wahrgenommen.", "„den Termin nicht eingehalten“"),
])
def test_negated_phrase_keeps_its_negation(check_text, text, advice):
    suggestions = [f.suggestions[0] for f in findings(check_text, text, "amtsdeutsch")]
    assert any(advice in suggestion for suggestion in suggestions), suggestions


# --- passiv: the reader is not offered as the actor when acted upon ----------------------------

@pytest.mark.parametrize(("text", "advice"), [
    ("Hiermit wird Ihnen mitgeteilt, dass der Antrag fehlt.", "„Wir teilen … mit.“"),
    ("Sie werden aufgefordert, den Pass vorzulegen.", "„Wir fordern … auf.“"),
])
def test_passive_reader_as_object_gets_only_wir(check_text, text, advice):
    found = findings(check_text, text, "passiv")
    assert found and found[0].suggestions[0].endswith(advice)


def test_passive_cause_and_placeholder_are_no_agents(check_text):
    cause = findings(check_text, "Durch die Antragstellung wird kein Recht begründet.", "passiv")
    # "begründen" is on neither actor list: nobody can be named, so no suggestion, and the cause is no agent
    assert cause[0].suggestions == [] and "unklar, wer handelt" in cause[0].message
    placeholder = findings(check_text, "Mit Schreiben vom [Datum] wurden Sie gebeten, Unterlagen einzureichen.", "passiv")
    # a past request is reported, not made again ("Bitte …" would be a new request)
    assert placeholder[0].suggestions == ["Schreiben Sie aktiv und nennen Sie, wer handelt: „Wir haben … gebeten.“"]


# --- seltenes-wort: likely typos ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "word", "meant"), [
    ("Bitte schicken Sie uns die Unterlagn.", "Unterlagn", "„Unterlagen“"),
    ("Bitte schicken Sie uns die Bescheinigunng.", "Bescheinigunng", "„Bescheinigung“"),
    ("Das Gespräch ist eine Mediaton.", "Mediaton", "„Mediation“"),
])
def test_likely_typo_said_as_such(check_text, text, word, meant):
    found = findings(check_text, text, "seltenes-wort")
    assert [f.text for f in found] == [word]
    assert "Tippfehler" in found[0].message
    assert meant in found[0].suggestions[0]


@pytest.mark.parametrize("text", [
    "Bitte wenden Sie sich an Frau Bergr.",
    "Frau Yılmaz wohnt in Musterstadt.",
    "Die Gebühr beträgt 30 EUR.",
    "Die Asylrechte sind im Gesetz geregelt.",
    "Das berührtes Thema ist wichtig.",
    "Please bring your denture.",
])
def test_no_typo_on_names_codes_and_inflections(check_text, text):
    assert not any("Tippfehler" in f.message for f in findings(check_text, text, "seltenes-wort"))


# --- nominalstil: office names and chains -------------------------------------------------------

def test_nominal_chain_of_two_reported_with_example(check_text):
    found = findings(check_text, "Zur Sicherstellung der Bearbeitung schicken Sie uns bitte die Nachweise.", "nominalstil")
    assert len(found) == 1
    assert "„um die Bearbeitung sicherzustellen“" in found[0].suggestions[0]


@pytest.mark.parametrize("text", [
    "Bitte wenden Sie sich an den Fachbereich Ordnung und Soziales, Abteilung Bildung und Teilhabe.",
    "Das Amt für Integration und Migration hilft Ihnen bei Fragen zur Anmeldung.",
    "Wir brauchen zur Prüfung die Kopie Ihres Passes.",
    "Ihre Mietwohnung und Ihre Krankenversicherung prüfen wir bei der Auszahlung.",
])
def test_nominal_style_quiet_on_office_names_and_single_nouns(check_text, text):
    assert findings(check_text, text, "nominalstil") == []


def test_reported_speech_only_in_the_clause_after_the_verb_of_saying(check_text):
    text = ("Sie haben den Wunsch geäußert, nach Beispielheim zu ziehen; Gründe, die einen Umzug "
            "rechtfertigen würden, wurden nicht vorgetragen.")
    assert not any("indirekte Rede" in f.message for f in findings(check_text, text, "konjunktiv"))


def test_typo_check_skips_very_long_tokens():
    from einfach.rules.kinds.typos import likely_typo

    assert likely_typo("Unterlagn" * 500, 1.0, 3.0, True) is None
