"""Bölümlerin saklı içeriği üzerine testler: paketle uyum ve saklı sonuçlar."""
import ast
import re

import pytest

from d2l_gan.book.notebook import (FRAMEWORKS, MODULES, chapter_notebooks,
                                   framework_of, load_chapter)
from stored import ROOT, SUFFIX, stored_chapter, stored_text
# Bölümlerin okura tanımlayıp paketin de sunduğu yardımcılar.
SHARED_HELPERS = {'temel_gan': ['update_D', 'update_G'],
                  'tuzaklar': ['dirac_gan', 'ring_nets', 'train_ring_gan']}


def functions(source):
    """Kaynaktaki üst düzey işlevler: ad -> belge dizesi çıkarılmış AST dökümü."""
    result = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value,
                                                                      ast.Constant):
                body = body[1:]
            result[node.name] = ast.dump(ast.Module(body=body, type_ignores=[]))
    return result


def chapter_functions(nb, framework):
    found = {}
    for cell in nb.cells:
        if cell.cell_type == 'code' and framework_of(cell) == framework:
            found.update(functions(cell.source))
    return found


@pytest.mark.parametrize('framework', FRAMEWORKS)
@pytest.mark.parametrize('chapter', sorted(SHARED_HELPERS))
def test_chapter_helpers_match_package(chapter, framework):
    """Bölümde tanımlanan yardımcılar paketteki eşleriyle aynı koddur."""
    nb = load_chapter(ROOT / 'book' / f'{chapter}.ipynb')
    in_chapter = chapter_functions(nb, framework)
    package = functions((ROOT / 'd2l_gan' / f'{MODULES[framework]}.py').read_text())
    for name in SHARED_HELPERS[chapter]:
        assert name in in_chapter, f'{chapter} [{framework}] {name} tanımlamıyor'
        assert in_chapter[name] == package[name], \
            f'{chapter} [{framework}] {name} paketteki d2l_gan.{framework} ile farklı'


def test_every_chapter_is_covered_by_test_params():
    """Her bölümün testlerde küçültülmüş ayarları vardır (tam ayar CI'da çok uzun sürer)."""
    for chapter in chapter_notebooks(ROOT):
        assert (ROOT / 'tests' / 'params' / f'{chapter.stem}.yml').is_file(), chapter


def test_temel_gan_stored_covariance_is_close_in_every_framework():
    """Saklı (tam ayarlı) çıktılarda öğrenilen kovaryansın göreli hatası < 0.15."""
    nb = stored_chapter('temel_gan')
    for fw in FRAMEWORKS:
        text = stored_text(nb, f'rapor-{SUFFIX[fw]}')
        match = re.search(r'göreli Frobenius hatası: ([0-9.]+)', text)
        assert match, f'{fw}: saklı çıktıda kovaryans hatası yok'
        assert float(match.group(1)) < 0.15, f'{fw}: {match.group(0)}'
        mean = re.search(r'öğrenilen ortalama: \[\s*([-0-9.]+)\s+([-0-9.]+)\]', text)
        assert abs(float(mean.group(1)) - 1) < 0.3 and abs(float(mean.group(2)) - 2) < 0.3
