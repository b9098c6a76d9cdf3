"""Baselines for legacy templates: accept today's findings, fail only on new ones.

A finding's fingerprint is a hash of its rule, the normalised text of the
sentence it stands in and its occurrence number among equal (rule, sentence)
pairs of the file.  Offsets and paragraph numbers are not part of it, so
moving a paragraph does not invalidate the baseline; editing the sentence
does (the finding is then new).  The baseline stores hashes only, never
letter text (letters hold personal data).

A check never adds to a baseline: only ``--write-baseline`` writes one, and
``--prune-baseline`` only removes entries that are fixed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import EinfachError
from .findings import FileResult, Finding

SCHEMA = "einfach-baseline/1"
_SPACE = re.compile(r"\s+")


class BaselineError(EinfachError):
    code = "E500"

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: Baseline: {problem}")


def _sentence_of(result: FileResult, finding: Finding) -> str:
    for segment in result.segments:
        if segment.start <= finding.start < segment.end:
            return result.text[segment.start : segment.end]
    return finding.text


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def fingerprints(result: FileResult) -> list[str]:
    """One fingerprint per finding of ``result``, in finding order."""
    seen: Counter[tuple[str, str]] = Counter()
    prints = []
    for finding in result.findings:
        sentence = normalise(_sentence_of(result, finding))
        seen[(finding.rule, sentence)] += 1
        raw = f"{finding.rule}\x00{sentence}\x00{seen[(finding.rule, sentence)]}"
        prints.append(hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32])
    return prints


def file_key(path: str, base: Path) -> str:
    """The path as stored in the baseline: relative to the baseline's folder, with forward slashes."""
    if path == "-":
        return "-"
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(path).resolve().as_posix()


@dataclass
class Baseline:
    path: Path
    entries: dict[str, Counter]  # file key -> fingerprint -> count

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(str(path), "Datei nicht gefunden") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(str(path), f"kann nicht gelesen werden ({exc})") from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("files"), dict):
            raise BaselineError(str(path), f"unbekanntes Format (erwartet: schema {SCHEMA})")
        entries = {key: Counter(values) for key, values in data["files"].items()}
        return cls(path=path, entries=entries)

    @classmethod
    def from_results(cls, path: Path, results: list[FileResult]) -> "Baseline":
        entries = {file_key(r.path, path.parent): Counter(fingerprints(r)) for r in results}
        return cls(path=path, entries={key: value for key, value in entries.items() if value})

    def to_json(self) -> str:
        files = {key: dict(sorted(counter.items())) for key, counter in sorted(self.entries.items()) if counter}
        return json.dumps({"schema": SCHEMA, "files": files}, indent=2, sort_keys=True) + "\n"

    def filter(self, results: list[FileResult]) -> tuple[int, int, "Baseline"]:
        """Drop baselined findings from ``results`` (in place).

        Returns (findings hidden, baseline entries now fixed, the baseline without
        the fixed entries of the checked files).
        """
        hidden = fixed = 0
        pruned = {key: Counter(value) for key, value in self.entries.items()}
        for result in results:
            key = file_key(result.path, self.path.parent)
            budget = Counter(self.entries.get(key, {}))
            kept = []
            for finding, print_ in zip(result.findings, fingerprints(result)):
                if budget[print_] > 0:
                    budget[print_] -= 1
                    hidden += 1
                else:
                    kept.append(finding)
            result.findings = kept
            unused = sum(budget.values())
            fixed += unused
            if key in pruned:
                pruned[key] = pruned[key] - budget
        return hidden, fixed, Baseline(path=self.path, entries=pruned)
