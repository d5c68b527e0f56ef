"""Kitap, Türk bir okurun ve bir öğrencinin karşılaştığı gibi (issue 24).

- Taşma: her bölümde, 390 ve 1280 piksel genişlikte, kesilen satır içi formül (0
  olmalı), kayan ayrık denklemler (kaydığı görünmeli), yana kayan kod kutuları (390
  pikselde en çok 5, 1280 pikselde hiç) ve sütundan geniş çıktı satırları (1280
  pikselde hiç). Ölçümler `_build/olcum/tasma.json`'a da yazılır.
- Öğrenci sürümü: hiçbir sayfa çözümlerden söz etmez; her defter bağlantısı
  `notebooks/ogrenci/…`'ye gider; eğitmen sayfası yoktur (bölüm sayfalarının her
  çerçevedeki indirme düğmesi: test_browser_cozumsuz.py).
- Türkçe: bugün temada İngilizce kalan dizelerin hiçbiri sayfalarda görünmez;
  kaynakça Türkçe; boş dizin sayfaları yok.
- Arama: "uretici" "üretici"nin bulduğu sayfaları bulur; sonuçlarda bir sayfa bir kez.
- İndirme düğmesi seçili çerçevenin okur defterini verir; yazdırmada bölüm numarası
  kalır, Colab bağlantıları ve sekme çubukları basılmaz.

Derlemeler (`make book`, `make book-cozumsuz`) yerel bir HTTP sunucusundan Debian'ın
Chromium'una açılır; ağa çıkılmaz.
"""

import json
import re
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest

from chromium import SEARCH_BOXES, QuietServer
from d2l_gan.frameworks import LABELS
from kitap.build import INSTRUCTOR_PAGES, html_dir
from kitap.config import chapter_notebooks
from kitap.export import STUDENT_DIR
from repo import ROOT

HTML, HIDDEN = html_dir(ROOT), html_dir(ROOT, hide_solutions=True)
CHAPTERS = [path.stem for path in chapter_notebooks(ROOT)]
WIDTHS = (390, 1280)
MEASUREMENTS = ROOT / '_build' / 'olcum' / 'tasma.json'
# Hedefler (issue 24): yana kayan kod kutusu sayısı, genişliğe göre.
MAX_SCROLLING_INPUT = {390: 5, 1280: 0}


def wait_for_layout(page):
    """MathJax'in dizgisi ve d2l-overflow.js'in düzeni bitene kadar bekler."""
    page.wait_for_load_state('load')
    if page.evaluate("() => 'MathJax' in window"):
        page.wait_for_function('() => window.MathJax?.startup?.promise')
        page.evaluate('() => MathJax.startup.promise')
        page.wait_for_function(
            "() => document.documentElement.classList.contains('d2l-math-ready')"
        )
    page.evaluate('() => new Promise((r) => requestAnimationFrame(() => r()))')


# --- Taşma ölçümü ------------------------------------------------------------------

# Bütün çerçeve sekmeleri görünür olur: hangi çerçeveyi okursa okusun taşan bir şey
# ölçüme girer. Sonra düzen yenilenir (satır içi formüller pencere boyutuna bakar).
SHOW_ALL_TABS = """() => {
  const style = document.createElement('style');
  style.textContent = '.sd-tab-set > .sd-tab-content { display: block !important; }';
  document.head.appendChild(style);
  window.dispatchEvent(new Event('resize'));
}"""

