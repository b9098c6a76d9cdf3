"""Kind ``passive``: Vorgangspassiv, impersonal passive, sein + zu-infinitive, Rezipientenpassiv.

The passives are found by :mod:`einfach.nlp.passive` (analysis shared with the
readability counts); this kind turns each match into a finding whose
suggestion builds an active sentence skeleton with the agent named in the
sentence ("von Ihnen" -> "Sie", "von Ihrem Arbeitgeber" -> "Ihr Arbeitgeber") or,
in an authority's letter, "wir". Without a named agent the skeleton uses the actor of the rule's verb
lists (``authority_verbs``: "wir", ``reader_verbs``: "Sie"), and, as for the rewrites, only in a letter
(a document with one of ``letter_markers``: an information page that explains a procedure does not
say who acts); otherwise, and for any other verb, the actor is unclear and the finding has no
suggestion (its message says that nobody is named). When a third party is named, only that actor is
offered (never "wir" or "Sie"); so when "seitens ..." names someone other than the writing office
("seitens der Bank"; "seitens der hiesigen Behörde" is "wir"). A Rezipientenpassiv ("Sie bekommen den Bescheid
zugeschickt") turns the receiver into the dative: "Wir schicken Ihnen … zu."
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

from ...nlp.syntax import clauses
from ...nlp.passive import PAST_FORMS, RECIPIENT, WERDEN, PassiveMatch, attributive, find_passives
from .base import Hit, document_text, quote, spans_only
from .verbforms import FIRST_SINGULAR, THIRD_SINGULAR, verb_forms
from .wordinfo import SEPARABLE_PARTICLES

MODAL_FORMS = {
    "können": {"Sie": "können", "wir": "können", "ich": "kann", "3sg": "kann", "du": "kannst", "ihr": "könnt"},
    "müssen": {"Sie": "müssen", "wir": "müssen", "ich": "muss", "3sg": "muss", "du": "musst", "ihr": "müsst"},
    "dürfen": {"Sie": "dürfen", "wir": "dürfen", "ich": "darf", "3sg": "darf", "du": "darfst", "ihr": "dürft"},
    "sollen": {"Sie": "sollen", "wir": "sollen", "ich": "soll", "3sg": "soll", "du": "sollst", "ihr": "sollt"},
    "wollen": {"Sie": "wollen", "wir": "wollen", "ich": "will", "3sg": "will", "du": "willst", "ihr": "wollt"},
    "mögen": {"Sie": "mögen", "wir": "mögen", "ich": "mag", "3sg": "mag", "du": "magst", "ihr": "mögt"},
}
HABEN_FORMS = {"Sie": "haben", "wir": "haben", "ich": "habe", "3sg": "hat", "du": "hast", "ihr": "habt"}


class Passive:
    parameters = {"sein_zu", "zu_blockers", "authority_verbs", "reader_verbs", "letter_markers", "reader_duties",
                  "passive_lemmas", "own_office_adjectives", "duty_swaps", "possibility_verbs", "duty_requires",
                  "speech_act_verbs"}
    values = {"text", "form", "active", "agent", "problem"}

    def __init__(self, parameters: dict):
        self.sein_zu = bool(parameters.get("sein_zu", True))
        self.zu_blockers = frozenset(word.lower() for word in parameters.get("zu_blockers", []))
        self.verbs = PassiveVerbs.of(parameters)
        self.letter_markers = tuple(parameters.get("letter_markers") or ())

    def find(self, doc: Doc):
        texts = not spans_only(doc)  # "active" and "problem" only fill the message
        for match in find_passives(doc, self.sein_zu, self.zu_blockers):
            if not texts:
                yield Hit(start=match.start, end=match.end,
                          values={"text": doc[match.start : match.end].text, "form": match.form,
                                  "agent": match.agent or ""})
                continue
            seitens = _seitens(match) if match.agent is None else None
            third_party = seitens is not None and not any(t.lemma_.lower() in self.verbs.own_office for t in seitens)
            phrase = " ".join(t.text for t in seitens) if seitens else ""
            active = _active(match, self.verbs, self._letter(doc), third_party=phrase if third_party else None,
                             own=bool(seitens))
            yield Hit(
                start=match.start,
                end=match.end,
                values={
                    "text": doc[match.start : match.end].text,
                    "form": match.form,
                    "active": active or "",
                    "agent": match.agent or "",
                    "problem": _problem(match.agent, phrase if third_party else None, phrase if not third_party else None),
                },
                suggest=active is not None,
            )

    def _letter(self, doc: Doc) -> bool:
        """Whether ``doc`` belongs to a letter (its document holds one of ``letter_markers``), decided
        once per document: only there is an actor inferred from the verb lists."""
        state = doc._.einfach_document
        decide = lambda: is_letter(document_text(doc), self.letter_markers)  # noqa: E731
        return state.of(self, decide) if state is not None else decide()


def is_letter(text: str, markers: tuple[str, ...]) -> bool:
    """The document is a letter to its reader: it holds a salutation or closing of ``markers`` (the
    rule's ``letter_markers``). Only then is an actor inferred from the verb lists, by the advice here
    and by the rewrites (:mod:`einfach.rewrite.passive`)."""
    return any(marker in text for marker in markers)


def _seitens(match: PassiveMatch) -> "list[Token] | None":
    """"seitens der Bank" in the passive's clause (the preposition and its noun phrase, with a genitive
    attribute): it names who acts, though not as an agent the detection reads; or None."""
    clause = _clause_of(match.auxiliary)
    for position, token in enumerate(clause):
        if token.lower_ != "seitens":
            continue
        end = position + 1
        while end < len(clause) and clause[end].tag_ in {"ART", "PPOSAT", "PDAT", "PIAT", "ADJA"}:
            end += 1
        if end >= len(clause) or clause[end].tag_ not in {"NN", "NE"}:
            return None
        end += 1
        if end + 1 < len(clause) and clause[end].lower_ in {"des", "der"} and clause[end + 1].tag_ in {"NN", "NE"}:
            end += 2  # "seitens der Mitarbeiter der Ausländerbehörde"
        return clause[position:end]
    return None


def _clause_of(anchor: "Token") -> list["Token"]:
    for clause in clauses(anchor.sent):
        if any(t.i == anchor.i for t in clause):
            return clause
    return []


@dataclass(frozen=True)
class PassiveVerbs:
    """The verb lists of the rule's parameters (lowercased) and its lemma corrections, read once for the
    advice here and for the rewrites (:mod:`einfach.rewrite.passive`)."""

    authority: frozenset[str]
    reader: frozenset[str]
    # sein + zu only: a duty of the reader, though the werden passive is the authority's ("ist zu überweisen")
    reader_duties: frozenset[str]
    lemmas: tuple[tuple[str, str], ...]
    own_office: frozenset[str]
    # sein + zu of these means "can be", not "must be" ("ist telefonisch zu erreichen"): no rewrite
    possibility: frozenset[str] = frozenset()
    # sein + zu of a reader's duty: the verb the rewrite uses instead ("ist anzuzeigen" -> "melden müssen")
    duty_swaps: tuple[tuple[str, str], ...] = ()
    # sein + zu of these is a duty only with one of these words in the clause ("von ... ist abzusehen";
    # "Das Ende ist abzusehen" means it can be foreseen)
    duty_requires: tuple[tuple[str, frozenset[str]], ...] = ()
    # what the text itself does to its reader ("Ihnen wird mitgeteilt", "Sie wurden gebeten"): its writer
    # acts, also outside a letter
    speech_acts: frozenset[str] = frozenset()

    @staticmethod
    def of(parameters: dict) -> "PassiveVerbs":
        def words(key):
            return frozenset(v.lower() for v in parameters.get(key) or [])
        lemmas = tuple(sorted((str(k).lower(), str(v).lower()) for k, v in (parameters.get("passive_lemmas") or {}).items()))
        swaps = tuple(sorted((str(k).lower(), str(v).lower()) for k, v in (parameters.get("duty_swaps") or {}).items()))
        requires = tuple(sorted((str(k).lower(), frozenset(str(w).lower() for w in v))
                                for k, v in (parameters.get("duty_requires") or {}).items()))
        return PassiveVerbs(words("authority_verbs"), words("reader_verbs"), words("reader_duties"), lemmas,
                            words("own_office_adjectives"), words("possibility_verbs"), swaps, requires,
                            words("speech_act_verbs"))

    def lemma(self, token: "Token") -> str:
        """The verb's lemma; one HanTa gives that has no passive becomes the verb meant
        ("angehört": "angehören" -> "anhören")."""
        lemma = token.lemma_.lower()
        return self._lemma_map.get(lemma, lemma)

    @cached_property
    def _lemma_map(self) -> dict[str, str]:
        """``lemmas`` as a dict, built once (``lemma`` runs for every passive the rewrites look at)."""
        return dict(self.lemmas)

    def duty_of(self, infinitive: "Token", letter: bool) -> str | None:
        """Whose duty a sein + zu states: the reader's ("Sie") for ``reader_verbs`` and ``reader_duties``
        in any text; the authority's ("wir") for ``authority_verbs`` in a letter only; else None."""
        lemma = self.lemma(infinitive)
        if lemma in self.reader or lemma in self.reader_duties:
            return "Sie"
        if lemma in self.authority and letter:
            return "wir"
        return None

    def actor_of(self, participle: "Token", reader_is_object: bool) -> str | None:
        """Who acts in a passive without a named agent, by its verb: "wir", "Sie", or None when the verb
        is on neither list (a third party's action: a register, a seller, a court)."""
        lemma = self.lemma(participle)
        if lemma in self.authority and (reader_is_object or lemma not in self.reader):
            return "wir"  # on both lists ("mitteilen"): the authority's when the reader is acted upon
        if lemma in self.reader and not reader_is_object:
            return "Sie"
        return None


