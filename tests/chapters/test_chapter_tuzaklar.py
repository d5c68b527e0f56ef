"""Tuzaklar bölümünün saklı (tam ayarlı) çıktıları metnin her iddiasını taşır.

Metnin andığı sayılar `glue` kayıtlarıdır; burada, metnin onlar hakkında söylediği
(yön, büyüklük sırası) her çerçevenin kaydında denetlenir.
"""

import math
import re

import pytest

from stored import SUFFIX, stored_chapter, stored_glue, stored_text

FRAMEWORKS = list(SUFFIX)


@pytest.fixture(scope='module')
def nb():
    return stored_chapter('tuzaklar')


def glue(nb, name, fw):
    return stored_glue(nb, f'{name}_{fw}')


def number(pattern, text):
    match = re.search(pattern, text)
    assert match, f'{pattern!r} saklı çıktıda yok:\n{text}'
    return float(match.group(1))


def test_every_glued_number_in_the_text_was_recorded(nb):
    names = {
        name
        for cell in nb.cells
        if cell.cell_type == 'markdown'
        for name in re.findall(r'\{glue:text\}`([A-Za-z0-9_]+)', cell.source)
    }
    assert len(names) > 20
    for name in names:
        stored_glue(nb, name)


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_dirac_gan(nb, fw):
    text = stored_text(nb, 'dirac-calistir', fw)
    sim = number(r'eşzamanlı: \d+ adım sonra dengeye uzaklık ([0-9.]+)', text)
    alt = number(r'sırayla: \d+ adım sonra dengeye uzaklık ([0-9.]+)', text)
    assert sim > math.sqrt(2) and abs(alt - math.sqrt(2)) < 0.2, text
    assert glue(nb, 'dirac_r1', fw) < 1e-10  # sıfıra iner
    growth = glue(nb, 'dirac_sim_growth', fw)
    assert 1.5 < growth < 0.5 * 1.005**300  # doğrusal kestirimin yarısından az
    assert glue(nb, 'dirac_sim_slow_pct', fw) > 50  # adımların çoğu θψ < 0'da


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_non_saturating_gradient_grows_while_the_saturating_one_does_not(nb, fw):
    loss_first = glue(nb, 'warm_loss_D_first', fw)
    loss_last = glue(nb, 'warm_loss_D_last', fw)
    assert loss_last < 0.01 and loss_last < 0.1 * loss_first
    assert 0.5 < glue(nb, 'warm_ratio_first', fw) < 2  # başta aynı büyüklükte
    assert glue(nb, 'warm_growth', fw) > 5  # doymayan büyür
    assert glue(nb, 'warm_sat_last', fw) < 3 * glue(nb, 'warm_sat_first', fw)
    assert glue(nb, 'warm_ratio_last', fw) > 10


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_plain_gan_collapses_and_pacgan_covers_the_ring_at_equal_steps(nb, fw):
    # Tek bir küçük küme: yayılım her anlık görüntüde küçük (gerçek veride 2)
    assert glue(nb, 'plain_spread_max', fw) < 0.5 < 1.5 < glue(nb, 'pac_spread', fw)
    # Çoğu anlık görüntüde bir modun üzerinde değil: dördün en az üçünde pay ≤ %6
    plain_hq = [
        float(v)
        for v in re.findall(r'yüksek kaliteli %([0-9.]+)', stored_text(nb, 'duz', fw))
    ]
    assert len(plain_hq) == 4 and sum(v <= 6.0 for v in plain_hq) >= 3, plain_hq
    assert glue(nb, 'plain_hq', fw) == pytest.approx(plain_hq[-1] / 100, abs=5e-4)
    assert glue(nb, 'plain_modes_max', fw) <= 1  # hiçbir anlık görüntüde birden çok
    if fw == 'pytorch':  # metin PyTorch'un yarıçaplarını verir: halkanın içi ve dışı
        radius = [glue(nb, f'plain_radius_{w}', fw) for w in ('min', 'max')]
        assert radius[0] < 1.9 and radius[1] > 2.1, radius
    assert glue(nb, 'pac_modes', fw) == 8
    assert glue(nb, 'pac_hq', fw) > 0.7
    hq = [
        float(v)
        for v in re.findall(r'yüksek kaliteli %([0-9.]+)', stored_text(nb, 'pac', fw))
    ]
    assert len(hq) == 4 and hq[-1] > hq[0], hq  # kalite eğitimle artar


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_overconfident_discriminator_and_instance_noise(nb, fw):
    plain = {
        k: glue(nb, f'hs_plain_{k}', fw)
        for k in (
            'warm_loss_D',
            'warm_nonsat',
            'play_loss_D_max',
            'play_loss_D_mean',
            'play_radius_max',
        )
    }
    noisy = {k: glue(nb, f'hs_noisy_{k}', fw) for k in plain}
    assert plain['warm_loss_D'] < 0.01
    assert plain['play_radius_max'] > 10  # halkanın çok dışına
    assert plain['play_loss_D_max'] > 2 and plain['play_loss_D_mean'] > 1
    assert noisy['warm_loss_D'] > 0.3  # D aşırı emin değil
    assert noisy['warm_nonsat'] < 0.5 * plain['warm_nonsat']
    assert noisy['play_loss_D_max'] < 0.5 * plain['play_loss_D_max']
    assert noisy['play_loss_D_mean'] < plain['play_loss_D_mean']
    assert noisy['play_radius_max'] < plain['play_radius_max']


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_learning_rate_sweep_trend(nb, fw):
    modes = [glue(nb, f'sweep{i}_modes', fw) for i in range(4)]
    hq = [glue(nb, f'sweep{i}_hq', fw) for i in range(4)]
    assert modes[0] <= modes[1] <= modes[2] and modes[0] < modes[2], modes
    assert hq[0] < hq[1] < hq[2], hq  # eşit oranlar büyüdükçe
    assert modes[3] < modes[2] and hq[3] < hq[2], (modes, hq)  # TTUR çifti geride


def test_printed_output_is_turkish(nb):
    for cell in nb.cells:
        if cell.cell_type == 'code':
            for fw in FRAMEWORKS:
                text = stored_text(nb, cell.id, fw)
                assert 'saturating' not in text, (cell.id, fw, text)
