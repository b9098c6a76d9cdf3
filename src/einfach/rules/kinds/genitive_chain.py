"""Kind ``genitive_chain``: chained genitive attributes ("die Prüfung des Antrags des Ehegatten").

HanTa gives no case, so a genitive attribute is recognised by its form, and
only right after a noun (a genitive attribute follows its noun; "der" after a
verb or preposition is a dative or nominative: "gebe ich der Frau das
Buch", "mit der Behörde"):

* "des", "eines" and possessives in -es ("Ihres", "seines", "unseres") are
  genitive (masculine/neuter singular) whatever follows;
* "dieses", "jedes" are genitive only before a noun ending in -s
  ("dieses Jahres"), since "dieses Schreiben" is nominative/accusative;
* "einer" and possessives in -er ("Ihrer", "unserer") after a noun are
  genitive (or, rarely, dative feminine);
* "der", "dieser", "jeder" after a noun are genitive only if the noun is
  feminine (``rules/data/genus.yml`` or a feminine suffix: -ung, -heit,
  -keit, -schaft, -ion, -tät, ...) or plural (its form differs from its
  lemma: "der Unterlagen"); "am Montag der Bescheid" stays quiet;
* a feminine singular after "der", "einer", "Ihrer" may also be a dative
  object: if an adverb, a pronoun or a verb follows it ("... der Behörde
  unverzüglich anzuzeigen"), it is not taken as a genitive;
* without a determiner, an adjective in -er before a plural noun
  ("Nachweis ausreichender Kenntnisse").

Adjectives (ADJA) and numbers (CARD) may stand between determiner and noun;
names (NE) right after the noun are skipped ("der Stadt Musterstadt").  A
chain is a noun followed by genitive attributes each attached to the
previous one; the rule reports chains of at least ``min_chain`` attributes.
The suggestion is written for the chain or absent (issue 17): a head noun in -ung with a
verb HanTa knows becomes that verb, its first attribute the object ("Nutzung des Grundstückes des
Nachbarn" -> "das Grundstück des Nachbarn nutzen"), and the last attribute is rewritten with
"von" + dative ("des Nachbarn" -> "vom Nachbarn": a weak noun keeps its -n).  A last attribute
that is a name ("der Europäischen Union") is not rewritten with "von", and a chain with neither
rewrite gets no suggestion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

from ...nlp.view import DocView, doc_view
from .base import Hit, quote
from .wordinfo import gender, has_no_verb, is_known_verb

NOUNS = {"NN", "NE"}
DETERMINER_TAGS = {"ART", "PPOSAT", "PDAT", "PIAT"}
ALWAYS_GENITIVE = {"des", "eines", "keines"}
S_GENITIVE = {"dieses", "jedes", "jenes", "welches", "manches"}
AMBIGUOUS = {"der", "dieser", "jeder", "jener", "mancher", "welcher"}
POSSESSIVE_STEMS = ("ihr", "sein", "unser", "mein", "dein", "eur")
DATIVE = {"des": "vom", "eines": "von einem", "keines": "von keinem", "der": "von der", "einer": "von einer"}


class Link:
    """One genitive attribute: its tokens and what kind of determiner it has."""

    __slots__ = ("tokens", "determiner", "plural")

    def __init__(self, tokens: list[Token], determiner: Token | None, plural: bool):
        self.tokens = tokens
        self.determiner = determiner
        self.plural = plural

    @property
    def head(self) -> Token:
        return self.tokens[-1]


class GenitiveChain:
    parameters = {"min_chain"}
    values = {"text", "count", "limit", "advice"}

    def __init__(self, parameters: dict):
        self.min_chain = int(parameters.get("min_chain", 2))

    def find(self, doc: Doc):
        view = doc_view(doc)
        tags = view.tag
        for sentence in view.sents:
            tokens = view.non_space(sentence)
            position = 0
            while position < len(tokens):
                token = tokens[position]
                if tags[token.i] not in NOUNS or token.i in view.placeholder:
                    position += 1
                    continue
                links: list[Link] = []
                cursor = _skip_names(view, tokens, position + 1)
                while True:
                    link = genitive_at(view, tokens, cursor)
                    if link is None:
                        break
                    links.append(link)
                    cursor = _skip_names(view, tokens, tokens.index(link.head) + 1)
                links = _before_dative_object(tokens, cursor, links)
                if len(links) >= self.min_chain and not any(
                    t.i in view.protected for link in links for t in link.tokens
                ) and not _association(view, tokens, tokens.index(links[-1].head) + 1):
                    # a name or link text ("Verordnung des Sächsischen Staatsministeriums des Innern"),
                    # an association's name ("Verein zur Förderung des Schutzes des Lebens e.V.") stays
                    end = links[-1].head
                    advice = "" if _fixed_head(tokens, position) else _advice(view, token, links)
                    yield Hit(
                        start=token.i,
                        end=end.i + 1,
                        values={
                            "text": quote(view.span_text(token.i, end.i + 1)),
                            "count": len(links),
                            "limit": self.min_chain,
                            "advice": advice,
                        },
                        suggest=bool(advice),
                    )
                    position = tokens.index(end) + 1
                else:
                    position += 1


def _skip_names(view: DocView, tokens: list[Token], position: int) -> int:
    while position < len(tokens) and view.tag[tokens[position].i] == "NE" and tokens[position].i not in view.placeholder:
        position += 1
    return position


def _is_plural(noun: Token) -> bool:
    lemma = noun.lemma_ or noun.text
    return noun.text != lemma and not noun.text.endswith("s") and noun.text.lower() != lemma.lower()


def genitive_at(view: DocView, tokens: list[Token], position: int) -> Link | None:
    """The genitive attribute starting at ``position``, or None (see the module doc)."""
    if position >= len(tokens):
        return None
    first = tokens[position]
    determiner = None
    if view.tag[first.i] in DETERMINER_TAGS:
        determiner = first
        position += 1
    elif view.tag[first.i] != "ADJA":
        return None
    word = first.lower_
    middle = []
    while position < len(tokens) and tokens[position].tag_ in {"ADJA", "CARD"}:
        middle.append(tokens[position])
        position += 1
    if position >= len(tokens) or tokens[position].tag_ != "NN" or tokens[position].i in view.placeholder:
        return None
    noun = tokens[position]
    plural = _is_plural(noun)
    group = ([determiner] if determiner is not None else []) + middle + [noun]
    if determiner is None:
        if middle and middle[0].lower_.endswith("er") and plural:
            return Link(group, None, True)
        return None
    possessive = determiner.tag_ == "PPOSAT" and word.startswith(POSSESSIVE_STEMS)
    if word in ALWAYS_GENITIVE or (possessive and word.endswith("es")):
        return Link(group, determiner, False)
    if word in S_GENITIVE:
        return Link(group, determiner, False) if noun.lower_.endswith("s") else None
    if word == "einer" or (possessive and word.endswith("er")):
        if not plural and _dative_context(tokens, position):
            return None
        return Link(group, determiner, plural)
    if word in AMBIGUOUS:
        if plural:
            return Link(group, determiner, True)
        if gender(noun.lemma_ or noun.text) == "f" and not _dative_context(tokens, position):
            return Link(group, determiner, False)
    return None


DATIVE_FOLLOWERS = {"ADV", "ADJD", "PTKNEG", "PTKZU", "VVIZU", "VVINF", "VVPP", "PPER", "PRF"}


def _dative_context(tokens: list[Token], position: int) -> bool:
    """A feminine "der/Ihrer X" followed by an adverb, pronoun or verb is more likely a
    dative object in the middle field ("dass der Verlust ... der Behörde unverzüglich
    anzuzeigen ist") than a genitive attribute."""
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    return following is not None and following.tag_ in DATIVE_FOLLOWERS


# a noun phrase in the nominative or accusative: it cannot be part of the genitive chain before it
OBJECT_DETERMINERS = {"die", "das", "den", "dem", "ein", "eine", "einen", "einem"}


def _before_dative_object(tokens: list[Token], cursor: int, links: list[Link]) -> list[Link]:
    """The chain up to a feminine singular link that is a dative object: a noun phrase with its own
    article follows the chain („auf Verlangen des Betroffenen einer Person seines Vertrauens die
    Anwesenheit zu gestatten“: „einer Person“ is the dative, „die Anwesenheit“ the object; issue 17,
    tenth blind review, S075). Without such a phrase after it the chain stays as found."""
    if cursor >= len(tokens) or tokens[cursor].lower_ not in OBJECT_DETERMINERS or tokens[cursor].tag_ != "ART":
        return links
    for index in range(len(links) - 1, -1, -1):
        determiner = links[index].determiner
        if determiner is not None and not links[index].plural and determiner.lower_.endswith("er"):
            return links[:index]  # „einer“, „der“, „Ihrer“, „dieser“ …: the feminine dative and what hangs on it
    return links


def _dative_noun(noun: Token, plural: bool) -> str:
    if plural:
        return noun.text if noun.text.endswith(("n", "s")) else noun.text + "n"
    return _singular_form(noun)


def _singular_form(noun: Token) -> str:
    """The noun of a genitive attribute in the dative and accusative singular: a strong noun
    drops its -s/-es ("des Antrags" -> "Antrag"), a weak noun keeps its -n/-en ("des Nachbarn",
    "des Ehegatten"), a feminine noun has no ending."""
    if noun.tag_ == "NN" and noun.text != (noun.lemma_ or noun.text) and noun.text.endswith("s"):
        return noun.lemma_
    return noun.text


def _name(link: Link) -> bool:
    """A name as attribute ("der Europäischen Union", "des Deutschen Bundestages"): no "von"."""
    return any(t.tag_ == "NE" or (t.tag_ == "ADJA" and t.text[:1].isupper()) for t in link.tokens[1:])


def von_phrase(link: Link) -> str | None:
    """The attribute as "von" + dative ("des Antrags" -> "vom Antrag")."""
    determiner = link.determiner
    middle = [t for t in link.tokens[:-1] if t is not determiner]
    adjectives = []
    for token in middle:
        text = token.text
        if token.tag_ == "ADJA" and determiner is None and text.endswith("er"):
            text = text[:-2] + "en"  # "ausreichender Kenntnisse" -> "ausreichenden Kenntnissen"
        adjectives.append(text)
    noun = _dative_noun(link.head, link.plural)
    if determiner is None:
        start = "von"
    else:
        word = determiner.lower_
        possessive = determiner.tag_ == "PPOSAT" and word.startswith(POSSESSIVE_STEMS)
        base = determiner.text[:-2]
        if link.plural:
            start = "von den" if word == "der" else f"von {base}en" if (possessive or word in AMBIGUOUS) else None
        elif word in DATIVE:
            start = DATIVE[word]
        elif possessive and word.endswith("es"):
            start = f"von {base}em"
        elif possessive and word.endswith("er"):
            start = f"von {determiner.text}"
        elif word in S_GENITIVE:
            start = f"von {base}em"
        elif word in AMBIGUOUS:
            start = f"von {determiner.text}"
        else:
            start = None
        if start is None:
            return None
    return " ".join([start] + adjectives + [noun])


# nouns of prepositional phrases that work as one preposition ("im Rahmen", "im Falle", "im Zuge"):
# the chain's words after them carry the content, "Rahmen der Prüfung von …" is no advice
FIXED_HEADS = {"rahmen", "falle", "fall", "zuge", "laufe", "wege", "sinne", "hinblick", "zwecke", "namen",
               "beispiel"}


ASSOCIATION_MARKS = {"e.V.", "e. V.", "e.V", "eV", "gGmbH", "GmbH", "mbH", "AG", "KG", "gUG", "UG"}


def _association(view: DocView, tokens: list[Token], position: int) -> bool:
    """The chain ends right before "e.V.", "GmbH" …: it is the name of an association or firm."""
    if position >= len(tokens):
        return False
    following = view.text[tokens[position].i]
    if following == "e." and position + 1 < len(tokens):
        following += " " + view.text[tokens[position + 1].i]
    return following in ASSOCIATION_MARKS


def _fixed_head(tokens: list[Token], position: int) -> bool:
    return (position > 0 and tokens[position].lower_ in FIXED_HEADS
            and tokens[position - 1].tag_ in {"APPR", "APPRART"})


# the accusative determiner for a genitive one, by gender ("des" -> "den"/"das")
ACCUSATIVE = {"des": {"m": "den", "n": "das"}, "eines": {"m": "einen", "n": "ein"}, "der": {"f": "die"},
              "einer": {"f": "eine"}}


def _advice(view: DocView, noun: Token, links: list[Link]) -> str:
    """The chain as a verb phrase and with "von" (see the module doc), or ""."""
    last = links[-1]
    # a name anywhere after the head ("des Sächsischen Staatsministeriums der Finanzen") takes its
    # genitives with it: "von den Finanzen" would break the name
    replacement = None if any(_name(link) for link in links) else von_phrase(last)
    parts = []
    verb = _verb_phrase(view, noun, links, replacement)
    if verb:
        parts.append(f"Machen Sie aus {quote(noun.text)} ein Verb: {quote(verb)}.")
    if replacement is not None:
        before = view.span_text(noun.i, last.tokens[0].i)
        which = "des letzten Genitivs" if len(links) > 1 else "des Genitivs"
        parts.append(f"Schreiben Sie „von“ statt {which}: {quote(before + ' ' + replacement)}.")
    return " Oder: ".join(parts)


def _verb_phrase(view: DocView, noun: Token, links: list[Link], von: str | None) -> str:
    """"das Grundstück des Nachbarn nutzen" for "Nutzung des Grundstückes des Nachbarn": the head's
    verb with its first attribute as the object; "" when the head has no verb or the first
    attribute's accusative is not sure (an adjective, a gender not known)."""
    word = noun.text.lower()
    if noun.tag_ != "NN" or not word.endswith("ung") or has_no_verb(word):
        return ""  # no -ung noun, or one whose verb means something else („Bevölkerung“)
    stem = word[: -len("ung")]
    verb = next((v for v in (stem + "en", stem + "n") if len(v) > 4 and is_known_verb(v)), None)
    first = links[0]
    if verb is None or first.determiner is None or len(first.tokens) != 2:
        return ""
    determiner = first.determiner.lower_
    if first.plural:
        article = {"der": "die"}.get(determiner)
    else:
        article = ACCUSATIVE.get(determiner, {}).get(gender(first.head.lemma_ or first.head.text) or "")
    if article is None:
        return ""
    words = [article, _singular_form(first.head) if not first.plural else first.head.text]
    rest = links[1:]
    if len(rest) >= 2 and von is not None:
        words.append(view.span_text(rest[0].tokens[0].i, links[-1].tokens[0].i) + " " + von)
    elif rest:
        words.append(view.span_text(rest[0].tokens[0].i, rest[-1].head.i + 1))
    return " ".join([*words, verb])
