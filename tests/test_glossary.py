"""Sözlük sayfası (book/sozluk.md) ve terimlerin bölümlerde tutarlı kullanımı."""
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / 'book' / 'sozluk.md'
GLOSSARY = ROOT.parent / 'shared' / 'GLOSSARY.md'  # yazarların ortak terim listesi


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
        rows.append(cells)
    # Başlık satırları: ardından ayraç gelen satırlar; hepsi aynı başlığı taşır
    headers = {r for r in rows if r[0] in ('English', 'İngilizce')}
    return [r for r in rows if r not in headers]


def page_rows():
    return table_rows(PAGE.read_text(encoding='utf-8'))


def test_page_has_three_columns_and_enough_terms():
    rows = page_rows()
    assert len(rows) >= 38, f'sözlükte yalnızca {len(rows)} terim var'
    assert all(len(r) == 3 and all(r) for r in rows), 'her satırda üç dolu hücre olmalı'
    english = [r[0] for r in rows]
    assert len(english) == len(set(english)), 'aynı İngilizce terim iki kez yazılmış'


@pytest.mark.parametrize('english, turkish', [
    ('generator', 'üretici'),
    ('discriminator', 'ayrımcı'),
    ('latent variable, latent space', 'saklı değişken, saklı uzay'),
    ('cost network (energy view)', 'maliyet ağı'),
    ('Jensen–Shannon divergence', 'Jensen–Shannon ıraksaması'),
    ('mode collapse', 'mod çökmesi'),
])
def test_known_terms(english, turkish):
    assert (english, turkish) in {r[:2] for r in page_rows()}


def test_alternatives_of_the_gan_itself_are_listed():
    row = next(r for r in page_rows() if r[0].startswith('generative adversarial'))
    assert 'üretken çekişmeli ağ' in row[2]


@pytest.mark.skipif(not GLOSSARY.is_file(),
                    reason='../shared/GLOSSARY.md yok (temiz bir depo kopyasında olmaz)')
def test_every_glossary_row_is_on_the_page():
    """Ortak terim listesindeki her satır sayfada aynen (üç hücresiyle) bulunur."""
    wanted = table_rows(GLOSSARY.read_text(encoding='utf-8'))
    assert len(wanted) >= 30
    on_page = set(page_rows())
    missing = [r for r in wanted if r not in on_page]
    assert not missing, f'sözlük sayfasında eksik terimler: {missing}'
    assert len(page_rows()) == len(wanted), 'sayfada terim listesinde olmayan satırlar var'


# Sözlükte "diğer çeviri" olarak geçen, ama bölümlerin metninde kullanılmaması gereken
# biçimler (başka anlamı olmayanlar; örneğin "aralık" gündelik bir sözcük olduğu için yok).
AVOIDED = ['üretken', 'ayrıştırıcı', 'gizli uzay', 'gizli vektör', 'değer fonksiyonu',
           'kayıp fonksiyonu', 'amaç fonksiyonu', 'kaybolan gradyan', 'varyasyonel',
           'minimax oyunu', 'enerji bazlı', 'mini-yığın', 'epok', 'aktivasyon fonksiyonu']


@pytest.mark.parametrize('chapter', ['giris', 'teori'])
def test_chapter_prose_uses_the_books_terms(chapter):
    nb = nbformat.read(ROOT / 'book' / f'{chapter}.ipynb', as_version=4)
    prose = '\n'.join(c.source for c in nb.cells if c.cell_type == 'markdown').lower()
    used = [w for w in AVOIDED if w in prose]
    assert not used, f'{chapter}: sözlükteki terim yerine başka çeviri kullanılmış: {used}'
