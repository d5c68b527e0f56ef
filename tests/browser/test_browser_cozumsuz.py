"""Çözümsüz derleme (build --hide-solutions) hiçbir yoldan çözüm sızdırmaz.

Yollar: her sayfanın metni, indirme düğmesinin verdiği defter, sunulan öteki metin
dosyaları (birleşik bölüm kaynakları `_sources/` hiç sunulmaz), arama dizini ve arama
sayfası, "Colab'da aç" düğmelerinin açtığı defterler. Her denetim, aynı yolun normal
derlemede çözümü gerçekten taşıdığını da doğrular; denetim boşa işlemez.

İki derleme (_build/html ve _build/cozumsuz/_build/html) yerel bir HTTP
sunucusundan Debian'ın Chromium'una (Playwright) açılır; ağa çıkılmaz.
"""

import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from chromium import select_framework
from d2l_gan.frameworks import FRAMEWORKS, LABELS
from kitap.build import html_dir
from kitap.export import STUDENT_DIR
from repo import ROOT
from solutions import book_solutions

HTML, HIDDEN = html_dir(ROOT), html_dir(ROOT, hide_solutions=True)
SOLUTIONS = book_solutions(ROOT)  # {bölüm: [[parça, ...] her çözüm için]}
CHAPTER_PAGES = [f'book/{name}.html' for name in SOLUTIONS]
# Sunulan ama çözüm taşıyamayacak dosyalar (tema, yazı tipleri, MathJax, resimler).
BINARY_OR_THEME = ('_static/', '_images/')


def normalize(text):
    """HTML varlıkları çözülmüş, boşlukları tekleştirilmiş metin."""
    return ' '.join(html.unescape(text).split())


def leaked(text, chapters=None):
    """Metinde görünen çözüm parçaları."""
    text = normalize(text)
    return [
        part
        for name, sols in SOLUTIONS.items()
        if chapters is None or name in chapters
        for parts in sols
        for part in parts
        if part in text
    ]


def found_per_solution(text, chapter):
    """Bölümün her çözümünden en az bir parçası metinde mi? (normal derleme için)"""
    text = normalize(text)
    return [any(p in text for p in parts) for parts in SOLUTIONS[chapter]]


def body_text(page):
    """Sayfanın bütün metni, kapalı açılır kutular dahil (innerText onları atlar)."""
    return page.evaluate('() => document.body.textContent')


def fetch(page, url):
    response = page.request.get(url)
    assert response.ok, f'{url}: {response.status}'
    return response.text()


# --- Bölüm sayfaları: metin, indirme düğmesi, Colab ve depo düğmeleri -------------


def download_source(page, chapter, folder, framework='pytorch'):
    """Sayfadaki indirme düğmesinin verdiği (seçili çerçevenin) defterinin metni;
    defter `folder` altındadır."""
    links = page.locator('a.btn-d2l-notebook')
    assert links.count() == 1, 'sayfada defter indirme düğmesi yok'
    url = urljoin(page.url, links.first.get_attribute('href'))
    assert url.endswith(f'{folder}/{framework}/{chapter}.ipynb'), url
    text = fetch(page, url)
    assert json.loads(text)['cells'], url
    # Ham metin, "Colab'da aç" defterlerinin denetimindeki gibi (bkz. colab_notebooks).
    return text


def colab_notebooks(page, chapter, folder):
    """Colab düğmelerinin açtığı defterler (depodaki yerel kopyaları)."""
    links = page.locator('a.d2l-colab-link')
    assert links.all_inner_texts() == [LABELS[fw] for fw in FRAMEWORKS]
    paths = []
    for framework, link in zip(FRAMEWORKS, links.all()):
        href = link.get_attribute('href')
        assert href.startswith('https://colab.research.google.com/github/')
        assert href.endswith(f'/{folder}/{framework}/{chapter}.ipynb'), href
        paths.append(ROOT / folder / framework / f'{chapter}.ipynb')
    return paths


