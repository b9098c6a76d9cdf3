"""Word knowledge shared by the kinds of issue 3 (part B).

* protected legal terms from ``rules/lexikon/fachbegriffe.yml``;
* gender of frequent nouns from ``rules/data/genus.yml`` (HanTa gives none);
* whether HanTa knows a word as a verb, adjective or noun (its lexicon, not
  its guess for unknown words: guessed analyses score far lower);
* compound splitting with CharSplit's n-gram model (package ``split-words``,
  MIT, read through :mod:`einfach.nlp.compounds`), each split checked against
  HanTa and word frequencies.

Nothing heavy is imported at module level: HanTa, the word frequencies and the
splitter's n-gram table load on first use, so validating rule files stays cheap.
"""

from __future__ import annotations

from functools import lru_cache

from ...nlp.compounds import split_scores
from ...resources import rules_dir
from ..loader import load_lexicon, read_yaml

# HanTa's log probability for a word it knows is about -8 to -17; for a word
# it only guesses (unknown stem, invented ending) about -28 and below.
KNOWN_SCORE = -20.0
# Separable particles, prepositions and adverbs: "Voraussetzung" is not
# "Voraus" + "Setzung" for a reader, so such a first part is no compound part.
NOT_A_PART = {
    "ab", "an", "auf", "aus", "bei", "durch", "ein", "mit", "nach", "vor", "voraus", "vorher", "weg",
    "zu", "zurück", "zusammen", "über", "unter", "um", "gegen", "hinter", "wider", "wieder", "fort",
    "her", "hin", "heraus", "herein", "hinaus", "hinein", "nieder", "los", "fest", "statt", "teil",
    "hinzu", "dar", "empor", "entgegen", "vorbei", "weiter", "nach", "miss", "ver", "ent", "be", "ge",
    "er", "zer", "außer", "innen", "außen", "ober", "unter", "vorder", "hinter", "mittel",
}
MIN_PART = 4  # "Apo|stille" is no compound; three-letter parts are too often wrong
FUGEN = ("es", "s", "en", "n", "e", "er")
# Endings of street names ("Kastanienallee", "Am Mühlenweg"): addresses, never words to rewrite
# (wortlaenge and seltenes-wort leave them alone).
STREET_ENDINGS = ("straße", "strasse", "allee", "weg", "platz", "gasse", "ring", "damm", "ufer", "chaussee")


def is_street_name(word: str) -> bool:
    """A word that ends like a street name (any case)."""
    return word.lower().endswith(STREET_ENDINGS)


# --- legal terms ------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def legal_terms(name: str = "fachbegriffe") -> dict[str, str]:
    """Lowercased one-word legal term (or its one-word ``match`` lemma) -> explanation."""
    terms: dict[str, str] = {}
    for entry in load_lexicon(name).entries:
        words = list(entry.match) if entry.match else entry.term.split()
        if len(words) == 1:
            terms[words[0].lower()] = entry.explanation
    return terms


@lru_cache(maxsize=4)
def _adjective_terms(name: str) -> frozenset[str]:
    """The one-word legal terms written in lowercase („ausreisepflichtig“, „minderjährig“): adjectives."""
    return frozenset(words[0].lower() for entry in load_lexicon(name).entries
                     for words in [list(entry.match) if entry.match else entry.term.split()]
                     if len(words) == 1 and entry.term.islower())


def legal_explanation(token, name: str = "fachbegriffe") -> str | None:
    """The explanation if ``token`` (by lemma or form) is a one-word legal term."""
    return _legal_explanation((token.lemma_ or "").lower(), token.text.lower(), name, getattr(token, "tag_", "") == "NN")


# what a plural, genitive or adjective ending adds to a term: not „-ige“, which makes a word for
# people of a duty („Ausreisepflichtige“ are no „Ausreisepflicht“)
INFLECTION_ENDINGS = frozenset({"e", "n", "en", "r", "s", "es", "er", "ern", "em", "se", "sen", "nen"})


