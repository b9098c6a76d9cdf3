"""The checker: documents in, findings out.

Each paragraph of a document becomes one spaCy Doc (paragraph breaks are
always sentence boundaries, and memory stays bounded for long documents);
spans and sentences are shifted by the paragraph's offset into the
document's extracted text.

The check is a stream (:func:`check_stream`, :func:`stream_paths`): results
come chunk by chunk and a file's summary at its end, so the command line
writes its report while the check runs and memory does not grow with the
size of the input.  :func:`check_document` and :func:`check_paths` collect
the same stream into a ``FileResult`` / ``CheckResult``.
"""

from __future__ import annotations

import bisect
import json
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .document import Document, is_word_processor
from .errors import InputError
from .findings import (
    CheckResult, Chunk, FileResult, FileStart, FileSummary, Finding, InputFailure, Location, Segment,
)
from .gc_pause import paused
from .nlp.syntax import FINITE, is_word_text
from .rules.kinds.base import DocumentState

if TYPE_CHECKING:
    from .config import Settings

BATCH_SIZE = 64


def make_pipeline(profile: str = "einfach", model: str | None = None, settings: dict | None = None):
    with paused():  # importing spaCy and building the pipeline creates no garbage (see gc_pause)
        from .nlp.pipeline import build_pipeline

        return build_pipeline(model, profile, json.dumps(settings or {}, sort_keys=True))


def check_document(document: Document, nlp, settings: "Settings | None" = None) -> FileResult:
    """Run the pipeline over every paragraph of ``document``.

    Text that is excluded (see :mod:`einfach.suppress`) is not analysed;
    findings inside a suppression are dropped and counted.  Complete sentences
    also get their readability counts and Einfach-Index (:mod:`einfach.metrics`),
    which use neither the profile nor the findings.  This collects
    :func:`check_stream`.
    """
    segments: list[Segment] = []
    findings: list[Finding] = []
    for item in check_stream(document, nlp, settings):
        if isinstance(item, Chunk):
            segments += item.segments
            findings += item.findings
        else:
            return item.result(document.text, segments, findings)
    raise AssertionError("check_stream ends with a FileSummary")  # pragma: no cover


