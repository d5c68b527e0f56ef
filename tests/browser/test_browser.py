"""Derlenmiş kitabın tarayıcı testleri: bütün sayfalar, çerçeve sekmeleri, tek çerçeveyi
okuyanın gördüğü şekil ve alıştırma numaraları, Türkçe arama, sayfa düzeni (tek arama
kutusu, alt bilgi, kod genişliği), Colab bağlantıları. (Çözümsüz derleme:
test_browser_cozumsuz.py; bölümlerde denklem, kod ve çıktı taşması: test_site.py.)

`make book` çıktısı (_build/html) yerel bir HTTP sunucusundan Debian'ın Chromium'una
(Playwright ile) açılır; ağa çıkılmaz.
"""

import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import nbformat
import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from chromium import SEARCH_BOXES, new_context, select_framework
from d2l_gan.frameworks import FRAMEWORKS, LABELS
from kitap.build import html_dir
from kitap.checks import MAX_LINE
from kitap.config import book_chapters, chapter_notebooks
from kitap.labels import PROOF_LABELS
from repo import ROOT

HTML = html_dir(ROOT)
CHAPTER = 'book/temel_gan.html'
# Kitabın bütün sayfaları: _toc.yml'deki belgeler ve arama sayfası (boş kalacak
# genel dizin üretilmez; bkz. kitap.sphinxext.translations).
PAGES = [f'{name}.html' for name in book_chapters(ROOT)] + ['search.html']
CHAPTER_PAGES = [f'book/{path.stem}.html' for path in chapter_notebooks(ROOT)]
# Sayfadaki her çerçeve sekme kümesinde seçili sekmenin adı ve içeriğinin görünürlüğü.
SELECTED_TABS = """() => Array.from(document.querySelectorAll('.sd-tab-set'))
  .filter(set => set.querySelector(':scope > label[data-sync-group="framework"]'))
  .map(set => {
    const input = set.querySelector(':scope > input:checked');
    const content = input.nextElementSibling.nextElementSibling;
    return {
      labels: Array.from(set.querySelectorAll(':scope > label'),
                         l => l.textContent.trim()),
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


# Her resim yüklenmiş (doğal genişliği > 0) ve boş olmayan bir alt metni var mı?
BAD_IMAGES = """() => Array.from(document.images)
  .filter(img => !(img.complete && img.naturalWidth > 0)
                 || !(img.getAttribute('alt') || '').trim())
  .map(img => img.getAttribute('src'))"""

# Sayfadaki bağlantılar (tam adresleriyle).
LINKS = "() => Array.from(document.querySelectorAll('a[href]'), a => a.href)"


def selected_tabs(page, having=None):
    """Her sekme grubunda seçili sekmenin adı; `having` verilirse yalnızca o adlı
    sekmesi olan gruplar (bir çerçevesi gerekçesiyle eksik gruplar dışarıda kalır)."""
    tabs = page.evaluate(SELECTED_TABS)
    for tab_set in tabs:
        # Sekmeler her zaman PyTorch, TensorFlow, MXNet sırasındadır.
        labels = tab_set['labels']
        assert labels == [label for label in LABELS.values() if label in labels]
        assert tab_set['visible'], 'seçili sekmenin içeriği görünmüyor'
    return [
        tab_set['selected']
        for tab_set in tabs
        if having is None or having in tab_set['labels']
    ]


def wait_for_math(page):
    """Sayfa MathJax yüklüyorsa dizgisinin bitmesini bekler."""
    if page.evaluate("() => 'MathJax' in window"):
        try:
            page.wait_for_function('() => window.MathJax?.startup?.promise')
        except PlaywrightTimeout:
            pytest.fail('MathJax sayfada yüklenmedi (_static/mathjax/tex-mml-chtml.js)')
        page.evaluate('() => MathJax.startup.promise')


def broken_link(site, url):
    """Kitap içi bir bağlantı çözülmüyorsa nedenini, çözülüyorsa None döndürür."""
    parts = urlsplit(url)
    if not url.startswith(site) or parts.path.startswith('/_static/'):
        return None
    target = HTML / unquote(parts.path).lstrip('/')
    if target.is_dir():
        target = target / 'index.html'
    if not target.is_file():
        return f'{url}: dosya yok'
    if parts.fragment and target.suffix == '.html':
        html = target.read_text(encoding='utf-8')
        if f'id="{unquote(parts.fragment)}"' not in html:
            return f'{url}: sayfada #{parts.fragment} yok'
    return None


@pytest.mark.mathjax
@pytest.mark.parametrize('path', PAGES)
def test_every_page_renders_cleanly(site, page, path):
    """Her sayfada: konsol hatası yok, dış istek yok, ham TeX yok, her resim yüklü ve
    alt metinli, kitap içi her bağlantı (ve çapası) var."""
    errors, outside = [], []
    page.on('console', lambda msg: msg.type == 'error' and errors.append(msg.text))
    page.on('pageerror', lambda exc: errors.append(str(exc)))
    page.on(
        'request',
        lambda request: (
            request.url.startswith(('http:', 'https:'))
            and not request.url.startswith(site)
            and outside.append(request.url)
        ),
    )
    page.goto(site + path)
    page.wait_for_load_state('networkidle')
    wait_for_math(page)
    assert page.evaluate(RAW_TEX) == [], 'işlenmemiş TeX görünüyor'
    assert page.evaluate(BAD_IMAGES) == [], 'yüklenmeyen ya da alt metni olmayan resim'
    broken = sorted(
        {b for b in (broken_link(site, u) for u in page.evaluate(LINKS)) if b}
    )
    assert broken == [], 'çözülmeyen bağlantılar'
    assert errors == [], 'JavaScript konsolunda hata'
    assert outside == [], 'sayfa dış adreslerden kaynak istedi'


@pytest.mark.mathjax
def test_math_rendered_offline(site, page):
    page.goto(site + CHAPTER)
    wait_for_math(page)
    assert page.locator('mjx-container').count() > 0, 'MathJax matematiği işlemedi'


def test_quiz_works_before_mathjax_has_loaded(site, page):
    """Yavaş bir makinede sınavın betiği (yarım saniye sonra, ve her yanıtta)
    MathJax'ten önce çalışabilir: MathJax hiç yüklenmese de hata olmamalı."""
    errors = []
    page.on('pageerror', lambda exc: errors.append(str(exc)))
    page.route('**/_static/mathjax/**', lambda route: route.abort())
    page.goto(site + 'book/kucuk_veri.html', wait_until='domcontentloaded')
    page.wait_for_timeout(1500)  # jupyterquiz MathJax'e 500 ms sonra bakar
    assert page.evaluate('() => typeof MathJax.version') == 'undefined'
    page.locator('.sinav .MCButton').first.click()
    assert page.locator('.sinav .Feedback').first.inner_text() != ''
    assert errors == [], 'MathJax yüklenmeden sınav betiği hata verdi'


