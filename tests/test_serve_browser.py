"""The page of ``einfach serve`` in headless Chromium (Selenium), against a real server process.

Upload a .docx, see the findings, move to one with the keyboard, open its
explanation, download the annotated copy and the HTML report (and open the
copy with python-docx); paste text with another profile; accept one real
rewrite and reject another, download the plainer copy and find only the
accepted one as a tracked change (python-docx); and axe-core finds no WCAG 2.1
AA violation with findings shown and a rewrite open.

Skipped without Chromium and chromedriver; the axe-core test is skipped
without ``node_modules/axe-core`` (``.ci/run`` installs it with npm; the page
never loads it: the test injects it).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import requests

from docx.oxml.ns import qn

from serve_support import Server, make_docx
from test_html_browser import CHROMEDRIVER, CHROMIUM, start_browser
from test_serve_fix import PARAGRAPHS as REWRITE_PARAGRAPHS

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="chromium and chromedriver are not installed (apt-get install chromium chromium-driver; .ci/run does)",
)

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
PARAGRAPHS = (
    "Sehr geehrte Frau Yılmaz,",
    "Ihr Antrag wurde im vorliegenden Verfahren abgelehnt.",
    "Die Unterlagen sind bis zum 1. Oktober vorzulegen.",
    "Bitte bringen Sie Ihren Pass mit.",
)
WAIT = 120  # seconds for a check on a busy machine


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = Server(tmp_path_factory.mktemp("serve-browser") / "server.log")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, downloads):
    pytest.importorskip("selenium.webdriver", reason="selenium is in the test extras")
    driver = start_browser(tmp_path_factory.mktemp("chromium-profile"), downloads=downloads)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def letter(tmp_path_factory):
    path = tmp_path_factory.mktemp("letter") / "Bescheid Yılmaz.docx"
    path.write_bytes(make_docx(*PARAGRAPHS))
    return path


def wait_for(condition, timeout=WAIT, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def check_upload(browser, server, letter):
    from selenium.webdriver.common.by import By

    browser.get(server.url + "/")
    browser.find_element(By.ID, "datei").send_keys(str(letter))
    assert letter.name in browser.find_element(By.ID, "datei-name").text
    browser.find_element(By.ID, "start").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#brief mark"), what="marks")
    return browser.find_element(By.ID, "brief")


def test_upload_keyboard_explanation_and_downloads(browser, server, letter, downloads):
    import docx
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    text = check_upload(browser, server, letter)
    assert "Ihr Antrag wurde im vorliegenden Verfahren abgelehnt." in text.text
    assert "Einfach-Index" in browser.find_element(By.ID, "zusammenfassung").text
    marks = browser.find_elements(By.CSS_SELECTOR, "#brief mark")
    for mark in marks:  # colour and a second cue: the underline and the number after it
        assert mark.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
        assert mark.value_of_css_property("border-bottom-style") in ("solid", "dotted", "double")
        assert mark.get_attribute("role") == "button" and mark.get_attribute("aria-label").startswith("Befund ")
    numbers = browser.find_elements(By.CSS_SELECTOR, "#brief span.nr")
    shown = [browser.execute_script("return getComputedStyle(arguments[0], '::after').content", n) for n in numbers]
    assert shown and all(re.fullmatch(r'"[0-9]+(,[0-9]+)*"', content) for content in shown), shown
    assert browser.find_elements(By.CSS_SELECTOR, "script[src^='http'], link[href^='http'], img") == []

    # keyboard: from the result's heading, Tab reaches the first mark; Enter opens its explanation
    browser.find_element(By.ID, "ergebnis").click()
    for _ in range(12):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.switch_to.active_element.tag_name == "mark":
            break
    focused = browser.switch_to.active_element
    assert focused.tag_name == "mark"
    focused.send_keys(Keys.ENTER)
    panel = browser.find_element(By.ID, "erklaerung")
    assert "Warum?" in panel.text and "Vorschlag:" in panel.text
    assert "selected" in focused.get_attribute("class")

    # the list of all findings leads to each passage
    buttons = browser.find_elements(By.CSS_SELECTOR, "#liste button[data-goto]")
    assert len(buttons) == (browser.execute_script(
        "return new Set([].concat(...[...document.querySelectorAll('#brief mark')].map(m => m.dataset.findings.split(' ')))).size"))
    buttons[-1].click()
    assert browser.switch_to.active_element.tag_name == "mark"

    # downloads: the Word copy with comments and the HTML report
    browser.find_element(By.ID, "dl-kommentare").click()
    copy_path = wait_for(lambda: next(iter(downloads.glob("*-kommentiert.docx")), None), what="the annotated copy")
    wait_for(lambda: not list(downloads.glob("*.crdownload")), what="the download to finish")
    document = docx.Document(str(copy_path))
    assert len(list(document.comments)) >= 2
    assert [p.text for p in document.paragraphs] == list(PARAGRAPHS)
    assert copy_path.name == "Bescheid Yılmaz-kommentiert.docx"
    browser.find_element(By.ID, "dl-bericht").click()
    report = wait_for(lambda: next(iter(downloads.glob("*-bericht.html")), None), what="the HTML report")
    wait_for(lambda: not list(downloads.glob("*.crdownload")), what="the download to finish")
    content = report.read_text(encoding="utf-8")
    assert "Bescheid Yılmaz.docx" in content and "<mark" in content and "Bitte bringen Sie Ihren Pass mit." in content


def test_paste_text_with_another_profile(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server.url + "/")
    browser.find_element(By.ID, "text").send_keys("Ihr Antrag wurde abgelehnt. Die Gebühr ist zu entrichten.")
    browser.find_element(By.ID, "profil-leicht").click()
    browser.find_element(By.ID, "start").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#brief mark"), what="marks")
    assert "Stellen gefunden" in browser.find_element(By.ID, "status").text
    assert browser.find_element(By.ID, "dl-kommentare").get_attribute("disabled")  # no .docx: no Word copy
    fassung = browser.find_element(By.ID, "dl-fassung")  # the plainer text: once a rewrite is accepted
    assert not fassung.is_displayed() or fassung.get_attribute("disabled")


def test_empty_input_and_server_errors_are_shown(browser, server, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(server.url + "/")
    browser.find_element(By.ID, "start").click()
    status = browser.find_element(By.ID, "status")
    assert "Bitte fügen Sie einen Text ein" in status.text
    broken = tmp_path / "kaputt.docx"
    broken.write_bytes(b"PK\x03\x04 kaputt")
    browser.find_element(By.ID, "datei").send_keys(str(broken))
    browser.find_element(By.ID, "start").click()
    wait_for(lambda: "error" in status.get_attribute("class"), what="the error")
    assert "Word-Dokument" in status.text or "beschädigt" in status.text or "gelesen" in status.text


@pytest.fixture(scope="module")
def rewrite_letter(tmp_path_factory):
    """A .docx whose check offers a sure rewrite (a passive with its agent) and one to review."""
    path = tmp_path_factory.mktemp("rewrites") / "Bescheid Quastenflosser.docx"
    path.write_bytes(make_docx(*REWRITE_PARAGRAPHS))
    return path


def offered_rewrites(server, letter) -> tuple[dict, int, int]:
    """(the check's entry, the index of a finding with a sure rewrite, of one with a rewrite to review)."""
    with open(letter, "rb") as handle:
        response = requests.post(server.url + "/api/check", files={"file": (letter.name, handle.read())}, timeout=WAIT)
    entry = response.json()["files"][0]
    sure = next(i for i, f in enumerate(entry["findings"]) if f.get("fix") and f["fix"]["applicability"] == "sure"
                and f["rule"] == "passiv")
    review = next(i for i, f in enumerate(entry["findings"]) if f.get("fix") and f["fix"]["applicability"] == "review")
    return entry, sure, review


def test_accept_one_rewrite_reject_another_and_download_the_plainer_copy(browser, server, rewrite_letter, downloads):
    import docx
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    entry, sure, review = offered_rewrites(server, rewrite_letter)
    accepted_fix, rejected_fix = entry["findings"][sure]["fix"], entry["findings"][review]["fix"]
    letter = check_upload(browser, server, rewrite_letter)
    panel = browser.find_element(By.ID, "erklaerung")
    download = browser.find_element(By.ID, "dl-fassung")
    assert download.is_displayed() and download.get_attribute("disabled")  # nothing accepted yet

    def open_finding(index):
        mark = browser.find_element(By.CSS_SELECTOR, f"#brief mark[data-findings~='f{index + 1}']")
        mark.send_keys(Keys.ENTER)  # the keyboard, as a caseworker without a mouse
        return panel.find_element(By.CSS_SELECTOR, f".detail[data-finding='f{index + 1}'] .fix")

    box = open_finding(sure)
    assert accepted_fix["sentence"] in box.text and "Sicher" in box.text
    box.find_element(By.CSS_SELECTOR, "button.accept").send_keys(Keys.ENTER)
    assert accepted_fix["sentence"] in letter.text
    assert "Ihr Antrag wurde von der Ausländerbehörde abgelehnt." not in letter.text
    assert "Übernommen" in panel.text and browser.find_elements(By.CSS_SELECTOR, "#brief ins.accepted")
    assert browser.switch_to.active_element.get_attribute("class") == "reject"  # focus stays in the box

    box = open_finding(review)
    assert rejected_fix["sentence"] in box.text and "Bitte prüfen" in box.text
    box.find_element(By.CSS_SELECTOR, "button.reject").click()
    assert "Verworfen" in panel.text
    assert "Die Unterlagen sind bis zum 1. Oktober vorzulegen." in letter.text
    assert rejected_fix["sentence"] not in letter.text
    accepted = browser.execute_script("return window.einfachPage.acceptedFixes();")
    assert [fix["edits"] for fix in accepted] == [accepted_fix["edits"]]
    assert "1 übernommenen Satz" in browser.find_element(By.ID, "dl-fassung-hinweis").text

    download.click()
    copy_path = wait_for(lambda: next(iter(downloads.glob("*-einfacher.docx")), None), what="the plainer copy")
    wait_for(lambda: not list(downloads.glob("*.crdownload")), what="the download to finish")
    assert copy_path.name == "Bescheid Quastenflosser-einfacher.docx"
    document = docx.Document(str(copy_path))
    body = document.element.body
    inserted = " ".join("".join(node.itertext()) for node in body.iter(qn("w:ins")))
    deleted = " ".join("".join(node.itertext()) for node in body.iter(qn("w:del")))
    assert inserted and deleted
    assert "Ausländerbehörde hat" in inserted and "wurde" in deleted  # the accepted rewrite is a tracked change
    assert "Bitte legen Sie" not in inserted and "vorzulegen" not in deleted  # the rejected one is not
    untouched = next(p for p in document.paragraphs if "Unterlagen" in p.text)
    assert untouched.text == "Die Unterlagen sind bis zum 1. Oktober vorzulegen."
    assert not untouched._p.findall(".//" + qn("w:ins"))

    # changing one's mind: rejecting the accepted rewrite brings the original sentence back
    browser.find_element(By.CSS_SELECTOR, f"#liste button[data-goto='f{sure + 1}']").click()
    panel.find_element(By.CSS_SELECTOR, f".detail[data-finding='f{sure + 1}'] button.reject").click()
    assert "Ihr Antrag wurde von der Ausländerbehörde abgelehnt." in letter.text
    assert browser.execute_script("return window.einfachPage.acceptedFixes();") == []
    assert download.get_attribute("disabled")


def test_pasted_text_gives_a_plainer_text(browser, server, downloads):
    from selenium.webdriver.common.by import By

    browser.get(server.url + "/")
    browser.find_element(By.ID, "text").send_keys("Bitte bringen Sie z. B. Ihren Pass mit.")
    browser.find_element(By.ID, "start").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#brief mark"), what="marks")
    browser.find_element(By.CSS_SELECTOR, "#brief mark").click()
    browser.find_element(By.CSS_SELECTOR, "#erklaerung .fix button.accept").click()
    assert "Bitte bringen Sie zum Beispiel Ihren Pass mit." in browser.find_element(By.ID, "brief").text
    assert "(Text)" in browser.find_element(By.ID, "dl-fassung").text
    browser.find_element(By.ID, "dl-fassung").click()
    copy_path = wait_for(lambda: next(iter(downloads.glob("text-einfacher.txt")), None), what="the plainer text")
    wait_for(lambda: not list(downloads.glob("*.crdownload")), what="the download to finish")
    assert copy_path.read_text(encoding="utf-8") == "Bitte bringen Sie zum Beispiel Ihren Pass mit."


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm install axe-core; .ci/run does)")
def test_no_wcag_21_aa_violations(browser, server, rewrite_letter):
    from selenium.webdriver.common.by import By

    _, sure, review = offered_rewrites(server, rewrite_letter)
    check_upload(browser, server, rewrite_letter)
    browser.find_element(By.CSS_SELECTOR, f"#brief mark[data-findings~='f{review + 1}']").click()
    browser.find_element(By.CSS_SELECTOR, "#erklaerung .fix button.reject").click()
    browser.find_element(By.CSS_SELECTOR, f"#brief mark[data-findings~='f{sure + 1}']").click()
    browser.find_element(By.CSS_SELECTOR, "#erklaerung .fix button.accept").click()
    assert browser.find_elements(By.CSS_SELECTOR, "#erklaerung .fix .decision")  # a rewrite shown and decided
    assert browser.find_element(By.ID, "dl-fassung").is_displayed()
    results = run_axe(browser)
    assert results["passes"], "axe ran no checks"
    violations = [(v["id"], v["help"], [n["html"][:120] for n in v["nodes"]]) for v in results["violations"]]
    assert violations == []
    # the page before a check, with the token field shown
    browser.get(server.url + "/")
    browser.execute_script("document.getElementById('token-bereich').hidden = false;")
    assert run_axe(browser)["violations"] == []


