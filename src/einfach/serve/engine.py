"""The checks behind the server: a pool of check processes, each with one pipeline.

The HTTP process (uvicorn's event loop: parsing, token, limits, uploads) does
no check itself.  It hands every check to :class:`Engine`, a pool of N check
processes (``einfach serve --workers N``); a request goes to whichever check
process is free and waits only while all of them are busy.  Each check process
loads the pipeline once, checks a warm-up letter before ``/healthz`` answers 200,
and runs one check at a time (the tagger's memo tables and the pipeline's caches
are per process and written for one check at a time).

Uploads are copied by the HTTP process into a private temporary folder (mode
0700, from :func:`tempfile.mkdtemp`) under a fixed name that keeps only the
suffix; the check process reads that path with the same readers as the command
line (with their protection against zip bombs, entities and XXE), and the HTTP
process deletes the folder when the check is done.  Nothing is cached across
requests: every request reads and checks its letter afresh.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import NamedTuple

from ..atomic import OutputError
from ..edits import Edit, apply_edits
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
    """An uploaded file: the client's name (never logged) and its content.

    In the HTTP process the content is Starlette's spooled ``file``; :class:`Private` copies
    it into a private folder and gives the check process an ``Upload`` with that ``path``
    (a path crosses to the other process, an open file cannot)."""

    name: str
    file: object = None  # a binary file object (Starlette's SpooledTemporaryFile), HTTP process only
    path: Path | None = None  # the private copy that the check process reads
    suffix: str = field(init=False)

    def __post_init__(self) -> None:
        self.suffix = PurePath(self.name.replace("\\", "/")).suffix.lower()

    def __getstate__(self) -> dict:
        return {**self.__dict__, "file": None}  # only the private copy goes to a check process

    @property
    def display_name(self) -> str:
        """The base name only (a client may send a path)."""
        return PurePath(self.name.replace("\\", "/")).name or f"brief{self.suffix}"


class Private:
    """A private temporary folder holding one upload under a fixed name; removed on exit.

    Entering gives the :class:`Upload` with the ``path`` of that copy."""

    def __init__(self, upload: Upload) -> None:
        self.upload = upload

    def __enter__(self) -> Upload:
        self.folder = Path(tempfile.mkdtemp(prefix="einfach-serve-"))
        path = self.folder / f"brief{self.upload.suffix}"
        self.upload.file.seek(0)
        with open(path, "xb") as out:
            shutil.copyfileobj(self.upload.file, out, 1 << 20)
        return Upload(name=self.upload.name, path=path)

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class CodedError(Exception):
    """An error code for the API's answer and a German message.  Both are the exception's
    arguments, so that it crosses from a check process to the HTTP process intact (pickle)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)
        self.code, self.message = code, message

    def __str__(self) -> str:
        return self.message


class Unavailable(CodedError):
    """No check process could do the check (one ended abruptly, or the server is stopping):
    a German message for a 503 answer."""


class Engine:
    """The check processes of one HTTP process: a :class:`~concurrent.futures.ProcessPoolExecutor`.

    A free check process takes the next request from the pool's shared queue, so a request
    waits only while every check process is busy.  The processes are started with ``spawn``
    (a fresh interpreter: the HTTP process runs threads, which ``fork`` must not copy, and it
    works on every platform), and each runs :func:`_start_check_process` first: it loads and
    warms the pipelines and reports on ``ready``.  A check process that ends abruptly (killed,
    out of memory) breaks the whole pool (the executor stops the others too): the checks in
    flight get :class:`Unavailable` and a new pool is started.
    """

    def __init__(self, processes: int = 1) -> None:
        self.processes = processes
        self.failed: str | None = None  # why a check process's warm-up failed
        self._pool: ProcessPoolExecutor | None = None
        self._ready = None  # the queue on which the check processes report their warm-up
        self._warm = 0
        self._closing = False

    def start(self) -> None:
        """Start the check processes; they load and warm up while the server already answers."""
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self._ready, self._warm, self.failed = context.SimpleQueue(), 0, None
        pool = self._pool = ProcessPoolExecutor(self.processes, mp_context=context, initializer=_start_check_process,
                                                initargs=(self._ready, os.getpid()))
        for _ in range(self.processes):  # the executor starts a process per task that finds none idle: all N now
            pool.submit(os.getpid).add_done_callback(lambda done: self._lost_in_warm_up(pool, done))

    def _lost_in_warm_up(self, pool: ProcessPoolExecutor, done) -> None:
        """A check process ended before it had warmed up: ``/healthz`` says "failed" (no new pool
        until a request asks for one, so that a process that cannot start does not loop)."""
        if (pool is self._pool and self.failed is None and not done.cancelled()
                and isinstance(done.exception(), BrokenProcessPool)):
            self.failed = "BrokenProcessPool"
            log.error("einfach: a check process ended during its warm-up; /healthz answers 503")

    @property
    def ready(self) -> bool:
        """Every check process of the current pool has checked its warm-up letter."""
        while self._ready is not None and not self._ready.empty():
            failure = self._ready.get()
            if failure:
                self.failed = failure
                log.error("einfach: warm-up failed (%s); /healthz answers 503", failure)
            else:
                self._warm += 1
        return self._warm >= self.processes and self.failed is None

    async def run(self, function, *args):
        """``function(*args)`` in a free check process, awaited without blocking the event loop."""
        for _ in range(2):
            pool = self._pool
            if pool is None or self._closing:
                raise Unavailable("unavailable", "Der Server wird gerade beendet; bitte versuchen Sie es gleich noch einmal.")
            try:
                future = pool.submit(function, *args)
            except BrokenProcessPool:  # broken since the last check: this request lost nothing, take the new pool
                self._replace(pool)
                continue
            try:
                return await asyncio.wrap_future(future)
            except BrokenProcessPool:
                self._replace(pool)
                break
        raise Unavailable("check_process_lost", "Der Prüfprozess wurde unerwartet beendet (zum Beispiel wegen "
                                                "Speichermangel) und wird neu gestartet; bitte versuchen Sie es "
                                                "gleich noch einmal.")

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """A new pool for a broken one (once, however many requests saw it break)."""
        if self._pool is not broken or self._closing:
            return
        log.error("einfach: a check process ended abruptly (killed or out of memory); starting %d new one%s",
                  self.processes, "s" if self.processes != 1 else "")
        broken.shutdown(wait=False)
        self.start()

    def close(self) -> None:
        """Stop the check processes (waits for the checks still running)."""
        self._closing = True
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _start_check_process(ready, parent: int) -> None:
    """The first thing a check process does: signals, the watch on its parent, the warm-up."""
    import signal

    from ..gc_pause import shared_process

    # Ctrl+C in a terminal reaches the whole process group: the HTTP process stops the pool
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_follow_parent, args=(parent,), name="einfach-parent", daemon=True).start()
    shared_process()  # a server: no gc.freeze() after loading
    ready.put(warm_up())


