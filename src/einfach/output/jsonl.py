"""``--format jsonl``: one JSON object per finding per line (JSON Lines).

Each line holds the fields of a finding in the JSON output (schema
``einfach/1``, docs/json-schema.md) plus ``path``; an input that could not be
read is a line with ``path`` and ``error`` (its German message) instead.
Good for ``grep``, ``jq -c`` and loading into a table, one finding at a time.
Written chunk by chunk (:class:`JsonlWriter`); the lines of unreadable inputs
come last.
"""

from __future__ import annotations

import json

from ..findings import CheckResult, FileStart
from . import stream


class JsonlWriter(stream.Writer):
    def start_file(self, start: FileStart) -> None:
        self.path = start.path

    def chunk(self, chunk) -> None:
        for finding in chunk.findings:
            self.out.write(json.dumps({"path": self.path, **finding.to_dict()}, ensure_ascii=False) + "\n")

    def close(self) -> None:
        for failure in self.errors:
            self.out.write(json.dumps({"path": failure.path, "error": failure.message}, ensure_ascii=False) + "\n")


WRITER = JsonlWriter


def render(result: CheckResult) -> str:
    return stream.render(JsonlWriter, result)
