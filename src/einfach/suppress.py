"""What is not checked, and findings the writer has suppressed.

Letters contain text the writer must not change (the Rechtsbehelfsbelehrung,
data-protection notices, the letterhead).  Such text is *excluded*: not fed to
the pipeline, not flagged, and reported as excluded.  Sources:

* Word paragraph styles (``exclude-styles``);
* known blocks: a paragraph matching a heading pattern (``exclude-headings``,
  e.g. "Rechtsbehelfsbelehrung*") and the paragraphs after it, up to the next
  heading-like paragraph (a Word heading, a Markdown heading, or a short line
  without final punctuation such as "Mit freundlichen Grüßen");
* marked regions: ``<!-- einfach: off -->`` ... ``<!-- einfach: on -->`` in text
  and Markdown, or a Word comment "einfach: off" over a range.

*Suppressions* keep the text checked but drop findings: ``<!-- einfach: ignore
passiv, amtsdeutsch -->`` for the next paragraph; a Word comment starting with
"einfach: ignore" (optionally followed by rule ids) for the range it covers; a
custom document property ``einfach`` with ``ignore: ...`` for the whole document.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from .document import Document, Paragraph

DIRECTIVE = re.compile(r"<!--\s*einfach:\s*(ignore|off|on)\b(.*?)-->", re.IGNORECASE | re.DOTALL)
COMMENT_DIRECTIVE = re.compile(r"^\s*einfach:\s*(ignore|off|on)\b(.*)$", re.IGNORECASE | re.DOTALL)
DIRECTIVE_REASON = "Steuerkommentar"  # the excluded text of a <!-- einfach: ... --> comment itself
TERMINAL = (".", "!", "?", ":", ";", ",")
SHORT_LINE_WORDS = 6
# a label that opens a paragraph ("Rechtsgrundlagen:") ends a block when this short; longer
# text before a colon is part of the block ("Der Widerspruch ist zu richten an: …")
LABEL_WORDS = 3
MAX_HEADING_CHARS = 200  # a paragraph of SHORT_LINE_WORDS words is far shorter
LIST_ITEM = re.compile(r"\s*(?:[-–—•*·▪►]|\d{1,2}[.)]|[a-zA-Z][)])\s")
MARKUP = re.compile(r"(?:\*\*|__)(.*?)(?:\*\*|__)", re.DOTALL)  # Markdown bold
LEADING_BOLD = re.compile(r"(?:\*\*|__)(.{1,%d}?)(?:\*\*|__)" % MAX_HEADING_CHARS, re.DOTALL)


@dataclass
class Suppression:
    start: int
    end: int
    rules: frozenset[str] | None  # None: every rule
    source: str
    used: int = 0

    def covers(self, rule: str, start: int, end: int) -> bool:
        return (self.rules is None or rule in self.rules) and self.start <= start and end <= self.end


@dataclass(frozen=True)
class Exclusion:
    start: int
    end: int
    reason: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "reason": self.reason}


def _rule_ids(text: str) -> frozenset[str] | None:
    ids = [item.strip() for item in re.split(r"[,\s]+", text) if item.strip()]
    return frozenset(ids) if ids else None


def _line_of(document: Document, offset: int) -> int:
    return document.text.count("\n", 0, offset) + 1


def text_directives(document: Document) -> tuple[list[Suppression], list[Exclusion]]:
    """``<!-- einfach: ... -->`` comments in text and Markdown."""
    suppressions: list[Suppression] = []
    exclusions: list[Exclusion] = []
    off_start: int | None = None
    paragraphs = document.paragraphs
    for match in DIRECTIVE.finditer(document.text):
        action, argument = match.group(1).lower(), match.group(2)
        exclusions.append(Exclusion(match.start(), match.end(), DIRECTIVE_REASON))
        if action == "off" and off_start is None:
            off_start = match.start()
        elif action == "on" and off_start is not None:
            exclusions.append(Exclusion(off_start, match.end(), "einfach: off"))
            off_start = None
        elif action == "ignore":
            target = _ignore_target(paragraphs, match.start(), match.end(), document.text)
            if target is not None:
                suppressions.append(
                    Suppression(target.start, target.end, _rule_ids(argument),
                                f"Kommentar in Zeile {_line_of(document, match.start())}")
                )
    if off_start is not None:
        exclusions.append(Exclusion(off_start, len(document.text), "einfach: off"))
    return suppressions, exclusions


def _ignore_target(paragraphs: list[Paragraph], start: int, end: int, text: str) -> Paragraph | None:
    """The paragraph an ignore comment applies to: its own, or the next one if it stands alone."""
    for position, paragraph in enumerate(paragraphs):
        if paragraph.start <= start < paragraph.end:
            rest = (text[paragraph.start:start] + text[end:paragraph.end]).strip()
            if rest and not DIRECTIVE.fullmatch(rest):
                return paragraph
            return paragraphs[position + 1] if position + 1 < len(paragraphs) else None
    return None


def comment_directives(document: Document) -> tuple[list[Suppression], list[Exclusion]]:
    """Word comments ("einfach: ignore ...", "einfach: off") and the document property."""
    suppressions: list[Suppression] = []
    exclusions: list[Exclusion] = []
    for start, end, comment in document.comments:
        match = COMMENT_DIRECTIVE.match(comment)
        if not match:
            continue
        action, argument = match.group(1).lower(), match.group(2)
        if action == "ignore":
            suppressions.append(Suppression(start, end, _rule_ids(argument), "Word-Kommentar"))
        elif action == "off":
            exclusions.append(Exclusion(start, end, "Word-Kommentar „einfach: off“"))
    value = document.properties.get("einfach", "")
    match = re.match(r"^\s*ignore\s*:?(.*)$", value, re.IGNORECASE | re.DOTALL)
    if match:
        suppressions.append(
            Suppression(0, len(document.text), _rule_ids(match.group(1)), "Dokumenteigenschaft „einfach“")
        )
    return suppressions, exclusions


def _short_line(text: str, colon: bool = False) -> bool:
    """At most SHORT_LINE_WORDS words on one line, without final punctuation (a colon if ``colon``)."""
    text = text.strip()
    if colon:
        text = text.removesuffix(":").rstrip()
    words = text.split()
    return 0 < len(words) <= SHORT_LINE_WORDS and "\n" not in text and not text.endswith(TERMINAL)


def _heading_like(paragraph: Paragraph) -> bool:
    """A paragraph that ends a block: a heading, or a short line without final punctuation.

    A paragraph whose first line is such a line counts too ("Mit freundlichen
    Grüßen" above the signature, without a blank line between them), unless
    a list item follows that line (then the line introduces the list); so
    does a paragraph that opens with a label of at most :data:`LABEL_WORDS`
    words, plain with a colon or bold ("Rechtsgrundlagen: § 10 …").
    """
    if paragraph.kind == "heading":
        return True
    # only the paragraph's start is looked at: a 50 MB paragraph split into words took 570 MB
    text = paragraph.text[:MAX_HEADING_CHARS + 2].strip()
    if text.startswith("#"):
        return True
    if paragraph.kind in ("list", "cell"):
        return False
    first, _, rest = text.partition("\n")
    if len(paragraph.text) <= MAX_HEADING_CHARS and _short_line(first) and not (rest and LIST_ITEM.match(rest)):
        return True
    # a paragraph that opens with its own short label ("Rechtsgrundlagen: § 10 …", "**Hinweis:** …")
    label = first.partition(":")[0] if ":" in first else ""
    bold = LEADING_BOLD.match(text)
    if paragraph.lead_bold or bold:
        label = paragraph.text[:min(paragraph.lead_bold, MAX_HEADING_CHARS)] if paragraph.lead_bold else bold.group(1)
    label = MARKUP.sub(r"\1", label).strip().rstrip(":")
    return 0 < len(label.split()) <= LABEL_WORDS and label[:1].isupper() and not label.endswith(TERMINAL)


def _clean(label: str) -> str:
    """A heading's text as the patterns of ``exclude_headings`` match it."""
    label = label.strip().lstrip("#").strip()
    label = MARKUP.sub(r"\1", label).strip()
    return label.rstrip(":").strip().lower()


def _labels(paragraph: Paragraph) -> list[str]:
    """The texts of ``paragraph`` that may be a heading of a known block.

    The whole paragraph when it is a heading (styled, Markdown, or a short
    line, ending with a colon or not); its first line when more text follows
    on the next line; its bold start ("**Rechtsbehelfsbelehrung:** Gegen …",
    or ``lead_bold`` characters of a .docx/.odt run); and the words before a
    colon that opens it ("Rechtsbehelfsbelehrung: Gegen diesen Bescheid …").
    """
    text = paragraph.text.strip()
    if paragraph.kind == "heading" or text.startswith("#"):
        return [_clean(text.partition("\n")[0])]
    head = text[:MAX_HEADING_CHARS]
    labels = []
    if paragraph.lead_bold:
        labels.append(paragraph.text[: paragraph.lead_bold])
    bold = LEADING_BOLD.match(head)
    if bold:
        labels.append(bold.group(1))
    first = head.partition("\n")[0]
    if _short_line(first, colon=True):
        labels.append(first)
    before, colon, _ = first.partition(":")
    if colon and _short_line(before):
        labels.append(before)
    return [_clean(label) for label in labels if _short_line(MARKUP.sub(r"\1", label), colon=True)]


def _matches(paragraph: Paragraph, patterns: list[str]) -> str | None:
    """The label of ``paragraph`` that matches one of ``patterns``, or None."""
    if paragraph.kind == "list" and not paragraph.lead_bold:
        return None
    for label in _labels(paragraph):
        if any(fnmatch.fnmatch(label, pattern) for pattern in patterns):
            return label
    return None


def block_exclusions(document: Document, styles: tuple[str, ...], headings: tuple[str, ...]) -> list[Exclusion]:
    """Paragraphs excluded by Word style, and known blocks after a matching heading.

    A block starts at a paragraph headed by a matching heading (see
    :func:`_labels` for the forms) and runs up to the next heading-like
    paragraph that does not start another block.
    """
    exclusions: list[Exclusion] = []
    wanted_styles = {style.lower() for style in styles}
    patterns = [pattern.lower() for pattern in headings]
    block: tuple[int, str] | None = None
    previous_end = 0  # the end of the paragraph before this one (a block ends there)
    for paragraph in document.paragraphs:
        if paragraph.style and paragraph.style.lower() in wanted_styles:
            exclusions.append(Exclusion(paragraph.start, paragraph.end, f"Formatvorlage „{paragraph.style}“"))
        label = _matches(paragraph, patterns) if patterns else None
        if block is not None and (label is not None or _heading_like(paragraph)):
            start, reason = block  # the next heading ends the block; a known one starts the next
            exclusions.append(Exclusion(start, previous_end, reason))
            block = None
        if label is not None:
            block = (paragraph.start, f"Abschnitt „{_title(paragraph, label)}“")
        previous_end = paragraph.end
    if block is not None:
        start, reason = block
        exclusions.append(Exclusion(start, previous_end, reason))
    return exclusions


def _title(paragraph: Paragraph, label: str) -> str:
    """The heading as written (its case), for the reason shown to the user."""
    text = MARKUP.sub(r"\1", paragraph.text.strip().lstrip("#").strip())
    position = text.lower().find(label)
    return text[position : position + len(label)] if position >= 0 else label


def heading_of(reason: str) -> str | None:
    """The heading named by a block exclusion's reason ("Abschnitt „X“" -> "X")."""
    match = re.fullmatch(r"Abschnitt „(.*)“", reason)
    return match.group(1) if match else None


def merge(exclusions: list[Exclusion]) -> list[Exclusion]:
    """Sorted, with nested ranges dropped (the outer one's reason wins)."""
    result: list[Exclusion] = []
    for exclusion in sorted(exclusions, key=lambda e: (e.start, -e.end)):
        if result and exclusion.end <= result[-1].end:
            continue
        result.append(exclusion)
    return result
