"""The ASGI application of ``einfach serve``: the caseworkers' page and the HTTP API.

Built on Starlette (routing, requests, multipart parsing) and served by
uvicorn.  The routes:

* ``GET /`` and ``/static/*``: the page (German, no assets from elsewhere);
* ``GET /healthz``: 200 once every check process has checked its warm-up letter, 503 before;
* ``GET /openapi.json``: the API's description (``openapi.yml`` next to this module);
* ``GET /api/rules``, ``POST /api/check``, ``POST /api/annotate``, ``POST /api/html``,
  ``POST /api/fix`` (the plainer copy with the rewrites the client accepted).

The middlewares, outermost first: :class:`SecurityHeaders` (``Cache-Control:
no-store``, the Content-Security-Policy and friends on every answer),
:class:`AccessLog` (method, path of the server's own routes, status, duration:
never a query string, letter text or file name), :class:`TokenGuard`
(``Authorization: Bearer`` for ``/api/*`` and ``/openapi.json`` when a token is
set), :class:`BodyLimit` (413 before a request body over the limit is read) and
:class:`CatchAll` (a German 500 answer for a bug, without its message in the log).

Configuration comes from :class:`ServerConfig`, which ``einfach serve`` puts
into the environment (read by :func:`create_app`, also under gunicorn).  The
checks run in the check processes of :class:`~einfach.serve.engine.Engine`.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import re
import time
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib.resources import files

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import __version__
from .engine import (
    FIXABLE,
    SUFFIXES,
    Accepted,
    Engine,
    FixRefused,
    Options,
    Private,
    Unavailable,
    Upload,
    UploadError,
    annotate_upload,
    check_body,
    fix_source,
    html_report,
)

ENVIRONMENT = "EINFACH_SERVE_CONFIG"
MEGABYTE = 1024 * 1024
log = logging.getLogger("einfach.serve")
access_log = logging.getLogger("einfach.serve.access")

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"cache-control", b"no-store"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REQUEST_KEYS = frozenset({"text", "profile", "select", "ignore"})


@dataclass(frozen=True)
class ServerConfig:
    """The server's settings (from ``einfach serve``'s options)."""

    token_file: str | None = None
    max_upload_mb: float = 20
    workers: int = 1  # check processes

    @property
    def max_upload(self) -> int:
        return int(self.max_upload_mb * MEGABYTE)

    def to_environment(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_environment(cls) -> "ServerConfig":
        raw = os.environ.get(ENVIRONMENT)
        return cls(**json.loads(raw)) if raw else cls()


def read_token(path: str) -> str:
    """The token in ``path`` (first line, stripped); ValueError with a German reason otherwise."""
    try:
        with open(path, encoding="utf-8") as handle:
            token = handle.readline().strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"Token-Datei {path} ist nicht lesbar ({getattr(exc, 'strerror', None) or exc})") from None
    if len(token) < 16:
        raise ValueError(f"Token-Datei {path}: das Token in der ersten Zeile muss mindestens 16 Zeichen haben")
    return token


# -- errors -------------------------------------------------------------------------------


class ApiError(Exception):
    """An expected failure: answered as ``{"error": code, "message": German text}``."""

    def __init__(self, status: int, code: str, message: str, headers: dict | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=headers)


def _invalid(message: str) -> ApiError:
    return ApiError(422, "invalid", message)


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, headers=exc.headers)


_HTTP_MESSAGES = {
    400: ("bad_request", "Die Anfrage ist fehlerhaft."),
    404: ("not_found", "Diese Adresse gibt es nicht."),
    405: ("method_not_allowed", "Diese Methode ist hier nicht erlaubt."),
}


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    code, message = _HTTP_MESSAGES.get(exc.status_code, ("error", "Die Anfrage konnte nicht bearbeitet werden."))
    return error_response(exc.status_code, code, message, headers=exc.headers)


class CatchAll:
    """The innermost middleware: an unexpected exception becomes a German 500 answer.

    The log gets the exception's type and where it happened, never its message or a
    traceback with values (either may quote the letter)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        started = False

        async def tracked(message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except BodyTooLarge:
            raise
        except Exception as exc:  # noqa: BLE001 - never a traceback to the client or the log
            import traceback

            frames = [(frame.filename, frame.lineno) for frame in traceback.extract_tb(exc.__traceback__)]
            remote = getattr(exc.__cause__, "tb", None)  # raised in a check process: its traceback as text
            if isinstance(remote, str):
                frames = re.findall(r'File "([^"]+)", line (\d+)', remote)
            where = " <- ".join(f"{name.rsplit('/', 1)[-1]}:{line}" for name, line in reversed(frames[-4:]))
            log.error("einfach: internal error %s at %s", type(exc).__name__, where)
            if not started and scope["type"] == "http":
                message = "Interner Fehler beim Prüfen; bitte melden Sie das dem Betrieb von einfach."
                await error_response(500, "internal", message)(scope, receive, send)


# -- request parsing ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], tuple[str, ...]]:
    from ..rules.loader import available_profiles, load_rules

    return frozenset(load_rules()), tuple(available_profiles())


def _options(profile, select, ignore) -> Options:
    rules, profiles = _known()
    if profile is None:
        profile = "einfach"
    if not isinstance(profile, str) or profile not in profiles:
        raise _invalid(f"„profile“ muss eines von {', '.join(profiles)} sein.")
    ids = []
    for key, value in (("select", select), ("ignore", ignore)):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise _invalid(f"„{key}“ muss eine Liste von Regelnamen sein.")
        unknown = [item for item in value if item not in rules]
        if unknown:
            raise _invalid(f"„{key}“: unbekannte Regel „{unknown[0][:60]}“ (die Regeln nennt GET /api/rules).")
        ids.append(tuple(value))
    return Options(profile=profile, select=ids[0], ignore=ids[1])


def _split(values: list[str]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


async def _parse(request: Request, allowed: tuple[str, ...] = SUFFIXES, json_text: bool = True,
                 extra: tuple[str, ...] = ()) -> tuple[str | Upload, Options, object, dict]:
    """(pasted text or upload, options, form to close, the ``extra`` fields given) from a JSON or
    multipart request; ``allowed`` are the file suffixes taken, ``json_text`` whether JSON text is."""
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    keys = REQUEST_KEYS | set(extra)
    if kind == "application/json" and json_text:
        try:
            data = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "bad_request", "Der Inhalt der Anfrage ist kein gültiges JSON.") from None
        if not isinstance(data, dict):
            raise _invalid("Erwartet wird ein JSON-Objekt mit „text“.")
        unknown = sorted(set(data) - keys)
        if unknown:
            raise _invalid(f"Unbekanntes Feld „{unknown[0][:60]}“ (erlaubt: {', '.join(sorted(keys))}).")
        text = data.get("text")
        if not isinstance(text, str):
            raise _invalid("„text“ fehlt oder ist kein Text.")
        if "\x00" in text:
            raise ApiError(400, "bad_file", "Der Text enthält Binärdaten (ein NUL-Zeichen).")
        options = _options(data.get("profile"), data.get("select", []), data.get("ignore", []))
        return text, options, None, {key: data[key] for key in extra if key in data}
    if kind == "multipart/form-data":
        try:
            # a field holds at most 64 KiB, the accepted rewrites of a long letter up to 1 MiB
            form = await request.form(max_files=1, max_fields=8, max_part_size=(1 << 20) if extra else 64 * 1024)
        except HTTPException:
            raise ApiError(400, "bad_request", "Die Anfrage ist kein gültiges multipart/form-data.") from None
        try:
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise _invalid("Das Feld „file“ mit der Datei fehlt.")
            names = {"file", "profile", "select", "ignore", *extra}
            unknown = sorted(set(form.keys()) - names)
            if unknown:
                raise _invalid(f"Unbekanntes Feld „{unknown[0][:60]}“ (erlaubt: {', '.join(sorted(names))}).")
            fields = {key: form.getlist(key) for key in ("profile", "select", "ignore", *extra)}
            if any(not isinstance(value, str) for values in fields.values() for value in values):
                raise _invalid("Nur das Feld „file“ darf eine Datei sein; die anderen sind Textfelder.")
            for key in ("profile", *extra):
                if len(fields[key]) > 1:
                    raise _invalid(f"„{key}“ darf nur einmal vorkommen.")
            options = _options(
                fields["profile"][0] if fields["profile"] else None, _split(fields["select"]), _split(fields["ignore"])
            )
            item = Upload(name=upload.filename or "", file=upload.file)
            if item.suffix not in allowed:
                raise ApiError(400, "bad_file", f"Dateityp „{item.suffix or 'ohne Endung'}“ wird hier nicht "
                                                f"unterstützt (unterstützt: {', '.join(allowed)}).")
        except Exception:
            await form.close()
            raise
        return item, options, form, {key: fields[key][0] for key in extra if fields[key]}
    expected = "application/json oder multipart/form-data" if json_text else "multipart/form-data"
    raise ApiError(415, "unsupported_media_type", f"Erwartet wird {expected}.")


# -- endpoints ----------------------------------------------------------------------------


async def page(request: Request) -> Response:
    from .page import render_page

    return Response(render_page(), media_type="text/html; charset=utf-8")


async def static(request: Request) -> Response:
    from .page import static_file

    found = static_file(request.path_params["name"])
    if found is None:
        raise HTTPException(404)
    content, media_type = found
    return Response(content, media_type=media_type)


async def healthz(request: Request) -> Response:
    engine: Engine = request.app.state.engine
    if engine.ready:
        return JSONResponse({"status": "ok", "version": __version__})
    status = "failed" if engine.failed else "starting"
    return JSONResponse({"status": status, "version": __version__}, status_code=503)


async def openapi(request: Request) -> Response:
    return JSONResponse(openapi_document())


@lru_cache(maxsize=1)
def openapi_document() -> dict:
    import yaml

    document = yaml.safe_load((files("einfach.serve") / "openapi.yml").read_text(encoding="utf-8"))
    document["info"]["version"] = __version__
    rules, profiles = _known()
    schemas = document["components"]["schemas"]
    schemas["Profile"]["enum"] = list(profiles)
    schemas["RuleId"]["enum"] = sorted(rules)
    return document


async def rules(request: Request) -> Response:
    from ..rules.docs import profile_level
    from ..rules.loader import load_profile, load_rules

    _, names = _known()
    profiles = {name: load_profile(name) for name in names}
    return JSONResponse({
        "rules": [
            {
                "id": rule.id, "title": rule.title, "summary": rule.summary, "why": rule.why.strip(),
                "source": rule.source.strip(), "levels": {name: profile_level(rule, p) for name, p in profiles.items()},
            }
            for rule in load_rules().values()
        ],
        "profiles": [{"name": name, "description": p.description} for name, p in profiles.items()],
    })


async def _run(request: Request, form, function, source, *args):
    """``function(source, *args)`` in a free check process (an upload as its private copy,
    deleted afterwards); a refused upload or rewrite becomes the API's error answer, and the
    form of a multipart request is closed."""
    from starlette.concurrency import run_in_threadpool

    engine: Engine = request.app.state.engine
    try:
        if not isinstance(source, Upload):
            return await engine.run(function, source, *args)
        private = Private(source)
        stored = await run_in_threadpool(private.__enter__)  # copying up to the upload limit: off the event loop
        try:
            return await engine.run(function, stored, *args)
        finally:
            await run_in_threadpool(private.__exit__, None, None, None)
    except UploadError as error:
        raise ApiError(400, "bad_file", str(error)) from None
    except FixRefused as refused:
        raise ApiError(422, refused.code, str(refused)) from None
    except Unavailable as error:
        raise ApiError(503, error.code, str(error), headers={"retry-after": "10"}) from None
    finally:
        if form is not None:
            await form.close()


async def check(request: Request) -> Response:
    source, options, form, _ = await _parse(request)
    body = await _run(request, form, check_body, source, options)  # the JSON, rendered in the check process
    return Response(body, media_type="application/json")


async def annotate(request: Request) -> Response:
    source, options, form, _ = await _parse(request, allowed=(".docx",), json_text=False)
    content, report = await _run(request, form, annotate_upload, source, options)
    headers = {
        "content-disposition": _attachment(source.display_name, "kommentiert", ".docx"),
        "x-einfach-comments": str(report["written"]),
        "x-einfach-skipped": str(report["skipped"]),
    }
    return Response(content, media_type=DOCX_TYPE, headers=headers)


async def html(request: Request) -> Response:
    source, options, form, _ = await _parse(request)
    page_text = await _run(request, form, html_report, source, options)
    name = source.display_name if isinstance(source, Upload) else "text.txt"
    headers = {"content-disposition": _attachment(name, "bericht", ".html")}
    return Response(page_text, media_type="text/html; charset=utf-8", headers=headers)


MAX_ACCEPTED = 5000  # rewrites per request: far more than a letter has findings


def _accepted(raw, in_form: bool) -> list[Accepted]:
    """The accepted rewrites of a ``/api/fix`` request (a JSON list, in a form field as JSON text)."""
    if raw is None:
        raise _invalid("„accepted“ fehlt: die Liste der übernommenen Umformulierungen.")
    if in_form:
        try:
            raw = json.loads(raw)
        except ValueError:
            raise _invalid("„accepted“ ist kein gültiges JSON.") from None
    shape = "„accepted“ muss eine Liste von Objekten {rule, start, end, edits} sein (wie „fix“ bei /api/check)."
    if not isinstance(raw, list):
        raise _invalid(shape)
    if len(raw) > MAX_ACCEPTED:
        raise _invalid(f"„accepted“: höchstens {MAX_ACCEPTED} Einträge.")
    result = []
    for item in raw:
        if not isinstance(item, dict) or set(item) != {"rule", "start", "end", "edits"}:
            raise _invalid(shape)
        edits = item["edits"]
        if (not isinstance(item["rule"], str) or not _integer(item["start"]) or not _integer(item["end"])
                or not isinstance(edits, list) or not edits):
            raise _invalid(shape)
        for edit in edits:
            if (not isinstance(edit, dict) or set(edit) != {"start", "end", "text"} or not _integer(edit["start"])
                    or not _integer(edit["end"]) or not isinstance(edit["text"], str)):
                raise _invalid(shape)
        result.append(Accepted(item["rule"], item["start"], item["end"],
                               tuple((edit["start"], edit["end"], edit["text"]) for edit in edits)))
    return result


def _integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


async def fix(request: Request) -> Response:
    source, options, form, extra = await _parse(request, allowed=FIXABLE, extra=("accepted",))
    try:
        accepted = _accepted(extra.get("accepted"), in_form=form is not None)
    except ApiError:
        if form is not None:
            await form.close()
        raise
    content, suffix, report = await _run(request, form, fix_source, source, options, accepted)
    name = source.display_name if isinstance(source, Upload) else "text.txt"
    media_type = DOCX_TYPE if suffix == ".docx" else "text/plain; charset=utf-8"
    headers = {
        "content-disposition": _attachment(name, "einfacher", suffix),
        "x-einfach-changes": str(report["written"]),
        "x-einfach-skipped": str(report["skipped"]),
    }
    return Response(content, media_type=media_type, headers=headers)


def _attachment(name: str, label: str, suffix: str) -> str:
    """``attachment`` with an ASCII fallback and the UTF-8 name (RFC 6266): ``brief-kommentiert.docx``."""
    from urllib.parse import quote

    stem = name.rsplit(".", 1)[0] or "brief"
    wanted = f"{stem}-{label}{suffix}"
    fallback = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in wanted)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(wanted)}"


