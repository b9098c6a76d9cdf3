"""The token view the rule kinds share (issue 7): it must read exactly what spaCy gives."""

from __future__ import annotations

import pytest


def _doc(placeholder: bool = False):
    """Two sentences with a whitespace token and a double space, tagged by hand."""
    import spacy
    from spacy.tokens import Doc

    import einfach.nlp.tokens  # noqa: F401  (registers token._.einfach_placeholder)

    words = ["Ihr", "Antrag", "vom", "{{DATUM}}", "ist", "da", ".", "\n", "Wir", "prüfen", "ihn", "."]
    spaces = [True, True, True, True, True, False, True, False, True, True, False, False]
    tags = ["PPOSAT", "NN", "APPRART", "XY", "VAFIN", "ADV", "$.", "_SP", "PPER", "VVFIN", "PPER", "$."]
    lemmas = ["Ihr", "Antrag", "von", "", "sein", "da", ".", "\n", "wir", "prüfen", "er", "."]
    starts = [True] + [False] * 7 + [True] + [False] * 3
    doc = Doc(spacy.blank("de").vocab, words=words, spaces=spaces, tags=tags, lemmas=lemmas, sent_starts=starts)
    if placeholder:
        doc[3]._.einfach_placeholder = True
    return doc


def test_view_lists_are_the_token_attributes():
    from einfach.nlp.view import doc_view

    doc = _doc()
    view = doc_view(doc)
    assert view.text == [t.text for t in doc]
    assert view.lower == [t.lower_ for t in doc]
    assert view.tag == [t.tag_ for t in doc]
    assert view.lemma == [t.lemma_ for t in doc]
    assert view.key == [(t.lemma_ or t.text).lower() for t in doc]
    assert view.space == [t.is_space for t in doc]
    assert view.whitespace == [t.whitespace_ for t in doc]
    assert [t.i for t in view.tokens] == list(range(len(doc)))
    assert view.key[3] == "{{datum}}"  # no lemma: the lowercased text


def test_span_text_is_the_span_text():
    from einfach.nlp.view import doc_view

    doc = _doc()
    view = doc_view(doc)
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert view.span_text(start, end) == doc[start:end].text


def test_sentences_are_the_docs_sentences():
    from einfach.nlp.view import doc_view

    doc = _doc()
    view = doc_view(doc)
    assert [(s.start, s.end) for s in view.sents] == [(s.start, s.end) for s in doc.sents]
    for token in doc:
        sentence = view.sentence_of(token.i)
        assert (sentence.start, sentence.end) == (token.sent.start, token.sent.end)
        assert view.at_sentence_start(token.i) == (token.i == token.sent.start)
    assert [t.text for t in view.non_space(view.sents[0])] == ["Ihr", "Antrag", "vom", "{{DATUM}}", "ist", "da", "."]


@pytest.mark.parametrize("placeholder", [False, True])
def test_placeholders_are_the_marked_tokens(placeholder):
    from einfach.nlp.view import doc_view

    doc = _doc(placeholder)
    assert doc_view(doc).placeholder == {t.i for t in doc if t._.einfach_placeholder}


def test_the_view_and_per_sentence_results_are_shared():
    from einfach.nlp.syntax import clauses
    from einfach.rules.kinds.legal_reference import laws, reference_chains
    from einfach.nlp.view import doc_view

    doc = _doc()
    assert doc_view(doc) is doc_view(doc)
    sentence = doc_view(doc).sents[1]
    assert clauses(sentence) is clauses(sentence)
    assert reference_chains(sentence, laws("gesetze")) is reference_chains(sentence, laws("gesetze"))


def test_the_rules_component_leaves_no_view_behind(nlp):
    doc = nlp("Ihr Antrag nach § 5 Abs. 1 AufenthG wird z. B. geprüft, weil die ABH ihn hat.")
    assert doc.spans["einfach"]  # the rules ran
    assert not [key for key in doc.user_data if isinstance(key, tuple) and str(key[0]).startswith("einfach.")]
    doc.to_bytes()  # user_data holds no tokens: the Doc still serialises
