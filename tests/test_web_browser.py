"""``lawcheck serve`` in a real browser: Debian's chromium, driven by Selenium through Debian's
chromium-driver (.ci/run installs both). A program manager's afternoon: upload the example plan,
build a plan in the form, screen twenty pasted posts, download the calendar, switch to Khmer.

Set LAWCHECK_SCREENSHOTS=docs/screenshots to write the screenshots the docs show.
Without chromium the tests skip, except under CI, where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SHOTS = os.environ.get("LAWCHECK_SCREENSHOTS")

if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
    if os.environ.get("CI"):
        pytest.fail("chromium and chromium-driver are missing: .ci/run installs them",
                    pytrace=False)
    pytest.skip("Debian's chromium and chromium-driver are not installed "
                "(apt-get install chromium chromium-driver)", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

POSTS = [
    "The corrupt CPP government must go.",
    "Join our march to the Royal Palace tomorrow at 8 am.",
    "Our health workers trained 40 village volunteers in Kampot this week.",
    "The court's verdict against the land activists was bought by the company.",
    "We call on all workers to strike on Monday until wages are paid.",
    "Thank you to the provincial health department for the new clinic.",
    "Vote for the party that protects forests: vote Candlelight!",
    "Families in Oral district fear eviction; we documented 32 houses at risk.",
    "The Prime Minister is a traitor who sold our land to Vietnam.",
    "Register to vote before the deadline: every citizen has a voice.",
    "Soldiers, refuse the order to evict your brothers and sisters!",
    "Our annual report for 2025 is now online.",
    "Boycott the election: it is a sham.",
    "Community fishers met the fisheries administration to discuss patrols.",
    "The governor is a thief and a liar.",
    "Come to the public forum on land titles at Wat Sre Ampil on 10 December.",
    "We welcome the release of the detained youth activists.",
    "Rice farmers in Takeo received drought-resistant seed this month.",
    "The judge must free the activists now or face the people's anger.",
    "Donate to help flood-affected families in Kratie.",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from lawcheck.web import create_app

    db = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'web.db'}"
    # The socket is bound here and handed to uvicorn, not a port found free and bound again
    # later: under pytest -n auto another worker (or PostgreSQL) could take that port between.
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db=db), log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the test server did not start (its log is above)"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-default-apps", "--disable-extensions", "--disable-sync",
                 "--no-first-run", "--disable-features=Translate,OptimizationHints,MediaRouter",
                 "--metrics-recording-only", "--window-size=1280,1000", "--lang=en-GB"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver
    driver.quit()


def wait(driver, css: str, seconds: float = 60):
    return WebDriverWait(driver, seconds).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def shot(driver, name: str) -> None:
    """A full-page screenshot into LAWCHECK_SCREENSHOTS (when set)."""
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    height = min(driver.execute_script("return document.documentElement.scrollHeight"), 3000)
    driver.set_window_size(1280, max(height, 700))
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(Path(SHOTS) / f"{name}.png"))
    driver.set_window_size(1280, 1000)


def set_value(driver, element, value: str) -> None:
    """Date inputs take keys in the browser's locale order; set the ISO value directly."""
    driver.execute_script("arguments[0].value = arguments[1]", element, value)


# The journeys a program manager makes run in both interface languages (issue 17's done-when):
# the page is switched once, through the language links every page carries.
LANGUAGES = pytest.mark.parametrize("lang", ["en", "km"])


def use_language(browser, server, lang: str) -> None:
    browser.get(server + f"/lang/{lang}?next=/")  # what the header's language links do
    wait(browser, f"html[lang={lang}]")


def suffix(lang: str) -> str:
    return "" if lang == "en" else f"-{lang}"


