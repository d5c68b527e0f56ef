"""Sözlük sayfası (book/sozluk.md) kitabın terimlerinin tek kaynağıdır.

Sayfanın tablolarından üç şey okunur: kavramın İngilizcesi, kitabın terimi ve okurun
başka kaynaklarda karşılaşabileceği çeviriler. Testler sayfayı kendi başına denetler
(her gerekli satır var ve tek), kitabın her terimi bir bölümde ya da sayfada gerçekten
geçer, bölümler de sayfanın "diğer çeviriler" sütunundaki biçimleri kullanmaz.
"""

import functools
import json
import re

import nbformat
import pytest

from repo import ROOT

BOOK = ROOT / 'book'
PAGE = BOOK / 'sozluk.md'
QUIZZES = BOOK / 'sinavlar'
QUIZ_TEXT_KEYS = {'question', 'answer', 'feedback'}


def tr_lower(text):
    """Türkçe küçük harf: I → ı, İ → i (str.lower ikisini de yanlış çevirir)."""
    return text.replace('I', 'ı').replace('İ', 'i').lower()


def table_rows(text):
    """Markdown tablolarının veri satırları: hücre demetleri (başlık ve ayraç hariç)."""
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not (line.startswith('|') and line.endswith('|')):
            continue
        cells = tuple(c.strip() for c in line[1:-1].split('|'))
        if all(re.fullmatch(r':?-+:?', c) for c in cells):
            continue  # ayraç satırı
        if cells[0] == 'İngilizce':
            continue  # başlık satırı
        rows.append(cells)
    return rows


def page_rows():
    return table_rows(PAGE.read_text(encoding='utf-8'))


def variants(cell):
    """Bir hücredeki biçimler: '/' ve ',' ile ayrılmış, ayraçlı açıklamalar atılmış."""
    cell = re.sub(r'\([^)]*\)', ' ', cell)
    parts = re.split(r'\s*[/,]\s*', cell)
    return [tr_lower(' '.join(p.split())) for p in parts if p.strip() not in ('', '—')]


@functools.cache  # bölümler bir test oturumunda değişmez; her test yeniden okumasın
def book_texts():
    """{ad: metin}: bölümlerin markdown hücreleri ve kod hücreleri (yorumlar, belge
    dizeleri Türkçedir) ile kitabın öteki sayfaları; sözlüğün kendisi hariç."""
    texts = {}
    for path in sorted(BOOK.glob('*.ipynb')):
        nb = nbformat.read(path, as_version=4)
        texts[path.name] = '\n'.join(c.source for c in nb.cells)
    for path in sorted(BOOK.glob('*.md')):
        if path != PAGE:
            texts[path.name] = path.read_text(encoding='utf-8')
    for path in sorted(QUIZZES.glob('*.json')):
        texts[f'{QUIZZES.name}/{path.name}'] = quiz_text(path)
    return {name: tr_lower(text) for name, text in texts.items()}


