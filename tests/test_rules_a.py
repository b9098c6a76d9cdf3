"""Edge cases of the rules funktionsverbgefuege, abkuerzung, rechtsverweis, verneinung,
unpersoenlich and konjunktiv (issue 3, part A).

The YAML examples of each rule run in ``test_rule_examples.py``; this module checks what
the examples cannot: one finding for a separated or multi-token match, explained
acronyms, bracketed references, profile parameters, placeholders, offsets, the plain
corpus, and the kinds on an annotated Doc as an installed spaCy pipeline would give it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from einfach.checker import check_document, make_pipeline
from einfach.readers.text import document_from_text

RULES_A = ["funktionsverbgefuege", "abkuerzung", "rechtsverweis", "verneinung", "unpersoenlich", "konjunktiv"]
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def pipelines():
    cache = {}

    def get(profile: str = "einfach"):
        if profile not in cache:
            cache[profile] = make_pipeline(profile, settings={"select": RULES_A})
        return cache[profile]

    return get


@pytest.fixture(scope="module")
def findings(pipelines):
    def run(text: str, rule: str | None = None, profile: str = "einfach"):
        result = check_document(document_from_text("<test>", text), pipelines(profile))
        return [f for f in result.findings if rule is None or f.rule == rule]

    return run


# -- funktionsverbgefuege ------------------------------------------------------------------


def test_separated_light_verb_is_one_finding(findings):
    found = findings("Bitte setzen Sie uns über jede Änderung in Kenntnis.", "funktionsverbgefuege")
    assert len(found) == 1
    assert found[0].text == "setzen Sie uns über jede Änderung in Kenntnis"
    assert "informieren" in found[0].suggestions[0]


def test_light_verb_across_an_inserted_clause(findings):
    found = findings("Bitte setzen Sie uns, sobald Sie umziehen, in Kenntnis.", "funktionsverbgefuege")
    assert len(found) == 1 and found[0].text.startswith("setzen") and found[0].text.endswith("Kenntnis")


def test_longest_light_verb_wins(findings):
    found = findings("Wir stellen Ihnen einen Antrag zur Verfügung.", "funktionsverbgefuege")
    assert [f.data["term"] for f in found] == ["zur Verfügung stellen"]


def test_antrag_stellen_suggests_beantragen(findings):
    found = findings("Sie können den Antrag auf Wohngeld online stellen.", "funktionsverbgefuege")  # what is applied for
    assert len(found) == 1 and "„beantragen“" in found[0].suggestions[0]


@pytest.mark.parametrize(
    "text",
    [
        "Bitte stellen Sie sicher, dass Ihr Antrag vollständig ist.",  # sicherstellen; noun in another clause
        "Wir erheben keine Gebühr, wenn Sie Anspruch auf Bürgergeld haben.",
        "Zur Durchführung der Anhörung kommen Sie bitte in Raum 1.",  # purpose phrase
        "Zur Auszahlung kommen Sie bitte am Montag zu uns.",  # a person comes
        "Bitte machen Sie eine Kopie der Mitteilung.",  # genitive attribute
        "Weitere Hinweise zur Verwendung finden Sie im Internet.",  # noun inside a prepositional phrase
        "Wir stellen fest, dass der Pass fehlt.",  # feststellen
    ],
)
def test_light_verb_false_alarms(findings, text):
    assert findings(text, "funktionsverbgefuege") == []


def test_moved_entries_are_not_amtsdeutsch_any_more():
    from einfach.rules.loader import load_lexicon

    amtsdeutsch = {e.term for e in load_lexicon("amtsdeutsch").entries}
    light_verbs = {e.term for e in load_lexicon("funktionsverben").entries}
    assert len(light_verbs) >= 80
    for term in ("in Kenntnis setzen", "Folge leisten", "zur Kenntnis nehmen", "Abhilfe schaffen",
                 "in Anspruch nehmen", "Berücksichtigung finden", "Verwendung finden"):
        assert term in light_verbs and term not in amtsdeutsch


# -- abkuerzung ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Bitte bringen Sie Nachweise mit, z. B. Ihren Arbeitsvertrag.", ["z. B."]),
    ("Bitte bringen Sie Nachweise mit, z.B. Ihren Arbeitsvertrag.", ["z.B."]),
    ("Die Bearbeitung dauert i. d. R. drei Monate.", ["i. d. R."]),
    ("Z. B. Ihren Pass. Ggf. eine Kopie.", ["Z. B.", "Ggf."]),
])
def test_multi_token_abbreviation_is_one_finding(findings, text, expected):
    assert [f.text for f in findings(text, "abkuerzung")] == expected


def test_explained_acronym_is_quiet(findings):
    assert findings("Die Ausländerbehörde (ABH) prüft Ihren Antrag. Die ABH meldet sich.", "abkuerzung") == []
    assert findings("Die ABH (Ausländerbehörde) prüft Ihren Antrag.", "abkuerzung") == []
    assert findings("Die Karte heißt auch eAT.", "abkuerzung") == []


def test_unexplained_acronym_reported_once_per_paragraph_as_info(findings):
    found = findings("Die ABH prüft den Antrag. Danach schreibt die ABH Ihnen.\n\nDie ABH ruft an.", "abkuerzung")
    assert [f.text for f in found] == ["ABH", "ABH"]  # first use in each paragraph
    assert all(f.severity == "info" for f in found)
    assert "Ausländerbehörde (ABH)" in found[0].suggestions[0]


def test_acronym_level_per_profile(findings):
    found = findings("Die ABH prüft den Antrag.", "abkuerzung", profile="leicht")
    assert [f.severity for f in found] == ["warning"]


@pytest.mark.parametrize("text", [
    "Nach § 5 Abs. 1 Nr. 2 AufenthG i. V. m. § 2 AufenthV gilt das.",  # left to rechtsverweis
    "Leistungen nach dem SGB II bekommen Sie nicht.",  # law abbreviation, Roman numeral
    "Bitte überweisen Sie 50 EUR, die IBAN steht unten.",  # known acronyms
    "Aktenzeichen: 32.2-AT-2024/1033",
    "Ihren PIN-Brief bekommen Sie per Post.",
    "WICHTIG: BITTE NICHT VERGESSEN",
])
def test_abbreviation_false_alarms(findings, text):
    assert findings(text, "abkuerzung") == []


# -- rechtsverweis -------------------------------------------------------------------------


def test_reference_chain_is_one_finding(findings):
    found = findings("Nach § 81 Abs. 4 Satz 1 AufenthG i. V. m. § 5 AufenthV gilt Ihr Titel weiter.", "rechtsverweis")
    assert [f.text for f in found] == ["§ 81 Abs. 4 Satz 1 AufenthG i. V. m. § 5 AufenthV"]
    assert found[0].severity == "info"
    assert "Aufenthaltsgesetz" in found[0].message


def test_reference_lists_and_names(findings):
    assert [f.text for f in findings("Die Gebühr richtet sich nach §§ 45, 47 AufenthV.", "rechtsverweis")] == [
        "§§ 45, 47 AufenthV."  # the tokenizer keeps the sentence's period with "AufenthV."
    ]
    assert [f.text for f in findings("Sie müssen nach § 82 des Aufenthaltsgesetzes mitwirken.", "rechtsverweis")] == [
        "§ 82 des Aufenthaltsgesetzes"
    ]


@pytest.mark.parametrize("text", [
    "Nach dem Gesetz müssen Sie uns helfen (§ 82 AufenthG).",
    "Nach dem Gesetz müssen Sie uns helfen (vgl. § 82 Abs. 1 AufenthG).",
    "Rechtsgrundlagen: § 50 Absatz 1 und § 59 Aufenthaltsgesetz (AufenthG)",
    "Rechtsgrundlage: § 82 AufenthG",
    "- § 50 AufenthG",
    "Ausstellung | 02.08.2024 | § 47 Abs. 1 Nr. 8 AufenthV | 13,00 EUR",  # plain-text table row
])
def test_reference_quiet_at_end_in_brackets_and_in_lists(findings, text):
    assert findings(text, "rechtsverweis") == []


def test_bracketed_reference_in_the_middle_is_flagged(findings):
    found = findings("Sie müssen (§ 82 AufenthG) alle Nachweise vorlegen.", "rechtsverweis")
    assert [f.text for f in found] == ["§ 82 AufenthG"]


# -- verneinung ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected", "positive"), [
    ("Die Kosten sind nicht unerheblich.", "nicht unerheblich", "„erheblich“"),
    ("Das ist kein unerheblicher Betrag.", "kein unerheblicher", "„ein erheblicher“"),
    ("Bitte kommen Sie nicht ohne Termin.", "nicht ohne", "„nur mit …“"),
    ("Eine Ablehnung kann nicht ausgeschlossen werden.", "nicht ausgeschlossen", "„möglich“"),
])
def test_negation_positive_suggestion(findings, text, expected, positive):
    found = findings(text, "verneinung")
    assert [f.text for f in found] == [expected]
    assert positive in found[0].suggestions[0]


@pytest.mark.parametrize("text", [
    "Sie müssen nicht unbedingt persönlich kommen.",
    "Sie dürfen keine unvollständigen Angaben machen.",
    "Sie müssen nicht zahlen, wenn Sie kein Einkommen haben.",
    "Seitdem haben Sie keinen Aufenthaltstitel mehr, also keine Erlaubnis.",
    "Sie müssen nicht weniger als 60 Monate einzahlen.",
    "Das ist nicht unterschiedlich.",
])
def test_negation_false_alarms(findings, text):
    assert findings(text, "verneinung") == []


# -- unpersoenlich -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Das nennt man Anhörung.",
    "Sie müssen alles tun, was man von Ihnen erwarten kann.",
    "Die Behörde darf die Dokumente behalten.",
    "Wir bitten die Antragstellerin, den Pass vorzulegen.",
    "Der Pass ist der hiesigen Behörde vorzulegen.",
    "Die Entscheidung wird Ihnen schriftlich mitgeteilt.",
])
def test_impersonal_false_alarms(findings, text):
    assert findings(text, "unpersoenlich") == []


def test_impersonal_reader_noun_with_gender_form(findings):
    found = findings("Gemäß § 37 StAG sind Einbürgerungsbewerber:innen verpflichtet, mitzuwirken.", "unpersoenlich")
    assert [f.text for f in found] == ["Einbürgerungsbewerber:innen"]


# -- konjunktiv ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Wir möchten Ihnen helfen.",
    "Möchten Sie einen Termin?",
    "Wenn wir jetzt entscheiden müssten, müssten wir Ihren Antrag ablehnen.",
    "Sie sollten sich bald melden.",
    "Sollten wir das prüfen?",
    "Das könnte teuer werden.",
    "Hätten Sie den Antrag früher gestellt, wäre alles einfacher gewesen.",  # condition, not a request
    "Wir würden Ihren Antrag gern genehmigen, aber es fehlt noch ein Nachweis.",  # real counterfactual
    "Gründe, die eine Aufhebung rechtfertigen würden, wurden nicht vorgetragen.",  # relative clause
])
def test_subjunctive_quiet(findings, text):
    assert findings(text, "konjunktiv") == []


def test_subjunctive_suggestions(findings):
    found = findings("Sollten Sie Fragen haben, rufen Sie uns an.", "konjunktiv")
    assert [f.text for f in found] == ["Sollten Sie"] and "„Wenn Sie …“" in found[0].suggestions[0]
    found = findings("Wir würden den Antrag ablehnen.", "konjunktiv")
    assert "„Wir lehnen … ab“" in found[0].suggestions[0]


def test_subjunctive_strict_in_leicht(findings):
    text = "Wenn wir jetzt entscheiden müssten, müssten wir Ihren Antrag ablehnen."
    assert findings(text, "konjunktiv") == []
    found = findings(text, "konjunktiv", profile="leicht")
    assert [f.text for f in found] == ["müssten", "müssten"] and all(f.severity == "error" for f in found)
    assert findings("Wir möchten Ihnen helfen.", "konjunktiv", profile="leicht") == []


# -- all rules of part A ---------------------------------------------------------------------

MIXED = (
    "Sehr geehrte «Anrede» «Name»,\n\n"
    "hiermit wird Ihnen mitgeteilt, dass die ABH Ihren Antrag gemäß § 81 Abs. 4 AufenthG z. B. "
    "nicht unerheblich prüft. Sollten Sie Fragen haben, setzen Sie uns bitte in Kenntnis.\n\n"
    "Man kann {{BEHOERDE}} und [Datum] und «ABH» nicht ohne Termin besuchen."
)


def test_offsets_point_at_the_text(findings):
    found = findings(MIXED)
    assert {f.rule for f in found} == set(RULES_A)
    for finding in found:
        assert MIXED[finding.start : finding.end] == finding.text


def test_placeholders_are_never_flagged(findings):
    for finding in findings(MIXED):
        assert "«" not in finding.text and "{{" not in finding.text and "[" not in finding.text
    assert findings("Guten Tag, «Anrede» «Name», «PLZ» «Ort»") == []
    assert findings("Die «ABH» prüft am [Datum] Ihren {{ANTRAG}}.") == []


def test_plain_corpus_is_quiet(findings):
    """corpus/einfach: only "einen Antrag stellen" and "Auskunft einholen" (both justified)."""
    found = []
    for path in sorted((CORPUS / "einfach").glob("*.txt")):
        found += findings(path.read_text(encoding="utf-8"))
    assert {f.rule for f in found} <= {"funktionsverbgefuege"}
    assert {f.data["term"] for f in found} <= {"einen Antrag stellen", "Auskunft einholen"}


# -- an installed spaCy pipeline: only tag_, lemma_, morph and sentence starts ---------------


def _annotated(words):
    """A Doc as a TIGER-trained German pipeline would annotate it: (text, tag, lemma) triples."""
    import spacy
    from spacy.tokens import Doc

    import einfach.nlp.tokens  # noqa: F401  (registers token._.einfach_placeholder)

    nlp = spacy.blank("de")
    texts = [w[0] for w in words]
    spaces = [i + 1 < len(words) and words[i + 1][1] not in {"$.", "$,"} for i in range(len(words))]
    doc = Doc(nlp.vocab, words=texts, spaces=spaces)
    for token, (_, tag, lemma) in zip(doc, words):
        token.tag_ = tag
        token.lemma_ = lemma
        token.is_sent_start = token.i == 0
    return doc


@pytest.mark.parametrize(("kind", "parameters", "words", "expected"), [
    ("subjunctive", {}, [("Sollten", "VMFIN", "sollen"), ("Sie", "PPER", "Sie"), ("Fragen", "NN", "Frage"),
                         ("haben", "VAINF", "haben"), (",", "$,", ","), ("rufen", "VVFIN", "rufen"),
                         ("Sie", "PPER", "Sie"), ("an", "PTKVZ", "an"), (".", "$.", ".")], "Sollten Sie"),
    ("negation", {}, [("Das", "PDS", "der"), ("ist", "VAFIN", "sein"), ("nicht", "PTKNEG", "nicht"),
                      ("unerheblich", "ADJD", "unerheblich"), (".", "$.", ".")], "nicht unerheblich"),
    ("impersonal", {"reader_nouns": ["antragsteller"]},
     [("Der", "ART", "der"), ("Antragsteller", "NN", "Antragsteller"), ("hat", "VAFIN", "haben"),
      ("zu", "PTKZU", "zu"), ("zahlen", "VVINF", "zahlen"), (".", "$.", ".")],
     "Der Antragsteller"),
    ("legal_reference", {}, [("Nach", "APPR", "nach"), ("§", "NN", "§"), ("82", "CARD", "82"),
                             ("AufenthG", "NE", "AufenthG"), ("gilt", "VVFIN", "gelten"), ("das", "PDS", "der"),
                             (".", "$.", ".")], "§ 82 AufenthG"),
    ("abbreviation", {"known_acronyms": []}, [("Die", "ART", "der"), ("ABH", "NE", "ABH"), ("prüft", "VVFIN", "prüfen"),
                                              ("das", "PDS", "der"), (".", "$.", ".")], "ABH"),
    ("light_verb", {"lexicon": "funktionsverben"}, [("Wir", "PPER", "wir"), ("treffen", "VVFIN", "treffen"),
                    ("eine", "ART", "ein"), ("Entscheidung", "NN", "Entscheidung"), (".", "$.", ".")],
     "treffen eine Entscheidung"),
])
def test_kinds_work_on_an_annotated_doc(kind, parameters, words, expected):
    from einfach.rules.kinds import kind_class

    doc = _annotated(words)
    hits = list(kind_class(kind)(parameters).find(doc))
    assert [doc[h.start : h.end].text for h in hits] == [expected]