@LANGUAGES
def test_upload_the_example_plan_and_read_the_report(browser, server, lang):
    use_language(browser, server, lang)
    browser.get(server + "/")
    shot(browser, "home" + suffix(lang))
    browser.find_element(By.CSS_SELECTOR, "header.top nav a[href='/check']").click()
    form = wait(browser, "#upload-form")
    form.find_element(By.NAME, "plan").send_keys(str(EXAMPLES / "land-forum.yaml"))
    set_value(browser, form.find_element(By.NAME, "as_of"), "2026-12-01")
    shot(browser, "check-form" + suffix(lang))
    browser.find_element(By.ID, "upload-submit").click()
    wait(browser, ".report")
    assert browser.find_element(By.TAG_NAME, "h1").text.endswith("land-forum.yaml")
    risk = browser.find_element(By.ID, "risk-deregistration")
    assert set(risk.get_attribute("class").split()) & {"level-high", "level-critical"}
    # the arithmetic is behind a closed disclosure until the reader opens it
    disclosure = risk.find_element(By.TAG_NAME, "details")
    assert disclosure.get_attribute("open") is None
    disclosure.find_element(By.TAG_NAME, "summary").click()
    assert disclosure.get_attribute("open") is not None
    assert browser.find_elements(By.CSS_SELECTOR, "article.finding")
    shot(browser, "check-report" + suffix(lang))


@LANGUAGES
def test_build_a_plan_in_the_form(browser, server, lang):
    use_language(browser, server, lang)
    browser.get(server + "/check")
    form = wait(browser, "#plan-form")
    form.find_element(By.NAME, "organization.name").send_keys("Kampot Water Users Network")
    Select(form.find_element(By.NAME, "organization.type")).select_by_value("domestic_ngo")
    Select(form.find_element(By.NAME, "organization.sector")).select_by_value(
        "land_environment")
    Select(form.find_element(By.NAME, "change.kind")).select_by_value("leader")
    set_value(browser, form.find_element(By.NAME, "change.changed_on"), "2026-10-20")
    for _ in range(2):
        browser.find_element(By.ID, "add-activity").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "#activities fieldset.activity")
    assert len(rows) == 3
    rows[1].find_element(By.CLASS_NAME, "remove-activity").click()  # rows come and go
    rows = browser.find_elements(By.CSS_SELECTOR, "#activities fieldset.activity")
    assert len(rows) == 2
    plans = [("A1", "March for clean water", "march", "2026-12-12T08:00", "300"),
             ("A3", "Village water training", "training", "2026-12-20T09:00", "25")]
    for row, (id_, title, kind, start, people) in zip(rows, plans):
        field = row.find_element(By.CSS_SELECTOR, "[name$='.id']")
        field.clear()
        field.send_keys(id_)
        row.find_element(By.CSS_SELECTOR, "[name$='.title']").send_keys(title)
        Select(row.find_element(By.CSS_SELECTOR, "[name$='.type']")).select_by_value(kind)
        set_value(browser, row.find_element(By.CSS_SELECTOR, "[name$='.start']"), start)
        Select(row.find_element(By.CSS_SELECTOR, "[name$='location.province']")) \
            .select_by_value("Kampot")
        row.find_element(By.CSS_SELECTOR, "[name$='.participants']").send_keys(people)
    Select(rows[0].find_element(By.CSS_SELECTOR, "[name$='.open_to_public']")) \
        .select_by_value("yes")
    Select(rows[0].find_element(By.CSS_SELECTOR, "[name$='location.public_space']")) \
        .select_by_value("yes")
    Select(rows[0].find_element(By.CSS_SELECTOR, "[name$='.notified']")) \
        .select_by_value("not_yet")
    set_value(browser, form.find_element(By.CSS_SELECTOR, "#plan-form > label [name=as_of]"),
              "2026-12-01")
    shot(browser, "plan-form-filled")
    browser.find_element(By.ID, "form-submit").click()
    wait(browser, ".report")
    page = browser.page_source
    assert "March for clean water" in page and "Village water training" in page
    assert "kh.change.not-notified" in page  # the leader change, 42 days un-notified
    assert "kh.assembly.notice.missing" in page  # the march, its notice not yet lodged