def check_stream(document: Document, nlp, settings: "Settings | None" = None) -> Iterator[Chunk | FileSummary]:
    """:func:`check_document` as a stream: a :class:`Chunk` per analysed piece, then a :class:`FileSummary`.

    Pieces come in text order, each with its findings filtered, sorted and
    its segments annotated, so the stream holds only one batch of pieces in
    memory and the concatenation equals the collected result.  The file's
    metrics are summed on the way (:class:`einfach.metrics.MetricsAccumulator`).
    """
    from .config import Settings
    from .metrics import MetricsAccumulator, annotate_segments, counts_in, passive_sentences
    from .nlp.list_sentences import paragraph_runs
    from .nlp.view import doc_view, release
    from .suppress import block_exclusions, comment_directives, merge, text_directives

    settings = settings or Settings()
    suppressions, exclusions = comment_directives(document)
    if not is_word_processor(document.path):
        text_suppressions, text_exclusions = text_directives(document)
        suppressions += text_suppressions
        exclusions += text_exclusions
    exclusions = merge(exclusions + block_exclusions(document, settings.exclude_styles, settings.exclude_headings))

    metrics = MetricsAccumulator()
    severities: Counter[str] = Counter()
    line_starts = _line_starts(document.text)
    part_numbers = _part_numbers(document)
    chunks = (chunk for chunk in _chunks(document) if not _inside(chunk, exclusions))
    # a sentence over list items in paragraphs of their own: its paragraphs are held back until
    # its last item is analysed, then the sentence-level rules judge them joined (issue 17)
    joining = _sentence_rules(nlp)
    run_last = {}  # paragraph index of a run's lead-in -> that of its last item
    if joining:
        shown = [p for p in document.paragraphs if not _inside(p, exclusions)]
        run_last = {shown[first].index: shown[last].index for first, last in paragraph_runs(shown)
                    if all(len(p.text) <= MAX_CHUNK_CHARS for p in shown[first : last + 1])}
    key = DocumentState(document.text)  # one per document: rules remember what they said in it (not on themselves)
    docs = nlp.pipe(((_make_doc(nlp, chunk.text, key), chunk) for chunk in chunks), batch_size=BATCH_SIZE,
                    as_tuples=True)

    def analyse(doc, chunk):
        offset = chunk.start
        passive = None
        segments: list[Segment] = []
        findings: list[Finding] = []
        view = doc_view(doc)  # the rules' token view (nlp/view.py), still in the Doc
        texts, tags, space, tokens = view.text, view.tag, view.space, view.tokens
        for sentence in view.sents:
            begin, end = sentence.start, sentence.end
            words = sum(1 for i in range(begin, end) if is_word_text(texts[i]))
            if not words:
                continue
            first = next(i for i in range(begin, end) if not space[i])
            last = next(i for i in range(end - 1, begin - 1, -1) if not space[i])
            fragment = not any(tags[i] in FINITE for i in range(begin, end))
            counts = None
            if not fragment:
                if passive is None:
                    passive = passive_sentences(doc)
                counts = counts_in(view, begin, end, begin in passive)
            segments.append(
                Segment(
                    start=offset + tokens[first].idx,
                    end=offset + tokens[last].idx + len(texts[last]),
                    words=words,
                    fragment=fragment,
                    counts=counts,
                    paragraph=chunk.index,
                )
            )
        # the rules' token view (nlp/view.py) stays for the counts above and the rewrites below
        # (what the rules derived, e.g. the passives, is what the rewriters ask for again);
        # released when this piece is done
        sources: dict[int, object] = {}  # id(finding) -> its span, for the rewrites
        for span in doc.spans.get("einfach", []):
            start = offset + span.start_char
            end = offset + span.end_char
            if _inside_range(start, end, exclusions):
                continue
            findings.append(_finding(span._.einfach, span.label_, start, end, document, line_starts, chunk,
                                     part_numbers))
            sources[id(findings[-1])] = span
        return segments, findings, sources

    def finish(doc, chunk, segments, findings, sources):
        if not segments and not findings:
            release(doc)
            return None
        # pieces do not overlap and come in text order: sorting and annotating each piece
        # gives the same as sorting and annotating the whole file
        findings = _apply_suppressions(findings, suppressions)
        fixable = [f for f in findings if id(f) in sources]  # a sentence joined over paragraphs has none
        if settings.rewrite and fixable:
            from .rewrite import attach_fixes

            protected = [(s.start, s.end) for s in suppressions] + [(e.start, e.end) for e in exclusions]
            attach_fixes(doc, chunk.start, fixable, [sources[id(f)] for f in fixable], nlp, protected,
                         document.text)
        release(doc)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        annotate_segments(segments, findings)
        metrics.add(segments, findings)
        severities.update(f.severity for f in findings)
        return Chunk(segments=segments, findings=findings)

    held: list[tuple] = []
    held_until = -1
    for doc, chunk in docs:
        held_until = run_last.get(chunk.index, held_until)
        if chunk.index <= held_until:
            held.append((doc, chunk, *analyse(doc, chunk)))
            if chunk.index < held_until:
                continue
            _join_over_paragraphs(nlp, joining, held, document, line_starts, part_numbers, exclusions)
            pieces, held = held, []
        else:
            pieces = [(doc, chunk, *analyse(doc, chunk))]
        for piece in pieces:
            result = finish(*piece)
            if result is not None:
                yield result
    notes = list(document.notes)
    if not metrics.segments and not exclusions:
        notes.append("Die Datei enthält keinen Text; nichts zu prüfen.")
    yield FileSummary(
        path=document.path,
        metrics=metrics.result(),
        notes=notes,
        excluded=[e.to_dict() for e in exclusions],
        suppressed=sum(s.used for s in suppressions),
        unused_suppressions=[s.source for s in suppressions if not s.used],
        severities=severities,
        rules=Counter(metrics.rules),
        fail_on=settings.fail_on,
        min_index=settings.min_index,
        profile=settings.profile,
    )


