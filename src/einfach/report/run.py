"""Record one run: scan, check in parallel, store — all or nothing.

``--jobs 1`` checks in this process (no process start-up; the pipeline is
built once).  ``--jobs N`` uses a :class:`~concurrent.futures.ProcessPoolExecutor`
whose initializer builds the pipeline once per worker (with the ``fork``
start method the parent builds and warms it once and the workers inherit
it); documents go out in batches of ``BATCH`` neighbours, at most
``IN_FLIGHT_PER_JOB × N`` batches at a time, and each summary is staged in
the history as it arrives, so memory stays flat for 10,000 documents.

Ctrl-C (KeyboardInterrupt) anywhere before the final commit: the staged
rows are dropped, pending work is cancelled, the worker processes are
stopped, and the exception is re-raised for the command to report; the
history is exactly as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import sys
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import __version__
from . import worker
from . import reuse
from .history import History, HistoryError, root_key, utc_now
from .scan import ReportError, Task, grouper, key_id, pseudonym, pseudonym_key, scan

IN_FLIGHT_PER_JOB = 4  # batches submitted per worker at a time
BATCH = 4  # neighbouring documents per batch (see worker.summarise_batch)


@dataclass
class RunOptions:
    paths: list[str]
    history: Path
    label: str | None = None
    jobs: int = 1
    flags: dict = field(default_factory=dict)  # profile, select, ignore (as for check)
    model: str | None = None
    config_file: str | None = None
    store_snippets: bool = False
    pseudonymise: bool = False
    group_by: str | None = None
    exclude: list = field(default_factory=list)  # folders not to scan (report output)
    progress: bool = False
    recheck: bool = False  # check unchanged documents again instead of reusing their summaries


@dataclass
class RunOutcome:
    run_id: int
    documents: int
    failed: int
    skipped: int
    root: Path
    reused: int = 0  # unchanged documents whose stored summary was taken (see reuse.py)


def record_run(options: RunOptions) -> RunOutcome:
    """Check the corpus and store the run; returns its id.  Raises KeyboardInterrupt
    (history unchanged) or :class:`ReportError`/:class:`HistoryError`."""
    from ..config import config_for, with_cli

    started_at = utc_now()
    found = scan(options.paths, exclude=options.exclude + [options.history.parent])
    group_of = grouper(options.group_by)
    secret = pseudonym_key(options.history.parent) if options.pseudonymise else None
    tasks = [
        Task(path=task.path, key=pseudonym(secret, task.key) if secret else task.key,
             group=group_of(task.key) if group_of else None)
        for task in found.tasks
    ]
    base = with_cli(config_for(str(found.root), options.config_file).base, **options.flags)  # a bad config fails here
    settings = {
        "flags": options.flags,
        "model": options.model,
        "config_file": options.config_file,
        "base": json.loads(json.dumps(asdict(base), default=list)),
        "rules": reuse.rules_fingerprint(),
    }
    worker_options = {
        "flags": options.flags,
        "model": options.model,
        "config_file": options.config_file,
        "root": str(found.root),
        "store_snippets": options.store_snippets,
        "pseudonymise": options.pseudonymise,
    }
    with History(options.history) as history:
        recorder = history.recorder()
        try:
            reused, to_check = ([], tasks) if options.recheck else _reusable(tasks, history, worker_options)
            for summary in reused:
                recorder.add(summary)
            progress = _progress(len(to_check)) if options.progress and to_check else None
            summaries = _summaries(to_check, options.jobs, worker_options)
            try:
                for summary in summaries:
                    if "fatal" in summary:
                        raise ReportError(summary["fatal"])
                    recorder.add(summary)
                    if progress is not None:
                        progress.update(1)
            finally:
                summaries.close()  # stops the workers at once if the loop ended early
                if progress is not None:
                    progress.render_finish()
            run_hash = hashlib.sha256(json.dumps(
                {"settings": settings, "documents": sorted(recorder.settings_hashes)}, sort_keys=True
            ).encode("utf-8")).hexdigest()
            run_id = recorder.commit({
                "started_at": started_at,
                "label": options.label,
                "einfach_version": __version__,
                "profile": base.profile,
                "model": options.model,
                "settings": settings,
                "settings_hash": run_hash,
                "root": None if secret else _display(found.root),
                "pseudonymised": bool(secret),
                "key_id": key_id(secret) if secret else None,
                "snippets": options.store_snippets,
                "group_by": options.group_by,
                "skipped": found.skipped,
                "root_key": root_key(found.root),
                "skipped_files": [] if secret else found.skipped_files,
            })
        except sqlite3.Error as exc:  # e.g. the disk is full, or another run held the lock beyond the timeout
            recorder.discard()
            raise HistoryError(f"{options.history}: Lauf nicht gespeichert ({exc})") from None
        except BaseException:
            recorder.discard()
            raise
        return RunOutcome(run_id=run_id, documents=recorder.documents, failed=recorder.failed,
                          skipped=found.skipped, root=found.root, reused=len(reused))


def _reusable(tasks: list[Task], history: History, options: dict) -> tuple[list[dict], list[Task]]:
    """(summaries taken from the history for unchanged documents, tasks that need a check).

    A document is unchanged when its bytes and its check key (engine and
    settings) equal those of a stored summary.  Anything unusual (unreadable
    file, broken configuration) goes to the check, which reports it."""
    from ..errors import EinfachError

    reused: list[dict] = []
    to_check: list[Task] = []
    for task in tasks:
        try:
            content = reuse.content_hash(task.path)
            key = worker.check_key_of(worker.document_settings(task.path, options), options)
        except (OSError, EinfachError):
            to_check.append(task)
            continue
        stored = history.checked_summary(content, key)
        if stored is None:
            to_check.append(task)
        else:
            reused.append({**stored, "key": task.key, "group": task.group, "content_hash": content, "reused": True})
    return reused, to_check


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)


def _progress(total: int):
    import click

    # no time estimate: click's comes from the first finished documents, which carry the start of the
    # workers, and showed 23 seconds for a 2-second run (issue 16)
    bar = click.progressbar(length=total, label="Prüfe Dokumente", file=sys.stderr, show_pos=True, show_eta=False)
    bar.__enter__()
    return bar


def _summaries(tasks: list[Task], jobs: int, options: dict):
    """Summaries in the order they are finished."""
    if not tasks:  # everything was reused: no pipeline to build
        return
    if jobs <= 1 or len(tasks) <= 1:
        worker.initialise(options)
        for task in tasks:
            yield worker.summarise(task)
        return
    import multiprocessing

    if multiprocessing.get_start_method() == "fork":
        # Forked workers inherit the parent's built and warmed-up pipeline (copy-on-write), so
        # their initializer finds it in the cache instead of paying ~5 s each.
        worker.initialise(options)
    executor = ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), initializer=worker.initialise_child,
                                   initargs=(options,))
    finished = False
    try:
        size = BATCH if len(tasks) >= BATCH * jobs * 2 else 1
        queue = iter([tasks[i:i + size] for i in range(0, len(tasks), size)])
        pending = set()
        limit = IN_FLIGHT_PER_JOB * jobs
        # The workers start during the first submits: block Ctrl-C meanwhile, so that a new worker never
        # sees it before its initializer ignores it (the parent gets it a moment later, when unblocked).
        blocked = _block_interrupts()
        try:
            for batch in queue:
                pending.add(executor.submit(worker.summarise_batch, batch))
                if len(pending) >= limit:
                    break
        finally:
            _unblock_interrupts(blocked)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    raise ReportError(
                        "Ein Prüfprozess ist unerwartet beendet worden (zu wenig Arbeitsspeicher?); "
                        "der Lauf wurde nicht gespeichert. Mit --jobs 1 erneut versuchen."
                    ) from None
            for batch in queue:
                pending.add(executor.submit(worker.summarise_batch, batch))
                if len(pending) >= limit:
                    break
        finished = True
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:
            _stop(executor)


def _block_interrupts() -> bool:
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        return False
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    return True


def _unblock_interrupts(blocked: bool) -> None:
    if blocked:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _stop(executor: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now (they hold no state worth keeping)."""
    executor.shutdown(wait=False, cancel_futures=True)
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)
