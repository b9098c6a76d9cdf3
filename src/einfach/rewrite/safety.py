"""The safety check every rewrite passes before it is offered.

The rewritten sentence is analysed again by the same pipeline (tokenizer,
segmenter, tagger and the rules of the run).  The rewrite is dropped unless

* it is still one sentence (or as many as a split means to make);
* every number, date, § reference, e-mail address, URL, template
  placeholder and name (STTS ``NE``) of the original is still there, verbatim;
* every content-word lemma (nouns, names, full verbs, adjectives) of the
  original is still there, except those the rewrite replaces on purpose;
  a name or lemma the tagger reads differently in the rewritten sentence
  counts as kept when its word forms all stand there verbatim ("sodass",
  tagged as a name in one sentence and as a verb in the other);
* the rule that asked for the rewrite does not fire again on the changed words.
"""

from __future__ import annotations

import re
from collections import Counter

MAIL = r"\S+@\S+\.\w+"
NOT_MAIL = r"(?:https?://|www\.)\S*[^\s.,;:!?)]|§+|\d+(?:[.,:/-]\d+)*|\{\{[^}]*\}\}|\[[^\]]*\]|<[^>]*>|«[^»]*»"
VERBATIM = re.compile(f"{MAIL}|{NOT_MAIL}")
# VERBATIM without its first alternative, the e-mail address, which needs an "@" to match: on a
# text without one, findall gives the same, without trying that alternative (it backtracks over
# every word) at each position
_NO_MAIL = re.compile(NOT_MAIL)
CONTENT_TAGS = ("NN", "NE", "VV", "ADJ")


def verbatim_items(text: str) -> Counter:
    return Counter((VERBATIM if "@" in text else _NO_MAIL).findall(text))


RULES = "einfach_rules"


def _analyse(nlp, text: str, rules: frozenset[str] | None = frozenset()):
    """``text`` through the pipeline, with only the rules ``rules`` (all if None; none if empty):
    the rules cost most of an analysis, and the check asks about a few of them."""
    return _analysed(nlp, text, rules)[0]


def _analysed(nlp, text: str, rules: frozenset[str] | None = frozenset()):
    """(the Doc of :func:`_analyse`, its :func:`_words`): the words are read from the token view
    the rules built on the Doc (``keep_view``), which is then released."""
    from ..nlp.view import release

    if not rules and rules is not None:
        doc = nlp(text, disable=[RULES])
    else:
        # the check reads only the findings' spans (verify, rewrite._share), not their texts
        doc = nlp(text, component_cfg={RULES: {"only": rules, "spans_only": True, "keep_view": True}})
    try:
        words = _words(doc)
    finally:
        release(doc)
    return doc, words


def _words(doc) -> tuple[int, Counter, Counter, dict[str, Counter], Counter]:
    """(the number of sentences, the names (``NE``), the content-word lemmas, the word forms of each
    such lemma, all word forms) of ``doc``, read from its token view (:mod:`einfach.nlp.view`,
    built by the rules or here; the caller releases it): spaCy's Token objects are not built again."""
    from ..nlp.syntax import particle_verbs
    from ..nlp.view import doc_view

    view = doc_view(doc)
    tags, texts, keys = view.tag, view.text, view.key
    names: list[str] = []
    lemmas: list[str] = []
    forms_of: dict[str, Counter] = {}
    for sentence in view.sents:
        joined = particle_verbs(sentence)
        for index in range(sentence.start, sentence.end):
            tag = tags[index]
            if tag.startswith(CONTENT_TAGS):
                text = texts[index]
                lemma = joined.get(index) or keys[index]  # nlp.syntax.lemma_of
                lemmas.append(lemma)
                forms = forms_of.get(lemma)
                if forms is None:
                    forms = forms_of[lemma] = Counter()
                forms[text] += 1
                if tag == "NE":
                    names.append(text)
    # the sentences cover every token of the Doc
    return len(view.sents), Counter(names), Counter(lemmas), forms_of, Counter(texts)


def _kept_verbatim(words: Counter, forms: Counter) -> bool:
    """Every word of ``words`` still stands in the rewritten sentence as often, read however the tagger
    reads it there: HanTa tags "sodass" a name (lemma "Sodas") in one sentence and a verb ("sodassen")
    in the next, so a name or lemma that only changed its analysis is still kept."""
    return not words - forms