def _active(match: PassiveMatch, actors: PassiveVerbs, letter: bool, third_party: str | None = None,
            own: bool = False) -> str | None:
    """The active skeleton the advice offers, or None when nobody can be named. ``third_party``: a
    "seitens ..." phrase that names someone other than the writing office and the reader: neither "wir"
    nor "Sie" is offered, only that phrase as the subject; ``own``: "seitens der hiesigen Behörde", the
    writing office: "wir" only. ``actors``: the verb lists; outside a ``letter`` no actor is inferred from
    them, except for whose duty a sein + zu states (the reader's also outside a letter)."""
    if third_party is not None:
        return f"die Handelnden aus „{third_party}“ als Subjekt des Satzes"
    if match.modal_unclear:
        return None  # „kann … und muss … werden“ without a clear modal: a wrong one turns a duty into a possibility
    if own and match.construction == WERDEN:
        return _active_werden(match.auxiliary, match.verb, match.modal, None, "wir", reader_is_object=True)
    if match.construction == RECIPIENT:
        # the reader receives: the writer sends ("wir"), as when the reader is acted upon
        return _active_recipient(match) if match.agent is not None or letter else None
    if match.construction == WERDEN:
        return _active_werden(match.auxiliary, match.verb, match.modal, match.agent, match.person, actors=actors,
                              infer=letter)
    if match.agent is None:
        # a question ("Wie sind … zu begleichen?") asks, it sets no duty; whose duty: the verb lists
        question = match.verb.doc[match.verb.sent.end - 1].text == "?"
        actor = None if question else actors.duty_of(match.verb, letter)
        if actor is None:
            return None
        if actor == "wir":
            return quote(f"Wir {_must('wir', match)} … {match.verb.lemma_.lower()}.")
    return _active_sein_zu(match.verb, match.agent, match.person, past=_must("Sie", match) == "mussten")


