"""rules/kinds/impersonal.py (rule ``unpersoenlich``): "man", the impersonal passive formulas, the reader
and the authority in the third person, and the active form each suggests; one named behaviour per test
(docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings, kind_hits, tagged_doc

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


# --- pinned on annotated one-sentence Docs ("word/TAG/lemma"), so a test does not depend on the tagger ------
# (added for the survivors of the first mutation run, docs/mutation/impersonal.py.survivors.md)

PARAMETERS = {"reader_nouns": ["antragsteller", "antragstellerin", "adressat", "leistungsberechtigte"],
              "letter_only_nouns": ["betroffene"]}
BITTEN = "Es/PPER wird/VAFIN gebeten/VVPP/bitten ,/$,"


def tagged(text: str) -> list[tuple[str, str]]:
    """(marked text, example or "") per hit of the kind on an annotated Doc."""
    return [(marked, values["example"]) for marked, values in kind_hits("impersonal", tagged_doc(text), PARAMETERS)]


def test_a_sentence_without_a_pattern_does_not_end_the_search():
    assert [t for t, _ in marked("Wir prüfen Ihren Antrag. Man muss den Antrag stellen.")] == ["Man"]


# "Es wird gebeten, …" -> "Bitte … Sie …"

@pytest.mark.parametrize(("text", "active"), [
    # "aufgefordert" like "gebeten"
    ("Es/PPER wird/VAFIN aufgefordert/VVPP/auffordern ,/$, die/ART Unterlagen/NN vorzulegen/VVIZU ./$.",
     "Bitte legen Sie die Unterlagen vor"),
    # a zu-infinitive alone
    (f"{BITTEN} vorzusprechen/VVIZU ./$.", "Bitte sprechen Sie vor"),
    # "zu" + infinitive as two words; the words before "zu" stay
    (f"{BITTEN} die/ART Unterlagen/NN zu/PTKZU prüfen/VVINF ./$.", "Bitte prüfen Sie die Unterlagen"),
    # a stem of three letters
    (f"{BITTEN} den/ART Müll/NN wegzutun/VVIZU ./$.", "Bitte tun Sie den Müll weg"),
    # the infinitive ends at a semicolon, an exclamation mark, a comma before a relative clause, or a comma
    # ending the text
    (f"{BITTEN} die/ART Unterlagen/NN mitzubringen/VVIZU ;/$. wir/PPER prüfen/VVFIN sie/PPER ./$.",
     "Bitte bringen Sie die Unterlagen mit"),
    (f"{BITTEN} die/ART Unterlagen/NN mitzubringen/VVIZU !/$.", "Bitte bringen Sie die Unterlagen mit"),
    (f"{BITTEN} die/ART Unterlagen/NN mitzubringen/VVIZU ,/$, die/PRELS wir/PPER senden/VVFIN ./$.",
     "Bitte bringen Sie die Unterlagen mit"),
    (f"{BITTEN} die/ART Unterlagen/NN mitzubringen/VVIZU ,/$,", "Bitte bringen Sie die Unterlagen mit"),
    # "dringend" between "wird" and "gebeten": no "um" phrase, so the request is built from the infinitive
    ("Es/PPER wird/VAFIN dringend/ADJD gebeten/VVPP/bitten ,/$, die/ART Unterlagen/NN mitzubringen/VVIZU ./$.",
     "Bitte bringen Sie die Unterlagen mit"),
])
def test_gebeten_with_a_zu_infinitive_becomes_a_request_on_tagged_words(text, active):
    ((_, example),) = tagged(text)
    assert example.startswith(f"„{active}“ statt ")


@pytest.mark.parametrize("text", [
    # no comma after "gebeten"
    "Es/PPER wird/VAFIN gebeten/VVPP/bitten bald/ADV vorzusprechen/VVIZU ./$.",
    # no punctuation after the infinitive (a text without full stop)
    f"{BITTEN} die/ART Unterlagen/NN mitzubringen/VVIZU",
    # a second infinitive after the comma, the text ending without full stop
    f"{BITTEN} die/ART Unterlagen/NN mitzubringen/VVIZU ,/$, auszufüllen/VVIZU",
    # words after the infinitive
    f"{BITTEN} die/ART Unterlagen/NN mitzubringen/VVIZU bis/APPR Freitag/NN ./$.",
    # no verb after the comma
    "Es/PPER wird/VAFIN dringend/ADJD gebeten/VVPP/bitten ,/$, bis/APPR Freitag/NN ./$.",
    # a conjunction in the infinitive
    f"{BITTEN} Pass/NN und/KON Ausweis/NN mitzubringen/VVIZU ./$.",
    # "um … zu": a purpose, no request
    f"{BITTEN} um/KOUI Termine/NN zu/PTKZU vereinbaren/VVINF ./$.",
    # an infinitive without "zu"
    f"{BITTEN} die/ART Unterlagen/NN mitbringen/VVINF ./$.",
    # a word tagged as zu-infinitive without a separable particle before its "zu"
    f"{BITTEN} die/ART Unterlagen/NN erzubringen/VVIZU ./$.",
    # "Sie" among the words of the infinitive
    f"{BITTEN} die/ART Sie/PPER betreffenden/ADJA Unterlagen/NN mitzubringen/VVIZU ./$.",
    # "gebeten" ending the clause, without an "um" phrase
    "Es/PPER wird/VAFIN darum/PAV gebeten/VVPP/bitten ./$.",
])
def test_gebeten_without_a_request_that_fits_has_no_suggestion_on_tagged_words(text):
    ((_, example),) = tagged(text)
    assert example == ""


# "Es wird um … gebeten" -> "Wir bitten Sie um …"

def test_um_gebeten_keeps_several_words_before_wird():
    text = "Mit/APPR diesem/PDAT Schreiben/NN wird/VAFIN um/APPR Rückmeldung/NN gebeten/VVPP/bitten ./$."
    assert tagged(text) == [("wird um Rückmeldung gebeten",
                             "„Mit diesem Schreiben bitten wir Sie um Rückmeldung“ statt „wird um Rückmeldung gebeten“")]


@pytest.mark.parametrize("text", [
    # "Ihnen" in the "um" phrase
    "Es/PPER wird/VAFIN um/APPR Rückmeldung/NN von/APPR Ihnen/PPER gebeten/VVPP/bitten ./$.",
    # a conjunction before "wird": the verb of "wir bitten" would not stand second
    "Und/KON es/PPER wird/VAFIN um/APPR Rückmeldung/NN gebeten/VVPP/bitten ./$.",
])
def test_um_gebeten_without_a_request_that_fits_has_no_suggestion(text):
    ((_, example),) = tagged(text)
    assert example == ""


@pytest.mark.parametrize(("text", "written"), [
    ("Es/PPER wird/VAFIN um/APPR eine/ART Rückmeldung/NN gebeten/VVPP/bitten ./$.", "Es … gebeten"),  # 6 words
    ("Es/PPER wird/VAFIN um/APPR Rückmeldung/NN gebeten/VVPP/bitten ./$.", "Es … gebeten"),  # 5 words
    ("Es/PPER wird/VAFIN darauf/PAV hingewiesen/VVPP/hinweisen ,/$, dass/KOUS es/PPER endet/VVFIN ./$.",
     "Es wird darauf hingewiesen"),  # 4 words
])
def test_formula_quoted_in_the_suggestion_is_shortened_after_four_words(text, written):
    ((_, example),) = tagged(text)
    assert example.endswith(f" statt „{written}“")


@pytest.mark.parametrize(("text", "shown"), [
    ("Es/PPER wird/VAFIN um/APPR eine/ART schriftliche/ADJA Rückmeldung/NN gebeten/VVPP/bitten ./$.",
     "Es … gebeten"),  # 7 words
    ("Es/PPER wird/VAFIN um/APPR eine/ART Rückmeldung/NN gebeten/VVPP/bitten ./$.",
     "Es wird um eine Rückmeldung gebeten"),  # 6 words
])
def test_finding_text_is_shortened_after_six_words(text, shown):
    ((_, values),) = kind_hits("impersonal", tagged_doc(text), PARAMETERS)
    assert values["text"] == shown


# the formula: which clause has one

@pytest.mark.parametrize("text", [
    # "ist" is no form of "werden", even with "wird" in the next clause
    "Es/PPER ist/VAFIN bestätigt/VVPP/bestätigen ,/$, dass/KOUS es/PPER geprüft/VVPP wird/VAFIN ./$.",
    # a subject after a prepositional phrase: "wird" ends the phrase
    "Nach/APPR der/ART Prüfung/NN wird/VAFIN Herr/NN Muster/NE gebeten/VVPP/bitten ,/$, zu/PTKZU kommen/VVINF"
    " ./$.",
])
def test_clause_without_a_formula_is_quiet(text):
    assert tagged(text) == []


def test_pronoun_before_wird_is_not_part_of_the_formula():
    text = "Ihnen/PPER wird/VAFIN mitgeteilt/VVPP/mitteilen ,/$, dass/KOUS es/PPER endet/VVFIN ./$."
    assert [t for t, _ in tagged(text)] == ["wird mitgeteilt"]


@pytest.mark.parametrize("text", [
    # "als" opens a phrase as a preposition does
    "Als/KOKOM Nachweis/NN wird/VAFIN empfohlen/VVPP/empfehlen ,/$, früh/ADJD zu/PTKZU kommen/VVINF ./$.",
    # a possessive, indefinite or demonstrative determiner, an adverb, a name and a non-word inside the phrase
    "Zu/APPR Ihrem/PPOSAT Antrag/NN wird/VAFIN mitgeteilt/VVPP/mitteilen ,/$, dass/KOUS es/PPER endet/VVFIN ./$.",
    "Zu/APPR allen/PIAT Anträgen/NN wird/VAFIN mitgeteilt/VVPP/mitteilen ,/$, dass/KOUS es/PPER endet/VVFIN ./$.",
    "Zu/APPR diesem/PDAT Antrag/NN wird/VAFIN mitgeteilt/VVPP/mitteilen ,/$, dass/KOUS es/PPER endet/VVFIN ./$.",
    "Nach/APPR etwa/ADV drei/CARD Wochen/NN wird/VAFIN empfohlen/VVPP/empfehlen ,/$, anzurufen/VVIZU ./$.",
    "Gemäß/APPR §/NN 82/CARD AufenthG/NE Abs./NN 1/CARD wird/VAFIN darauf/PAV hingewiesen/VVPP/hinweisen"
    " ,/$, dass/KOUS es/PPER endet/VVFIN ./$.",
    "Gemäß/APPR Anlage/NN 3a/XY Satz/NN 2/CARD wird/VAFIN darauf/PAV hingewiesen/VVPP/hinweisen ,/$,"
    " dass/KOUS es/PPER endet/VVFIN ./$.",
    # a paragraph sign opening the clause is no subject
    "§/NN 5/CARD betreffend/APPO wird/VAFIN darauf/PAV hingewiesen/VVPP/hinweisen ,/$, dass/KOUS es/PPER"
    " endet/VVFIN ./$.",
])
def test_nouns_inside_a_phrase_are_no_subject_of_the_formula(text):
    assert len(tagged(text)) == 1


# the reader in the third person

@pytest.mark.parametrize(("text", "span", "example"), [
    # an adjective opening the clause belongs to the phrase
    ("Neue/ADJA Antragsteller/NN/Antragsteller müssen/VMFIN/müssen kommen/VVINF ./$.", "Neue Antragsteller",
     "„Sie müssen …“ statt „Neue Antragsteller müssen …“"),
    # an adjective after the verb, without article
    ("Daher/ADV müssen/VMFIN/müssen neue/ADJA Antragsteller/NN/Antragsteller kommen/VVINF ./$.",
     "neue Antragsteller", "„müssen Sie …“ statt „müssen neue Antragsteller …“"),
    # the finite verb ending its clause
    ("Der/ART Antragsteller/NN zahlt/VVFIN/zahlen ,/$, wenn/KOUS es/PPER kommt/VVFIN ./$.", "Der Antragsteller",
     "„Sie zahlen …“ statt „Der Antragsteller zahlt …“"),
    # an adverb before the phrase
    ("Auch/ADV der/ART Antragsteller/NN muss/VMFIN/müssen kommen/VVINF ./$.", "der Antragsteller",
     "„Sie müssen …“ statt „der Antragsteller muss …“"),
    # a question: the finite verb opens the sentence
    ("Muss/VMFIN/müssen der/ART Antragsteller/NN kommen/VVINF ?/$.", "der Antragsteller",
     "„müssen Sie …“ statt „Muss der Antragsteller …“"),
    # the phrase ending its clause after the verb
    ("Morgen/ADV kommt/VVFIN/kommen der/ART Antragsteller/NN ,/$, um/KOUI zu/PTKZU zahlen/VVINF ./$.",
     "der Antragsteller", "„kommen Sie …“ statt „kommt der Antragsteller …“"),
    # a reflexive pronoun or "ihr" as a possessive is no subject
    ("Daher/ADV muss/VMFIN/müssen der/ART Antragsteller/NN sich/PRF ausweisen/VVINF ./$.", "der Antragsteller",
     "„müssen Sie …“ statt „muss der Antragsteller …“"),
    ("Daher/ADV muss/VMFIN/müssen der/ART Antragsteller/NN ihr/PPOSAT Kind/NN mitbringen/VVINF ./$.",
     "der Antragsteller", "„müssen Sie …“ statt „muss der Antragsteller …“"),
    # a noun opening a clause that ends in a number or an article (before a bracket)
    ("Antragsteller/NN/Antragsteller erhalten/VVFIN/erhalten die/ART Nummer/NN 5/CARD ,/$, wenn/KOUS es/PPER"
     " passt/VVFIN ./$.", "Antragsteller", "„Sie erhalten …“ statt „Antragsteller erhalten …“"),
    ("Antragsteller/NN/Antragsteller erhalten/VVFIN/erhalten den/ART (/$( neuen/ADJA )/$( Pass/NN ./$.",
     "Antragsteller", "„Sie erhalten …“ statt „Antragsteller erhalten …“"),
])
def test_reader_noun_as_subject_on_tagged_words(text, span, example):
    assert tagged(text) == [(span, example)]


@pytest.mark.parametrize("noun", ["Antragsteller/NN/Antragsteller", "Adressaten/NN/Adressat",
                                  "Leistungsberechtigte/NN/Leistungsberechtigte"])
def test_bare_plural_after_the_verb_is_a_subject(noun):
    text = f"Daher/ADV müssen/VMFIN/müssen {noun} kommen/VVINF ./$."
    assert [t for t, _ in tagged(text)] == [noun.split("/")[0]]


@pytest.mark.parametrize(("text", "span"), [
    # a verb form without a form for "Sie" (Konjunktiv II), after or before the phrase
    ("Der/ART Antragsteller/NN müsste/VMFIN/müssen kommen/VVINF ./$.", "Der Antragsteller"),
    ("Daher/ADV müsste/VMFIN/müssen der/ART Antragsteller/NN kommen/VVINF ./$.", "der Antragsteller"),
    # a verb whose infinitive is unknown
    ("Der/ART Antragsteller/NN scannt/VVFIN/scannt die/ART Unterlagen/NN ./$.", "Der Antragsteller"),
    # subordinate clauses after an adverb, a conjunction or a preposition
    ("Wir/PPER prüfen/VVFIN ,/$, auch/ADV wenn/KOUS die/ART Antragstellerin/NN fehlt/VVFIN ./$.",
     "die Antragstellerin"),
    ("Wir/PPER prüfen/VVFIN ,/$, und/KON dass/KOUS die/ART Antragstellerin/NN fehlt/VVFIN ./$.",
     "die Antragstellerin"),
    ("Wir/PPER prüfen/VVFIN ,/$, ohne/APPR dass/KOUS die/ART Antragstellerin/NN fehlt/VVFIN ./$.",
     "die Antragstellerin"),
])
def test_reader_noun_as_subject_without_suggestion_on_tagged_words(text, span):
    assert tagged(text) == [(span, "")]


@pytest.mark.parametrize("text", [
    # "der" with a feminine noun or a plural in -innen/-Innen: dative or genitive
    "Der/ART Antragstellerin/NN wird/VAFIN der/ART Bescheid/NN zugestellt/VVPP ./$.",
    "Wir/PPER prüfen/VVFIN ,/$, ob/KOUS der/ART AntragstellerInnen/NN Pässe/NN gelten/VVFIN ./$.",
    # a line without a finite verb
    "Der/ART Antragsteller/NN im/APPRART Überblick/NN",
    # not right after the finite verb
    "Daher/ADV muss/VMFIN jetzt/ADV der/ART Antragsteller/NN kommen/VVINF ./$.",
    # a personal pronoun in the clause may be the subject
    "Daher/ADV erhalten/VVFIN Antragsteller/NN/Antragsteller sie/PPER zurück/PTKVZ ./$.",
    # a singular without article: not a bare plural
    "Daher/ADV muss/VMFIN Antragstellerin/NN Muster/NE kommen/VVINF ./$.",
    # after a preposition
    "Wir/PPER haben/VAFIN Hinweise/NN für/APPR die/ART Antragstellerin/NN ./$.",
])
def test_reader_noun_not_as_subject_is_quiet_on_tagged_words(text):
    assert tagged(text) == []


def test_der_before_a_plural_in_innen_is_a_genitive_not_a_subject():
    text = "Wir/PPER prüfen/VVFIN ,/$, ob/KOUS der/ART Antragstellerinnen/NN/Antragstellerin Pässe/NN gelten/VVFIN ./$."
    assert tagged(text) == []


# the authority in the third person

@pytest.mark.parametrize(("text", "expected"), [
    # the agent after a preposition opening the clause
    ("Durch/APPR unsere/PPOSAT Behörde/NN/Behörde werden/VAFIN Daten/NN geprüft/VVPP ./$.",
     [("Durch unsere Behörde", "")]),
    # a plural: the lemma decides
    ("Unsere/PPOSAT Behörden/NN/Behörde prüfen/VVFIN den/ART Antrag/NN ./$.",
     [("Unsere Behörden", "„wir“ oder „uns“ statt „Unsere Behörden“")]),
    # a phrase opening its clause has no word before it (not the clause's last word)
    ("Unsere/PPOSAT Behörde/NN/Behörde weiß/VVFIN nichts/PIS von/APPR",
     [("Unsere Behörde", "„wir“ oder „uns“ statt „Unsere Behörde“")]),
])
def test_own_authority_on_tagged_words(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize("text", [
    # a dative "unserer"
    "Unserer/PPOSAT Behörde/NN/Behörde liegt/VVFIN der/ART Antrag/NN vor/PTKVZ ./$.",
    # an adjective that is no own-marker, a possessive that is not "unser"
    "Die/ART zuständige/ADJA Behörde/NN/Behörde prüft/VVFIN den/ART Antrag/NN ./$.",
    "Ihre/PPOSAT Ausländerbehörde/NN/Ausländerbehörde prüft/VVFIN den/ART Antrag/NN ./$.",
    "Daten/NN werden/VAFIN von/APPR Ihrer/PPOSAT Ausländerbehörde/NN/Ausländerbehörde geprüft/VVPP ./$.",
    # a bare authority noun
    "Wir/PPER haben/VAFIN Bürgeramt/NN/Bürgeramt und/KON Ordnungsamt/NN/Ordnungsamt informiert/VVPP ./$.",
])
def test_authority_not_own_or_not_subject_is_quiet_on_tagged_words(text):
    assert tagged(text) == []
