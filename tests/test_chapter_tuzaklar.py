"""Tuzaklar bölümünün saklı (tam ayarlı) çıktıları, bölümün iddialarını her çerçevede taşır."""
import re

import pytest

from stored import SUFFIX, stored_chapter, stored_text



@pytest.fixture(scope='module')
def nb():
    return stored_chapter('tuzaklar')


def number(pattern, text):
    match = re.search(pattern, text)
    assert match, f'{pattern!r} saklı çıktıda yok:\n{text}'
    return float(match.group(1))


@pytest.mark.parametrize('fw', SUFFIX)
def test_dirac_r1_reaches_the_equilibrium(nb, fw):
    text = stored_text(nb, f'dirac-calistir-{SUFFIX[fw]}')
    simultaneous = number(r'eşzamanlı: \d+ adım sonra dengeye uzaklık ([0-9.]+)', text)
    r1 = number(r'R1 \(γ=[0-9.]+\): \d+ adım sonra dengeye uzaklık ([0-9.]+)', text)
    assert r1 < 1e-2, text
    assert simultaneous > 2 ** 0.5, text  # başlangıç (1, 1)'den uzaklaşır


@pytest.mark.parametrize('fw', SUFFIX)
def test_non_saturating_gradient_is_larger(nb, fw):
    lines = stored_text(nb, f'sonum-{SUFFIX[fw]}').splitlines()
    sat = next(ln for ln in lines if ln.startswith('saturating:'))
    nonsat = next(ln for ln in lines if ln.startswith('non-saturating:'))
    first = r'G gradyan normu ilk adımda ([0-9.e+-]+)'
    mean = r'ilk \d+ adımda ortalama ([0-9.e+-]+)'
    assert number(first, nonsat) > 2 * number(first, sat), lines
    assert number(mean, nonsat) > number(mean, sat), lines


@pytest.mark.parametrize('fw', SUFFIX)
def test_plain_gan_collapses_and_pacgan_covers_the_ring(nb, fw):
    text = stored_text(nb, f'ozet-tablo-{SUFFIX[fw]}')
    assert number(r'düz GAN: (\d+)/8 mod', text) <= 4, text
    assert number(r'PacGAN: (\d+)/8 mod', text) == 8, text
    assert number(r'PacGAN: .*örnek payı ([0-9.]+)', text) >= 0.8, text


@pytest.mark.parametrize('fw', SUFFIX)
def test_overpowering_discriminator(nb, fw):
    """Tablo: D ısınma adımı, D kaybı, doyan ve doymayan kayıpta G'nin gradyan normu."""
    lines = stored_text(nb, f'baskin-{SUFFIX[fw]}').strip().splitlines()[1:]
    rows = [[float(v) for v in line.split()] for line in lines]
    assert len(rows) >= 3, lines
    first, last = rows[0], rows[-1]
    assert last[1] < 0.01 and last[1] < 0.1 * first[1], lines   # D kaybı sıfıra iner
    assert last[2] < 2 * first[2], lines                         # doyan: pek büyümez
    assert last[3] > 10 * last[2], lines                         # doymayan çok büyük
