"""Kind ``subjunctive``: Konjunktiv II forms that blur what a letter says.

The tagger gives no mood, so the Konjunktiv II comes from word forms: the
forms of *sein*, *haben*, *werden* and the modal verbs with umlaut ("wäre",
"hätte", "würde", "könnte", "müsste", "dürfte") differ from the past tense
("war", "hatte", "wurde", "konnte", "musste", "durfte") and are tagged as
finite verbs (VAFIN, VMFIN).  "sollte" is also the past tense of *sollen*,
so it counts only in the conditional positions below.  "möchte" is everyday
polite German and is never flagged.

Flagged, one finding per clause (:func:`einfach.nlp.syntax.clauses`):

* **"Sollten Sie ..."**: "sollte(n)" opening a clause that is not a question
  ("Sollten Sie Fragen haben, ..." -> "Wenn Sie Fragen haben, ..."), unless
  a subordinate or zu-infinitive clause comes right before it: then it is
  the main clause's verb and a recommendation ("Wenn Sie gründen wollen,
  sollten Sie vorher überlegen, ...");
* **"..., falls Sie Fragen haben sollten"**: "sollte(n)" as the last verb
  of a clause opened by "wenn", "falls", "sofern" or "soweit";
* **polite questions**: "Könnten Sie", "Würden Sie", "Wären Sie", "Hätten
  Sie", "Dürfte(n) ..." opening a clause, followed by "Sie", in a question,
  with "bitte" or with "so freundlich" ("Hätten Sie den Antrag früher
  gestellt, wäre ..." is a condition and stays quiet);
* **"würde" + infinitive** in a main clause ("Wir würden Sie bitten ...")
  of a sentence without a real condition ("wenn", "falls", "sofern",
  "soweit", "sonst", "andernfalls") and without a contrast ("aber",
  "leider": "Wir würden gern helfen, aber ..." is a real counterfactual);
* **"wäre"/"hätte" + zu-infinitive** ("Es wäre zu beachten"), and "wäre"
  with "dankbar", "verbunden", "froh" or "so freundlich/nett" ("Wir wären
  Ihnen dankbar, wenn ...");
* **"müsste"/"dürfte"** in a main clause of a sentence without a real
  condition or contrast ("Sie müssten noch den Pass vorlegen", "Das dürfte bekannt
  sein").

**Reported speech** (``reported_speech``, on in the default profile): the
first finite verb of the clause right after a clause with a verb of saying
(not a relative clause)
(``speech_verbs``: "Sie gaben an, Sie seien arbeitslos", "Ihr Arbeitgeber
teilte mit, Sie hätten gekündigt") when it is a Konjunktiv I form (the
detection of the kind ``indirect_speech``, shared) or a Konjunktiv II form of
*haben*, *sein*, *werden* or a modal verb standing in for it.  The advice is
direct speech ("Sie haben uns gesagt: ...") or the indicative.  The profile
``leicht`` turns this off: its rule ``indirekte-rede`` reports these forms.

Real conditionals ("Wenn wir jetzt entscheiden müssten, müssten wir Ihren
Antrag ablehnen") and "könnte"/"wäre"/"hätte" in statements ("Das könnte
teuer werden") stay quiet, unless ``strict`` is on (the profile ``leicht``):
then every Konjunktiv II form except "möchte" and the past-tense "sollte" is
flagged, because Leichte Sprache avoids the Konjunktiv altogether.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span, Token

from ...nlp.syntax import clauses, lemma_of, particle_verbs
from ...nlp.view import doc_view
from .base import Hit, quote
from .impersonal import short_text
from .indirect_speech import fixed_phrase, konjunktiv1
from .verbforms import THIRD_PLURAL, THIRD_SINGULAR, verb_forms
from .wordinfo import SEPARABLE_PARTICLES

SEIN = {"wäre", "wären", "wärst", "wärt", "wäret", "wärest"}
HABEN = {"hätte", "hätten", "hättest", "hättet"}
WERDEN = {"würde", "würden", "würdest", "würdet"}
KOENNEN = {"könnte", "könnten", "könntest", "könntet"}
MUESSEN = {"müsste", "müssten", "müsstest", "müsstet", "müßte", "müßten"}
DUERFEN = {"dürfte", "dürften", "dürftest", "dürftet"}
SOLLEN = {"sollte", "sollten"}
KONJUNKTIV_II = SEIN | HABEN | WERDEN | KOENNEN | MUESSEN | DUERFEN
POLITE_OPENERS = KOENNEN | WERDEN | SEIN | HABEN | DUERFEN
CONDITIONAL_CONJUNCTIONS = {"wenn", "falls", "sofern", "soweit"}
CONDITION_WORDS = CONDITIONAL_CONJUNCTIONS | {"sonst", "andernfalls", "ansonsten"}
HEDGE_ADJECTIVES = {"dankbar", "verbunden", "froh"}
CONTRAST_WORDS = {"aber", "doch", "jedoch", "leider", "allerdings"}
INFINITIVES = {"VVINF", "VAINF", "VMINF"}
SUBORDINATE_OPENERS = {"KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT", "KOUI"}
# (problem, positive) for each pattern; "wuerde" and "modal" build their positive from the sentence.
TEXTS = {
    "sollten_sie": ("„Sollten Sie …“ klingt umständlich und unsicher.", "„Wenn Sie …“ statt „Sollten Sie …“"),
    "falls_sollten": (
        "„sollte“ macht die Bedingung unsicher, ohne etwas zu sagen.",
        "die Bedingung ohne „sollte“, zum Beispiel „falls Sie Fragen haben“ statt „falls Sie Fragen haben sollten“",
    ),
    "polite_question": (
        "eine höfliche Frage im Konjunktiv sagt nicht klar, was die Leserin oder der Leser tun soll.",
        "„Bitte …“ – zum Beispiel „Bitte schicken Sie uns …“",
    ),
    "wuerde": ("„würde“ macht die Aussage unsicher und den Satz länger.", ""),
    "waere_zu": (
        "der Konjunktiv lässt offen, ob und wer etwas tun muss.",
        "„Bitte beachten Sie …“ oder „Sie müssen …“",
    ),
    "waere_dankbar": (
        "„wäre … dankbar“ ist eine umständliche Bitte.",
        "„Bitte …“ statt „Wir wären Ihnen dankbar, wenn Sie …“",
    ),
    "modal": ("der Konjunktiv macht unklar, ob etwas gilt oder nur vielleicht gilt.", ""),
    "reported": (
        "indirekte Rede im Konjunktiv ist schwer zu lesen und klingt, als zweifle das Amt an der Aussage.",
        "",
    ),
    "strict": (
        "in Leichter Sprache steht kein Konjunktiv.",
        "die Wirklichkeitsform, zum Beispiel „ist“ statt „wäre“, „kann“ statt „könnte“",
    ),
}
PRESENT = {
    "müssen": {"Sie": "müssen", "wir": "müssen", "ich": "muss"},
    "können": {"Sie": "können", "wir": "können", "ich": "kann"},
}


class Subjunctive:
    parameters = {"strict", "reported_speech", "speech_verbs"}
    values = {"text", "problem", "positive"}

    def __init__(self, parameters: dict):
        self.strict = bool(parameters.get("strict", False))
        self.reported_speech = bool(parameters.get("reported_speech", False))
        self.speech_verbs = {str(v).lower() for v in parameters.get("speech_verbs") or []}

    def find(self, doc: Doc):
        view = doc_view(doc)
        for sentence in view.sents:
            lower = view.lower[sentence.start : sentence.end]
            reported = self._reported(sentence) if self.reported_speech else {}
            if not reported and not any(form in SOLLEN or form in KONJUNKTIV_II for form in lower):
                continue  # every pattern below needs a form of "sollte" or a Konjunktiv II form
            question = "?" in view.text[sentence.start : sentence.end]
            conditional = any(form in CONDITION_WORDS for form in lower)
            # "Wir würden gern helfen, aber ...": a real counterfactual, not a hedge
            contrast = any(form in CONTRAST_WORDS for form in lower)
            previous: list[Token] | None = None
            for number, clause in enumerate(clauses(sentence)):
                hit = reported.get(number) or self._in_clause(
                    clause, sentence, question, conditional or contrast, _subordinate(previous))
                if hit is not None:
                    yield hit
                previous = clause

    def _reported(self, sentence: Span) -> dict[int, Hit]:
        """Findings for clauses in reported speech, by the clause's number in the sentence."""
        joined = particle_verbs(sentence)
        speaker: str | None = None
        found: dict[int, Hit] = {}
        for number, clause in enumerate(clauses(sentence)):
            if speaker is not None and clause[0].tag_ not in {"PRELS", "PRELAT", "PWS", "PWAV"}:
                hit = _reported_clause(clause, joined, speaker)
                if hit is not None:
                    found[number] = hit
            speaker = None  # only the clause right after the verb of saying ("..., Gründe, die ... würden" is none)
            verb = next((t for t in clause if t.tag_ in {"VVFIN", "VVPP"} and lemma_of(t, joined).lower() in self.speech_verbs), None)
            if verb is not None:
                speaker = _speaker(clause, verb)
        return found

    def _in_clause(
        self, clause: list[Token], sentence: Span, question: bool, conditional: bool, after_subordinate: bool = False
    ) -> Hit | None:
        first = clause[0]
        following = clause[1] if len(clause) > 1 else None
        finite = [t for t in clause if t.tag_ in {"VAFIN", "VMFIN"}]
        main = first.tag_ not in SUBORDINATE_OPENERS
        # "Sollten Sie Fragen haben, ..."
        # (after a subordinate clause "sollten Sie" is the main clause's verb: "Wenn Sie gründen wollen,
        # sollten Sie vorher überlegen, ..." is a recommendation, no condition)
        if first.lower_ in SOLLEN and first.tag_ == "VMFIN" and not question and not after_subordinate:
            span = [first, following] if following is not None and following.tag_ == "PPER" else [first]
            return _hit(span, *TEXTS["sollten_sie"])
        # "..., falls Sie Fragen haben sollten"
        if first.lower_ in CONDITIONAL_CONJUNCTIONS and first.tag_ == "KOUS":
            last_verb = next((t for t in reversed(clause) if t.tag_.startswith("V")), None)
            if last_verb is not None and last_verb.lower_ in SOLLEN and last_verb.tag_ == "VMFIN":
                return _hit([last_verb], *TEXTS["falls_sollten"])
        # "Könnten Sie ...?", "Wären Sie so freundlich, ..."
        polite = question or _hedge(clause) is not None or any(t.lower_ == "bitte" for t in clause)
        opens_request = first.lower_ in POLITE_OPENERS and first.tag_ in {"VAFIN", "VMFIN"}
        if opens_request and following is not None and following.text == "Sie" and polite:
            return _hit([first, following], *TEXTS["polite_question"])
        for verb in finite:
            form = verb.lower_
            if form in WERDEN and main and not conditional:
                infinitive = _bare_infinitive(clause, verb)
                if infinitive is not None:
                    span = _between(clause, verb, infinitive) or [verb, infinitive]
                    return _hit(span, TEXTS["wuerde"][0], _indicative(clause, verb, infinitive))
            if form in SEIN | HABEN:
                infinitive = _zu_infinitive(clause, verb)
                if infinitive is not None:
                    return _hit(_between(clause, verb, infinitive), *TEXTS["waere_zu"])
                hedge = _hedge(clause) if form in SEIN else None
                # only "wären Ihnen dankbar": in "..., die mit Kosten verbunden wäre" the verb comes
                # last and "verbunden" is no polite phrase
                if hedge is not None and hedge.i > verb.i:
                    return _hit(_between(clause, verb, hedge), *TEXTS["waere_dankbar"])
            if form in MUESSEN | DUERFEN and main and not conditional:
                return _hit([verb], TEXTS["modal"][0], _modal_indicative(clause, verb))
        if self.strict:
            for verb in finite:
                if verb.lower_ in KONJUNKTIV_II:
                    return _hit([verb], *TEXTS["strict"])
        return None