def quiz_text(path):
    """Sınav dosyasının okura görünen metinleri: sorular, yanıtlar, açıklamalar."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in QUIZ_TEXT_KEYS and isinstance(item, str):
                    found.append(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(path.read_text(encoding='utf-8')))
    return '\n'.join(found)


def used(term, text):
    """Terim metinde geçiyor mu? Son harfi ek alırken yumuşayabilir (çekirdek →
    çekirdeği), bu yüzden uzun terimlerin son harfi olmadan da aranır."""
    return term in text or (len(term) >= 5 and term[:-1] in text)


# Okura gösterilmesi gereken kararlaştırılmış terimler (İngilizce, kitabın terimi).
REQUIRED = [
    ('generator', 'üretici'),
    ('discriminator', 'ayrımcı'),
    ('critic (WGAN)', 'eleştirmen'),
    ('latent variable, latent space', 'saklı değişken, saklı uzay'),
    ('cost network (energy view)', 'maliyet ağı'),
    ('mode (of a distribution)', 'mod'),
    ('Jensen–Shannon divergence', 'Jensen–Shannon ıraksaması'),
    ('two-sample test', 'iki örneklem testi'),
    ('bias (of a layer)', 'sabit terim'),
    ('instance noise', 'örnek gürültüsü'),
    ('unrolled GAN', 'açılmış GAN'),
    ('two time-scale update rule (TTUR)', 'iki zaman ölçekli güncelleme kuralı (TTUR)'),
    ('sliced Wasserstein distance (SWD)', 'dilimlenmiş Wasserstein uzaklığı (SWD)'),
    ('checkerboard artefacts', 'dama tahtası desenleri'),
    ('sprite', 'sprite görüntüsü'),
    ('memorisation', 'ezberleme'),
    ('mode collapse', 'mod çökmesi'),
    # Aynı sözcüğün iki kavrama verildiği yerlerde kitabın seçimi (issue 23)
    ('margin', 'marj'),
    ('share, fraction (of samples, of weights)', 'pay'),
    ('mode (of execution: training, inference, eager)', 'kip'),
    ('one-sided (label smoothing, penalty)', 'tek yanlı'),
    ('correlation', 'korelasyon'),
    ('theory / theoretical', 'teori / teorik'),
    ('chapter', 'bölüm'),
    ('section (of a chapter)', 'kısım'),
    ('natural logarithm', 'log'),
    ('et al. (in citations)', 've arkadaşları'),
    ('upsampling', 'yukarı örnekleme'),
    ('snapshot (samples drawn during training)', 'anlık örneklem'),
    ('backbone (of a network)', 'omurga'),
    ('wall-clock time', 'duvar saati (süresi)'),
    ('recipe (a set of training choices)', 'tarif'),
    ('filter (of a convolution)', 'süzgeç'),
    ('spread (mean distance of samples to their mean)', 'yayılım'),
    ('covered modes (ring experiment)', 'kapsanan mod'),
    ('critic steps per generator step ($n_\\text{critic}$)', 'eleştirmen adımı sayısı'),
    ('variant', 'çeşit'),
    ('argument (of a function)', 'argüman'),
]

# Henüz yazılmakta olan bölümlerin terimleri: bölüm kitaba girince (book/<ad>.ipynb
# var olunca) terim de kullanılmış olmalıdır; o zamana kadar satır sayfada bekler.
UPCOMING = {
    'wgan': [
        'eleştirmen',
        'lipschitz sürekliliği',
        '1-lipschitz',
        'ağırlık kırpma',
        'toprak taşıma uzaklığı',
        'spektral normalleştirme',
    ],
    'kucuk_veri': [
        'ağırlıkların üstel hareketli ortalaması',
        'en yakın komşu',
        'sprite görüntüsü',
    ],
    'stil_aktarimi': [
        'stil aktarımı',
        'içerik kaybı',
        'stil kaybı',
        'gram matrisi',
        'toplam değişim kaybı',
        'öznitelik haritası',
        'önceden eğitilmiş ağırlıklar',
    ],
}

# "Diğer çeviriler" sütununda olup gündelik Türkçede başka anlamı da olan, bu yüzden
# bölümlerde aranmayan biçimler.
AMBIGUOUS = {
    'aralık',
    'ayırt edici',
    'kritik',
    'bias',
    'emd',
    'yanlılık',
    'pay',  # margin değil ama pay (share): kitabın terimi
    'oran',  # öğrenme oranı, β/α oranı
    'mod',  # bir dağılımın modu: kitabın terimi
    'bölüm',  # chapter: kitabın terimi
    'değişken',  # saklı değişken
    'büyütme',  # aşamalı büyütme; "görüntüyü büyütmek" gündelik anlamda
    'gövde',  # bir figürün gövdesi
}


def test_page_has_three_columns_and_unique_terms():
    rows = page_rows()
    assert len(rows) >= 60, f'sözlükte yalnızca {len(rows)} terim var'
    assert all(len(r) == 3 and all(r) for r in rows), 'her satırda üç dolu hücre olmalı'
    english = [r[0] for r in rows]
    assert len(english) == len(set(english)), 'aynı İngilizce terim iki kez yazılmış'
    turkish = [r[1] for r in rows]
    assert len(turkish) == len(set(turkish)), 'aynı Türkçe terim iki kavrama verilmiş'


@pytest.mark.parametrize('english, turkish', REQUIRED)
def test_required_rows(english, turkish):
    assert (english, turkish) in {r[:2] for r in page_rows()}


def test_alternatives_of_the_gan_itself_are_listed():
    row = next(r for r in page_rows() if r[0].startswith('generative adversarial'))
    assert 'üretken çekişmeli ağ' in row[2]


def test_alternatives_never_name_the_books_own_term():
    for english, turkish, others in page_rows():
        clash = set(variants(turkish)) & set(variants(others))
        assert not clash, f'{english}: {clash} hem kitabın terimi hem başka çeviri'


def test_every_term_on_the_page_is_used_in_the_book():
    """Sayfadaki her terim kitapta geçer (yazılmakta olan bölümlerinkiler hariç)."""
    book = '\n'.join(book_texts().values())
    waiting = {
        term
        for stem, terms in UPCOMING.items()
        if not (BOOK / f'{stem}.ipynb').is_file()
        for term in terms
    }
    unused = [
        term
        for _, turkish, _ in page_rows()
        for term in variants(turkish)
        if term not in waiting and not used(term, book)
    ]
    assert not unused, f'sözlükte olup kitapta hiç geçmeyen terimler: {unused}'


def test_upcoming_terms_are_on_the_page():
    on_page = {term for _, turkish, _ in page_rows() for term in variants(turkish)}
    missing = [t for terms in UPCOMING.values() for t in terms if t not in on_page]
    assert not missing, missing


# Başka bir işte (issue 23'ün sprite bölümleri ve giriş sayfası) düzeltilecek, bilinen
# kullanımlar: {dosya: {biçim, ...}}. Biçim dosyadan kalkınca buradan da silinir;
# `test_pending_forms_are_still_there` bunu hatırlatır.
PENDING = {}


def avoided_forms():
    """Bölümlerde kullanılmaması gereken biçimler: (biçim, kavram)."""
    return [
        (form, english)
        for english, _, others in page_rows()
        for form in variants(others)
        if form not in AMBIGUOUS
    ]


def chapter_names():
    return (
        [p.name for p in sorted(BOOK.glob('*.ipynb'))]
        + [p.name for p in sorted(BOOK.glob('*.md')) if p != PAGE]
        + [f'{QUIZZES.name}/{p.name}' for p in sorted(QUIZZES.glob('*.json'))]
    )


@pytest.mark.parametrize('name', chapter_names())
def test_chapters_use_the_books_terms(name):
    text = book_texts()[name]
    found = [
        f'{form!r} ({english})'
        for form, english in avoided_forms()
        if form not in PENDING.get(name, ())
        and re.search(r'(?<!\w)' + re.escape(form), text)
    ]
    assert not found, f'{name}: sözlükteki terim yerine başka çeviri: {found}'


# "Hâl" (durum) düzeltme işaretiyle yazılır: hâl, hâlinde, hâline, hâlde ...
HAL = re.compile(r'(?<!\w)hal(?:i|in|ini|ine|inde|idir|e|de|dir|ler|leri)?(?!\w)')


@pytest.mark.parametrize('name', chapter_names())
def test_hal_is_written_with_a_circumflex(name):
    found = [
        m.group(0)
        for m in HAL.finditer(book_texts()[name])
        if m.group(0) not in PENDING.get(name, ())
    ]
    assert not found, f'{name}: "hâl" düzeltme işaretsiz yazılmış: {found}'


def test_pending_forms_are_still_there():
    texts = book_texts()
    stale = [
        (name, form)
        for name, forms in PENDING.items()
        for form in forms
        if not re.search(r'(?<!\w)' + re.escape(form), texts[name])
    ]
    assert not stale, f'düzeltilmiş, PENDING listesinden silinmeli: {stale}'


# "Sapma" kitapta yalnızca sapma (deviation) demektir; bir katmanın bias'ı "sabit
# terim"dir. Bias anlamındaki kullanımlar genellikle bu kalıplarla görünür.
BIAS_AS_SAPMA = re.compile(
    r'sapma(lar)?(ı|ları)?\s+(0(?![.,]\d)|sıfır)|sıfır\s+sapma|'
    r'sapma(lar)?(ı|ları)?\s*\(bias\)|sapma\s+\(bias\)|'
    r'ağırlıklar(ı)?\s+[^.\n]{0,60},\s*sapma'
)


@pytest.mark.parametrize('name', chapter_names())
def test_bias_is_never_called_sapma(name):
    found = [m.group(0) for m in BIAS_AS_SAPMA.finditer(book_texts()[name])]
    assert not found, f'{name}: bias için "sapma" (sabit terim olmalı): {found}'
