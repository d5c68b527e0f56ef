"""Giriş bölümünün saklı çıktıları: enerji tabanlı deneyde maliyet ağının ayırdığı şey."""
import re

import pytest

from d2l_gan.book.notebook import FRAMEWORKS
from stored import SUFFIX, stored_chapter, stored_text

COSTS = r'ortalama C\(veri\) = ([0-9.]+), ortalama C\(G\(z\)\) = ([0-9.]+)'


@pytest.fixture(scope='module')
def nb():
    return stored_chapter('giris')


def phase1(nb, framework):
    text = stored_text(nb, f'asama1-{SUFFIX[framework]}')
    match = re.search(r'yalnız maliyet ağı, \d+ adım: ' + COSTS + r', m = ([0-9.]+)', text)
    assert match, f'{framework}: 1. aşamanın satırı yok:\n{text}'
    return tuple(float(v) for v in match.groups())


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_cost_network_separates_data_from_generated_points(nb, framework):
    """Üretici sabitken: veride maliyet düşük, üretilmiş noktalarda m dolayında."""
    c_real, c_fake, m = phase1(nb, framework)
    assert m > 0
    assert c_real < 0.5 * c_fake, (c_real, c_fake)
    assert c_real < 0.1 * m, f'veride maliyet düşük değil: {c_real}'
    assert abs(c_fake - m) < 0.25 * m, f'üretilmiş noktaların maliyeti m dolayında değil: {c_fake}'


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_joint_training_narrows_the_gap_and_moves_the_generator(nb, framework):
    """Birlikte eğitim: üretici veriye yürür, iki ortalama birbirine yaklaşır."""
    c_real0, c_fake0, _ = phase1(nb, framework)
    text = stored_text(nb, f'asama2-{SUFFIX[framework]}')
    rows = [(float(a), float(b)) for a, b in re.findall(COSTS, text)]
    assert len(rows) >= 2, f'{framework}: 2. aşamanın satırları yok'
    c_real, c_fake = rows[-1]
    assert c_fake - c_real < 0.5 * (c_fake0 - c_real0), (rows[-1], (c_real0, c_fake0))
    mean = re.search(r'üreticinin ortalaması: \[\s*([-0-9.]+)\s+([-0-9.]+)\s*\]', text)
    assert mean, f'{framework}: üreticinin ortalaması yazılmamış'
    # Üretici orijinden başlar; hedef b = (1, 2), yani başlangıçta uzaklık 2.24
    dist = ((float(mean.group(1)) - 1) ** 2 + (float(mean.group(2)) - 2) ** 2) ** 0.5
    assert dist < 1.0, f'{framework}: üretici veriye yaklaşmamış ({mean.group(0)})'