@lru_cache(maxsize=65536)
def _legal_explanation(lemma: str, text: str, name: str, noun: bool = False) -> str | None:
    """Memoised: the fallback below scans every term, and word forms repeat. A noun gets no
    adjective's explanation: „Ausreisepflichtige“ names people, „ausreisepflichtig“ explains a duty
    addressed to „Sie“ (issue 17, tenth blind review, S105)."""
    terms = legal_terms(name)
    adjectives = _adjective_terms(name) if noun else frozenset()
    for key in (lemma, text):
        if key in terms and key not in adjectives:
            return terms[key]
    # plural and genitive forms HanTa does not lemmatise ("Säumniszuschläge" -> "Säumniszuschlag"): the
    # whole term, an umlaut read as its vowel, and an inflection ending ("Verwaltungszwangs" is no
    # "Verwaltungsakt": own reading of a fresh sample, seed 311)
    plain = text.translate(_NO_UMLAUT)
    for term, explanation in terms.items():
        if len(term) >= 8 and plain[len(term):] in INFLECTION_ENDINGS and term not in adjectives \
                and plain.startswith(term.translate(_NO_UMLAUT)):
            return explanation
    return None


_NO_UMLAUT = str.maketrans("äöü", "aou")


LAW_TITLE_ENDINGS = ("gesetz", "gesetzbuch", "verordnung", "gerichtsordnung", "prozessordnung", "gebührenordnung")


def is_law_title(token) -> bool:
    """"Verwaltungsverfahrensgesetz", "Aufenthaltsverordnung": the name of a law, not a word to rewrite."""
    lemma = (token.lemma_ or token.text).lower()
    return token.text[:1].isupper() and lemma.endswith(LAW_TITLE_ENDINGS) and len(lemma) > 12


# --- gender ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _genus() -> tuple[dict[str, str], tuple[str, ...]]:
    data = read_yaml(rules_dir() / "data" / "genus.yml")
    table: dict[str, str] = {}
    for key, letter in (("masculine", "m"), ("neuter", "n"), ("feminine", "f")):
        for word in data.get(key) or []:
            table[str(word).lower()] = letter
    return table, tuple(str(s) for s in data.get("feminine_suffixes") or [])


def gender(lemma: str) -> str | None:
    """"m", "n", "f" or None, from the list (longest matching ending wins) or a feminine suffix."""
    table, suffixes = _genus()
    lowered = lemma.lower()
    best, best_length = None, 0
    for word, letter in table.items():
        if lowered.endswith(word) and len(word) > best_length:
            best, best_length = letter, len(word)
    if best is not None:
        return best
    for suffix in suffixes:
        if lowered.endswith(suffix) and len(lowered) > len(suffix) + 3:
            return "f"
    return None


@lru_cache(maxsize=1)
def _weak_masculine() -> tuple[frozenset[str], tuple[str, ...]]:
    data = read_yaml(rules_dir() / "data" / "genus.yml")
    words = frozenset(str(w).lower() for w in data.get("weak_masculine") or [])
    return words, tuple(str(s) for s in data.get("weak_masculine_suffixes") or [])


def accusative_like_nominative(lemma: str) -> bool | None:
    """Whether a singular noun keeps its form in the accusative (True), changes (False) or
    is unknown (None): feminine and neuter nouns and strong masculine nouns keep it;
    masculine nouns of the weak declension ("Kunde" -> "Kunden", ``weak_masculine`` in
    ``genus.yml``, by word or ending) do not."""
    letter = gender(lemma)
    if letter is None:
        return None
    if letter != "m":
        return True
    words, suffixes = _weak_masculine()
    lowered = lemma.lower()
    if any(lowered.endswith(word) for word in words) or lowered.endswith(suffixes):
        return False
    return True


# --- HanTa lexicon knowledge -------------------------------------------------------------------

@lru_cache(maxsize=50_000)
def _analyses(word: str) -> tuple[tuple[str, float], ...]:
    from ...nlp.tagger import load_hanta

    return tuple((tag, float(score)) for tag, score in load_hanta().tag_word(word))


@lru_cache(maxsize=50_000)
def _lemma(word: str) -> str:
    from ...nlp.tagger import load_hanta

    return load_hanta().analyze(word)[0]


def known_tag(word: str) -> str | None:
    """HanTa's best tag for ``word`` if HanTa knows the word (not only guesses it)."""
    analyses = _analyses(word)
    if not analyses or analyses[0][1] < KNOWN_SCORE:
        return None
    return analyses[0][0]


def is_known_verb(infinitive: str) -> bool:
    """An infinitive HanTa knows: best tag VV(INF) (or VV(FIN), the same form) and lemma = form."""
    return known_tag(infinitive) in {"VV(INF)", "VV(FIN)"} and _lemma(infinitive) == infinitive