@pytest.mark.parametrize('path', CHAPTER_PAGES)
def test_chapter_page_routes_carry_no_solution(site, hidden_site, page, path):
    chapter = Path(path).stem
    count = len(SOLUTIONS[chapter])

    # Normal derleme: her yol çözümü taşır (denetimin boşa işlemediğinin kanıtı).
    page.goto(site + path, wait_until='domcontentloaded')
    assert count >= 3 and page.locator('.exercise').count() == count
    assert page.locator('.solution').count() == count
    assert all(found_per_solution(body_text(page), chapter))
    assert all(found_per_solution(download_source(page, chapter, 'notebooks'), chapter))
    for notebook in colab_notebooks(page, chapter, 'notebooks'):
        assert all(found_per_solution(notebook.read_text(encoding='utf-8'), chapter))
    assert page.locator('a.btn-source-repository-button').count() == 1

    # Çözümsüz derleme: alıştırmalar yerinde, çözüm hiçbir yolda yok.
    page.goto(hidden_site + path, wait_until='domcontentloaded')
    assert page.locator('.exercise').count() == count
    assert page.locator('.solution').count() == 0
    assert leaked(body_text(page)) == [] and leaked(page.content()) == []
    # İndirme düğmesi seçilen çerçevenin öğrenci defterini, depodakinin aynısını verir
    for framework in FRAMEWORKS:
        select_framework(page, framework)
        folder = f'notebooks/{STUDENT_DIR}'
        source = download_source(page, chapter, folder, framework)
        path = ROOT / folder / framework / f'{chapter}.ipynb'
        assert source == path.read_text(encoding='utf-8'), path
        assert leaked(source) == []
        assert len(re.findall(r'### Alıştırma \d+', source)) == count
    for notebook in colab_notebooks(page, chapter, f'notebooks/{STUDENT_DIR}'):
        text = notebook.read_text(encoding='utf-8')
        assert leaked(text) == [], notebook
        assert len(re.findall(r'### Alıştırma \d+', text)) == count
    # Depo düğmesi bölüm kaynaklarına (çözümlerle) götürür; bu sürümde yok.
    assert page.locator('a.btn-source-repository-button').count() == 0


def test_home_page_speaks_to_each_audience(site, hidden_site, page):
    """Normal derlemenin ana sayfası çözümlerin yerini ve ders sayfasını söyler;
    öğrenci sürümününki çözümlerden ve tam defterlerden söz etmez."""
    page.goto(site + 'book/index.html', wait_until='domcontentloaded')
    body = body_text(page)
    assert 'Sayfalardaki çözümler açılır kutular içindedir.' in body
    assert 'notebooks/pytorch/' in body and 'Kitabı bir derste kullanmak' in body
    page.goto(hidden_site + 'book/index.html', wait_until='domcontentloaded')
    body = body_text(page)
    assert 'Alıştırmalar her bölümün sonundadır' in body
    assert 'notebooks/ogrenci/pytorch/' in body
    for text in ('çözüm', 'açılır kutular', 'notebooks/pytorch/', 'derste kullanmak'):
        assert text not in body.lower(), text


# --- Sunulan bütün metin dosyaları: sayfalar, _sources/, arama dizini ---------------


def served_text_files(root):
    for path in sorted(root.rglob('*')):
        rel = path.relative_to(root).as_posix()
        if (
            path.is_file()
            and not rel.startswith(BINARY_OR_THEME)
            and path.suffix
            in ('.html', '.ipynb', '.md', '.txt', '.js', '.json', '.inv')
        ):
            yield rel


def test_no_served_file_contains_a_solution(site, hidden_site, page):
    """İndirilen defterler dahil, derlemenin sunduğu her metin dosyası (tema dosyaları
    hariç)."""
    files = list(served_text_files(HIDDEN))
    assert any(f.startswith(f'notebooks/{STUDENT_DIR}/') for f in files)
    assert not any(f.startswith(('_sources/', 'notebooks/pytorch/')) for f in files)
    assert 'searchindex.js' in files
    for rel in files:
        assert leaked(fetch(page, hidden_site + rel)) == [], rel
    # Aynı yollar normal derlemede çözümleri taşır.
    normal = ' '.join(
        fetch(page, site + f'notebooks/{fw}/{c}.ipynb')
        for c in SOLUTIONS
        for fw in FRAMEWORKS
    )
    assert leaked(normal)


