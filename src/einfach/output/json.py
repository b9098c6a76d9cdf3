"""``--format json``: the stable schema einfach/1 (see docs/json-schema.md)."""

from __future__ import annotations

import json

from ..findings import CheckResult


def render(result: CheckResult) -> str:
    payload = result.to_dict()
    for entry in payload["files"]:
        entry.pop("text", None)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