def is_known_adjective(word: str) -> bool:
    return known_tag(word) in {"ADJ(D)", "ADJ(A)"}


INSEPARABLE = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "über", "hinter", "wider")


SEPARABLE = (
    "zurück", "zusammen", "vorbei", "weiter", "heraus", "herein", "hinzu", "entgegen", "bekannt", "bereit",
    "fest", "fort", "frei", "statt", "teil", "nach", "auf", "aus", "bei", "dar", "ein", "her", "hin", "mit",
    "vor", "weg", "los", "ab", "an", "zu",
)


# --- nouns whose verb says something else ---------------------------------------------------------

@lru_cache(maxsize=1)
def _without_verb() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = read_yaml(rules_dir() / "data" / "ohne-verb.yml")
    return (tuple(str(w).lower() for w in data.get("things") or []),
            tuple(str(w).lower() for w in data.get("often_things") or []))


# prefixes that make a new action of a listed noun: „Einbeziehung“ (einbeziehen) is no „Beziehung“,
# „Gewährung“ no „Währung“, „Entscheidung“ no „Scheidung“
_ACTION_PREFIXES = (*SEPARABLE, *INSEPARABLE, "unter", "durch", "wieder", "rück")


def _ends_in_word(lemma: str, words: tuple[str, ...]) -> bool:
    """``lemma`` is one of ``words`` or a compound with one of them as its head after a part of at least
    three letters that is no particle or prefix („Gesamtbevölkerung“, not „Einbeziehung“)."""
    lowered = lemma.lower()
    for word in words:
        if lowered == word:
            return True
        if lowered.endswith(word):
            prefix = lowered[: -len(word)]
            if len(prefix) >= 3 and prefix not in _ACTION_PREFIXES:
                return True
    return False


def names_a_thing(lemma: str) -> bool:
    """The noun names a group, a thing or an institution, never an action („Bevölkerung“, „Abteilung“;
    ``rules/data/ohne-verb.yml``): no verb for it, and no nominal style."""
    return _ends_in_word(lemma, _without_verb()[0])


def has_no_verb(lemma: str) -> bool:
    """The verb derived from the noun does not mean it („Bevölkerung“ is no „bevölkern“, „Forderungen“
    are often claims, not „fordern“; ``rules/data/ohne-verb.yml``): no rule offers that verb."""
    things, often = _without_verb()
    return _ends_in_word(lemma, things + often)


def _weak_participle(verb: str, prefix: str) -> str:
    """ge- + stem + -(e)t, without ge- after an inseparable prefix or for -ieren."""
    stem = verb[:-2] if verb.endswith("en") else verb[:-1]
    ending = "et" if stem.endswith(("d", "t", "chn", "gn", "ffn", "dm", "tm")) else "t"
    if verb.endswith("ieren") or verb.startswith(INSEPARABLE):
        return stem + ending
    return f"ge{stem}{ending}"


@lru_cache(maxsize=1)
def _attested_participles() -> frozenset[str]:
    """The words HanTa's model observed as a past participle (VV(PP)) in its training corpus:
    the model's table of observed words (``cache``, fixed when the model was trained, at least
    three occurrences each).  HanTa's scores alone do not tell a form it saw from one it
    builds: it rates "vergebt" and "erhaltet" as participles too."""
    from ...nlp.tagger import load_hanta

    tagger = load_hanta()
    tag = tagger.tag2int.get("VV(PP)")
    return frozenset(word for word, tags in tagger.cache.items() if any(t == tag for t, _ in tags))


