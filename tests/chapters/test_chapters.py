"""Bölümlerin saklı içeriği üzerine testler; Temel GAN bölümünün metnindeki iddialar."""

import math
import re

import numpy as np
import pytest

from d2l_gan.frameworks import FRAMEWORKS
from d2l_gan.toy import GAUSS_A, GAUSS_B
from kitap.config import chapter_notebooks
from stored import ROOT, stored_chapter, stored_glue, stored_text

LOG2 = math.log(2)
EPOCH = re.compile(r'dönem +(\d+): kayıp_D ([0-9.]+), kayıp_G ([0-9.]+), ε ([0-9.]+)')


def test_every_chapter_is_covered_by_test_params():
    """Her bölümün testlerde küçültülmüş ayarları vardır (tam ayar CI'da uzun sürer)."""
    for chapter in chapter_notebooks(ROOT):
        assert (ROOT / 'tests' / 'params' / f'{chapter.stem}.yml').is_file(), chapter


# Yazarken konan, ölçümle doldurulacak yer tutucular (ör. MINIGRUP_SONUC) ve TODO
PLACEHOLDER = re.compile(
    r'\b[A-ZÇĞİÖŞÜ]+_(?:SONUC|YORUM|SAYI|DEGER)\b|\bTODO\b|\bXXX\b'
)


def test_no_unfilled_placeholder_in_prose():
    """Metinde doldurulmamış yer tutucu (ör. bir çözümün ölçülmemiş sonucu) kalmaz."""
    for chapter in chapter_notebooks(ROOT):
        nb = stored_chapter(chapter.stem)
        for cell in nb.cells:
            if cell.cell_type == 'markdown':
                found = PLACEHOLDER.findall(cell.source)
                assert not found, (chapter.stem, cell.get('id'), found)


EXERCISE = re.compile(r'^```\{exercise\}(.*)$', re.M)
MARK = re.compile(r'^ (★{1,3})(☆{0,2}) · (kod|kâğıt kalem)$')


def test_every_exercise_is_marked_for_difficulty_and_kind():
    """Her alıştırmanın başlığı zorluğu (★☆☆-★★★) ve kod isteyip istemediğini söyler."""
    for chapter in chapter_notebooks(ROOT):
        nb = stored_chapter(chapter.stem)
        for cell in nb.cells:
            if cell.cell_type != 'markdown':
                continue
            for title in EXERCISE.findall(cell.source):
                mark = MARK.match(title)
                assert mark and len(mark[1] + mark[2]) == 3, (chapter.stem, title)


@pytest.fixture(scope='module')
def temel():
    return stored_chapter('temel_gan')


def epochs(nb, cell_id, framework):
    """Eğitim hücresinin dönem satırları: [(dönem, kayıp_D, kayıp_G, ε), ...]."""
    rows = [
        (int(e), float(d), float(g), float(err))
        for e, d, g, err in EPOCH.findall(stored_text(nb, cell_id, framework))
    ]
    assert rows, f'{framework}: {cell_id} hücresinde dönem satırı yok'
    return rows


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_temel_gan_learns_mean_and_covariance(temel, framework):
    """Kovaryansın göreli hatası < 0.15; öğrenilen ortalama b'ye yakın."""
    error = stored_glue(temel, f'cov_error_{framework}')
    assert error < 0.15, framework
    text = stored_text(temel, 'rapor-cagri', framework)
    assert f'kovaryansın göreli Frobenius hatası: {error:.3f}' in text
    mean = re.search(r'öğrenilen ortalama: \[\s*([-0-9.]+)\s+([-0-9.]+)\]', text)
    assert mean, f'{framework}: saklı çıktıda öğrenilen ortalama yok'
    # Ortalamanın hedeften uzaklığı, hedefin kendi kovaryansıyla ölçülür (Mahalanobis):
    # yarım standart sapmadan az
    offset = np.array([float(mean.group(1)), float(mean.group(2))]) - GAUSS_B
    target = GAUSS_A.T @ GAUSS_A
    assert offset @ np.linalg.solve(target, offset) < 0.5**2, (framework, offset)


