"""Tuzaklar bölümünün saklı (tam ayarlı) çıktıları metnin her iddiasını taşır.

Metnin andığı sayılar `glue` kayıtlarıdır; burada, metnin onlar hakkında söylediği
(yön, büyüklük sırası) her çerçevenin kaydında denetlenir.
"""

import math
import re

import pytest

from stored import SUFFIX, stored_chapter, stored_glue, stored_text
from stored import framework_glue as glue

FRAMEWORKS = list(SUFFIX)


@pytest.fixture(scope='module')
def nb():
    return stored_chapter('tuzaklar')


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
    assert 1.5 < growth < 0.5 * 1.01**150  # doğrusal kestirimin yarısından az
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


SNAPSHOT = re.compile(
    r'adım \d+: (\d)/8 mod, yüksek kaliteli %([0-9.]+), yayılım ([0-9.]+), '
    r'ortalama yarıçap ([0-9.]+)'
)


def snapshots(nb, cell_id, fw):
    """Eğitim hücresinin anlık örneklem satırları: [(mod, pay, yayılım, yarıçap)]."""
    rows = [
        (int(m), float(hq) / 100, float(spread), float(radius))
        for m, hq, spread, radius in SNAPSHOT.findall(stored_text(nb, cell_id, fw))
    ]
    assert rows, f'{fw}: {cell_id} hücresinde anlık örneklem satırı yok'
    return rows


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_plain_gan_collapses_and_pacgan_covers_the_ring_at_equal_steps(nb, fw):
    plain, pac = snapshots(nb, 'duz', fw), snapshots(nb, 'pac', fw)
    assert len(plain) == len(pac) == 4, (plain, pac)
    # Tek bir küçük küme: yayılım her anlık örneklemde küçük (gerçek veride 2)
    assert glue(nb, 'plain_spread_max', fw) < 0.5 < 1.5 < glue(nb, 'pac_spread', fw)
    assert glue(nb, 'plain_spread_max', fw) == pytest.approx(
        max(r[2] for r in plain), abs=5e-3
    )
    # Küme bir modun üzerinde de değil: hiçbir anlık örneklemde pay %5'e varmaz
    assert glue(nb, 'plain_hq_max', fw) < 0.05
    assert glue(nb, 'plain_hq_max', fw) == pytest.approx(
        max(r[1] for r in plain), abs=5e-4
    )
    assert glue(nb, 'plain_hq', fw) == pytest.approx(plain[-1][1], abs=5e-4)
    assert max(r[0] for r in plain) <= 1  # hiçbir anlık örneklemde birden çok mod
    if fw == 'pytorch':  # metin PyTorch'un yarıçaplarını verir: halkanın içi ve dışı
        radius = [glue(nb, f'plain_radius_{w}', fw) for w in ('min', 'max')]
        assert radius[0] < 1.9 and radius[1] > 2.1, radius
    assert pac[-1][0] == 8  # PacGAN sekiz modu da kapsar
    assert glue(nb, 'pac_hq', fw) > 0.7
    assert pac[-1][1] > pac[0][1], pac  # kalite eğitimle artar


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
    rows = snapshots(nb, 'tarama', fw)
    assert len(rows) == 4, rows
    modes, hq = [r[0] for r in rows], [r[1] for r in rows]
    assert modes[0] == 0, modes  # tam ayarın oranı 1000 adımda modları bulamaz
    assert modes[0] <= modes[1] <= modes[2] and modes[0] < modes[2], modes
    assert hq[0] < hq[1] < hq[2], hq  # eşit oranlar büyüdükçe
    assert modes[3] < modes[2] and hq[3] < hq[2], (modes, hq)  # TTUR çifti geride
    assert glue(nb, 'sweep_ttur_modes', fw) == modes[3]


def test_learning_rate_sweep_differs_between_frameworks(nb):
    """Metin: çerçeveler aynı sayıları vermez (örnek: TTUR çiftinin mod sayısı)."""
    modes = [glue(nb, 'sweep_ttur_modes', fw) for fw in FRAMEWORKS]
    assert len(set(modes)) > 1, modes


def test_printed_output_is_turkish(nb):
    for cell in nb.cells:
        if cell.cell_type == 'code':
            for fw in FRAMEWORKS:
                text = stored_text(nb, cell.id, fw)
                assert 'saturating' not in text, (cell.id, fw, text)


