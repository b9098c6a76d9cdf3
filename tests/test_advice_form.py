"""Suggestions in the form the sentence needs (issue 17, sixth blind review: a quarter of the
generic suggestions named the alternative in its base form): a finding with a rewrite names the
words as the rewrite writes them; without one, a one-word alternative takes the matched word's
form where that form is certain (:func:`einfach.rules.kinds.lexicon.in_form`), else its base form."""

from __future__ import annotations

import pytest

from einfach.rewrite.declension import ending_of
from einfach.rules.kinds.lexicon import in_form


def _advice(check_text, rule: str, text: str, word: str) -> list[str]:
    found = [f for f in check_text(text).findings if f.rule == rule and word in f.text]
    assert found, f"no {rule} finding on {word!r}"
    return found[0].suggestions


@pytest.mark.parametrize(("text", "word", "advice"), [
    # the possessive takes the article's case: never „bei der unser Behörde“
    ("Bitte melden Sie sich bei der hiesigen Behörde.", "hiesigen",
     "Schreiben Sie „bei unserer Behörde“ statt „bei der hiesigen Behörde“."),
    # the phrase goes whole: no „von von“; a number keeps its decimal comma
    ("Die Gebühr in Höhe von 50,00 Euro ist fällig.", "in Höhe",
     "Schreiben Sie „Gebühr von 50,00“ statt „Gebühr in Höhe von 50,00“."),
    # the adjective keeps its ending
    ("Bitte teilen Sie uns etwaige Änderungen mit.", "etwaige",
     "Schreiben Sie „uns mögliche Änderungen“ statt „uns etwaige Änderungen“."),
    # the participle for the participle; the full stop after the words is not quoted
    ("Die Ausübung der Beschäftigung ist Ihnen weiterhin gestattet.", "gestattet",
     "Schreiben Sie „weiterhin erlaubt“ statt „weiterhin gestattet“."),
    # an abbreviation: the same mechanism
    ("Bitte legen Sie z. B. Ihren Pass vor.", "z. B.",
     "Schreiben Sie „Sie zum Beispiel Ihren“ statt „Sie z. B. Ihren“."),
])
def test_a_finding_with_a_rewrite_names_its_words(check_text, text, word, advice):
    result = check_text(text)
    found = [f for f in result.findings if word in f.text and f.fix is not None]
    assert found, f"no finding with a rewrite on {word!r}"
    assert found[0].suggestions == [advice]


def test_the_comma_after_the_words_is_not_quoted(check_text):
    advice = _advice(check_text, "amtsdeutsch", "Wenn Sie etwaige Fragen haben, rufen Sie uns an.", "etwaige")
    assert advice == ["Schreiben Sie „Sie mögliche Fragen“ statt „Sie etwaige Fragen“."]


def test_a_participle_without_rewrite_gets_the_participle(check_text):
    # „einlegen“ has no rewrite here: the suggestion alone names the form the sentence takes
    advice = _advice(check_text, "amtsdeutsch", "Gegen den Bescheid kann Widerspruch erhoben werden.", "erhoben")
    assert advice == ["Schreiben Sie stattdessen „eingelegt“."]


@pytest.mark.parametrize(("text", "word", "advice"), [
    # the term's one verb is a participle: the alternative takes it
    ("Der Unterhalt kann gerichtlich geltend gemacht werden.", "geltend gemacht",
     "Schreiben Sie stattdessen „verlangt“ oder „gefordert“."),
    # „verbietet“ is no participle: the base form stays where the participle is not certain
    ("Während der Landung ist die Verwendung solcher Geräte untersagt.", "untersagt",
     "Schreiben Sie stattdessen „verbieten“."),
])
def test_participle_advice(check_text, text, word, advice):
    assert _advice(check_text, "amtsdeutsch", text, word) == [advice]


@pytest.mark.parametrize(("text", "position", "alternatives", "expected"), [
    ("Die Beschäftigung ist Ihnen gestattet.", 4, ("erlauben",), ("erlaubt",)),
    ("Bitte teilen Sie etwaige Änderungen mit.", 3, ("möglich",), ("mögliche",)),
    ("Wir prüfen die etwaigen Änderungen.", 3, ("möglich",), ("möglichen",)),
    # „unser“ is no adjective: „der unseren“ would be wrong, the base form stays
    ("Wir sprechen mit der hiesigen Behörde.", 4, ("unser",), ("unser",)),
    # one alternative without a certain form: all stay in their base form
    ("Wir prüfen die etwaigen Änderungen.", 3, ("möglich", "unser"), ("möglich", "unser")),
    # a phrase is not inflected
    ("Die Beschäftigung ist Ihnen gestattet.", 4, ("möglich machen",), ("möglich machen",)),
    # a finite verb: its form depends on the subject, the base form stays
    ("Wir gestatten das.", 1, ("erlauben",), ("erlauben",)),
])
def test_in_form(nlp, text, position, alternatives, expected):
    token = nlp(text)[position]
    assert in_form(alternatives, [token]) == expected


def test_in_form_needs_one_verb_or_one_adjective(nlp):
    doc = nlp("Die Beschäftigung ist Ihnen gestattet.")
    assert in_form(("erlauben",), [doc[3], doc[4]]) == ("erlaubt",)  # one verb, a participle
    assert in_form(("erlauben",), [doc[2], doc[4]]) == ("erlauben",)  # two verbs: whose form?
    doc = nlp("Wir prüfen die etwaigen Änderungen.")
    assert in_form(("möglich",), [doc[2], doc[3]]) == ("möglich",)  # an adjective among other words


@pytest.mark.parametrize(("form", "lemma", "ending"), [
    ("etwaigen", "etwaig", "en"), ("Etwaige", "etwaig", "e"), ("etwaig", "etwaig", None),
    ("höhere", "hoch", None), ("sämtlicher", "", None),
])
def test_ending_of(form, lemma, ending):
    assert ending_of(form, lemma) == ending
