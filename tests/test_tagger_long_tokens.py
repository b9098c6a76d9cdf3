"""Very long tokens reach HanTa as a short stand-in: its letter lattice would take minutes for them."""

from __future__ import annotations

from einfach.nlp import tagger


def test_long_tokens_are_shortened_and_keep_their_text_as_lemma(nlp):
    word = "Aufenthaltserlaubnis" * 100  # 2,000 letters; 3,000 took 60 s in HanTa before
    form = tagger._hanta_form(word)
    assert len(form) == tagger.KEPT_CHARS and form[0] == "A" and word.endswith(form[1:])
    doc = nlp(f"Die {word} ist da.")
    long_token = doc[1]
    assert long_token.text == word and long_token.lemma_ == word
    assert long_token.tag_ == "NN"  # the stand-in ends in "...erlaubnis", a noun
    assert [t.tag_ for t in doc[2:]] == ["VAFIN", "ADV", "$."]


def test_tokens_up_to_the_limit_are_given_to_hanta_unchanged():
    word = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz"  # 63 letters, a real law
    assert len(word) <= tagger.MAX_FORM_CHARS
    assert tagger._hanta_form(word) == word
    assert tagger._hanta_form("Antragsteller:innen") == "Antragstellerinnen"


def test_a_text_with_a_huge_token_is_checked(check_text):
    blob = "".join("abcdefghijklmnopqrstuvwxyz"[(i * 7) % 26] for i in range(20_000))
    result = check_text(f"Bitte lesen Sie {blob} jetzt.")
    for finding in result.findings:
        assert result.text[finding.start:finding.end] == finding.text
