"""Kind ``passive``: Vorgangspassiv, impersonal passive and sein + zu-infinitive.

Detection works per clause (see :func:`einfach.nlp.syntax.clauses`) on STTS
tags and lemmas:

* a form of *werden* (VAFIN, VAINF, VAPP) with a past participle (VVPP) in the
  same clause is a Vorgangspassiv in any tense ("wurde ... abgelehnt", "ist
  ... geprüft worden", "kann ... abgelehnt werden");
* *werden* with an infinitive and no participle is the future tense, *werden*
  with a noun or adjective a copula, *sein* with a participle a Zustandspassiv
  or the Perfekt of an intransitive verb: all stay quiet;
* *sein* with a zu-infinitive (VVIZU, or PTKZU + VVINF) is the modal passive
  ("ist ... vorzulegen"), unless the zu-infinitive belongs to an adjective
  such as "bereit" or "verpflichtet" or to "um/ohne/statt ... zu".

The suggestion builds an active sentence skeleton with the agent named in
the sentence ("von Ihnen" -> "Sie") or, in an authority's letter, "wir".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...nlp.syntax import clauses
from .base import Hit, quote

WERDEN_TAGS = {"VAFIN", "VAINF", "VAPP"}
SEIN_TAGS = {"VAFIN", "VAINF"}
PAST_FORMS = {"wurde", "wurden", "wurdest", "wurdet", "worden"}
IMPERSONAL_VERBS = {"bitten", "hinweisen", "verweisen", "ersuchen", "auffordern"}
# Nominative of pronoun agents after "von"/"durch", with the matching verb person.
PRONOUN_AGENTS = {"ihnen": "Sie", "uns": "wir", "mir": "ich", "ihm": "er", "ihr": "sie", "dir": "du", "euch": "ihr"}
SEPARABLE_PREFIXES = (
    "zurück", "zusammen", "vorbei", "weiter", "heraus", "herein", "hinzu", "entgegen", "bekannt",
    "bereit", "fest", "fort", "frei", "statt", "teil", "nach", "auf", "aus", "bei", "dar", "ein",
    "her", "hin", "mit", "vor", "weg", "los", "ab", "an", "zu",
)
MODAL_FORMS = {
    "können": {"Sie": "können", "wir": "können", "ich": "kann", "3sg": "kann"},
    "müssen": {"Sie": "müssen", "wir": "müssen", "ich": "muss", "3sg": "muss"},
    "dürfen": {"Sie": "dürfen", "wir": "dürfen", "ich": "darf", "3sg": "darf"},
    "sollen": {"Sie": "sollen", "wir": "sollen", "ich": "soll", "3sg": "soll"},
    "wollen": {"Sie": "wollen", "wir": "wollen", "ich": "will", "3sg": "will"},
    "mögen": {"Sie": "mögen", "wir": "mögen", "ich": "mag", "3sg": "mag"},
}
HABEN_FORMS = {"Sie": "haben", "wir": "haben", "ich": "habe", "3sg": "hat", "du": "hast", "ihr": "habt"}
DATIVE_TO_NOMINATIVE = {"der": "die"}  # "von der Behörde" -> "die Behörde"
ACCUSATIVE_TO_NOMINATIVE = {"den": "der", "die": "die", "das": "das"}  # "durch den Arzt"


class Passive:
    def __init__(self, parameters: dict):
        self.sein_zu = bool(parameters.get("sein_zu", True))
        self.zu_blockers = {word.lower() for word in parameters.get("zu_blockers", [])}

    def find(self, doc: Doc):
        for sentence in doc.sents:
            for clause in clauses(sentence):
                yield from self._werden_passive(clause)
                if self.sein_zu:
                    yield from self._sein_zu(clause)

    # -- werden + Partizip II -------------------------------------------------
    def _werden_passive(self, clause: list[Token]):
        auxiliaries = [t for t in clause if t.lemma_.lower() == "werden" and t.tag_ in WERDEN_TAGS]
        if not auxiliaries:
            return
        participles = [t for t in clause if t.tag_ == "VVPP" and not _perfect_infinitive(t)]
        if not participles:
            return
        # One finding per finite (or, in verb-final clauses, leading) werden form.
        anchor = next((t for t in auxiliaries if t.tag_ == "VAFIN"), auxiliaries[0])
        participle = min(participles, key=lambda p: abs(p.i - anchor.i))
        modal = next((t for t in clause if t.tag_ == "VMFIN"), None)
        involved = [anchor, participle, *auxiliaries]
        if modal is not None and anchor.tag_ == "VAINF":
            involved.append(modal)
        start = min(t.i for t in involved)
        end = max(t.i for t in involved) + 1
        impersonal = participle.lemma_.lower() in IMPERSONAL_VERBS or any(
            t.lower_ == "es" and abs(t.i - anchor.i) == 1 for t in clause
        )
        agent, person = _agent(clause)
        active = _active_werden(anchor, participle, modal, agent, person)
        yield Hit(
            start=start,
            end=end,
            values={
                "text": _span_text(clause, start, end),
                "form": "unpersönliches Passiv" if impersonal else "Vorgangspassiv",
                "active": active,
                "agent": agent or "",
                "problem": _problem(agent),
            },
        )

    # -- sein + zu-Infinitiv --------------------------------------------------
    def _sein_zu(self, clause: list[Token]):
        seins = [t for t in clause if t.lemma_.lower() == "sein" and t.tag_ in SEIN_TAGS]
        if not seins:
            return
        for position, token in enumerate(clause):
            infinitive = None
            if token.tag_ == "VVIZU":
                infinitive = token
            elif token.tag_ == "PTKZU" and position + 1 < len(clause) and clause[position + 1].tag_ == "VVINF":
                infinitive = clause[position + 1]
            if infinitive is None:
                continue
            sein = min(seins, key=lambda s: abs(s.i - token.i))
            low, high = sorted((sein.i, infinitive.i))
            between = [t for t in clause if low < t.i < high]
            if any(t.tag_ == "KOUI" for t in clause if t.i < token.i):
                continue  # um/ohne/statt ... zu
            if any(t.lemma_.lower() in self.zu_blockers or t.lower_ in self.zu_blockers for t in between):
                continue  # bereit/verpflichtet ... zu
            if any(t.tag_ in {"VVPP", "VVFIN"} for t in between):
                continue
            agent, person = _agent(clause)
            active = _active_sein_zu(infinitive, agent, person)
            yield Hit(
                start=low,
                end=high + 1,
                values={
                    "text": _span_text(clause, low, high + 1),
                    "form": "Passiv mit „sein“ + „zu“",
                    "active": active,
                    "agent": agent or "",
                    "problem": _problem(agent),
                },
            )


def _problem(agent: str | None) -> str:
    if agent is None:
        return "es bleibt unklar, wer handelt"
    return f"die Handelnden ({agent}) stehen versteckt in der Mitte des Satzes"


def _perfect_infinitive(participle: Token) -> bool:
    """"wird ... gegangen sein/haben" is Futur II active, not passive."""
    doc = participle.doc
    if participle.i + 1 >= len(doc):
        return False
    following = doc[participle.i + 1]
    return following.tag_ == "VAINF" and following.lemma_.lower() in {"haben", "sein"}


def _span_text(clause: list[Token], start: int, end: int) -> str:
    inside = [t for t in clause if start <= t.i < end]
    if len(inside) == end - start:
        return inside[0].doc[start:end].text
    return " … ".join(t.text for t in inside)


def _agent(clause: list[Token]) -> tuple[str | None, str]:
    """(agent in the nominative, verb person) if "von/durch X" names who acts."""
    for position, token in enumerate(clause[:-1]):
        if token.lower_ not in {"von", "durch"} or token.tag_ != "APPR":
            continue
        following = clause[position + 1]
        if following.tag_ == "PPER" and following.lower_ in PRONOUN_AGENTS:
            pronoun = PRONOUN_AGENTS[following.lower_]
            person = pronoun if pronoun in {"Sie", "wir", "ich", "du", "ihr"} else "3sg"
            return pronoun, person
        if following.tag_ == "ART" and position + 2 < len(clause):
            noun = clause[position + 2]
            if noun.tag_ not in {"NN", "NE"}:
                continue
            table = DATIVE_TO_NOMINATIVE if token.lower_ == "von" else ACCUSATIVE_TO_NOMINATIVE
            article = table.get(following.lower_)
            if article:
                return f"{article} {noun.text}", "3sg"
    return None, "wir"


def _split_separable(lemma: str, form: str, infix: str) -> tuple[str, str]:
    """("vor", "legen") for lemma "vorlegen" when ``form`` is "vor" + infix + "..."."""
    lowered = form.lower()
    for prefix in SEPARABLE_PREFIXES:
        if lemma.startswith(prefix) and lowered.startswith(prefix + infix) and len(lemma) > len(prefix) + 2:
            return prefix, lemma[len(prefix):]
    return "", lemma


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _present(subject: str, person: str, lemma: str, participle: str) -> str:
    """Present-tense clause skeleton for wir/Sie (whose form is the infinitive)."""
    prefix, stem = _split_separable(lemma, participle, "ge")
    if person in {"wir", "Sie"}:
        return f"{_capitalise(subject)} {stem} …" + (f" {prefix}" if prefix else "")
    return f"{_capitalise(subject)} wird … {lemma}"


def _active_werden(anchor: Token, participle: Token, modal: Token | None, agent: str | None, person: str) -> str:
    subject = agent or "wir"
    lemma = participle.lemma_.lower()
    if lemma == "bitten" and agent is None:
        return quote("Bitte …")
    if modal is not None and anchor.tag_ == "VAINF":
        forms = MODAL_FORMS.get(modal.lemma_.lower())
        if forms:
            verb = forms.get(person, forms["3sg"])
            return _either(subject, agent, lambda s, p: f"{_capitalise(s)} {forms.get(p, forms['3sg'])} … {lemma}.", person)
    if anchor.lower_ in PAST_FORMS or any(t.lower_ == "worden" for t in anchor.doc[anchor.sent.start:anchor.sent.end]):
        return _either(
            subject, agent, lambda s, p: f"{_capitalise(s)} {HABEN_FORMS.get(p, 'hat')} … {participle.text}.", person
        )
    return _either(subject, agent, lambda s, p: _present(s, p, lemma, participle.text) + ".", person)


def _either(subject: str, agent: str | None, build, person: str) -> str:
    """With a named agent one active sentence; without, the two likely actors of a letter."""
    if agent is not None:
        return quote(build(subject, person))
    return f"{quote(build('wir', 'wir'))} oder {quote(build('Sie', 'Sie'))}"


def _active_sein_zu(infinitive: Token, agent: str | None, person: str) -> str:
    lemma = infinitive.lemma_.lower()
    if agent is None or person == "Sie":
        prefix, stem = _split_separable(lemma, infinitive.text, "zu")
        request = f"Bitte {stem} Sie …" + (f" {prefix}" if prefix else "") + "."
        return f"{quote(request)} oder {quote(f'Sie müssen … {lemma}.')}"
    verb = MODAL_FORMS["müssen"].get(person, "muss")
    return quote(f"{_capitalise(agent)} {verb} … {lemma}.")
