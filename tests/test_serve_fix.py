"""``POST /api/fix`` (the plainer copy with the accepted rewrites) against a real server process.

A .docx comes back with each accepted rewrite as Word tracked changes
(accepting all of them on the XML gives the text with exactly the accepted
edits; rejecting all gives the original); .txt, .md and pasted text come back
with the edits applied.  The server applies only rewrites it offers itself for
that letter: tampered text or offsets, a changed letter and overlaps are 422;
every other error status as for the other endpoints.
"""

from __future__ import annotations

import io
import json
from types import SimpleNamespace

import pytest
import requests

from einfach.edits import apply_edits
from einfach.readers.docx import read_docx
from serve_support import DOCX_TYPE, Server, make_docx
from test_docx_tracked import resolved, revisions

TOKEN = "fix-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIMIT_MB = 0.25
PARAGRAPHS = (
    "Sehr geehrte Frau Quastenflosser,",
    "Ihr Antrag wurde von der Ausländerbehörde abgelehnt.",  # a sure rewrite: the agent is in the sentence
    "Die Unterlagen sind bis zum 1. Oktober vorzulegen.",  # a rewrite to review: the actor is inferred
    "Bitte bringen Sie z. B. Ihren Pass mit.",
)
LETTER = "\n\n".join(PARAGRAPHS) + "\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve-fix")
    (folder / "token").write_text(TOKEN, encoding="utf-8")
    running = Server(folder / "server.log", "--max-upload-mb", str(LIMIT_MB), "--token-file", str(folder / "token"))
    yield running
    running.stop()


def post(server, path, headers=None, **options):
    return requests.post(server.url + path, headers={**AUTH, **(headers or {})}, timeout=120, **options)


def accepted_of(entry: dict) -> list[dict]:
    """Every rewrite offered in a /api/check entry, once each, as the page sends it."""
    seen, result = set(), []
    for finding in entry["findings"]:
        fix = finding.get("fix")
        key = json.dumps(fix["edits"]) if fix else None
        if fix and key not in seen:
            seen.add(key)
            result.append({"rule": finding["rule"], "start": finding["start"], "end": finding["end"],
                           "edits": fix["edits"], "applicability": fix["applicability"]})
    return result


def plain(items: list[dict]) -> list[dict]:
    return [{key: item[key] for key in ("rule", "start", "end", "edits")} for item in items]


def edits_of(items: list[dict]) -> list[tuple[int, int, str]]:
    return [(e["start"], e["end"], e["text"]) for item in items for e in item["edits"]]


def check_docx(server, content: bytes, name="Bescheid.docx") -> dict:
    response = post(server, "/api/check", files={"file": (name, content, DOCX_TYPE)})
    assert response.status_code == 200, response.text
    return response.json()["files"][0]


def fix_docx(server, content: bytes, accepted, name="Bescheid.docx", **fields):
    data = {"accepted": accepted if isinstance(accepted, str) else json.dumps(accepted), **fields}
    return post(server, "/api/fix", files={"file": (name, content, DOCX_TYPE)}, data=data)


def assert_error(response, status, code):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["error"] == code and body["message"] and "Traceback" not in body["message"]
    return body["message"]


@pytest.fixture(scope="module")
def letter_docx():
    return make_docx(*PARAGRAPHS)


@pytest.fixture(scope="module")
def offered(server, letter_docx):
    entry = check_docx(server, letter_docx)
    items = accepted_of(entry)
    kinds = {item["applicability"] for item in items}
    assert len(items) >= 3 and kinds == {"sure", "review"}, items  # the letter is built to get both kinds
    return entry, items


# -- the plainer copy -----------------------------------------------------------------------


def test_docx_copy_has_exactly_the_accepted_rewrites_as_tracked_changes(server, letter_docx, offered, tmp_path):
    import docx

    entry, items = offered
    chosen = [items[0], items[2]]  # the sure passive and "z. B."; the rewrite to review is rejected
    response = fix_docx(server, letter_docx, plain(chosen), name="Bescheid Yılmaz.docx")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == DOCX_TYPE
    assert response.headers["cache-control"] == "no-store"
    assert "Bescheid%20Y%C4%B1lmaz-einfacher.docx" in response.headers["content-disposition"]
    assert int(response.headers["x-einfach-changes"]) == len(edits_of(chosen))
    assert response.headers["x-einfach-skipped"] == "0"
    copy = tmp_path / "copy.docx"
    copy.write_bytes(response.content)
    text = entry["text"]
    assert read_docx(resolved(copy, tmp_path / "accepted.docx", accept=True)).text == apply_edits(text, edits_of(chosen))
    assert read_docx(resolved(copy, tmp_path / "rejected.docx", accept=False)).text == text
    found = revisions(copy)
    assert {kind for kind, _, _ in found} == {"ins", "del"}
    assert all(element.get(f"{{{element.nsmap['w']}}}author") == "einfach" for _, _, element in found)
    inserted = " ".join(t for kind, t, _ in found if kind == "ins")
    assert "zum Beispiel" in inserted and "Bitte legen Sie" not in inserted
    assert len(docx.Document(io.BytesIO(response.content)).paragraphs) == len(PARAGRAPHS)


