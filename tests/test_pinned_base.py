"""rules/kinds/base.py: the helpers every rule kind uses (quotation, lists of alternatives, per-document
state, visible tokens and their neighbours); one named behaviour per test (docs/quality.md, "Mutation
testing")."""

from __future__ import annotations

import pytest


def _doc(words: list[str], spaces: list[bool] | None = None):
    import spacy
    from spacy.tokens import Doc

    import einfach.nlp.tokens  # noqa: F401  (registers token._.einfach_placeholder)
    import einfach.rules.component  # noqa: F401  (registers doc._.einfach_document)

    return Doc(spacy.blank("de").vocab, words=words, spaces=spaces)


def test_quote_uses_german_quotation_marks():
    from einfach.rules.kinds.base import quote

    assert quote("Antrag") == "„Antrag“"


def test_quote_drops_soft_hyphens_zero_width_spaces_and_word_joiners():
    from einfach.rules.kinds.base import quote

    assert quote("An\u00adtrag\u200bs\u2060teller") == "„Antragsteller“"


@pytest.mark.parametrize(("items", "joined"), [
    ([], ""),
    (["billig"], "„billig“"),
    (["billig", "günstig"], "„billig“ oder „günstig“"),
    (["a", "b", "c"], "„a“, „b“ oder „c“"),
])
def test_join_alternatives_with_commas_and_oder(items, joined):
    from einfach.rules.kinds.base import join_alternatives

    assert join_alternatives(items) == joined


def test_join_alternatives_with_another_last_word():
    from einfach.rules.kinds.base import join_alternatives

    assert join_alternatives(("a", "b", "c"), last="und") == "„a“, „b“ und „c“"


def test_document_state_makes_an_owners_value_once():
    from einfach.rules.kinds.base import DocumentState

    state, owner, calls = DocumentState(), object(), []
    first = state.of(owner, lambda: calls.append(1) or set())
    first.add("Wort")
    assert state.of(owner, lambda: calls.append(1) or set()) == {"Wort"}
    assert calls == [1]


def test_document_state_keeps_owners_apart():
    from einfach.rules.kinds.base import DocumentState

    state = DocumentState()
    state.of("a", set).add(1)
    assert state.of("b", set) == set()


def test_document_text_is_the_docs_own_without_a_state():
    from einfach.rules.kinds.base import document_text

    assert document_text(_doc(["Guten", "Tag"])) == "Guten Tag "


def test_document_text_is_the_whole_documents_with_a_state():
    from einfach.rules.kinds.base import DocumentState, document_text

    doc = _doc(["Tag"])
    doc._.einfach_document = DocumentState("Sehr geehrte Frau Müller,\n\nTag")
    assert document_text(doc) == "Sehr geehrte Frau Müller,\n\nTag"


def test_document_text_is_the_docs_own_when_the_state_has_no_text():
    from einfach.rules.kinds.base import DocumentState, document_text

    doc = _doc(["Tag"], [False])
    doc._.einfach_document = DocumentState()
    assert document_text(doc) == "Tag"


def test_spans_only_is_off_unless_the_runner_sets_it():
    from einfach.rules.kinds.base import SPANS_ONLY, spans_only

    doc = _doc(["Tag"])
    assert spans_only(doc) is False
    doc.user_data[SPANS_ONLY] = True
    assert spans_only(doc) is True


def test_visible_tokens_leave_out_whitespace_tokens():
    from einfach.rules.kinds.base import visible_tokens

    doc = _doc(["Guten", "  ", "Tag", "\n", "."], [True, False, False, False, False])
    assert [t.text for t in visible_tokens(doc)] == ["Guten", "Tag", "."]


def test_neighbours_of_no_tokens_is_nothing():
    from einfach.rules.kinds.base import neighbours

    assert list(neighbours([])) == []


def test_neighbours_give_position_previous_and_following():
    from einfach.rules.kinds.base import neighbours, visible_tokens

    tokens = visible_tokens(_doc(["Guten", "Tag", "."]))
    assert [(p, t.text, a and a.text, b and b.text) for p, t, a, b in neighbours(tokens)] == \
        [(0, "Guten", None, "Tag"), (1, "Tag", "Guten", "."), (2, ".", "Tag", None)]


def test_neighbours_skip_placeholders_but_name_them_as_neighbours():
    from einfach.rules.kinds.base import neighbours, visible_tokens

    doc = _doc(["Herr", "[Name]", "kommt"])
    doc[1]._.einfach_placeholder = True
    tokens = visible_tokens(doc)
    assert [(p, t.text, a and a.text, b and b.text) for p, t, a, b in neighbours(tokens)] == \
        [(0, "Herr", None, "[Name]"), (2, "kommt", "[Name]", None)]


def test_neighbours_of_a_single_token():
    from einfach.rules.kinds.base import neighbours, visible_tokens

    tokens = visible_tokens(_doc(["Tag"]))
    assert [(p, t.text, a, b) for p, t, a, b in neighbours(tokens)] == [(0, "Tag", None, None)]