def test_turkish_search_finds_uretici(site, page):
    page.goto(site + 'search.html?q=%C3%BCretici')
    results = page.locator('ul.search > li')
    results.first.wait_for()
    assert results.count() >= 3, "arama 'üretici' için üç sayfadan az buldu"
    found = ' '.join(results.all_inner_texts())
    assert 'Temel GAN' in found


def test_framework_choice_synced_and_remembered(site, page):
    page.goto(site + CHAPTER)
    before = selected_tabs(page)
    assert len(before) >= 2, 'bölümde en az iki çerçeve sekme kümesi olmalı'
    assert set(before) == {'PyTorch'}, 'ilk açılışta PyTorch seçili olmalı'

    # İkinci kümede TensorFlow'u seçmek sayfadaki bütün kümeleri değiştirir.
    second = page.locator(".sd-tab-set:has(> label[data-sync-group='framework'])").nth(
        1
    )
    second.locator(":scope > label[data-sync-id='tensorflow']").click()
    assert selected_tabs(page) == ['TensorFlow'] * len(before)

    # Seçim sonraki sayfada (giriş sayfasının sekmelerinde) ve geri dönünce hatırlanır.
    page.goto(site + 'index.html')
    page.wait_for_url('**/book/index.html')
    on_index = selected_tabs(page)
    assert on_index and set(on_index) == {'TensorFlow'}
    page.goto(site + CHAPTER)
    assert selected_tabs(page) == ['TensorFlow'] * len(before)


def test_framework_choice_persists_over_three_pages_in_a_row(site, page):
    """İlk üç sekmeli bölümde MXNet seçilir; "sonraki" bağlantısıyla gidilen iki sayfada
    da bütün sekme kümeleri MXNet'tedir."""
    tabbed = [
        p
        for p in CHAPTER_PAGES
        if 'data-sync-group="framework"' in (HTML / p).read_text(encoding='utf-8')
    ]
    assert len(tabbed) >= 3, 'en az üç bölümde çerçeve sekmesi olmalı'
    start = CHAPTER_PAGES.index(tabbed[0])
    row = CHAPTER_PAGES[start : start + 3]
    assert row == tabbed[:3], f'sekmeli bölümler art arda değil: {tabbed}'
    page.goto(site + row[0])
    page.locator("label.sd-tab-label[data-sync-id='mxnet']").first.click()
    for path in row:
        page.wait_for_url(f'**/{path}')
        chosen = selected_tabs(page)
        assert chosen and set(chosen) == {'MXNet'}, path
        if path != row[-1]:
            page.locator('a.right-next').first.click()