def test_every_offered_rewrite_and_none(server, letter_docx, offered, tmp_path):
    entry, items = offered
    everything = fix_docx(server, letter_docx, plain(items))
    assert everything.status_code == 200, everything.text
    (tmp_path / "all.docx").write_bytes(everything.content)
    accepted = read_docx(resolved(tmp_path / "all.docx", tmp_path / "a.docx", accept=True)).text
    assert accepted == apply_edits(entry["text"], edits_of(items))
    assert "Bitte legen Sie die Unterlagen bis zum 1. Oktober vor." in accepted
    nothing = fix_docx(server, letter_docx, [])
    assert nothing.status_code == 200 and nothing.headers["x-einfach-changes"] == "0"
    (tmp_path / "none.docx").write_bytes(nothing.content)
    assert revisions(tmp_path / "none.docx") == []


def test_one_rewrite_for_several_findings_is_applied_once(server, letter_docx, offered, tmp_path):
    entry, items = offered
    twice = plain(items[:1]) * 2
    response = fix_docx(server, letter_docx, twice)
    assert response.status_code == 200, response.text
    assert int(response.headers["x-einfach-changes"]) == len(items[0]["edits"])


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_files_get_the_edits_applied(server, suffix):
    content = LETTER.encode("utf-8")
    entry = post(server, "/api/check", files={"file": ("brief" + suffix, content, "text/plain")}).json()["files"][0]
    items = accepted_of(entry)[:2]
    assert items
    response = post(server, "/api/fix", files={"file": ("brief" + suffix, content, "text/plain")},
                    data={"accepted": json.dumps(plain(items))})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert f"brief-einfacher{suffix}" in response.headers["content-disposition"]
    assert response.content.decode("utf-8") == apply_edits(entry["text"], edits_of(items))


def test_pasted_text_as_json(server):
    entry = post(server, "/api/check", json={"text": LETTER, "profile": "einfach"}).json()["files"][0]
    items = accepted_of(entry)
    response = post(server, "/api/fix", json={"text": LETTER, "profile": "einfach", "accepted": plain(items)})
    assert response.status_code == 200, response.text
    assert "text-einfacher.txt" in response.headers["content-disposition"]
    assert response.text == apply_edits(LETTER, edits_of(items))
    assert "zum Beispiel" in response.text and "z. B." not in response.text


# -- refused --------------------------------------------------------------------------------


def test_tampered_or_stale_rewrites_are_refused(server, letter_docx, offered):
    entry, items = offered
    first = plain(items[:1])[0]
    tampered_text = json.loads(json.dumps(first))
    tampered_text["edits"][0]["text"] = "Wir behalten Ihr Geld"
    tampered_offsets = json.loads(json.dumps(first))
    tampered_offsets["edits"][0]["end"] += 1
    other_rule = {**first, "rule": "satzlaenge"}
    moved = {**first, "start": first["start"] + 1}
    own = {"rule": "abkuerzung", "start": 0, "end": 4, "edits": [{"start": 0, "end": 4, "text": "Liebe"}]}
    for accepted in ([tampered_text], [tampered_offsets], [other_rule], [moved], [own], [first, own]):
        message = assert_error(fix_docx(server, letter_docx, accepted), 422, "fix_unknown")
        assert "nicht an" in message and "Wir behalten" not in message
    # the letter changed since the check: its rewrites are not offered for the new one
    changed = make_docx("Liebe Frau Quastenflosser,", *PARAGRAPHS[1:])
    assert_error(fix_docx(server, changed, plain(items)), 422, "fix_unknown")
    # another profile or rule selection offers other findings
    assert_error(fix_docx(server, letter_docx, plain(items), ignore="passiv"), 422, "fix_unknown")
    assert_error(post(server, "/api/fix", json={"text": "X" + LETTER, "accepted": plain(items[:1])}), 422, "fix_unknown")


