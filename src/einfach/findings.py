"""The result types; their ``to_dict`` forms are the JSON schema ``einfach/1``.

``docs/json-schema.md`` documents every field.  Offsets are indices into the
file's extracted text (Unicode code points), so
``extracted[finding.start:finding.end] == finding.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "einfach/1"
SEVERITIES = ("info", "warning", "error")


@dataclass
class Location:
    part: str
    paragraph: int
    line: int
    column: int


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

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Segment:
    """A sentence or a fragment (salutation, subject line, list item, ...)."""

    start: int
    end: int
    words: int
    fragment: bool

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class FileResult:
    path: str
    text: str
    segments: list[Segment]
    findings: list[Finding]
    notes: list[str] = field(default_factory=list)

    @property
    def metrics(self) -> dict:
        sentences = [s for s in self.segments if not s.fragment]
        words = sum(s.words for s in self.segments)
        sentence_words = sum(s.words for s in sentences)
        return {
            "words": words,
            "sentences": len(sentences),
            "segments": len(self.segments),
            "avg_sentence_words": round(sentence_words / len(sentences), 1) if sentences else 0.0,
        }

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "metrics": self.metrics,
            "sentences": [s.to_dict() for s in self.segments],
            "findings": [f.to_dict() for f in self.findings],
            "notes": list(self.notes),
        }


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

    def worst_severity(self) -> str | None:
        found = {f.severity for result in self.files for f in result.findings}
        for severity in reversed(SEVERITIES):
            if severity in found:
                return severity
        return None
