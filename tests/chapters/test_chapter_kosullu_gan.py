"""Koşullu GAN bölümünün saklı (tam ayarlı) çıktıları üzerine denetimler."""

import re

import pytest

from d2l_gan.frameworks import FRAMEWORKS
from stored import CPU_SUMMARY as SUMMARY
from stored import framework_glue as glue
from stored import has_image, stored_setting, stored_text

CHAPTER = 'kosullu_gan'  # `chapter` fikstürü (conftest) bu bölümü okur
METHODS = ('concat', 'proj')


def records(chapter, framework):
    return {
        f'{metric}_{key}': glue(chapter, f'cgan_{metric}_{key}', framework)
        for metric in ('align', 'swd')
        for key in ('real', *METHODS)
    }


def better(g):
    """Sınıf uyumu yüksek olan yöntem."""
    return max(METHODS, key=lambda m: g[f'align_{m}'])


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_headline_records_exist_and_are_in_range(chapter, framework):
    g = records(chapter, framework)
    for key, value in g.items():
        assert isinstance(value, float), (key, value)
        if key.startswith('align'):
            assert 0 <= value <= 1, (key, value)
        else:
            assert value > 0, (key, value)


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_better_method_is_close_to_the_classifier_ceiling(chapter, framework):
    """Sınıf uyumu yüksek olan yöntem ≥ 0.90 ve gerçek görüntülerin 0.08 yakınında."""
    g = records(chapter, framework)
    best = g[f'align_{better(g)}']
    assert best >= 0.90, g
    assert g['align_real'] - best <= 0.08, g
    assert g['align_real'] >= 0.95, g  # sınıflandırıcının tavanı


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_real_real_swd_is_the_floor(chapter, framework):
    g = records(chapter, framework)
    for m in METHODS:
        assert g['swd_real'] < g[f'swd_{m}'], g


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_both_models_used_the_same_cpu_budget(chapter, framework):
    budget = int(stored_setting(chapter, 'ayarlar', 'cpu_budget'))
    for cid in ('egit-birlestir', 'egit-projeksiyon'):
        match = SUMMARY.search(stored_text(chapter, cid, framework))
        assert match, (cid, framework)
        steps, cpu = int(match.group(1)), int(match.group(2))
        assert budget <= cpu <= 1.25 * budget + 5, (cid, framework, cpu)
        assert steps > 0


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_every_figure_is_stored(chapter, framework):
    for cid in (
        'veri-izgara',
        'kayip-cizim',
        'izgara-birlestir',
        'izgara-projeksiyon',
        'sinif-cizim',
        'egri',
        'sabit-z',
        'aradeger',
        'ezber-izgara',
    ):
        assert has_image(chapter, cid, framework), (cid, framework)


def test_reader_prose_does_not_talk_about_tests(chapter):
    for c in chapter.cells:
        if c.cell_type == 'markdown':
            # "GAN-test" bir ölçünün adıdır (Shmelkov ve arkadaşları)
            text = c.source.replace('GAN-test', '')
            assert not re.search(r'\btest', text, re.I), c.id
            assert 'TODO' not in c.source, c.id


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_projection_wins_on_alignment_and_swd_is_a_near_tie(chapter, framework):
    """Metin: projeksiyonun sınıf uyumu yüksek; sınıf başına SWD'de fark, gerçek/gerçek
    değerine uzaklığın yanında küçük; ikisi de gerçek/gerçek değerinin üstünde."""
    g = records(chapter, framework)
    assert g['align_proj'] > g['align_concat'] + 0.03, g
    assert g['align_real'] - g['align_proj'] <= 0.03, g  # 'en çok birkaç yüzde bir'
    gap = min(g['swd_concat'], g['swd_proj']) - g['swd_real']
    assert abs(g['swd_concat'] - g['swd_proj']) < 0.5 * gap, g
    assert gap > 0.02, g


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_discriminator_classifier_claims(chapter, framework):
    concat = glue(chapter, 'cgan_dacc_concat', framework)
    proj = glue(chapter, 'cgan_dacc_proj', framework)
    real = glue(chapter, 'cgan_align_real', framework)
    assert 0.1 < concat < proj, (concat, proj)  # şanstan iyi; projeksiyonunki daha iyi
    assert proj < real - 0.3, (proj, real)  # ayrı sınıflandırıcının yanında zayıf


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_memorisation_claims(chapter, framework):
    """Eşikten yakın payı %5'in altında; en küçük uzaklıklar ayrılmış görüntülerinkiyle
    aynı düzeyde ve ondan büyük (metin: kopya olmadıklarını uzaklıklar gösterir)."""
    held = glue(chapter, 'cgan_nn_held_min', framework)
    for m in METHODS:
        assert glue(chapter, f'cgan_nn_closer_{m}', framework) < 5, (m, framework)
        nearest = glue(chapter, f'cgan_nn_min_{m}', framework)
        assert held < nearest < 2 * held, (m, framework, nearest, held)


def test_exercise_solution_claims(chapter):
    """Boş sınıf ve Fashion-MNIST çözümlerinin metindeki iddiaları (PyTorch)."""
    fw = 'pytorch'
    g = records(chapter, fw)
    drop = {
        k: glue(chapter, f'cgan_drop_{k}', fw)
        for k in ('align', 'swd', 'free_min', 'free_max', 'free_swd', 'real_swd')
    }
    assert abs(drop['align'] - g['align_proj']) < 0.02, drop
    assert drop['swd'] > g['swd_real'] + 0.02, (drop, g)  # projeksiyon gibi, belirgin
    assert drop['free_min'] < 0.05 and drop['free_max'] > 0.2, drop  # eşit değil
    assert drop['free_swd'] > 1.5 * drop['real_swd'], drop  # karışım eşit değil
    fashion = {
        (metric, key): glue(chapter, f'cgan_fashion_{metric}_{key}', fw)
        for metric in ('align', 'swd')
        for key in ('real', *METHODS)
    }
    assert fashion['align', 'real'] < g['align_real'], fashion  # tavan düşük
    # Metin: giysilerde birleştirme iki ölçütte de öndedir
    assert fashion['align', 'concat'] > fashion['align', 'proj'], fashion
    assert fashion['swd', 'concat'] < fashion['swd', 'proj'], fashion
    spread = {
        k: glue(chapter, f'cgan_onehot_{k}', fw)
        for k in ('spread', 'spread_plane', 'spread_real')
    }
    assert all(v > 0 for v in spread.values()), spread
