"""DCGAN bölümünün saklı (tam ayarlı) çıktıları üzerine denetimler."""
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
FRAMEWORKS = ('pytorch', 'tensorflow', 'mxnet')
SUFFIX = {'pytorch': 'pt', 'tensorflow': 'tf', 'mxnet': 'mx'}
SWD_LINE = re.compile(r'SWD\s+eğitilmiş G: ([0-9.]+)\s+eğitilmemiş G: ([0-9.]+)\s+'
                      r'gerçek yarılar: ([0-9.]+)')


@pytest.fixture(scope='module')
def chapter():
    return nbformat.read(ROOT / 'book' / 'dcgan.ipynb', as_version=4)


def cell(nb, cell_id):
    found = [c for c in nb.cells if c.get('id') == cell_id]
    assert found, f'{cell_id} kimlikli hücre yok'
    return found[0]


def stored_text(nb, cell_id):
    return ''.join(o.get('text', '') for o in cell(nb, cell_id).outputs
                   if o.output_type == 'stream')


def test_stored_outputs_come_from_full_setting(chapter):
    assert 'd2l_gan' not in chapter.metadata, 'saklı çıktılar küçültülmüş ayarlarla üretilmiş'
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
