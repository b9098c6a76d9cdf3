"""Resolved text formatting: the one place that says whether text is shown, and whether
it is bold, for Word (:class:`Formatting`) and OpenDocument (:class:`OdfStyles`).

Word decides a run's formatting from five layers (ECMA-376 Part 1, 17.7.2 "Style
hierarchy"); this module resolves them for the properties einfach needs:

1. the document defaults (``w:docDefaults/w:rPrDefault/w:rPr`` in ``styles.xml``);
2. the paragraph style (``w:pStyle``, or the default paragraph style "Normal" when
   the paragraph names none), along its ``w:basedOn`` chain;
3. the character style (``w:rStyle``), along its ``w:basedOn`` chain;
4. direct formatting (the run's own ``w:rPr``).

Within one ``basedOn`` chain the nearest style that sets a property wins (a derived
style may switch it off with ``w:val="0"``/``"false"``/``"off"``).  Bold and hidden
(``w:b``, ``w:vanish``) are *toggle properties* (17.7.3): a paragraph style and a
character style that both set them cancel out, while direct formatting sets the
absolute value.  The document defaults count only where no style says anything (Word
does not toggle them).  ``w:specVanish`` (always hidden, used for style separators)
hides like ``w:vanish``.  The paragraph mark's own properties (``w:pPr/w:rPr``) format
only the mark, not the text, and are not read; old properties kept by tracked changes
(``w:rPrChange``) are not read either.  Table styles (bold header rows through
``w:tblStylePr``) are not resolved: a table's bold first row does not make a ``lead_bold``.

The outline level (``w:outlineLvl`` 0 to 8, direct or from the paragraph style's chain)
makes a paragraph a heading, like a style named "heading 1" does.

Used by the .docx reader (hidden text is left out; ``Paragraph.lead_bold``) and by the
Word-comment anchor walk (:mod:`einfach.output.docx_anchor`), so both see the same text.

OpenDocument keeps formatting in named styles only (automatic styles stand for direct
formatting): a span's style, then the enclosing spans' styles, then the paragraph's
style, each along its ``style:parent-style-name`` chain (nearest wins), then the
paragraph family's default style.  Bold is ``fo:font-weight`` "bold" or 600 and more;
hidden is ``text:display="none"`` in the text properties (LibreOffice's "Hidden"
character attribute).  ``text:display="condition"`` would need its ``text:condition``
evaluated, which einfach never does: such text counts as shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


W_STYLE, W_STYLE_ID, W_TYPE, W_NAME, W_BASED_ON = map(_w, ("style", "styleId", "type", "name", "basedOn"))
W_DEFAULT, W_VAL, W_RPR, W_PPR = _w("default"), _w("val"), _w("rPr"), _w("pPr")
W_PSTYLE, W_RSTYLE, W_OUTLINE_LVL = _w("pStyle"), _w("rStyle"), _w("outlineLvl")
W_DOC_DEFAULTS, W_RPR_DEFAULT = _w("docDefaults"), _w("rPrDefault")

#: The run properties resolved here: name -> element tag.
_PROPERTIES = {"bold": _w("b"), "vanish": _w("vanish"), "spec_vanish": _w("specVanish")}
_NAMES = {tag: name for name, tag in _PROPERTIES.items()}
_TOGGLES = ("bold", "vanish")
_OFF = frozenset({"0", "false", "off"})
#: Longest ``basedOn`` chain followed (Word allows no cycles; a hostile file may have one).
_MAX_CHAIN = 32


def on_off(element) -> bool | None:
    """The value of an on/off property element (``w:b``, ``w:vanish``, ``w:titlePg``, ...):
    absent -> None, no ``w:val`` -> True, ``"0"``/``"false"``/``"off"`` -> False."""
    if element is None:
        return None
    value = element.get(W_VAL)
    return value is None or value.strip().lower() not in _OFF


class RunFormat(NamedTuple):
    """How a run displays: bold, hidden (not shown or printed)."""

    bold: bool = False
    hidden: bool = False


PLAIN = RunFormat()


def _flags(rpr) -> dict[str, bool]:
    """The properties of :data:`_PROPERTIES` that one ``w:rPr`` sets (explicitly)."""
    if rpr is None:
        return {}
    result = {}
    for name, tag in _PROPERTIES.items():
        value = on_off(rpr.find(tag))
        if value is not None:
            result[name] = value
    return result


@dataclass
class _Style:
    name: str | None
    based_on: str | None
    flags: dict[str, bool]
    outline: int | None


def _outline(ppr) -> int | None:
    element = ppr.find(W_OUTLINE_LVL) if ppr is not None else None
    if element is None:
        return None
    try:
        return int(element.get(W_VAL, ""))
    except ValueError:
        return None


class Formatting:
    """The styles of one document, and run formatting resolved against them.

    ``styles_root`` is the root of ``styles.xml`` (``w:styles``) or None.
    """

    def __init__(self, styles_root=None) -> None:
        self.paragraph_styles: dict[str, _Style] = {}
        self.character_styles: dict[str, _Style] = {}
        self.default_paragraph_style: str | None = None
        self.defaults: dict[str, bool] = {}
        self._cache: dict[tuple, RunFormat] = {}
        self._chains: dict[tuple[str, str], dict] = {}
        self._outlines: dict[str | None, int | None] = {}
        if styles_root is None:
            return
        defaults = styles_root.find(W_DOC_DEFAULTS)
        rpr_default = defaults.find(W_RPR_DEFAULT) if defaults is not None else None
        if rpr_default is not None:
            self.defaults = _flags(rpr_default.find(W_RPR))
        for style in styles_root.iterchildren(W_STYLE):
            kind = style.get(W_TYPE, "paragraph")
            style_id = style.get(W_STYLE_ID)
            if not style_id or kind not in ("paragraph", "character"):
                continue
            name = style.find(W_NAME)
            based_on = style.find(W_BASED_ON)
            entry = _Style(
                name=name.get(W_VAL) if name is not None and name.get(W_VAL) else None,
                based_on=based_on.get(W_VAL) if based_on is not None else None,
                flags=_flags(style.find(W_RPR)),
                outline=_outline(style.find(W_PPR)),
            )
            table = self.paragraph_styles if kind == "paragraph" else self.character_styles
            table.setdefault(style_id, entry)
            default = (style.get(W_DEFAULT) or "").lower() in ("1", "true", "on")
            if kind == "paragraph" and default and self.default_paragraph_style is None:
                self.default_paragraph_style = style_id

    # -- paragraphs ---------------------------------------------------------------

    def paragraph_style(self, p) -> str | None:
        """The id of the paragraph style that applies to ``p`` (its ``w:pStyle``, else the
        default paragraph style)."""
        ppr = p.find(W_PPR)
        pstyle = ppr.find(W_PSTYLE) if ppr is not None else None
        if pstyle is not None and pstyle.get(W_VAL):
            return pstyle.get(W_VAL)
        return self.default_paragraph_style

    def style_name(self, style_id: str | None) -> str | None:
        style = self.paragraph_styles.get(style_id) if style_id else None
        return style.name if style is not None and style.name else style_id

    def outline_level(self, p, style_id: str | None) -> int | None:
        """The paragraph's outline level (0 to 8 for headings; 9 is body text), direct or
        from its style's chain."""
        ppr = p[0] if len(p) and p[0].tag == W_PPR else None
        level = _outline(ppr)
        if level is not None:
            return level
        if style_id not in self._outlines:
            self._outlines[style_id] = next(
                (s.outline for s in self._chain(self.paragraph_styles, style_id) if s.outline is not None), None)
        return self._outlines[style_id]

    # -- runs -------------------------------------------------------------------------

    def run(self, style_id: str | None, run) -> RunFormat:
        """The resolved formatting of the run element ``run`` (``w:r``) in a paragraph whose
        style id is ``style_id`` (from :meth:`paragraph_style`)."""
        rpr = run[0] if len(run) and run[0].tag == W_RPR else run.find(W_RPR)
        character_id = None
        direct: tuple = ()
        if rpr is not None:
            flags = []
            for child in rpr:  # one pass over the properties (this runs for every run)
                tag = child.tag
                if tag == W_RSTYLE:
                    character_id = child.get(W_VAL)
                elif tag in _NAMES:
                    flags.append((_NAMES[tag], on_off(child)))
            direct = tuple(flags)
        key = (style_id, character_id, direct)
        result = self._cache.get(key)
        if result is None:
            result = self._cache[key] = self._resolve(style_id, character_id, dict(direct))
        return result

    def paragraph_default(self, style_id: str | None) -> RunFormat:
        """The formatting of text in the paragraph that belongs to no run (math, fields)."""
        key = (style_id, None, ())
        result = self._cache.get(key)
        if result is None:
            result = self._cache[key] = self._resolve(style_id, None, {})
        return result

    def _resolve(self, style_id: str | None, character_id: str | None, direct: dict) -> RunFormat:
        paragraph = self._chain_flags("p", style_id)
        character = self._chain_flags("c", character_id)
        values = {}
        for name in _PROPERTIES:
            if name in direct:
                values[name] = direct[name]
            elif name in paragraph or name in character:
                if name in _TOGGLES:
                    values[name] = paragraph.get(name, False) != character.get(name, False)
                else:
                    values[name] = character.get(name, paragraph.get(name, False))
            else:
                values[name] = self.defaults.get(name, False)
        return RunFormat(bold=values["bold"], hidden=values["vanish"] or values["spec_vanish"])

    def _chain_flags(self, kind: str, style_id: str | None) -> dict[str, bool]:
        """The properties a style sets, itself or through its ``basedOn`` chain (nearest wins)."""
        if not style_id:
            return {}
        key = (kind, style_id)
        if key not in self._chains:
            table = self.paragraph_styles if kind == "p" else self.character_styles
            result: dict[str, bool] = {}
            for style in self._chain(table, style_id):
                for name, value in style.flags.items():
                    result.setdefault(name, value)
            self._chains[key] = result
        return self._chains[key]

    @staticmethod
    def _chain(table: dict[str, _Style], style_id: str | None):
        seen = set()
        while style_id and style_id in table and style_id not in seen and len(seen) < _MAX_CHAIN:
            seen.add(style_id)
            style = table[style_id]
            yield style
            style_id = style.based_on


