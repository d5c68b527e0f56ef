"""Tarayıcı testlerinin ortak parçaları: derlenmiş kitabı yerel bir HTTP
sunucusundan sunmak ve Debian'ın Chromium'unu Playwright ile açmak (ağa çıkılmaz).

Fikstürler (conftest bu modülü eklenti olarak yükler): `browser`, `site` (çözümlü
kitap), `hidden_site` (çözümsüz kitap) ve her testin boş bir tarayıcı deposuyla
açtığı `page`. Kendi kitabını kuran testler (ör. sınav testi) `site`'ı yerelde
yeniden tanımlar.
"""

import contextlib
import functools
import http.server
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from kitap.build import html_dir
from repo import ROOT

CHROMIUM = '/usr/bin/chromium'
# Bir sayfa işleminin en uzun beklemesi: yüklü makinede büyük sayfalar yavaş açılır.
PAGE_TIMEOUT_MS = 60_000
CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
]

# MathJax'in betikleri ve yazı tipleri. Bir bölüm sayfasının dizgisi bu makinelerde
# (AMD EPYC, 2 çekirdek) açılışı 1.6 sn'den 2.7 sn'ye çıkarır; formüle bakmayan
# testlerde (bağlantılar, numaralar, kod kutuları, metin) bu istekler kesilir.
MATHJAX = '**/_static/mathjax/**'

# Sayfada görünen arama kutularının sayısı (açılır arama penceresindekiler hariç).
SEARCH_BOXES = """() => Array.from(document.querySelectorAll(
    '.search-button-field, .search-button, input[type="search"], input[name="q"]'))
  .filter((el) => !el.closest('dialog') && el.checkVisibility()).length"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """Tarayıcı bir aktarımı yarıda keserse (sayfadan çıkılırken bir görüntü) sunucu
    günlüğe yığın izi yazmaz; başka hatalar yine yazılır."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(root, command, marker='index.html'):
    """`root`'u yerel bir HTTP sunucusundan sunar; kök adresini verir. `marker`
    dosyası yoksa kitap derlenmemiştir: `command`'ı öneren bir hatayla durur."""
    if not (root / marker).is_file():
        pytest.fail(
            f'Derlenmiş kitap bulunamadı ({root / marker}): önce depo kökünde '
            f'`{command}` çalıştırın.'
        )
    handler = functools.partial(QuietHandler, directory=str(root))
    server = QuietServer(('127.0.0.1', 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f'http://127.0.0.1:{server.server_port}/'
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope='module')
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"{CHROMIUM} bulunamadı: Debian'ın Chromium'unu kurun "
            '(apt-get install chromium).'
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope='module')
def site():
    """Çözümlü kitap (`make book`), yerel bir adreste."""
    with serve(html_dir(ROOT), 'make book') as url:
        yield url


@pytest.fixture(scope='module')
def hidden_site():
    """Öğrenci kitabı (`make book-cozumsuz`: çözümler yok), yerel bir adreste."""
    with serve(html_dir(ROOT, hide_solutions=True), 'make book-cozumsuz') as url:
        yield url


def new_context(browser, mathjax=False, **options):
    """Boş bir tarayıcı deposuyla (önceki seçimler olmadan) yeni bir bağlam. `mathjax`
    değilse MathJax istekleri kesilir: sayfadaki `window.MathJax` yalnızca ayardır,
    dizgi beklenmez. `options` Playwright'ın `new_context`'ine gider (ör. viewport)."""
    context = browser.new_context(**options)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    if not mathjax:
        context.route(MATHJAX, lambda route: route.abort())
    return context


def select_framework(page, framework):
    """Çerçevenin sekmesini seçer (sayfadaki sekme kümeleri birlikte değişir). Sayfada
    o çerçevenin sekmesi yoksa bir şey yapmaz; sekme var mıydı?"""
    label = page.locator(f"label.sd-tab-label[data-sync-id='{framework}']")
    if not label.count():
        return False
    label.first.click()
    return True


@pytest.fixture
def page(browser, request):
    """Her test kendi bağlamında başlar; MathJax yalnızca `@pytest.mark.mathjax`
    işaretli testte yüklenir."""
    mathjax = request.node.get_closest_marker('mathjax') is not None
    context = new_context(browser, mathjax)
    yield context.new_page()
    context.close()
