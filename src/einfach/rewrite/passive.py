"""Passive -> active (rule kind ``passive``).

Built on :func:`einfach.nlp.passive.find_passives`.  Covered:

* Vorgangspassiv in main clauses (verb second) and in clauses opened by a
  subordinating conjunction (verb last), in the present, future, Präteritum,
  Perfekt and Plusquamperfekt, with and without a modal verb.  Präteritum and
  Perfekt become the Perfekt active (always with *haben*: a verb that forms a
  Vorgangspassiv takes an accusative object, and such verbs form the Perfekt
  with *haben*), the Plusquamperfekt becomes the Plusquamperfekt active.
* The actor: the agent phrase ("von Ihnen", "durch die Behörde") becomes the
  subject (applicability ``sure``); without one, "wir" for the verbs of
  ``authority_verbs`` and "Sie" for those of ``reader_verbs`` in the rule's
  parameters (``review``: the actor is inferred), and only in a letter (the
  document holds one of ``letter_markers``: "Sehr geehrte", "Mit freundlichen
  Grüßen", ...; an information page in the third person does not say who
  acts); otherwise no rewrite.
* The subject of the passive becomes the accusative object
  (:func:`einfach.rewrite.morph.nominative_to_accusative`); when its case,
  gender or number is not certain, no rewrite.
* sein + zu-infinitive with the reader as actor: "Bitte legen Sie ... vor."
  at the start of a sentence, "müssen Sie ... vorlegen" after a subordinate
  clause, "dass Sie ... vorlegen müssen" in one (``review``: a request or an
  obligation replaces the impersonal rule).
* "Sie werden gebeten, ... mitzubringen." / "Es wird gebeten, ..." ->
  "Bitte bringen Sie ... mit." (``sure``).

Konjunktiv II with "würde" becomes "würden" + infinitive ("dass Ihr Antrag
abgelehnt würde" -> "dass wir Ihren Antrag ablehnen würden").

Not covered (no rewrite, the advice stays): relative clauses, other
Konjunktiv forms ("würde ... geprüft worden sein", "könnte ... geprüft
werden"), passives with "es" or without a subject (except
the request above), present tense with a third-person actor (its verb form
would have to be conjugated), sentences with a negated sein + zu.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from ..nlp.passive import SEIN_ZU, WERDEN, PassiveMatch, find_passives
from ..nlp.passive import _article_after_vom as article_after_vom
from ..nlp.passive import attributive
from ..rules.kinds.passive import PassiveVerbs, is_letter
from ..rules.kinds.wordinfo import gender
from ..nlp.syntax import clauses
from ..nlp.view import doc_view
from .edits import DOCUMENT_TEXT, REVIEW, SURE, Proposal
from .morph import (
    DATIVE_PRONOUNS, GENITIVE_STARTS, head_noun, HABEN, HATTEN, POLITE, WERDEN_FUTURE, capitalise, lower_first, modal_form,
    nominative_to_accusative, phrases, present_plural, split_separable, WERDEN_SUBJUNCTIVE,
)

PLURAL_FINITE = {"werden", "wurden", "würden", "sind", "waren", "können", "konnten", "müssen", "mussten", "dürfen",
                 "durften", "sollen", "sollten", "wollen", "wollten"}
SINGULAR_FINITE = {"wird", "wurde", "würde", "ist", "war", "kann", "konnte", "muss", "musste", "darf", "durfte",
                   "soll", "sollte", "will", "wollte"}
SUBORDINATORS = {"KOUS"}
# relative adverbs that open a verb-last clause whose subject follows ("wobei eine Ablehnung ... nicht
# ausgeschlossen werden kann")
# ("sodass": HanTa tags it NE)
VERB_LAST_ADVERBS = {"wobei", "weshalb", "weswegen", "wodurch", "woraufhin", "wonach", "sodass"}
# relative pronouns whose nominative and accusative are the same word: the subject of the passive
# relative clause stays as it is and becomes the object ("die geprüft wurden" -> "die wir geprüft
# haben"); "der"/"welcher" may be a feminine dative ("der nachzukommen ist"), "dem"/"denen" are datives
SAME_CASE_RELATIVES = {"die", "das", "welche", "welches"}
# words that may open a noun phrase in the nominative (see _after_subordinate)
NOMINAL_START_TAGS = {"ART", "PPOSAT", "PDAT", "PIAT", "NN", "NE", "PPER", "PDS", "PIS", "ADJA", "CARD"}
REQUEST_ADVERBS_DROPPED = {"hiermit", "höflich", "freundlich", "höflichst", "freundlichst"}


def rewrite_passive(doc: "Doc", start: int, end: int, kind, parameters: dict) -> Proposal | None:
    """The active version of the passive found at tokens ``start``..``end``, or None."""
    match = next((m for m in find_passives(doc, kind.sein_zu, kind.zu_blockers)
                  if m.start == start and m.end == end), None)
    if match is None:
        return None
    letter = _is_letter(parameters.get(DOCUMENT_TEXT) or "", tuple(parameters.get("letter_markers") or ()))
    verbs = PassiveVerbs.of(parameters)
    if match.construction == WERDEN and verbs.lemma(match.verb) == "bitten" and match.agent is None:
        request = _request(doc, match)
        if request is not None:
            return request  # else "wir bitten Sie, ..." below
    clause, sentence_start = _clause(doc, match)
    if clause is None:
        return None
    core = _core(clause)
    if any(t.lower_ == "es" for t in core[1:]):
        return None
    own = _own_office(clause, verbs.own_office) if match.agent is None else set()
    if match.agent is None and _hidden_agent([t for t in core if t.i not in own]):
        return None  # "seitens der Behörde", "durch Ihren Arbeitgeber": an actor the detection does not read
    if own:
        actor = ["wir"], "wir", REVIEW  # "seitens der hiesigen Behörde": the writing authority itself
    else:
        actor = _actor(match, verbs, core) if letter or match.agent is not None else None
    if actor is None:
        return None
    pair = _coordinated(match, clause)
    if pair is not None and match.agent is None and \
            any(_actor(match, verbs, clause, verbs.lemma(p)) != actor for p in pair):
        return None  # "geprüft und zugeschickt": both verbs must have the same inferred actor
    words, person, applicability = actor
    if match.construction == WERDEN:
        return _werden(doc, match, clause, sentence_start, words, person, applicability, verbs, own)
    if match.construction == SEIN_ZU and (person == "Sie" or words == ["wir"]):
        request = person == "Sie" and verbs.lemma(match.verb) in verbs.reader | verbs.reader_duties
        return _sein_zu(doc, match, clause, sentence_start, request, words, verbs, own)
    return None


def _own_office(clause, adjectives: frozenset[str]) -> set[int]:
    """The tokens of "seitens der hiesigen Behörde" (an adjective of ``adjectives`` naming the writing
    office), or none."""
    for position, token in enumerate(clause[:-3]):
        article, adjective, noun = clause[position + 1 : position + 4]
        if token.lower_ == "seitens" and article.lower_ == "der" and adjective.tag_ == "ADJA" and \
                adjective.lemma_.lower() in adjectives and noun.tag_ == "NN" and \
                (position + 4 == len(clause) or clause[position + 4].lower_ not in GENITIVE_STARTS):
            return {token.i, article.i, adjective.i, noun.i}
    return set()


_is_letter = lru_cache(maxsize=8)(is_letter)  # the rewrites of one document ask with the same text


def _hidden_agent(clause) -> bool:
    """A phrase that may name the actor: "seitens ...", "durch ...", "von" + article, possessive or name."""
    for position, token in enumerate(clause[:-1]):
        following = clause[position + 1]
        if attributive(clause, position):
            continue  # "der von Ihnen beantragte Aufenthaltstitel" names who applied, not who acts
        if token.lower_ in {"seitens", "durch"}:
            return True
        if token.lower_ in {"von", "vom"} and following.tag_ in {"ART", "PPOSAT", "NE", "PPER", "PRF"} and \
                following.text[:1].isalpha():  # not a placeholder "vom [Datum]"
            return True
        if token.lower_ == "vom" and following.tag_ in {"NN", "NE"} and following.text[:1].isalpha():
            return True  # "vom Jobcenter", not "vom 09.09.2024" or "vom [Datum]"
    return False


def _clause(doc: "Doc", match: PassiveMatch) -> tuple[list["Token"] | None, int]:
    """The contiguous clause that holds the whole passive, and its sentence's first word
    (after a list marker such as "-": that word is written with a capital)."""
    sentence = doc_view(doc).sentence_of(match.auxiliary.i)
    first_word = next((t.i for t in sentence if t.text[:1].isalnum()), sentence.start)
    parts = clauses(sentence)
    holding = [n for n, clause in enumerate(parts) if {match.auxiliary.i, match.verb.i} & {t.i for t in clause}]
    if not holding:
        return None, first_word
    low, high = min(holding), max(holding)
    start = _extend_back(parts, low)
    if start is not None:
        low = start
    passive = {match.auxiliary.i, match.verb.i, *(t.i for t in parts[high] if t.lemma_.lower() == "werden"
                                                 or t.tag_ in {"VMFIN", "PTKZU"})}
    if low != high and not (_inserted_phrase(parts[high], passive) and all(
            _inserted_phrase(parts[n], passive) or _inserted_clause(parts[n]) for n in range(low + 1, high))):
        return None, first_word
    clause = [t for t in doc[parts[low][0].i : parts[high][-1].i + 1] if not t.is_space]
    indices = [t.i for t in clause]
    if indices != list(range(indices[0], indices[-1] + 1)):
        return None, first_word
    return clause, first_word


def _extend_back(parts, low: int) -> int | None:
    """The first chunk of the clause whose passive starts in chunk ``low`` without its opener or subject:
    earlier chunks without a verb belong to it ("wohingegen ... ein Betrag in Höhe von 992,00 EUR, mithin
    insgesamt 11.904,00 EUR, nachzuweisen ist", "die binnen drei Wochen, spätestens bis zum 04.11.2024,
    zu überweisen ist"). None when the chunk ``low`` opens its clause itself (with an opener, or as the
    sentence's first chunk) or no such start is found."""
    def after_semicolon(chunk) -> bool:
        return chunk[0].i > 0 and chunk[0].doc[chunk[0].i - 1].text == ";"
    first = next((n for n, part in enumerate(parts) if part[0].text[:1].isalnum()), 0)
    if low <= first or _opens(parts[low]) or after_semicolon(parts[low]):
        return None
    skipped = False
    for n in range(low - 1, first - 1, -1):
        if n > first and _inserted_clause(parts[n]):
            skipped = True  # "dass Ihnen, sofern Sie ... nicht vornehmen, ... erteilt wird"
            continue
        if any(t.tag_.startswith("V") or t.tag_ == "PTKZU" for t in parts[n]):
            return None
        if _opens(parts[n]):
            return n
        if n == first or after_semicolon(parts[n]):
            return None if skipped else n  # over an inserted clause only to the opener of a clause
    return None


def _opens(chunk) -> bool:
    """A chunk opened by a conjunction, a relative pronoun (after its preposition) or a relative adverb."""
    return chunk[0].tag_ in SUBORDINATORS | {"PRELS"} or chunk[0].lower_ in VERB_LAST_ADVERBS or \
        (len(chunk) > 1 and chunk[0].tag_ in {"APPR", "APPRART"} and chunk[1].tag_ == "PRELS")


def _inserted_clause(chunk) -> bool:
    """A whole subordinate or relative clause inserted into the passive's clause ("sofern Sie ... nicht
    vornehmen", "in den Sie einreisen dürfen oder der ... verpflichtet ist"): opened like one and closed by
    its finite verb. The rewrite leaves it as it is (:func:`_opaque`)."""
    last = next((t for t in reversed(chunk) if not t.is_punct), None)
    # its finite verb; HanTa tags a plural one like "vornehmen" as an infinitive
    return _opens(chunk) and last is not None and last.tag_ in {"VAFIN", "VMFIN", "VVFIN", "VVINF", "VAINF", "VMINF"} \
        and not any(t.tag_ == "PTKZU" for t in chunk)


def _opaque(clause) -> set[int]:
    """The tokens of the clauses inserted into ``clause`` (after its first comma-separated chunk)."""
    chunks: list[list["Token"]] = [[]]
    for token in clause:
        if token.text in {",", "(", ")"} and token.tag_.startswith("$"):
            chunks.append([])
        else:
            chunks[-1].append(token)
    return {t.i for chunk in chunks[1:] if chunk and _inserted_clause(chunk) for t in chunk}


def _core(clause) -> list["Token"]:
    """``clause`` without its inserted clauses: the words the rewrite reads."""
    opaque = _opaque(clause)
    return [t for t in clause if t.i not in opaque] if opaque else clause


def _inserted_phrase(chunk: list["Token"], passive: set[int]) -> bool:
    """A chunk after a comma that goes on the clause before it: no verb except the passive's closing
    one and no conjunction that opens a clause ("wurde für Montag, den 28.10.2024, um 9 Uhr vorgemerkt",
    "ist unverzüglich, spätestens bis zum 20.12.2024, vorzulegen"). A relative pronoun without a verb
    of its own is a tagging fault ("den 28.10.2024" read as a relative pronoun)."""
    if chunk[0].tag_ in {"KOUS", "KOUI", "KON"} or chunk[0].lower_ in VERB_LAST_ADVERBS:
        return False
    return not any((t.tag_.startswith("V") or t.tag_ == "PTKZU") and t.i not in passive for t in chunk)


def _coordinated(match: PassiveMatch, clause) -> "tuple[Token, Token] | None":
    """Two participles coordinated with "und" ("gesperrt und vernichtet werden"), one of them the
    passive's verb: (first, second), or None."""
    if match.construction != WERDEN or match.verb.tag_ != "VVPP":
        return None
    indices = {t.i for t in clause}
    doc = match.verb.doc
    for first in (match.verb.i - 2, match.verb.i):
        if first in indices and first + 2 in indices and doc[first + 1].lower_ == "und" and \
                all(doc[i].tag_ == "VVPP" and doc[i].lemma_.lower().endswith("n") for i in (first, first + 2)):
            return doc[first], doc[first + 2]
    return None


def _actor(match: PassiveMatch, verbs: PassiveVerbs, clause, lemma: str | None = None):
    """(subject words, verb person, applicability), or None when the actor is unclear.

    A verb on both lists ("mitteilen") is the authority's when the reader is addressed in the
    dative ("wird Ihnen mitgeteilt"), else the reader's ("sind Änderungen mitzuteilen"). A verb of
    ``reader_duties`` in sein + zu is the reader's ("ist ... zu überweisen").
    """
    if match.agent is not None:
        return match.agent.split(), match.person, SURE
    lemma = lemma or verbs.lemma(match.verb)
    authority, reader = verbs.authority, verbs.reader
    if match.construction == SEIN_ZU and lemma in verbs.reader_duties:
        return ["Sie"], "Sie", REVIEW
    if lemma in authority and lemma in reader:
        if any(t.text == "Ihnen" for t in clause):
            return ["wir"], "wir", REVIEW
        return ["Sie"], "Sie", REVIEW
    if lemma in authority and lemma not in reader:
        return ["wir"], "wir", REVIEW
    if lemma in reader and lemma not in authority:
        return ["Sie"], "Sie", REVIEW
    return None


def _agent_tokens(clause: list["Token"]) -> set[int]:
    """The tokens of "von Ihnen" / "von der Behörde" / "durch den Arzt" (as nlp.passive reads them)."""
    for position, token in enumerate(clause[:-1]):
        following = clause[position + 1]
        if attributive(clause, position):
            continue
        if token.lower_ == "vom" and following.tag_ in {"NN", "NE"}:
            return _noun_agent(clause, position + 1, {token.i, following.i})  # "vom Bundesamt"
        if token.lower_ not in {"von", "durch"} or token.tag_ != "APPR":
            continue
        if following.tag_ in {"PPER", "PRF"}:
            return {token.i, following.i}
        if following.tag_ in {"ART", "PPOSAT"} and position + 2 < len(clause) and \
                clause[position + 2].tag_ in {"NN", "NE"}:
            return _noun_agent(clause, position + 2, {token.i, following.i, clause[position + 2].i})
    return set()


AGENT_ATTRIBUTE_TAGS = {"APPR", "APPRART", "ART", "NN", "NE", "ADJA", "PPOSAT", "CARD"}


def _noun_agent(clause: list["Token"], noun_position: int, tokens: set[int]) -> set[int]:
    """``tokens`` of an agent noun phrase ending at ``clause[noun_position]``, or none when it is not sure.

    An attribute may follow ("vom Bundesamt für Migration"): the subject would lose it. A singular
    noun in a dative form that is not its lemma ("vom Kunden", "von dem Kunden") declines weakly:
    its nominative would have to be built (after "der" the noun is feminine: its form is the nominative). After "vom" the detection guesses the article from the
    noun's ending ("das Bundesamt"): it must agree with the gender in genus.yml."""
    noun = clause[noun_position]
    if clause[noun_position - 1].lower_ == "vom" and \
            {"m": "der", "n": "das"}.get(gender(noun.lemma_ or noun.text)) != article_after_vom(noun.text):
        return set()
    if noun_position + 1 < len(clause) and clause[noun_position + 1].tag_ in AGENT_ATTRIBUTE_TAGS:
        return set()
    article = clause[noun_position - 1].lower_
    if article in {"vom", "dem", "einem"} and noun.tag_ == "NN" and noun.text != noun.lemma_:
        return set()
    return tokens


def _subject(rest: list["Token"], plural: bool, subjectless: bool = False):
    """(subject tokens, their accusative words) of a passive clause, or None.

    Exactly one noun phrase outside prepositional phrases (dative pronouns
    such as "Ihnen" may stand beside it), or the pronoun "Sie" alone; with
    ``subjectless`` also none at all (([], []): "Es wird darauf hingewiesen",
    "wird Ihnen mitgeteilt", "wird nach Aktenlage entschieden").
    """
    chunks = _chunks(rest)
    chunks = [c for n, c in enumerate(chunks) if not _coordinated_in_pp(chunks, n)]
    nouns = [c for c in chunks if c.kind == "np" and not _genitive(c) and not _dative(c)]
    pronouns = [c for c in chunks if c.kind == "pron" and c.tokens[0].lower_ != "es"]
    if not nouns and len(pronouns) == 1 and pronouns[0].tokens[0].tag_ == "PDS" and \
            pronouns[0].tokens[0].lower_ in {"diese", "dieses"}:
        return pronouns[0].tokens, [pronouns[0].tokens[0].text]  # "sofern diese ... entrichtet wurde"
    if subjectless and not plural and not nouns and \
            all(p.tokens[0].lower_ in DATIVE_PRONOUNS and p.tokens[0].text != "Sie" for p in pronouns):
        return [], []
    if len(nouns) == 1 and all(p.tokens[0].lower_ in DATIVE_PRONOUNS and p.tokens[0].text != "Sie" for p in pronouns):
        accusative = nominative_to_accusative(nouns[0], plural)
        if accusative is None:
            return None
        return nouns[0].tokens, accusative
    if not nouns and len(pronouns) == 1 and pronouns[0].tokens[0].text == "Sie" and plural:
        return pronouns[0].tokens, ["Sie"]
    return None


def _outside_brackets(tokens: list["Token"]) -> list["Token"]:
    """The tokens outside round brackets ("eine Bescheinigung (Fiktionsbescheinigung)": the bracket
    names the same thing, it is no second noun phrase); they stay in the sentence as they are."""
    result, depth = [], 0
    for token in tokens:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            result.append(token)
    return result


def _coordinated_in_pp(chunks, n: int) -> bool:
    """A noun phrase after "und"/"oder" that follows a prepositional phrase continues it ("bei sämtlichen
    Rückfragen und Schreiben"): no subject."""
    return chunks[n].kind == "np" and n >= 2 and chunks[n - 1].tokens[0].lower_ in {"und", "oder", "sowie"} and \
        chunks[n - 2].kind == "pp" and chunks[n].tokens[0].tag_ not in {"ART", "PPOSAT", "PDAT"}


def _genitive(phrase) -> bool:
    """A noun phrase opened by "des"/"eines": a genitive attribute cut off by "sowie"/"und" ("der Gründe
    sowie des Zeitpunkts"), never a subject or an object."""
    return phrase.tokens[0].lower_ in {"des", "eines"}


def _dative(phrase) -> bool:
    """A noun phrase in the dative: "dem"/"einem" + noun, or "der"/"einer" + a feminine singular noun
    (its nominative is "die"/"eine"), e.g. "ist der eingeladenen Person zu übersenden"."""
    first = phrase.tokens[0].lower_
    if first in {"dem", "einem"}:
        return True
    head = head_noun(phrase)
    return first in {"der", "einer"} and head is not None and gender(head.lemma_ or head.text) == "f" and \
        not head.text.endswith(("en", "ern"))  # "der Behörden" may be a genitive plural


def _dative_ids(rest: list["Token"]) -> set[int]:
    """The tokens of the dative noun phrases (:func:`_dative`) in ``rest``: they go before the object when
    the subject moves behind the verb ("Bitte übersenden Sie der Person das Original", not "das Original
    der Person", which reads as a genitive)."""
    return {t.i for c in _chunks(rest) if c.kind == "np" and _dative(c) for t in c.tokens}


def _chunks(rest: list["Token"]):
    """The phrases (:func:`einfach.rewrite.morph.phrases`) of ``rest``, outside brackets and within runs."""
    return [chunk for run in _runs(_outside_brackets(rest)) for chunk in phrases(run)]


def _runs(tokens: list["Token"]) -> list[list["Token"]]:
    """``tokens`` split where words were taken out between them: a noun phrase never reaches over the
    removed verb ("Das Original ist der Person zu übersenden": "der Person" is no genitive attribute)."""
    runs: list[list["Token"]] = []
    for token in tokens:
        if runs and runs[-1][-1].i + 1 == token.i:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def _relative(clause) -> bool:
    """A relative clause opened by its subject ("die von uns geprüft wurden", "welches anzugeben ist")."""
    return clause[0].tag_ == "PRELS" and clause[0].lower_ in SAME_CASE_RELATIVES


def _prepositional_relative(clause) -> bool:
    """A relative clause opened by a preposition and its pronoun ("für die", "zu welcher")."""
    return len(clause) > 1 and clause[0].tag_ in {"APPR", "APPRART"} and clause[1].tag_ == "PRELS"


def _opening(clause) -> list["Token"]:
    """The words that open a verb-last clause: a conjunction ("dass", "ob", "damit"), a relative
    adverb ("wobei", "weshalb"), a relative pronoun that is the subject (:func:`_relative`) or a
    preposition with its relative pronoun ("für die", "in dem": the pronoun is no subject); none
    in a main clause."""
    first = clause[0]
    if first.tag_ in SUBORDINATORS or first.lower_ in VERB_LAST_ADVERBS or _relative(clause):
        return [first]
    last = next((t for t in reversed(clause) if not t.is_punct), first)
    if first.lower_ == "da" and last.tag_ in {"VAFIN", "VMFIN"}:
        return [first]  # "Da über Ihren Antrag nicht entschieden werden kann": HanTa tags "Da" ADV
    if _prepositional_relative(clause):
        return clause[:2]
    if len(clause) > 1 and first.lower_ in {"und", "oder"} and clause[1].tag_ in SUBORDINATORS:
        return clause[:2]  # "..., und dass der Verlust ... anzuzeigen ist"
    return []


def _parts(clause, match: PassiveMatch, verbal: set[int], plural: bool, subjectless: bool = False):
    """(removed token indices, the remaining tokens, the closing punctuation, subject tokens, their
    accusative words): the verbal parts and the agent phrase go, the subject becomes the object.

    In a relative clause (:func:`_relative`) the relative pronoun is the subject and stays; no other
    noun phrase may stand outside a prepositional phrase (subject tokens and words are then empty)."""
    opaque = _opaque(clause)
    agent = _agent_tokens([t for t in clause if t.i not in opaque])
    if (match.agent is not None) != bool(agent):
        return None  # the agent the detection names is not the phrase found here: leave it
    removed = verbal | agent
    rest = [t for t in clause if t.i not in removed and not (t.is_punct and t.i == clause[-1].i)]
    if any((t.tag_.startswith("V") and not _misread_noun(t)) or t.tag_ == "PTKZU" for t in rest if t.i not in opaque):
        return None  # another verb in the clause ("vorzulegen bzw. zurückzusenden"): not one passive
    tail = [t.text for t in clause if t.is_punct and t.i == clause[-1].i]
    opening = _opening(clause)
    core = [t for t in rest if t.i not in opaque]
    if opening and not _relative(clause):
        subject = _subject([t for t in core if t.i not in {o.i for o in opening}], plural, subjectless)
    elif _relative(clause):
        subject = _subject([t for t in core if t.i != clause[0].i], False, subjectless=True)
        if subject != ([], []):
            return None
    else:
        subject = _subject(core, plural, subjectless)
    if subject is None:
        return None
    return removed, rest, tail, *subject


def _bare_pronoun(token: "Token") -> bool:
    """A personal or reflexive pronoun that is an object of the verb, not inside a prepositional
    phrase ("Ihnen", not "für Sie"): it moves to the front of the middle field."""
    if token.tag_ not in {"PPER", "PRF"}:
        return False
    return token.i == 0 or token.doc[token.i - 1].tag_ not in {"APPR", "APPRART", "APPO"}


def _misread_noun(token: "Token") -> bool:
    """A capitalised word after a determiner or "zur" that the tagger read as a verb: a noun
    ("Zur Vorsprache" tagged VVFIN)."""
    if token.i == 0 or not token.text[:1].isupper():
        return False
    previous = token.doc[token.i - 1]
    return previous.tag_ in {"ART", "APPRART", "PPOSAT", "PDAT", "PIAT", "PIS", "ADJA"} or \
        previous.lower_ in {"zur", "zum", "der", "die", "das", "dem", "den", "des"}  # "Zur" read as ADV


def _werden(doc, match: PassiveMatch, clause, sentence_start: int, agent_words, person, applicability,
            verbs: PassiveVerbs, own: set[int]):
    opaque = _opaque(clause)
    finite = [t for t in clause if t.tag_ in {"VAFIN", "VMFIN"} and t.i not in opaque]
    werden_forms = [t for t in clause if t.lemma_.lower() == "werden" and t.tag_ in {"VAFIN", "VAINF", "VAPP"}
                    and t.i not in opaque]
    if not finite and (_relative(clause) or _prepositional_relative(clause)) and len(werden_forms) == 1 and werden_forms[0].lower_ == "werden" and \
            all(t.is_punct for t in clause if t.i > werden_forms[0].i):
        finite = werden_forms  # "welche ... eingezogen werden": HanTa tags the finite verb at the end VAINF
        has_infinitive = False
    else:
        has_infinitive = any(t.tag_ == "VAINF" for t in werden_forms)
    if len(finite) != 1:
        return None
    finite = finite[0]
    has_worden = any(t.lower_ == "worden" for t in werden_forms)
    pair = _coordinated(match, clause)
    first, participle = pair if pair is not None else (None, match.verb)
    lemma = verbs.lemma(participle)
    if not lemma.endswith("n") or participle.tag_ not in {"VVPP", "VVFIN", "VVINF"}:
        return None
    if first is not None and not has_infinitive and finite.lower_ in {"wird", "werden"}:
        return None  # the present would need two conjugated verbs
    # tense -> (finite form, non-finite words); `None` finite: present (the verb itself)
    if finite.tag_ == "VMFIN":
        if not has_infinitive or has_worden:
            return None
        preterite = finite.lower_.endswith(("te", "ten"))
        finite_word = modal_form(finite.lemma_.lower(), person, preterite)
        nonfinite = [lemma]
    elif finite.lemma_.lower() == "werden":
        if finite.lower_ in {"wird", "werden"}:
            if has_worden:
                return None
            if has_infinitive:
                finite_word, nonfinite = WERDEN_FUTURE.get(person), [lemma]
            else:
                finite_word, nonfinite = None, []
        elif finite.lower_ in {"wurde", "wurden"}:
            finite_word, nonfinite = HABEN.get(person), [participle.text]
        elif finite.lower_ in {"würde", "würden"} and not has_worden:
            # Konjunktiv II ("würde ... abgelehnt (werden)"): "würden ... ablehnen"
            finite_word, nonfinite = WERDEN_SUBJUNCTIVE.get(person), [lemma]
        else:
            return None
    elif finite.lemma_.lower() == "sein" and has_worden:
        if finite.lower_ in {"ist", "sind"}:
            finite_word, nonfinite = HABEN.get(person), [participle.text]
        elif finite.lower_ in {"war", "waren"}:
            finite_word, nonfinite = HATTEN.get(person), [participle.text]
        else:
            return None
    else:
        return None
    if first is not None:  # "gesperrt und vernichtet": both verbs in the same form
        verbal_first = verbs.lemma(first) if nonfinite == [lemma] else first.text
        nonfinite = [verbal_first, "und", *nonfinite]
    if finite.lower_ in PLURAL_FINITE:
        plural = True
    elif finite.lower_ in SINGULAR_FINITE:
        plural = False
    else:
        return None
    coordinated = {first.i, first.i + 1} if first is not None else set()
    parts = _parts(clause, match, {finite.i, participle.i, *coordinated, *own, *(t.i for t in werden_forms)},
                   plural, subjectless=True)
    if parts is None:
        return None
    removed, rest, tail, subject_tokens, accusative = parts
    subject_ids = {t.i for t in subject_tokens}
    present = finite_word is None
    if present:
        verb = present_plural(lemma) if person in {"wir", "Sie"} else None
        if verb is None:
            return None
    opener = clause[0]
    at_start = opener.i == sentence_start
    opening = _opening(clause)

    def moved(token: "Token") -> str:
        return lower_first(token) if token.i == sentence_start else token.text

    if opening or _continued_subordinate(doc, clause, finite, participle):
        # verb last: opener + actor + middle field + verb cluster
        after_verbs = [t for t in clause if t.i > max(removed) and not t.is_punct]
        if after_verbs:
            return None
        middle = [t for t in rest if t.i not in {o.i for o in opening}]
        words = [t.text for t in opening] + agent_words
        words += _with_accusative(middle, subject_ids, accusative, sentence_start)
        words += ([verb] if present else nonfinite + [finite_word]) + tail
    else:
        vorfeld = [t for t in clause if t.i < finite.i]
        if not vorfeld and not at_start and opener.i == finite.i and not subject_ids and present and \
                not split_separable(lemma, participle.text)[0] and not plural:
            front = _plural_dative_front(doc, sentence_start, opener)
            if front:  # "Antragsteller:innen, die ... sind, wird empfohlen, ..." -> "Wir empfehlen Antragsteller:innen, ..."
                words = [capitalise(agent_words[0]), *agent_words[1:], verb]
                words += [t.text for t in front] + [t.text for t in rest if t.i > finite.i] + tail
                return Proposal(front[0].i, clause[-1].i + 1, _tidy(words), applicability, replaced=_lemmas(doc, own))
        if any(t.i in removed or t.i in opaque for t in vorfeld) or \
                (not vorfeld and (at_start or opener.i != finite.i or not _after_subordinate(doc, opener))):
            return None  # verb first only after a subordinate clause: "..., wird nach Aktenlage entschieden"
        middle = [t for t in rest if t.i > finite.i]
        prefix = ""
        if present:
            prefix, stem = split_separable(lemma, participle.text)
            finite_word = stem
            if prefix and any(t.i in opaque for t in middle):
                return None  # "drohen wir Ihnen die Abschiebung in einen Staat, in den ..., an": the particle gets lost
        closing = nonfinite + ([prefix] if prefix else [])
        if not vorfeld:
            words = [finite_word] + [_inside(w) for w in agent_words]
            words += _with_accusative(middle, subject_ids, accusative, sentence_start) + closing + tail
        elif not subject_ids and len(vorfeld) == 1 and vorfeld[0].lower_ == "es":
            # "Es wird darauf hingewiesen, dass ..." -> "Wir weisen darauf hin, dass ..."
            words = [capitalise(agent_words[0]) if at_start else agent_words[0], *agent_words[1:], finite_word]
            words += [t.text for t in middle] + closing + tail
        elif {t.i for t in vorfeld} == subject_ids:
            datives = _dative_ids([t for t in rest if t.i not in opaque])
            front = {t.i for t in middle if (_bare_pronoun(t) or t.i in datives) and t.i not in opaque}
            pronouns = [t.text for t in middle if t.i in front]
            others = [moved(t) for t in middle if t.i not in front]
            object_words = _accusative_words(accusative, subject_tokens[0], sentence_start)
            words = [capitalise(agent_words[0]) if at_start else agent_words[0], *agent_words[1:], finite_word]
            words += pronouns + object_words + others + closing + tail
        elif len(vorfeld) == 1 and _bare_pronoun(vorfeld[0]) and not subject_ids & {vorfeld[0].i}:
            # "Ihnen wurde ... erteilt" -> "Wir haben Ihnen ... erteilt"
            words = [capitalise(agent_words[0]) if at_start else agent_words[0], *agent_words[1:], finite_word]
            words += [vorfeld[0].text] + _with_accusative(middle, subject_ids, accusative, sentence_start)
            words += closing + tail
        else:
            if subject_ids & {t.i for t in vorfeld}:
                return None  # the subject shares the Vorfeld with other words: it would stay a nominative
            words = [t.text for t in vorfeld] + [finite_word] + [_inside(w) for w in agent_words]
            words += _with_accusative(middle, subject_ids, accusative, sentence_start) + closing + tail
    if at_start:
        words[0] = _sentence_case(words[0], opener)
    if not _antecedent_kept(doc, clause, words):
        return None
    return Proposal(clause[0].i, clause[-1].i + 1, _tidy(words), applicability, replaced=_lemmas(doc, own))


def _inside(word: str) -> str:
    """An actor word that moves behind the finite verb: "Wir" -> "wir", "Die Behörde" -> "die Behörde"."""
    return word[:1].lower() + word[1:] if word in {"Wir", "Die", "Der", "Das"} else word


def _accusative_words(accusative: list[str], first: "Token", sentence_start: int) -> list[str]:
    """The accusative words; lowercased when the subject opened the sentence ("Der" -> "den")."""
    if first.i != sentence_start or first.tag_ in {"NN", "NE"} or accusative[0] in POLITE:
        return list(accusative)
    return [accusative[0][:1].lower() + accusative[0][1:], *accusative[1:]]


def _with_accusative(tokens, subject_ids: set[int], accusative: list[str], sentence_start: int) -> list[str]:
    """The tokens' words with the subject replaced by its accusative (in place)."""
    words: list[str] = []
    done = False
    for token in tokens:
        if token.i in subject_ids:
            if not done:
                words += _accusative_words(accusative, token, sentence_start)
                done = True
            continue
        words.append(lower_first(token) if token.i == sentence_start else token.text)
    return words


def _zu_verb(clause: list["Token"]) -> tuple[set[int], "Token"] | None:
    """The zu-infinitive of a clause: ({its token indices}, the verb token)."""
    for position, token in enumerate(clause):
        if token.tag_ == "VVIZU":
            return {token.i}, token
        if token.tag_ == "PTKZU" and position + 1 < len(clause) and clause[position + 1].tag_ == "VVINF":
            return {token.i, clause[position + 1].i}, clause[position + 1]
    return None


def _sein_zu(doc, match: PassiveMatch, clause, sentence_start: int, request: bool, actor: list[str],
             verbs: PassiveVerbs, own: set[int]) -> Proposal | None:
    """``request``: a reader's action that a letter asks for ("Bitte legen Sie ... vor"); other duties
    become "Sie müssen ..." ("Sie müssen die Kosten tragen"), the authority's "wir müssen ..." ("Die
    Verpflichtung ist aufzuheben" -> "Wir müssen die Verpflichtung aufheben"); "war ... zu" becomes
    "mussten" ("sodass nach Aktenlage zu entscheiden war" -> "sodass wir nach Aktenlage entscheiden
    mussten"). ``actor``: ["Sie"] or ["wir"]."""
    opaque = _opaque(clause)
    if any(t.tag_ == "PTKNEG" or t.lower_.startswith("kein") for t in clause if t.i not in opaque):
        return None  # "sind nicht vorzulegen" is no request
    core = [t for t in clause if t.i not in opaque]
    found = _zu_verb(core)
    if found is None:
        return None
    zu_ids, infinitive = found
    lemma = verbs.lemma(infinitive)
    if lemma in verbs.possibility:
        return None
    required = dict(verbs.duty_requires).get(lemma)
    if any(t.lower_ == "es" for t in core) or (required and not any(t.lower_ in required for t in core)):
        return None  # "Es ist abzusehen, dass ...", "Das Ende ist abzusehen": no duty of the reader
    swapped = dict(verbs.duty_swaps).get(lemma)
    replaced = {lemma} if swapped else set()
    lemma, form = (swapped, swapped) if swapped else (lemma, infinitive.text)
    sein = match.auxiliary
    plural = sein.lower_ in {"sind", "waren", "wären"}
    if sein.lower_ not in {"ist", "sind", "war", "waren", "wäre", "wären"}:
        return None
    # "wäre ... vorzulegen" (a duty under a condition): "müssten"; a request stays a request
    must = {"ist": "müssen", "sind": "müssen", "wäre": "müssten", "wären": "müssten"}.get(sein.lower_, "mussten")
    subject = actor[0]
    parts = _parts(clause, match, {sein.i, *zu_ids, *own}, plural, subjectless=True)
    if parts is None:
        return None
    removed, rest, tail, subject_tokens, accusative = parts
    subject_ids = {t.i for t in subject_tokens}
    opener = clause[0]
    opening = _opening(clause)
    # a main clause after a semicolon starts like a sentence, in lowercase ("...; bitte buchen Sie ...")
    after_semicolon = opener.i > sentence_start and doc[opener.i - 1].text == ";"
    starts = opener.i == sentence_start or after_semicolon
    if opening:
        if any(t.i > max(removed) and not t.is_punct for t in clause):
            return None
        middle = [t for t in rest if t.i not in {o.i for o in opening}]
        words = [t.text for t in opening] + [subject] + _with_accusative(middle, subject_ids, accusative, sentence_start)
        words += [lemma, must] + tail
    elif opener.i == sein.i and _after_subordinate(doc, opener):
        # verb first after a subordinate clause: "..., sind die Unterlagen vorzulegen."
        middle = [t for t in rest if t.i > sein.i]
        words = [must, subject] + _with_accusative(middle, subject_ids, accusative, sentence_start) + [lemma] + tail
    elif starts and not (request and must != "mussten"):
        vorfeld = [t for t in clause if t.i < sein.i]
        if any(t.i in removed or t.i in opaque for t in vorfeld):
            return None
        middle = [t for t in rest if t.i > sein.i]
        if {t.i for t in vorfeld} == subject_ids:
            datives = _dative_ids([t for t in rest if t.i not in opaque])
            words = [subject, must] + [t.text for t in middle if t.i in datives]
            words += _accusative_words(accusative, subject_tokens[0], sentence_start)
            words += [t.text for t in middle if t.i not in datives] + [lemma] + tail
        else:
            if subject_ids & {t.i for t in vorfeld}:
                return None  # the subject shares the Vorfeld with other words: it would stay a nominative
            words = [t.text for t in vorfeld] + [must, subject]
            words += _with_accusative(middle, subject_ids, accusative, sentence_start) + [lemma] + tail
    elif starts:
        prefix, stem = split_separable(lemma, form)
        vorfeld = [t for t in clause if t.i < sein.i]
        if any(t.i in removed for t in vorfeld):
            return None
        middle = [t for t in rest if t.i != sein.i]
        datives = _dative_ids([t for t in rest if t.i not in opaque]) if subject_ids and min(subject_ids) < sein.i \
            else set()
        # a pronoun of an inserted clause stays in it ("sofern sie nicht bezahlt wurde")
        front = {t.i for t in middle if (_bare_pronoun(t) or t.i in datives) and t.i not in subject_ids | opaque}
        pronouns = [t.text for t in middle if t.i in front]
        others = [t for t in middle if t.i not in front]
        words = ["bitte" if after_semicolon else "Bitte", stem, "Sie"] + pronouns
        words += _with_accusative(others, subject_ids, accusative, sentence_start) + ([prefix] if prefix else []) + tail
    else:
        return None
    if opener.i == sentence_start:
        words[0] = _sentence_case(words[0], opener)
    if not _antecedent_kept(doc, clause, words):
        return None
    return Proposal(clause[0].i, clause[-1].i + 1, _tidy(words), REVIEW, replaced=_lemmas(doc, own) | replaced)


def _continued_subordinate(doc, clause, finite: "Token", participle: "Token") -> bool:
    """A verb-last clause without an opener that goes on a subordinate clause after a comma ("Nachdem Sie
    ... aufgefordert wurden, ..., ein Nachweis bislang nicht vorgelegt wurde, ergeht ..."): the participle
    before the finite verb at its end (a main clause has the finite verb second), and a clause opened by
    a conjunction earlier in the sentence."""
    last = next((t for t in reversed(clause) if not t.is_punct), None)
    if last is None or last.i != finite.i or participle.i > finite.i or clause[0].i == 0 or \
            doc[clause[0].i - 1].text != "," or clause[0].tag_ in {"KON", "PTKNEG"}:
        return False
    sentence = doc_view(doc).sentence_of(finite.i)
    earlier = [part for part in clauses(sentence) if part[-1].i < clause[0].i]
    return bool(earlier) and earlier[0][0].tag_ in SUBORDINATORS


def _after_subordinate(doc, opener: "Token") -> bool:
    """A clause that opens with its finite verb after a comma has its Vorfeld before that comma: a
    subordinate clause or a phrase ("Sofern Sie ... beziehen, kann ...", "Mit Antrag vom 02.09.2024, hier
    eingegangen am 03.09.2024, wurde ..."). Not after a bracket or dash, and not when the sentence (or its
    part after a semicolon) opens with a noun phrase or pronoun: that may be the subject, which would stay
    a nominative ("Der Antrag, den Sie gestellt haben, wird geprüft")."""
    if opener.i == 0 or doc[opener.i - 1].text != ",":
        return False
    sentence = doc_view(doc).sentence_of(opener.i)
    begin = max([t.i + 1 for t in doc[sentence.start : opener.i] if t.text == ";"], default=sentence.start)
    first = next((t for t in doc[begin : opener.i] if t.text[:1].isalnum()), None)
    return first is not None and first.tag_ not in NOMINAL_START_TAGS


def _plural_dative_front(doc, sentence_start: int, opener: "Token") -> list["Token"]:
    """The words before a subjectless "wird ..." that opens its clause, when they are a plural noun
    without an article and its relative clause ("Antragsteller:innen, die der deutschen Sprache nicht
    mächtig sind, wird empfohlen, ..."): a plural before the singular "wird" is no subject, so it is
    the dative object and follows the new verb ("Wir empfehlen Antragsteller:innen, die ..., ...").
    The plural is read from the relative clause's finite verb; the comma before "wird" is left out."""
    words = [t for t in doc[sentence_start : opener.i] if not t.is_space]
    if len(words) < 5 or words[-1].text != "," or words[0].i != sentence_start:
        return []
    comma = next(n for n, t in enumerate(words) if t.text == ",")  # words[-1] is one
    noun, relative = words[:comma], words[comma + 1 : -1]
    if [t.tag_ for t in noun] != ["NN"] or not relative or relative[0].lower_ != "die" or \
            relative[0].tag_ != "PRELS" or relative[-1].lower_ not in PLURAL_FINITE | {"haben"} or \
            any(t.text in {",", ";", "(", ")"} for t in relative):
        return []
    return words[:-1]


def _antecedent_kept(doc, clause, words: list[str]) -> bool:
    """When a relative clause follows ("..., die dieses ... vorzulegen hat"), the last noun before it stays
    the same, so the relative pronoun keeps its antecedent ("ist der eingeladenen Person zu übersenden, die
    ..." must not become "... das Original der Verpflichtungserklärung, die ...")."""
    after = clause[-1].i + 1
    if after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].tag_ not in {"PRELS", "PRELAT"}:
        return True
    nouns = [t.text for t in clause if t.tag_ in {"NN", "NE"}]
    if not nouns:
        return True
    last_new = next((w for w in reversed(words) if w in nouns), None)
    return last_new == nouns[-1]