def _finding(data: dict, rule: str, start: int, end: int, document: Document, line_starts, chunk,
             part_numbers) -> Finding:
    return Finding(
        rule=rule,
        severity=data["severity"],
        message=data["message"],
        start=start,
        end=end,
        text=document.text[start:end],
        suggestions=list(data["suggestions"]),
        location=_locate(line_starts, chunk, start, part_numbers),
        data=_plain(data["values"]),
    )


def _sentence_rules(nlp) -> frozenset[str]:
    """The active rules that judge a whole sentence (kinds ``sentence_length`` and ``nesting``)."""
    from .rewrite import rules_pipe

    runner = rules_pipe(nlp)
    if runner is None:
        return frozenset()
    return frozenset(active.rule.id for active in runner.rules if active.rule.kind in {"sentence_length", "nesting"})


def _join_over_paragraphs(nlp, rules, held: list, document: Document, line_starts, part_numbers, exclusions) -> None:
    """Judge a lead-in and the list-item paragraphs after it as one text (issue 17).

    ``held`` holds ``(doc, chunk, segments, findings, sources)`` per paragraph.  The joined
    text (one line per paragraph, :func:`einfach.nlp.list_sentences.joined_text`) runs through
    the sentence-level rules only; a finding that spans more than one paragraph replaces that
    rule's findings inside its range and goes to the paragraph where it starts.  Segments stay
    as they are: the items remain sentences of their own in ``sentences[]`` and the metrics.
    """
    from .nlp.list_sentences import joined_text

    text, pieces = joined_text([item[1] for item in held])
    joined = nlp(text, component_cfg={"einfach_rules": {"only": rules}})

    begins = [piece[0] for piece in pieces]

    def where(offset: int) -> tuple[int, int]:
        """(paragraph number in ``held``, offset in the document) of an offset of the joined text;
        an offset between two paragraphs (a line break, an added marker) belongs to the next."""
        number = max(bisect.bisect_right(begins, offset) - 1, 0)
        begin, start, length = pieces[number]
        if offset > begin + length and number + 1 < len(pieces):
            return number + 1, pieces[number + 1][1]
        return number, start + min(max(offset - begin, 0), length)

    for span in joined.spans.get("einfach", []):
        (first, start), (last, end) = where(span.start_char), where(span.end_char)
        if first == last or _inside_range(start, end, exclusions):
            continue
        for item in held:
            item[3][:] = [f for f in item[3] if not (f.rule == span.label_ and start <= f.start and f.end <= end)]
        held[first][3].append(_finding(span._.einfach, span.label_, start, end, document, line_starts,
                                       held[first][1], part_numbers))


def _make_doc(nlp, text: str, key: "DocumentState"):
    doc = nlp.make_doc(text)
    doc._.einfach_document = key
    return doc


# A paragraph longer than this is analysed in pieces (split at a line break or after a
# sentence-final period), so a 50 MB text without blank lines stays in bounded memory.
MAX_CHUNK_CHARS = 20_000


def _chunks(document: Document):
    """The paragraphs, with very long ones cut into pieces that keep their offsets."""
    from dataclasses import replace

    for paragraph in document.paragraphs:
        if len(paragraph.text) <= MAX_CHUNK_CHARS:
            yield paragraph
            continue
        text = paragraph.text
        position = 0
        while position < len(text):
            end = min(position + MAX_CHUNK_CHARS, len(text))
            if end < len(text):
                cut = max(text.rfind("\n", position, end), text.rfind(". ", position, end) + 1)
                end = cut + 1 if cut > position else end
            piece = text[position:end]
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                yield replace(paragraph, text=stripped, start=paragraph.start + position + lead)
            position = end


def _inside(paragraph, exclusions) -> bool:
    return _inside_range(paragraph.start, paragraph.end, exclusions)


def _inside_range(start: int, end: int, exclusions) -> bool:
    return any(e.start <= start and end <= e.end for e in exclusions)