# -- OpenDocument ------------------------------------------------------------------------

_STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO_NS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
S_STYLE, S_DEFAULT_STYLE = f"{{{_STYLE_NS}}}style", f"{{{_STYLE_NS}}}default-style"
S_NAME, S_FAMILY, S_PARENT = (f"{{{_STYLE_NS}}}{n}" for n in ("name", "family", "parent-style-name"))
S_TEXT_PROPERTIES, S_MASTER_PAGE_NAME = f"{{{_STYLE_NS}}}text-properties", f"{{{_STYLE_NS}}}master-page-name"
FO_FONT_WEIGHT, T_DISPLAY = f"{{{_FO_NS}}}font-weight", f"{{{_TEXT_NS}}}display"


def _odf_properties(style) -> dict[str, bool]:
    """bold/hidden as one ODF style's text properties set them (explicitly)."""
    props = style.find(S_TEXT_PROPERTIES)
    if props is None:
        return {}
    result = {}
    weight = props.get(FO_FONT_WEIGHT)
    if weight:
        result["bold"] = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
    display = props.get(T_DISPLAY)
    if display:
        result["hidden"] = display == "none"
    return result


class OdfStyles:
    """The styles of one OpenDocument text (``styles.xml`` and ``content.xml``), resolved
    to bold and hidden for paragraphs and spans."""

    def __init__(self, *roots) -> None:
        self.styles: dict[tuple[str, str], tuple[str | None, dict[str, bool], str | None]] = {}
        self.defaults: dict[str, dict[str, bool]] = {}
        self._chains: dict[tuple[str, str], dict[str, bool]] = {}
        for root in roots:
            if root is None:
                continue
            for style in root.iter(S_STYLE, S_DEFAULT_STYLE):
                family = style.get(S_FAMILY) or ""
                if style.tag == S_DEFAULT_STYLE:
                    self.defaults[family] = _odf_properties(style)
                elif style.get(S_NAME):
                    self.styles[(family, style.get(S_NAME))] = (
                        style.get(S_PARENT), _odf_properties(style), style.get(S_MASTER_PAGE_NAME))

    def chain(self, family: str, name: str | None) -> dict[str, bool]:
        """What a style sets, itself or through its parents (nearest wins)."""
        if not name:
            return {}
        key = (family, name)
        if key not in self._chains:
            result: dict[str, bool] = {}
            seen = set()
            while name and (family, name) in self.styles and name not in seen and len(seen) < _MAX_CHAIN:
                seen.add(name)
                parent, properties, _ = self.styles[(family, name)]
                for prop, value in properties.items():
                    result.setdefault(prop, value)
                name = parent
            self._chains[key] = result
        return self._chains[key]

    def paragraph(self, name: str | None) -> dict[str, bool]:
        """The properties in effect for a paragraph's text outside spans."""
        return {**self.defaults.get("paragraph", {}), **self.chain("paragraph", name)}

    def span(self, outer: dict[str, bool], name: str | None) -> dict[str, bool]:
        """The properties in effect inside a span with style ``name`` within text with ``outer``."""
        own = self.chain("text", name)
        return {**outer, **own} if own else outer

    def master_page(self, family: str, name: str | None) -> str | None:
        """The master page a paragraph or table style starts (``style:master-page-name``)."""
        entry = self.styles.get((family, name)) if name else None
        return entry[2] if entry else None


