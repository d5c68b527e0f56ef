"""Küçük veri bölümünün saklı (tam ayarlı) çıktıları üzerine denetimler."""

import re

import pytest

from d2l_gan.frameworks import FRAMEWORKS
from kitap.outputs import cell_outputs
from stored import stored_cell as cell
from stored import stored_glue, stored_setting, stored_text

KEYS = (
    'swd_untrained',
    'swd_classic',
    'swd_best',
    'swd_real',
    'pswd_classic',
    'pswd_best',
    'pswd_real',
)
SUMMARY = re.compile(
    r'^(\d+) adım, işlemci süresi (\d+) sn, duvar saati (\d+) sn', re.M
)


CHAPTER = 'kucuk_veri'  # `chapter` fikstürü (conftest) bu bölümü okur


def glue(chapter, name, framework):
    return stored_glue(chapter, f'{name}_{framework}')


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_headline_records_exist_as_floats(chapter, framework):
    for key in KEYS:
        value = glue(chapter, key, framework)
        assert isinstance(value, float) and value > 0, (key, value)


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_final_recipe_beats_classic_on_both_metrics(chapter, framework):
    """Eşit işlemci süresinde, ayrılmış görüntülere göre: son tarif < klasik DCGAN."""
    g = {key: glue(chapter, key, framework) for key in KEYS}
    assert g['swd_best'] < g['swd_classic'], g
    assert g['pswd_best'] < g['pswd_classic'], g
    assert g['swd_real'] < g['swd_best'] and g['pswd_real'] < g['pswd_best'], g
    assert g['swd_classic'] < g['swd_untrained'], g


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_both_models_used_the_same_cpu_budget(chapter, framework):
    budget = int(stored_setting(chapter, 'ayarlar', 'cpu_budget'))
    for cid in ('egit-klasik', 'egit-son'):
        match = SUMMARY.search(stored_text(chapter, cid, framework))
        assert match, (cid, framework)
        steps, cpu = int(match.group(1)), int(match.group(2))
        assert budget <= cpu <= 1.25 * budget + 5, (cid, framework, cpu)
        assert steps > 0


def test_ablation_table_has_every_variant_in_pytorch(chapter):
    text = stored_text(chapter, 'ablasyon-pt')
    for name in (
        '1 klasik DCGAN',
        '2 + veri artırma',
        '3 + omurga, eniyileştirici',
        '4 + R1 = son tarif',
    ):
        for key in ('G', 'EMA'):
            assert re.search(
                re.escape(name) + r' +' + key + r' +16x16 SWD [0-9.]+ +'
                r'yama SWD [0-9.]+',
                text,
            ), (name, key)
    assert SUMMARY.findall(text) and len(SUMMARY.findall(text)) == 2


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_memorisation_check_is_reported(chapter, framework):
    text = stored_text(chapter, 'ezber', framework)
    assert 'üretilmiş (EMA)' in text and 'ayrılmış gerçek' in text
    assert glue(chapter, 'nn_fake_min', framework) > 0  # kopya yok
    for cid in ('ezber-hist', 'ezber-izgara', 'izgara-son', 'egri', 'tani-son'):
        outputs = cell_outputs(cell(chapter, cid), framework)
        assert any('image/png' in o.get('data', {}) for o in outputs), (cid, framework)


def test_reader_prose_does_not_talk_about_tests(chapter):
    for c in chapter.cells:
        if c.cell_type == 'markdown':
            assert not re.search(r'\btest', c.source, re.I), c.id


SCORES = re.compile(
    r'^son tarif +(G|EMA) +16x16 SWD ([0-9.]+) +yama SWD ([0-9.]+)$', re.M
)


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_ema_copy_beats_the_trained_generator_at_the_end(chapter, framework):
    """Metin: bütçenin sonunda eğitilen üretici EMA kopyasından kötüdür."""
    scores = {
        m.group(1): (float(m.group(2)), float(m.group(3)))
        for m in SCORES.finditer(stored_text(chapter, 'egit-son', framework))
    }
    assert scores['EMA'][0] < scores['G'][0], scores


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_no_sign_of_copying(chapter, framework):
    """Metin: ayrılmış görüntülerin en yakın %5'inden yakın üretilmiş örnek ≤ %5."""
    assert glue(chapter, 'nn_closer', framework) <= 5.0