def verify(nlp, original: str, rewritten: str, rule: str, replaced: set[str], changed: list[tuple],
           cache: dict | None = None, rules: frozenset[str] | None = None, analysed=None,
           kept: frozenset[tuple[int, int]] = frozenset(), added_sentences: int = 0,
           reinflected: frozenset[str] = frozenset()):
    """The analysed ``rewritten`` sentence if it may be offered for ``original`` (see the module
    doc), else None.

    ``changed`` are the edits in ``original`` (``(start, end, text)``, or bare
    ``(start, end)`` ranges); the rule must not fire on the words that now
    stand there.  ``cache`` keeps what the original's
    analysis gave, for the next rewrite of the same sentence.  ``rules`` are
    the rules run on the rewritten sentence (None: all of the pipeline's;
    ``rule`` must be among them); the original's analysis runs none.
    ``analysed``: a Doc of ``nlp`` whose whole text is ``original`` (the
    checked paragraph, when it is this one sentence), used instead of
    analysing ``original`` again: the pipeline gives the same tokens, tags,
    lemmas and sentences for the same text, and the rules, which the
    original's analysis leaves out, change none of them.
    ``kept``: the places in ``rewritten`` (start, end) of the rule's other
    findings of the original, carried through the edits
    (:func:`carried`): such a finding was there before and is not the rule
    firing again ("nicht fristgerecht nachkommen" still stands around
    "fristgerecht" -> "rechtzeitig"; it has its own advice).
    ``reinflected``: the words of the rule's other findings of the original that
    lie inside an edit (:func:`inside_edits`): a finding of the rule on a word
    of the same lemma there is that finding, re-inflected by the rewrite ("zum
    Nachweis der fristgerechten Ausreise" -> "als Nachweis für die
    fristgerechte Ausreise"), not the rule firing again; it keeps its advice.
    ``added_sentences``: the sentences a split adds (:mod:`einfach.rewrite.split`); the
    rewritten text must have exactly that many more, and a finding of ``rule`` on one of
    them (shorter than the whole, as a split part may still be long) is not the rule firing
    again: the split shortened it.
    """
    if rewritten == original or not rewritten.strip():
        return None
    if cache is None:
        cache = {}
    before = cache.get(("verbatim", original))
    if before is None:
        before = cache[("verbatim", original)] = verbatim_items(original)
    if before - verbatim_items(rewritten):
        return None
    if original in cache:
        sentences, names, lemmas, forms_of = cache[original]
    else:
        if analysed is not None and analysed.text != original:
            raise ValueError("analysed must be a Doc of the original sentence")
        # the checked paragraph's view is the checker's, which releases it
        words = _words(analysed) if analysed is not None else _analysed(nlp, original)[1]
        sentences, names, lemmas, forms_of, _ = words
        cache[original] = sentences, names, lemmas, forms_of
    after, (after_sentences, after_names, after_lemmas, _, after_forms) = _analysed(nlp, rewritten, rules)
    if after_sentences != sentences + added_sentences:
        return None
    lost = Counter({name: n for name, n in (names - after_names).items() if name.lower() not in replaced})
    if lost and not _kept_verbatim(lost, after_forms):
        return None
    missing = [lemma for lemma in lemmas - after_lemmas if lemma not in replaced]
    if missing and not _kept_verbatim(sum((forms_of[lemma] for lemma in missing), Counter()), after_forms):
        return None
    regions = _new_regions(original, rewritten, changed)
    # the lemmas of the findings the rewrite only re-inflects (one word each)
    again = {lemma for lemma, forms in forms_of.items() if any(word in forms for word in reinflected)}
    for span in after.spans.get("einfach", []):
        if span.label_ != rule or (span.start_char, span.end_char) in kept:
            continue
        if len(span) == 1 and (span[0].lemma_ or span[0].text).lower() in again:
            continue
        if added_sentences and span.end_char - span.start_char < len(rewritten.strip()):
            continue
        if any(span.start_char < end and start < span.end_char for start, end in regions):
            return None
    return after


def _new_regions(original: str, rewritten: str, changed: list[tuple]) -> list[tuple[int, int]]:
    """Where ``rewritten`` holds new words (each at least one character): for edits given as
    ``(start, end, text)`` each inserted text, so a finding that stands between two edits on words the
    rewrite left as they were (the passive of an inserted clause, "sofern sie nicht bezahlt wurde")
    does not count as firing again; for bare ``(start, end)`` ranges the stretch from the first to the
    last change."""
    if not changed:
        return []
    if all(len(change) == 3 for change in changed):
        regions, shift = [], 0
        for start, end, text in sorted(changed):
            regions.append((start + shift, start + shift + max(1, len(text))))
            shift += len(text) - (end - start)
        return regions
    first = min(change[0] for change in changed)
    tail = len(original) - max(change[1] for change in changed)
    return [(first, max(first + 1, len(rewritten) - tail))]


def carried(spans: list[tuple[int, int]], edits: list[tuple[int, int, str]]) -> frozenset[tuple[int, int]]:
    """The places after ``edits`` (start, end, text) of those ``spans`` (start, end in the
    original) that hold every edit strictly inside them: such a span's end moves by what the
    edits add.  A span that an edit touches at its first or last character, crosses, replaces
    or leaves (an edit before or after it: the rewrite restructures around the finding, which
    must then go) has no place and is left out: a finding there is the rule firing again."""
    grow = sum(len(text) - (e_end - e_start) for e_start, e_end, text in edits)
    return frozenset((start, end + grow) for start, end in spans
                     if edits and all(start < e_start and e_end < end for e_start, e_end, _ in edits))


def inside_edits(text: str, spans: list[tuple[int, int]], edits: list[tuple[int, int, str]]) -> frozenset[str]:
    """The words of ``text`` at ``spans`` (start, end) that lie inside one of ``edits`` (start, end,
    text) and are one word each: a rewrite may re-inflect such a word (an adjective after a new
    preposition) without replacing it (:func:`verify`, ``reinflected``)."""
    return frozenset(text[start:end] for start, end in spans if " " not in text[start:end].strip()
                     and any(e_start <= start and end <= e_end for e_start, e_end, _ in edits))
