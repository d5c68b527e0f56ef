"""Giriş bölümünün saklı çıktıları: enerji tabanlı deneyde metnin söyledikleri."""

import re

import pytest

from d2l_gan.frameworks import FRAMEWORKS
from stored import stored_chapter, stored_glue, stored_text

COSTS = r'ortalama C\(veri\) = ([0-9.]+), ortalama C\(G\(z\)\) = ([0-9.]+)'


@pytest.fixture(scope='module')
def nb():
    return stored_chapter('giris')


def phase1(nb, framework):
    text = stored_text(nb, 'asama1', framework)
    pattern = r'yalnız maliyet ağı, \d+ adım: ' + COSTS + r', m = ([0-9.]+)'
    match = re.search(pattern, text)
    assert match, f'{framework}: 1. aşamanın satırı yok:\n{text}'
    return tuple(float(v) for v in match.groups())


def phase2(nb, framework):
    text = stored_text(nb, 'asama2', framework)
    match = re.search(r'birlikte eğitimden sonra: ' + COSTS, text)
    assert match, f'{framework}: 2. aşamanın son ölçümü yok:\n{text}'
    return text, float(match.group(1)), float(match.group(2))


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_cost_network_separates_data_from_generated_points(nb, framework):
    """Üretici sabitken: veride maliyet sıfıra yakın, üretilmişlerde m dolayında."""
    c_real, c_fake, m = phase1(nb, framework)
    assert m > 0
    assert c_real < 0.1 * m, f'veride maliyet düşük değil: {c_real}'
    assert abs(c_fake - m) < 0.25 * m, f'üretilmiş noktalarda maliyet m değil: {c_fake}'
    assert stored_glue(nb, f'c_real0_{framework}') == c_real
    assert stored_glue(nb, f'c_fake0_{framework}') == c_fake


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_joint_training_narrows_the_gap_and_moves_the_generator(nb, framework):
    """Birlikte eğitim: veride maliyet yükselir, üretilmiş noktalarda iner, fark beşte
    birinden azına iner ve üretici veriye yürür."""
    c_real0, c_fake0, _ = phase1(nb, framework)
    text, c_real, c_fake = phase2(nb, framework)
    rows = [(float(a), float(b)) for a, b in re.findall(r'adım +\d+: ' + COSTS, text)]
    assert len(rows) >= 2, f'{framework}: 2. aşamanın ara satırları yok'
    assert c_real > c_real0 + 0.2, (c_real0, c_real)
    assert c_fake < c_fake0 - 0.2, (c_fake0, c_fake)
    ratio = stored_glue(nb, f'gap_ratio_{framework}')
    assert ratio < 0.2, f'{framework}: fark yeterince küçülmedi ({ratio})'
    assert abs(ratio - (c_fake - c_real) / (c_fake0 - c_real0)) < 0.01
    assert stored_glue(nb, f'c_real_{framework}') == c_real
    assert stored_glue(nb, f'c_fake_{framework}') == c_fake
    mean = re.search(r'üreticinin ortalaması: \[\s*([-0-9.]+)\s+([-0-9.]+)\s*\]', text)
    assert mean, f'{framework}: üreticinin ortalaması yazılmamış'
    # Üretici orijinden başlar; hedef b = (1, 2), yani başlangıçta uzaklık 2.24
    dist = ((float(mean.group(1)) - 1) ** 2 + (float(mean.group(2)) - 2) ** 2) ** 0.5
    assert dist < 1.0, f'{framework}: üretici veriye yaklaşmamış ({mean.group(0)})'