@lru_cache(maxsize=2_000)
def participle_of(verb: str, strong: bool = True) -> str | None:
    """The past participle of ``verb``, only as a form HanTa's corpus attests (:func:`_attested_participles`)
    with ``verb`` as its lemma, else None.

    The regular form is tried first (ge- + stem + -t; no ge- after be-, ver-, ...
    or for -ieren; the particle first for separable verbs: "eingereicht"); for a
    strong or mixed verb ("erheben", "bringen") the attested participles of the same
    shape (particle, ge- or prefix, first letter of the stem, ending -en or -t) are
    looked up: "erhoben", "gebracht" (not with ``strong=False``).  Nothing is built by rule alone.
    """
    if not verb.endswith("n"):
        return None
    attested = _attested_participles()
    particle = next((p for p in SEPARABLE if verb.startswith(p) and len(verb) - len(p) > 3
                     and is_known_verb(verb[len(p):])), "")
    rest = verb[len(particle):]
    regular = particle + _weak_participle(rest, particle)
    if regular in attested and _lemma(regular) == verb:
        return regular
    if not strong:
        return None
    prefix = next((p for p in INSEPARABLE if rest.startswith(p) and len(rest) - len(p) > 3), "")
    head = particle + (prefix or "ge")
    initial = rest[len(prefix):][:1]
    if not initial:
        return None
    found = sorted(word for word in attested
                   if word.startswith(head + initial) and word.endswith(("en", "t")) and _lemma(word) == verb)
    return found[0] if len(found) == 1 else None  # two attested forms: not sure which one


# how much less likely than HanTa's best reading a form may be as a past participle: "erlaubt" is
# as likely a participle as a present form (0.05 apart in log score), "bekommen" 1.2 below the
# infinitive; "verbietet" (which participle_of builds by the weak pattern for "verbieten", as the
# corpus once tagged it so) 2.6 below the present form
PARTICIPLE_MARGIN = 2.0


def read_as_participle(form: str) -> bool:
    """Whether HanTa reads ``form`` as a past participle (about as likely as its best reading)."""
    analyses = _analyses(form)
    return bool(analyses) and any(tag == "VV(PP)" and score >= analyses[0][1] - PARTICIPLE_MARGIN
                                  for tag, score in analyses)


# --- compound splitting ------------------------------------------------------------------------

NOUN_TAGS = {"NN", "NNA", "NNI"}

def _part_ok(part: str, head: bool, min_zipf: float) -> bool:
    """A compound part must be a real, not too rare word (a noun for the head).

    The frequency is asked first: it is a table look-up, while asking HanTa
    about a word it does not know runs its letter lattice (about 1 ms), and
    most candidate parts ("aufenthalten", "erlaubn") are no words at all.
    Both answers are memoised functions, so the order changes only the cost.
    """
    from ...nlp.frequency import zipf

    lowered = part.lower()
    if len(lowered) < MIN_PART or lowered in NOT_A_PART:
        return False
    if head:
        return zipf(lowered) >= min_zipf and known_tag(part[:1].upper() + part[1:].lower()) in NOUN_TAGS
    variants = [lowered]
    for fuge in FUGEN:
        if lowered.endswith(fuge) and len(lowered) - len(fuge) >= 3:
            variants.append(lowered[: -len(fuge)])
    for variant in variants:
        if variant in NOT_A_PART:
            continue
        if zipf(variant) >= min_zipf:
            if known_tag(variant[:1].upper() + variant[1:]) in NOUN_TAGS:
                return True
            if known_tag(variant) in {"ADJ(D)", "ADJ(A)"}:
                return True
        for ending in ("en", "n"):  # verb stems: "Wohn|sitz", "Melde|bescheinigung"
            if zipf(variant + ending) >= min_zipf and is_known_verb(variant + ending):
                return True
    return False


@lru_cache(maxsize=20_000)
def split_compound(word: str, min_zipf: float = 2.5, candidates: int = 3, depth: int = 2) -> tuple[str, str] | None:
    """(body, head) as written in ``word`` ("Aufenthalts", "erlaubnis"), or None.

    CharSplit (Tuggener 2016) ranks every split point by n-gram
    probabilities; the first of its best ``candidates`` splits whose head is
    a known noun and whose first part is a known word (after removing a
    linking element: -s-, -es-, -n-, -en-, -e-, -er-), each with a Zipf
    frequency of at least ``min_zipf``, is kept.  A part that is itself too
    rare is accepted when it splits into known parts in turn, up to ``depth``
    levels ("Lohnsteuerbescheinigungs|unterlagen": the body is rare, but
    "Lohnsteuer|bescheinigung" are known words).
    """
    if len(word) < 6 or not word.isalpha():
        return None
    ranked = split_scores(word)[:candidates]
    for level in range(depth + 1):  # known parts first: "Lohnsteuer|bescheinigung", not "Lohn|steuer..."
        for _score, body, head in ranked:
            if _part_splits(head, True, min_zipf, level) and _part_splits(body, False, min_zipf, level):
                return word[: len(body)], word[len(body):]
    return None