@pytest.fixture(scope='module', params=CHAPTER_PAGES)
def chapter_page(request, browser, site):
    """(yol, sayfa): bölüm sayfası 1280 piksel genişlikte bir kez açılır (MathJax'siz).
    Bölüm başına üç test onu bu sırayla kullanır: Colab bağlantıları, okurun gördüğü
    numaralar (sekme seçer), kod kutularının genişliği (sekme seçer, kutulara yazar)."""
    context = new_context(browser, viewport={'width': 1280, 'height': 900})
    page = context.new_page()
    page.goto(site + request.param, wait_until='domcontentloaded')
    yield request.param, page
    context.close()


def test_colab_links(chapter_page):
    path, page = chapter_page
    config = yaml.safe_load((ROOT / '_config.yml').read_text(encoding='utf-8'))
    repo = config['repository']['url'].removeprefix('https://github.com/').strip('/')
    branch = config['repository'].get('branch', 'main')
    chapter = Path(path).stem
    links = page.locator('a.d2l-colab-link')
    assert links.all_inner_texts() == list(LABELS.values())
    for framework, link in zip(FRAMEWORKS, links.all()):
        assert link.get_attribute('href') == (
            f'https://colab.research.google.com/github/{repo}/blob/{branch}'
            f'/notebooks/{framework}/{chapter}.ipynb'
        )
        assert (ROOT / 'notebooks' / framework / f'{chapter}.ipynb').is_file(), (
            f'bağlantının açtığı defter yok: notebooks/{framework}/{chapter}.ipynb'
        )


# --- Tek çerçeveyi okuyanın gördüğü numaralar ----------------------------------------

# Makaledeki şekil ve alıştırma numaraları ("Şekil 5.1"), seçili olmayan bir çerçeve
# sekmesinin içindekiler hariç: o çerçeveyi okuyan okurun sırayla gördükleri.
READER_NUMBERS = """() => {
  const seen = (el) => {
    for (let c = el.closest('.sd-tab-content'); c;
         c = c.parentElement.closest('.sd-tab-content')) {
      const input = c.previousElementSibling?.previousElementSibling;
      if (!input || !input.checked) return false;
    }
    return true;
  };
  return Array.from(document.querySelectorAll('.bd-article .caption-number'))
    .filter(seen).map((el) => el.textContent.trim());
}"""


def chapter_number(page):
    """Bölüm başlığının numarası ("5. GAN eğitiminin tuzakları" -> "5")."""
    number = page.locator('.bd-article h1 .section-number').first.inner_text()
    return number.strip().rstrip('.')


def choose_framework(page, framework):
    if select_framework(page, framework):
        assert set(selected_tabs(page, LABELS[framework])) == {LABELS[framework]}


# Okur defterindeki numaralı başlıklar: "### Alıştırma 3.2", "> **Teorem 2.1**".
NOTEBOOK_NUMBERS = re.compile(
    r'^(?:### |> \*\*)((?:'
    + '|'.join(['Alıştırma', *PROOF_LABELS.values()])
    + r') \d+(?:\.\d+)*)',
    re.M,
)


def test_one_framework_reader_sees_consecutive_numbers(chapter_page):
    """PyTorch, sonra TensorFlow, sonra MXNet okuru: şekiller ve alıştırmalar bölüm
    numarasıyla başlar ve boşluksuz sürer (5.1, 5.2, ...). Numaraların tek kaynağı
    sayfadır: okur defterleri alıştırma ve teoremleri aynı numaralarla, aynı sırayla
    anar."""
    path, page = chapter_page
    chapter = chapter_number(page)
    assert chapter.isdigit(), f'bölüm başlığı numaralı değil: {chapter!r}'
    html = [t for t in page.evaluate(READER_NUMBERS) if not t.startswith('Şekil ')]
    assert any(t.startswith('Alıştırma ') for t in html)
    stem = Path(path).stem
    for framework in FRAMEWORKS:
        nb = nbformat.read(ROOT / 'notebooks' / framework / f'{stem}.ipynb', 4)
        markdown = '\n\n'.join(c.source for c in nb.cells if c.cell_type == 'markdown')
        assert NOTEBOOK_NUMBERS.findall(markdown) == html, framework
    for framework in FRAMEWORKS:
        choose_framework(page, framework)
        seen = page.evaluate(READER_NUMBERS)
        for kind in ('Şekil', 'Alıştırma'):
            numbers = [text.split()[1] for text in seen if text.startswith(kind + ' ')]
            expected = [f'{chapter}.{k}' for k in range(1, len(numbers) + 1)]
            assert numbers == expected, f'{LABELS[framework]} okuru, {kind}'
        assert sum(text.startswith('Alıştırma ') for text in seen) >= 3


