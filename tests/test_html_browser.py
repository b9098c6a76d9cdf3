"""The HTML page in a real browser: headless Debian Chromium driven by Selenium.

The page renders, every finding has a visible highlighted mark, clicking a
mark shows its suggestion in the details panel, and the keyboard works (Tab to
a mark, Enter shows its details).  Skipped when Chromium or chromedriver is
missing (``.ci/run`` installs both).
"""

from __future__ import annotations

import os
import shutil

import pytest

from einfach.findings import CheckResult
from einfach.output import html

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and os.path.exists(p)), None)
CHROMEDRIVER = next((p for p in ("/usr/bin/chromedriver", shutil.which("chromedriver") or "") if p and os.path.exists(p)), None)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="chromium and chromedriver are not installed (apt-get install chromium chromium-driver; .ci/run does)",
)

LETTER = (
    "Sehr geehrte Frau Yılmaz,\n\n"
    "Ihr Antrag wurde von der Behörde im vorliegenden Verfahren abgelehnt, weil die Unterlagen nicht "
    "fristgerecht vorgelegt worden sind und wir deshalb leider nichts weiter für Sie tun konnten.\n\n"
    "Bitte bringen Sie <Ihren Pass> & ein Foto mit.\n"
)


def shown(finding) -> str:
    """What the panel shows of a finding: its suggestion, or its message when it has none
    (satzlaenge without a place to split)."""
    return finding.suggestions[0] if finding.suggestions else finding.message


@pytest.fixture(scope="module")
def page(check_text, tmp_path_factory):
    file = check_text(LETTER)
    assert len(file.findings) >= 4
    path = tmp_path_factory.mktemp("html") / "bericht.html"
    path.write_text(html.render(CheckResult(files=[file])), encoding="utf-8")
    return path, file


def start_browser(profile_dir, downloads=None):
    """Headless Chromium through chromedriver (also used by tests/test_serve_browser.py);
    ``downloads``: the folder that downloads go to."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile_dir}", "--window-size=1280,1000",
    ):
        options.add_argument(argument)
    if downloads is not None:
        options.add_experimental_option("prefs", {
            "download.default_directory": str(downloads), "download.prompt_for_download": False,
        })
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(15)
    return driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    pytest.importorskip("selenium.webdriver", reason="selenium is in the test extras")
    driver = start_browser(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


def test_page_marks_and_click_shows_the_suggestion(page, browser):
    from selenium.webdriver.common.by import By

    path, file = page
    browser.get(path.as_uri())
    assert "einfach" in browser.title
    letter = browser.find_element(By.CSS_SELECTOR, ".letter")
    assert "Ihr Antrag wurde" in letter.text and "<Ihren Pass> & ein Foto" in letter.text
    assert browser.find_elements(By.CSS_SELECTOR, "script[src], link, img") == []

    marks = browser.find_elements(By.CSS_SELECTOR, "mark[data-findings]")
    by_finding: dict[str, list] = {}
    for mark in marks:
        for finding_id in mark.get_attribute("data-findings").split():
            by_finding.setdefault(finding_id, []).append(mark)
    panel = browser.find_element(By.CSS_SELECTOR, ".panel-body")
    for index, finding in enumerate(file.findings, start=1):
        own = by_finding[f"d1-f{index}"]
        assert own and all(mark.is_displayed() for mark in own)
        background = own[0].value_of_css_property("background-color")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "a mark must be highlighted"
        suggestion = shown(finding)
        # the shortest mark of a finding: click it, the panel shows this finding's suggestion
        target = min(own, key=lambda m: len(m.get_attribute("data-findings").split()))
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
        target.click()
        assert suggestion in panel.text, (finding.rule, panel.text)
        assert finding.message in panel.text
        assert target.get_attribute("aria-pressed") == "true"


def test_keyboard_enter_shows_the_details(page, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path, file = page
    browser.get(path.as_uri())
    panel = browser.find_element(By.CSS_SELECTOR, ".panel-body")
    assert shown(file.findings[0]) not in panel.text
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)  # first the "Details" of the figures (issue 19), then the first mark
    assert browser.switch_to.active_element.tag_name == "summary"
    browser.switch_to.active_element.send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.tag_name == "mark"
    focused.send_keys(Keys.ENTER)
    ids = focused.get_attribute("data-findings").split()
    for finding_id in ids:
        finding = file.findings[int(finding_id.rsplit("-f", 1)[1]) - 1]
        assert shown(finding) in panel.text
    # the list of all findings leads to each passage too
    browser.find_element(By.CSS_SELECTOR, "details.all summary").click()
    last = len(file.findings)
    browser.find_element(By.CSS_SELECTOR, f"button[data-goto='d1-f{last}']").click()
    assert shown(file.findings[-1]) in panel.text
    assert browser.switch_to.active_element.tag_name == "mark"