def _follow_parent(parent: int) -> None:
    """End this check process when its HTTP process is gone (killed with SIGKILL, say).

    Without it an orphan would wait for work for ever: a check process holds both ends
    of the pool's task queue, so it never sees the queue close."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def warm_up() -> str | None:
    """Load the pipelines and check the warm-up letter with every profile; the type of the
    error if that fails (the server keeps running and ``/healthz`` answers 503), else None."""
    from ..rules.loader import available_profiles

    try:
        for profile in ["einfach", *(p for p in available_profiles() if p != "einfach")]:
            result = check_source(WARM_UP_TEXT, Options(profile=profile))
            if not result["findings"]:
                raise RuntimeError(f"the warm-up letter gave no finding with profile {profile}")
    except Exception as exc:  # noqa: BLE001 - reported by /healthz and the log, the server keeps running
        return type(exc).__name__
    return None


#: Test-only (``tests/test_serve_pool.py``): a folder; when set, a check of a text that starts
#: with :data:`HOLD_MARKER` creates ``held-PID`` there and waits until ``release`` exists, so a
#: test can keep one check process busy.  Unset in every real set-up.
HOLD_ENVIRONMENT = "EINFACH_SERVE_TEST_HOLD"
HOLD_MARKER = "einfach-test: warten\n"


def _hold_if_asked(text: str) -> None:
    folder = os.environ.get(HOLD_ENVIRONMENT)
    if folder and text.startswith(HOLD_MARKER):
        Path(folder, f"held-{os.getpid()}").touch()
        while not Path(folder, "release").exists():
            time.sleep(0.05)


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
        _hold_if_asked(source)
        settings = _settings(options)
        return check_document(document_from_text(text_name, source), _pipeline(settings), settings)
    result = _checked(source.path, options)
    result.path = source.display_name
    return result


def check_source(source: Upload | str, options: Options) -> dict:
    """Check pasted text or an upload; the ``files`` entry of the einfach/1 JSON with ``text``
    (:class:`UploadError` for a broken or unsupported upload)."""
    return _entry(_result(source, options))


def check_body(source: Upload | str, options: Options) -> bytes:
    """The whole ``/api/check`` answer: the einfach/1 JSON with :func:`check_source`'s entry,
    rendered here in the check process as Starlette's ``JSONResponse`` renders it, so that one
    bytes object crosses to the HTTP process instead of a tree of dicts to pickle and unpickle."""
    from ..findings import SCHEMA

    content = {"schema": SCHEMA, "files": [check_source(source, options)], "errors": []}
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode("utf-8")


def annotate_upload(upload: Upload, options: Options) -> tuple[bytes, dict]:
    """The .docx with one Word comment per finding, and what was written/skipped."""
    from ..output.docx_comments import annotate

    path = upload.path
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
    result = _checked(source.path, options)
    edits = _chosen(result, accepted)
    if source.suffix != ".docx":
        return _fixed_text(result.text, edits), source.suffix, _counts(edits)
    return _tracked_copy(source.path, edits)


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
    from ..rewrite import compose_accepted

    unique = {item.edits for item in accepted}  # one rewrite may resolve several findings
    try:
        return compose_accepted(unique, result.text)
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


class FixRefused(CodedError):
    """Accepted rewrites the server does not offer, or that overlap: a German message for a 422."""


class UploadError(Exception):
    """A broken or unsupported upload: a German message for the 400 answer."""
