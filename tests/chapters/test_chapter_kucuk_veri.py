"""Küçük veri bölümünün saklı (tam ayarlı) çıktıları üzerine denetimler: metnin
iddiaları her çerçevenin çıktısında doğrudur."""

import re

import pytest

from d2l_gan.frameworks import FRAMEWORKS
from stored import CPU_SUMMARY as SUMMARY
from stored import framework_glue as glue
from stored import has_image, stored_setting, stored_text

METRICS = ('swd', 'pswd', 'flat')
KEYS = ('untrained', 'classic', 'best', 'real')
SCORES = re.compile(
    r'^(.+?) +(G|EMA) +16x16 SWD ([0-9.]+) +yama SWD ([0-9.]+) +düz renk ([0-9.]+)$',
    re.M,
)

CHAPTER = 'kucuk_veri'  # `chapter` fikstürü (conftest) bu bölümü okur


def records(chapter, framework):
    return {(m, k): glue(chapter, f'{m}_{k}', framework) for m in METRICS for k in KEYS}


def steps(chapter, cell_id, framework):
    """Eğitim hücresinin adım satırındaki adım sayısı."""
    return int(SUMMARY.search(stored_text(chapter, cell_id, framework)).group(1))


def spread(values):
    return max(values) - min(values)


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
    """Eşit işlemci süresinde, ayrılmış türlere göre: son tarif 16×16 SWD'de klasik
    DCGAN'dan iyidir ve klasik → gerçek/gerçek açığının en az %70'ini kapatır; düz
    renk payında klasikten belirgin biçimde (en az 0.1) iyidir ve gerçek
    görüntülerinkine daha yakındır. Yama SWD'sinde de klasik DCGAN'dan iyidir."""
    r = records(chapter, framework)
    assert r['swd', 'best'] < r['swd', 'classic'], r
    assert r['pswd', 'best'] < r['pswd', 'classic'], r
    assert r['swd', 'classic'] < r['swd', 'untrained'], r
    assert glue(chapter, 'swd_closed', framework) >= 70
    flat_gap = abs(r['flat', 'best'] - r['flat', 'real'])
    assert flat_gap < abs(r['flat', 'classic'] - r['flat', 'real']), r
    assert r['flat', 'best'] - r['flat', 'classic'] >= 0.1, r


def test_patch_gap_closes_less_than_the_coarse_gap(chapter):
    """Sonuç: yama SWD'sinde kapanan açık her çerçevede 16×16 SWD'dekinden küçüktür;
    farkın büyüklüğünü çoğunlukla klasik DCGAN belirler (son tarifin yama SWD'si
    çerçeveden çerçeveye az değişir); klasik DCGAN'ın yama SWD'si en iyi, en çok adım
    attığı MXNet'tedir."""
    for fw in FRAMEWORKS:
        assert glue(chapter, 'pswd_closed', fw) < glue(chapter, 'swd_closed', fw), fw
    classic = {fw: glue(chapter, 'pswd_classic', fw) for fw in FRAMEWORKS}
    best = {fw: glue(chapter, 'pswd_best', fw) for fw in FRAMEWORKS}
    assert spread(best.values()) < 0.25 * spread(classic.values()), (classic, best)
    classic_steps = {fw: steps(chapter, 'egit-klasik', fw) for fw in FRAMEWORKS}
    assert max(FRAMEWORKS, key=classic_steps.get) == 'mxnet', classic_steps
    assert min(FRAMEWORKS, key=classic.get) == 'mxnet', classic


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_final_recipe_takes_fewer_steps(chapter, framework):
    """Sonuç ve alıştırma: son tarif klasik DCGAN'ın adımlarının yarısından azını atar
    ve iki bin adımı bulmaz (ama EMA'nın 500 adımlık yarılanma ömründen uzundur)."""
    counts = {
        cid: steps(chapter, cid, framework) for cid in ('egit-klasik', 'egit-son')
    }
    assert counts['egit-son'] < 0.5 * counts['egit-klasik'], counts
    assert 500 < counts['egit-son'] < 2000, counts


def test_ablation_rows_support_the_row_by_row_reading(chapter):
    """Ablasyonun yorumu (PyTorch): 2. satırda EMA iki SWD'de klasikten belirgin
    biçimde iyi, düz renk payı düşük; 3. satırda düz renk payı yükselir ve EMA'nın iki
    SWD'si kötüleşmez; 4. satırda kaydırma EMA'nın 16×16 SWD'sini kötüleştirir, yama
    SWD'sini iyileştirmez (en çok oynama payı kadar, 0.005)."""
    rows = scores(chapter, 'ablasyon-pt')
    one = '1 klasik DCGAN'
    two = '2 + omurga, Adam, R1, ayna, minigrup std'
    three = '3 + paletli çıkış = son tarif'
    four = '4 son tarif + DiffAugment kaydırma'
    assert rows[two, 'EMA'][0] < rows[one, 'G'][0] - 0.02
    assert rows[two, 'EMA'][1] < rows[one, 'G'][1] - 0.02
    assert max(rows[two, 'G'][2], rows[two, 'EMA'][2]) < 0.3
    assert min(rows[three, 'G'][2], rows[three, 'EMA'][2]) > 0.5
    assert rows[three, 'EMA'][0] <= rows[two, 'EMA'][0] + 0.005
    assert rows[three, 'EMA'][1] <= rows[two, 'EMA'][1] + 0.005
    assert rows[four, 'EMA'][0] > rows[three, 'EMA'][0]
    assert rows[four, 'EMA'][1] > rows[three, 'EMA'][1] - 0.005


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
    assert glue(chapter, 'nn_closer', framework) < 5  # metin: üçünde de %5'in altında
    medians = {
        name: float(
            re.search(
                name + r' +en küçük [0-9.]+ +%5 [0-9.]+ +ortanca ([0-9.]+)', text
            ).group(1)
        )
        for name in (r'üretilmiş \(EMA\)', 'ayrılmış gerçek')
    }
    fake, held = medians.values()
    assert fake >= held, medians  # metin: ortancası biraz büyük
    for cid in (
        'ezber-hist',
        'ezber-izgara',
        'izgara-son',
        'egri',
        'tani-son',
    ):
        assert has_image(chapter, cid, framework), (cid, framework)