def run_axe(browser) -> dict:
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    browser.set_script_timeout(60)
    return browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done({violations: r.violations, passes: r.passes.length})).catch(e => done({error: String(e)}));"
    )


def test_screenshot_script_runs(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "seite.png"
    script = Path(__file__).resolve().parents[1] / "docs" / "screenshot.py"
    done = subprocess.run([sys.executable, str(script), "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000


def test_the_page_asks_for_the_token_once(browser, tmp_path):
    from selenium.webdriver.common.by import By

    token = "browser-token-0123456789abcdef"
    (tmp_path / "token").write_text(token + "\n", encoding="utf-8")
    protected = Server(tmp_path / "server.log", "--token-file", str(tmp_path / "token"))
    try:
        browser.get(protected.url + "/")
        assert not browser.find_element(By.ID, "token-bereich").is_displayed()
        browser.find_element(By.ID, "text").send_keys("Ihr Antrag wurde abgelehnt.")
        browser.find_element(By.ID, "start").click()
        wait_for(lambda: browser.find_element(By.ID, "token-bereich").is_displayed(), what="the token field")
        assert browser.switch_to.active_element.get_attribute("id") == "token"
        assert "Zugangsschlüssel" in browser.find_element(By.ID, "status").text
        browser.switch_to.active_element.send_keys(token)
        browser.find_element(By.ID, "start").click()
        wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#brief mark"), what="marks")
        assert browser.execute_script("return sessionStorage.getItem('einfach-token')") == token
        assert browser.execute_script("return document.cookie") == ""
        browser.get(protected.url + "/")  # the same tab: no second question
        browser.find_element(By.ID, "text").send_keys("Die Gebühr ist zu entrichten.")
        browser.find_element(By.ID, "start").click()
        wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#brief mark"), what="marks")
        assert not browser.find_element(By.ID, "token-bereich").is_displayed()
    finally:
        protected.stop()
        browser.execute_script("sessionStorage.clear()")


def test_drop_a_file_on_the_page(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server.url + "/")
    browser.execute_script(
        "const data = new DataTransfer();"
        "data.items.add(new File(['Ihr Antrag wurde im vorliegenden Verfahren abgelehnt.'], 'abgelegt.txt', {type: 'text/plain'}));"
        "const zone = document.getElementById('ablage');"
        "zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));"
        "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));"
    )
    assert "abgelegt.txt" in browser.find_element(By.ID, "datei-name").text
    browser.find_element(By.ID, "start").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#brief mark"), what="marks")
    assert "im vorliegenden Verfahren" in browser.find_element(By.ID, "brief").text
    browser.find_element(By.ID, "datei-entfernen").click()
    assert browser.find_element(By.ID, "datei-name").text == ""
