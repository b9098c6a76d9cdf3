"""Exclusions and suppressions (unit level: directives and blocks)."""

from __future__ import annotations

from einfach.document import Document
from einfach.readers.text import document_from_text
from einfach.suppress import block_exclusions, comment_directives, merge, text_directives


def test_ignore_comment_applies_to_next_paragraph():
    text = "Erster Absatz.\n\n<!-- einfach: ignore passiv, amtsdeutsch -->\n\nIhr Antrag wurde gemäß Gesetz abgelehnt."
    suppressions, exclusions = text_directives(document_from_text("x.md", text))
    (suppression,) = suppressions
    assert text[suppression.start : suppression.end] == "Ihr Antrag wurde gemäß Gesetz abgelehnt."
    assert suppression.rules == {"passiv", "amtsdeutsch"}
    assert text[exclusions[0].start : exclusions[0].end].startswith("<!--")


def test_ignore_without_ids_means_all_rules():
    text = "<!-- einfach: ignore -->\n\nIhr Antrag wurde abgelehnt."
    (suppression,), _ = text_directives(document_from_text("x.md", text))
    assert suppression.rules is None


def test_off_on_range_is_excluded():
    text = "Vorher.\n\n<!-- einfach: off -->\n\nGeschützter Text.\n\n<!-- einfach: on -->\n\nNachher."
    _, exclusions = text_directives(document_from_text("x.md", text))
    ranges = [text[e.start : e.end] for e in merge(exclusions)]
    assert any("Geschützter Text." in r and "Nachher" not in r for r in ranges)


def test_heading_block_is_excluded_until_next_short_line():
    text = (
        "Wir haben entschieden.\n\nRechtsbehelfsbelehrung\n\nGegen diesen Bescheid kann innerhalb eines Monats "
        "Klage erhoben werden.\n\nMit freundlichen Grüßen\n\nIm Auftrag"
    )
    (exclusion,) = block_exclusions(document_from_text("x.txt", text), (), ("Rechtsbehelfsbelehrung*",))
    excluded = text[exclusion.start : exclusion.end]
    assert excluded.startswith("Rechtsbehelfsbelehrung") and excluded.endswith("erhoben werden.")
    assert "Grüßen" not in excluded


def test_style_exclusion():
    document = Document.from_paragraphs(
        "x.docx", [("Briefkopf", {"style": "Kopf"}), ("Text.", {"style": None})]
    )
    (exclusion,) = block_exclusions(document, ("kopf",), ())
    assert (exclusion.start, exclusion.end) == (0, len("Briefkopf"))


def test_word_comment_and_property():
    document = Document.from_paragraphs("x.docx", [("Ihr Antrag wurde abgelehnt.", {})])
    document.comments = [(4, 10, "einfach: ignore passiv"), (0, 3, "Bitte prüfen"), (0, 26, "einfach: off")]
    document.properties = {"einfach": "ignore: amtsdeutsch"}
    suppressions, exclusions = comment_directives(document)
    assert [(s.start, s.end, s.rules) for s in suppressions] == [
        (4, 10, {"passiv"}),
        (0, len(document.text), {"amtsdeutsch"}),
    ]
    assert [(e.start, e.end) for e in exclusions] == [(0, 26)]
