"""What a rule kind returns: a token range and the values it measured."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...document import INVISIBLE_CHARACTERS

_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)


@dataclass
class Hit:
    """A finding before its texts are filled in.

    ``start``/``end`` are token indices (end exclusive) in the Doc; ``values``
    fill the rule's message and suggestion templates; ``level`` overrides the
    rule's level when the kind maps a measured value to a level.
    """

    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    level: str | None = None


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
