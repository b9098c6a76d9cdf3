"""Finding passives: Vorgangspassiv, impersonal passive and sein + zu-infinitive.

Finding a passive is analysis, not a rule: the ``passiv`` rule kind
(:mod:`einfach.rules.kinds.passive`) turns the matches into findings with
advice, the readability counts (:mod:`einfach.metrics`) count the sentences
that hold one, and rewrites turn them into active sentences.

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
  such as "bereit" or "verpflichtet" or to "um/ohne/statt ... zu"; it may reach
  over inserted clauses and comma-separated material ("ist, sofern ..., bei
  Aushändigung zu entrichten", "ist ... bei der Stadt, Marktplatz 1, 12345
  Musterstadt, einzulegen", "ist ..., d. h. ..., einzureichen") and over a list
  of noun phrases that is its subject ("Dem Antrag sind der Pass, ein Lichtbild
  sowie ... beizufügen"); the zu-infinitive may open the clause ("Vorzulegen
  sind ...");
* *bekommen*, *erhalten* or *kriegen* with a past participle is the
  Rezipientenpassiv ("Sie bekommen den Bescheid zugeschickt").

The agent named in the clause ("von Ihnen", "durch die Ausländerbehörde") is
returned in the nominative with its verb person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

from ..rules.kinds.wordinfo import SEPARABLE_PARTICLES
from .syntax import clauses
from .view import doc_view

WERDEN_TAGS = {"VAFIN", "VAINF", "VAPP"}
SEIN_TAGS = {"VAFIN", "VAINF"}
PAST_FORMS = {"wurde", "wurden", "wurdest", "wurdet", "worden"}
PRESENT_WERDEN = {"wird", "werden"}
# Participles that look like their infinitive begin with an inseparable prefix ("beraten",
# "erhalten", "verlassen", "empfangen"); "kosten", "lassen" or "kommen" never are participles.
INSEPARABLE_PREFIXES = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "über", "unter", "hinter", "wider")
ADVERBIAL_TAGS = {"ADV", "ADJD", "PTKNEG"}
# Words that can be (or contain) the subject of a clause.
SUBJECT_TAGS = {"NN", "NE", "PPER", "PDS", "PIS", "PPOSS", "PRELS", "PWS", "PRF", "PIAT", "ART", "CARD"}
IMPERSONAL_VERBS = {"bitten", "hinweisen", "verweisen", "ersuchen", "auffordern"}
# Agent prepositions: "werden vom Ministerium berufen" cannot be the future tense.
AGENT_PREPOSITIONS = {"von", "vom", "durch"}
# Verbs whose "von" names a source, not an agent: "Sie werden von uns erfahren / erhalten".
SOURCE_VERBS = {"erfahren", "erhalten", "empfangen", "bekommen", "verlangen", "erbitten", "erwarten", "behalten"}
# Participle-shaped adjectives (ge-...-t) that are adjectives after werden ("wird ... gerecht").
ADJECTIVES_LIKE_PARTICIPLES = {"gerecht", "geeignet", "gewohnt", "gesamt", "gescheit", "gewandt", "geraten"}
# Nominative of pronoun agents after "von"/"durch", with the matching verb person.
PRONOUN_AGENTS = {"ihnen": "Sie", "uns": "wir", "mir": "ich", "ihm": "er", "ihr": "sie", "dir": "du", "euch": "ihr"}
DATIVE_TO_NOMINATIVE = {"der": "die"}  # "von der Behörde" -> "die Behörde"
# "von Ihrem Arbeitgeber" -> "Ihr Arbeitgeber", "von Ihrer Bank" -> "Ihre Bank"; accusative after "durch"
POSSESSIVE_DATIVE_ENDINGS = {"em": "", "er": "e", "en": "e"}
POSSESSIVE_ACCUSATIVE_ENDINGS = {"en": "", "e": "e", "": ""}
ACCUSATIVE_TO_NOMINATIVE = {"den": "der", "die": "die", "das": "das"}  # "durch den Arzt"


WERDEN = "werden"
SEIN_ZU = "sein_zu"
SEIN_ZU_FORM = "Passiv mit „sein“ + „zu“"
RECIPIENT = "rezipient"
RECIPIENT_VERBS = {"bekommen", "erhalten", "kriegen"}
# "Beigefügt erhalten Sie ...": a fixed letter formula, not a passive of the recipient
RECIPIENT_EXCLUDED = {"beifügen", "anfügen", "beilegen", "anliegen"}
# Inserted phrases that explain or give an example: "wird, d. h. ..., geprüft"
EXPLAINING_STARTS = ("d. h.", "das heißt", "also", "z. B.", "zum Beispiel", "etwa", "insbesondere", "bzw.")
# Predicates that take an extraposed infinitive clause ("Wichtig ist, ... zu kommen"): no modal passive
EXTRAPOSING = {
    "wichtig", "möglich", "unmöglich", "nötig", "notwendig", "erforderlich", "sinnvoll", "ratsam", "schwer",
    "schwierig", "leicht", "einfach", "schön", "gut", "besser", "verboten", "erlaubt", "ziel", "aufgabe",
    "zweck", "absicht", "wunsch", "pflicht", "ausreichend", "zulässig", "unzulässig", "empfehlenswert",
}


@dataclass(frozen=True)
class PassiveMatch:
    """One passive clause.

    ``start``/``end`` are token indices (end exclusive) spanning the verbal
    parts; ``construction`` is :data:`WERDEN`, :data:`SEIN_ZU` or
    :data:`RECIPIENT`; ``auxiliary`` is the werden/sein (or bekommen/erhalten)
    form the match is anchored on, ``verb`` the participle (werden,
    Rezipientenpassiv) or the infinitive (sein + zu), ``modal`` a finite modal verb of a
    modal passive ("kann ... abgelehnt werden"); ``agent`` the actor named in
    the clause in the nominative ("Sie", "die Behörde") or None, with the
    verb ``person`` that goes with it ("wir" when nobody is named); ``modal_unclear``
    when the clause has more than one modal and which one governs the passive cannot
    be told (then no active sentence is offered).
    """

    start: int
    end: int
    construction: str
    form: str
    auxiliary: "Token"
    verb: "Token"
    modal: "Token | None"
    agent: str | None
    person: str
    modal_unclear: bool = False


def find_passives(doc: "Doc", sein_zu: bool = True, zu_blockers: frozenset[str] = frozenset()) -> list[PassiveMatch]:
    """The passive clauses of ``doc`` in order, computed once per Doc and parameters.

    ``zu_blockers``: lower-case words that make a following zu-infinitive
    depend on them ("bereit", "verpflichtet"), not on sein.
    """
    key = ("passive", sein_zu, frozenset(zu_blockers))
    return doc_view(doc).memo(key, lambda: list(_find(doc, sein_zu, frozenset(zu_blockers))))


def _find(doc: "Doc", sein_zu: bool, zu_blockers: frozenset[str]):
    for sentence in doc.sents:
        parts = clauses(sentence)
        for position, clause in enumerate(parts):
            yield from _werden_passive(clause, parts[position + 1 :])
            yield from _recipient_passive(clause)
            if sein_zu:
                yield from _sein_zu(clause, zu_blockers, parts[position + 1 :])


# -- werden + Partizip II ---------------------------------------------------
def _werden_passive(clause: list[Token], following: list[list[Token]]):
    auxiliaries = [t for t in clause if t.lemma_.lower() == "werden" and t.tag_ in WERDEN_TAGS]
    if not auxiliaries:
        return
    # One match per clause, anchored on the finite werden form if there is one.
    anchor = next((t for t in auxiliaries if t.tag_ == "VAFIN"), auxiliaries[0])
    participle = _participle_for(anchor, clause, auxiliaries)
    scope = clause
    if participle is None and _finite(anchor, clause) and _ends_open(clause, anchor):
        participle, scope = _participle_after_insertion(anchor, following)
    if participle is None or _recipient_verb_after(participle, scope):
        return
    modal = _modal_of(anchor, clause, auxiliaries, participle)
    unclear = modal is UNCLEAR
    if unclear:
        modal = None
    involved = [anchor, participle, *auxiliaries]
    if modal is not None and anchor.tag_ == "VAINF":
        involved.append(modal)
    impersonal = participle.lemma_.lower() in IMPERSONAL_VERBS or any(
        t.lower_ == "es" and abs(t.i - anchor.i) == 1 for t in clause
    )
    yield _match(
        min(t.i for t in involved),
        max(t.i for t in involved) + 1,
        WERDEN,
        "unpersönliches Passiv" if impersonal else "Vorgangspassiv",
        anchor,
        participle,
        modal,
        clause + (scope if scope is not clause else []),
        modal_unclear=unclear,
    )


# _modal_of: the clause has several modals and which one governs the passive cannot be told
UNCLEAR = object()


def _modal_of(anchor: Token, clause: list[Token], auxiliaries: list[Token], participle: Token) -> "Token | None | object":
    """The finite modal of the clause when it governs ``anchor``: with two werden in one clause
    ("Zuschläge erhoben werden und der Betrag beigetrieben werden kann") the modal belongs to the werden
    nearest to it, and the other passive states a plain fact, not a possibility. With two modals in
    one clause ("kann … per Post erfolgen und muss von Ihnen unterschrieben werden": eighth blind review,
    S105) it is the one right after an infinitive werden at the end ("… unterschrieben werden muss"), else
    the nearest one before the passive, unless a conjunct with an infinitive of its own lies between them
    („muss … erfolgen und per Post geschickt werden“: which modal the passive shares is not said);
    :data:`UNCLEAR` when that does not tell."""
    modals = [t for t in clause if t.tag_ == "VMFIN"]
    if len(modals) > 1 and anchor.tag_ == "VAINF":
        following = next((t for t in modals if t.i == anchor.i + 1), None)
        if following is not None:
            return following
        first = min(anchor.i, participle.i)
        before = [t for t in modals if t.i < first]
        if not before:
            return UNCLEAR
        nearest = before[-1]
        between = [t for t in clause if nearest.i < t.i < first]
        for position, token in enumerate(between):
            if token.tag_ == "KON" and any(t.tag_ == "VVINF" for t in between[:position]):
                return UNCLEAR
        return nearest
    modal = modals[0] if modals else None
    if modal is None or len(auxiliaries) < 2:
        return modal
    nearest = min(auxiliaries, key=lambda t: abs(t.i - modal.i))
    return modal if nearest.i == anchor.i else None


def _match(
    start: int, end: int, construction: str, form: str, auxiliary: Token, verb: Token, modal: Token | None,
    context: list[Token], modal_unclear: bool = False,
) -> PassiveMatch:
    """A :class:`PassiveMatch` whose agent and person are read from the tokens ``context`` (only its own
    conjunct: :func:`_own_conjunct`)."""
    agent, person = _agent(_own_conjunct(context, [t for t in (auxiliary, verb, modal) if t is not None]))
    return PassiveMatch(
        start=start,
        end=end,
        construction=construction,
        form=form,
        auxiliary=auxiliary,
        verb=verb,
        modal=modal,
        agent=agent,
        person=person,
        modal_unclear=modal_unclear,
    )


def _own_conjunct(context: list[Token], verbs: list[Token]) -> list[Token]:
    """The tokens of ``context`` after the last "und"/"oder" before the passive's verbs that follows a finite
    verb of its own: "Die Kosten sind von Ihnen zu tragen und können … geltend gemacht werden" – "von Ihnen"
    is the agent of the first conjunct, not of "geltend gemacht werden" (own reading of a fresh sample)."""
    first = min(t.i for t in verbs)
    cut = None
    for position, token in enumerate(context):
        if token.i >= first:
            break
        if token.tag_ == "KON" and any(t.tag_ in {"VVFIN", "VAFIN", "VMFIN"} for t in context[:position]):
            cut = position
    return context if cut is None else context[cut + 1:]


# -- sein + zu-Infinitiv -----------------------------------------------------
def _sein_zu(clause: list[Token], zu_blockers: frozenset[str], following: list[list[Token]] = ()):
    seins = [t for t in clause if t.lemma_.lower() == "sein" and t.tag_ in SEIN_TAGS]
    if not seins:
        return
    if not any(_zu_infinitive(clause, position) for position in range(len(clause))):
        yield from _sein_zu_after_insertion(clause, seins, zu_blockers, following)
        return
    for position, token in enumerate(clause):
        infinitive = _zu_infinitive(clause, position)
        if infinitive is None:
            continue
        sein = min(seins, key=lambda s: abs(s.i - token.i))
        if not _is_modal_passive(clause, sein, token, infinitive, zu_blockers):
            continue
        low, high = sorted((sein.i, infinitive.i))
        yield _match(low, high + 1, SEIN_ZU, SEIN_ZU_FORM, sein, infinitive, None, clause)


def _zu_infinitive(clause: list[Token], position: int) -> Token | None:
    """The zu-infinitive that starts at ``position`` ("einzureichen", "zu zahlen"), if any."""
    token = clause[position]
    if token.tag_ == "VVIZU" or (position == 0 and _fronted_as_noun(token)):
        return token
    if token.tag_ == "PTKZU" and position + 1 < len(clause) and clause[position + 1].tag_ == "VVINF":
        return clause[position + 1]
    return None


# a known verb is common: the form without its "zu" is no accident of a compound ("Aufzugsanlagen")
KNOWN_VERB_ZIPF = 2.5


def _fronted_as_noun(token: Token) -> bool:
    """"Mitzubringen sind …": HanTa tags a capitalised zu-infinitive at the start of a sentence as a noun.
    Taken as the zu-infinitive when sein follows it at once and, without its "zu", it is a common
    separable verb ("mitbringen")."""
    doc = token.doc
    if token.tag_ != "NN" or token.i != token.sent.start or token.i + 1 >= len(doc):
        return False
    if doc[token.i + 1].lemma_.lower() != "sein" or doc[token.i + 1].tag_ not in SEIN_TAGS:
        return False
    word = token.lower_
    for particle in SEPARABLE_PARTICLES:
        if word.startswith(particle + "zu") and word.endswith("en") and len(word) > len(particle) + 5:
            from .frequency import zipf  # noqa: PLC0415 (the frequency list loads on first use)

            return zipf(particle + word[len(particle) + 2 :]) >= KNOWN_VERB_ZIPF
    return False


def _sein_zu_after_insertion(
    clause: list[Token], seins: list[Token], zu_blockers: frozenset[str], following: list[list[Token]]
):
    """"ist, sofern ..., bei Aushändigung zu entrichten" and "ist ... bei der Stadt, Marktplatz 1, ..., einzulegen".

    The clause with a finite sein has no verb to complete it; the
    zu-infinitive comes after comma-separated chunks: inserted subordinate
    clauses (skipped whole) and chunks without a verb (an address, "spätestens
    bis zum ..."). The chunk with the infinitive must have no noun phrase of
    its own (then it would be an extraposed infinitive clause: "Wichtig ist,
    die Unterlagen mitzubringen"), unless it closes a list of noun phrases that
    the sein clause opens: "Dem Antrag sind der Pass, ein Lichtbild sowie die
    Meldebescheinigung beizufügen" (:func:`_opens_list`). An explaining insertion
    ("d. h. vier Wochen vorher", "z. B. ein Umzug") is skipped like an inserted
    clause. Not when the sein clause has "es", a blocker word ("verpflichtet")
    or an extraposing predicate ("wichtig", "Ziel"), other verbs, or is itself
    subordinate; a clause that ends in sein must be followed by an inserted
    clause ("Die Gebühr ist, sofern ...").
    """
    sein = next((t for t in seins if t.tag_ == "VAFIN"), None)
    if sein is None or clause[0].tag_ in INSERTION_STARTS or sein.i == sein.sent.start:
        return
    if any(t.tag_.startswith("V") and t is not sein for t in clause):
        return
    if any(t.lower_ == "es" for t in clause) or _blocked(clause, zu_blockers, None):
        return
    if any(t.lower_ in EXTRAPOSING or t.lemma_.lower() in EXTRAPOSING for t in clause):
        return
    inserted = False
    listing = _opens_list(clause, sein)  # the items of a list may fill more chunks than inserted clauses
    closed = False  # a conjunction has joined the list's last item
    for index, chunk in enumerate(following[:MAX_LISTED_CHUNKS + 2]):
        if index >= MAX_INSERTED_CLAUSES + 2 and not listing:
            return
        if chunk[0].tag_ in INSERTION_STARTS or _explaining(chunk) or _participial(chunk):
            inserted = True
            continue
        positions = [p for p in range(len(chunk)) if _zu_infinitive(chunk, p) is not None]
        if any(t.tag_.startswith("V") for t in chunk) and not positions:
            return  # a chunk with a verb of its own ends the search
        if not positions:
            # after the list's last item, a noun phrase of its own that closes no list is a predicate:
            # the list has ended ("… und eine Versicherung (…), ein guter Schutz, Ärger … zu vermeiden")
            ended = closed and _bare_noun_phrases(chunk) and not _closes_list(chunk)
            listing = listing and _list_item(chunk) and not ended
            closed = closed or (listing and _closes_list(chunk))
            continue
        if sein.i == clause[-1].i and not inserted:
            return  # "Ziel ist, schnell zu helfen"
        zu = chunk[positions[0]]
        infinitive = _zu_infinitive(chunk, positions[0])
        before = [t for t in chunk if t.i < zu.i]
        if any(t.tag_ in {"KOUI", "PPER", "PRF"} for t in before):
            return
        if _bare_noun_phrases(before) and not (listing and _list_item(before) and (closed or _closes_list(before))):
            return  # "Wichtig ist, die Unterlagen mitzubringen"; not the last item of a list
        if any(t.tag_ in {"VVFIN", "VAFIN", "VMFIN"} for t in chunk):
            return  # "..., die nach § 51a EStG zu ermitteln ist": the infinitive has its own sein
        yield _match(sein.i, infinitive.i + 1, SEIN_ZU, SEIN_ZU_FORM, sein, infinitive, None, clause + chunk)
        return


# sein in the plural: a list of noun phrases as its subject ("sind der Pass, ein Lichtbild und …")
PLURAL_SEIN = {"sind", "waren", "seien", "wären"}
# the words of a list item: noun phrases with their attributes, prepositional phrases and adverbs
LIST_ITEM_TAGS = {
    "ART", "ADJA", "ADJD", "ADV", "NN", "NE", "PIAT", "PIDAT", "PPOSAT", "PDAT", "CARD", "KON", "APPR", "APPRART",
    "TRUNC", "XY",
}


def _opens_list(clause: list[Token], sein: Token) -> bool:
    """The sein clause ends in the first item of a list that is its subject: plural sein, then only
    the words of a noun phrase up to a noun ("Dem Antrag sind der Pass, ein Lichtbild sowie …",
    "Insbesondere sind sämtliche … Änderungen, z. B. …, … mitzuteilen"). Not after a pronoun or a
    noun phrase that may be the subject itself, since then the list is a predicate and the infinitive
    a clause of its own ("Das sind gute Gründe, den Pass und das Visum mitzubringen", "Gründe sind
    die Überlegungen, Kosten und Zeit zu sparen"); a dative before sein is no subject ("Dem Antrag")."""
    if sein.lower_ not in PLURAL_SEIN:
        return False
    before = [t for t in clause if t.i < sein.i]
    if any(t.tag_ in {"PDS", "PPER", "PIS", "PRELS", "PWS"} for t in before):
        return False
    after = [t for t in clause if t.i > sein.i and not t.is_punct]
    if not after or after[-1].tag_ not in {"NN", "NE"} or not _list_item(after):
        return False
    # a subject before sein and a noun phrase right after it: the list is a predicate; a list inside a
    # prepositional phrase is none ("Größere Fragen sind in einem Gespräch zwischen den Eltern, dem
    # Jugendamt und der Schule zu klären")
    return _bare_noun_phrases(before) <= _datives(before) or after[0].tag_ in {"APPR", "APPRART", "ADV", "ADJD"}


def _closes_list(tokens: list[Token]) -> bool:
    """A conjunction joins the list's last item, and only that one noun phrase follows it ("… oder die
    Einleitung eines Verfahrens"); a second one is a predicate ("… und eine Versicherung ein guter
    Schutz, Ärger im Ausland zu vermeiden": an infinitive clause of its own)."""
    joins = [position for position, t in enumerate(tokens) if t.tag_ == "KON"]
    return bool(joins) and _bare_noun_phrases(tokens[joins[-1] + 1 :]) <= 1


def _list_item(tokens: list[Token]) -> bool:
    """A chunk that is one or more items of a list of noun phrases: a noun and no verb or pronoun."""
    words = [t for t in tokens if not t.is_punct]
    return any(t.tag_ in {"NN", "NE"} for t in words) and all(t.tag_ in LIST_ITEM_TAGS for t in words)


# -- bekommen/erhalten + Partizip II ---------------------------------------------
def _recipient_passive(clause: list[Token]):
    """"Sie bekommen den Bescheid zugeschickt", "dass Sie Werte vermittelt bekommen".

    bekommen, erhalten or kriegen (finite or infinitive, not itself a
    participle) with a past participle in the same clause that is not part
    of a perfect tense (no haben or sein in the clause) and is no
    letter formula ("Beigefügt erhalten Sie ...").
    """
    verbs = [t for t in clause if t.lemma_.lower() in RECIPIENT_VERBS and t.tag_ in {"VVFIN", "VVINF"}]
    if not verbs:
        return
    if any(t.tag_.startswith("VA") and t.lemma_.lower() != "werden" for t in clause):
        return  # the participle may belong to a perfect tense ("den Sie beantragt haben"): stay quiet
    verb = verbs[0]
    participles = [
        t for t in clause
        if (t.tag_ == "VVPP" or _participle_tagged_finite(t, verb))
        and t.lower_ != t.lemma_.lower() and t.lemma_.lower() not in RECIPIENT_EXCLUDED
        and not _perfect_infinitive(t)
    ]
    if not participles:
        return
    participle = min(participles, key=lambda t: abs(t.i - verb.i))
    low, high = sorted((verb.i, participle.i))
    if any(
        (t.tag_ in {"VVFIN", "KOUS"} or t.lemma_.lower() == "werden") and t is not verb and low < t.i < high
        for t in clause
    ):
        return  # "bekommen eine Nummer und werden verlost", "bekommt es, wenn man ... verkauft"
    modal = next((t for t in clause if t.tag_ == "VMFIN"), None)
    yield _match(low, high + 1, RECIPIENT, "Rezipientenpassiv", verb, participle, modal, clause)


def _participle_tagged_finite(token: Token, verb: Token) -> bool:
    """"vermittelt bekommen": a form in -t tagged VVFIN right before the recipient verb is its participle."""
    return token.tag_ == "VVFIN" and token.lower_.endswith("t") and token.i + 1 == verb.i


def _recipient_verb_after(participle: Token, clause: list[Token]) -> bool:
    """"werden ... zugeschickt bekommen": the Rezipientenpassiv in the future, not a werden passive."""
    return any(
        t.i == participle.i + 1 and t.lemma_.lower() in RECIPIENT_VERBS and t.tag_ == "VVINF" for t in clause
    )


def _is_modal_passive(
    clause: list[Token], sein: Token, zu: Token, infinitive: Token, zu_blockers: frozenset[str]
) -> bool:
    """Tell "sind ... vorzulegen" from other sein + zu-infinitive combinations.

    Not a modal passive: "bereit/verpflichtet ... zu" (blocker words),
    "um/ohne ... zu", an infinitive with a subject of its own ("war der
    Wunsch, eine Vespa zu mieten": two bare noun phrases), "darauf aus ...
    zu", "es war schön, ... zu" (es + adjective), coordinated clauses, and
    an infinitive clause as subject ("... zu finden war nicht einfach":
    then sein does not close the clause).
    """
    low, high = sorted((sein.i, infinitive.i))
    between = [t for t in clause if low < t.i < high]
    before_infinitive = [t for t in clause if t.i < zu.i]
    if any(t.tag_ == "KOUI" for t in before_infinitive):
        return False
    if _blocked(before_infinitive, zu_blockers, zu):
        return False
    if any(t.tag_ in {"VVPP", "VVFIN"} or (t.tag_ == "PROAV" and not _adverbial_dabei(clause, t, zu)) for t in between):
        return False
    if any(_joins_clauses(clause, t) for t in between if t.tag_ == "KON"):
        return False
    if any(t.lower_ == "es" for t in clause) and any(t.tag_ == "ADJD" for t in between):
        return False
    last_word = next(t for t in reversed(clause) if not t.is_punct)
    if infinitive.i < sein.i and sein.i != last_word.i and not _fronted(clause, zu, infinitive, sein):
        return False
    return _bare_noun_phrases(between) < 2


def _fronted(clause: list[Token], zu: Token, infinitive: Token, sein: Token) -> bool:
    """"Vorzulegen sind der Pass, ein Lichtbild und …", "Zu zahlen ist eine Gebühr von 10 Euro": the
    bare zu-infinitive opens the clause and sein follows it at once (an infinitive clause as subject has
    words of its own: "Die Wohnung zu finden war nicht einfach"); not before an extraposing predicate
    ("Zu arbeiten ist wichtig")."""
    if zu is not clause[0] or sein.i != infinitive.i + 1:
        return False
    return not any(t.lower_ in EXTRAPOSING or t.lemma_.lower() in EXTRAPOSING for t in clause if t.i > sein.i)


# "dabei sein, … zu tun" (busy doing) is active; "ist dabei wörtlich zu nehmen" ("in doing so") is not
PROGRESSIVE = "dabei"
# what may stand between "dabei" and a passive zu-infinitive: adverbs, adjectives, prepositional phrases
ADVERBIAL_PHRASE_TAGS = {"ADV", "ADJD", "PTKNEG", "APPR", "APPRART", "ART", "ADJA", "NN", "NE", "CARD", "PIAT", "PPOSAT"}


def _blocked(tokens: list[Token], zu_blockers: frozenset[str], zu: Token | None) -> bool:
    """A blocker among ``tokens`` makes the zu-infinitive depend on it ("bereit", "in der Lage").

    A blocker of several words matches as consecutive words. "dabei" blocks only as the
    progressive ("sind dabei, … zu prüfen", "sind dabei Ihren Antrag zu prüfen"): not when
    only adverbs, adjectives and prepositional phrases stand between it and the infinitive
    ("sind dabei nach Möglichkeit zu berücksichtigen").
    """
    words = [t.lower_ for t in tokens]
    for blocker in zu_blockers:
        parts = blocker.split()
        if len(parts) > 1:
            if any(words[i : i + len(parts)] == parts for i in range(len(words) - len(parts) + 1)):
                return True
            continue
        for position, token in enumerate(tokens):
            if blocker not in (token.lower_, token.lemma_.lower()):
                continue
            if blocker != PROGRESSIVE or zu is None or _progressive(tokens[position + 1 :], zu):
                return True
    return False


def _adverbial_dabei(clause: list[Token], token: Token, zu: Token) -> bool:
    """"dabei" meaning "in doing so" before a passive zu-infinitive (other pronominal adverbs point to it)."""
    return token.lower_ == PROGRESSIVE and not _progressive([t for t in clause if t.i > token.i], zu)


def _progressive(between: list[Token], zu: Token) -> bool:
    """"dabei" + the words up to the zu-infinitive read as "busy doing": nothing adverbial between."""
    stretch = [t for t in between if t.i < zu.i]
    if not stretch or any(t.tag_ not in ADVERBIAL_PHRASE_TAGS for t in stretch):
        return True
    return _bare_noun_phrases(stretch) > 0


COORDINATED_TAGS = {"ADJD", "ADV", "NN", "NE", "CARD", "ART", "PPOSAT", "PIAT", "ADJA", "TRUNC", "APPR", "APPRART", "XY"}


def _joins_clauses(clause: list[Token], conjunction: Token) -> bool:
    """A conjunction between sein and the infinitive joins clauses unless it joins like words.

    "sind vollständig und fristgerecht einzureichen", "sind Einkommen und
    Vermögen anzugeben", "gemäß §§ 66 und 67": words of the same kind on both
    sides; "ist gut und zu empfehlen" or "... und hat ... zu": a clause or a
    verb follows.
    """
    position = clause.index(conjunction)
    if position == 0 or position + 1 >= len(clause):
        return True
    before, after = clause[position - 1], clause[position + 1]
    if conjunction.lower_ == "bis" and after.tag_ in COORDINATED_TAGS:
        return False  # "– bis Montag einzureichen": a preposition the tagger reads as a conjunction
    return before.tag_ not in COORDINATED_TAGS or after.tag_ not in COORDINATED_TAGS


def _bare_noun_phrases(tokens: list[Token]) -> int:
    """Noun phrases outside prepositional phrases; genitive attributes are not counted."""
    count = 0
    in_phrase = False
    after_noun = False
    genitive_heads = {
        "des", "der", "eines", "einer", "ihres", "ihrer", "seines", "seiner", "meines", "meiner", "dieses", "dieser",
    }
    for token in tokens:
        if token.tag_ in {"APPR", "APPRART", "APPO"}:
            in_phrase = True
            after_noun = False
            continue
        if token.tag_ in {"ART", "PPOSAT", "PIAT", "PDAT"} and after_noun and token.lower_ in genitive_heads:
            in_phrase = True  # genitive attribute of the previous noun
            continue
        if token.tag_ in {"NN", "NE"}:
            if not in_phrase and not _continues_phrase(tokens, token):
                count += 1
            in_phrase = False
            after_noun = True
        elif token.tag_ not in {"ART", "PPOSAT", "PIAT", "PDAT", "ADJA", "CARD", "ADV"}:
            after_noun = False
    return count


def _continues_phrase(tokens: list[Token], noun: Token) -> bool:
    """A noun that continues the phrase before it: "Einkommen und Vermögen", "Abs. 5 AufenthG", "zehn Jahre"."""
    position = tokens.index(noun)
    if position == 0:
        return False
    previous = tokens[position - 1]
    if previous.tag_ in {"CARD", "NN", "NE", "XY"}:
        return True
    return previous.tag_ == "KON" and position >= 2 and tokens[position - 2].tag_ in {"NN", "NE", "TRUNC"}


def _has_infinitive(clause: list[Token]) -> bool:
    """A bare infinitive (not after "zu") in the clause."""
    for position, token in enumerate(clause):
        if token.tag_ in {"VVINF", "VMINF"} or (token.tag_ == "VAINF" and token.lemma_.lower() not in {"werden"}):
            if position and clause[position - 1].tag_ == "PTKZU":
                continue
            if token.tag_ == "VAINF" and position and clause[position - 1].tag_ == "VVPP":
                continue  # "abgelehnt worden sein" / Futur II is checked elsewhere
            return True
    return False


def _participle_candidates(clause: list[Token], anchor: Token, auxiliaries: list[Token]) -> list[Token]:
    """Past participles of full verbs in the clause.

    A form that equals its infinitive ("erhalten", "beraten") is left out
    unless the clause also has "worden" or an infinitive werden: after a finite
    werden it is far more often the future tense.  Two exceptions, where the
    future reading is impossible (see :func:`_ambiguous_is_participle`): after
    a preterite of werden ("wurden wir beraten") and in a clause without a
    subject ("Hier wird gut beraten"), and only if the clause has no other
    participle ("wurde dies ,Aufgebot bestellen' genannt").  A token tagged
    VVFIN that ends in -t and closes the clause (or stands right before werden
    or a dash) is taken as a participle: a clause has only one finite verb, and
    werden is it; so is one right before an infinitive werden when a modal is
    the finite verb ("können ... übersandt werden").  So is one before a conjunction ("wird massiert und gestört").
    """
    unambiguous = any(t.tag_ in {"VAPP", "VAINF"} for t in auxiliaries)
    result, ambiguous = [], []
    for position, token in enumerate(clause):
        if token.tag_ in {"VVPP", "VVINF"} and token.lower_ == token.lemma_.lower() and not unambiguous:
            if _ambiguous_is_participle(clause, position, anchor) and not _perfect_infinitive(token):
                ambiguous.append(token)
        elif token.tag_ == "VVPP":
            if _perfect_infinitive(token):
                continue
            result.append(token)
        elif (
            token.tag_ == "ADJD" and _participle_shaped(token.lower_) and _closes_or_touches(clause, position, anchor)
            and not _has_infinitive(clause)
        ):
            # HanTa tags some participles ADJD ("Angezeigt wird ...", "wurden ... vorgetragen")
            result.append(token)
        elif token.tag_ == "VVFIN" and token.lower_.endswith("t") and anchor.tag_ == "VAFIN":
            if token.i > anchor.i and _closes_conjunct(anchor):
                continue  # "die Inhalt des Vertrags wird und … gibt": werden is a full verb, "gibt" finite
            last = position == len(clause) - 1 or clause[position + 1].is_punct
            before_werden = position + 1 < len(clause) and clause[position + 1].i == anchor.i
            coordinated = position + 1 < len(clause) and clause[position + 1].tag_ == "KON"
            if last or before_werden or coordinated:
                result.append(token)
        elif token.tag_ == "VVFIN" and token.lower_.endswith("t") and anchor.tag_ == "VAINF":
            # "können ... übersandt werden": with a finite modal the clause has its finite verb
            before_werden = position + 1 < len(clause) and clause[position + 1].i == anchor.i
            if before_werden and any(t.tag_ == "VMFIN" for t in clause):
                result.append(token)
    return result or ambiguous


def _closes_conjunct(anchor: Token) -> bool:
    """A finite werden right before "und"/"oder" closes a verb-last conjunct ("…, die Inhalt des Vertrags
    wird und Ihnen einen Überblick gibt"): a finite verb after the conjunction has its own conjunct."""
    doc = anchor.doc
    return anchor.i + 1 < len(doc) and doc[anchor.i + 1].tag_ == "KON"


def _ambiguous_is_participle(clause: list[Token], position: int, anchor: Token) -> bool:
    """Whether a form that is both participle and infinitive ("beraten") is the participle.

    Only where werden + infinitive (the future tense) cannot be meant:

    * after a preterite of werden ("wurden wir kompetent beraten"): "wurde" +
      infinitive is no German tense ("würde" + infinitive, Konjunktiv II, is
      not in PAST_FORMS);
    * after a present werden in a main clause with something before werden and
      no subject at all ("Hier wird wirklich gut beraten") or only "man" ("Man
      wird beraten und bekommt ..."): the future tense needs a subject, and
      with "man" it needs the object that a transitive verb such as "beraten"
      takes ("Man wird Sie beraten").

    * at the end of a clause of condition or time with no pronoun that could
      be its subject ("wenn dem Kreditinstitut eine Kopie überlassen wird"):
      such a clause is rarely in the future tense, which needs a subject
      that acts (see :func:`_conditional_end`).

    In every case the form must have an inseparable prefix (be-, er-, ver-,
    ...), the shape of every participle that looks like its infinitive; after
    a present werden only adverbs and adjectives may stand between werden and
    the form, and the form must close the clause or its first conjunct.
    """
    token = clause[position]
    if not token.lower_.startswith(INSEPARABLE_PREFIXES) or not token.lower_.endswith("en"):
        return False
    if _conditional_end(clause, token, anchor):
        return True
    if anchor.tag_ != "VAFIN" or token.i < anchor.i:
        return False
    if anchor.lower_ in PAST_FORMS:
        return True
    if _agent_between(clause, anchor, token):
        return True
    if anchor.lower_ not in PRESENT_WERDEN or clause[0].i == anchor.i:
        return False
    if any(t.tag_ not in ADVERBIAL_TAGS for t in clause[clause.index(anchor) + 1 : position]):
        return False
    following = clause[position + 1] if position + 1 < len(clause) else None
    if following is not None and following.tag_ != "KON" and not following.is_punct:
        return False  # the form closes the clause (or a coordination follows)
    return not any(t.tag_ in SUBJECT_TAGS and t.lower_ != "man" for t in clause[:position])


# clauses of condition and time: "wenn … überlassen wird" (not "dass", where the future is common:
# "dass Sie das Land verlassen werden")
CONDITIONAL_OPENERS = {"wenn", "falls", "sofern", "soweit", "sobald", "solange", "nachdem", "bevor", "weil", "indem"}
# a subject that acts in the future tense
NOMINATIVE_PRONOUNS = {"ich", "du", "er", "sie", "es", "wir", "ihr", "man", "jemand", "niemand", "wer"}


def _conditional_end(clause: list[Token], token: Token, anchor: Token) -> bool:
    """"wenn dem Kreditinstitut eine Kopie überlassen wird": the form right before a present werden that
    closes a clause of condition or time, with no pronoun in the clause that could be an acting subject
    ("wenn er das Haus verlassen wird" is the future tense)."""
    if anchor.tag_ != "VAFIN" or anchor.lower_ not in PRESENT_WERDEN or token.i + 1 != anchor.i:
        return False
    words = [t for t in clause if not t.is_punct]
    if words[0].lower_ not in CONDITIONAL_OPENERS or words[-1].i != anchor.i:
        return False
    if any(t.lower_ in NOMINATIVE_PRONOUNS and t.tag_ in {"PPER", "PIS", "PWS"} for t in clause):
        return False
    # a subject and an object ("sobald die Firma das Gebäude verlassen wird") make it the future tense;
    # a dative ("dem Kreditinstitut") is no subject
    return _bare_noun_phrases(clause) - _datives(clause) < 2


def _datives(tokens: list[Token]) -> int:
    """Noun phrases opened by a dative determiner outside a prepositional phrase ("dem Kreditinstitut")."""
    return sum(
        1 for position, t in enumerate(tokens)
        if t.lower_ in DATIVE_DETERMINERS and (position == 0 or tokens[position - 1].tag_ not in {"APPR", "APPRART"})
    )


DATIVE_DETERMINERS = {"dem", "einem", "diesem", "jedem", "keinem", "ihrem", "seinem", "unserem", "meinem", "deinem", "eurem"}


def _agent_between(clause: list[Token], anchor: Token, token: Token) -> bool:
    """"werden vom Staatsministerium berufen": an agent phrase between werden and the form.

    The future tense reads "von" as a source ("Sie werden von uns erfahren"), so
    verbs that take such a source are left out, and so is a first-person subject
    ("wir werden von ... berufen" is rare; "wir werden ... beraten" is a promise).
    """
    if token.lemma_.lower() in SOURCE_VERBS or token.lower_ in SOURCE_VERBS:
        return False
    if any(t.lower_ in {"wir", "ich"} for t in clause):
        return False
    return any(t.lower_ in AGENT_PREPOSITIONS and t.tag_ in {"APPR", "APPRART"} and anchor.i < t.i < token.i for t in clause)


def _participle_shaped(form: str) -> bool:
    """A participle tagged as adjective: particle + ge- + ...-t/-en ("angezeigt", "vorgetragen"),
    or ge- + ...-t ("gezahlt"); plain ge-...-en forms are left out ("gelegen", "gewogen")."""
    if form in ADJECTIVES_LIKE_PARTICIPLES or len(form) < 6:
        return False
    for particle in SEPARABLE_PARTICLES:
        if form.startswith(particle + "ge") and len(form) > len(particle) + 4:
            return form.endswith(("t", "en"))
    return form.startswith("ge") and form.endswith("t")


def _closes_or_touches(clause: list[Token], position: int, anchor: Token) -> bool:
    """The form stands right before or after werden, or closes the clause (or its first conjunct,
    also of "weder … noch": "wurden jedoch weder vorgetragen noch sind solche ersichtlich")."""
    token = clause[position]
    if abs(token.i - anchor.i) == 1:
        return True
    following = clause[position + 1] if position + 1 < len(clause) else None
    if following is not None and following.lower_ == "noch" and any(t.lower_ == "weder" for t in clause[:position]):
        return True
    return following is None or following.is_punct or following.tag_ == "KON"


def _participle_for(anchor: Token, clause: list[Token], auxiliaries: list[Token]) -> Token | None:
    """The nearest participle not separated from werden by another finite verb.

    A conjunction between them separates two conjuncts only when the
    participle comes first ("bestellt und werde es wieder tun"); after werden
    it coordinates adverbials ("werden schnell und gründlich geprüft").
    """
    best = None
    candidates = _participle_candidates(clause, anchor, auxiliaries)
    for candidate in candidates:
        low, high = sorted((anchor.i, candidate.i))
        between = [t for t in clause if low < t.i < high]
        if candidate.i < anchor.i and any(t.tag_ == "KON" for t in between):
            continue  # "bestellt und werde es tun": two conjuncts
        if any(
            t.tag_ in {"VAFIN", "VVFIN", "VMFIN"} and t.lemma_.lower() != "werden" and t not in candidates
            for t in between
        ):
            continue
        if best is None or abs(candidate.i - anchor.i) < abs(best.i - anchor.i):
            best = candidate
    return best


def _finite(anchor: Token, clause: list[Token]) -> bool:
    """A finite werden: tagged so, or tagged as infinitive where it closes a main clause that has no other
    verb before a comma ("Die Leistungen werden, sofern …, monatlich gezahlt": HanTa reads "werden" before
    the comma as an infinitive, but without a finite verb the clause must have one)."""
    if anchor.tag_ == "VAFIN":
        return True
    return (
        anchor.tag_ == "VAINF" and anchor.i == clause[-1].i and anchor.i + 1 < len(anchor.doc)
        and anchor.doc[anchor.i + 1].text == ","
        and not any(t.tag_.startswith("V") for t in clause if t is not anchor)
        and not any(t.tag_ in {"PTKZU", "KOUI"} for t in clause)
    )


def _ends_open(clause: list[Token], anchor: Token) -> bool:
    """A main clause with finite werden and no verb to complete it breaks off at a comma."""
    return clause[0].tag_ not in INSERTION_STARTS and not _has_infinitive(clause)


INSERTION_STARTS = {"KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS"}
MAX_INSERTED_CLAUSES = 3
# verbless chunks between werden and its participle (the items of an enumeration: "werden Daten,
# zum Beispiel Name, Geburtsdatum und Anschrift, wie …, gespeichert")
MAX_LISTED_CHUNKS = 6
FINITE_TAGS = {"VAFIN", "VVFIN", "VMFIN", "VVIMP"}


def _participle_after_insertion(anchor: Token, following: list[list[Token]]):
    """"wird, sobald ... vorliegen, geprüft": find the participle after inserted clauses.

    Bracketed asides do not count as inserted clauses ("wird mit der EnEV (EnEV) 2006
    (novelliert 2013) umgesetzt"); verbless chunks of an enumeration count apart, up to
    :data:`MAX_LISTED_CHUNKS` ("werden Daten, zum Beispiel Name, Geburtsdatum und Anschrift,
    wie die Versichertennummer, gespeichert").
    """
    inserted = listed = 0
    for clause in following:
        if _bracketed(clause):
            continue
        if clause[0].tag_ in INSERTION_STARTS or any(t.tag_ in FINITE_TAGS for t in clause):
            inserted += 1
        else:
            listed += 1
        if inserted > MAX_INSERTED_CLAUSES or listed > MAX_LISTED_CHUNKS:
            break
        if clause[0].tag_ in INSERTION_STARTS or _explaining(clause) or _relative_after_preposition(clause):
            continue
        if any(t.tag_ in FINITE_TAGS for t in clause):
            finite_participle = [t for t in clause if t.tag_ == "VVFIN" and t.lower_.endswith("t")]
            if len(finite_participle) == 1 and clause[-1].i == finite_participle[0].i:
                return finite_participle[0], clause
            return None, None
        participles = [t for t in clause if t.tag_ == "VVPP" and t.lower_ != t.lemma_.lower()]
        if participles:
            return participles[-1], clause
    return None, None


def _bracketed(clause: list[Token]) -> bool:
    """A clause inside round brackets ("(novelliert 2013)", "(Mitglied, Familienversicherter oder Rentner)")."""
    doc = clause[0].doc
    sentence = clause[0].sent
    before = doc[sentence.start : clause[0].i]
    after = doc[clause[-1].i + 1 : sentence.end]
    depth = sum(t.text == "(" for t in before) - sum(t.text == ")" for t in before)
    closes = next((t.text == ")" for t in after if t.text in "()"), False)
    return depth > 0 and closes


def _relative_after_preposition(clause: list[Token]) -> bool:
    """"in den Sie einreisen dürfen": a relative clause that opens with a preposition."""
    return len(clause) > 1 and clause[0].tag_ == "APPR" and clause[1].tag_ in {"PRELS", "PRELAT", "PWS", "PWAV"}


def _participial(chunk: list[Token]) -> bool:
    """An inserted participle phrase: "…, gerechnet ab Zugang dieses Schreibens, …" (no finite verb,
    no zu-infinitive)."""
    return len(chunk) > 1 and chunk[0].tag_ == "VVPP" and not any(
        t.tag_ in FINITE_TAGS or t.tag_ in {"VVIZU", "PTKZU"} for t in chunk
    )


def _explaining(clause: list[Token]) -> bool:
    """A chunk that opens with "d. h.", "das heißt", "also", "z. B." ... and has no participle: an insertion."""
    opening = " ".join(t.text for t in clause[:3])
    if not opening.startswith(EXPLAINING_STARTS):
        return False
    return not any(t.tag_ == "VVPP" for t in clause)


def _perfect_infinitive(participle: Token) -> bool:
    """"wird ... gegangen sein/haben" is Futur II active, not passive."""
    doc = participle.doc
    if participle.i + 1 >= len(doc):
        return False
    following = doc[participle.i + 1]
    return following.tag_ == "VAINF" and following.lemma_.lower() in {"haben", "sein"}


ATTRIBUTE_OPENERS = {"ART", "PDAT", "PPOSAT", "PIAT"}


def attributive(clause: list[Token], position: int) -> bool:
    """The preposition at ``clause[position]`` opens an attributive participle phrase: a determiner
    stands before it (over adverbs), as in "der von Ihnen am 22.08.2024 beantragte Aufenthaltstitel"
    or "die bereits vom Bundesamt erteilte Erlaubnis". Its "von Ihnen" names who applied, not the
    agent of the clause's passive."""
    for token in reversed(clause[:position]):
        if token.tag_ in {"ADV", "ADJD"}:
            continue
        return token.tag_ in ATTRIBUTE_OPENERS
    return False


# nouns of actions and states after "durch": a means or cause, not an actor
MEANS_ENDINGS = ("ung", "nahme", "gabe", "heit", "keit")


def _agent(clause: list[Token]) -> tuple[str | None, str]:
    """(agent in the nominative, verb person) if "von/durch X" names who acts (not inside an attributive
    participle phrase, :func:`attributive`, nor inside a quotation or name: "das Zeichen „Direkt vom Hof“
    wird verwendet" names no actor)."""
    protected = doc_view(clause[0].doc).protected if clause else frozenset()
    for position, token in enumerate(clause[:-1]):
        following = clause[position + 1]
        if attributive(clause, position) or token.i in protected:
            continue
        if token.lower_ in {"von", "vom"} and _starting_point(clause, position):
            continue
        if token.lower_ == "vom" and following.tag_ in {"NN", "NE"} and following.text[:1].isalpha():
            return f"{_article_after_vom(following.text)} {following.text}", "3sg"
        if token.lower_ not in {"von", "durch"} or token.tag_ != "APPR":
            continue
        if following.tag_ == "PPOSAT" and position + 2 < len(clause) and clause[position + 2].tag_ in {"NN", "NE"}:
            nominative = _possessive_nominative(following.text, token.lower_)
            if nominative:
                return f"{nominative} {clause[position + 2].text}", "3sg"
        if following.tag_ in {"PPER", "PRF"} and following.lower_ in PRONOUN_AGENTS:  # HanTa: "uns" PRF
            pronoun = PRONOUN_AGENTS[following.lower_]
            person = pronoun if pronoun in {"Sie", "wir", "ich", "du", "ihr"} else "3sg"
            return pronoun, person
        if following.tag_ == "ART" and position + 2 < len(clause):
            noun = clause[position + 2]
            if noun.tag_ not in {"NN", "NE"} or (token.lower_ == "durch" and noun.lower_.endswith(MEANS_ENDINGS)):
                continue  # "durch die Antragstellung", "durch die Teilnahme an Lehrgängen" name a means, not who acts
            if position + 3 < len(clause) and clause[position + 3].tag_ == "ADJA":
                continue  # "durch die Recht sprechende Gewalt": the noun is not the phrase's head
            table = DATIVE_TO_NOMINATIVE if token.lower_ == "von" else ACCUSATIVE_TO_NOMINATIVE
            article = table.get(following.lower_)
            if article:
                return f"{article} {noun.text}", "3sg"
    return None, "wir"


# "vom" is "von dem": masculine or neuter. The tagger gives no gender; the offices and courts that
# act in letters are mostly neuter by these endings ("vom Jobcenter", "vom Bundesamt"), people masculine.
NEUTER_ENDINGS = (
    "amt", "gericht", "center", "zentrum", "büro", "ministerium", "konsulat", "institut", "team", "land",
    "landratsamt", "referat", "dezernat", "sekretariat", "jugendamt", "standesamt", "finanzamt", "unternehmen",
    "krankenhaus", "haus", "chen", "lein", "ment", "um", "stück", "gebäude", "gelände",
)


def _article_after_vom(noun: str) -> str:
    """Nominative article of a noun after "vom": "das Jobcenter", "der Arbeitgeber", "das Grundstück"."""
    return "das" if noun.lower().endswith(NEUTER_ENDINGS) else "der"


# what "von … aus" starts from is a place or a viewpoint, not who acts
# ("vom Grundstück des Nachbarn aus durchgeführt werden")
PLACE_CLOSERS = {"aus", "her"}


def _starting_point(clause: list[Token], position: int) -> bool:
    """"von/vom X aus": the phrase names where something is done from; the "aus" closes it
    before the next verb, comma or preposition."""
    for token in clause[position + 2 :]:
        if token.lower_ in PLACE_CLOSERS and token.tag_ in {"APPO", "PTKVZ", "ADV", "APZR"}:
            return True
        if token.tag_.startswith("V") or token.tag_ in {"APPR", "APPRART", "KON", "$,"}:
            return False
    return False


def _possessive_nominative(possessive: str, preposition: str) -> str | None:
    """"Ihrem" -> "Ihr", "Ihrer" -> "Ihre" after "von"; "Ihren" -> "Ihr" after "durch"."""
    stems = ("ihr", "sein", "unser", "euer", "mein", "dein")
    lowered = possessive.lower()
    stem = next((s for s in stems if lowered.startswith(s)), None)
    if stem is None:
        return None
    ending = lowered[len(stem):]
    table = POSSESSIVE_DATIVE_ENDINGS if preposition == "von" else POSSESSIVE_ACCUSATIVE_ENDINGS
    if ending not in table:
        return None
    return possessive[: len(stem)] + table[ending]