def _speaker(clause: list[Token], verb: Token) -> str:
    """"Ihr Arbeitgeber hat" for "Ihr Arbeitgeber teilte mit": the speaker before the verb of saying, if short."""
    before = [t for t in clause if t.i < verb.i]
    if 0 < len(before) <= 4 and (before[-1].tag_ in {"NN", "NE"} or [t.text for t in before] == ["Sie"]):
        words = " ".join(t.text for t in before)
        return f"{words[:1].upper()}{words[1:]} {'haben' if verb.lower_.endswith('n') else 'hat'}"
    return "Sie haben"


def _reported_clause(clause: list[Token], joined: dict[int, str], speaker: str) -> Hit | None:
    """The first finite verb of a clause in reported speech, if it is a Konjunktiv I or II form."""
    first_person = any(t.lower_ == "ich" for t in clause)
    for position, token in enumerate(clause):
        if token.tag_ not in {"VVFIN", "VAFIN", "VMFIN"}:
            continue
        if fixed_phrase(clause, position):
            return None
        indicative = konjunktiv1(token, joined, first_person, position)
        if indicative is None and token.lower_ in KONJUNKTIV_II and token.tag_ != "VVFIN":
            forms = verb_forms(token.lemma_.lower())
            person = THIRD_PLURAL if token.lower_.endswith("n") else THIRD_SINGULAR
            indicative = forms.present[person] if forms is not None else None
        if indicative is None:
            return None
        positive = f"{quote(speaker + ' uns gesagt: …')} oder {quote(indicative)} statt {quote(token.text)}"
        return _hit([token], TEXTS["reported"][0], positive)
    return None