ADJECTIVE_HEAD_TAGS = {"ADJ(A)", "ADJ(D)", "VV(PP)"}


@lru_cache(maxsize=20_000)
def split_adjective(word: str, min_zipf: float = 2.5, candidates: int = 3) -> tuple[str, str] | None:
    """(body, head) of an adjective or participle compound of known words ("original|verpackt",
    "innovations|unterstützende"), or None: CharSplit's best ``candidates`` splits of the
    capitalised word, the head a frequent adjective or participle HanTa knows (its form or
    lemma at least ``min_zipf``), the body a known part as in :func:`split_compound`."""
    from ...nlp.frequency import zipf

    if len(word) < 8 or not word.isalpha():
        return None
    for _score, body, head in split_scores(word[:1].upper() + word[1:])[:candidates]:
        lowered = head.lower()
        if len(lowered) < MIN_PART or known_tag(lowered) not in ADJECTIVE_HEAD_TAGS:
            continue
        if max(zipf(lowered), zipf(_lemma(lowered).lower())) >= min_zipf and _part_ok(body, False, min_zipf):
            return word[: len(body)], word[len(body):]
    return None


def _part_splits(part: str, head: bool, min_zipf: float, depth: int) -> bool:
    """A known part (:func:`_part_ok`), or with ``depth`` left one that is a compound of known parts."""
    if _part_ok(part, head, min_zipf):
        return True
    if depth <= 0 or len(part) < 2 * MIN_PART:
        return False
    word = part[:1].upper() + part[1:].lower()
    variants = [word] if head else [word] + [word[: -len(f)] for f in FUGEN if word.endswith(f) and len(word) > len(f) + 6]
    return any(split_compound(variant, min_zipf, depth=depth - 1) is not None for variant in variants)


def split_parts(word: str, max_part: int, min_zipf: float = 2.5, depth: int = 3) -> list[str]:
    """Split ``word`` into parts of at most ``max_part`` letters where possible (recursive)."""
    if depth <= 0 or len(word) <= max_part:
        return [word]
    split = split_compound(word, min_zipf)
    if split is None:
        stem, fuge = _without_fuge(word)
        if fuge and split_compound(stem, min_zipf) is not None:  # "Lohnsteuerbescheinigung|s"
            parts = split_parts(stem, max_part, min_zipf, depth)
            return parts[:-1] + [parts[-1] + fuge]
        return [word]
    body, head = split
    return split_parts(body, max_part, min_zipf, depth - 1) + split_parts(head, max_part, min_zipf, depth - 1)


def _without_fuge(word: str) -> tuple[str, str]:
    """("Lohnsteuerbescheinigung", "s") for "Lohnsteuerbescheinigungs"; (word, "") without a linking element."""
    for fuge in FUGEN:
        if word.endswith(fuge) and len(word) > len(fuge) + 6:
            return word[: -len(fuge)], fuge
    return word, ""


# --- zu-participles -----------------------------------------------------------------------------

# Separable particles of verbs, longest first ("zurück" before "zu"); shared with the passive advice.
SEPARABLE_PARTICLES = (
    "zurück", "zusammen", "vorbei", "weiter", "heraus", "herein", "hinzu", "entgegen", "bekannt",
    "bereit", "fest", "fort", "frei", "statt", "teil", "nach", "auf", "aus", "bei", "dar", "ein",
    "her", "hin", "mit", "vor", "weg", "los", "ab", "an", "zu",
)


@lru_cache(maxsize=8192)
def zu_participle_verb(form: str) -> str | None:
    """The verb of a zu-participle: "einzureichenden" -> "einreichen", "auszufüllende" -> "ausfüllen".

    A zu-participle (Gerundivum) is particle + "zu" + present participle with
    an adjective ending; HanTa lemmatises it as an adjective ("einzureichend"),
    a word that no frequency list or lexicon knows. Only separable verbs put
    "zu" inside the word; other verbs write it apart ("die zu zahlende Gebühr").
    """
    word = form.lower()
    for ending in ("enden", "endem", "ender", "endes", "ende", "end"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            break
    else:
        return None
    for particle in SEPARABLE_PARTICLES:
        if stem.startswith(particle + "zu") and len(stem) > len(particle) + 4:
            return particle + stem[len(particle) + 2 :] + "en"
    return None