def _apply_suppressions(findings: list[Finding], suppressions) -> list[Finding]:
    if not suppressions:
        return findings
    kept = []
    for finding in findings:
        covering = next((s for s in suppressions if s.covers(finding.rule, finding.start, finding.end)), None)
        if covering is None:
            kept.append(finding)
        else:
            covering.used += 1
    return kept


def _plain(values: dict) -> dict:
    return {key: value for key, value in values.items() if isinstance(value, (str, int, float, bool))}


def _line_starts(text: str) -> array:
    """Offsets at which the lines of ``text`` start (computed once per document; 8 bytes a line)."""
    starts = array("q", [0])
    starts.extend(match.end() for match in re.finditer("\n", text))
    return starts


def _locate(line_starts, paragraph, start: int, part_numbers: dict[int, int] | None = None) -> Location:
    line = bisect.bisect_right(line_starts, start)
    return Location(part=paragraph.part, paragraph=paragraph.index, line=line, column=start - line_starts[line - 1] + 1,
                    table=paragraph.table, row=paragraph.row, cell=paragraph.cell,
                    part_paragraph=(part_numbers or {}).get(paragraph.index))


def _part_numbers(document: Document) -> dict[int, int]:
    """Paragraph index -> its number within its part, for paragraphs outside the body."""
    seen: Counter[str] = Counter()
    numbers = {}
    for paragraph in document.paragraphs:
        seen[paragraph.part] += 1
        if paragraph.part not in ("body", "table"):
            numbers[paragraph.index] = seen[paragraph.part]
    return numbers


def check_paths(paths: Iterable[str], model: str | None = None, flags: dict | None = None,
                config_file: str | None = None) -> CheckResult:
    """Check files and folders; unreadable inputs are recorded, not raised.

    Each file gets its settings from the nearest configuration file (or
    ``config_file``), its per-path overrides, then the command-line ``flags``
    (see :func:`einfach.config.with_cli`).  This collects :func:`stream_paths`.
    """
    result = CheckResult(files=[])
    start: FileStart | None = None
    segments: list[Segment] = []
    findings: list[Finding] = []
    for item in stream_paths(paths, model, flags, config_file):
        if isinstance(item, FileStart):
            start, segments, findings = item, [], []
        elif isinstance(item, Chunk):
            segments += item.segments
            findings += item.findings
        elif isinstance(item, FileSummary):
            result.files.append(item.result(start.text, segments, findings))
            start, segments, findings = None, [], []
        else:
            result.errors.append(item)
            start, segments, findings = None, [], []
    return result


def stream_paths(paths: Iterable[str], model: str | None = None, flags: dict | None = None,
                 config_file: str | None = None) -> Iterator[FileStart | Chunk | FileSummary | InputFailure]:
    """:func:`check_paths` as a stream: per file a :class:`FileStart`, its chunks and its
    :class:`FileSummary` (see :func:`check_stream`), or an :class:`InputFailure`.

    An internal error while a file is analysed ends that file's stream with an
    ``InputFailure`` after the chunks already yielded (no ``FileSummary``);
    the collected result leaves such a file out, as before.
    """
    from .config import config_for, with_cli
    from .readers import read_document
    from .readers.paths import expand_paths

    for path in expand_paths(paths):
        try:
            settings = with_cli(config_for(path, config_file).settings_for(path), **(flags or {}))
            document = read_document(path)
        except InputError as error:
            yield InputFailure(path=path, message=error.problem)
            continue
        nlp = make_pipeline(settings.profile, model, settings.rule_settings())
        yield FileStart(path=document.path, text=document.text, notes=list(document.notes))
        try:
            yield from check_stream(document, nlp, settings)
        except Exception as exc:  # a bug must not end a multi-file run or show a traceback
            yield InputFailure(
                path=path, message=f"interner Fehler beim Prüfen ({type(exc).__name__}: {exc}); "
                                   "bitte melden Sie diese Datei dem Betrieb von einfach"
            )
        del document
