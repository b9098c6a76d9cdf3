"""Rewrites: the plainer sentence itself (issue 14).

A rewriter, chosen by the rule kind of a finding (:data:`REWRITERS`), builds
the new words of a stretch of the analysed sentence (:class:`Proposal`);
:func:`attach_fixes` turns proposals into minimal text edits, re-analyses the
rewritten sentence with the same pipeline (:mod:`einfach.rewrite.safety`) and
attaches what passes as ``finding.fix``:

    {"sentence": "...", "edits": [{"start", "end", "text"}], "applicability": "sure" | "review"}

Offsets index the file's extracted text, like a finding's ``start``/``end``.
A rewrite that fails the check is dropped; the finding keeps its advice.  A finding of a
swap rule (:data:`SWAP_KINDS`) that keeps a fix names the fix's words in its suggestion
(:func:`fixed_suggestion`), not the base form of its lexicon entry; a genitive preposition whose
swap could not be fitted gets no drop-in word (:func:`_unfitted_preposition`).
See ``docs/rewrites.md``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

from ..edits import Edit, apply_edits, checked_edits
from . import split
from .edits import DOCUMENT_TEXT, REVIEW, SURE, Proposal, minimal_edits, overlaps

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["REVIEW", "SURE", "Edit", "Proposal", "apply_edits", "attach_fixes", "compose", "overlaps"]

# rule kind -> "module:function(doc, start, end, kind, parameters) -> Proposal | None"
REWRITERS = {
    "passive": "einfach.rewrite.passive:rewrite_passive",
    "abbreviation": "einfach.rewrite.swaps:rewrite_abbreviation",
    "lexicon": "einfach.rewrite.swaps:rewrite_lexicon",
    "light_verb": "einfach.rewrite.swaps:rewrite_light_verb",
    "subjunctive": "einfach.rewrite.swaps:rewrite_subjunctive",
    "negation": "einfach.rewrite.swaps:rewrite_negation",
    "sentence_length": "einfach.rewrite.split:rewrite_sentence_split",
}


# the rule kinds whose suggestion names one word or phrase to write instead: where their finding
# carries a fix, the suggestion shows the replacement as the fix writes it (issue 17: "bei unserer
# Behörde", not the base form "unser"). Passive and other restructuring rules keep their own advice.
SWAP_KINDS = frozenset({"lexicon", "abbreviation", "light_verb"})
# a caseworker-facing text (German), the same for every swap rule: the rule's own suggestion
# template names the base form; this one the fitted words, so it is one mechanism, not rule data
FIXED_SUGGESTION = "Schreiben Sie {new} statt {old}."
WORD_SEEN = 40  # characters read of the first word after a split's full stop (a word is shorter)
MAX_SHOWN_WORDS = 8  # a longer changed stretch is no quick swap to show in one line: the rule's advice stays
# a word of context: letters, digits and hyphens, with a point, comma or colon inside it
# ("29,00", "Mitarbeiter:innen")
_CONTEXT = r"\w(?:[\w-]|[.,:](?=\w))*"
_BEFORE = re.compile(rf"(?:^|\s)({_CONTEXT})\s+$")
_AFTER = re.compile(rf"\s+({_CONTEXT})")


@lru_cache(maxsize=None)
def rewriter(kind: str):
    target = REWRITERS.get(kind)
    if target is None:
        return None
    module, name = target.split(":")
    return getattr(import_module(module), name)


def rules_pipe(nlp):
    """The pipeline's rule runner (``einfach_rules``), or None."""
    try:
        return nlp.get_pipe("einfach_rules")
    except KeyError:
        return None


class _Paragraph(NamedTuple):
    """What every rewrite of one checked Doc reads of it, read once: its text (``doc.text`` joins
    every token), its offset into the extracted text, and the places of its findings per rule
    (token start, token end, first character, end character)."""

    text: str
    offset: int
    places: dict[str, list[tuple[int, int, int, int]]]