def test_metric_exercise_numbers():
    """tuzaklar-ex-olcut: tek merkeze yığılmış örnekler 1 mod ve pay 1.0; çemberin
    üzerine düzgün dağılmış örnekler 8 mod ve yaklaşık %19 pay (çözümdeki kodla)."""
    import numpy as np

    from d2l_gan.metrics import high_quality_share, modes_covered
    from d2l_gan.toy import RING_STD, ring_centers

    centers = ring_centers()
    one = np.repeat(centers[:1], 2500, axis=0)
    angles = np.random.default_rng(0).uniform(0, 2 * np.pi, 2500)
    circle = 2 * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    assert modes_covered(one, centers, RING_STD) == 1
    assert high_quality_share(one, centers, RING_STD) == 1.0
    assert modes_covered(circle, centers, RING_STD) == 8
    share = high_quality_share(circle, centers, RING_STD)
    arc = 8 * 2 * 2 * np.arcsin(3 * RING_STD / 4) / (2 * np.pi)  # çözümdeki hesap
    assert abs(share - arc) < 0.02 and abs(arc - 0.19) < 0.005, (share, arc)


def test_spiral_exercise_numbers():
    """tuzaklar-ex-sarmal: η = 0.2 ile adım başına 1.005, 300 adımda 1.01^150 ≈ 4.45;
    R1'li doğrusal adım (γ = 1) 300 adımda uzaklığı 1.8e-12'ye indirir."""
    import numpy as np

    eta, gamma = 0.2, 1.0
    factor = np.sqrt(1 + eta**2 / 4)
    assert (
        round(factor, 3) == 1.005
        and round(factor**300, 2) == round(1.01**150, 2) == 4.45
    )
    step = np.array([[1, eta / 2], [-eta / 2, 1 - eta * gamma]])
    assert np.allclose(np.linalg.eigvals(step), 0.9)
    v = np.array([1.0, 1.0])
    for _ in range(300):
        v = step @ v
    assert f'{np.linalg.norm(v):.1e}' == '1.8e-12', np.linalg.norm(v)


def test_source_setup_exercise_numbers(nb):
    """tuzaklar-ex-kaynak: dar modlarda düz GAN en çok bir modu, %2'nin altında yüksek
    kaliteli payla kapsar; PacGAN sekiz modu da kapsar."""
    for fw in FRAMEWORKS:
        assert glue(nb, 'narrow_plain_modes', fw) <= 1, fw
        assert glue(nb, 'narrow_plain_hq', fw) < 0.02, fw
        assert glue(nb, 'narrow_pac_modes', fw) == 8, fw


def test_minibatch_std_exercise_matches_packing(nb):
    """tuzaklar-ex-minigrup: minigrup standart sapması sekiz modu da kapsar ve yüksek
    kaliteli payı PacGAN'ınkiyle aynı düzeydedir."""
    assert glue(nb, 'mbstd_modes', 'pytorch') == 8
    hq, pac = glue(nb, 'mbstd_hq', 'pytorch'), glue(nb, 'pac_hq', 'pytorch')
    assert abs(hq - pac) < 0.05, (hq, pac)


def test_skipping_discriminator_steps_exercise(nb):
    """tuzaklar-ex-atla: kayıp eşiğin hemen altında kalır, doymayan gradyan ve ortak
    adımlardaki en büyük kayıp atlamasız koşudakinden küçüktür; örnekler yine halkanın
    çok dışına taşar (gürültülü koşunun iki katından fazla); adımların çoğu atlanır."""
    plain = {
        k: glue(nb, f'hs_plain_{k}', 'pytorch')
        for k in ('warm_nonsat', 'play_loss_D_max')
    }
    noisy_radius = glue(nb, 'hs_noisy_play_radius_max', 'pytorch')
    for key, tau in (('skip1', 0.1), ('skip3', 0.3)):
        value = {
            k: glue(nb, f'{key}_{k}', 'pytorch')
            for k in (
                'warm_loss_D',
                'warm_nonsat',
                'play_loss_D_max',
                'play_radius_max',
                'skipped_pct',
            )
        }
        assert 0.5 * tau < value['warm_loss_D'] < tau, value
        assert value['warm_nonsat'] < plain['warm_nonsat'], value
        assert value['play_loss_D_max'] < plain['play_loss_D_max'], value
        assert value['play_radius_max'] > max(10, 2 * noisy_radius), value
        assert value['skipped_pct'] > 50, value