# --- Arama ------------------------------------------------------------------------


def search(page, site, query):
    """Arama sayfasında sorguyu çalıştırır; bulunan sayfaların adresleri (sırasız)."""
    page.goto(site + 'search.html?q=' + quote(query))
    page.wait_for_function(
        "() => document.querySelector('#search-results .search-summary')"
        '?.textContent.trim()'
    )
    return {a.get_attribute('href') for a in page.locator('ul.search > li > a').all()}


@pytest.mark.parametrize(
    'query, lower',
    [('ÜRETİCİ', 'üretici'), ('Iraksama', 'ıraksama'), ('İkili', 'ikili')],
)
def test_search_folds_turkish_case(site, page, query, lower):
    """Türkçede I'nın küçüğü ı, İ'nin küçüğü i: büyük harfli sorgu küçük harfliyle aynı
    sayfaları bulur."""
    found = search(page, site, query)
    assert found, f'{query!r} hiçbir şey bulmadı'
    assert found == search(page, site, lower)


# Sonuç özetinde görünen işlenmemiş LaTeX: \komut, \( \) \[ \] ya da $$.
RAW_LATEX = re.compile(r'\\[A-Za-z]+|\\[()\[\]]|\$\$')


def test_search_snippets_have_no_raw_latex(site, page):
    snippets = []
    for query in ('ıraksama', 'ayrımcı', 'değer işlevi'):
        search(page, site, query)
        page.wait_for_load_state('networkidle')
        snippets += page.locator('ul.search > li > p.context').all_inner_texts()
    assert len(snippets) >= 5, 'sonuç özetleri yüklenmedi'
    assert [s[:100] for s in snippets if RAW_LATEX.search(s)] == []
    assert not any('.ipynb' in s[:10] for s in snippets), 'özet sayfa düğmelerinden'


# --- Sayfa düzeni --------------------------------------------------------------------


# Bölüm sayfalarındaki arama kutularını test_site.py'nin taşma ölçümü sayar (sayfayı
# aynı iki genişlikte zaten açar).
@pytest.mark.parametrize('width', [1280, 390])
@pytest.mark.parametrize('path', [p for p in PAGES if p not in CHAPTER_PAGES])
def test_one_search_box(site, page, path, width):
    page.set_viewport_size({'width': width, 'height': 900})
    page.goto(site + path, wait_until='domcontentloaded')
    assert page.evaluate(SEARCH_BOXES) == 1


def test_footer_is_natural_turkish(site, page):
    config = yaml.safe_load((ROOT / '_config.yml').read_text(encoding='utf-8'))
    for path in ('book/index.html', CHAPTER):
        page.goto(site + path, wait_until='domcontentloaded')
        footer = page.locator('.bd-footer-content').inner_text().strip()
        assert footer.startswith(f'© {config["copyright"]} {config["author"]}.')
        assert footer.endswith('Metin CC BY-SA 4.0, kod MIT lisanslıdır.')


# Görünen kod kutuları: en uzun satırın uzunluğu, kutunun ve içeriğin genişliği.
CODE_BLOCKS = """() => Array.from(
    document.querySelectorAll('.bd-article div.highlight pre'))
  .filter((pre) => pre.checkVisibility())
  .map((pre) => ({
    longest: Math.max(...pre.textContent.split('\\n').map((line) => line.length)),
    client: pre.clientWidth, scroll: pre.scrollWidth,
    text: pre.textContent.split('\\n')[0].slice(0, 60)}))"""

# Bir sekmedeki ve bir ortak hücredeki ilk kod kutusuna tam `n` karakterlik bir satır
# yazar; kutunun yana kayıp kaymadığını döndürür.
FILL_CODE = """(n) => ['.sd-tab-content .cell_input pre', '.cell_input pre']
  .map((selector) => Array.from(document.querySelectorAll('.bd-article ' + selector))
    .find((pre) => pre.checkVisibility()))
  .filter((pre) => pre)
  .map((pre) => { pre.textContent = 'x'.repeat(n);
                  return pre.scrollWidth - pre.clientWidth; })"""


def test_88_character_code_line_fits_at_1280(chapter_page):
    _, page = chapter_page
    for framework in FRAMEWORKS:
        choose_framework(page, framework)
        blocks = page.evaluate(CODE_BLOCKS)
        scrolling = [
            b['text']
            for b in blocks
            if b['longest'] <= MAX_LINE and b['scroll'] > b['client']
        ]
        assert scrolling == [], f'{LABELS[framework]}: kısa satırlı kod yana kayıyor'
    overflow = page.evaluate(FILL_CODE, MAX_LINE)
    assert overflow and max(overflow) <= 0, f'{MAX_LINE} karakter sığmıyor: {overflow}'