def attach_fixes(doc: "Doc", offset: int, findings, spans, nlp, protected=(), text: str = "") -> None:
    """Set ``finding.fix`` where a rewrite passes the safety check.

    ``findings`` and ``spans`` are parallel lists (the finding and the span of
    ``doc.spans["einfach"]`` it came from); ``offset`` is the Doc's offset into
    the extracted text; ``protected`` are ``(start, end)`` ranges of the
    extracted text that must not change (suppressed or excluded parts).
    """
    from ..nlp.view import release
    from .safety import verify

    runner = rules_pipe(nlp)
    if runner is None or not findings:
        return
    by_rule = {active.rule.id: (active, kind) for active, kind in zip(runner.rules, runner.kinds)}
    fixes: dict[tuple, tuple | None] = {}
    places: dict[str, list[tuple[int, int, int, int]]] = {}
    for placed in doc.spans.get("einfach", []):
        places.setdefault(placed.label_, []).append((placed.start, placed.end, placed.start_char, placed.end_char))
    paragraph = _Paragraph(doc.text, offset, places)
    analysed: dict[str, tuple] = {}  # sentence -> what its analysis gave (safety.verify)
    for finding, span in zip(findings, spans):
        found = by_rule.get(finding.rule)
        if found is None:
            continue
        active, kind = found
        function = rewriter(active.rule.kind)
        if function is None:
            continue
        try:
            proposal = function(doc, span.start, span.end, kind, {**active.parameters, DOCUMENT_TEXT: text})
        except (IndexError, KeyError, ValueError, AttributeError):  # an unexpected analysis: no rewrite
            proposal = None
        if proposal is None:
            continue
        key = (proposal.start, proposal.end, tuple(proposal.words))
        if key not in fixes:
            fixes[key] = _fix(doc, paragraph, proposal, (finding.rule, span), nlp, protected,
                              lambda *args, **options: verify(*args, cache=analysed, **options),
                              lambda edits: _asked(runner, finding.rule, edits, findings))
        if fixes[key] is not None:
            fix, after = fixes[key]
            finding.fix = fix
            _share(fix, after, findings)
    for finding, span in zip(findings, spans):
        found = by_rule.get(finding.rule)
        if finding.fix is not None and found is not None and found[0].rule.kind in SWAP_KINDS:
            suggestion = fixed_suggestion(doc, paragraph.offset, span, finding.fix)
            if suggestion:
                finding.suggestions = [suggestion]
        elif finding.fix is None and found is not None and found[0].rule.kind == "lexicon" \
                and _unfitted_preposition(doc, span, found[1], finding.data.get("alternatives")):
            finding.suggestions = []
    release(doc)


def _unfitted_preposition(doc: "Doc", span, kind, alternatives) -> bool:
    """The finding is a genitive preposition whose swap (``rewrite_as: preposition``) could not be
    fitted, and its suggestion names single words: plain prepositions that take another case, so
    put in as they stand they break the phrase („bei des wirtschaftlichen Geschäftsbetriebes“, „zu
    der möglichen Rechtsformen“; issue 17, ninth review). No drop-in then: the message names the
    plain words. A sense's whole phrase („in diesem Fall“ for „in diesem Falle“) stays, and so does
    a word before a bare noun, which shows no case."""
    from .swaps import _lexicon_hit  # noqa: PLC0415 (the rewriters' lookup of a lexicon hit)

    words = _QUOTED.findall(alternatives) if isinstance(alternatives, str) else []
    if not words or any(" " in word for word in words):
        return False
    if span.end >= len(doc) or doc[span.end].tag_ not in _CASE_SHOWN:
        return False  # a bare noun shows no case: „hinsichtlich Preis und Leistung“ → „zu Preis und Leistung“
    entry, _ = _lexicon_hit(doc, span.start, span.end, kind)
    return entry is not None and entry.rewrite_as == "preposition"


_QUOTED = re.compile("„([^“]*)“")
# words before a noun whose ending shows the genitive the plain preposition would not take
_CASE_SHOWN = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "ADJA", "PWAT"})


