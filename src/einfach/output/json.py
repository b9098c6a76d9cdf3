"""``--format json``: the stable schema einfach/1 (see docs/json-schema.md).

Written file by file (:class:`JsonWriter`): a file's ``sentences`` and
``findings`` wait in temporary files until its check ends, so memory does not
grow with the size of the output.  The text is byte for byte
``json.dumps(result.to_dict(), ensure_ascii=False, indent=2)`` plus a newline.
"""

from __future__ import annotations

from ..findings import SCHEMA, CheckResult, FileStart, FileSummary, InputFailure
from . import stream
from .stream import INDENT, JsonArray, split_at

_FILES, _SENTENCES, _FINDINGS = "\0files\0", "\0sentences\0", "\0findings\0"


class JsonWriter(stream.Writer):
    def __init__(self, out) -> None:
        super().__init__(out)
        self.files = 0
        self.sentences: JsonArray | None = None
        self.findings: JsonArray | None = None
        head, _ = split_at(self._document([]), 0, _FILES)
        out.write(head)

    @staticmethod
    def _document(errors: list[InputFailure]) -> dict:
        return {"schema": SCHEMA, "files": _FILES, "errors": [e.to_dict() for e in errors]}

    def start_file(self, start: FileStart) -> None:
        self.sentences, self.findings = JsonArray(3), JsonArray(3)

    def chunk(self, chunk) -> None:
        for segment in chunk.segments:
            self.sentences.append(segment.to_dict())
        for finding in chunk.findings:
            self.findings.append(finding.to_dict())

    def end_file(self, summary: FileSummary) -> None:
        entry = {  # the keys of FileResult.to_dict, in its order
            "path": summary.path,
            "metrics": summary.metrics,
            "sentences": _SENTENCES,
            "findings": _FINDINGS,
            "notes": list(summary.notes),
            "excluded": list(summary.excluded),
            "suppressed": summary.suppressed,
            "unused_suppressions": list(summary.unused_suppressions),
        }
        head, middle, tail = split_at(entry, 2, _SENTENCES, _FINDINGS)
        self.out.write(("[\n" if not self.files else ",\n") + INDENT * 2 + head)
        self.sentences.write_to(self.out)
        self.out.write(middle)
        self.findings.write_to(self.out)
        self.out.write(tail)
        self.files += 1
        self._drop()

    def abort_file(self, failure: InputFailure) -> None:
        self._drop()

    def _drop(self) -> None:
        for array in (self.sentences, self.findings):
            if array is not None:
                array.close()
        self.sentences = self.findings = None

    def close(self) -> None:
        self.out.write("\n" + INDENT + "]" if self.files else "[]")
        _, tail = split_at(self._document(self.errors), 0, _FILES)
        self.out.write(tail + "\n")


WRITER = JsonWriter


def render(result: CheckResult) -> str:
    return stream.render(JsonWriter, result)