OVERFLOW = r"""() => {
  const article = document.querySelector('.bd-article');
  const scrolls = (el) => el.scrollWidth > el.clientWidth + 1;
  const scrollable = (el) =>
    ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const hint = (el) => el.classList.contains('d2l-overflow-right')
    || el.classList.contains('d2l-overflow-left');
  const short = (el) => el.textContent.replace(/\s+/g, ' ').trim().slice(0, 70);
  const page = document.documentElement.clientWidth;
  const result = {page_overflow: document.documentElement.scrollWidth - page,
                  inline_clipped: [], inline_scrolling: [], display_scrolling: [],
                  input_scrolling: [], output_wide: []};
  // Satır içi formül: kendisinin ya da bir parçasının kutusu, taşanı kesen (overflow:
  // hidden/clip) bir atasının dışına ya da sayfanın dışına taşıyorsa kesilmiştir.
  // Kayan bir kutunun (overflow: auto) içindeyse okur kaydırarak görür.
  for (const math of article.querySelectorAll('mjx-container:not([display="true"])')) {
    if (!math.checkVisibility()) continue;
    const rects = Array.from(math.getClientRects()).filter((r) => r.width > 0);
    let cut = false;
    let box = null;
    for (let a = math.parentElement; a && a !== document.body; a = a.parentElement) {
      const overflow = getComputedStyle(a).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') { box = a; break; }
      if (overflow === 'hidden' || overflow === 'clip') {
        const outer = a.getBoundingClientRect();
        if (rects.some((r) => r.right > outer.right + 1 || r.left < outer.left - 1)) {
          cut = true;
          break;
        }
      }
    }
    if (!box && rects.some((r) => r.right > page + 1)) cut = true;
    if (cut) result.inline_clipped.push(short(math));
    else if (box && scrolls(box) && box.matches('span.math'))
      result.inline_scrolling.push({text: short(math), hint: hint(box)});
  }
  for (const math of article.querySelectorAll('mjx-container[display="true"]')) {
    if (math.checkVisibility() && scrolls(math))
      result.display_scrolling.push({text: short(math), scrollable: scrollable(math),
        right: math.classList.contains('d2l-overflow-right')});
  }
  for (const pre of article.querySelectorAll('div.highlight pre')) {
    if (!pre.checkVisibility() || !scrolls(pre)) continue;
    const entry = {text: short(pre), hidden: pre.scrollWidth - pre.clientWidth};
    if (pre.closest('.cell_output, .output')) result.output_wide.push(entry);
    else result.input_scrolling.push(entry);
  }
  return result;
}"""


def measure(page, url, width):
    page.set_viewport_size({'width': width, 'height': 900})
    page.goto(url)
    wait_for_layout(page)
    search_boxes = page.evaluate(SEARCH_BOXES)  # sekmeler açılmadan, okurun gördüğü
    page.evaluate(SHOW_ALL_TABS)
    page.wait_for_timeout(300)  # ResizeObserver ve requestAnimationFrame
    return page.evaluate(OVERFLOW) | {'search_boxes': search_boxes}


@pytest.fixture(scope='module')
def measurements():
    """Ölçümler toplanır ve modül bitince `_build/olcum/tasma.json`'a yazılır."""
    found = {}
    yield found
    MEASUREMENTS.parent.mkdir(parents=True, exist_ok=True)
    MEASUREMENTS.write_text(
        json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True),
        encoding='utf-8',
    )


@pytest.mark.mathjax
@pytest.mark.parametrize('width', WIDTHS)
@pytest.mark.parametrize('chapter', CHAPTERS)
def test_formulas_code_and_output_fit_the_column(
    site, page, measurements, chapter, width
):
    result = measure(page, f'{site}book/{chapter}.html', width)
    measurements[f'{chapter}@{width}'] = {
        key: len(value) if isinstance(value, list) else value
        for key, value in result.items()
    } | {'detay': result}
    assert result['page_overflow'] <= 0, 'sayfa yana taşıyor'
    assert result['inline_clipped'] == [], 'kesilen satır içi formül'
    for formula in result['inline_scrolling']:
        assert formula['hint'], f'kaydığı görünmeyen satır içi formül: {formula}'
    # Sığmayan ayrık denklem kendi kutusunda kayar ve (başta) sağ kenarı silikleşir:
    # okur devamı olduğunu görür
    for equation in result['display_scrolling']:
        assert equation['scrollable'] and equation['right'], equation
    scrolling = result['input_scrolling']
    assert len(scrolling) <= MAX_SCROLLING_INPUT[width], scrolling
    if width == 1280:
        assert result['output_wide'] == [], 'sütundan geniş çıktı satırı'
    assert result['search_boxes'] == 1, 'sayfada tek arama kutusu olmalı'