def fixed_suggestion(doc: "Doc", offset: int, span, fix: dict) -> str | None:
    """„bei unserer Behörde“ statt „bei der hiesigen Behörde“: the words the fix changes around
    the finding (whole words, with the word before and after them as context), before and after
    the fix; None where the fix does not change the finding's words or changes too much."""
    from ..nlp.view import doc_view
    from ..rules.kinds.base import quote

    text = doc.text
    edits = [Edit(e["start"] - offset, e["end"] - offset, e["text"]) for e in fix["edits"]]
    if not edits or any(e.start < 0 or e.end > len(text) for e in edits):
        return None
    if not any(e.start < span.end_char and span.start_char < e.end for e in edits):
        return None  # the fix of another finding that leaves this one's words as they are
    sentence = doc_view(doc).sentence_of(span.start)
    begin = min([span.start_char] + [e.start for e in edits])
    end = max([span.end_char] + [e.end for e in edits])
    while begin > sentence.start_char and _in_word(text[begin - 1]):
        begin -= 1  # whole words, without the punctuation after them
    while end < sentence.end_char and _in_word(text[end]):
        end += 1
    before = _BEFORE.search(text[sentence.start_char:begin])  # one word of context on each side
    if before is not None:
        begin = sentence.start_char + before.start(1)
    after = _AFTER.match(text[end:sentence.end_char])
    if after is not None:
        end += after.end(1)
    old = text[begin:end]
    new = apply_edits(old, [Edit(e.start - begin, e.end - begin, e.text) for e in edits])
    if len(old.split()) > MAX_SHOWN_WORDS or new == old:
        return None
    return FIXED_SUGGESTION.format(new=quote(new.strip()), old=quote(old.strip()))


def _in_word(character: str) -> bool:
    return character.isalnum() or character in "-_"


def _share(fix: dict, after, findings) -> None:
    """Other findings on the changed words that the rewrite also resolves carry the same fix
    ("Es wird gebeten, ..." is both a passive and an impersonal phrase)."""
    edits = fix["edits"]
    gone = {span.label_ for span in after.spans.get("einfach", [])}
    left = None  # the words of the new sentence, read once and only when asked (Doc.text joins every token)
    for other in findings:
        if other.fix is not None or not any(e["start"] < other.end and other.start < e["end"] for e in edits):
            continue
        # a rule still reported in the new sentence resolves the finding only where none of its words
        # is left ("mit der hiesigen Behörde Rücksprache zu halten" -> "... zu sprechen": "hiesigen"
        # stays, "Rücksprache" is gone; "wird eine Gebühr gefordert" is still a passive)
        if other.rule in gone:
            if left is None:
                left = _words(after.text)
            if _words(other.text) & left:
                continue
        other.fix = fix


def _words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"\w+", text)}


def _asked(runner, rule: str, edits: list[Edit], findings) -> frozenset[str]:
    """The rules whose findings on the rewritten sentence are asked for: ``rule`` (may it fire
    again?) and those of the findings on the changed words (:func:`_share`), with the rules
    they yield to.  Running only these gives the same answers as running all."""
    touched = {f.rule for f in findings if any(e.start < f.end and f.start < e.end for e in edits)}
    return runner.closure(touched | {rule})


