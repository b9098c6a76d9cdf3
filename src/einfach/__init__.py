"""einfach: a checker for plain German (Einfache Sprache) in authority letters.

Public API for integrators::

    import einfach
    result = einfach.check("Ihr Antrag wurde abgelehnt.")
    for finding in result.findings:
        print(finding.rule, finding.message)

``check`` and ``check_file`` return a :class:`einfach.findings.FileResult`
whose ``to_dict()`` is one entry of the JSON output's ``files`` list.  A
finding with a rewrite carries it in ``finding.fix`` (``{"sentence", "edits",
"applicability"}``, see ``docs/rewrites.md``); ``fix_text`` applies them::

    einfach.fix_text("Ihr Antrag wurde von uns abgelehnt.")  # "Wir haben Ihren Antrag abgelehnt."
Imports are lazy so that ``import einfach`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .findings import FileResult

__all__ = ["check", "check_file", "fix_text", "__version__"]


def check(text: str, profile: str = "einfach", model: str | None = None) -> "FileResult":
    """Check a text; offsets in the result index ``text`` itself."""
    from .checker import check_document, make_pipeline
    from .readers.text import document_from_text

    return check_document(document_from_text("<text>", text), make_pipeline(profile, model))


def check_file(path: str, profile: str = "einfach", model: str | None = None) -> "FileResult":
    """Check a .docx, .odt, .txt or .md file; raises :class:`einfach.errors.InputError` if unreadable."""
    from .checker import check_document, make_pipeline
    from .readers import read_document

    return check_document(read_document(str(path)), make_pipeline(profile, model))


def fix_text(text: str, profile: str = "einfach", include_review: bool = False, model: str | None = None) -> str:
    """``text`` with its rewrites applied: the sure ones, with ``include_review`` also those to look at."""
    from .edits import apply_edits
    from .rewrite import compose

    edits, _count = compose(check(text, profile, model).findings, include_review, text)
    return apply_edits(text, edits)
