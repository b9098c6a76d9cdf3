"""Kind ``negation``: double negation and negated negatives.

Found per clause on STTS tags, lemmas and word forms (HanTa gives no
polarity for adjectives, so prefixes and short lists stand in for it):

* **negated negative adjectives** (litotes): "nicht" (PTKNEG), optionally
  with "ganz", "so", "völlig", "gerade" ..., or a singular form of "kein"
  ("kein unerheblicher Betrag"; "keine unvollständigen Angaben" is a ban, not
  a litote), before an adjective or participle whose lemma starts with "un-" or "miss-" and whose
  rest is itself an adjective: a known short adjective ("klar", "schön"), an
  adjective ending in -lich, -ig, -bar, -sam or -haft, a participle
  ("be-/ge-/er-/ver-/ent-...-t"), or a word from a short list of -isch
  adjectives ("unproblematisch").  Words whose rest is not the positive
  ("unbedingt", "ungefähr", "unverzüglich", "unmittelbar", "unterschiedlich")
  are excluded.  "nicht selten", "nicht gering", "nicht wenige" count too;
* **"nicht ohne"**, not before a word of the parameter ``fixed_ohne`` ("nicht ohne
  Weiteres" is a fixed phrase);
* **negated negative verbs**: a negation in the same clause as
  "ausschließen", "unterlassen", "versäumen", "bestreiten" ... ("ist nicht
  ausgeschlossen", "können wir nicht ausschließen");
* **two negation words in one clause**: "nicht"/"nie" with "kein",
  "niemand", "nichts", "nirgends" ..., or two different negative pronouns
  ("niemand ... nichts").  Clauses are split at commas and the like
  (:func:`einfach.nlp.syntax.clauses`) and also at coordinating and
  subordinating conjunctions, so "Sie haben keinen Pass und dürfen nicht
  reisen" and "Sie müssen nicht zahlen, wenn Sie kein Einkommen haben" stay
  quiet.  "ohne" counts only right after "nicht": "Ohne Pass ist eine
  Abschiebung nicht möglich" is a condition, not a double negation.  Two
  forms of "kein" ("keinen Pass, also keine Erlaubnis") and "weder ...
  noch" are not flagged.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

from ...nlp.syntax import clauses, lemma_of, particle_verbs
from ...nlp.view import DocView, doc_view
from .base import Hit, quote

NEGATION_PARTICLES = {"nicht", "nie", "niemals"}
NEGATIVE_PRONOUNS = {
    "kein", "keiner", "keine", "niemand", "nichts", "nirgends", "nirgendwo", "keinesfalls", "keineswegs",
}
INTENSIFIER_TAGS = {"ADV", "ADJD", "PTKA"}
INTENSIFIERS = {"ganz", "gerade", "so", "völlig", "eben", "gänzlich", "wirklich", "gar", "unbedingt", "durchaus"}
SPLITTING_TAGS = {"KON", "KOUS", "KOUI"}
SPLITTING_CONJUNCTIONS = {"und", "oder", "aber", "sondern", "denn", "doch", "jedoch", "sowie"}
ADJECTIVE_TAGS = {"ADJD", "ADJA", "VVPP", "ADV"}
# The rest after "un" is a plain adjective without a telling suffix.
SHORT_STEMS = {
    "klar", "schön", "gut", "fair", "wahr", "nett", "klug", "gleich", "genau", "sicher", "frei", "recht", "reif",
    "wohl", "gesund", "normal", "typisch", "üblich", "nötig", "wichtig", "bekannt", "echt", "ernst", "fern",
    "interessant", "angenehm", "passend", "elegant", "relevant", "kompliziert",
}
ISCH_ADJECTIVES = {
    "unproblematisch", "unrealistisch", "unpraktisch", "unlogisch", "untypisch", "unpolitisch", "unkritisch",
    "unsympathisch", "unbürokratisch", "unhygienisch", "unökonomisch", "unökologisch",
}
# "un-" words whose rest is not the positive (or whose negation is not a litote).
NOT_NEGATIVE = {
    "unbedingt", "ungefähr", "unverzüglich", "unmittelbar", "unentwegt", "unablässig", "ungeachtet",
    "unbeschadet", "unlängst", "unsäglich", "unzählig", "unbeirrt", "unendlich", "unheimlich", "ungemein",
    "unsagbar", "unermesslich", "unweigerlich", "unnötig", "unbegrenzt", "unversehens", "unwillkürlich",
    "ungeheuer", "unvermittelt", "unverhofft", "unbändig", "unentbehrlich",
}
SUFFIXES = ("lich", "ig", "bar", "sam", "haft")
PARTICIPLE = re.compile(r"^(be|ge|er|ver|ent|zer|an|auf|aus|ein|zu)\w{3,}(t|en|end)$")
LITOTES = {
    "selten": "oft", "gering": "hoch", "geringe": "hohe", "geringen": "hohen", "geringer": "hoher",
    "wenig": "viel", "wenige": "viele", "wenigen": "vielen",
}
NEGATIVE_VERBS = {
    "ausschließen": "„möglich“ oder „vielleicht“",
    "unterlassen": "„tun Sie …“",
    "versäumen": "„denken Sie an …“",
    "bestreiten": "„zugeben“ oder „stimmt“",
    "abstreiten": "„zugeben“ oder „stimmt“",
    "leugnen": "„zugeben“ oder „stimmt“",
    "verneinen": "„bejahen“ oder „stimmt“",
    "verkennen": "„sehen“ oder „wissen“",
}
KEIN_TO_EIN = {
    "kein": "ein", "keine": "eine", "keinen": "einen", "keinem": "einem", "keiner": "einer", "keines": "eines",
}
NEGATIVE_LEMMAS = {"niemand", "nichts", "kein"}
NEGATION_WORDS = NEGATION_PARTICLES | NEGATIVE_PRONOUNS | set(KEIN_TO_EIN)
NICHT_OHNE = ("„nicht ohne“ ist eine doppelte Verneinung.", "„nur mit …“ oder „mit …“ statt „nicht ohne …“")
GENERIC_POSITIVE = "nennen Sie direkt, was gilt, zum Beispiel „Alle müssen …“ statt „Niemand darf nicht …“"


class Negation:
    parameters = {"exceptions", "rewrite_adjectives", "no_swap", "fixed_ohne"}
    values = {"text", "problem", "positive"}

    def __init__(self, parameters: dict):
        self.exceptions = NOT_NEGATIVE | {w.lower() for w in parameters.get("exceptions") or []}
        self.no_swap = {w.lower() for w in parameters.get("no_swap") or []}
        # "nicht ohne Weiteres" is a fixed phrase ("not just like that"), no double negation
        self.fixed_ohne = {w.lower() for w in parameters.get("fixed_ohne") or []}

    def find(self, doc: Doc):
        view = doc_view(doc)
        for sentence in view.sents:
            if not _negated(view, sentence):
                continue
            joined = particle_verbs(sentence)
            for unit in _units(sentence):
                hit = self._in_unit(unit, joined)
                if hit is not None:
                    yield hit

    def _in_unit(self, unit: list[Token], joined: dict[int, str]) -> Hit | None:
        for position, token in enumerate(unit):
            lowered = token.lower_
            if lowered == "nicht" and position + 1 < len(unit) and unit[position + 1].lower_ == "ohne":
                if position + 2 < len(unit) and unit[position + 2].lower_ in self.fixed_ohne:
                    continue
                return _hit(unit[position : position + 2], *NICHT_OHNE)
            if lowered == "nicht" or _is_kein(token):
                target = self._litote(unit, position)
                if target is not None:
                    end, positive = target
                    span = unit[position : end + 1]
                    if (unit[end].lemma_ or unit[end].text).lower() not in self.no_swap:
                        positive = f"{quote(positive)} statt {quote(' '.join(t.text for t in span))}"
                    return _hit(
                        span,
                        "ein verneintes Wort mit „nicht“ oder „kein“ verneint – das muss man erst umdrehen.",
                        positive,
                    )
        negations = [t for t in unit if _negation_kind(t) is not None]
        if not negations:
            return None
        for token in unit:
            verb = lemma_of(token, joined)
            if token.tag_.startswith("V") and verb in NEGATIVE_VERBS:
                first = negations[0]
                span = [t for t in unit if min(first.i, token.i) <= t.i <= max(first.i, token.i)]
                positive = f"{NEGATIVE_VERBS[verb]} statt {quote(first.text + ' … ' + token.text)}"
                return _hit(span, "ein verneintes Verb, das selbst etwas Negatives sagt.", positive)
        if any(t.lower_ == "weder" for t in unit):
            return None
        particles = [t for t in negations if _negation_kind(t) == "particle"]
        pronouns = [t for t in negations if _negation_kind(t) == "pronoun"]
        pronoun_lemmas = {_pronoun_lemma(t) for t in pronouns}
        if (particles and pronouns) or len(pronoun_lemmas) >= 2:
            first, last = negations[0], negations[-1]
            span = [t for t in unit if first.i <= t.i <= last.i]
            return _hit(span, "zwei Verneinungen in einem Satzteil heben sich auf und verwirren.", GENERIC_POSITIVE)
        return None

    def _litote(self, unit: list[Token], position: int):
        """(index of the negated adjective, its positive) after "nicht"/"kein" at ``position``."""
        negation = unit[position]
        index = position + 1
        if negation.lower_ == "nicht":
            while index < len(unit) and unit[index].lower_ in INTENSIFIERS and unit[index].tag_ in INTENSIFIER_TAGS:
                index += 1
        if index >= len(unit):
            return None
        word = unit[index]
        if word.tag_ not in ADJECTIVE_TAGS:
            return None
        form = word.lower_
        if negation.lower_ == "nicht" and form in LITOTES:
            following = unit[index + 1] if index + 1 < len(unit) else None
            if following is not None and following.lower_ == "als":
                return None  # "nicht weniger als"
            return index, LITOTES[form]
        lemma = (word.lemma_ or word.text).lower()
        if not self._negative_adjective(lemma):
            return None
        if negation.lower_ in {"keine", "keiner"} and (negation.lower_ == "keiner" or form.endswith("en")):
            return None  # plural ("keine unvollständigen Angaben"): a ban, not a litote
        if _negates_the_clause(unit, position, index):
            return None
        prefix = 4 if lemma.startswith("miss") else 2
        positive = word.text[prefix:]
        if lemma in self.no_swap:
            # "nicht unverhältnismäßig beeinträchtigt" is not "verhältnismäßig (= ziemlich) beeinträchtigt"
            return index, f"nennen Sie direkt, was gilt – {quote(positive.lower())} allein heißt etwas anderes"
        if negation.lower_ != "nicht":
            positive = f"{KEIN_TO_EIN.get(negation.lower_, 'ein')} {positive}"
        return index, positive

    def _negative_adjective(self, lemma: str) -> bool:
        if lemma in self.exceptions or lemma.startswith(("unter", "univers", "uniform", "unison", "union")):
            return False
        if lemma.startswith("miss"):
            stem = lemma[4:]
            return len(stem) > 4 and stem.endswith(SUFFIXES)
        if not lemma.startswith("un") or len(lemma) < 5:
            return False
        stem = lemma[2:]
        if lemma in ISCH_ADJECTIVES or stem in SHORT_STEMS:
            return True
        if len(stem) > 4 and stem.endswith(SUFFIXES):
            return True
        return bool(PARTICIPLE.match(stem))


DETERMINER_TAGS = {"ART", "PIAT", "PIS", "PPOSAT", "PDAT", "APPRART", "APPR"}


def _negates_the_clause(unit: list[Token], position: int, index: int) -> bool:
    """"nicht" before a noun phrase without a determiner whose un-participle only modifies the
    next adjective: "damit nicht ungewollt hohe Kosten entstehen" negates "entstehen" (= "damit
    keine … entstehen"), not "ungewollt".  A participle grades nothing, so "nicht" does not belong
    to it; a degree word stays a litote ("nicht unerheblich hohe Kosten", "eine nicht
    unerheblich hohe Gebühr")."""
    word = unit[index]
    if unit[position].lower_ != "nicht" or word.tag_ != "ADJD" or index + 1 >= len(unit):
        return False
    lemma = (word.lemma_ or word.text).lower()
    if not (lemma.startswith("un") and PARTICIPLE.match(lemma[2:])):
        return False
    if unit[index + 1].tag_ != "ADJA":
        return False
    return position == 0 or unit[position - 1].tag_ not in DETERMINER_TAGS


def _negated(view: DocView, sentence) -> bool:
    """The sentence has a word that may negate: every pattern starts from one (most sentences have none).

    It covers :func:`_negation_kind` and :func:`_is_kein` and "nicht"; "may", because the tags are
    not checked here.
    """
    return any(
        view.lower[i] in NEGATION_WORDS or view.key[i] in NEGATIVE_LEMMAS for i in range(sentence.start, sentence.end)
    )


def _is_kein(token: Token) -> bool:
    return token.lower_ in KEIN_TO_EIN and token.tag_ in {"PIAT", "PIDAT", "ART", "DET"}


def _negation_kind(token: Token) -> str | None:
    lowered = token.lower_
    if lowered in NEGATION_PARTICLES and token.tag_ in {"PTKNEG", "ADV"}:
        return "particle"
    lemma = (token.lemma_ or "").lower()
    if lowered in KEIN_TO_EIN or lowered in NEGATIVE_PRONOUNS or lemma in NEGATIVE_LEMMAS:
        if token.tag_ in {"PIAT", "PIS", "PIDAT", "ADV", "PTKNEG", "NN"} or lowered in NEGATIVE_PRONOUNS:
            return "pronoun"
    return None


def _pronoun_lemma(token: Token) -> str:
    lowered = token.lower_
    if lowered.startswith("kein"):
        return "kein"
    if lowered.startswith("niemand"):
        return "niemand"
    return lowered


def _units(sentence) -> list[list[Token]]:
    """Clauses, split further before coordinating and subordinating conjunctions."""
    result = []
    for clause in clauses(sentence):
        current: list[Token] = []
        for token in clause:
            splits = token.tag_ in {"KOUS", "KOUI"} or (token.tag_ == "KON" and token.lower_ in SPLITTING_CONJUNCTIONS)
            if splits and current:
                result.append(current)
                current = []
            current.append(token)
        if current:
            result.append(current)
    return result


def _hit(span: list[Token], problem: str, positive: str) -> Hit:
    doc = span[0].doc
    start, end = span[0].i, span[-1].i + 1
    return Hit(start=start, end=end, values={"text": doc[start:end].text, "problem": problem, "positive": positive})