def test_overlapping_rewrites_are_refused():
    """Two offered rewrites of the same words: the engine's choice, tested without a server."""
    from einfach.serve.engine import Accepted, FixRefused, _chosen

    text = "Ihr Antrag wurde z. B. abgelehnt."
    whole = ((0, 33, "Wir haben Ihren Antrag abgelehnt."),)
    part = ((17, 22, "zum Beispiel"),)
    def finding(rule, start, end, edits):
        return SimpleNamespace(rule=rule, start=start, end=end,
                               fix={"edits": [{"start": s, "end": e, "text": t} for s, e, t in edits]} if edits else None)

    findings = [finding("passiv", 11, 32, whole), finding("abkuerzung", 17, 22, part), finding("satzlaenge", 0, 33, None)]
    result = SimpleNamespace(text=text, findings=findings)
    assert _chosen(result, [Accepted("abkuerzung", 17, 22, part)]) == [(17, 22, "zum Beispiel")]
    with pytest.raises(FixRefused) as refused:
        _chosen(result, [Accepted("passiv", 11, 32, whole), Accepted("abkuerzung", 17, 22, part)])
    assert refused.value.code == "fix_overlap"


def test_wrong_parameters_are_422(server, letter_docx, offered):
    _, items = offered
    good = plain(items[:1])[0]
    for accepted in ("", "kein json", "{}", "[1]", '"text"', json.dumps([{**good, "extra": 1}]),
                     json.dumps([{**good, "start": "3"}]), json.dumps([{**good, "start": True}]),
                     json.dumps([{**good, "edits": []}]), json.dumps([{**good, "edits": [{"start": 1, "end": 2}]}]),
                     json.dumps([{**good, "edits": [{"start": 1.0, "end": 2, "text": "x"}]}])):
        assert_error(fix_docx(server, letter_docx, accepted), 422, "invalid")
    no_field = post(server, "/api/fix", files={"file": ("b.docx", letter_docx, DOCX_TYPE)})
    assert "accepted" in assert_error(no_field, 422, "invalid")
    twice = post(server, "/api/fix", files=[("file", ("b.docx", letter_docx, DOCX_TYPE)),
                                            ("accepted", (None, "[]")), ("accepted", (None, "[]"))])
    assert_error(twice, 422, "invalid")
    assert_error(fix_docx(server, letter_docx, [], profile="unbekannt"), 422, "invalid")
    for payload in ({"text": LETTER}, {"text": LETTER, "accepted": "[]"}, {"text": LETTER, "accepted": {}},
                    {"accepted": []}, {"text": LETTER, "accepted": [], "format": "x"}):
        assert_error(post(server, "/api/fix", json=payload), 422, "invalid")


def test_at_most_5000_accepted_rewrites():
    from einfach.serve.app import ApiError, _accepted

    item = {"rule": "passiv", "start": 0, "end": 1, "edits": [{"start": 0, "end": 1, "text": "x"}]}
    assert len(_accepted([item] * 5000, in_form=False)) == 5000
    with pytest.raises(ApiError) as refused:
        _accepted(json.dumps([item] * 5001), in_form=True)
    assert refused.value.status == 422 and "5000" in refused.value.message


def test_files_token_size_and_media_type(server, letter_docx):
    for name, content in (("brief.docx", b"PK\x03\x04" + b"\x00" * 300), ("brief.odt", b"PK odt"),
                          ("brief.pdf", b"%PDF-1.7"), ("brief.txt", b"\x00\x01binary")):
        assert_error(fix_docx(server, content, [], name=name), 400, "bad_file")
    assert_error(requests.post(server.url + "/api/fix", files={"file": ("b.docx", letter_docx, DOCX_TYPE)},
                               data={"accepted": "[]"}, timeout=60), 401, "unauthorized")
    big = make_docx("Ihr Antrag wurde abgelehnt.") + b"\x00" * int(LIMIT_MB * 1024 * 1024)
    assert_error(fix_docx(server, big, []), 413, "too_large")
    assert_error(post(server, "/api/fix", data="Text", headers={"content-type": "text/plain"}),
                 415, "unsupported_media_type")
    assert_error(requests.get(server.url + "/api/fix", headers=AUTH, timeout=30), 405, "method_not_allowed")


def test_openapi_documents_fix_and_the_log_has_no_text(server):
    document = requests.get(server.url + "/openapi.json", headers=AUTH, timeout=30).json()
    operation = document["paths"]["/api/fix"]["post"]
    assert {"200", "400", "401", "413", "415", "422", "500"} <= set(operation["responses"])
    assert {"application/json", "multipart/form-data"} == set(operation["requestBody"]["content"])
    assert set(operation["responses"]["200"]["content"]) == {DOCX_TYPE, "text/plain"}
    assert "Accepted" in document["components"]["schemas"]
    log = server.log()
    assert "POST /api/fix 200" in log and "POST /api/fix 422" in log
    for secret in ("Quastenflosser", "Ausländerbehörde", "Yılmaz", "Bescheid", "Wir behalten"):
        assert secret not in log
    assert "internal error" not in log