# -- middlewares --------------------------------------------------------------------------


class SecurityHeaders:
    """Adds ``Cache-Control: no-store``, the CSP and friends to every answer."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [(n, v) for n, v in message.get("headers", []) if n.lower() not in names]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AccessLog:
    """One line per request: method, path (no query string), status, seconds. Nothing else."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status = 0

        async def record(message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, record)
        finally:
            path = scope["path"] if scope["path"] in LOGGED_PATHS else "(andere Adresse)"
            access_log.info("%s %s %s %.3fs", scope["method"], path, status, time.perf_counter() - started)


#: The paths the access log names; any other path is logged as "(andere Adresse)" (it could carry text).
LOGGED_PATHS = frozenset({
    "/", "/healthz", "/openapi.json", "/api/rules", "/api/check", "/api/annotate", "/api/html", "/api/fix",
    "/static/einfach.js", "/static/einfach.css",
})


class TokenGuard:
    """With a token: ``/api/*`` and ``/openapi.json`` need ``Authorization: Bearer TOKEN``."""

    def __init__(self, app, token: str | None) -> None:
        self.app = app
        self.token = token.encode() if token else None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and self.token is not None and _protected(scope["path"]):
            given = dict(scope["headers"]).get(b"authorization", b"")
            scheme, _, value = given.partition(b" ")
            if scheme.lower() != b"bearer" or not hmac.compare_digest(value.strip(), self.token):
                message = "Zugangsschlüssel fehlt oder ist falsch (Authorization: Bearer …)."
                response = error_response(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})
                return await response(scope, receive, send)
        await self.app(scope, receive, send)


