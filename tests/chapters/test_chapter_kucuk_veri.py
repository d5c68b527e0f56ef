"""Küçük veri bölümünün saklı (tam ayarlı) çıktıları üzerine denetimler: metnin
iddiaları her çerçevenin çıktısında doğrudur."""

import re

import pytest

from d2l_gan.frameworks import FRAMEWORKS
from kitap.outputs import cell_outputs
from stored import stored_cell as cell
from stored import stored_glue, stored_setting, stored_text

METRICS = ('swd', 'pswd', 'flat')
KEYS = ('untrained', 'classic', 'best', 'real')
SUMMARY = re.compile(
    r'^(\d+) adım, işlemci süresi (\d+) sn, duvar saati (\d+) sn', re.M
)
SCORES = re.compile(
    r'^(.+?) +(G|EMA) +16x16 SWD ([0-9.]+) +yama SWD ([0-9.]+) +düz renk ([0-9.]+)$',
    re.M,
)

CHAPTER = 'kucuk_veri'  # `chapter` fikstürü (conftest) bu bölümü okur


def glue(chapter, name, framework):
    return stored_glue(chapter, f'{name}_{framework}')


def records(chapter, framework):
    return {(m, k): glue(chapter, f'{m}_{k}', framework) for m in METRICS for k in KEYS}


def scores(chapter, cell_id, framework=None):
    """Hücrenin 'ad G/EMA ...' satırları: {(ad, G/EMA): (swd, yama, düz renk)}."""
    text = stored_text(chapter, cell_id, framework)
    return {
        (m.group(1).strip(), m.group(2)): tuple(map(float, m.groups()[2:]))
        for m in SCORES.finditer(text)
    }


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_headline_records_exist_as_floats(chapter, framework):
    for key, value in records(chapter, framework).items():
        assert isinstance(value, float) and value > 0, (key, value)


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_final_recipe_beats_classic_and_closes_most_of_the_coarse_gap(
    chapter, framework
):
    """Eşit işlemci süresinde, ayrılmış türlere göre: son tarif iki SWD'de de klasik
    DCGAN'dan iyidir ve 16×16 SWD'de klasik → gerçek/gerçek açığının en az %70'ini
    kapatır; düz renk payı gerçek görüntülerinkine klasikten çok daha yakındır."""
    r = records(chapter, framework)
    assert r['swd', 'best'] < r['swd', 'classic'], r
    assert r['pswd', 'best'] < r['pswd', 'classic'], r
    assert r['swd', 'classic'] < r['swd', 'untrained'], r
    assert glue(chapter, 'swd_closed', framework) >= 70
    flat_gap = abs(r['flat', 'best'] - r['flat', 'real'])
    assert flat_gap < 0.5 * abs(r['flat', 'classic'] - r['flat', 'real']), r


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
    rows = scores(chapter, 'ablasyon-pt')
    names = {name for name, _ in rows}
    assert names == {
        '1 klasik DCGAN',
        '2 + omurga, Adam, R1, ayna, minigrup std',
        '3 + paletli çıkış = son tarif',
        '4 son tarif + DiffAugment kaydırma',
    }
    assert all((name, key) in rows for name in names for key in ('G', 'EMA'))
    assert len(SUMMARY.findall(stored_text(chapter, 'ablasyon-pt'))) == 2


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_memorisation_checks_are_reported(chapter, framework):
    text = stored_text(chapter, 'ezber', framework)
    assert 'üretilmiş (EMA)' in text and 'ayrılmış gerçek' in text
    assert glue(chapter, 'nn_fake_min', framework) > 0  # kopya yok
    assert glue(chapter, 'nn_closer', framework) <= 5.0
    for cid in (
        'ezber-hist',
        'ezber-izgara',
        'izgara-son',
        'egri',
        'tani-son',
    ):
        outputs = cell_outputs(cell(chapter, cid), framework)
        assert any('image/png' in o.get('data', {}) for o in outputs), (cid, framework)


def test_reader_prose_does_not_talk_about_tests(chapter):
    for c in chapter.cells:
        if c.cell_type == 'markdown':
            assert not re.search(r'\btest', c.source, re.I), c.id
