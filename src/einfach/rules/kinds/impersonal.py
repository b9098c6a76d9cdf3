"""Kind ``impersonal``: impersonal address where a letter should say "Sie" and "wir".

Four patterns, found on STTS tags, lemmas and word forms:

* **"man"** (PIS "man"), except where it names something ("Das nennt man
  Anhörung", "Man nennt sie auch eAT": lemmas *nennen*, *heißen*,
  *bezeichnen*, *sagen*, *unterscheiden* in the same clause, *verstehen* with
  "unter", *sprechen* with "von": "Darunter versteht man …", "Man unterscheidet
  …") and where the clause already
  addresses the reader ("was man von Ihnen erwarten kann": there "man" is not
  the reader, and "wir" would change the meaning);
* **impersonal passive formulas**: a 3rd person singular form of *werden*
  ("wird", "wurde") with the participle of a verb of asking, advising or
  informing (*bitten*, *hinweisen*, *empfehlen*, *mitteilen*, *bestätigen* ...)
  in a clause without a subject: no personal pronoun other than "es" and no
  noun outside a prepositional phrase ("Es wird gebeten", "Hiermit wird Ihnen
  mitgeteilt", "wird um Rückmeldung gebeten").  The rule ``passiv`` reports
  the same words as passive; this rule gives the other advice: address the
  reader;
* **the reader as a third person**: a noun from ``reader_nouns`` (matched as
  the end of the lemma, so "Einbürgerungsbewerber:innen" counts) as the
  subject; a noun from ``letter_only_nouns`` ("Betroffene") only in a letter:
  elsewhere it mostly names other people ("Die Betroffenen verhalten sich
  anders" on a page for friends of addicts).  Without a parser, subject means: the noun phrase opens its clause
  (after a conjunction or relative pronoun, if any) and a finite verb follows
  it directly ("Der Antragsteller hat ..."), or it opens a subordinate clause
  ("dass die Antragstellerin ..."), or it follows the finite verb directly as
  "der" + noun or as a bare plural in a clause without a personal pronoun
  ("... sind Einbürgerungsbewerber:innen verpflichtet");
* **the authority as a third person**: an authority noun (-behörde,
  -dienststelle, -verwaltung, -amt) marked as the writer's own ("hiesige",
  "diesseitige", "unterzeichnende", "unsere") as subject (same positions) or
  as the agent after "seitens", "von" or "durch"; after "seitens" any
  -behörde counts ("seitens der Ausländerbehörde").  Precision first: "die
  Behörde" or "die Ausländerbehörde" alone is not flagged, because letters
  often mean another authority ("Die Behörde darf die Dokumente behalten").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

from ...nlp.syntax import clauses
from ...nlp.view import doc_view
from .base import Hit, quote
from .senses import in_letter
from .verbforms import THIRD_PLURAL, THIRD_SINGULAR, verb_forms
from .wordinfo import SEPARABLE_PARTICLES

FINITE = {"VVFIN", "VAFIN", "VMFIN"}
NOUNS = {"NN", "NE"}
# "man" in a definition names nothing the reader does ("Darunter versteht man …", "Von einer Verlobung
# spricht man, wenn …"); "verstehen" and "sprechen" only with the word that makes them name something
NAMING_VERBS = {"nennen": None, "heißen": None, "bezeichnen": None, "sagen": None, "unterscheiden": None,
                "verstehen": {"unter", "darunter", "hierunter"}, "sprechen": {"von", "davon"}}
# verb -> the active form offered when no concrete one is built from the sentence (:func:`_we_ask`,
# :func:`_please`); "" = none: „Bitte …“ without a verb was judged generic (issue 17, fourth review)
FORMULA_VERBS = {
    "bitten": "",
    "ersuchen": "",
    "auffordern": "",
    "hinweisen": "„Bitte beachten Sie: …“",
    "verweisen": "„Bitte beachten Sie: …“",
    "empfehlen": "„Wir empfehlen Ihnen …“",
    "anraten": "„Wir empfehlen Ihnen …“",
    "nahelegen": "„Wir empfehlen Ihnen …“",
    "raten": "„Wir raten Ihnen …“",
    "mitteilen": "„Wir teilen Ihnen mit: …“ oder sagen Sie es direkt",
    "bestätigen": "„Wir bestätigen …“",
    "erinnern": "„Wir erinnern Sie …“",
}
THIRD_SINGULAR_WERDEN = {"wird", "wurde"}
SUBJECT_PRONOUNS = {"sie", "er", "ich", "wir", "du", "ihr"}
SUBORDINATE_OPENERS = {"KOUS", "PRELS", "PWS", "PWAV"}
ATTRIBUTES = {"ADJA", "CARD"}
AUTHORITY_ENDINGS = ("behörde", "dienststelle", "verwaltung", "amt")
OWN_MARKERS = {"hiesig", "diesseitig", "unterzeichnend"}
AGENT_PREPOSITIONS = {"seitens", "von", "durch"}
READER_FORMS = {"Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"}
GENDER_SUFFIX = re.compile(r"(?:[:*_/]-?in(?:nen)?|In(?:nen)?)$")


class Impersonal:
    parameters = {"reader_nouns", "letter_only_nouns"}
    values = {"text", "problem", "example"}

    def __init__(self, parameters: dict):
        self.reader_nouns = tuple(noun.lower() for noun in parameters.get("reader_nouns") or [])
        self.letter_only_nouns = tuple(noun.lower() for noun in parameters.get("letter_only_nouns") or [])

    def find(self, doc: Doc):
        view = doc_view(doc)
        for sentence in view.sents:
            # Each pattern needs a word of its own in the sentence; most sentences have none.
            forms = view.lower[sentence.start : sentence.end]
            man = "man" in forms
            formula = any(form in THIRD_SINGULAR_WERDEN for form in forms)
            third_person = any(
                self._reader(token) or _authority(token)
                for token in view.tokens[sentence.start : sentence.end] if view.tag[token.i] in NOUNS
            )
            if not (man or formula or third_person):
                continue
            for clause in clauses(sentence):
                if man:
                    yield from self._man(clause)
                if formula:
                    yield from self._formula(clause)
                if third_person:
                    yield from self._third_person(clause)

    # -- "man" ----------------------------------------------------------------------------
    def _man(self, clause: list[Token]):
        for token in clause:
            if token.lower_ != "man" or token.tag_ != "PIS":
                continue
            if any(_names(t, clause) for t in clause if t.tag_.startswith("V")):
                continue
            if any(t.text in READER_FORMS and not doc_view(t.doc).at_sentence_start(t.i) for t in clause):
                continue  # "was man von Ihnen erwarten kann": "man" is someone else than the reader
            yield _hit(
                [token],
                "„man“ lässt offen, wer gemeint ist: Sie oder wir?",
                "" if in_letter(token.doc) else _you_instead([token], clause),
            )

    # -- "Es wird gebeten" ----------------------------------------------------------------
    def _formula(self, clause: list[Token]):
        werden = next((t for t in clause if t.lower_ in THIRD_SINGULAR_WERDEN and t.tag_ == "VAFIN"), None)
        if werden is None:
            return
        participle = next(
            (t for t in clause if t.tag_ == "VVPP" and t.lemma_.lower() in FORMULA_VERBS and t.i > werden.i), None
        )
        if participle is None:
            return
        if any(t.tag_ in {"PPER", "PRF"} and t.lower_ in SUBJECT_PRONOUNS for t in clause):
            return
        if _bare_nouns(clause):
            return
        start = werden
        es = next((t for t in clause if t.lower_ == "es" and t.tag_ == "PPER" and t.i < werden.i), None)
        if es is not None and es.i == werden.i - 1:
            start = es
        span = [t for t in clause if start.i <= t.i <= participle.i]
        written = short_text(werden.doc, start.i, participle.i + 1, 3)
        active = _we_ask(clause, werden, participle) or _please(werden, participle)
        active = quote(active) if active else FORMULA_VERBS[participle.lemma_.lower()]
        yield _hit(
            span,
            "der Satz nennt nicht, wer handelt, obwohl die Behörde selbst schreibt.",
            f"{active} statt {quote(written)}" if active else "",
        )

    # -- reader and authority in the third person -------------------------------------------
    def _third_person(self, clause: list[Token]):
        for phrase in _noun_phrases(clause):
            head = phrase[-1]
            if self._reader(head) and _subject(phrase, clause, reader=True):
                yield _hit(
                    phrase,
                    "der Brief spricht von der Leserin oder dem Leser in der dritten Person.",
                    _you_instead(phrase, clause),
                )
            elif _authority(head):
                before = clause[clause.index(phrase[0]) - 1] if clause.index(phrase[0]) > 0 else None
                agent = before is not None and before.lower_ in AGENT_PREPOSITIONS and before.tag_.startswith("APPR")
                marked = _own_marker(phrase)
                seitens_behoerde = agent and before.lower_ == "seitens" and head.lemma_.lower().endswith("behörde")
                if (marked and (agent or _subject(phrase, clause, reader=False))) or seitens_behoerde:
                    span = [before] + phrase if agent else phrase
                    # an agent ("seitens der hiesigen Behörde", "von unserer Behörde") stands in a passive
                    # or after a noun: "wir" in its place breaks the sentence ("werden wir … gerichtet"),
                    # the sentence needs the active, which the passiv finding's advice gives
                    yield _hit(
                        span,
                        "die Behörde schreibt von sich in der dritten Person.",
                        "" if agent else f"„wir“ oder „uns“ statt {quote(' '.join(t.text for t in span))}",
                    )

    def _reader(self, token: Token) -> bool:
        if token.tag_ not in NOUNS:
            return False
        lemma = token.lemma_ or token.text
        if self.reader_nouns and _is_reader_noun(token.text, lemma, self.reader_nouns):
            return True
        # "die Betroffenen" is the reader only where a letter names its addressee so; on a page
        # about an illness or addiction they are other people, and "Sie" would make the reader one
        return bool(self.letter_only_nouns) and _is_reader_noun(token.text, lemma, self.letter_only_nouns) and \
            in_letter(token.doc)


@lru_cache(maxsize=50_000)
def _is_reader_noun(text: str, lemma: str, reader_nouns: tuple[str, ...]) -> bool:
    """The form without a gender suffix ("Antragsteller:innen") or the lemma ends in a reader noun.

    Memoised: a regex and a long tuple of endings per noun, and nouns repeat.
    """
    base = GENDER_SUFFIX.sub("", text).lower()
    return any(word.endswith(reader_nouns) for word in (base, lemma.lower()))


def _noun_phrases(clause: list[Token]) -> list[list[Token]]:
    """Determiner (ART, PPOSAT) + adjectives + noun, or a bare noun, in clause order."""
    phrases = []
    for position, token in enumerate(clause):
        if token.tag_ not in NOUNS:
            continue
        start = position
        while start > 0 and clause[start - 1].tag_ in ATTRIBUTES:
            start -= 1
        if start > 0 and clause[start - 1].tag_ in {"ART", "PPOSAT"}:
            start -= 1
        phrases.append(clause[start : position + 1])
    return phrases


def _subject(phrase: list[Token], clause: list[Token], reader: bool) -> bool:
    """The noun phrase is the subject of its clause (positions in the module doc).

    The article must fit the nominative: "der" for a masculine reader noun,
    "die" for a feminine one or a plural; authority nouns are feminine
    (-behörde, -stelle, -verwaltung) or neuter (-amt), so "der hiesigen
    Behörde" is a dative or genitive, never the subject.
    """
    first = phrase[0]
    head = phrase[-1]
    determiner = first.lower_ if first.tag_ in {"ART", "PPOSAT"} else None
    feminine_or_plural = head.text.endswith(("in", "innen", "Innen")) or not reader
    nominative = {"die", "unsere"} if feminine_or_plural else {"der", "die"}
    if not reader:
        nominative |= {"das", "unser"}  # "das Bundesamt", "unser Amt"
    if determiner is not None and determiner not in nominative:
        return False
    index = clause.index(first)
    after = clause[clause.index(head) + 1] if clause.index(head) + 1 < len(clause) else None
    leading = clause[:index]
    if all(t.tag_ in {"KON", "ADV"} for t in leading) and after is not None and after.tag_ in FINITE:
        return True  # "Der Antragsteller hat ..."
    if leading and leading[-1].tag_ in SUBORDINATE_OPENERS and all(
        t.tag_ in SUBORDINATE_OPENERS | {"KON", "ADV", "APPR"} for t in leading
    ):
        return leading[-1].tag_ == "KOUS"  # "dass die Antragstellerin ..."
    if leading and leading[-1].tag_ in FINITE:
        if any(t.tag_ in {"PPER", "PRF"} and t.lower_ in SUBJECT_PRONOUNS for t in clause):
            return False
        if determiner is None:
            return reader and head.text.endswith(("innen", "Innen", "er", "en", "e"))  # bare plural
        # after the verb "die" can be an accusative ("Wir bitten die Antragstellerin"): only "der"
        # with a masculine reader noun, or an authority with its own-marker, counts there
        return (reader and determiner == "der") or not reader
    return False


def _authority(token: Token) -> bool:
    return token.tag_ in NOUNS and (token.lemma_ or token.text).lower().endswith(AUTHORITY_ENDINGS)


def _own_marker(phrase: list[Token]) -> bool:
    for token in phrase:
        if token.tag_ == "ADJA" and (token.lemma_ or token.text).lower() in OWN_MARKERS:
            return True
        if token.tag_ == "PPOSAT" and token.lower_.startswith("unser"):
            return True
    return False


def _bare_nouns(clause: list[Token]) -> bool:
    """A noun outside a prepositional phrase: the clause has a subject of its own."""
    in_phrase = False
    for token in clause:
        if token.tag_ in {"APPR", "APPRART", "APPO", "KOKOM"}:
            in_phrase = True
            continue
        if token.tag_ in NOUNS and not in_phrase and token.text != "§":
            return True
        if token.tag_ not in {"ART", "PPOSAT", "PIAT", "PDAT", "ADJA", "CARD", "ADV", "NN", "NE", "XY"}:
            in_phrase = False  # a prepositional phrase runs over its nouns ("gemäß § 82 Abs. 1 AufenthG")
    return False


def _names(verb: Token, clause: list[Token]) -> bool:
    """``verb`` names or defines something ("nennt man", "versteht man unter", "spricht man von")."""
    lemma = verb.lemma_.lower()
    if lemma not in NAMING_VERBS:
        return False
    needed = NAMING_VERBS[lemma]
    return needed is None or any(t.lower_ in needed for t in clause)


def _you_instead(phrase: list[Token], clause: list[Token]) -> str:
    """„Sie müssen …“ statt „Die Antragstellerin muss …“: the reader noun phrase (or "man") and the
    finite verb next to it, with the verb in the form for "Sie" („sind Sie …“ statt „sind
    Bewerber:innen …“, „können Sie …“ statt „kann man …“); "" when no finite verb stands next to it
    or its form is not known.  For "man" only outside a letter: in a letter "man" may be the office
    as well as the reader, and offering both was judged generic."""
    start, end = clause.index(phrase[0]), clause.index(phrase[-1])
    written = " ".join(t.text for t in phrase)
    if end + 1 < len(clause) and clause[end + 1].tag_ in FINITE:
        verb = _sie_form(clause[end + 1])
        return f"„Sie {verb} …“ statt {quote(f'{written} {clause[end + 1].text} …')}" if verb else ""
    if start > 0 and clause[start - 1].tag_ in FINITE:
        verb = _sie_form(clause[start - 1])
        return f"„{verb} Sie …“ statt {quote(f'{clause[start - 1].text} {written} …')}" if verb else ""
    return ""


def _sie_form(finite: Token) -> str:
    """The form of a finite verb for "Sie" ("muss" -> "müssen", "hatte" -> "hatten"), or ""."""
    forms = verb_forms(finite.lemma_.lower())
    if forms is None:
        return ""
    word = finite.lower_
    for tense in (forms.present, forms.preterite):
        if word in (tense[THIRD_SINGULAR], tense[THIRD_PLURAL]):
            return tense[THIRD_PLURAL]
    return ""


def _we_ask(clause: list[Token], werden: Token, participle: Token) -> str:
    """„bitten wir Sie um eine schriftliche Erklärung“ for „wird um eine schriftliche Erklärung gebeten“.

    Only "bitten" with its "um" phrase right after "werden" and nothing else before the participle;
    the words before "werden" stay ("Hiermit bitten wir Sie …"), "es" is dropped, and "wurde"
    becomes "haben … gebeten"; "" when the clause is another shape."""
    if participle.lemma_.lower() != "bitten":
        return ""
    position = clause.index(werden)
    middle = clause[position + 1 : clause.index(participle)]
    if not middle or middle[0].lower_ != "um" or any(t.text in {"Sie", "Ihnen"} or t.tag_ in FINITE for t in middle):
        return ""
    before = [t for t in clause[:position] if not (t.lower_ == "es" and t.tag_ == "PPER")]
    if any(t.tag_ in SUBORDINATE_OPENERS or t.tag_ == "KON" for t in before):
        return ""  # "…, dass um … gebeten wird": the verb stands last
    phrase = " ".join(t.text for t in middle)
    past = werden.lower_ == "wurde"
    verb, end = ("haben", " gebeten") if past else ("bitten", "")
    if before:
        lead = " ".join(t.text for t in before)
        return f"{lead} {verb} wir Sie {phrase}{end}"
    if doc_view(werden.doc).at_sentence_start(clause[0].i):
        return f"Wir {verb} Sie {phrase}{end}"
    return f"{verb} wir Sie {phrase}{end}"  # the clause after a subordinate one: verb first


def _please(werden: Token, participle: Token) -> str:
    """„Bitte bringen Sie die Unterlagen mit“ for „Es wird gebeten, die Unterlagen mitzubringen.“

    Only "gebeten" followed by a comma and one zu-infinitive that ends the sentence or comes right
    before the next comma („…, einzufinden, da …“: the clause after it stays), without a conjunction
    or another verb in it; a separable verb's particle goes to the end."""
    if participle.lemma_.lower() not in {"bitten", "ersuchen", "auffordern"} or werden.lower_ != "wird":
        return ""
    view = doc_view(participle.doc)
    sentence = view.sentence_of(participle.i)
    rest = [t for t in view.non_space(sentence) if t.i > participle.i]
    if len(rest) < 3 or rest[0].text != ",":
        return ""
    end = next((p for p, t in enumerate(rest[1:], start=1) if t.text in {",", ";", ".", "!"}), None)
    if end is None or (rest[end].text == "," and end + 1 < len(rest) and rest[end + 1].tag_ not in {"KOUS", "PRELS"}):
        return ""  # a second infinitive after the comma ("…, auszufüllen, zu unterschreiben …")
    words = rest[1:end]
    verbs = [t for t in words if t.tag_.startswith("V")]
    if len(verbs) != 1 or verbs[0] is not words[-1] or any(t.tag_ in {"KON", "$,", "KOUI"} for t in words):
        return ""
    verb = verbs[0]
    objects = words[:-1]
    if verb.tag_ == "VVINF" and objects and objects[-1].tag_ == "PTKZU":
        stem, particle, objects = verb.lower_, "", objects[:-1]
    elif verb.tag_ == "VVIZU":
        split = next(((p, verb.lower_[len(p) + 2 :]) for p in SEPARABLE_PARTICLES
                      if verb.lower_.startswith(p + "zu") and len(verb.lower_) > len(p) + 4), None)
        if split is None:
            return ""
        particle, stem = split
    else:
        return ""
    if any(t.text in {"Sie", "Ihnen"} for t in objects):
        return ""
    return " ".join(["Bitte", stem, "Sie", *(t.text for t in objects), particle]).strip()


def _hit(span: list[Token], problem: str, example: str) -> Hit:
    """``example`` "": nothing concrete fits, the finding keeps its message without suggestion."""
    doc = span[0].doc
    start, end = span[0].i, span[-1].i + 1
    values = {"text": short_text(doc, start, end), "problem": problem, "example": example}
    return Hit(start=start, end=end, values=values, suggest=bool(example))


def short_text(doc: Doc, start: int, end: int, limit: int = 5) -> str:
    """The covered words, or first … last where the span is long ("wäre … vorzulegen")."""
    if end - start <= limit + 1:
        return doc[start:end].text
    return f"{doc[start].text} … {doc[end - 1].text}"
