"""The checker: documents in, findings out.

Each paragraph of a document becomes one spaCy Doc (paragraph breaks are
always sentence boundaries, and memory stays bounded for long documents);
spans and sentences are shifted by the paragraph's offset into the
document's extracted text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .document import Document
from .errors import InputError
from .findings import CheckResult, FileResult, Finding, InputFailure, Location, Segment

BATCH_SIZE = 64
FINITE = {"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"}


def make_pipeline(profile: str = "einfach", model: str | None = None, settings: dict | None = None):
    from .nlp.pipeline import build_pipeline

    return build_pipeline(model, profile, json.dumps(settings or {}, sort_keys=True))


def check_document(document: Document, nlp) -> FileResult:
    """Run the pipeline over every paragraph of ``document``.

    Complete sentences also get their readability counts and Einfach-Index
    (:mod:`einfach.metrics`), which use neither the profile nor the findings.
    """
    from .metrics import annotate_segments, passive_sentences, sentence_counts

    segments: list[Segment] = []
    findings: list[Finding] = []
    texts = (paragraph.text for paragraph in document.paragraphs)
    for paragraph, doc in zip(document.paragraphs, nlp.pipe(texts, batch_size=BATCH_SIZE)):
        offset = paragraph.start
        passive = None
        for sentence in doc.sents:
            words = [t for t in sentence if any(ch.isalnum() for ch in t.text)]
            if not words:
                continue
            tokens = [t for t in sentence if not t.is_space]
            fragment = not any(t.tag_ in FINITE for t in sentence)
            counts = None
            if not fragment:
                if passive is None:
                    passive = passive_sentences(doc)
                counts = sentence_counts(sentence, sentence.start in passive)
            segments.append(
                Segment(
                    start=offset + tokens[0].idx,
                    end=offset + tokens[-1].idx + len(tokens[-1].text),
                    words=len(words),
                    fragment=fragment,
                    counts=counts,
                    paragraph=paragraph.index,
                )
            )
        for span in doc.spans.get("einfach", []):
            data = span._.einfach
            start = offset + span.start_char
            end = offset + span.end_char
            findings.append(
                Finding(
                    rule=span.label_,
                    severity=data["severity"],
                    message=data["message"],
                    start=start,
                    end=end,
                    text=document.text[start:end],
                    suggestions=list(data["suggestions"]),
                    location=_locate(document, paragraph, start),
                    data=_plain(data["values"]),
                )
            )
    notes = list(document.notes)
    if not segments:
        notes.append("Die Datei enthält keinen Text; nichts zu prüfen.")
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    annotate_segments(segments, findings)
    return FileResult(path=document.path, text=document.text, segments=segments, findings=findings, notes=notes)


def _plain(values: dict) -> dict:
    return {key: value for key, value in values.items() if isinstance(value, (str, int, float, bool))}


def _locate(document: Document, paragraph, start: int) -> Location:
    line = document.text.count("\n", 0, start) + 1
    line_start = document.text.rfind("\n", 0, start) + 1
    return Location(part=paragraph.part, paragraph=paragraph.index, line=line, column=start - line_start + 1)


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders searched recursively for supported files."""
    from pathlib import Path

    from .readers import SUPPORTED_SUFFIXES

    for path in paths:
        folder = Path(path)
        if path != "-" and folder.is_dir():
            found = sorted(
                p for p in folder.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(("~$", "."))
            )
            yield from (str(p) for p in found)
        else:
            yield path


def check_paths(paths: Iterable[str], profile: str = "einfach", model: str | None = None,
                settings: dict | None = None) -> CheckResult:
    """Check files and folders; unreadable inputs are recorded, not raised."""
    from .readers import read_document

    nlp = None
    result = CheckResult(files=[])
    for path in expand_paths(paths):
        try:
            document = read_document(path)
        except InputError as error:
            result.errors.append(InputFailure(path=path, message=error.problem))
            continue
        if nlp is None:
            nlp = make_pipeline(profile, model, settings)
        result.files.append(check_document(document, nlp))
    return result