def _protected(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """413 for a request body over ``limit`` bytes: by ``Content-Length`` before anything is
    read, and while reading for bodies without one (chunked).

    Written here rather than Starlette's ``max_body_size``: that one answers in English
    plain text and replaces any answer to a request that declares too large a body,
    where the API promises a German JSON error."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                return await error_response(400, "bad_request", "Content-Length ist keine Zahl.")(scope, receive, send)
            if int(declared) > self.limit:
                return await self._refuse(scope, receive, send)
        received = 0
        started = False

        async def counted():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge
            return message

        async def tracked(message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge:
            if not started:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope, receive, send) -> None:
        megabytes = f"{self.limit / MEGABYTE:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        response = error_response(413, "too_large", f"Die Anfrage ist zu groß (höchstens {megabytes} MB).",
                                  headers={"connection": "close"})
        await response(scope, receive, send)


# -- the application ----------------------------------------------------------------------


def create_app(config: ServerConfig | None = None) -> Starlette:
    """The application for ``config`` (default: from the environment ``einfach serve`` sets)."""
    config = config or ServerConfig.from_environment()
    token = read_token(config.token_file) if config.token_file else None

    @asynccontextmanager
    async def lifespan(app: Starlette):
        engine = Engine(config.workers)
        app.state.engine = engine
        engine.start()
        try:
            yield
        finally:
            engine.close()

    app = Starlette(
        routes=[
            Route("/", page, methods=["GET"]),
            Route("/static/{name}", static, methods=["GET"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/openapi.json", openapi, methods=["GET"]),
            Route("/api/rules", rules, methods=["GET"]),
            Route("/api/check", check, methods=["POST"]),
            Route("/api/annotate", annotate, methods=["POST"]),
            Route("/api/html", html, methods=["POST"]),
            Route("/api/fix", fix, methods=["POST"]),
        ],
        exception_handlers={ApiError: _api_error, HTTPException: _http_error},
        lifespan=lifespan,
    )
    app.add_middleware(CatchAll)
    app.add_middleware(BodyLimit, limit=config.max_upload)
    app.add_middleware(TokenGuard, token=token)
    app.add_middleware(AccessLog)
    app.add_middleware(SecurityHeaders)
    return app