def _bare_infinitive(clause: list[Token], verb: Token) -> Token | None:
    """An infinitive after "würde" that is not a zu-infinitive and not a passive ("angedroht werden")."""
    words = [t for t in clause if not t.is_punct]
    for token in clause:
        if token.i <= verb.i:
            continue
        # a verb-final form equal to its lemma is an infinitive the tagger read as plural ("ablehnen")
        final_infinitive = token.tag_ == "VVFIN" and token is words[-1] and token.lower_ == token.lemma_.lower()
        if token.tag_ not in INFINITIVES and not final_infinitive:
            continue
        previous = token.doc[token.i - 1]
        if previous.tag_ == "PTKZU":
            continue
        if token.lemma_.lower() == "werden" and previous.tag_ == "VVPP":
            return None
        return token
    return None


def _zu_infinitive(clause: list[Token], verb: Token) -> Token | None:
    """"wäre zu beachten", "hätten ... vorzulegen"."""
    for token in clause:
        if token.i <= verb.i:
            continue
        if token.tag_ == "VVIZU" or (token.tag_ in INFINITIVES and token.doc[token.i - 1].tag_ == "PTKZU"):
            return token
    return None


def _subordinate(clause: list[Token] | None) -> bool:
    """A subordinate clause ("wenn …", "bevor …", "die …"; or more than two words with all verbs
    at the end: "Damit alle Interessen gewahrt bleiben", whose "Damit" the tagger reads as an adverb)
    or a zu-infinitive ("… zu gründen")."""
    if not clause:
        return False
    words = [t for t in clause if not t.is_punct]
    if not words:
        return False
    verbs = [n for n, t in enumerate(words) if t.tag_.startswith("V")]
    # every verb at the end, none in second place: "Damit alle Interessen gewahrt bleiben"
    verb_final = len(words) > 2 and bool(verbs) and verbs[0] > 1 and verbs == list(range(verbs[0], len(words)))
    return (words[0].tag_ in SUBORDINATE_OPENERS or verb_final
            or any(t.tag_ in {"VVIZU", "PTKZU"} for t in words))


