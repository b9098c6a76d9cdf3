"""``--format jsonl``: one JSON object per finding per line (JSON Lines).

Each line holds the fields of a finding in the JSON output (schema
``einfach/1``, docs/json-schema.md) plus ``path``; an input that could not be
read is a line with ``path`` and ``error`` (its German message) instead.
Good for ``grep``, ``jq -c`` and loading into a table, one finding at a time.
"""

from __future__ import annotations

import json

from ..findings import CheckResult


def render(result: CheckResult) -> str:
    lines = []
    for file in result.files:
        for finding in file.findings:
            lines.append(json.dumps({"path": file.path, **finding.to_dict()}, ensure_ascii=False))
    for failure in result.errors:
        lines.append(json.dumps({"path": failure.path, "error": failure.message}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
