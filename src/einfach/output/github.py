"""``--format github``: workflow commands that GitHub Actions shows as annotations.

One line per finding::

    ::warning file=briefe/brief.txt,line=3,col=11,endLine=3,endColumn=26,title=einfach (passiv)::Vorgangspassiv: …

Levels: info → ``notice``, warning → ``warning``, error → ``error``.  Escaping
follows GitHub's rules for workflow commands: in the message ``%``, CR and
LF become ``%25``, ``%0D``, ``%0A``; in property values also ``:`` and ``,``
(``%3A``, ``%2C``).  Lines and columns count in the extracted text
(docs/definitions.md); for a .docx file, whose lines GitHub cannot show, the
message starts with the paragraph ("Absatz 12: …").  An input that could
not be read becomes an ``::error`` annotation on that file.  Written chunk
by chunk (:class:`GithubWriter`); the lines of unreadable inputs come last.
"""

from __future__ import annotations

from ..document import is_word_processor
from ..findings import CheckResult, Chunk, FileStart, FileSummary
from . import stream
from .sarif import LineIndex, relative_path, suggestion_text

COMMANDS = {"info": "notice", "warning": "warning", "error": "error"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


class GithubWriter(stream.Writer):
    """One line per finding as its chunk comes; unreadable inputs at the end."""

    def __init__(self, out, base: str | None = None) -> None:
        super().__init__(out)
        self.base = base

    def start_file(self, start: FileStart) -> None:
        self.path = relative_path(start.path, self.base)
        self.docx = is_word_processor(start.path)
        self.lines = LineIndex(start.text)

    def chunk(self, chunk: Chunk) -> None:
        lines = []
        for finding in chunk.findings:
            end_line, end_column = self.lines.position(finding.end)
            message = suggestion_text(finding)
            if self.docx:
                message = f"Absatz {finding.location.paragraph}: {message}"
            lines.append(
                command(
                    COMMANDS[finding.severity],
                    message,
                    file=self.path,
                    line=finding.location.line,
                    col=finding.location.column,
                    endLine=end_line,
                    endColumn=end_column,
                    title=f"einfach ({finding.rule})",
                )
            )
        self.out.write("".join(line + "\n" for line in lines))

    def end_file(self, summary: FileSummary) -> None:
        self.lines = None

    def close(self) -> None:
        for failure in self.errors:
            path = relative_path(failure.path, self.base)
            self.out.write(command("error", failure.message, file=path, title="einfach") + "\n")


WRITER = GithubWriter


def render(result: CheckResult, base: str | None = None) -> str:
    return stream.render(GithubWriter, result, base=base)
