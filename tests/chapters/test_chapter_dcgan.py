"""DCGAN bölümünün saklı (tam ayarlı) çıktıları üzerine denetimler."""

import re

import pytest

from d2l_gan.frameworks import FRAMEWORKS
from stored import (
    SUFFIX,
    framework_glue,
    has_image,
    stored_glue,
    stored_setting,
    stored_text,
)
from stored import stored_cell as cell

EPOCH_LINE = re.compile(
    r'^dönem +(\d+): kayıp_D ([0-9.]+), kayıp_G ([0-9.]+), '
    r'D\(x\) ([0-9.]+), D\(G\(z\)\) ([0-9.]+) -> ([0-9.]+)$',
    re.M,
)


CHAPTER = 'dcgan'  # `chapter` fikstürü (conftest) bu bölümü okur


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_training_log_comes_from_full_setting(chapter, framework):
    epochs = int(stored_setting(chapter, 'ayarlar', 'num_epochs'))
    text = stored_text(chapter, 'egit', framework)
    logged = [int(m.group(1)) for m in EPOCH_LINE.finditer(text)]
    assert logged == [1] + list(range(5, epochs + 1, 5)), (framework, logged)
    assert re.search(r'^\d+ örnek/sn, eğitim \d+ sn, ', text, re.M), framework


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_discriminator_outputs_are_probabilities_and_d_dominates(chapter, framework):
    """D(x), D(G(z)) olasılıktır; klasik DCGAN'da ayrımcı baskındır (metin söyler)."""
    rows = [
        tuple(map(float, m.groups()[1:]))
        for m in EPOCH_LINE.finditer(stored_text(chapter, 'egit', framework))
    ]
    for row in rows:
        assert all(0 <= p <= 1 for p in row[2:]), row
    loss_D, loss_G, real, fake, after = rows[-1]
    assert real > fake + 0.2 and real > after + 0.2, rows[-1]
    assert loss_D < 0.693 < loss_G, rows[-1]
    # Metin: son üç satırda D(x) 0.8'in üstünde, D(G(z)) 0.2'nin altında.
    for row in rows[-3:]:
        assert row[2] > 0.8 and row[3] < 0.2, row


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_trained_generator_beats_untrained_on_held_out_images(chapter, framework):
    def glue(name):
        return stored_glue(chapter, f'dcgan_{name}_{framework}')

    ratio = {}  # eğitilmiş / gerçek-gerçek
    for metric in ('swd', 'pswd'):
        trained, untrained, real = (
            glue(f'{metric}_{k}') for k in ('trained', 'untrained', 'real')
        )
        assert trained <= 0.7 * untrained, (metric, trained, untrained)
        assert real < trained, (metric, real, trained)
        ratio[metric] = trained / real
    # Metin: 16×16 SWD gerçek/gerçek değerinin dört kat dolayında, yama SWD'si
    # sekiz ile on katı arasında.
    assert 3.5 <= ratio['swd'] <= 4.5 and 8 <= ratio['pswd'] <= 10, ratio


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_sample_grids_are_stored(chapter, framework):
    for cid in ('ilerleme', 'anlik', 'ornekler', 'piramit'):
        assert has_image(chapter, cid, framework), (cid, framework)


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_block_shape_cells_are_checked(chapter, framework):
    """Blok ve ağ şekilleri nbval'in denetlediği hücrelerdedir ve formülle uyar."""
    s = SUFFIX[framework]
    channels_last = framework == 'tensorflow'
    for cid in (
        f'gblok-{s}',
        f'dblok-{s}',
        f'uretici-iz-{s}',
        f'ayrimci-iz-{s}',
        'boyut-g',
        'boyut-d',
    ):
        assert 'nbval-check-output' in cell(chapter, cid).metadata.get('tags', []), cid
    g = stored_text(chapter, f'gblok-{s}')
    d = stored_text(chapter, f'dblok-{s}')
    if channels_last:
        assert '(2, 32, 32, 20)' in g and '(2, 4, 4, 20)' in g and '(2, 8, 8, 20)' in d
    else:
        assert '(2, 20, 32, 32)' in g and '(2, 20, 4, 4)' in g and '(2, 20, 8, 8)' in d
    net_G = stored_text(chapter, f'uretici-iz-{s}')
    net_D = stored_text(chapter, f'ayrimci-iz-{s}')
    last_G = '(2, 32, 32, 3)' if channels_last else '(2, 3, 32, 32)'
    assert net_G.strip().splitlines()[-1].endswith(last_G)
    assert net_D.strip().splitlines()[-1].endswith('(2, 1, 1, 1)')
    first = net_D.strip().splitlines()
    assert first[0].startswith('Conv2') and first[1].startswith('LeakyReLU')


def test_shared_formula_cells(chapter):
    assert '16 -> 32' in stored_text(chapter, 'boyut-g')
    assert '1 -> 4' in stored_text(chapter, 'boyut-g')
    assert '16 -> 8' in stored_text(chapter, 'boyut-d')


def test_held_out_split_in_stored_output(chapter):
    text = stored_text(chapter, 'veri')
    assert 'eğitim: (1376, 32, 32, 3)' in text and 'ayrılmış: (417, 32, 32, 3)' in text


def test_reader_prose_does_not_talk_about_tests(chapter):
    for c in chapter.cells:
        if c.cell_type == 'markdown':
            assert not re.search(r'\btest', c.source, re.I), c.id


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_relu_exercise_solution_claims(chapter, framework):
    """Çözüm: sıradan ReLU'lu ayrımcı iki ölçütte de kötü ve daha baskın."""

    def glue(name):
        return stored_glue(chapter, f'dcgan_{name}_{framework}')

    assert glue('leaky_swd') == glue('swd_trained')  # aynı çalıştırma
    assert glue('relu_swd') > glue('leaky_swd')
    assert glue('relu_pswd') > glue('leaky_pswd')
    assert glue('relu_dx') > glue('leaky_dx') and glue('relu_dgz') < glue('leaky_dgz')


def test_relu_difference_against_the_frameworks_own_spread(chapter):
    """Çözüm: iki SWD satırında ReLU'nun farkı, sızıntılı ReLU'lu DCGAN'ın çerçeveden
    çerçeveye oynamasından büyüktür; ayrımcının çıktılarında ise onunla aynı
    büyüklüktedir (en az bir çerçevede oynamadan küçük, hiçbirinde üç katından
    büyük değil)."""
    for name in ('swd', 'pswd', 'dx', 'dgz'):
        leaky, relu = (
            [framework_glue(chapter, f'dcgan_{kind}_{name}', fw) for fw in FRAMEWORKS]
            for kind in ('leaky', 'relu')
        )
        spread = max(leaky) - min(leaky)
        diffs = [abs(r - k) for r, k in zip(relu, leaky)]
        if name in ('swd', 'pswd'):
            assert min(diffs) > spread, (name, diffs, spread)
        else:
            assert min(diffs) < spread and max(diffs) < 3 * spread, (diffs, spread)
