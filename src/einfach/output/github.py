"""``--format github``: workflow commands that GitHub Actions shows as annotations.

One line per finding::

    ::warning file=briefe/brief.txt,line=3,col=11,endLine=3,endColumn=26,title=einfach (passiv)::Vorgangspassiv: …

Levels: info → ``notice``, warning → ``warning``, error → ``error``.  Escaping
follows GitHub's rules for workflow commands: in the message ``%``, CR and
LF become ``%25``, ``%0D``, ``%0A``; in property values also ``:`` and ``,``
(``%3A``, ``%2C``).  Lines and columns count in the extracted text
(docs/definitions.md); for a .docx file, whose lines GitHub cannot show, the
message starts with the paragraph ("Absatz 12: …").  An input that could
not be read becomes an ``::error`` annotation on that file.
"""

from __future__ import annotations

from ..findings import CheckResult
from .sarif import end_position, relative_path, suggestion_text
from ..document import is_word_processor

COMMANDS = {"info": "notice", "warning": "warning", "error": "error"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render(result: CheckResult, base: str | None = None) -> str:
    lines = []
    for file in result.files:
        path = relative_path(file.path, base)
        is_docx = is_word_processor(file.path)
        for finding in file.findings:
            end_line, end_column = end_position(file, finding)
            message = suggestion_text(finding)
            if is_docx:
                message = f"Absatz {finding.location.paragraph}: {message}"
            lines.append(
                command(
                    COMMANDS[finding.severity],
                    message,
                    file=path,
                    line=finding.location.line,
                    col=finding.location.column,
                    endLine=end_line,
                    endColumn=end_column,
                    title=f"einfach ({finding.rule})",
                )
            )
    for failure in result.errors:
        lines.append(command("error", failure.message, file=relative_path(failure.path, base), title="einfach"))
    return "".join(line + "\n" for line in lines)
