"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` lists every rule einfach knows (from the rule
files), each result points at its rule by ``ruleId`` and ``ruleIndex``.

Regions count lines and columns in the *extracted text* (docs/definitions.md):
for .txt/.md files that is the file itself; for .docx/.odt files it is the text
``einfach text FILE`` prints (paragraphs joined by a blank line), because a
Word file has no lines.  ``columnKind`` is ``unicodeCodePoints`` and
``charOffset``/``charLength`` are the finding's ``start``/``end`` offsets.

``partialFingerprints["einfachSentenceHash/v1"]`` is a SHA-256 of the rule
id, the normalised text of the sentence the finding lies in and the
finding's occurrence number among findings of the same rule in the same
sentence text: it stays the same when lines above the sentence change, so
code scanning can follow an alert across commits.

:class:`SarifWriter` keeps the results in a temporary file while the check
runs (they follow the ``invocations``, which name the unreadable inputs), so
memory does not grow with the number of findings.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import unicodedata
from array import array
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from .. import __version__
from ..findings import CheckResult, Chunk, FileResult, FileStart, FileSummary, Finding, Segment
from ..wording import fix_label
from . import stream
from .stream import JsonArray, split_at

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"info": "note", "warning": "warning", "error": "error"}
FINGERPRINT_KEY = "einfachSentenceHash/v1"
_SPACES = re.compile(r"\s+")
_RESULTS = "\0results\0"


class SarifWriter(stream.Writer):
    """Collects the results in a temporary file: they follow the ``invocations``, which
    depend on the inputs that could not be read, known only at the end."""

    def __init__(self, out, base: str | None = None) -> None:
        super().__init__(out)
        self.base = base
        self.rules = _rules()
        self.index = {rule["id"]: number for number, rule in enumerate(self.rules)}
        self.results = JsonArray(3)

    def start_file(self, start: FileStart) -> None:
        self.uri = artifact_uri(start.path, self.base)
        self.file_mark = self.results.mark()
        self.lines = LineIndex(start.text)
        self.fingerprints = Fingerprints(start.text)
        # rewrites as SARIF fixes only where offsets into the extracted text are offsets into the file
        self.fixable = start.path.lower().endswith((".txt", ".md"))

    def chunk(self, chunk: Chunk) -> None:
        for finding in chunk.findings:
            fingerprint = self.fingerprints.next(finding, chunk.segments)
            result = _result(finding, self.uri, self.index, fingerprint, self.lines)
            if finding.fix and self.fixable:
                result["fixes"] = [_fix(finding.fix, self.uri)]
            self.results.append(result)

    def end_file(self, summary: FileSummary) -> None:
        self.lines = self.fingerprints = None

    def abort_file(self, failure) -> None:
        self.results.rollback(self.file_mark)  # as in the collected result, which leaves the file out
        self.lines = self.fingerprints = None

    def close(self) -> None:
        base, errors = self.base, self.errors
        run = {
            "tool": {
                "driver": {
                    "name": "einfach",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": self.rules,
                }
            },
            "invocations": [
                {
                    "executionSuccessful": not errors,
                    "toolExecutionNotifications": [
                        {
                            "level": "error",
                            "message": {"text": f"{failure.path}: {failure.message}"},
                            "locations": [
                                {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(failure.path, base)}}}
                            ],
                        }
                        for failure in errors
                    ],
                }
            ],
            "columnKind": "unicodeCodePoints",
            "results": _RESULTS,
        }
        log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
        head, tail = split_at(log, 0, _RESULTS)
        self.out.write(head)
        self.results.write_to(self.out)
        self.out.write(tail + "\n")
        self.results.close()


WRITER = SarifWriter


def render(result: CheckResult, base: str | None = None) -> str:
    """The SARIF log as JSON; paths are made relative to ``base`` (default: the working folder)."""
    return stream.render(SarifWriter, result, base=base)


# -- shared with the other CI formats -------------------------------------------


def relative_path(path: str, base: str | None = None) -> str:
    """``path`` relative to ``base`` (default: the working folder) with forward slashes.

    A path outside ``base`` stays absolute (with forward slashes); ``-``
    (standard input) stays ``-``.
    """
    if path == "-":
        return path
    root = Path(base or os.getcwd()).resolve()
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        try:
            relative = absolute.resolve().relative_to(root)
        except ValueError:
            return absolute.as_posix()
    return PurePosixPath(*relative.parts).as_posix()