def _fix(doc, paragraph: _Paragraph, proposal: Proposal, asking, nlp, protected, verify, asked) -> dict | None:
    """The fix for ``proposal``, asked for by ``asking`` = (rule id, the finding's span), if it
    passes the safety check; else None."""
    from ..nlp.view import doc_view
    from .safety import carried, inside_edits

    rule, own = asking
    edits = minimal_edits(doc, proposal)
    if not edits:
        return None
    offset = paragraph.offset
    sentence = doc_view(doc).sentence_of(proposal.start)  # doc[proposal.start].sent, without its search
    begin, end = sentence.start_char, sentence.end_char
    if any(e.start < begin or e.end > end for e in edits):
        return None
    absolute = [Edit(e.start + offset, e.end + offset, e.text) for e in edits]
    if any(p_start < e.end and e.start < p_end or p_start <= e.start < p_end
           for e in absolute for p_start, p_end in protected):
        return None
    original = paragraph.text[begin:end]
    rewritten = apply_edits(original, [Edit(e.start - begin, e.end - begin, e.text) for e in edits])
    # a paragraph that is this one sentence was analysed by the same pipeline already (safety.verify)
    analysed = doc if begin == 0 and end == len(paragraph.text) else None
    relative = [(e.start - begin, e.end - begin, e.text) for e in edits]
    # the rule's other findings in this sentence stay where they were: not the rule firing again
    others = [(start_char - begin, end_char - begin) for start, stop, start_char, end_char in paragraph.places.get(rule, ())
              if (start, stop) != (own.start, own.end) and begin <= start_char and end_char <= end]
    after = verify(nlp, original, rewritten, rule, proposal.replaced, relative,
                   rules=asked(absolute), analysed=analysed, kept=carried(others, relative),
                   added_sentences=proposal.added_sentences, reinflected=inside_edits(original, others, relative))
    if after is None:
        return None
    fix = {"sentence": rewritten, "edits": [e._asdict() for e in absolute], "applicability": proposal.applicability}
    return fix, after


def compose(findings, include_review: bool = False, text: str | None = None) -> tuple[list[Edit], int]:
    """(the edits to apply for a file, the number of rewrites they make): per finding's fix,
    sure ones first, never two that overlap.

    Where two fixes touch the same words the sure one wins, then the one that
    resolves more findings, then the one reaching further (:func:`_reach`), then the
    earlier one; a fix is applied whole or not at all.

    ``text`` (the extracted text the fixes index) lets a split at a semicolon
    (:mod:`einfach.rewrite.split`) compose with another rewrite of the words after it: the
    split's capital letter yields to that rewrite, and the first word after each full stop
    the split makes is capitalised as it ends up (:func:`_capitalise_after_split`): "; zum
    Nachweis der …" with "zum Nachweis der" -> "als Nachweis für" gives ". Als Nachweis für …".
    Without ``text`` the capital letter is an edit like any other: the two fixes overlap and
    one of them wins.
    """
    candidates: dict[tuple, tuple[dict, int]] = {}
    for finding in findings:
        fix = getattr(finding, "fix", None)
        if not fix or (fix["applicability"] != SURE and not include_review):
            continue
        key = tuple((e["start"], e["end"], e["text"]) for e in fix["edits"])
        fix_, count = candidates.get(key, (fix, 0))
        candidates[key] = (fix_, count + 1)
    ordered = sorted(candidates.items(),
                     key=lambda item: (item[1][0]["applicability"] != SURE, -item[1][1], -_reach(item[0]), item[0][0][0]))
    chosen: list[Edit] = []
    splits: list[list[Edit]] = []  # the full stops of each chosen split
    count = 0
    for key, _ in ordered:
        edits, cuts = _cuts(text, [Edit(*e) for e in key])
        if not overlaps(chosen, edits):
            chosen += edits
            count += 1
            if cuts:
                splits.append(cuts)
    for cuts in splits:
        chosen, count = _capitalise_after_split(text, chosen, cuts, count)
    return sorted(chosen, key=lambda e: (e.start, e.end)), count


def compose_accepted(groups, text: str) -> list[Edit]:
    """The edits of rewrites a person accepted one by one (``groups``: each rewrite's edits),
    composed as :func:`compose` composes them: a split's capital letter yields to an accepted
    rewrite of the word after the semicolon, and that word is capitalised as it ends up.

    Unlike :func:`compose` nothing is chosen away: two accepted rewrites that touch the same
    words raise ValueError (the caller asks the person to accept only one of them).
    """
    edits: list[Edit] = []
    splits: list[list[Edit]] = []
    for group in groups:
        group, cuts = _cuts(text, [Edit(*edit) for edit in group])
        if cuts:
            splits.append(cuts)
        edits += group
    edits = checked_edits(edits, len(text))
    for cuts in splits:
        edits, _count = _capitalise_after_split(text, edits, cuts, 0)
    return sorted(edits, key=lambda e: (e.start, e.end))