# --- Öğrenci sürümü ----------------------------------------------------------------


def served_pages(root):
    """Sunulan HTML sayfaları; kökteki index.html yalnızca book/index.html'e
    yönlendirir (o sayfa listede)."""
    return sorted(
        rel
        for rel in (p.relative_to(root).as_posix() for p in root.rglob('*.html'))
        if not rel.startswith(('_static/', '_sources/')) and rel != 'index.html'
    )


# Öğrenci sürümünün sayfalarında çözümlerden söz eden sözcükler. Sözlükteki terim
# satırı ("exercise / solution | alıştırma / çözüm") bir çeviridir, söz etmez.
SOLUTION_WORDS = re.compile(r'çözüm|\bsolutions?\b', re.I)
GLOSSARY_ROW = ('exercise / solution', 'alıştırma / çözüm')

NOTEBOOK_LINKS = """() => Array.from(document.links, (a) => a.href)
  .filter((href) => href.includes('.ipynb') || href.includes('colab.research'))"""


def test_student_build_is_closed_and_speaks_to_students(hidden_site, page):
    pages = served_pages(HIDDEN)
    assert 'book/index.html' in pages and f'book/{CHAPTERS[0]}.html' in pages
    for instructor in INSTRUCTOR_PAGES:
        assert f'{instructor}.html' not in pages, 'eğitmen sayfası öğrenci sürümünde'
    notebook_links = set()
    for path in pages:
        page.goto(hidden_site + path, wait_until='domcontentloaded')
        text = page.evaluate('() => document.body.textContent')
        for term in GLOSSARY_ROW:
            text = text.replace(term, '')
        mentions = [m.group(0) for m in SOLUTION_WORDS.finditer(text)]
        assert mentions == [], f'{path} çözümlerden söz ediyor'
        hrefs = page.evaluate('() => Array.from(document.links, (a) => a.href)')
        for instructor in INSTRUCTOR_PAGES:
            assert not any(f'{instructor}.html' in h for h in hrefs), path
        assert 'Kitabı bir derste kullanmak' not in text, path
        notebook_links.update(page.evaluate(NOTEBOOK_LINKS))
    assert notebook_links, 'öğrenci sürümünde defter bağlantısı yok'
    for link in sorted(notebook_links):
        assert f'/notebooks/{STUDENT_DIR}/' in link, link


def test_no_source_downloads_in_either_build(site, hidden_site, page):
    """Birleşik bölüm defterleri (`_sources/`) sunulmaz; bir düğme onlara götürmez."""
    for base, root in ((site, HTML), (hidden_site, HIDDEN)):
        assert not (root / '_sources').exists()
        page.goto(f'{base}book/{CHAPTERS[0]}.html', wait_until='domcontentloaded')
        assert page.locator('a.btn-download-source-button').count() == 0
        assert page.locator("a[href*='_sources/']").count() == 0


# --- İndirme düğmesi (normal derleme) -----------------------------------------------


@pytest.mark.mathjax
def test_download_follows_the_selected_framework(site, page):
    chapter = 'dcgan' if 'dcgan' in CHAPTERS else CHAPTERS[0]
    page.goto(f'{site}book/{chapter}.html')
    wait_for_layout(page)
    link = page.locator('a.btn-d2l-notebook')
    for framework in ('tensorflow', 'mxnet', 'pytorch'):
        page.locator(f"label.sd-tab-label[data-sync-id='{framework}']").first.click()
        href = urljoin(page.url, link.get_attribute('href'))
        assert href.endswith(f'/notebooks/{framework}/{chapter}.ipynb'), href
        assert LABELS[framework] in link.inner_text()
        body = page.request.get(href).body()
        expected = ROOT / 'notebooks' / framework / f'{chapter}.ipynb'
        assert body == expected.read_bytes()
    page.goto(f'{site}book/sozluk.html', wait_until='domcontentloaded')
    assert page.locator('a.btn-d2l-notebook').count() == 0


# --- Türkçe ------------------------------------------------------------------------

