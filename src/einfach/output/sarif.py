"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` lists every rule einfach knows (from the rule
files), each result points at its rule by ``ruleId`` and ``ruleIndex``.

Regions count lines and columns in the *extracted text* (docs/definitions.md):
for .txt/.md files that is the file itself; for .docx files it is the text
``einfach text FILE`` prints (paragraphs joined by a blank line), because a
Word file has no lines.  ``columnKind`` is ``unicodeCodePoints`` and
``charOffset``/``charLength`` are the finding's ``start``/``end`` offsets.

``partialFingerprints["einfachSentenceHash/v1"]`` is a SHA-256 of the rule
id, the normalised text of the sentence the finding lies in and the
finding's occurrence number among findings of the same rule in the same
sentence text: it stays the same when lines above the sentence change, so
code scanning can follow an alert across commits.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from .. import __version__
from ..findings import CheckResult, FileResult, Finding

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"info": "note", "warning": "warning", "error": "error"}
FINGERPRINT_KEY = "einfachSentenceHash/v1"
_SPACES = re.compile(r"\s+")


def render(result: CheckResult, base: str | None = None) -> str:
    """The SARIF log as JSON; paths are made relative to ``base`` (default: the working folder)."""
    rules = _rules()
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    results = []
    for file in result.files:
        uri = artifact_uri(file.path, base)
        for finding, fingerprint in zip(file.findings, fingerprints(file)):
            results.append(_result(file, finding, uri, index, fingerprint))
    run = {
        "tool": {
            "driver": {
                "name": "einfach",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not result.errors,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": f"{failure.path}: {failure.message}"},
                        "locations": [
                            {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(failure.path, base)}}}
                        ],
                    }
                    for failure in result.errors
                ],
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


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


def end_position(file: FileResult, finding: Finding) -> tuple[int, int]:
    """(line, column) just after the finding: SARIF's exclusive ``endColumn``."""
    return position(file.text, finding.end)


def fingerprints(file: FileResult) -> list[str]:
    """One stable fingerprint per finding of ``file`` (same order)."""
    seen: dict[tuple[str, str], int] = {}
    result = []
    for finding in file.findings:
        sentence = normalise(sentence_text(file, finding))
        occurrence = seen.get((finding.rule, sentence), 0)
        seen[(finding.rule, sentence)] = occurrence + 1
        digest = hashlib.sha256(f"{finding.rule}\0{sentence}\0{occurrence}".encode("utf-8")).hexdigest()
        result.append(digest)
    return result


def sentence_text(file: FileResult, finding: Finding) -> str:
    """The text of the segment the finding starts in (the finding itself if none)."""
    for segment in file.segments:
        if segment.start <= finding.start < segment.end:
            return file.text[segment.start : segment.end]
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


def _result(file: FileResult, finding: Finding, uri: str, index: dict[str, int], fingerprint: str) -> dict:
    start_line, start_column = position(file.text, finding.start)
    end_line, end_column = end_position(file, finding)
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
