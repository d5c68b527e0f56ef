"""Testlerin ortak yardımcısı: bölümlerdeki çözümlerin ayırt edici metin parçaları.

Bir çözümün sızıp sızmadığını anlamak için çözüm metninden, biçimlendirmeden
(matematik, kod, roller, vurgu) bağımsız düz cümle parçaları alınır. Bu parçalar
çözüm metninin hangi biçimde (MyST, Jupyter markdown, HTML, arama dizini)
yayımlandığına bakmadan aranabilir.
"""

import re

from kitap.chapter import load_chapter
from kitap.config import chapter_notebooks
from kitap.markdown import directives, strip_solutions
from repo import ROOT

# Parçaları bölen işaretler: matematik, kod, roller, bağlantılar, vurgu, ayraçlar.
_SPLIT = re.compile(r'[$`{}\[\]()*_<>|\\#="]|\n|:|;|\?|!|\.\s')


def solution_directives(markdown):
    return [d for d in directives(markdown) if d.name == 'solution']


def _body_text(directive):
    lines = directive.body.split('\n')
    # Kod çitlerinin içi (örnek kod) düz metin değildir.
    text, inside = [], False
    for line in lines:
        if re.match(r'^\s*(`{3,}|~{3,})', line):
            inside = not inside
            continue
        if not inside and not line.startswith('    '):
            text.append(line)
    return '\n'.join(text)


def fragments(text, min_words=5, min_chars=30):
    """Metnin biçimlendirmesiz, en az `min_words` sözcüklük parçaları."""
    found = []
    for part in _SPLIT.split(text):
        part = ' '.join(part.split())
        # Yalnızca harf, rakam, boşluk ve virgül: HTML'in tırnak ve tire dönüşümleri
        # (’, –) parçayı değiştirmesin.
        if (
            len(part) >= min_chars
            and len(part.split()) >= min_words
            and re.fullmatch(r'[\w\s,]+', part)
            and re.search(r'[a-zçğıöşü]{4}', part)
        ):
            found.append(part)
    return found


def chapter_solutions(path):
    """Bir bölümün her çözümü için ayırt edici parçalar: [[parça, ...], ...].

    Çözümün dışında da (bölümün başka bir yerinde) geçen parçalar alınmaz.
    """
    nb = load_chapter(path)
    markdown = '\n\n'.join(c.source for c in nb.cells if c.cell_type == 'markdown')
    rest = ' '.join(strip_solutions(markdown)[0].split())
    return [
        [f for f in fragments(_body_text(d)) if f not in rest]
        for d in solution_directives(markdown)
    ]


def book_solutions(root=ROOT):
    """{bölüm adı: [[parça, ...] her çözüm için]}"""
    return {path.stem: chapter_solutions(path) for path in chapter_notebooks(root)}