def _hedge(clause: list[Token]) -> Token | None:
    """"dankbar", "verbunden", "froh", "so freundlich", "so nett" in the clause."""
    for position, token in enumerate(clause):
        if token.lower_ in HEDGE_ADJECTIVES:
            return token
        if token.lower_ in {"freundlich", "nett"} and position and clause[position - 1].lower_ == "so":
            return token
    return None


def _between(clause: list[Token], first: Token, last: Token) -> list[Token]:
    """The clause's tokens from ``first`` to ``last``, in either order (verb-final clauses)."""
    low, high = sorted((first.i, last.i))
    return [t for t in clause if low <= t.i <= high]


def _subject(clause: list[Token], verb: Token) -> str | None:
    for token in clause:
        if token.tag_ == "PPER" and abs(token.i - verb.i) <= 2 and token.text in {"wir", "Wir", "Sie", "ich", "Ich"}:
            return "Sie" if token.text == "Sie" else token.text.lower()
    return None


def _indicative(clause: list[Token], verb: Token, infinitive: Token) -> str:
    lemma = infinitive.lemma_.lower()
    subject = _subject(clause, verb)
    if lemma == "bitten":
        return "„Bitte …“ statt „Wir würden Sie bitten …“"
    if subject in {"wir", "Sie"}:
        capital = subject[:1].upper() + subject[1:]
        if any(t.lower_ in {"gern", "gerne"} for t in clause):
            return f"{quote(capital + ' möchten …')} statt {quote(capital + ' ' + verb.lower_ + ' gern …')}"
        own = {"wir": "uns", "Sie": "sich"}[subject]
        reflexive = own if any(t.lower_ == own and verb.i < t.i < infinitive.i for t in clause) else ""
        prefix, stem = _separable(infinitive.text.lower())
        present = " ".join(w for w in (capital, stem, reflexive, "…", prefix) if w)
        return f"{quote(present)} statt {quote(capital + ' ' + verb.lower_ + ' … ' + infinitive.text)}"
    return f"die Wirklichkeitsform von {quote(lemma)} statt {quote(verb.text + ' … ' + infinitive.text)}"


def _separable(infinitive: str) -> tuple[str, str]:
    """("an", "sehen") for "ansehen": a separable verb splits in a main clause."""
    for prefix in SEPARABLE_PARTICLES:
        if infinitive.startswith(prefix) and len(infinitive) > len(prefix) + 3:
            return prefix, infinitive[len(prefix):]
    return "", infinitive


def _modal_indicative(clause: list[Token], verb: Token) -> str:
    if verb.lower_ in MUESSEN:
        subject = _subject(clause, verb)
        form = PRESENT["müssen"].get(subject or "", "muss")
        return f"{quote(form)} statt {quote(verb.text)}, wenn es gilt"
    return f"eine klare Aussage statt {quote(verb.text)}: „ist“, „wird“ oder „ist wahrscheinlich“"


def _hit(span: list[Token], problem: str, positive: str) -> Hit:
    doc = span[0].doc
    start, end = min(t.i for t in span), max(t.i for t in span) + 1
    values = {"text": short_text(doc, start, end), "problem": problem, "positive": positive}
    return Hit(start=start, end=end, values=values)
