"""Kind ``word_length``: long compound nouns, with a split suggestion.

A word is reported if it is a noun (STTS ``NN``), has more letters than
``max_letters`` (letters only; hyphenated words are measured part by part)
and can be split into real words.  The splitter is CharSplit
(Don Tuggener 2016; PyPI package ``split-words``, MIT licence): it ranks
every split point by n-gram probabilities learnt from a million German
nouns.  A split is kept only if both parts are known words (HanTa's lexicon
and a Zipf frequency of at least ``min_part_zipf``), so words that are long
but not compounds ("Verantwortung") and wrong splits ("Antrags|tellerin")
stay quiet.  A rare part is accepted when it splits into known parts in turn
("Lohnsteuerbescheinigungs|unterlagen"), so compounds of three or more parts
are found.  Parts still longer than ``max_letters`` are split again.

``style: hyphen`` suggests "Aufenthalts-Erlaubnis" (Einfache Sprache: a
hyphen, the second part capitalised); ``style: mediopunkt`` suggests
"Aufenthalts·erlaubnis" (Leichte Sprache, DIN SPEC 33429).  Protected legal
terms (``rules/lexikon/fachbegriffe.yml``) keep their official spelling when
``legal_terms: skip``, and so do names of laws ("Verwaltungsverfahrensgesetz",
"Aufenthaltsverordnung": a title cannot be rewritten); with ``legal_terms:
split`` (Leichte Sprache) both get the Mediopunkt suggestion too.  Never reported: template placeholders, names
(NE), words with digits, URLs, e-mail addresses, abbreviations and law
abbreviations (a capital letter after the first: "AufenthG", "SGB"), gender
forms ("Antragsteller:innen"), street names ("Kastanienallee"), words already written with a hyphen whose
parts are short enough, and words of the **name** of one organisation, register or office (eighth blind
review: „Bundes-Zentralregister“, „Versicherungs-Wirtschaft“ in „Gesamtverband der Deutschen
Versicherungswirtschaft“): a name is not the writer's to re-spell, and a hyphen does not explain it.
A word is read as part of a name (:meth:`WordLength._in_name`) when

* it is a federal or state institution: „Bundes-“ or „Landes-“ and a singular head of
  ``institution_heads`` („Bundeszentralregister“, „Landesuntersuchungsanstalt“), or a unique federal
  register or office („Gewerbezentralregister“, „Kraftfahrtbundesamt“: ``unique_heads``);
* it has an institution head and its place follows: a compass part („Giftinformationszentrum-Nord“) or
  „der Länder“, „des Landes“, „der Stadt“ … (``place_nouns``) and a name („Giftinformationszentrum der
  Länder Bremen, …“; a noun right before a name is protected already, :mod:`einfach.nlp.protected`);
* a capitalised adjective stands before it after an article or a preposition („der Deutschen
  Versicherungswirtschaft“, „die Deutsche Rentenversicherung“: inside a sentence only a name
  capitalises an adjective);
* in a line without a finite verb (a heading, an address, a title) a noun follows it directly with no
  article („der Unterhaltungssoftware Selbstkontrolle“; in a sentence „der Versicherung Auskunft geben“
  is two objects, so that marker needs the line without a verb).

Such a word gets no finding rather than advice to explain the name: which names a reader knows
depends on the reader, and `seltenes-wort` reports a rare word with its own advice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc

from ...nlp.syntax import has_finite
from ...nlp.view import DocView, doc_view
from .base import Hit, quote
from .wordinfo import is_law_title, is_street_name, legal_explanation, split_parts

GENDER_MARKS = ":*_/"
STYLES = {"hyphen", "mediopunkt"}


class WordLength:
    parameters = {"max_letters", "style", "legal_terms", "min_part_zipf", "legal_lexicon", "institution_heads",
                  "unique_heads", "place_nouns"}
    values = {"text", "letters", "limit", "split"}

    def __init__(self, parameters: dict):
        self.max_letters = int(parameters.get("max_letters", 20))
        self.style = parameters.get("style", "hyphen")
        if self.style not in STYLES:
            raise ValueError(f"style muss eine von {', '.join(sorted(STYLES))} sein")
        self.legal_terms = parameters.get("legal_terms", "skip")
        self.min_part_zipf = float(parameters.get("min_part_zipf", 2.5))
        self.legal_lexicon = parameters.get("legal_lexicon", "fachbegriffe")
        self.institution_heads = tuple(str(w).lower() for w in parameters.get("institution_heads") or [])
        self.unique_heads = tuple(str(w).lower() for w in parameters.get("unique_heads") or [])
        self.place_nouns = frozenset(str(w).lower() for w in parameters.get("place_nouns") or [])

    def find(self, doc: Doc):
        view = doc_view(doc)
        for index in range(len(view.tokens)):
            if not self._candidate(view, index):
                continue
            token = view.tokens[index]
            word = view.word[index]
            if any(mark in word for mark in GENDER_MARKS):
                continue  # gender forms: no sensible split suggestion
            if self._in_name(view, index):
                continue  # the name of one organisation, register or office is not re-spelled
            if self.legal_terms == "skip" and (
                legal_explanation(token, self.legal_lexicon) is not None or is_law_title(token)
            ):
                continue
            pieces = word.split("-")
            if any(not piece.isalpha() for piece in pieces):
                continue
            long_pieces = [piece for piece in pieces if len(piece) > self.max_letters]
            if not long_pieces:
                continue
            parts: list[str] = []
            split_any = False
            for piece in pieces:
                if len(piece) > self.max_letters:
                    pieces_split = split_parts(piece, self.max_letters, self.min_part_zipf)
                    if self.style == "hyphen":
                        pieces_split = self._main_split(piece, pieces_split)
                    split_any = split_any or len(pieces_split) > 1
                    parts.extend(pieces_split)
                else:
                    parts.append(piece)
            if not split_any:
                continue
            yield Hit(
                start=token.i,
                end=token.i + 1,
                values={
                    "text": quote(word),
                    "letters": sum(1 for ch in word if ch.isalpha()),
                    "limit": self.max_letters,
                    "split": quote(self.join(parts)),
                },
            )

    def _ends_in(self, word: str, heads: tuple[str, ...]) -> bool:
        """``word`` ends in one of ``heads`` in the singular („…zentrum“, „…amtes“; not „…ämter“, „…zentren“)."""
        lowered = word.lower()
        return any(lowered.endswith((head, head + "s", head + "es")) for head in heads)

    def _in_name(self, view: DocView, index: int) -> bool:
        """The word at ``index`` is part of the name of one organisation, register or office (module doc)."""
        word = view.word[index]
        start, tags, text, lower = view.sent_start[index], view.tag, view.text, view.lower
        opener = index - 1  # the word before the noun and its adjectives
        while opener > start and tags[opener] == "ADJA":
            opener -= 1
        one_of_many = tags[opener] == "ART" and lower[opener].startswith("ein")  # „zu einer Landesarbeitsgemeinschaft“
        institution = self._ends_in(word.split("-")[0], self.institution_heads)
        if not one_of_many and institution and word.lower().startswith(("bundes", "landes")):
            return True  # „Bundeszentralregister“, „Landesuntersuchungsanstalt“
        if not one_of_many and self._ends_in(word, self.unique_heads):
            return True  # „Gewerbezentralregister“, „Kraftfahrtbundesamt“
        if institution and (word.rsplit("-", 1)[-1].lower() in COMPASS or self._place_follows(view, index)):
            return True  # „Giftinformationszentrum-Nord“, „Giftinformationszentrum der Länder Bremen, …“
        if opener < index - 1 and tags[opener] in NAME_OPENERS and lower[opener] not in {"als", "wie"}:
            adjective = text[opener + 1]  # „der Deutschen Versicherungswirtschaft“, not „die EU-weite …“
            if adjective.isalpha() and adjective[:1].isupper() and adjective[1:].islower() and not (
                    lower[opener] == "die" and adjective.endswith("en") and not word.endswith(("n", "s"))):
                # (after „die“ an -en adjective needs a plural: „die Jugendlichen Berufsausbildungsbeihilfe“
                # is a noun and an object, not a name)
                return True
        following = index + 1
        sentence = view.sentence_of(index)
        return (following < sentence.end and tags[following] == "NN" and text[following][:1].isupper()
                and not has_finite(sentence))  # a heading: „… der Unterhaltungssoftware Selbstkontrolle“

    def _place_follows(self, view: DocView, index: int) -> bool:
        """„der Länder Bremen, …“, „des Landes Berlin“ after the word: its place, so it names one institution."""
        tags, lower = view.tag, view.lower
        return (index + 3 < len(tags) and lower[index + 1] in {"der", "des"}
                and lower[index + 2] in self.place_nouns and tags[index + 3] == "NE")

    def _main_split(self, word: str, parts: list[str]) -> list[str]:
        """The main joints of ``word``: those of its split ``parts``, or of a split down to short parts where that
        gives no more pieces and a rarest piece that is more frequent ("Rauchwarnmelder-Pflicht", not
        "Rauch-Warnmelderpflicht": fifth blind review, S086; "Einkommensteuer-Pflicht")."""
        coarse = main_joints(parts, self.max_letters)
        fine = main_joints(split_parts(word, FINE_PART, self.min_part_zipf), self.max_letters)
        if len(fine) <= len(coarse) and max(len(p) for p in fine) <= self.max_letters and (
                _weakest(fine) > _weakest(coarse)):
            return fine
        return coarse

    def join(self, parts: list[str]) -> str:
        if self.style == "mediopunkt":
            return parts[0] + "".join("·" + part[:1].lower() + part[1:] for part in parts[1:])
        return parts[0] + "".join("-" + part[:1].upper() + part[1:] for part in parts[1:])

    def _candidate(self, view: DocView, index: int) -> bool:
        if view.tag[index] != "NN" or index in view.placeholder:
            return False
        text = view.word[index]
        if len(text) <= self.max_letters:
            return False  # no part of it can be longer than max_letters (most nouns: stop here)
        if index in view.protected:
            return False  # a quoted name („Rechtsanwaltsgesellschaft“), a URL or a fixed name keeps its spelling
        if "@" in text or "://" in text or text.lower().startswith("www.") or any(ch.isdigit() for ch in text):
            return False
        letters = [ch for ch in text if ch.isalpha()]
        if not letters or not letters[0].isupper():
            return False
        if any(ch.isupper() for ch in text[1:] if ch.isalpha()) and "-" not in text:
            return False  # AufenthG, SGB, eAT and other abbreviations
        if is_street_name(text):
            return False  # street names are addresses, not words to rewrite
        return True


# the part length down to which a long word is split to find its main joint (then joined again)
FINE_PART = 8
# the last part of an institution's name that names its region („Giftinformationszentrum-Nord“)
COMPASS = {"nord", "süd", "ost", "west", "mitte", "nordost", "nordwest", "südost", "südwest"}
# what stands before a capitalised adjective inside a sentence: an article, a preposition, a possessive
NAME_OPENERS = {"ART", "APPR", "APPRART", "PPOSAT", "PDAT"}


def main_joints(parts: list[str], max_letters: int) -> list[str]:
    """The parts joined again into as few pieces as fit ``max_letters`` each, of those the one whose rarest piece
    is most frequent, then the most even: a hyphen
    only at the main joints ("Schallschutz-Isolierermeister", not "Schall-Schutz-Isolierermeister", fourth
    blind review; "Lohnsteuer-Bescheinigungs-Unterlagen"). Applied to each piece between the writer's own
    hyphens; Leichte Sprache (``style: mediopunkt``) keeps a point at every joint."""
    best: tuple[tuple[int, float, int], list[str]] | None = None
    count = len(parts)
    for mask in range(1 << (count - 1)):  # bit i set: a hyphen after part i
        pieces: list[str] = []
        current = parts[0]
        for position in range(1, count):
            if mask >> (position - 1) & 1:
                pieces.append(current)
                current = parts[position]
            else:
                current += parts[position][:1].lower() + parts[position][1:]
        pieces.append(current)
        longest = max(len(piece) for piece in pieces)
        if longest > max_letters and mask != (1 << (count - 1)) - 1:
            continue
        key = (len(pieces), -_weakest(pieces), longest)
        if best is None or key < best[0]:
            best = (key, pieces)
    return best[1] if best else parts


def _weakest(pieces: list[str]) -> float:
    """The lowest Zipf frequency among the pieces (a linking "s" dropped): the main joints leave pieces that
    are words of their own ("Einkommensteuer-Pflicht", not "Einkommen-Steuerpflicht")."""
    from ...nlp.frequency import zipf

    return min(max(zipf(piece.lower()), zipf(piece.lower()[:-1]) if piece.endswith("s") else 0.0) for piece in pieces)
