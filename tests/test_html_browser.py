"""The HTML report in a real browser: headless Chromium from the system's packages, driven by
Selenium, at a desktop width and a phone's 400 px. No horizontal scrolling at 400 px, the
highlights visible, the timeline drawn, the links and filters working. Where no browser can
start, these tests are skipped with the reason.

``CHECK_SCREENSHOTS=DIR`` saves a full-page screenshot at each width in DIR.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checker.cli import main

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a test extra: pip install -e '.[test]'")
from selenium.webdriver.common.by import By  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
DESKTOP, PHONE = 1280, 400
LONG_NAME = "een-heel-lang-bestand-zonder-spaties-over-de-schepen-van-de-navo-in-de-oostzee-2022.txt"

ARTICLES = {
    "a.md": "---\ntitle: Noodweer in Limburg\nsource: Dagblad Zuid\ndate: 2021-07-15\n---\n"
            "Door het noodweer in Limburg zijn in Roermond inmiddels 5 mensen om het leven gekomen.\n",
    "b.md": "---\ntitle: Dodental in Roermond stijgt\nsource: Limburgs Nieuws\ndate: 2021-07-16\n---\n"
            "Het dodental in Roermond is opgelopen tot 12.\n",
    "c.md": "---\ntitle: Floods in Limburg\nsource: The Daily\ndate: 2021-07-18\n---\n"
            "The death toll in Roermond has risen to 19.\n",
    "d.txt": " date 2022-02-03 De Navo versterkt haar oostflank. In de Oostzee patrouilleren 140 schepen.\n",
    "f.txt": " date 2022-02-03 President Zelensky sprak in Kyiv met de pers.\n",
    "e.txt": " date 2022-02-03 President Zelenski sprak in Kyiv met ministers. De Navo heeft meer dan 200 schepen "
             "in de Oostzee, zegt een woordvoerder van het bondgenootschap.\n",
    LONG_NAME: "De Navo heeft 90 schepen in de Oostzee.\n",
}


@pytest.fixture(scope="module")
def report_url(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    page = folder.parent / "report.html"
    assert main([str(folder), "-o", str(page)]) == 1
    return page.as_uri()


def start_browser(width: int, profile: Path, mobile: bool = False):
    """Headless Chromium of the system, or a skip that says why none started."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.skip(f"no browser: {CHROMIUM} or {CHROMEDRIVER} is missing (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                f"--user-data-dir={profile}", f"--window-size={width},900", "--hide-scrollbars"):
        options.add_argument(arg)
    if mobile:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": 800,
                                                                               "pixelRatio": 2.0}})
    try:
        driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    except Exception as e:  # noqa: BLE001 - any failure to start is a reason to skip, said in full
        pytest.skip(f"headless Chromium could not start: {type(e).__name__}: {str(e).splitlines()[0]}")
    if not mobile:
        driver.set_window_size(width, 900)  # --window-size keeps to at least 500 px
        assert driver.execute_script("return window.innerWidth") == width
    return driver


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def browser(request, tmp_path, report_url):
    driver = start_browser(request.param, tmp_path / "profile")
    driver.get(report_url)
    yield driver, request.param
    shots = os.environ.get("CHECK_SCREENSHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        driver.get(report_url)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(request.param, height + 100)
        driver.save_screenshot(str(Path(shots) / f"report-{request.param}px.png"))
    driver.quit()


def test_no_horizontal_scrolling_and_readable_text(browser):
    driver, width = browser
    inner, scroll = driver.execute_script("return [document.documentElement.clientWidth, "
                                          "document.documentElement.scrollWidth]")
    assert scroll <= inner, f"the page is {scroll} px wide in a {inner} px window"
    size = driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 14
    for quote in driver.find_elements(By.CSS_SELECTOR, "blockquote"):
        rect = quote.rect
        assert rect["x"] >= 0 and rect["x"] + rect["width"] <= inner + 1


def test_the_highlights_are_visible(browser):
    driver, _ = browser
    marks = driver.find_elements(By.CSS_SELECTOR, "blockquote mark")
    assert {m.text for m in marks} >= {"5", "12", "19", "140", "meer dan 200", "90", "Zelensky", "Zelenski"}
    inner = driver.execute_script("return window.innerWidth")
    for m in marks:
        assert m.is_displayed() and m.rect["width"] > 0 and m.rect["x"] + m.rect["width"] <= inner + 1
        assert m.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")


def test_the_timeline_of_a_running_tally_is_drawn(browser):
    driver, width = browser
    chart = driver.find_element(By.CSS_SELECTOR, "section.changed svg.timeline")
    assert chart.is_displayed() and 150 < chart.rect["width"] <= width
    points = chart.find_elements(By.CSS_SELECTOR, "circle")
    assert len(points) == 3
    ys = [p.rect["y"] for p in points]
    assert ys[0] > ys[1] > ys[2]  # 5, 12, 19 rise over time: higher on the screen
    newest = chart.find_element(By.CSS_SELECTOR, "circle.newest")
    assert newest.rect["width"] > points[0].rect["width"] and "19" in chart.text


def test_the_links_and_filters_work(browser):
    driver, _ = browser
    driver.find_element(By.CSS_SELECTOR, 'table.summary a[href="#status-variant"]').click()
    assert driver.execute_script("return location.hash") == "#status-variant"
    top, bottom, view, page = driver.execute_script(
        "const r = document.getElementById('status-variant').getBoundingClientRect();"
        "return [r.top, window.scrollY + window.innerHeight, window.innerHeight, document.documentElement.scrollHeight]")
    assert abs(top) < 5 or (0 <= top < view and bottom >= page - 1)  # scrolled to the heading, or as far as it goes
    finding = driver.find_element(By.CSS_SELECTOR, "section.finding.conflict")
    link = finding.find_element(By.CSS_SELECTOR, "header a")
    assert link.get_attribute("href").endswith("#" + finding.get_attribute("id"))
    driver.find_element(By.CSS_SELECTOR, 'label[for="show-changed"]').click()
    assert not finding.is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, "section.finding.changed").is_displayed()
    driver.find_element(By.CSS_SELECTOR, 'label[for="show-all"]').click()
    assert finding.is_displayed()


def test_languages_headlines_and_what_was_assumed(browser):
    driver, _ = browser
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    langs = {q.get_attribute("lang") for q in driver.find_elements(By.CSS_SELECTOR, "blockquote")}
    assert langs == {"nl", "en"}
    text = driver.find_element(By.TAG_NAME, "body").text
    for words in ("Noodweer in Limburg", "Dagblad Zuid", "2021-07-16", "Floods in Limburg", "house style Zelensky",
                  "assumed from the article: actor nato"):
        assert words.lower() in text.lower()


def test_a_phone_sees_the_page_at_its_own_width(tmp_path, report_url):
    """With phone emulation the viewport tag makes the layout 400 px wide, not a 980 px page
    shrunk to unreadable text."""
    driver = start_browser(PHONE, tmp_path / "profile", mobile=True)
    try:
        driver.get(report_url)
        inner, scroll = driver.execute_script("return [window.innerWidth, document.documentElement.scrollWidth]")
        assert inner == PHONE and scroll <= inner
        assert driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)") >= 14
    finally:
        driver.quit()