# --- Arama --------------------------------------------------------------------------


def load_index(text):
    return json.loads(text[text.index('(') + 1 : text.rindex(')')])


def solution_only_words(page, normal_terms, hidden_terms):
    """Her bölüm için, arama dizinine yalnızca çözümlerden giren bir sözcük.

    Sözcük kökleri arama sayfasının kendi (JavaScript) Türkçe kök bulucusuyla
    bulunur; arama da sorguyu böyle köklerine ayırır ve kökü içeren dizin
    sözcüklerini de (kısmi eşleşme) bulur. `hidden_terms` başlık sözcüklerini de
    içermelidir."""
    candidates = {
        chapter: sorted(
            {
                w
                for parts in sols
                for p in parts
                for w in re.findall(r'[a-zçğöşü]{6,}', p)
            }
        )
        for chapter, sols in SOLUTIONS.items()
    }  # büyük İ/I'sız sözcükler
    words = [w for ws in candidates.values() for w in ws]
    stems = page.evaluate('words => words.map(w => new Stemmer().stemWord(w))', words)
    hidden_text = '\n'.join(hidden_terms)

    def solution_only(word):
        stem = stems[words.index(word)]
        return stem in normal_terms and stem not in hidden_text

    return {
        chapter: next(w for w in ws if solution_only(w))
        for chapter, ws in candidates.items()
        if any(map(solution_only, ws))
    }


def search_results(page, base, word):
    """Arama sayfasının sonuçları; arama bitene (özet yazılana) ya da ilk sonuç
    görünene kadar beklenir."""
    page.goto(f'{base}search.html?q={word}', wait_until='domcontentloaded')
    page.wait_for_function(
        "() => document.querySelector('#search-results ul.search > li')"
        " || document.querySelector('#search-results .search-summary')"
        '?.textContent'
    )
    return page.locator('#search-results ul.search > li').all_inner_texts()


def test_search_index_and_search_page_hold_no_solution(site, hidden_site, page):
    normal_index = load_index(fetch(page, site + 'searchindex.js'))
    hidden_index = load_index(fetch(page, hidden_site + 'searchindex.js'))
    normal, hidden = normal_index['terms'], hidden_index['terms']
    # Sphinx, bir sayfanın başlıklarında geçen sözcüğü o sayfa için `titleterms`'e
    # yazar; çözüm kutusunun başlığı ("Alıştırma 2.4 çözümü") kalkınca aynı sözcük
    # `terms`'e geçebilir. Sızıntı sayılan, iki sözlüğün birleşiminde olmayandır.
    everything = set(normal) | set(normal_index['titleterms'])
    # Öğrenci sürümünün ana sayfası kendi cümleleriyle konuşur (build.py,
    # HIDDEN_SUBSTITUTIONS): yalnızca o sayfada geçen sözcükler sızıntı değildir.
    front = hidden_index['docnames'].index('book/index')

    def only_on_front_page(term):
        docs = hidden.get(term, hidden_index['titleterms'].get(term))
        return set(docs if isinstance(docs, list) else [docs]) == {front}

    extra = (set(hidden) | set(hidden_index['titleterms'])) - everything
    extra = {term for term in extra if not only_on_front_page(term)}
    assert not extra, f'çözümsüz dizinde fazladan sözcük var: {sorted(extra)}'
    hidden = [*hidden, *hidden_index['titleterms']]
    page.goto(hidden_site + 'search.html', wait_until='domcontentloaded')
    page.wait_for_function("() => typeof Stemmer !== 'undefined'")
    words = solution_only_words(page, normal, hidden)
    # Çözümler dizine sızsaydı, yalnızca çözümlerde geçen sözcük bulunamazdı.
    assert set(words) == set(SOLUTIONS), f'yalnızca çözümde geçen sözcük yok: {words}'
    for chapter, word in words.items():
        assert search_results(page, site, word), f'{word}: normal derlemede bulunmalı'
        assert search_results(page, hidden_site, word) == [], (
            f"'{word}' ({chapter} çözümünde) çözümsüz derlemede aranınca bulundu"
        )