def _cuts(text: str | None, edits: list[Edit]) -> tuple[list[Edit], list[Edit]]:
    """(``edits`` without a split's capital letter, which follows what ends up after the full stop;
    the split's full stops), or (``edits``, []) where they split no sentence or ``text`` is None."""
    cuts = [e for e in edits if _splits_at(text, e)] if text is not None else []
    if cuts:
        edits = [e for e in edits if not _recased(text, e)]
    return edits, cuts


def _splits_at(text: str, edit: Edit) -> bool:
    """The edit makes a semicolon a full stop (:mod:`einfach.rewrite.split`)."""
    return text[edit.start:edit.end] == split.SEMICOLON and edit.text == split.FULL_STOP


def _recased(text: str, edit: Edit) -> bool:
    """The edit only changes the case of what it replaces ("d" -> "D")."""
    old = text[edit.start:edit.end]
    return bool(old) and old != edit.text and old.lower() == edit.text.lower()


def _capitalise_after_split(text: str, edits: list[Edit], cuts: list[Edit], count: int) -> tuple[list[Edit], int]:
    """``edits`` (not overlapping) with the first word after each full stop ``cuts`` of one split
    capitalised in the text they give: in the edit that writes it ("als" -> "Als"), or with an
    edit of its first letter where it stays as it was.  Where the next word of one of them ends
    up as one whose capital means another word ("sie" -> "Sie", :data:`split.CASE_CHANGES_MEANING`)
    or does not start with a letter, the split is left out whole: its semicolons stay."""
    changes = [_capital_after(text, edits, cut) for cut in cuts]
    if any(change is None for change in changes):
        return [e for e in edits if e not in cuts], count - 1
    result = list(edits)
    for old, new in changes:
        if old is not None:
            result.remove(old)
        if new is not None:
            result.append(new)
    return result, count


def _capital_after(text: str, edits: list[Edit], cut: Edit) -> tuple[Edit | None, Edit | None] | None:
    """(the edit to replace, or None; the edit that capitalises the first word after ``cut``, or
    None where it is a capital already), or None where that word refuses a capital."""
    position, passed = cut.end, {cut}
    while True:
        at = next((e for e in edits if e.start == position and e not in passed), None)
        if at is not None and not at.text.strip():  # a deleted word: the capital goes to the next one
            passed.add(at)
            position = at.end
            continue
        if at is None and position < len(text) and text[position].isspace():
            position += 1
            continue
        old = at.text.lstrip() if at is not None else text[position : position + WORD_SEEN]  # what stands first now
        new = _capital_word(old)
        if new is None:
            return None
        if at is not None:
            return at, Edit(at.start, at.end, at.text[: len(at.text) - len(old)] + new)
        return None, (Edit(position, position + 1, new[0]) if new[0] != old[0] else None)


def _capital_word(text: str) -> str | None:
    """``text`` (a word and what follows it; only its start is changed) with its first letter
    capitalised; None where it does not start with a letter or its first word would mean
    something else with a capital."""
    word = text[:WORD_SEEN].split(maxsplit=1)[0] if text[:WORD_SEEN].strip() else ""
    if split.refuses_capital(word):
        return None
    return word[0].upper() + text[1:]


def _reach(edits: tuple) -> int:
    """How far a fix reaches in its sentence (first to last edited character): on a tie the
    restructuring rewrite wins over a word swap inside it ("Zur Vorsprache sind … mitzubringen" ->
    "Bitte bringen Sie zur Vorsprache … mit" over "Zum Besuch sind … mitzubringen"), since the
    swap can be made again on the rewritten sentence by the next check, the restructuring not."""
    return max(e[1] for e in edits) - min(e[0] for e in edits)
