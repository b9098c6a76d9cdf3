"""The result types; their ``to_dict`` forms are the JSON schema ``einfach/1``.

``docs/json-schema.md`` documents every field.  Offsets are indices into the
file's extracted text (Unicode code points), so
``extracted[finding.start:finding.end] == finding.text``.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

SCHEMA = "einfach/1"
SEVERITIES = ("info", "warning", "error")


@dataclass
class Location:
    """Where a finding is: ``part`` of the document, paragraph (1-based over the
    whole document), line and column in the extracted text; for a table cell
    also ``table``, ``row`` and ``cell`` (1-based; only in the JSON when set).
    ``part_paragraph`` (not in the JSON) counts paragraphs within the part, so a
    footer's first paragraph reads "Fußzeile, Absatz 1" (:func:`einfach.wording.place`)."""

    part: str
    paragraph: int
    line: int
    column: int
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    part_paragraph: int | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        data = {"part": self.part, "paragraph": self.paragraph, "line": self.line, "column": self.column}
        data.update({key: value for key, value in
                     (("table", self.table), ("row", self.row), ("cell", self.cell)) if value is not None})
        return data


@dataclass
class Finding:
    rule: str
    severity: str
    message: str
    start: int
    end: int
    text: str
    suggestions: list[str]
    location: Location
    data: dict[str, Any] = field(default_factory=dict)
    # the rewritten sentence (issue 14, einfach.rewrite): {"sentence", "edits", "applicability"}
    fix: dict[str, Any] | None = None

    def to_dict(self) -> dict:
        """The finding in the JSON: ``dataclasses.asdict`` with ``location`` as its own
        ``to_dict`` and ``fix`` only when set, written out (asdict's generic walk over
        every field was a tenth of a server answer's CPU, issue 15)."""
        result = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "suggestions": _copied(self.suggestions),
            "location": self.location.to_dict(),  # table/row/cell only when set
            "data": _copied(self.data),
        }
        if self.fix is not None:  # optional in the JSON: only findings with a rewrite carry it
            result["fix"] = _copied(self.fix)
        return result


_ATOMS = (str, int, float, bool, type(None))


def _copied(value):
    """A deep copy of a field's value as :func:`dataclasses.asdict` makes it (plain dicts,
    lists and tuples walked here; anything else left to asdict or ``copy.deepcopy``)."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is dict:
        return {_copied(key): _copied(item) for key, item in value.items()}
    if kind is list or kind is tuple:
        return kind(_copied(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return copy.deepcopy(value)


@dataclass
class Segment:
    """A sentence or a fragment (salutation, subject line, list item, ...).

    ``index`` (the sentence's Einfach-Index) and ``metrics`` (its readability
    figures) are None for fragments.  ``counts`` (the raw counts behind them,
    see :mod:`einfach.metrics`) and ``paragraph`` (1-based) are not part of
    the JSON.
    """

    start: int
    end: int
    words: int
    fragment: bool
    index: float | None = None
    metrics: dict | None = None
    counts: dict | None = field(default=None, repr=False, compare=False)
    paragraph: int | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "words": self.words,
            "fragment": self.fragment,
            "index": None if self.index is None else round(self.index, 1),
            "metrics": self.metrics,
        }


@dataclass
class FileResult:
    path: str
    text: str
    segments: list[Segment]
    findings: list[Finding]
    notes: list[str] = field(default_factory=list)
    excluded: list[dict] = field(default_factory=list)  # {"start", "end", "reason"}: not checked
    suppressed: int = 0  # findings dropped by suppression comments or properties
    unused_suppressions: list[str] = field(default_factory=list)
    # the file's settings that decide the exit code (not part of the JSON)
    fail_on: str = field(default="warning", repr=False, compare=False)
    min_index: float | None = field(default=None, repr=False, compare=False)
    profile: str | None = field(default=None, repr=False, compare=False)  # its target band: einfach.bands

    @property
    def metrics(self) -> dict:
        """Counts, readability figures and the Einfach-Index (see :mod:`einfach.metrics`)."""
        from .metrics import document_metrics

        return document_metrics(self.segments, self.findings)

    def below_min_index(self) -> bool:
        """True when the file's Einfach-Index is below its ``min_index`` (never without sentences)."""
        return _below(self.metrics, self.min_index)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "metrics": self.metrics,
            "sentences": [s.to_dict() for s in self.segments],
            "findings": [f.to_dict() for f in self.findings],
            "notes": list(self.notes),
            "excluded": list(self.excluded),
            "suppressed": self.suppressed,
            "unused_suppressions": list(self.unused_suppressions),
        }


