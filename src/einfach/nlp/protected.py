"""Words no rule may ask to change: URLs, short quotations and fixed names.

The blind review of suggestions (issue 17) found advice that changed what a
writer cannot change: a word inside a URL called rare, „Bettag“ of „Buß- und
Bettag“ called rare, „mit beschränkter Haftung“ counted as nominal style, a
quoted name („Rechtsanwaltsgesellschaft“) split with a hyphen.  A token is
*protected* when it lies

* in a URL (``http://``, ``https://``, ``www.``; spaCy's tokenizer splits a
  URL at slashes when a Markdown link is glued to it);
* in the text of a Markdown link to a URL (the title of the page or
  document it points to);
* in a quotation of at most :data:`MAX_QUOTED` characters between paired
  marks („…“, "…", “…”, »…«): a term or name the text mentions, a title, a
  citation — not the writer's own words;
* in a fixed name of ``rules/data/namen.yml`` (holidays, legal forms of
  companies, programmes);
* in a name of an institution and its place: a noun right before a name
  tagged ``NE`` („Architektenkammer Sachsen“, „Vorschriftenverwaltung
  Sachsen“).

Rules read the set through :attr:`einfach.nlp.view.DocView.protected`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from .view import DocView

MAX_QUOTED = 120
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”„»«]+", re.IGNORECASE)
# the text of a Markdown link names the page or document it points to ("[Gemeinsame
# Verwaltungsvorschrift … über die Erteilung von Apostillen](https://…)")
LINK_TEXT = re.compile(r"\[[^\[\]\n]{1,300}\]\((?:https?://|www\.)")
QUOTATION = re.compile(
    rf'„[^„“”"\n]{{1,{MAX_QUOTED}}}[“”"]|"[^"„“”\n]{{1,{MAX_QUOTED}}}"|“[^“”\n]{{1,{MAX_QUOTED}}}”|»[^»«\n]{{1,{MAX_QUOTED}}}«'
)


@lru_cache(maxsize=1)
def fixed_names() -> re.Pattern | None:
    """One pattern for the names of ``rules/data/namen.yml`` (longest first), or None without any."""
    from ..resources import rules_dir
    from ..rules.loader import read_yaml

    names = sorted((str(name) for name in read_yaml(rules_dir() / "data" / "namen.yml").get("names") or []),
                   key=len, reverse=True)
    if not names:
        return None
    alternatives = [r"\s+".join(re.escape(word) for word in name.split()) for name in names]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _plain_name_word(word: str) -> bool:
    """A capitalised word of letters, no abbreviation ("Sachsen", not "AufenthG", "i.")."""
    return len(word) >= 3 and word.isalpha() and word[0].isupper() and word[1:].islower()


def protected_indices(view: DocView) -> frozenset[int]:
    """Indices of the tokens of ``view``'s Doc inside a URL, a short quotation or a fixed name."""
    # doc.text from the view's lists (``doc.text`` reads every token again)
    text = "".join([token + space for token, space in zip(view.text, view.whitespace)])
    starts = [token.idx for token in view.tokens]
    indices: set[int] = set()
    patterns = [URL, LINK_TEXT, QUOTATION]
    names = fixed_names()
    if names is not None:
        patterns.append(names)
    for pattern in patterns:
        for match in pattern.finditer(text):
            # every token that starts inside the match, and the token the match starts in
            first = max(0, bisect_right(starts, match.start()) - 1)
            last = bisect_left(starts, match.end())
            indices.update(range(first, last))
    tag, whitespace = view.tag, view.whitespace
    # a noun right before a name: the word forms (view.word, a list over the whole Doc) only then
    for index in [i for i in range(len(starts) - 1) if tag[i] == "NN" and tag[i + 1] == "NE" and whitespace[i]]:
        words = view.word
        if _plain_name_word(words[index]) and _plain_name_word(words[index + 1]):
            indices.update((index, index + 1))
    return frozenset(indices)
