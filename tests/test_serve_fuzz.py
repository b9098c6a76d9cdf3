"""Fuzz ``einfach serve``'s API from its own OpenAPI document with schemathesis.

Every operation gets generated requests (valid and invalid JSON bodies,
multipart uploads with arbitrary bytes and names, wrong types); each answer
must not be a server error and must match the document (status code, content
type, headers, body schema).  The number of generated cases per operation is
printed at the end (``pytest -s``) and written to ``$EINFACH_FUZZ_REPORT``
when that is set.
"""

from __future__ import annotations

import json
import os
from collections import Counter

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from serve_support import Server

EXAMPLES = int(os.environ.get("EINFACH_FUZZ_EXAMPLES", "50"))  # per operation and generation mode
CASES: Counter = Counter()


TOKEN = "fuzz-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve-fuzz")
    (folder / "token").write_text(TOKEN, encoding="utf-8")
    running = Server(folder / "server.log", "--max-upload-mb", "1", "--token-file", str(folder / "token"))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def api_schema(server):
    return schemathesis.openapi.from_url(server.url + "/openapi.json", headers=AUTH)


def operations():
    """(operation, generation mode) pairs, named for the test ids."""
    reads = [("/healthz", "GET", GenerationMode.POSITIVE), ("/api/rules", "GET", GenerationMode.POSITIVE)]
    writes = [(path, "POST", mode) for path in ("/api/check", "/api/annotate", "/api/html", "/api/fix")
              for mode in GenerationMode]
    return reads + writes  # the GET operations take no input: no invalid request to generate


# schemathesis's own pytest plugin (schemathesis.pytest.from_fixture) fails with pytest 9
# ('Function' object has no attribute '_nodeid'), so each operation's strategy runs under hypothesis here.
@pytest.mark.parametrize(("path", "method", "mode"), operations(), ids=lambda v: getattr(v, "value", v))
def test_api_answers_match_the_document(api_schema, path, method, mode):
    operation = api_schema[path][method]
    session = requests.Session()

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None,
              phases=[Phase.explicit, Phase.generate])
    def run(case):
        CASES[f"{method} {path}"] += 1
        # a schema cannot say "a readable .docx": a valid-looking upload of random bytes gets a 400,
        # which schemathesis's positive_data_acceptance check would count as a failure
        response = case.call(session=session, headers=AUTH, timeout=120)
        excluded = [positive_data_acceptance]
        if response.status_code == 413:
            # an invalid body that is also over the upload limit is refused by size before it is read
            # (413, documented); schemathesis's negative_data_rejection does not count 413 as a rejection
            excluded.append(negative_data_rejection)
        case.validate_response(response, headers=AUTH, excluded_checks=excluded)

    run()


def test_zz_cases_per_operation(server):
    """Runs after the fuzzing (file order): every operation got cases, the server is still healthy."""
    if not CASES:
        pytest.skip("the fuzzing test did not run (selected out)")
    report = dict(sorted(CASES.items()))
    print("\nschemathesis cases per operation:", json.dumps(report, indent=2))
    if os.environ.get("EINFACH_FUZZ_REPORT"):
        with open(os.environ["EINFACH_FUZZ_REPORT"], "w", encoding="utf-8") as out:
            json.dump(report, out, indent=2)
    assert set(report) == {"GET /healthz", "GET /api/rules", "POST /api/check", "POST /api/annotate", "POST /api/html",
                           "POST /api/fix"}
    assert all(count >= 1 for count in report.values())
    assert requests.get(server.url + "/healthz", timeout=30).status_code == 200
    assert "internal error" not in server.log()