def _sentence_case(word: str, first: "Token") -> str:
    """The new first word of a sentence, capitalised like the old one: a sentence after the salutation
    "Sehr geehrte Frau ...," starts in lowercase ("hiermit teilen wir Ihnen mit")."""
    if first.text[:1].islower() and word not in POLITE:
        return word[:1].lower() + word[1:]
    return capitalise(word)


def _tidy(words: list[str]) -> list[str]:
    """Without a comma left before other punctuation or at the end, where the verb it preceded was taken
    away ("…, IBAN DE00 …, zu überweisen." -> "…, IBAN DE00 …." without ",.")."""
    result: list[str] = []
    for position, word in enumerate(words):
        following = words[position + 1] if position + 1 < len(words) else None
        if word == "," and (following is None or following in {",", ".", ";", ":", "!", "?"}):
            continue
        result.append(word)
    return result


def _lemmas(doc, indices: set[int]) -> set[str]:
    """The lowercased lemmas of the tokens ``indices`` (an own-office phrase the rewrite drops on purpose:
    "seitens der hiesigen Behörde" becomes "wir")."""
    return {(doc[i].lemma_ or doc[i].text).lower() for i in indices}


def _request(doc, match: PassiveMatch) -> Proposal | None:
    """"Sie werden gebeten, ... mitzubringen." -> "Bitte bringen Sie ... mit." (the whole sentence)."""
    sentence = doc_view(doc).sentence_of(match.auxiliary.i)
    parts = clauses(sentence)
    if len(parts) != 2:
        return None
    first, second = parts
    if match.auxiliary.lower_ not in {"werden", "wird"} or match.auxiliary not in first:
        return None
    head = first[0]
    if head.text not in {"Sie", "Es"} or first[1].i != match.auxiliary.i:
        return None
    if head.text == "Sie" and match.auxiliary.lower_ != "werden":
        return None
    between = [t for t in first[2:] if t.i != match.verb.i]
    if first[-1].i != match.verb.i or any(t.tag_ not in {"ADV", "ADJD"} for t in between):
        return None
    found = _zu_verb(second)
    if found is None:
        return None
    zu_ids, infinitive = found
    if any(t.tag_.startswith("V") and t.i not in zu_ids for t in second) or any(t.tag_ == "KON" for t in second):
        return None
    if any(t.i > max(zu_ids) and not t.is_punct for t in second):
        return None
    lemma = infinitive.lemma_.lower()
    verb = present_plural(lemma)
    if verb is None:
        return None
    prefix, stem = split_separable(lemma, infinitive.text)
    adverbs = [t.text for t in between if t.lower_ not in REQUEST_ADVERBS_DROPPED]
    objects = [t.text for t in second if t.i not in zu_ids and not t.is_punct]
    tail = [t.text for t in second if t.is_punct and t.i == second[-1].i] or ["."]
    words = ["Bitte", stem, "Sie"] + adverbs + objects + ([prefix] if prefix else []) + tail
    return Proposal(first[0].i, second[-1].i + 1, words, SURE, replaced={"bitten"})