@LANGUAGES
def test_screen_twenty_pasted_posts(browser, server, lang):
    use_language(browser, server, lang)
    browser.get(server + "/review")
    box = wait(browser, "#statements-text")
    box.send_keys("\n\n".join(POSTS))
    set_value(browser, browser.find_element(By.NAME, "date"), "2026-12-01")
    browser.find_element(By.ID, "review-submit").click()
    wait(browser, "#statements", 90)
    items = browser.find_elements(By.CSS_SELECTOR, "article.statement")
    assert len(items) == 20
    assert "20" in browser.find_element(By.ID, "counts").text
    marks = browser.find_elements(By.CSS_SELECTOR, "article.statement mark")
    assert marks, "flagged words are highlighted"
    shot(browser, "review-result" + suffix(lang))
    Select(browser.find_element(By.ID, "filter-level")).select_by_value("none")
    visible = [i for i in items if i.is_displayed()]
    assert 0 < len(visible) < 20
    assert all(i.get_attribute("data-level") == "none" for i in visible)
    Select(browser.find_element(By.ID, "filter-level")).select_by_value("")
    assert len([i for i in items if i.is_displayed()]) == 20


def test_a_sheet_with_other_column_names_is_mapped(browser, server, tmp_path):
    sheet = tmp_path / "facebook-export.csv"
    sheet.write_text("No,Page,Post text\n" + "".join(
        f'{n},main,"{post}"\n' for n, post in enumerate(POSTS[:4], 1)), encoding="utf-8")
    browser.get(server + "/review")
    wait(browser, "#review-form").find_element(By.NAME, "statements").send_keys(str(sheet))
    browser.find_element(By.ID, "review-submit").click()
    text_column = Select(wait(browser, "#text-column"))
    assert text_column.first_selected_option.text == "Post text"  # the did-you-mean
    assert Select(browser.find_element(By.ID, "id-column")).first_selected_option.text == "No"
    shot(browser, "review-map-columns")
    browser.find_element(By.ID, "map-submit").click()
    wait(browser, "#statements", 60)
    assert len(browser.find_elements(By.CSS_SELECTOR, "article.statement")) == 4


def test_a_bad_plan_is_shown_with_where_and_how_to_fix(browser, server, tmp_path):
    bad = tmp_path / "my-plan.yaml"
    bad.write_text("organization:\n  name: X\n  type: domestic_ngo\n  colour: red\n"
                   "activities: []\n", encoding="utf-8")
    browser.get(server + "/check")
    wait(browser, "#upload-form").find_element(By.NAME, "plan").send_keys(str(bad))
    browser.find_element(By.ID, "upload-submit").click()
    message = wait(browser, "#error-message").text
    assert "my-plan.yaml:4" in message and "how to fix" in message
    assert "Traceback" not in browser.page_source
    shot(browser, "check-error")


@LANGUAGES
def test_download_the_calendar(browser, server, downloads, lang):
    use_language(browser, server, lang)
    target = downloads / "lawcheck-deadlines.ics"
    if target.exists():
        target.unlink()
    browser.get(server + "/calendar")
    wait(browser, "#download-ics").click()
    for _ in range(100):
        if target.exists() and target.stat().st_size:
            break
        time.sleep(0.1)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in text
    shot(browser, "calendar" + suffix(lang))


def test_switch_to_khmer(browser, server):
    use_language(browser, server, "en")  # start from English, whatever an earlier test chose
    browser.get(server + "/review")
    wait(browser, "#lang-km").click()
    wait(browser, "html[lang=km]")
    nav = browser.find_element(By.CSS_SELECTOR, "header.top nav").text
    assert "ពិនិត្យផែនការ" in nav and "ប្រតិទិន" in nav
    assert browser.find_element(By.TAG_NAME, "h1").text == "ពិនិត្យសេចក្តីថ្លែងការណ៍"
    browser.find_element(By.ID, "statements-text").send_keys(POSTS[0])
    browser.find_element(By.ID, "review-submit").click()
    wait(browser, "#statements", 60)
    assert "ទិដ្ឋភាពទូទៅ" in browser.page_source  # "Overview", and the legal text as shipped
    shot(browser, "review-result-km")
    browser.get(server + "/check")
    wait(browser, "#plan-form")
    shot(browser, "check-form-km")
    wait(browser, "#lang-en").click()
    wait(browser, "html[lang=en]")