def _below(metrics: dict, minimum: float | None) -> bool:
    if minimum is None:
        return False
    value = metrics["index"]["value"]
    return value is not None and value < minimum


# -- a file's check as a stream (einfach.checker.check_stream, stream_paths) ----------------


@dataclass
class FileStart:
    """A file's check begins: the file read, nothing analysed yet (``notes`` are the reader's)."""

    path: str
    text: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Chunk:
    """The segments and findings of one piece of a file (a paragraph or part of a long one).

    Findings are filtered by exclusions and suppressions and sorted, segments
    annotated; pieces come in text order, so their concatenation is the
    file's ``segments`` and ``findings``.
    """

    segments: list[Segment]
    findings: list[Finding]


@dataclass
class FileSummary:
    """Everything about a checked file except its segments and findings (the stream's last item)."""

    path: str
    metrics: dict
    notes: list[str] = field(default_factory=list)
    excluded: list[dict] = field(default_factory=list)
    suppressed: int = 0
    unused_suppressions: list[str] = field(default_factory=list)
    severities: Counter = field(default_factory=Counter)  # findings per severity
    rules: Counter = field(default_factory=Counter)  # findings per rule
    fail_on: str = "warning"
    min_index: float | None = None
    profile: str | None = None

    @classmethod
    def of(cls, result: FileResult) -> "FileSummary":
        """The summary of a collected result."""
        return cls(
            path=result.path, metrics=result.metrics, notes=list(result.notes), excluded=list(result.excluded),
            suppressed=result.suppressed, unused_suppressions=list(result.unused_suppressions),
            severities=Counter(f.severity for f in result.findings), rules=Counter(f.rule for f in result.findings),
            fail_on=result.fail_on, min_index=result.min_index, profile=result.profile,
        )

    def result(self, text: str, segments: list[Segment], findings: list[Finding]) -> FileResult:
        """The collected result, given the file's text and all its segments and findings."""
        return FileResult(
            path=self.path, text=text, segments=segments, findings=findings, notes=self.notes,
            excluded=self.excluded, suppressed=self.suppressed, unused_suppressions=self.unused_suppressions,
            fail_on=self.fail_on, min_index=self.min_index, profile=self.profile,
        )

    @property
    def finding_count(self) -> int:
        return sum(self.severities.values())

    def below_min_index(self) -> bool:
        return _below(self.metrics, self.min_index)

    def failing(self) -> bool:
        """As :meth:`CheckResult.failing` for this file."""
        threshold = SEVERITIES.index(self.fail_on)
        too_many = any(count and SEVERITIES.index(severity) >= threshold for severity, count in self.severities.items())
        return too_many or self.below_min_index()


@dataclass
class InputFailure:
    path: str
    message: str

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message}


@dataclass
class CheckResult:
    """The outcome of one call: results per file and inputs that failed."""

    files: list[FileResult]
    errors: list[InputFailure] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "files": [f.to_dict() for f in self.files],
            "errors": [e.to_dict() for e in self.errors],
        }

    def below_index(self, minimum: float) -> list[FileResult]:
        """Files whose Einfach-Index is below ``minimum`` (files without a complete sentence never are)."""
        below = []
        for result in self.files:
            value = result.metrics["index"]["value"]
            if value is not None and value < minimum:
                below.append(result)
        return below

    def failing(self) -> list[FileResult]:
        """Files that make the check fail: a finding at or above the file's ``fail_on``
        level, or an Einfach-Index below the file's ``min_index``."""
        failing = []
        for result in self.files:
            threshold = SEVERITIES.index(result.fail_on)
            too_many = any(SEVERITIES.index(f.severity) >= threshold for f in result.findings)
            too_hard = result.below_min_index()
            if too_many or too_hard:
                failing.append(result)
        return failing

    def worst_severity(self) -> str | None:
        found = {f.severity for result in self.files for f in result.findings}
        for severity in reversed(SEVERITIES):
            if severity in found:
                return severity
        return None