def test_temel_gan_data_error_is_what_the_text_says(temel):
    """Verinin kendi örnek kovaryansının hatası: denetlenen çıktı ve glue kaydı aynı."""
    text = stored_text(temel, 'olcu')
    match = re.search(r'hatası: ([0-9.]+)', text)
    assert match, f'saklı çıktıda verinin kovaryans hatası yok: {text!r}'
    value = float(match.group(1))
    assert 0 < value < 0.05
    for framework in FRAMEWORKS:
        assert stored_glue(temel, f'data_error_{framework}') == value


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_temel_gan_losses_approach_log2_from_both_sides(temel, framework):
    """Kayıplar başta log 2'den uzaktır (D altında, G üstünde), ilk yarıda hep o
    taraflarda kalır ve son dönemlerde ikisi de log 2'nin yakınındadır."""
    rows = epochs(temel, 'egit', framework)
    loss_D = [r[1] for r in rows]
    loss_G = [r[2] for r in rows]
    assert loss_D[0] < LOG2 - 0.15 and loss_G[0] > LOG2 + 0.3, rows[0]
    half = len(rows) // 2
    assert all(d < LOG2 for d in loss_D[:half]), loss_D
    assert all(g > LOG2 for g in loss_G[:half]), loss_G
    for loss in (loss_D, loss_G):
        assert all(abs(v - LOG2) < 0.03 for v in loss[-3:]), loss
    assert stored_glue(temel, f'final_error_{framework}') == rows[-1][3]


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_temel_gan_longer_training_does_not_keep_improving(temel, framework):
    """Sabit öğrenme oranıyla 100 dönem: en iyi an ilk yirmi dönemdedir, son 50
    dönemin ortalama hatası en iyi değerin iki katından fazladır, kayıplar ise log 2'de
    kalır."""
    rows = epochs(temel, 'uzun', framework)
    assert rows[-1][0] == 100, rows[-1]
    best = stored_glue(temel, f'long_best_{framework}')
    best_epoch = stored_glue(temel, f'long_best_epoch_{framework}')
    late = stored_glue(temel, f'long_late_{framework}')
    final = stored_glue(temel, f'long_final_{framework}')
    assert rows[-1][3] == final
    assert late > 2 * best, (best, late)
    assert 1 <= best_epoch <= 20, best_epoch  # metin: 'ilk yirmi döneminde'
    text = stored_text(temel, 'uzun-ozet', framework)
    assert f'en küçük ε {best:.3f} ({best_epoch}. dönem)' in text
    assert f'son 50 dönemin ortalaması {late:.3f}' in text
    # Kayıplar bu sırada log 2 dolayındadır: ayrımcı farkı göremez
    assert all(abs(r[1] - LOG2) < 0.02 for r in rows[-5:]), rows[-5:]


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_temel_gan_equilibrium_exercise_claims(temel, framework):
    """temel-gan-ex-denge: son üç dönemde iki kayıp da log 2'den 0.01'den az farklıdır;
    son dönemin ε'u ve 10 000 örnekle ölçülen ε, verinin kendi örnek kovaryansının
    hatasıyla aynı büyüklüktedir (üç kattan az fark)."""
    rows = epochs(temel, 'egit', framework)
    for _, loss_D, loss_G, _ in rows[-3:]:
        assert abs(loss_D - LOG2) < 0.01 and abs(loss_G - LOG2) < 0.01, rows[-3:]
    data_error = stored_glue(temel, f'data_error_{framework}')
    for name in ('final_error', 'cov_error'):
        error = stored_glue(temel, f'{name}_{framework}')
        assert data_error / 3 < error < 3 * data_error, (name, error, data_error)


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_temel_gan_losses_end_at_log2(temel, framework):
    """temel-gan-ex-denge: son dönemde iki kayıp da log 2'den 0.01'den az farklıdır."""
    last = epochs(temel, 'egit', framework)[-1]
    assert abs(last[1] - LOG2) < 0.01 and abs(last[2] - LOG2) < 0.01, last


def test_temel_gan_more_discriminator_steps_do_not_help(temel):
    """temel-gan-ex-k: PyTorch'ta k'nin etkisi tohumlar arasındaki farktan küçüktür;
    TensorFlow'da ve MXNet'te k = 5'in ortalaması daha kötüdür, ama tohumlar arasındaki
    fark ortalamalar arasındaki farktan küçük değildir; k = 5 daha uzun sürer."""

    def k(name, framework):
        return stored_glue(temel, f'{name}_{framework}')

    effect = abs(k('k5_err_mean', 'pytorch') - k('k1_err_mean', 'pytorch'))
    assert effect < 0.02
    assert k('k1_err_max', 'pytorch') - k('k1_err_min', 'pytorch') > effect
    for framework in ('tensorflow', 'mxnet'):
        diff = k('k5_err_mean', framework) - k('k1_err_mean', framework)
        spread = max(
            k(f'k{n}_err_max', framework) - k(f'k{n}_err_min', framework)
            for n in (1, 5)
        )
        assert 0 < diff <= spread, (framework, diff, spread)
    for framework in FRAMEWORKS:  # duvar saati: yalnızca k = 5'in daha uzun sürdüğü
        assert k('k5_time_ratio', framework) > 1
