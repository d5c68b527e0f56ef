"""WGAN bölümünün saklı (tam ayarlı) çıktıları, bölümün iddialarını her çerçevede taşır.

Her test, metinde (glue ile) anılan ya da çıktıda okunan sayıların iddia edilen
yönünü her çerçevenin kendi çalıştırmasında denetler.
"""

import re

import numpy as np
import pytest

from d2l_gan import torch as d2l
from d2l_gan.frameworks import FRAMEWORKS
from stored import framework_glue as glue
from stored import stored_chapter, stored_setting, stored_text


@pytest.fixture(scope='module')
def nb():
    return stored_chapter('wgan')


def test_jsd_is_flat_and_w1_is_the_shift(nb):
    """Paralel doğrular: θ ≠ 0'da JSD = log 2, W1 = |θ| (çerçeveden bağımsız)."""
    rows = re.findall(
        r'^([+-][0-9.]+)\s+([0-9.]+)\s+([0-9.]+)$', stored_text(nb, 'jsd-hesap'), re.M
    )
    assert len(rows) == 9, rows
    for theta, jsd, w1 in (map(float, row) for row in rows):
        assert jsd == pytest.approx(0.0 if theta == 0 else 0.6931, abs=1e-4)
        assert w1 == pytest.approx(abs(theta), abs=1e-4)


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_clipping_explodes_or_vanishes_and_the_others_keep_the_slope(nb, fw):
    """Derin eleştirmen: c = 0.1 girdiye doğru büyüyen eğim ve on kattan büyük fark;
    c = 0.01 ve 0.001 girdiye doğru sönen eğim ve sıfır fark; gradyan cezası 1
    civarında ve 0.5'in altında bir fark; spektral normalleştirme 1'in altında."""
    keys = ('clip1', 'clip2', 'clip3', 'gp', 'sn')
    grad = {key: glue(nb, f'probe_grad_{key}', fw) for key in keys}
    out = {key: glue(nb, f'probe_gradout_{key}', fw) for key in keys[:3]}
    gap = {key: glue(nb, f'probe_gap_{key}', fw) for key in keys}
    assert grad['clip1'] > 10 and grad['clip1'] > out['clip1'], (grad, out)
    assert grad['clip2'] < 1e-8 and grad['clip2'] < out['clip2'], (grad, out)
    assert grad['clip3'] < 1e-17 and grad['clip3'] < out['clip3'], (grad, out)
    assert 0.5 < grad['gp'] < 2, grad
    assert grad['sn'] < 1, grad
    assert gap['clip1'] > 10 * 0.5, gap  # K·W1, K ≫ 1
    assert gap['clip2'] < 1e-3 and gap['clip3'] < 1e-3, gap
    assert 0.05 < gap['gp'] < 0.5 and 0 < gap['sn'] < 0.5, gap


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_small_clips_keep_most_weights_on_the_boundary(nb, fw):
    """Küçük c'de ağırlıkların çoğu sınırdadır ve eğitim onları oradan ayırmaz;
    c = 0.1'de pay küçüktür ve 300 adımda kayda değer değişmez."""
    for key in ('clip2', 'clip3'):
        before, after = (glue(nb, f'probe_edge{k}_{key}', fw) for k in ('0', ''))
        assert after > 0.8 and after >= before - 0.01, (key, before, after)
    before, after = (glue(nb, f'probe_edge{k}_clip1', fw) for k in ('0', ''))
    assert after < 0.2 and abs(after - before) < 0.05, (before, after)


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_wgan_gp_covers_most_modes_and_more_than_plain_gan(nb, fw):
    """Metin: WGAN-GP her çerçevede düz GAN'dan çok mod kapsar ve üçünde de modların
    çoğunu bulur; yüksek kaliteli payı düz GAN'ınkinden büyük, yarının altındadır."""
    gp, plain = (glue(nb, f'{key}_ring_modes', fw) for key in ('wgan', 'plain'))
    assert gp > plain, (gp, plain)
    assert gp >= 6, (fw, gp)
    hq_gp, hq_plain = (glue(nb, f'{key}_ring_hq', fw) for key in ('wgan', 'plain'))
    assert hq_plain < hq_gp < 0.5, (hq_gp, hq_plain)


def test_weight_clipping_on_the_ring_depends_on_the_framework(nb):
    """Metin: kırpmalı WGAN'ın mod sayısı çerçeveden çerçeveye değişir."""
    modes = [glue(nb, 'wganclip_ring_modes', fw) for fw in FRAMEWORKS]
    assert len(set(modes)) > 1, modes


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_dirac_wgan_does_not_converge_but_r1_does(nb, fw):
    """R1 yakınsar; kırpmalı WGAN son 100 adımda salınır (ne sıfıra iner ne kaçar);
    WGAN-GP kaçar ve eleştirmenin eğimi son adımda hâlâ pozitiftir."""
    r1 = glue(nb, 'r1_dirac_dist', fw)
    assert r1 < 1e-3, r1
    low, high = (glue(nb, f'wgan_dirac_{k}100', fw) for k in ('min', 'max'))
    final = glue(nb, 'wgan_dirac_dist', fw)
    assert 0.1 < low <= final <= high < 2, (low, final, high)
    assert glue(nb, 'wgangp_dirac_dist', fw) > 5 * 2**0.5  # başlangıç: √2
    assert glue(nb, 'wgangp_dirac_max', fw) > 5  # üretici dengeden uzaklaşır
    assert glue(nb, 'wgangp_dirac_psi', fw) > 0