def _must(person: str, match: PassiveMatch) -> str:
    """"müssen" in the tense of the sein + zu: "sodass nach Aktenlage zu entscheiden war" -> "mussten"."""
    if match.auxiliary.lower_ in {"war", "waren", "wäre", "wären"}:
        return "mussten" if person in {"wir", "Sie"} else "musste"
    return MODAL_FORMS["müssen"].get(person, "muss")


def _problem(agent: str | None, third_party: str | None = None, own: str | None = None) -> str:
    if third_party is not None:
        return f"die Handelnden („{third_party}“) stehen versteckt in der Mitte des Satzes"
    if own:
        return f"die Handelnden („{own}“, also wir) stehen versteckt in der Mitte des Satzes"
    if agent is None:
        return "es bleibt unklar, wer handelt"
    return f"die Handelnden ({agent}) stehen versteckt in der Mitte des Satzes"


def _split_separable(lemma: str, form: str, infix: str) -> tuple[str, str]:
    """("vor", "legen") for lemma "vorlegen" when ``form`` is "vor" + infix + "..."."""
    lowered = form.lower()
    for prefix in SEPARABLE_PARTICLES:
        if lemma.startswith(prefix) and lowered.startswith(prefix + infix) and len(lemma) > len(prefix) + 2:
            return prefix, lemma[len(prefix):]
    return "", lemma


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _present(subject: str, person: str, lemma: str, participle: str) -> str:
    """Present-tense clause skeleton: wir/Sie (whose form is the infinitive), "ich" or a singular agent in
    the third person (its present form from ablaut: "von mir geprüft" -> "Ich prüfe …"), else "wird …
    <infinitive>"."""
    prefix, stem = _split_separable(lemma, participle, "ge")
    if person in {"wir", "Sie"}:
        return f"{_capitalise(subject)} {stem} …" + (f" {prefix}" if prefix else "")
    forms = verb_forms(lemma)
    if person == "ich" and forms is not None and forms.present[FIRST_SINGULAR]:
        return f"Ich {forms.present[FIRST_SINGULAR]} …" + (f" {prefix}" if prefix else "")
    # only a subject that is singular for sure ("die Krankenkasse(n)" may be plural)
    singular = person == "3sg" and subject.split()[0].lower() in {"der", "das", "ein", "eine", "ihr", "er", "es"}
    if forms is not None and forms.present[THIRD_SINGULAR] and singular:
        # the present stays present ("wird vom Jobcenter geprüft" -> "Das Jobcenter prüft …", not "wird … prüfen")
        return f"{_capitalise(subject)} {forms.present[THIRD_SINGULAR]} …" + (f" {prefix}" if prefix else "")
    return f"{_capitalise(subject)} wird … {lemma}"


