"""The checks behind the server: one pipeline per process, one check at a time.

The tagger's memo tables and the pipeline's caches are per process and
written for one check at a time, so every check of a worker process runs in
the same single thread (:class:`Engine`), off the event loop; requests wait
in line for it.  Parallel work comes from several worker processes
(``einfach serve --workers N``).

Uploads are copied into a private temporary folder (mode 0700, from
:func:`tempfile.mkdtemp`) under a fixed name that keeps only the suffix, read
by the same readers as on the command line (with their protection against
zip bombs, entities and XXE) and deleted when the request ends.  Nothing is
cached across requests: every request reads and checks its letter afresh.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import NamedTuple

from ..atomic import OutputError
from ..edits import Edit, apply_edits, checked_edits
from ..errors import InputError
from ..readers import SUPPORTED_SUFFIXES

log = logging.getLogger("einfach.serve")

#: The letter checked once per process before ``/healthz`` answers 200.  It loads what a check
#: loads on first use: the tagger's model, the rule lexicons, wordfreq's table (rare words) and
#: CharSplit's table (the long compound splits it), and builds their cached forms
#: (einfach.lookup_cache) if they are missing, so no caseworker's first letter pays for that.
WARM_UP_TEXT = (
    "Sehr geehrte Frau Muster,\n\n"
    "Ihr Antrag auf Verlängerung der Aufenthaltserlaubnis wurde im vorliegenden Verfahren abgelehnt, weil die "
    "Nachweise über die Lebensunterhaltssicherung nicht fristgerecht vorgelegt worden sind. Die "
    "Verwaltungsgebühren sind gemäß § 69 AufenthG bis zum 1. Oktober zu entrichten.\n\n"
    "Bitte bringen Sie Ihren Pass mit.\n"
)
SUFFIXES = SUPPORTED_SUFFIXES  # what the API checks: what the readers read
#: What ``/api/fix`` writes a plainer copy of (as ``einfach fix``: .odt has no tracked-change writer).
FIXABLE = (".docx", ".txt", ".md")


@dataclass(frozen=True)
class Options:
    """What a check request asks for (validated by the app)."""

    profile: str = "einfach"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass
class Upload:
    """An uploaded file: the client's name (never logged) and its content in a spooled file."""

    name: str
    file: object  # a binary file object (Starlette's SpooledTemporaryFile)
    suffix: str = field(init=False)

    def __post_init__(self) -> None:
        self.suffix = PurePath(self.name.replace("\\", "/")).suffix.lower()

    @property
    def display_name(self) -> str:
        """The base name only (a client may send a path)."""
        return PurePath(self.name.replace("\\", "/")).name or f"brief{self.suffix}"


class Engine:
    """One worker process's checker: a single thread that runs checks one after another."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="einfach-check")
        self.ready = False
        self.failed: str | None = None

    def start_warm_up(self) -> None:
        """Load the pipelines and check a letter in the check thread (``/healthz`` waits for it)."""
        self._executor.submit(self._warm_up)

    def _warm_up(self) -> None:
        from ..rules.loader import available_profiles

        try:
            for profile in ["einfach", *(p for p in available_profiles() if p != "einfach")]:
                result = check_source(WARM_UP_TEXT, Options(profile=profile))
                if not result["findings"]:
                    raise RuntimeError(f"the warm-up letter gave no finding with profile {profile}")
        except Exception as exc:  # noqa: BLE001 - reported by /healthz and the log, the server keeps running
            self.failed = f"{type(exc).__name__}"
            log.error("einfach: warm-up failed (%s); /healthz answers 503", type(exc).__name__)
            return
        self.ready = True

    async def run(self, function, *args):
        """Run ``function(*args)`` in the check thread and wait for it without blocking the loop."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, function, *args)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def _settings(options: Options):
    from ..config import Settings

    # the server's own settings: no configuration file is searched (uploads live in a temporary folder)
    return Settings(profile=options.profile, select=options.select, ignore=options.ignore)


def _pipeline(settings):
    from ..checker import make_pipeline

    return make_pipeline(settings.profile, None, settings.rule_settings())


def _entry(result) -> dict:
    """One ``files`` entry of the einfach/1 JSON, plus the extracted text the offsets index."""
    entry = result.to_dict()
    entry["text"] = result.text
    return entry


class _Private:
    """A private temporary folder holding one upload under a fixed name; removed on exit."""

    def __init__(self, upload: Upload) -> None:
        self.upload = upload

    def __enter__(self) -> Path:
        self.folder = Path(tempfile.mkdtemp(prefix="einfach-serve-"))
        path = self.folder / f"brief{self.upload.suffix}"
        self.upload.file.seek(0)
        with open(path, "xb") as out:
            shutil.copyfileobj(self.upload.file, out, 1 << 20)
        return path

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _checked(path: Path, options: Options):
    """The check of a file; :class:`UploadError` for one the readers refuse."""
    from ..checker import check_document
    from ..readers import read_document

    settings = _settings(options)
    try:
        document = read_document(str(path))
    except InputError as error:
        raise UploadError(error.problem) from None
    return check_document(document, _pipeline(settings), settings)