def test_reader_prose_does_not_talk_about_tests(chapter):
    for c in chapter.cells:
        if c.cell_type == 'markdown':
            assert not re.search(r'\btest', c.source, re.I), c.id


LONG = ('swd_long', 'pswd_long', 'flat_long', 'nn_closer_long', 'nn_min_long')


def test_long_run_weights_are_small_and_what_the_page_loaded(chapter):
    """Uzun eğitimin ağırlıkları deponun betiğinin ürünüdür: 5 MB'tan (metnin dediği
    gibi üç megabayttan) küçük, sha-1'i bilgi dosyasındaki; metnin andığı ayarlarla
    üretilmiştir; sayfanın bilgi satırı aynı dosyayı yazar."""
    from d2l_gan.data import sha1sum
    from d2l_gan.pretrained import BOOK_WEIGHTS, load_book_weights

    _, info = load_book_weights('sprites_g01')
    path = BOOK_WEIGHTS / 'sprites_g01.npz'
    assert path.stat().st_size < 3 * 2**20  # metin: üç megabayttan küçük
    assert sha1sum(path) == info['sha1']
    assert info['command'].startswith('python scripts/train_sprites_long.py')
    assert info['cpu_budget_seconds'] <= 3600
    # metin: tek iş parçacığı, bfloat16; kaydırma açık, öğrenme oranı 0.0002, γ = 0.1,
    # EMA'nın yarılanma ömrü 500 yerine 2000 adım; ağlar 32 yerine 48 kanal;
    # minigruplarda türler eşit sıklıkta
    assert info['threads'] == 1 and info['bf16'] is True
    assert info['setting']['balance_species'] is True
    assert info['setting']['width'] == 48 and 'd_width' not in info['setting']
    assert stored_setting(chapter, 'ayarlar', 'width') == '32'
    assert info['ema_half_life'] == 2000
    assert stored_setting(chapter, 'zamanlama', 'EMA_HALF_LIFE') == '500'
    recipe = info['recipe']
    assert recipe['augment'] and recipe['lr'] == 2e-4 and recipe['gamma'] == 0.1
    for fw in FRAMEWORKS:
        text = stored_text(chapter, 'uzun-bilgi', fw)
        assert f'sha-1: {info["sha1"]}' in text, fw
        assert f'{info["steps"]} adım' in text, fw
        assert glue(chapter, 'long_steps', fw) == info['steps']


def test_long_run_gives_the_same_numbers_in_every_framework(chapter):
    """Aynı ağırlıklar ve aynı numpy gürültüsü: üç çerçevenin sayıları aynıdır
    (kayan nokta yuvarlamasının ötesinde fark yok)."""
    for name in LONG:
        values = [glue(chapter, name, fw) for fw in FRAMEWORKS]
        assert max(values) - min(values) <= 0.002, (name, values)
    for fw in FRAMEWORKS:
        for cid in ('uzun-izgara', 'uzun-ezber'):
            assert has_image(chapter, cid, fw), (cid, fw)


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_long_run_claims(chapter, framework):
    """Uzun eğitimin yorumu: bütçenin yirmi katı; yama SWD'si son tarifin
    (180 sn) belirgin biçimde altında ve gerçek/gerçek'le aynı düzeyde; 16×16 SWD aynı
    düzeyde; düz renk payı gerçek görüntülerinkinin belirgin biçimde altında; ezberleme
    payı %5'in biraz üstünde ve en küçük uzaklık ayrılmış görüntülerinkinden büyük."""
    r = records(chapter, framework)
    long = {name: glue(chapter, name, framework) for name in LONG}
    budget = int(stored_setting(chapter, 'ayarlar', 'cpu_budget'))
    assert glue(chapter, 'long_minutes', framework) * 60 == 20 * budget
    assert long['pswd_long'] < r['pswd', 'best'] - 0.01, (long, r)
    assert abs(long['pswd_long'] - r['pswd', 'real']) <= 0.005, (long, r)
    assert abs(long['swd_long'] - r['swd', 'real']) <= 0.005, (long, r)
    assert long['swd_long'] <= r['swd', 'best'], (long, r)  # son tarif 'ona yakındı'
    assert long['flat_long'] < r['flat', 'real'] - 0.1, (long, r)
    assert 5 < long['nn_closer_long'] < 8, long  # metin: %5'in biraz üstünde
    assert long['nn_min_long'] > glue(chapter, 'nn_held_min', framework)