def _active_werden(anchor: Token, participle: Token, modal: Token | None, agent: str | None, person: str,
                   reader_is_object: bool = False, actors: PassiveVerbs | None = None, infer: bool = False) -> str | None:
    """``infer``: without an agent, name the actor of ``actors``' verb lists (in a letter); without
    ``infer`` and agent only a present "wird … gebeten" (a request to the reader) gets a skeleton."""
    reader = reader_is_object or _reader_is_object(anchor)
    subject = agent or "wir"
    lemma = participle.lemma_.lower()
    past = anchor.lower_ in PAST_FORMS or any(t.lower_ == "worden" for t in anchor.doc[anchor.sent.start:anchor.sent.end])
    if lemma == "bitten" and agent is None and not past:
        return quote("Bitte …")  # a past "wurden Sie gebeten" reports a request: "Wir haben … gebeten."
    speech_act = actors is not None and actors.lemma(participle) in actors.speech_acts
    if agent is None and not reader_is_object and not infer and not speech_act:
        return None  # outside a letter nobody is inferred, not even "wir" for "wird Ihnen … zugeschickt"
    if agent is None and reader and not reader_is_object and actors is not None \
            and actors.lemma(participle) not in actors.authority | actors.speech_acts:
        return None  # "in das Sie zugewiesen worden sind": done to the reader, but by a third party (BAMF)
    if agent is None and not reader:  # the reader acted upon ("wird Ihnen mitgeteilt"): "wir" as before
        actor = actors.actor_of(participle, reader) if infer and actors is not None else None
        if actor is None:
            return None
        subject = person = actor
    if modal is not None and anchor.tag_ == "VAINF":
        forms = MODAL_FORMS.get(modal.lemma_.lower())
        if forms:
            return _either(
                subject, agent, lambda s, p: f"{_capitalise(s)} {forms.get(p, forms['3sg'])} … {lemma}.", person
            )
    if past:
        return _either(
            subject, agent, lambda s, p: f"{_capitalise(s)} {HABEN_FORMS.get(p, 'hat')} … {participle.text}.", person
        )
    return _either(subject, agent, lambda s, p: _sentence(_present(s, p, lemma, participle.text)), person)