# Temanın ve eklentilerin bugün (issue 24) İngilizce kalan dizeleri. Tek sözcükler bir
# metin ya da özniteliğin tamamıysa, birden çok sözcüklüler bir parçasıysa sayılır.
ENGLISH = [
    'Skip to main content',
    'Back to top',
    'Copy',
    'Copied!',
    'Copy to clipboard',
    'Toggle primary sidebar',
    'Toggle secondary sidebar',
    'Toggle hidden content',
    'Click to show',
    'Click to hide',
    'Color mode',
    'Light',
    'Dark',
    'System Settings',
    'previous page',
    'next page',
    'previous',
    'next',
    'Download this page',
    'Download source file',
    'Download notebook file',
    'Print to PDF',
    'Fullscreen mode',
    'Source repository',
    'Contents',
    'On this page',
    'Search',
    'Proof Index',
    'Index',
    'Link to this heading',
    'Link to this image',
    'Link to this equation',
    'Site navigation',
    'Section Navigation',
    'Breadcrumb',
    'Main',
    'Page',
]

# Görünen metin (kod dışı) ve okura görünen öznitelikler; kopyala düğmesi üstüne
# gelinince ipucunu gösterir.
STRINGS = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('pre, code, script, style, .cell_output')) continue;
    const text = node.textContent.trim();
    if (text) found.push(text);
  }
  const attrs = ['title', 'aria-label', 'placeholder', 'data-tooltip',
                 'data-bs-original-title', 'alt'];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of attrs) {
      const value = (el.getAttribute(attr) || '').trim();
      if (value) found.push(value);
    }
  }
  found.push(document.title);
  return found;
}"""


def english_strings(texts):
    found = set()
    for text in texts:
        for english in ENGLISH:
            if (' ' in english and english in text) or text == english:
                found.add(english)
    return found


@pytest.mark.mathjax
def test_no_english_theme_strings(site, hidden_site, page):
    for base in (site, hidden_site):
        for path in ('book/index.html', f'book/{CHAPTERS[-1]}.html', 'search.html'):
            page.goto(base + path)
            wait_for_layout(page)
            copy = page.locator('.bd-article button.copybtn')
            if copy.count():
                copy.first.hover()
            assert english_strings(page.evaluate(STRINGS)) == set(), base + path
    for english in ('Skip to main content', 'Back to top', 'Toggle primary sidebar'):
        assert english in ENGLISH  # listenin kendisi: bugünkü İngilizce dizeler
    page.goto(f'{site}book/{CHAPTERS[-1]}.html')
    wait_for_layout(page)
    assert page.locator('.bd-article button.copybtn').count() > 0


def test_bibliography_is_turkish_and_labels_readable(site, page):
    page.goto(site + 'book/kaynakca.html', wait_until='domcontentloaded')
    text = page.locator('.bd-article').inner_text()
    assert 'In:' not in text and 'volume' not in text
    assert ' ve ' in text and 'İçinde:' in text and 'cilt' in text
    labels = page.locator('.bd-article .label').all_inner_texts()
    for garbled in ('BRPeyreP15', 'LTHuszar+17', 'SonderbyCT+17', 'YaziciFW+19'):
        assert garbled not in ' '.join(labels)
    assert all(label.strip('[] ').isascii() for label in labels)


def test_no_empty_or_english_index_pages(site, page):
    for root in (HTML, HIDDEN):
        assert not (root / 'genindex.html').exists()
        assert not (root / 'prf-prf.html').exists()
    page.goto(site + 'book/index.html', wait_until='domcontentloaded')
    assert page.title() == 'GAN Kitabı'
    assert page.locator('a[href*="genindex"], a[href*="prf-prf"]').count() == 0


# --- Arama --------------------------------------------------------------------------


def search(page, site, query):
    """Arama sonuçları: (adres, özet) çiftleri, sırasıyla."""
    page.goto(site + 'search.html?q=' + quote(query))
    page.wait_for_function(
        "() => document.querySelector('#search-results .search-summary')"
        '?.textContent.trim()'
    )
    page.wait_for_load_state('networkidle')  # özetler sayfalar yüklenince yazılır
    items = page.locator('ul.search > li')
    return [
        (
            item.locator(':scope > a').first.get_attribute('href'),
            ' '.join(item.locator('p.context').all_inner_texts()).strip(),
        )
        for item in items.all()
    ]


def pages_of(results):
    return {urlsplit(href).path for href, _ in results}


@pytest.mark.parametrize(
    'plain, turkish', [('uretici', 'üretici'), ('ayrimci', 'ayrımcı')]
)
def test_search_without_turkish_letters(site, page, plain, turkish):
    found = pages_of(search(page, site, turkish))
    assert len(found) >= 3, turkish
    assert pages_of(search(page, site, plain)) == found


@pytest.mark.parametrize('query', ['stil aktarımı', 'üretici', 'ıraksama'])
def test_search_results_are_unique_with_prose_snippets(site, page, query):
    results = search(page, site, query)
    paths = [urlsplit(href).path for href, _ in results]
    assert results and len(paths) == len(set(paths)), f'aynı sayfa iki kez: {paths}'
    for href, snippet in results:
        assert snippet, f'{href}: boş özet'
        assert not re.match(r'\s*(import |from |def |[\w.]+\()', snippet), snippet


# --- Yazdırma -----------------------------------------------------------------------

PRINTED = """() => {
  const h1 = document.querySelector('.bd-article h1');
  return {
    title: h1 && h1.checkVisibility() ? h1.innerText.trim() : null,
    copies: Array.from(document.querySelectorAll('#jb-print-docs-body > h1'))
      .filter((h) => h.checkVisibility()).length,
    colab: Array.from(document.querySelectorAll('.d2l-colab-links'))
      .filter((el) => el.checkVisibility()).length,
    tab_labels: Array.from(document.querySelectorAll('.sd-tab-set > label'))
      .filter((el) => el.checkVisibility()).length,
    shown: Array.from(document.querySelectorAll('.sd-tab-set'), (set) =>
      Array.from(set.querySelectorAll(':scope > .sd-tab-content'))
        .filter((el) => el.checkVisibility()).length),
  };
}"""


@pytest.mark.mathjax
def test_print_keeps_chapter_number_and_one_framework(site, page):
    chapter = CHAPTERS[1]
    page.goto(f'{site}book/{chapter}.html')
    wait_for_layout(page)
    page.locator("label.sd-tab-label[data-sync-id='tensorflow']").first.click()
    page.emulate_media(media='print')
    printed = page.evaluate(PRINTED)
    number = CHAPTERS.index(chapter) + 1
    assert printed['title'] and printed['title'].startswith(f'{number}.'), printed
    assert printed['copies'] == 0 and printed['colab'] == 0
    assert printed['tab_labels'] == 0
    assert printed['shown'] and set(printed['shown']) == {1}
    visible_code = page.evaluate(
        """() => Array.from(document.querySelectorAll('.sd-tab-content'))
          .filter((el) => el.checkVisibility())
          .map((el) => el.previousElementSibling.dataset.syncId)"""
    )
    assert set(visible_code) == {'tensorflow'}


def test_licence_in_footer(site, page):
    page.goto(site + 'book/index.html', wait_until='domcontentloaded')
    footer = page.locator('.bd-footer-content').inner_text()
    assert 'CC BY-SA 4.0' in footer and 'MIT' in footer
    assert Path(ROOT / 'LICENSE').read_text(encoding='utf-8').count('MIT License') == 1


def test_test_server_ignores_a_cancelled_transfer_but_reports_other_errors(capsys):
    """Tarayıcının yarıda kestiği bir aktarım (BrokenPipeError) CI günlüğüne yığın izi
    yazmaz; sunucudaki başka bir hata yazar."""
    server = QuietServer(('127.0.0.1', 0), None, bind_and_activate=False)
    for error in (BrokenPipeError(32, 'Broken pipe'), ValueError('bozuk istek')):
        try:
            raise error
        except Exception:
            server.handle_error(None, ('127.0.0.1', 1))
    err = capsys.readouterr().err
    assert 'BrokenPipeError' not in err
    assert 'ValueError: bozuk istek' in err
    server.server_close()
