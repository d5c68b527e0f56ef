"""WGAN bölümünün saklı (tam ayarlı) çıktıları, bölümün iddialarını her çerçevede taşır.

Her test, metinde (glue ile) anılan ya da çıktıda okunan sayıların iddia edilen
yönünü her çerçevenin kendi çalıştırmasında denetler.
"""

import re

import pytest
from stored import stored_chapter, stored_glue, stored_setting, stored_text

from d2l_gan.book.frameworks import FRAMEWORKS


@pytest.fixture(scope='module')
def nb():
    return stored_chapter('wgan')


def glue(nb, name, fw):
    return stored_glue(nb, f'{name}_{fw}')


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
    """Derin eleştirmen: c = 0.1 girdide büyük eğim, c = 0.01 ve 0.001 sönen eğim;
    gradyan cezası 1 civarında, spektral normalleştirme en çok 1 civarında."""
    grad = {
        key: glue(nb, f'probe_grad_{key}', fw)
        for key in ('clip1', 'clip2', 'clip3', 'gp', 'sn')
    }
    gap = {key: glue(nb, f'probe_gap_{key}', fw) for key in grad}
    assert grad['clip1'] > 10, grad
    assert grad['clip2'] < 1e-4 and grad['clip3'] < 1e-3 * grad['clip2'], grad
    assert 0.5 < grad['gp'] < 2, grad
    assert 0.05 < grad['sn'] < 1.1, grad
    assert gap['clip1'] > 50 * 0.5, gap  # K·W1, K ≫ 1
    assert gap['clip2'] < 1e-3 and gap['clip3'] < 1e-3, gap
    assert 0.05 < gap['gp'] <= 0.55 and 0.05 < gap['sn'] <= 0.55, gap


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_clipping_piles_weights_on_the_boundary(nb, fw):
    for key in ('clip2', 'clip3'):
        assert glue(nb, f'probe_edge_{key}', fw) > 0.8, key
    before, after = glue(nb, 'probe_edge0_clip1', fw), glue(nb, 'probe_edge_clip1', fw)
    assert after > 2 * before, (before, after)


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_wgan_gp_covers_more_modes_than_plain_gan_and_clipping(nb, fw):
    gp, plain, clip = (
        glue(nb, f'{key}_ring_modes', fw) for key in ('wgan', 'plain', 'wganclip')
    )
    assert gp >= 6, (gp, plain, clip)
    assert gp > plain and gp > clip, (gp, plain, clip)
    assert glue(nb, 'wgan_ring_hq', fw) > glue(nb, 'plain_ring_hq', fw)
    assert glue(nb, 'wgan_ring_hq', fw) > glue(nb, 'wganclip_ring_hq', fw)


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_dirac_wgan_does_not_converge_but_r1_does(nb, fw):
    r1 = glue(nb, 'r1_dirac_dist', fw)
    assert r1 < 1e-3, r1
    assert glue(nb, 'wgan_dirac_dist', fw) > 0.1
    assert glue(nb, 'wgangp_dirac_dist', fw) > 1
    assert glue(nb, 'wgangp_dirac_max', fw) > 5  # üretici önce dengeden uzaklaşır


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_critic_estimate_tracks_sample_quality(nb, fw):
    corr = glue(nb, 'wgan_sprite_corr', fw)
    assert corr > 0.9, corr
    assert corr > glue(nb, 'gan_sprite_corr_d', fw)
    assert glue(nb, 'wgan_sprite_swd', fw) < glue(nb, 'gan_sprite_swd', fw)


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