def _result(source: Upload | str, options: Options, text_name: str = "<text>"):
    """The :class:`~einfach.findings.FileResult` of pasted text or of an upload (named as the client named it)."""
    from ..checker import check_document
    from ..readers.text import document_from_text

    if isinstance(source, str):
        settings = _settings(options)
        return check_document(document_from_text(text_name, source), _pipeline(settings), settings)
    with _Private(source) as path:
        result = _checked(path, options)
    result.path = source.display_name
    return result


def check_source(source: Upload | str, options: Options) -> dict:
    """Check pasted text or an upload; the ``files`` entry of the einfach/1 JSON with ``text``
    (:class:`UploadError` for a broken or unsupported upload)."""
    return _entry(_result(source, options))


def annotate_upload(upload: Upload, options: Options) -> tuple[bytes, dict]:
    """The .docx with one Word comment per finding, and what was written/skipped."""
    from ..output.docx_comments import annotate

    with _Private(upload) as path:
        result = _checked(path, options)
        _check_unpacked_size(path, "für die Kommentare")
        target = path.with_name("kommentiert.docx")
        try:
            report = annotate(result, str(target), inputs=[str(path)])
        except InputError as error:
            raise UploadError(error.problem) from None
        except OutputError:  # python-docx cannot open what the reader accepted
            raise UploadError("kann für die Kommentare nicht geöffnet werden") from None
        return target.read_bytes(), {"written": report.written, "skipped": report.skipped}


#: python-docx, which writes the commented copy, unpacks every part of the package (images
#: too) into memory, while the reader caps only the XML parts it reads; zipfile never unpacks
#: more than a member's declared size, so the declared sizes bound what python-docx unpacks.
MAX_UNPACKED = 256 * 1024 * 1024


def _check_unpacked_size(path: Path, purpose: str) -> None:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        total = sum(member.file_size for member in archive.infolist())
    if total > MAX_UNPACKED:
        raise UploadError(f"ist entpackt größer als {MAX_UNPACKED // (1024 * 1024)} MB; {purpose} nicht geöffnet")


def html_report(source: Upload | str, options: Options) -> str:
    """The HTML report (``einfach check --format html``) of an upload or of pasted text."""
    from ..findings import CheckResult
    from ..output import html

    return html.render(CheckResult(files=[_result(source, options, text_name="Text")]))


class Accepted(NamedTuple):
    """One rewrite the client accepted: its finding's rule and range, and the fix's edits."""

    rule: str
    start: int
    end: int
    edits: tuple[tuple[int, int, str], ...]


def fix_source(source: Upload | str, options: Options, accepted: list[Accepted]) -> tuple[bytes, str, dict]:
    """(the plainer copy, its suffix, edits written/skipped) with the ``accepted`` rewrites.

    The letter is checked afresh and every accepted rewrite must be one this check offers
    (the same finding's rule and range, the same edits): the client chooses among the
    server's rewrites and never supplies text of its own (:class:`FixRefused` otherwise, and
    for two that overlap).  A .docx gets them as Word tracked changes, text as a plain splice.
    """
    if isinstance(source, str):
        result = _result(source, options)
        edits = _chosen(result, accepted)
        return _fixed_text(result.text, edits), ".txt", _counts(edits)
    with _Private(source) as path:
        result = _checked(path, options)
        edits = _chosen(result, accepted)
        if source.suffix != ".docx":
            return _fixed_text(result.text, edits), source.suffix, _counts(edits)
        return _tracked_copy(path, edits)


def _chosen(result, accepted: list[Accepted]) -> list[Edit]:
    """The edits of the accepted rewrites, each checked against the rewrites ``result`` offers."""
    offered = {
        (finding.rule, finding.start, finding.end,
         tuple((edit["start"], edit["end"], edit["text"]) for edit in finding.fix["edits"]))
        for finding in result.findings if finding.fix
    }
    for item in accepted:
        if tuple(item) not in offered:
            raise FixRefused("fix_unknown", f"Die Umformulierung zu „{item.rule[:60]}“ an Stelle {item.start} bietet "
                                            "einfach für diesen Brief nicht an (Brief geändert? Bitte neu prüfen).")
    unique = {item.edits for item in accepted}  # one rewrite may resolve several findings
    try:
        return checked_edits((Edit(*edit) for edits in unique for edit in edits), len(result.text))
    except ValueError:
        raise FixRefused("fix_overlap", "Zwei übernommene Umformulierungen betreffen dieselben Wörter; "
                                        "bitte übernehmen Sie nur eine davon.") from None


def _counts(edits: list[Edit]) -> dict:
    return {"written": len(edits), "skipped": 0}


def _fixed_text(text: str, edits) -> bytes:
    return apply_edits(text, edits).encode("utf-8")


def _tracked_copy(path: Path, edits) -> tuple[bytes, str, dict]:
    from ..output.docx_tracked import write_tracked_changes

    _check_unpacked_size(path, "für die Änderungen")
    target = path.with_name("einfacher.docx")
    try:
        report = write_tracked_changes(path, edits, target, inputs=[path])
    except InputError as error:
        raise UploadError(error.problem) from None
    except OutputError:  # python-docx cannot open what the reader accepted
        raise UploadError("kann für die Änderungen nicht geöffnet werden") from None
    return target.read_bytes(), ".docx", {"written": report.written, "skipped": report.skipped}


class FixRefused(Exception):
    """Accepted rewrites the server does not offer, or that overlap: a German message for a 422."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class UploadError(Exception):
    """A broken or unsupported upload: a German message for the 400 answer."""
