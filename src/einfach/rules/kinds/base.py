"""What a rule kind returns: a token range and the values it measured."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...document import INVISIBLE_CHARACTERS
from ...nlp.view import doc_view

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)


# doc.user_data key: set while the rules component runs for a caller that reads only the
# findings' spans (the rewrites' safety check), never their texts (see RuleRunner.__call__)
SPANS_ONLY = ("einfach.spans_only",)


def spans_only(doc: Doc) -> bool:
    """Only the findings' spans (rule id and tokens) are asked for, not their messages: a kind
    may leave out values that only fill the texts (they change no span)."""
    return doc.user_data.get(SPANS_ONLY, False)


# The level names a caseworker reads (the findings, ``einfach rules``, the grading texts).
LEVEL_LABELS = {"info": "Hinweis", "warning": "Warnung", "error": "Fehler"}


@dataclass
class Hit:
    """A finding before its texts are filled in.

    ``start``/``end`` are token indices (end exclusive) in the Doc; ``values``
    fill the rule's message and suggestion templates; ``level`` overrides the
    rule's level when the kind maps a measured value to a level (a graded
    level), and ``grade`` then names the threshold of that level for the
    ``{grade}`` placeholder ("; Warnung ab 21").  ``suggest`` False (or a suggestion
    template that comes out empty) leaves the finding without a suggestion.  A level set in the
    configuration or on the command line replaces graded levels: the rule
    component then ignores ``level`` and fills ``{grade}`` with "".
    """

    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    level: str | None = None
    grade: str = ""
    suggest: bool = True  # False: nothing concrete fits this sentence, the finding gets no suggestion


class DocumentState:
    """What rules remember across the paragraph Docs of one document.

    The checker puts one on every paragraph Doc of a document
    (``doc._.einfach_document``).  A rule keeps its per-document state here,
    under its own key (``state.of(self, set)``), never on the rule object:
    pipelines are cached and shared, so the same rule object sees the Docs of
    interleaved streams and of concurrent threads.  A Doc without a state is a
    document of its own.
    """

    __slots__ = ("_values", "text")

    def __init__(self, text: str = "") -> None:
        self._values: dict[object, Any] = {}
        self.text = text  # the whole document's text, for what a rule decides per document

    def of(self, owner: object, factory: Callable[[], Any]) -> Any:
        """``owner``'s state in this document, made by ``factory()`` on first use."""
        try:
            return self._values[owner]
        except KeyError:
            return self._values.setdefault(owner, factory())


def document_text(doc: "Doc") -> str:
    """The text of the document ``doc`` belongs to: the whole document's for a paragraph Doc of the
    checker, else the Doc's own (a Doc without a :class:`DocumentState` is a document of its own)."""
    state = doc._.einfach_document
    return state.text if state is not None and state.text else doc.text


def quote(text: str) -> str:
    """German quotation marks around a text, as a reader sees it (without soft hyphens,
    zero-width spaces and word joiners, which a .txt may hold)."""
    return f"„{text.translate(_DROP_INVISIBLE)}“"


def join_alternatives(items: list[str] | tuple[str, ...], last: str = "oder") -> str:
    """„a“, „b“ oder „c“."""
    quoted = [quote(item) for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + f" {last} " + quoted[-1]


def visible_tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens without whitespace tokens."""
    view = doc_view(doc)
    space = view.space
    return [t for t in view.tokens if not space[t.i]]


def neighbours(tokens: list[Token]) -> Iterator[tuple[int, Token, Token | None, Token | None]]:
    """``(position, token, previous, following)`` for each of ``tokens`` (see :func:`visible_tokens`)
    that is no template placeholder; ``previous``/``following`` are the tokens next to it in the
    list (``None`` at either end; they may be placeholders)."""
    if not tokens:
        return
    placeholder = doc_view(tokens[0].doc).placeholder
    last = len(tokens) - 1
    for position, token in enumerate(tokens):
        if token.i not in placeholder:
            previous = tokens[position - 1] if position else None
            following = tokens[position + 1] if position < last else None
            yield position, token, previous, following


def foreign_sentence(view, sentence) -> bool:
    """A sentence in another language: at least a third of its words (and at least three) tagged foreign
    material (FM). Its words are no German rare words, typos or acronyms to explain ("TIP:", "HIV test")."""
    tags = [view.tag[i] for i in range(sentence.start, sentence.end) if view.tag[i][:1] != "$" and not view.space[i]]
    foreign = sum(1 for tag in tags if tag == "FM")
    return foreign >= 3 and 3 * foreign >= len(tags)