def test_dirac_numbers_are_the_same_in_every_framework(nb):
    """Metin: Dirac-GAN'da üç çerçeve aynı sayıları verir."""
    for name in ('wgan_dirac_dist', 'wgangp_dirac_dist', 'wgangp_dirac_psi'):
        values = [glue(nb, name, fw) for fw in FRAMEWORKS]
        assert max(values) - min(values) < 1e-3, (name, values)


def test_power_iteration_approaches_the_spectral_norm_from_below(nb):
    """Tek yineleme gerçek değerin epey altında; kestirim yinelemelerle artar ama 30
    yinelemede de gerçek değere varmaz (metindeki iddia)."""
    text = stored_text(nb, 'kuvvet')
    true = float(re.search(r'σ\(W\) = ([0-9.]+)', text).group(1))
    estimates = [float(v) for v in re.findall(r'yineleme: ([0-9.]+)', text)]
    assert len(estimates) == 4, text
    assert estimates == sorted(estimates) and estimates[-1] < true, (estimates, true)
    assert estimates[0] < 0.8 * true, (estimates, true)


def test_exercise_solutions_measure_what_they_claim(nb):
    """Çözümlerdeki PyTorch ölçümleri: tek yönlü ceza kaçmaz ama yakınsamaz;
    toptan normalleştirme örnekleri birbirine bağlar."""
    dist, low = (glue(nb, f'onesided_dirac_{k}', 'pytorch') for k in ('dist', 'min'))
    assert 0.05 < low <= dist < glue(nb, 'wgangp_dirac_dist', 'pytorch'), (low, dist)
    assert glue(nb, 'bn_cross_grad', 'pytorch') > 1e-3


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_critic_estimate_tracks_sample_quality(nb, fw):
    corr = glue(nb, 'wgan_sprite_corr', fw)
    assert corr > 0.9, corr
    assert corr > glue(nb, 'gan_sprite_corr_d', fw)
    assert glue(nb, 'wgan_sprite_swd', fw) < glue(nb, 'gan_sprite_swd', fw)


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_sprite_interpretation_holds(nb, fw):
    """Sprite yorumu: GAN'da ayrımcının kaybıyla korelasyon negatiftir ve GAN'ın
    son SWD'si WGAN-GP'ninkinin iki katından fazladır."""
    assert glue(nb, 'gan_sprite_corr_d', fw) < 0
    assert glue(nb, 'gan_sprite_swd', fw) > 2 * glue(nb, 'wgan_sprite_swd', fw)


def test_generator_loss_correlation_differs_between_frameworks(nb):
    values = [glue(nb, 'gan_sprite_corr_g', fw) for fw in FRAMEWORKS]
    assert max(values) - min(values) > 0.5, values


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_paper_learning_rate_is_worse_on_the_ring(nb, fw):
    """wgan-ex-oran: bölümün 1e-3'lük sonucu makalenin 1e-4'lük sonucundan iyidir."""
    assert glue(nb, 'wgan_ring_modes', fw) >= glue(nb, 'paperlr_ring_modes', fw)
    assert glue(nb, 'wgan_ring_hq', fw) > glue(nb, 'paperlr_ring_hq', fw)


def test_every_framework_prints_its_training_progress(nb):
    ring_steps = int(stored_setting(nb, 'ayarlar', 'ring_steps'))
    for fw in FRAMEWORKS:
        text = stored_text(nb, 'halka-calistir', fw)
        for method in ('gan', 'wgan', 'wgan-gp'):
            assert re.search(rf'^{method} adım {ring_steps}: \d/8 mod', text, re.M), fw
        assert (
            len(
                re.findall(
                    r'^wgan-gp adım +\d+: W1 kestirimi',
                    stored_text(nb, 'sprite-calistir', fw),
                    re.M,
                )
            )
            >= 5
        ), fw


def test_r1_dirac_distance_shrinks_faster_then_at_a_steady_rate(nb):
    """Metin: R1 cezalı GAN'ın uzaklığı önce yavaş, sonra giderek hızlanarak küçülür;
    son iki yüz adımda (logaritmik eksende) neredeyse düz bir çizgidir. Şekil her
    çerçevede aynı yolu çizer (yukarıdaki test); yol, bölümün ayarlarıyla paketin
    `dirac_gan`'ından yeniden hesaplanır."""
    steps = int(stored_setting(nb, 'ayarlar', 'dirac_steps'))
    lr = float(stored_setting(nb, 'ayarlar', 'dirac_lr'))
    dist = np.linalg.norm(d2l.dirac_gan(1.0, 1.0, steps, lr, gamma=1.0), axis=1)
    assert dist[-1] == pytest.approx(glue(nb, 'r1_dirac_dist', 'pytorch'), rel=1e-3)
    per_100 = np.diff(np.log10(dist[::100]))  # 100 adımda kaç on kat küçüldü
    assert len(per_100) == steps // 100 == 6, per_100
    assert np.all(np.diff(per_100) < 0), per_100  # her yüz adımda daha hızlı
    assert per_100[0] > 0.4 * per_100[-1], per_100  # başta yavaş
    assert per_100[-2] == pytest.approx(per_100[-1], rel=0.1), per_100  # sonra düz
