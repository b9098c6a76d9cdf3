"""``einfach serve``'s HTTP API against a real server process on a free port.

Every endpoint, every error status (400, 401, 404, 405, 413, 415, 422), the
token, the upload limit (declared and chunked), a broken .docx, 32 concurrent
checks, the security headers, and a log without letter text or file names.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from click.testing import CliRunner

from serve_support import DOCX_TYPE, Server, make_docx

LETTER = (
    "Sehr geehrte Frau Quastenflosser,\n\n"
    "Ihr Antrag wurde im vorliegenden Verfahren abgelehnt. Die Unterlagen sind bis zum 1. Oktober vorzulegen.\n\n"
    "Bitte bringen Sie Ihren Pass mit.\n"
)
SECRET_NAME = "Akte-Zwiebelfisch-4711.docx"
TOKEN = "ein-langes-geheimes-token-0123456789"
LIMIT_MB = 0.25


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    running = Server(folder / "server.log", "--max-upload-mb", str(LIMIT_MB))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def token_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve-token")
    token_file = folder / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    running = Server(folder / "server.log", "--token-file", str(token_file))
    yield running
    running.stop()


def post_file(server, path, name, content, content_type=DOCX_TYPE, **fields):
    return requests.post(server.url + path, files={"file": (name, content, content_type)}, data=fields, timeout=120)


def check_json(server, payload, **options):
    return requests.post(server.url + "/api/check", json=payload, timeout=120, **options)


def assert_error(response, status, code):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"] == code
    assert body["message"] and "Traceback" not in body["message"]
    return body["message"]


# -- the endpoints --------------------------------------------------------------------------


def test_healthz_and_security_headers(server):
    for path in ("/healthz", "/", "/static/einfach.js", "/static/einfach.css", "/api/rules", "/nirgends"):
        response = requests.get(server.url + path, timeout=30)
        assert response.headers["cache-control"] == "no-store", path
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "server" not in response.headers
    health = requests.get(server.url + "/healthz", timeout=30)
    assert health.status_code == 200 and health.json()["status"] == "ok"


def test_page_is_german_and_self_contained(server):
    page = requests.get(server.url + "/", timeout=30)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert '<html lang="de">' in html and "Brief prüfen" in html
    for profile in ("Einfache Sprache", "Leichte Sprache", "Bürgernahe Sprache"):
        assert profile in html
    assert "http://" not in html and "https://" not in html and "<style" not in html and "style=" not in html
    assert "<script>" not in html  # the only script is /static/einfach.js
    script = requests.get(server.url + "/static/einfach.js", timeout=30)
    assert script.headers["content-type"].startswith("text/javascript")
    assert "http://" not in script.text and "https://" not in script.text
    style = requests.get(server.url + "/static/einfach.css", timeout=30)
    assert style.headers["content-type"].startswith("text/css") and ".c0 {" in style.text
    assert requests.get(server.url + "/static/nichts.js", timeout=30).status_code == 404


def test_check_json_matches_the_command_line(server, check_text):
    response = check_json(server, {"text": LETTER})
    assert response.status_code == 200
    data = response.json()
    assert data["schema"] == "einfach/1" and data["errors"] == [] and len(data["files"]) == 1
    entry = data["files"][0]
    expected = check_text(LETTER).to_dict()
    assert entry["text"] == LETTER and entry["path"] == "<text>"
    for key in ("metrics", "sentences", "findings", "notes", "excluded", "suppressed", "unused_suppressions"):
        assert entry[key] == expected[key], key
    assert {f["rule"] for f in entry["findings"]} >= {"passiv", "amtsdeutsch"}
    for finding in entry["findings"]:
        assert LETTER[finding["start"]:finding["end"]] == finding["text"]


def test_check_profile_select_ignore(server):
    only = check_json(server, {"text": LETTER, "select": ["passiv"]}).json()["files"][0]
    assert {f["rule"] for f in only["findings"]} == {"passiv"}
    without = check_json(server, {"text": LETTER, "ignore": ["passiv"]}).json()["files"][0]
    assert "passiv" not in {f["rule"] for f in without["findings"]} and without["findings"]
    leicht = check_json(server, {"text": LETTER, "profile": "leicht"}).json()["files"][0]
    assert len(leicht["findings"]) >= len(check_json(server, {"text": LETTER}).json()["files"][0]["findings"])


def test_check_upload_docx_txt_md(server):
    response = post_file(server, "/api/check", SECRET_NAME, make_docx(*LETTER.strip().split("\n\n")), select="passiv")
    assert response.status_code == 200, response.text
    entry = response.json()["files"][0]
    assert entry["path"] == SECRET_NAME
    assert "Ihr Antrag wurde" in entry["text"]
    assert [f["rule"] for f in entry["findings"]] and {f["rule"] for f in entry["findings"]} == {"passiv"}
    for name in ("brief.txt", "brief.md"):
        text = LETTER + "Die Gebühr beträgt 50 Euro.\n"
        entry = post_file(server, "/api/check", name, text.encode("cp1252"), "text/plain").json()["files"][0]
        assert entry["text"] == text and entry["findings"]
        assert any("Windows-1252" in note for note in entry["notes"])


def test_check_upload_odt(server, tmp_path):
    from test_reader_odt import make_odt

    path = tmp_path / "brief.odt"
    make_odt(path, "<text:p>Ihr Antrag wurde abgelehnt.</text:p>")
    response = post_file(server, "/api/check", "brief.odt", path.read_bytes(), "application/vnd.oasis.opendocument.text")
    assert response.status_code == 200, response.text
    assert response.json()["files"][0]["findings"]


def test_rules(server):
    data = requests.get(server.url + "/api/rules", timeout=30).json()
    ids = [rule["id"] for rule in data["rules"]]
    assert "passiv" in ids and "satzlaenge" in ids
    passiv = data["rules"][ids.index("passiv")]
    assert passiv["why"] and passiv["title"] == "Passiv" and set(passiv["levels"]) == {"einfach", "leicht", "buergernah"}
    assert {p["name"] for p in data["profiles"]} == {"einfach", "leicht", "buergernah"}


def test_annotate_gives_a_commented_copy(server):
    import docx

    content = make_docx(*LETTER.strip().split("\n\n"))
    response = post_file(server, "/api/annotate", SECRET_NAME, content)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == DOCX_TYPE
    assert "Akte-Zwiebelfisch-4711-kommentiert.docx" in response.headers["content-disposition"]
    written = int(response.headers["x-einfach-comments"])
    assert written >= 2
    copy = docx.Document(io.BytesIO(response.content))
    comments = list(copy.comments)
    assert len(comments) == written and all(c.author == "einfach" for c in comments)
    assert "Ihr Antrag wurde" in "\n".join(p.text for p in copy.paragraphs)
    message = assert_error(post_file(server, "/api/annotate", "brief.txt", b"Text", "text/plain"), 400, "bad_file")
    assert ".docx" in message


def test_html_report(server):
    response = requests.post(server.url + "/api/html", json={"text": LETTER}, timeout=120)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "attachment" in response.headers["content-disposition"]
    assert "Quastenflosser" in response.text and "<mark" in response.text
    upload = post_file(server, "/api/html", SECRET_NAME, make_docx("Ihr Antrag wurde abgelehnt."))
    assert upload.status_code == 200 and SECRET_NAME in upload.text


def test_openapi_document(server):
    document = requests.get(server.url + "/openapi.json", timeout=30).json()
    assert document["openapi"].startswith("3.") and document["info"]["version"]
    for path, method in (("/api/check", "post"), ("/api/annotate", "post"), ("/api/html", "post"),
                         ("/api/rules", "get"), ("/healthz", "get")):
        operation = document["paths"][path][method]
        assert "200" in operation["responses"]
        if method == "post":
            assert {"400", "401", "413", "415", "422"} <= set(operation["responses"])
    content = document["components"]["requestBodies"]["Letter"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(content)
    assert document["components"]["schemas"]["Profile"]["enum"] == ["buergernah", "einfach", "leicht"]
    assert "passiv" in document["components"]["schemas"]["RuleId"]["enum"]


# -- errors ---------------------------------------------------------------------------------


def test_broken_and_foreign_files_are_400(server):
    for name, content in (
        ("brief.docx", b"PK\x03\x04" + b"\x00" * 300),  # a broken zip
        ("brief.docx", b"%PDF-1.7 not a letter"),
        ("brief.docx", b"just text"),
        ("brief.txt", b"\x00\x01\x02binary"),
        ("brief.pdf", b"%PDF-1.7"),
        ("brief", b"ohne Endung"),
    ):
        message = assert_error(post_file(server, "/api/check", name, content), 400, "bad_file")
        assert "brief" not in message or name == "brief.pdf"  # the server's temporary name never shows
        assert "/tmp" not in message and "einfach-serve" not in message
    assert_error(requests.post(server.url + "/api/check", data=b"{kein json", timeout=30,
                               headers={"content-type": "application/json"}), 400, "bad_request")
    assert_error(requests.post(server.url + "/api/check", data=b"--x\r\nkaputt", timeout=30,
                               headers={"content-type": "multipart/form-data"}), 400, "bad_request")  # no boundary


def test_wrong_parameters_are_422(server):
    for payload in (
        {}, {"text": 5}, {"text": None}, [LETTER], "Text",
        {"text": LETTER, "profile": "unbekannt"}, {"text": LETTER, "profile": 3},
        {"text": LETTER, "select": ["keine-regel"]}, {"text": LETTER, "ignore": "passiv"},
        {"text": LETTER, "select": [1]}, {"text": LETTER, "format": "html"},
    ):
        assert_error(check_json(server, payload), 422, "invalid")
    assert_error(requests.post(server.url + "/api/check", data={"profile": "einfach"},
                               files={"anderes": ("a.txt", b"x")}, timeout=30), 422, "invalid")
    assert_error(post_file(server, "/api/check", "brief.txt", b"Text", "text/plain", profile="x"), 422, "invalid")
    assert_error(post_file(server, "/api/check", "brief.txt", b"Text", "text/plain", select="passiv,nichts"), 422, "invalid")


def test_media_type_method_and_path_errors(server):
    assert_error(requests.post(server.url + "/api/check", data="Text", headers={"content-type": "text/plain"},
                               timeout=30), 415, "unsupported_media_type")
    assert_error(requests.post(server.url + "/api/annotate", json={"text": "x"}, timeout=30), 415, "unsupported_media_type")
    assert_error(requests.get(server.url + "/api/check", timeout=30), 405, "method_not_allowed")
    assert_error(requests.get(server.url + "/api/gibtsnicht", timeout=30), 404, "not_found")


def test_upload_limit_413_declared_and_chunked(server):
    limit = int(LIMIT_MB * 1024 * 1024)
    big = b"Ihr Antrag wurde abgelehnt. " * (limit // 20)
    message = assert_error(post_file(server, "/api/check", "brief.txt", big, "text/plain"), 413, "too_large")
    assert "0,25 MB" in message
    assert_error(check_json(server, {"text": big.decode()}), 413, "too_large")

    def pieces():  # no Content-Length: requests sends it chunked
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536

    response = requests.post(server.url + "/api/check", data=pieces(), timeout=60,
                             headers={"content-type": "application/json"})
    assert_error(response, 413, "too_large")
    # just under the limit is fine
    small = "Ihr Antrag wurde abgelehnt. " * (limit // 40)
    assert check_json(server, {"text": small}).status_code == 200


def test_32_concurrent_checks(server):
    texts = [f"Sehr geehrter Herr Nummer{n},\n\nIhr Antrag Nummer {n} wurde abgelehnt. Bitte rufen Sie uns an."
             for n in range(32)]

    def one(text):
        response = check_json(server, {"text": text})
        return response.status_code, response.json()["files"][0]

    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(pool.map(one, texts))
    for text, (status, entry) in zip(texts, results):
        assert status == 200
        assert entry["text"] == text  # no answer belongs to another request
        assert any(f["rule"] == "passiv" for f in entry["findings"])
    assert requests.get(server.url + "/healthz", timeout=30).status_code == 200


def test_log_has_no_letter_text_and_no_file_names(server):
    requests.post(server.url + "/api/check?text=Zwiebelfisch", json={"text": LETTER}, timeout=120)
    requests.get(server.url + "/api/Zwiebelfisch-Antrag", timeout=30)
    post_file(server, "/api/check", SECRET_NAME, b"%PDF kaputt")
    log = server.log()
    assert "POST /api/check 200" in log and "GET (andere Adresse) 404" in log
    for secret in ("Quastenflosser", "Zwiebelfisch", "Antrag", SECRET_NAME):
        assert secret not in log


# -- the token ------------------------------------------------------------------------------


def test_token_protects_the_api_but_not_the_page(token_server):
    url = token_server.url
    for path in ("/", "/healthz", "/static/einfach.js"):
        assert requests.get(url + path, timeout=30).status_code == 200
    assert_error(requests.get(url + "/openapi.json", timeout=30), 401, "unauthorized")
    assert_error(requests.get(url + "/api/rules", timeout=30), 401, "unauthorized")
    missing = requests.post(url + "/api/check", json={"text": LETTER}, timeout=30)
    assert_error(missing, 401, "unauthorized")
    assert missing.headers["www-authenticate"] == "Bearer"
    for wrong in ("Bearer falsch", f"Basic {TOKEN}", TOKEN, f"Bearer {TOKEN}x"):
        assert_error(requests.post(url + "/api/check", json={"text": LETTER}, headers={"Authorization": wrong},
                                   timeout=30), 401, "unauthorized")
    good = {"Authorization": f"Bearer {TOKEN}"}
    assert requests.post(url + "/api/check", json={"text": LETTER}, headers=good, timeout=120).status_code == 200
    assert requests.get(url + "/openapi.json", headers=good, timeout=30).status_code == 200
    # the token is checked before the body is read: no 413 for strangers
    assert_error(requests.post(url + "/api/check", data=b"x" * 100, timeout=30,
                               headers={"content-type": "application/json", "content-length": str(10**12)}),
                 401, "unauthorized")


# -- the command ----------------------------------------------------------------------------


def test_refuses_a_public_address_without_token_or_no_auth(tmp_path):
    from einfach.cli import cli

    runner = CliRunner()
    for host in ("0.0.0.0", "192.168.1.10", "::", "einfach.example"):
        result = runner.invoke(cli, ["serve", "--host", host])
        assert result.exit_code == 2, result.output
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and "--token-file" in lines[0] and "--no-auth" in lines[0]
    short = tmp_path / "token"
    short.write_text("kurz\n", encoding="utf-8")
    result = runner.invoke(cli, ["serve", "--host", "0.0.0.0", "--token-file", str(short)])
    assert result.exit_code == 2 and "16 Zeichen" in result.output
    result = runner.invoke(cli, ["serve", "--token-file", str(tmp_path / "fehlt")])
    assert result.exit_code == 2 and "nicht lesbar" in result.output
    result = runner.invoke(cli, ["serve", "--token-file", str(short), "--no-auth"])
    assert result.exit_code == 2


def test_loopback_addresses():
    from einfach.cli.serve import is_loopback

    for host in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"):
        assert is_loopback(host), host
    for host in ("0.0.0.0", "::", "10.0.0.1", "example.org", "128.0.0.1"):
        assert not is_loopback(host), host


def test_help_and_check_do_not_import_the_server():
    code = ("import sys, einfach.cli; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'starlette', 'uvicorn', 'multipart', 'spacy'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out.replace("'", '"')) == []


def test_the_server_does_not_freeze_the_collector():
    import gc

    from einfach import gc_pause

    before = gc.get_freeze_count()
    previous = gc_pause._freeze_after_loading
    try:
        gc_pause.own_process()
        gc_pause.shared_process()  # what `einfach serve` calls
        with gc_pause.paused():
            pass
        assert gc.get_freeze_count() == before
    finally:
        gc_pause._freeze_after_loading = previous


def test_warm_up_loads_what_a_first_letter_would():
    """The warm-up letter loads the tagger, the lexicons and the lazily loaded word tables."""
    from einfach.nlp import compounds, frequency
    from einfach.serve.engine import warm_up

    compounds._ngrams.cache_clear()
    frequency._bands.cache_clear()
    assert warm_up() is None  # no failure
    assert compounds._ngrams.cache_info().currsize == 1
    assert frequency._bands.cache_info().currsize == 1


def test_annotate_refuses_a_package_that_unpacks_too_large(monkeypatch, tmp_path):
    """python-docx unpacks every part: the declared sizes are checked first (here with a small cap)."""
    import zipfile

    from einfach.serve import engine

    path = tmp_path / "brief.docx"
    path.write_bytes(make_docx("Ihr Antrag wurde abgelehnt."))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/gross.bin", b"\0" * 2_000_000)  # compresses to a few KB
    monkeypatch.setattr(engine, "MAX_UNPACKED", 1_000_000)
    with pytest.raises(engine.UploadError, match="entpackt größer"):
        engine.annotate_upload(engine.Upload(name="brief.docx", path=path), engine.Options())


def asgi_get(application, path: str) -> tuple[dict, bytes]:
    """GET ``path`` from the ASGI app in this process (no lifespan): (response start, body)."""
    import asyncio

    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "http_version": "1.1", "method": "GET", "scheme": "http", "path": path,
             "raw_path": path.encode(), "query_string": b"", "root_path": "", "headers": [],
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8080)}
    asyncio.run(application(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_a_bug_is_a_german_500_without_its_message_in_the_log(monkeypatch, caplog):
    """In process (a real server cannot be made to fail): the ASGI app called directly."""
    from einfach.serve import app as server_app

    def broken():
        raise RuntimeError("Frau Quastenflosser, Aktenzeichen 4711")

    monkeypatch.setattr(server_app, "_known", broken)
    with caplog.at_level("INFO", logger="einfach.serve"):
        start, raw = asgi_get(server_app.create_app(server_app.ServerConfig()), "/api/rules")
    body = json.loads(raw)
    assert start["status"] == 500 and body["error"] == "internal" and "Interner Fehler" in body["message"]
    assert (b"cache-control", b"no-store") in start["headers"]
    assert "RuntimeError" in caplog.text and "test_serve_api.py" in caplog.text
    assert "Quastenflosser" not in caplog.text and "4711" not in caplog.text


def test_healthz_is_503_until_the_warm_up_is_done():
    from einfach.serve.app import ServerConfig, create_app
    from einfach.serve.engine import Engine

    application = create_app(ServerConfig())
    engine = Engine(2)  # not started: no check process has warmed up
    application.state.engine = engine
    start, raw = asgi_get(application, "/healthz")
    assert start["status"] == 503 and json.loads(raw)["status"] == "starting"
    engine._warm = 1  # one of two
    start, raw = asgi_get(application, "/healthz")
    assert start["status"] == 503 and json.loads(raw)["status"] == "starting"
    engine.failed = "RuntimeError"
    start, raw = asgi_get(application, "/healthz")
    assert start["status"] == 503 and json.loads(raw)["status"] == "failed"
    engine.failed, engine._warm = None, 2
    start, raw = asgi_get(application, "/healthz")
    assert start["status"] == 200 and json.loads(raw)["status"] == "ok"


def test_a_taken_port_is_one_german_line(server):
    from einfach.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--port", str(server.port)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "nicht frei" in lines[0] and "--port" in lines[0]
    result = CliRunner().invoke(cli, ["serve", "--host", "localhost", "--port", str(server.port)])
    assert result.exit_code == 2
