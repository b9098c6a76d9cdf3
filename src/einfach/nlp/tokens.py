"""Tokenisation fit for letters: abbreviations, gender forms, template placeholders.

spaCy's German tokenizer already keeps dates ("01.10.2024"), decimals
("100,00"), times ("10.30"), URLs and e-mail addresses together.  This module
adds what letters need on top:

* abbreviations from ``data/abbreviations.txt`` stay one token ("Art.", "Abs.");
* gender forms ("Antragsteller:innen", "Antragsteller*innen") become one token;
* template placeholders («Name», {{vorname}}, [Datum]) become one opaque token
  marked ``token._.einfach_placeholder`` that no rule flags.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

# Placeholder syntaxes of letter templates (Word merge fields are shown as «Name»), and the
# target of a Markdown link with its optional title ("](https://… "Titel")"): not text a reader
# reads, and spaCy splits such a URL at "?" and "/" into words that rules would flag (#17).
PLACEHOLDER = re.compile(
    r"«[^«»\n]{1,80}»|<<[^<>\n]{1,80}>>|\{\{[^{}\n]{1,80}\}\}|\[[^\[\]\n]{1,60}\]"
    r"|(?<=\])\((?:https?://|www\.|mailto:)[^()\s]{1,500}(?:\s+\"[^\"\n]{0,300}\")?\)"
)
# Gender-inclusive forms joined by colon, asterisk, underscore or slash.
GENDER_FORM = re.compile(r"\b\w+[:*_/](?:innen|in)\b")

if not Token.has_extension("einfach_placeholder"):
    Token.set_extension("einfach_placeholder", default=False)


def placeholder_indices(doc: Doc, tokens=None) -> frozenset[int]:
    """Indices of the template placeholders of ``doc`` (``token._.einfach_placeholder``).

    spaCy keeps extension values in ``doc.user_data`` under keys that name the
    attribute; without such a key no token is a placeholder, and the per-token
    look-up (each ``token._`` builds an object) is skipped.  ``tokens``: the
    Doc's tokens if the caller has them already.
    """
    if not any(isinstance(key, tuple) and "einfach_placeholder" in key for key in doc.user_data):
        return frozenset()
    return frozenset(t.i for t in (doc if tokens is None else tokens) if t._.einfach_placeholder)


@lru_cache(maxsize=1)
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(abbreviations, those that may also end a sentence) from the data file."""
    text = resources.files("einfach.nlp").joinpath("data/abbreviations.txt").read_text("utf-8")
    never_final: set[str] = set()
    may_end: set[str] = set()
    target = never_final
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("# may end a sentence"):
            target = may_end
            continue
        if line and not line.startswith("#"):
            target.add(line)
    return frozenset(never_final | may_end), frozenset(may_end)


def customise_tokenizer(nlp: Language) -> None:
    """Add abbreviation special cases to the pipeline's tokenizer."""
    from spacy.symbols import ORTH

    known, _ = abbreviations()
    for abbreviation in known:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def _merge_spans(doc: Doc, text: str, pattern: re.Pattern, placeholder: bool) -> None:
    """Merge the matches of ``pattern`` in ``text`` (``doc.text``, read once by the caller)."""
    spans = []
    for match in pattern.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and (len(span) > 1 or placeholder):
            spans.append(span)
    spans = filter_spans(spans)
    if not spans:
        return
    with doc.retokenize() as retokenizer:
        for span in spans:
            if len(span) > 1:
                retokenizer.merge(span)
    if placeholder:
        starts = {span.start_char for span in spans}
        for token in doc:
            if token.idx in starts:
                token._.einfach_placeholder = True


@Language.factory(
    "einfach_tokens",
    assigns=["token._.einfach_placeholder"],
)
def make_tokens(nlp: Language, name: str) -> "TokenMerger":
    return TokenMerger()


class TokenMerger:
    """Merges gender forms and template placeholders into single tokens."""

    def __call__(self, doc: Doc) -> Doc:
        # doc.text joins all tokens on every access: read it once (merging keeps the text).
        text = doc.text
        if "«" in text or "{{" in text or "[" in text or "<<" in text:
            _merge_spans(doc, text, PLACEHOLDER, placeholder=True)
        if ":" in text or "*" in text or "_" in text or "/" in text:
            _merge_spans(doc, text, GENDER_FORM, placeholder=False)
        return doc