def _sentence(text: str) -> str:
    """Close a skeleton with a period unless it ends in an ellipsis."""
    return text if text.endswith("…") else text + "."


def _either(subject: str, agent: str | None, build, person: str) -> str:
    """One active sentence: the named agent, else the actor the verb lists give ("wir" or "Sie";
    "wir" also when the reader is acted upon: "werden Sie gebeten", "wird Ihnen mitgeteilt")."""
    return quote(build(subject, person if agent is not None else subject))


def _reader_is_object(anchor: Token) -> bool:
    """"Sie" or "Ihnen" in the passive clause of ``anchor``: the reader is acted upon; not a "von Ihnen"
    in an attributive participle phrase ("der von Ihnen beantragte Titel", :func:`attributive`): it says
    who applied, not who is acted upon."""
    clause = _clause_of(anchor)
    return any(token.text in {"Sie", "Ihnen"}
               and not (position and clause[position - 1].lower_ == "von" and attributive(clause, position - 1))
               for position, token in enumerate(clause))


def _active_sein_zu(infinitive: Token, agent: str | None, person: str, past: bool = False) -> str:
    lemma = infinitive.lemma_.lower()
    if past:  # a past duty is reported, not set again: no "Bitte"
        verb = "mussten" if agent is None or person in {"wir", "Sie"} else "musste"
        return quote(f"{_capitalise(agent or 'Sie')} {verb} … {lemma}.")
    if agent is None or person == "Sie":
        prefix, stem = _split_separable(lemma, infinitive.text, "zu")
        request = _sentence(f"Bitte {stem} Sie …" + (f" {prefix}" if prefix else ""))
        return f"{quote(request)} oder {quote(f'Sie müssen … {lemma}.')}"
    verb = MODAL_FORMS["müssen"].get(person, "muss")
    return quote(f"{_capitalise(agent)} {verb} … {lemma}.")


def _reader_receives(match: PassiveMatch) -> bool:
    """"Sie" (the personal pronoun) in the Rezipientenpassiv's sentence: the reader is the receiver."""
    verb = match.verb
    return any(t.text == "Sie" and t.tag_ == "PPER" for t in verb.doc[verb.sent.start : verb.sent.end])


def _active_recipient(match: PassiveMatch) -> str:
    """"Sie bekommen den Bescheid zugeschickt" -> "Wir schicken Ihnen … zu."

    The receiver (the subject) becomes the dative: "Ihnen" when the reader is
    the subject, "…" otherwise. The actor is the named agent, else "wir" (the
    writing authority); "Sie" is never offered, since the reader receives.
    """
    participle = match.verb
    lemma = participle.lemma_.lower()
    receiver = "Ihnen" if _reader_receives(match) else "…"
    if match.agent is None or match.person in {"wir", "Sie"}:
        subject = match.agent if match.agent in {"wir"} else "wir"
        prefix, stem = _split_separable(lemma, participle.text, "ge")
        return quote(_sentence(f"{_capitalise(subject)} {stem} {receiver} …" + (f" {prefix}" if prefix else "")))
    return quote(f"{_capitalise(match.agent)} wird {receiver} … {lemma}.")