def as_format(properties: dict[str, bool]) -> RunFormat:
    return RunFormat(bold=properties.get("bold", False), hidden=properties.get("hidden", False))


class ShownText:
    """The shown text of one paragraph as a reader collects it (.docx and .odt alike), with
    what the resolved formatting says about it: how many leading characters are bold
    (``lead_bold``) and how many continuous stretches of hidden text were left out."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.lead_bold = 0
        self._bold_lead = True
        self.hidden_stretches = 0
        self._in_hidden = False

    def add(self, text: str, bold: bool) -> None:
        if self._bold_lead:  # spaces between bold words do not end the bold lead
            if bold:
                self.lead_bold = self.length + len(text)
            elif text.strip():
                self._bold_lead = False
        self.pieces.append(text)
        self.length += len(text)
        self._in_hidden = False

    def hide(self, text: str) -> None:
        """Hidden text: not added; one stretch per run of hidden text between visible text."""
        if text.strip() and not self._in_hidden:
            self.hidden_stretches += 1
            self._in_hidden = True

    def text(self) -> str:
        return "".join(self.pieces)


def hidden_note(count: int) -> str:
    """The reader's note for ``count`` stretches of hidden text left out."""
    return f"{count} ausgeblendete Textstelle{'n' if count != 1 else ''} nicht geprüft."