def artifact_uri(path: str, base: str | None = None) -> str:
    """A URI reference for ``path``: relative and percent-encoded, or ``file://`` outside ``base``."""
    relative = relative_path(path, base)
    if relative != "-" and Path(relative).is_absolute():
        return Path(relative).as_uri()
    return quote(relative, safe="/-_.~")


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text``, columns in code points."""
    line = text.count("\n", 0, offset) + 1
    line_start = text.rfind("\n", 0, offset) + 1
    return line, offset - line_start + 1


class LineIndex:
    """:func:`position` for many offsets of one text: its line starts, found once."""

    def __init__(self, text: str) -> None:
        self.starts = array("q", [0])
        self.starts.extend(match.end() for match in re.finditer("\n", text))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def end_position(file: FileResult, finding: Finding) -> tuple[int, int]:
    """(line, column) just after the finding: SARIF's exclusive ``endColumn``."""
    return position(file.text, finding.end)


class Fingerprints:
    """The stable fingerprints of a file's findings, given in text order chunk by chunk."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[tuple[str, str], int] = {}

    def next(self, finding: Finding, segments: list[Segment]) -> str:
        """The fingerprint of ``finding``; ``segments``: those of its chunk (or of its file)."""
        sentence = normalise(_sentence_text(self.text, segments, finding))
        occurrence = self.seen.get((finding.rule, sentence), 0)
        self.seen[(finding.rule, sentence)] = occurrence + 1
        return hashlib.sha256(f"{finding.rule}\0{sentence}\0{occurrence}".encode("utf-8")).hexdigest()


def fingerprints(file: FileResult) -> list[str]:
    """One stable fingerprint per finding of ``file`` (same order)."""
    making = Fingerprints(file.text)
    return [making.next(finding, file.segments) for finding in file.findings]


def sentence_text(file: FileResult, finding: Finding) -> str:
    """The text of the segment the finding starts in (the finding itself if none)."""
    return _sentence_text(file.text, file.segments, finding)


def _sentence_text(text: str, segments: list[Segment], finding: Finding) -> str:
    starts = [segment.start for segment in segments]  # disjoint, in text order
    position = bisect.bisect_right(starts, finding.start) - 1
    if position >= 0 and segments[position].start <= finding.start < segments[position].end:
        return text[segments[position].start : segments[position].end]
    return finding.text


def normalise(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def suggestion_text(finding: Finding) -> str:
    """The message and the suggestions, one per line."""
    return "\n".join([finding.message, *(f"→ {s}" for s in finding.suggestions)])


# -- internals -----------------------------------------------------------------


def _plain(text: str) -> str:
    """YAML block text as one paragraph per blank-line-separated block."""
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text.strip())]
    return "\n\n".join(block for block in blocks if block)


def _rules() -> list[dict]:
    from ..rules.loader import load_rules

    descriptors = []
    for rule in load_rules().values():
        why = _plain(rule.why)
        source = _plain(rule.source)
        bad = "\n".join(f"- {example}" for example in rule.examples["bad"])
        good = "\n".join(f"- {example}" for example in rule.examples["good"])
        help_text = f"{rule.summary}\n\n{why}\n\nSchwer:\n{bad}\n\nBesser:\n{good}\n\nQuelle: {source}"
        descriptor = {
            "id": rule.id,
            "name": rule.title,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": why},
            "help": {"text": help_text, "markdown": _help_markdown(rule.summary, why, bad, good, source)},
            "defaultConfiguration": {"level": LEVELS[rule.level]},
            "properties": {"tags": ["einfache-sprache", rule.kind]},
        }
        if rule.link:
            descriptor["helpUri"] = rule.link
        descriptors.append(descriptor)
    return descriptors


def _help_markdown(summary: str, why: str, bad: str, good: str, source: str) -> str:
    return f"**{summary}**\n\n{why}\n\n**Schwer:**\n\n{bad}\n\n**Besser:**\n\n{good}\n\n*Quelle:* {source}"


def _result(finding: Finding, uri: str, index: dict[str, int], fingerprint: str, lines: LineIndex) -> dict:
    start_line, start_column = lines.position(finding.start)
    end_line, end_column = lines.position(finding.end)
    result: dict = {"ruleId": finding.rule}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    result |= {
        "level": LEVELS[finding.severity],
        "message": {"text": suggestion_text(finding)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {
                        "startLine": start_line,
                        "startColumn": start_column,
                        "endLine": end_line,
                        "endColumn": end_column,
                        "charOffset": finding.start,
                        "charLength": finding.end - finding.start,
                        "snippet": {"text": finding.text},
                    },
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"part": finding.location.part, "paragraph": finding.location.paragraph},
    }
    return result


def _fix(fix: dict, uri: str) -> dict:
    """A finding's rewrite (``finding.fix``, docs/rewrites.md) as a SARIF fix."""
    return {
        "description": {"text": f"Umformulierung ({fix_label(fix)}): {fix['sentence']}"},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri},
            "replacements": [
                {"deletedRegion": {"charOffset": e["start"], "charLength": e["end"] - e["start"]},
                 "insertedContent": {"text": e["text"]}}
                for e in fix["edits"]
            ],
        }],
    }
