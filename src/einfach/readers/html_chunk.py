"""The paragraphs of an HTML piece that Word imports into a .docx (``w:altChunk``).

Document generators insert text blocks as HTML pieces; Word converts them to
paragraphs when it opens the file.  This module turns such a piece into
paragraph texts as a browser shows them, with lxml's HTML parser (no network,
no entities): block elements (``p``, ``div``, headings, list items, table cells,
...) are paragraphs, runs of whitespace become one space (``pre`` keeps them),
``br`` is a line break; scripts, styles, the ``head``, comments and elements
hidden with the ``hidden`` attribute or ``display:none`` are not shown.
Headings (``h1`` to ``h6``) are paragraphs of kind "heading", list items "list",
table cells "cell"; a paragraph that opens with ``b``/``strong`` text records
its bold lead (``lead_bold``) like a Word paragraph.
"""

from __future__ import annotations

import re

import lxml.html

from einfach.document import INVISIBLE_CHARACTERS

_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd td th caption pre blockquote address section article header "
    "footer main aside nav figure figcaption table tr tbody thead tfoot ul ol dl hr form fieldset legend".split()
)
_KINDS = {**{f"h{n}": "heading" for n in range(1, 7)}, "li": "list", "td": "cell", "th": "cell"}
_INVISIBLE_TAGS = frozenset("script style head template noscript title meta link object embed iframe".split())
_BOLD = frozenset({"b", "strong"})
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)


class _Block:
    def __init__(self, kind: str | None) -> None:
        self.kind = kind
        self.pieces: list[tuple[str, bool]] = []  # (text, bold)

    def result(self) -> tuple[str, dict] | None:
        text, lead, leading = "", 0, True
        for piece, bold in self.pieces:
            if piece.startswith(" ") and (not text or text.endswith((" ", "\n"))):
                piece = piece[1:]  # one space between pieces, none at the start
            if leading and piece:
                if bold:
                    lead = len(text) + len(piece)
                elif piece.strip():
                    leading = False
            text += piece
        stripped = text.strip(" \n")
        if not stripped:
            return None
        start = len(text) - len(text.lstrip(" \n"))
        lead = max(0, min(lead - start, len(stripped)))
        attributes: dict = {"kind": self.kind}
        if lead:
            attributes["lead_bold"] = lead
        return stripped, attributes


def paragraphs(data: bytes) -> list[tuple[str, dict]]:
    """(text, attributes) for each non-empty paragraph of an HTML piece, in order."""
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except Exception:  # lxml raises several kinds: an empty or unparsable piece shows nothing
        return []
    result: list[tuple[str, dict]] = []
    current = [_Block(None)]

    def close() -> None:
        item = current[0].result()
        if item is not None:
            result.append(item)

    def walk(element, bold: bool, pre: bool) -> None:
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else None
            if tag is not None and tag.lower() not in _INVISIBLE_TAGS and not _hidden(child):
                tag = tag.lower()
                if tag == "br":
                    current[0].pieces.append(("\n", bold))
                elif tag in _BLOCKS:
                    close()
                    current[0] = _Block(_KINDS.get(tag))
                    add(child.text, bold or tag in _BOLD, pre or tag == "pre")
                    walk(child, bold, pre or tag == "pre")
                    close()
                    current[0] = _Block(None)
                else:
                    inner_bold = bold or tag in _BOLD
                    add(child.text, inner_bold, pre)
                    walk(child, inner_bold, pre)
            add(child.tail, bold, pre)

    def add(text: str | None, bold: bool, pre: bool) -> None:
        if text:
            text = text.translate(_DROP_INVISIBLE)
            current[0].pieces.append((text if pre else _WHITESPACE.sub(" ", text), bold))

    body = root.find("body")
    container = body if body is not None else root
    add(container.text, False, False)
    walk(container, False, False)
    close()
    return result


def _hidden(element) -> bool:
    return element.get("hidden") is not None or bool(_DISPLAY_NONE.search(element.get("style") or ""))
