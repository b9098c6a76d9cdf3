"""German wording shared by every output: counts and locations.

One place for the words a caseworker reads next to a number ("1 Satz",
"2 Sätze") and for where a finding sits in a Word document ("Fußzeile,
Absatz 1", "Tabelle 2, Zeile 3, Spalte 1"), so the human output, the HTML
page, Word comments and the report say it the same way.
"""

from __future__ import annotations

from collections.abc import Mapping

# the part of a document, as a Word user names it; "body" and "table" need no name
PART_NAMES = {
    "header": "Kopfzeile",
    "footer": "Fußzeile",
    "footnote": "Fußnote",
    "endnote": "Endnote",
    "textbox": "Textfeld",
}


def fix_label(fix: Mapping) -> str:
    """How sure a rewrite (``finding.fix``) is, in German: "sicher" or "bitte prüfen"."""
    return "sicher" if fix["applicability"] == "sure" else "bitte prüfen"


def count(number: int, singular: str, plural: str) -> str:
    """``count(1, "Satz", "Sätze")`` -> "1 Satz"; 0 and 2 take the plural."""
    return f"{number} {singular if number == 1 else plural}"


def place(location: Mapping | object, paragraph: bool = True) -> str:
    """Where a finding is, in German: "Fußzeile, Absatz 1", "Tabelle 2, Zeile 3, Spalte 1".

    ``location`` is a :class:`einfach.findings.Location` or its JSON dict.  The
    body gives "Absatz N" (or "" when ``paragraph`` is false: the caller shows
    the paragraph already, or a text file's line).  Table cells name table, row
    and column; in a header or footer the part comes first ("Kopfzeile,
    Tabelle 1, Zeile 1, Spalte 2"), and its paragraphs count within the part.
    """
    def get(key):
        return location.get(key) if isinstance(location, Mapping) else getattr(location, key, None)

    parts = []
    part = get("part") or "body"
    name = PART_NAMES.get(part)
    if name:
        parts.append(name)
    if part == "table" and get("table") is None:
        parts.append("Tabelle")
    if get("table") is not None:
        parts.append(f"Tabelle {get('table')}")
        if get("row") is not None:
            parts.append(f"Zeile {get('row')}")
        if get("cell") is not None:
            parts.append(f"Spalte {get('cell')}")
    elif name and (get("part_paragraph") or get("paragraph")) is not None:
        parts.append(f"Absatz {get('part_paragraph') or get('paragraph')}")
    elif paragraph and get("paragraph") is not None:
        parts.append(f"Absatz {get('paragraph')}")
    return ", ".join(parts)


def position(location, word_processor: bool) -> str:
    """A finding's full position in German, for the HTML page and JUnit.

    Text files: "Zeile 3, Spalte 11".  Word documents: "Absatz 12, Zeichen 5"
    in the body, else where the text is ("Fußzeile, Absatz 1, Zeichen 5",
    "Tabelle 2, Zeile 3, Spalte 1, Zeichen 5"); "Spalte" is a table column there.
    """
    if not word_processor:
        return f"Zeile {location.line}, Spalte {location.column}"
    return f"{place(location)}, Zeichen {location.column}"


def excluded_text(excluded: list[dict]) -> str:
    """"1 Bereich ausgenommen: Rechtsbehelfsbelehrung" for a file's exclusions ("" for none).

    The ``<!-- einfach: … -->`` comments themselves are not counted: they
    are markup, not text the writer chose to exclude.
    """
    from .suppress import DIRECTIVE_REASON, heading_of

    regions = [item for item in excluded if item.get("reason") != DIRECTIVE_REASON]
    if not regions:
        return ""
    names: list[str] = []
    for item in regions:
        name = heading_of(item.get("reason", "")) or item.get("reason", "")
        if name and name not in names:
            names.append(name)
    text = count(len(regions), "Bereich", "Bereiche") + " ausgenommen"
    return f"{text}: {', '.join(names)}" if names else text
