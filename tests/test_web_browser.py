"""The web interface in a real headless Chromium: filter, click the timeline, open evidence, hostile article inert.

Needs Debian's ``chromium`` and ``chromium-driver`` (scripts/test-setup.sh installs them). Nothing is
downloaded at test time: the driver path is given and Selenium Manager is kept offline. Without Chromium
the test is skipped, except under ``CI=true`` where it fails.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.analyzer import Analyzer
from marsad.web import create_app
from test_web import HOSTILE, build_store

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).parent / "artifacts"
WAIT = 10  # seconds for any page to be ready


def _require_chromium() -> None:
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    message = "headless browser test needs /usr/bin/chromium and /usr/bin/chromedriver: sh scripts/test-setup.sh"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> Iterator[str]:
    """The app over the example store, served by uvicorn in a background thread on a free port."""
    import uvicorn

    _require_chromium()
    app = create_app(build_store(tmp_path_factory.mktemp("browser"), analyzer))
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=WAIT)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager fetch anything
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1400,1000", "--lang=en"):
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="marsad-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        driver.set_page_load_timeout(WAIT)
        try:
            yield driver
        finally:
            driver.quit()


def _shot(driver: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("*\n")  # screenshots are test output, never committed
    driver.save_screenshot(str(ARTIFACTS / name))


def _no_alert(driver: object) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is how Selenium tells whether an alert is open


def test_filter_timeline_evidence_and_hostile_article(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver, wait = browser, WebDriverWait(browser, WAIT)
    driver.get(f"{server}/events?country=MAR&with=USA")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.events tbody tr[data-event]")
    assert rows, "no Morocco-United States events listed"
    _shot(driver, "01-events-mar-usa.png")

    bar = next(b for b in driver.find_elements(By.CSS_SELECTOR, "#timeline a.bar")
               if b.get_attribute("data-period").startswith("2023"))
    period = bar.get_attribute("data-period")
    bar.find_element(By.CSS_SELECTOR, "rect").click()
    wait.until(ec.url_contains(f"to={period}"))
    assert "country=MAR" in driver.current_url and f"from={period}" in driver.current_url
    dates = [td.text for td in driver.find_elements(By.CSS_SELECTOR, "table.events tbody tr[data-event] td.nowrap")]
    assert dates and all(d.startswith(period) or d == "?" for d in dates), dates
    _shot(driver, "02-timeline-month.png")

    link = driver.find_element(By.CSS_SELECTOR, "table.events a.open-event")
    event_id = link.get_attribute("href").rsplit("event=", 1)[1]
    evidence = driver.find_element(By.CSS_SELECTOR, "table.events td.evidence").text
    link.click()
    selected = wait.until(ec.presence_of_element_located((By.ID, "selected-evidence")))
    assert f"event={event_id}" in driver.current_url
    assert "selected" in selected.get_attribute("class") and selected.text.strip() in evidence
    marked = driver.find_elements(By.CSS_SELECTOR, "#article .ev.selected")
    assert "".join(m.text for m in marked).strip()[:20] == evidence.strip()[:20]
    assert driver.execute_script(
        "const r = document.getElementById('selected-evidence').getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight;"), "the evidence was not scrolled into view"
    assert driver.find_element(By.ID, "article").get_attribute("dir") == "rtl"
    _shot(driver, "03-document-evidence.png")

    driver.get(f"{server}/documents/{HOSTILE['id']}")
    _no_alert(driver)
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert "<script>alert(1)</script>" in driver.find_element(By.TAG_NAME, "h1").text  # shown as text
    assert not driver.find_elements(By.CSS_SELECTOR, "#article img, #article script, a[href^='javascript']")
    _shot(driver, "04-hostile-document.png")
    driver.get(f"{server}/events?actor=PER.NASSER_BOURITA")
    _no_alert(driver)
    assert driver.execute_script("return typeof window.__pwned") == "undefined"


def test_home_page_summarizes_the_store(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/")
    assert "events" in browser.find_element(By.CSS_SELECTOR, "p.stats").text
    actors = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "ul.actors a")]
    assert any("Morocco" in name for name in actors), actors
    _shot(browser, "06-home.png")


def test_actor_autocomplete_in_arabic(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/events")
    browser.find_element(By.NAME, "actor").send_keys("بوريطة")
    WebDriverWait(browser, WAIT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#actor-options option[value='PER.NASSER_BOURITA']"))
    browser.get(f"{server}/actors/MAR")
    assert "Morocco" in browser.find_element(By.TAG_NAME, "h1").text
    _shot(browser, "05-actor-morocco.png")
