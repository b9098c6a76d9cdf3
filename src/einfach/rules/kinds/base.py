"""What a rule kind returns: a token range and the values it measured."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...document import INVISIBLE_CHARACTERS

_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)


# The level names a caseworker reads (the findings, ``einfach rules``, the grading texts).
LEVEL_LABELS = {"info": "Hinweis", "warning": "Warnung", "error": "Fehler"}


@dataclass
class Hit:
    """A finding before its texts are filled in.

    ``start``/``end`` are token indices (end exclusive) in the Doc; ``values``
    fill the rule's message and suggestion templates; ``level`` overrides the
    rule's level when the kind maps a measured value to a level (a graded
    level), and ``grade`` then names the threshold of that level for the
    ``{grade}`` placeholder ("; Warnung ab 21").  A level set in the
    configuration or on the command line replaces graded levels: the rule
    component then ignores ``level`` and fills ``{grade}`` with "".
    """

    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    level: str | None = None
    grade: str = ""


class DocumentState:
    """What rules remember across the paragraph Docs of one document.

    The checker puts one on every paragraph Doc of a document
    (``doc._.einfach_document``).  A rule keeps its per-document state here,
    under its own key (``state.of(self, set)``), never on the rule object:
    pipelines are cached and shared, so the same rule object sees the Docs of
    interleaved streams and of concurrent threads.  A Doc without a state is a
    document of its own.
    """

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[object, Any] = {}

    def of(self, owner: object, factory: Callable[[], Any]) -> Any:
        """``owner``'s state in this document, made by ``factory()`` on first use."""
        try:
            return self._values[owner]
        except KeyError:
            return self._values.setdefault(owner, factory())


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
