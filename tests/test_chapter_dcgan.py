"""DCGAN bölümünün saklı (tam ayarlı) çıktıları üzerine denetimler."""
import re

import pytest

from d2l_gan.book.notebook import FRAMEWORKS
from stored import SUFFIX, stored_cell as cell, stored_chapter, stored_text

SWD_LINE = re.compile(r'SWD\s+eğitilmiş G: ([0-9.]+)\s+eğitilmemiş G: ([0-9.]+)\s+'
                      r'gerçek yarılar: ([0-9.]+)')


@pytest.fixture(scope='module')
def chapter():
    return stored_chapter('dcgan')


def test_stored_outputs_come_from_full_setting(chapter):
    params = cell(chapter, 'ayarlar').source
    epochs = int(re.search(r'num_epochs = (\d+)', params).group(1))
    for fw in FRAMEWORKS:
        text = stored_text(chapter, f'egit-{SUFFIX[fw]}')
        assert len(re.findall(r'^dönem +\d+: kayıp_D [0-9.]+, kayıp_G [0-9.]+$', text,
                              re.M)) == epochs, fw
        assert re.search(r'^\d+ örnek/sn, toplam \d+ sn, ', text, re.M), fw


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_trained_generator_clearly_beats_untrained(chapter, framework):
    """Eğitilmiş G'nin SWD'si eğitilmemiş G'ninkinin en çok 0.7 katıdır ve
    gerçek yarılar (alt sınıra yakın kalibrasyon) ikisinden de küçüktür."""
    text = stored_text(chapter, f'swd-{SUFFIX[framework]}')
    match = SWD_LINE.search(text)
    assert match, f'{framework}: saklı çıktıda SWD satırı yok'
    trained, untrained, real = map(float, match.groups())
    assert trained <= 0.7 * untrained, match.group(0)
    assert real < trained, match.group(0)


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_sample_grids_are_stored(chapter, framework):
    for cid in (f'ilerleme-{SUFFIX[framework]}', f'swd-{SUFFIX[framework]}'):
        assert any('image/png' in o.get('data', {}) for o in cell(chapter, cid).outputs), cid


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_block_shape_cells_are_checked(chapter, framework):
    """Blok ve ağ şekilleri, çıktısı nbval'ce denetlenen hücrelerdedir ve formülle uyar."""
    s = SUFFIX[framework]
    channels_last = framework == 'tensorflow'
    for cid in (f'gblok-{s}', f'dblok-{s}', f'uretici-{s}', f'ayrimci-{s}',
                'boyut-g', 'boyut-d'):
        assert 'nbval-check-output' in cell(chapter, cid).metadata.get('tags', []), cid
    g = stored_text(chapter, f'gblok-{s}')
    d = stored_text(chapter, f'dblok-{s}')
    if channels_last:
        assert '(2, 32, 32, 20)' in g and '(2, 4, 4, 20)' in g and '(2, 8, 8, 20)' in d
    else:
        assert '(2, 20, 32, 32)' in g and '(2, 20, 4, 4)' in g and '(2, 20, 8, 8)' in d
    net_G = stored_text(chapter, f'uretici-{s}')
    net_D = stored_text(chapter, f'ayrimci-{s}')
    last_G = '(2, 64, 64, 3)' if channels_last else '(2, 3, 64, 64)'
    assert net_G.strip().splitlines()[-1].endswith(last_G)
    assert net_D.strip().splitlines()[-1].endswith('(2, 1, 1, 1)')


def test_shared_formula_cells(chapter):
    assert '16 -> 32' in stored_text(chapter, 'boyut-g')
    assert '1 -> 4' in stored_text(chapter, 'boyut-g')
    assert '16 -> 8' in stored_text(chapter, 'boyut-d')


def test_discriminator_has_no_batch_norm_on_first_layer(chapter):
    for fw in FRAMEWORKS:
        lines = stored_text(chapter, f'ayrimci-{SUFFIX[fw]}').strip().splitlines()
        assert lines[0].startswith('Conv2') and lines[1].startswith('LeakyReLU'), fw
