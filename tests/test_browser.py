"""Derlenmiş kitabın tarayıcı testleri: çerçeve sekmeleri, Colab bağlantıları, matematik.

`make book` çıktısı (_build/html) yerel bir HTTP sunucusundan Debian'ın Chromium'una
(Playwright ile) açılır; ağa çıkılmaz.
"""
import functools
import http.server
import threading
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
CHAPTER = "book/temel_gan.html"
LABELS = {"pytorch": "PyTorch", "tensorflow": "TensorFlow", "mxnet": "MXNet"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

# Sayfadaki her çerçeve sekme kümesinde seçili sekmenin adı ve içeriğinin görünürlüğü.
SELECTED_TABS = """() => Array.from(document.querySelectorAll('.sd-tab-set'))
  .filter(set => set.querySelector(':scope > label[data-sync-group="framework"]'))
  .map(set => {
    const input = set.querySelector(':scope > input:checked');
    const content = input.nextElementSibling.nextElementSibling;
    return {
      labels: Array.from(set.querySelectorAll(':scope > label'), l => l.textContent.trim()),
      selected: input.nextElementSibling.textContent.trim(),
      visible: content.checkVisibility(),
    };
  })"""

# Görünür, kod dışı metinde işlenmemiş kalmış TeX sınırlayıcıları.
RAW_TEX = r"""() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent.closest('pre, code, script, style, mjx-container')) continue;
    if (!parent.checkVisibility()) continue;
    if (['$$', '\\[', '\\(', '\\begin{'].some(s => node.textContent.includes(s)))
      found.push(node.textContent.trim().slice(0, 80));
  }
  return found;
}"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def site():
    if not (HTML / CHAPTER).is_file():
        pytest.fail(f"Derlenmiş kitap bulunamadı ({HTML / CHAPTER}): "
                    "önce depo kökünde `make book` çalıştırın.")
    handler = functools.partial(QuietHandler, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} bulunamadı: Debian'ın Chromium'unu kurun (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """Her test boş bir tarayıcı deposuyla (önceki seçimler olmadan) başlar."""
    context = browser.new_context()
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def selected_tabs(page):
    tabs = page.evaluate(SELECTED_TABS)
    for tab_set in tabs:
        # Sekmeler her zaman PyTorch, TensorFlow, MXNet sırasındadır.
        assert tab_set["labels"] == [l for l in LABELS.values() if l in tab_set["labels"]]
        assert tab_set["visible"], "seçili sekmenin içeriği görünmüyor"
    return [tab_set["selected"] for tab_set in tabs]


def test_framework_choice_synced_and_remembered(site, page):
    page.goto(site + CHAPTER)
    before = selected_tabs(page)
    assert len(before) >= 2, "bölümde en az iki çerçeve sekme kümesi olmalı"
    assert set(before) == {"PyTorch"}, "ilk açılışta PyTorch seçili olmalı"

    # İkinci kümede TensorFlow'u seçmek sayfadaki bütün kümeleri değiştirir.
    second = page.locator(".sd-tab-set:has(> label[data-sync-group='framework'])").nth(1)
    second.locator(":scope > label[data-sync-id='tensorflow']").click()
    assert selected_tabs(page) == ["TensorFlow"] * len(before)

    # Seçim sonraki sayfada (giriş sayfasının sekmelerinde) ve geri dönünce hatırlanır.
    page.goto(site + "index.html")
    page.wait_for_url("**/book/index.html")
    on_index = selected_tabs(page)
    assert on_index and set(on_index) == {"TensorFlow"}
    page.goto(site + CHAPTER)
    assert selected_tabs(page) == ["TensorFlow"] * len(before)


def test_math_rendered_offline(site, page):
    outside = []
    page.on("request", lambda request: request.url.startswith(("http:", "https:"))
            and not request.url.startswith(site) and outside.append(request.url))
    page.goto(site + CHAPTER)
    try:
        page.wait_for_function("() => window.MathJax?.startup?.promise")
    except PlaywrightTimeout:
        pytest.fail("MathJax sayfada yüklenmedi (_static/mathjax/tex-mml-chtml.js)")
    page.evaluate("() => MathJax.startup.promise")
    assert page.locator("mjx-container").count() > 0, "MathJax matematiği işlemedi"
    assert page.evaluate(RAW_TEX) == [], "işlenmemiş TeX görünüyor"
    assert outside == [], "sayfa dış adreslerden kaynak istedi (MathJax yerel olmalı)"


def test_colab_links(site, page):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    repo = config["repository"]["url"].removeprefix("https://github.com/").strip("/")
    branch = config["repository"].get("branch", "main")
    chapter = Path(CHAPTER).stem
    page.goto(site + CHAPTER)
    links = page.locator("a.d2l-colab-link")
    assert links.all_inner_texts() == list(LABELS.values())
    for framework, link in zip(LABELS, links.all()):
        assert link.get_attribute("href") == (
            f"https://colab.research.google.com/github/{repo}/blob/{branch}"
            f"/notebooks/{framework}/{chapter}.ipynb")
        assert (ROOT / "notebooks" / framework / f"{chapter}.ipynb").is_file(), \
            f"bağlantının açtığı defter yok: notebooks/{framework}/{chapter}.ipynb"
