"""A read-once view of a Doc's tokens, shared by the rule kinds, the syntax helpers and the checker.

Every rule kind walks the same tokens and asks for the same attributes.  In
spaCy each of these asks costs more than it looks: ``doc[i]`` and iterating
a Span build a new Token object, ``token.text``/``tag_``/``lemma_`` look the
string up in the StringStore, ``token._.x`` builds an Underscore object
(about 2 µs), ``token.sent`` searches for the sentence start (about 5 µs) and
``span.text`` joins the token texts.  :func:`doc_view` reads each of them once
per Doc (on first use) into plain Python lists; the kinds index these lists by
token index (``view.tag[i]``) and share the Token objects, the sentence Spans
and what they derive per sentence (:meth:`DocView.cached`).

The view is kept in ``doc.user_data`` like the per-sentence caches of
:mod:`einfach.nlp.syntax`, and the rules component removes it with them when
it is done (a Doc's tokens must not change while the rules run).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span, Token

VIEW_KEY = ("einfach.view",)


class DocView:
    """Token attributes of one Doc as lists indexed by token index, and its sentences.

    Each list is read on first use (``cached_property``): the rules component
    uses them all, the passive check of the metrics only a few.
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        self._cache: dict = {}

    @cached_property
    def tokens(self) -> list[Token]:
        return list(self.doc)

    @cached_property
    def text(self) -> list[str]:
        return [t.text for t in self.tokens]

    @cached_property
    def word(self) -> list[str]:
        """The token texts without soft hyphens, zero-width spaces and word joiners
        (:data:`~einfach.document.INVISIBLE_CHARACTERS`): what rules measure, look up and
        split.  ``text`` keeps them, since offsets count them in .txt/.md."""
        from ..document import INVISIBLE_CHARACTERS

        drop = str.maketrans("", "", INVISIBLE_CHARACTERS)
        return [t.translate(drop) if not t.isascii() else t for t in self.text]

    @cached_property
    def lower(self) -> list[str]:
        return [t.lower_ for t in self.tokens]

    @cached_property
    def tag(self) -> list[str]:
        return [t.tag_ for t in self.tokens]

    @cached_property
    def lemma(self) -> list[str]:
        """The lemmas as spaCy gives them (may be "")."""
        return [t.lemma_ for t in self.tokens]

    @cached_property
    def key(self) -> list[str]:
        """The lowercased lemma, or the lowercased text where there is no lemma: what lexicons match."""
        return [(lemma or text).lower() for lemma, text in zip(self.lemma, self.text)]

    @cached_property
    def space(self) -> list[bool]:
        return [t.is_space for t in self.tokens]

    @cached_property
    def whitespace(self) -> list[str]:
        return [t.whitespace_ for t in self.tokens]

    @cached_property
    def placeholder(self) -> frozenset[int]:
        """Indices of template placeholders (``token._.einfach_placeholder``)."""
        from .tokens import placeholder_indices  # spaCy is loaded whenever a Doc exists

        return placeholder_indices(self.doc, self.tokens)

    @cached_property
    def protected(self) -> frozenset[int]:
        """Indices of tokens in a URL, a short quotation or a fixed name, which no rule asks to
        change (:mod:`einfach.nlp.protected`)."""
        from .protected import protected_indices

        return protected_indices(self)

    @cached_property
    def sents(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def sent_start(self) -> list[int]:
        """The index of the first token of each token's sentence."""
        starts = [0] * len(self.doc)
        for sentence in self.sents:
            starts[sentence.start : sentence.end] = [sentence.start] * (sentence.end - sentence.start)
        return starts

    @cached_property
    def _sentence_at(self) -> dict[int, Span]:
        return {sentence.start: sentence for sentence in self.sents}

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the Span: the texts with the spaces between.

        (A slice of ``doc.text`` would give the same, but ``doc.text`` costs as much
        as the whole Doc, and the AufenthG has paragraphs of thousands of tokens.)
        """
        if end <= start:
            return ""
        text, whitespace = self.text, self.whitespace
        return "".join([text[i] + whitespace[i] for i in range(start, end - 1)]) + text[end - 1]

    def cached(self, name: str, sentence: Span, compute):
        """``compute(sentence)``, once per sentence: kinds share what they derive from it.

        Callers must not change what they get.
        """
        key = (name, sentence.start, sentence.end)
        cache = self._cache
        if key not in cache:
            cache[key] = compute(sentence)
        return cache[key]

    def memo(self, key: tuple, compute):
        """``compute()``, once per Doc and ``key`` (what more than one caller derives from the
        whole Doc).  Callers must not change what they get."""
        cache = self._cache
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def non_space(self, sentence: Span) -> list[Token]:
        """The sentence's tokens without whitespace tokens (most kinds skip those)."""
        return self.cached("non_space", sentence, self._non_space)

    def _non_space(self, sentence: Span) -> list[Token]:
        space = self.space
        return [t for t in self.tokens[sentence.start : sentence.end] if not space[t.i]]

    def sentence_of(self, index: int) -> Span:
        """The sentence Span that holds token ``index`` (``token.sent``, without its search)."""
        return self._sentence_at[self.sent_start[index]]

    def at_sentence_start(self, index: int) -> bool:
        """``token.i == token.sent.start``."""
        return self.sent_start[index] == index


def doc_view(doc: Doc) -> DocView:
    """The Doc's :class:`DocView`, built on first use."""
    store = doc.user_data
    view = store.get(VIEW_KEY)
    if view is None:
        view = store[VIEW_KEY] = DocView(doc)
    return view


def release(doc: Doc) -> None:
    """Remove the view and the per-sentence caches of :mod:`einfach.nlp.syntax` from ``doc.user_data``
    (they hold Token objects, which do not serialise)."""
    for key in [k for k in doc.user_data if isinstance(k, tuple) and str(k[0]).startswith("einfach.")]:
        del doc.user_data[key]
