"""Teori bölümünün saklı çıktıları: sayısal özdeşlik ve ayrımcının D*'a uzaklığı."""

import re

import numpy as np
import pytest

from d2l_gan.frameworks import FRAMEWORKS
from stored import stored_chapter, stored_glue, stored_text


@pytest.fixture(scope='module')
def nb():
    return stored_chapter('teori')


def number(text, label):
    match = re.search(re.escape(label) + r'\s*=\s*(-?[0-9.]+)', text)
    assert match, f'saklı çıktıda "{label}" yok:\n{text}'
    return float(match.group(1))


def normal_pdf(x, mu, s):
    return np.exp(-0.5 * ((x - mu) / s) ** 2) / (s * np.sqrt(2 * np.pi))


def reference_value():
    """Bölümden bağımsız 2 JSD - log 4: başka bir aralık ve Simpson kuralıyla."""
    x = np.linspace(-12, 12, 240001)
    p = 0.5 * normal_pdf(x, -1.5, 0.5) + 0.5 * normal_pdf(x, 1.5, 0.5)
    q = normal_pdf(x, 0.0, 1.2)
    m = (p + q) / 2
    with np.errstate(divide='ignore', invalid='ignore', under='ignore'):
        f = 0.5 * np.where(p > 0, p * np.log(p / m), 0) + 0.5 * np.where(
            q > 0, q * np.log(q / m), 0
        )
    h = x[1] - x[0]
    jsd = h / 3 * (f[0] + f[-1] + 4 * f[1:-1:2].sum() + 2 * f[2:-1:2].sum())
    return 2 * jsd - np.log(4)


def test_value_identity_is_checked_and_correct(nb):
    text = stored_text(nb, 'izgara')
    v_star, identity = number(text, 'V(D*, G)'), number(text, '2 JSD - log 4')
    assert '|V - (2 JSD - log 4)| < 1e-6: True' in text
    assert v_star == identity
    # JSD ≥ 0 olduğundan V ≥ -log 4; ikisi de bağımsız bir hesapla uyuşur
    assert v_star > -np.log(4) + 0.1
    assert abs(v_star - reference_value()) < 1e-5, (v_star, reference_value())


def test_theorem_checks_hold(nb):
    text = stored_text(nb, 'ozellikler')
    assert 'JSD simetrik: True' in text and '0 <= JSD <= log 2: True' in text
    verdicts = re.findall(r'V < V\(D\*, G\): (\w+)', text)
    assert len(verdicts) == 5 and set(verdicts) == {'True'}, text


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_trained_discriminator_is_close_to_optimum(nb, framework):
    text = stored_text(nb, 'egit', framework)
    match = re.search(r'en büyük \|D - D\*\| \(bölgede\): ([0-9.]+)', text)
    assert match, f'{framework}: saklı çıktıda sapma yok'
    assert float(match.group(1)) < 0.05, f'{framework}: {match.group(0)}'
    assert stored_glue(nb, f'max_dev_{framework}') == float(match.group(1))
    verdict = stored_text(nb, 'sapma', framework).strip()
    assert verdict == 'en büyük |D - D*| < 0.05: True'


def test_checked_region_line(nb):
    region = stored_text(nb, 'bolge')
    assert re.search(r'karşılaştırma bölgesi: \[-2\.\d\d, 2\.\d\d\]', region), region


def test_saturating_gradient_numbers_in_the_k_exercise():
    """teori-ex-adim çözümünde yazan çıktı, çözümdeki kodun gerçekten verdiğidir."""
    x = np.linspace(-12, 12, 240001)
    dx = x[1] - x[0]
    p_data = 0.5 * normal_pdf(x, -1.5, 0.5) + 0.5 * normal_pdf(x, 1.5, 0.5)
    lines = []
    for shift in (0.0, 6.0):
        pg = normal_pdf(x, shift, 1.2)
        D = p_data / (p_data + pg)
        lines.append(
            f'üretici N({shift}, 1.2^2): doyan {(pg * D).sum() * dx:.4f}, '
            f'doymayan {(pg * (1 - D)).sum() * dx:.4f}'
        )
    exercises = next(
        c.source for c in stored_chapter('teori').cells if c.get('id') == 'alistirmalar'
    )
    for line in lines:
        assert line in exercises, line


def test_kl_exercise_claims(nb):
    """teori-ex-kl: ileri KL modu atlayan üreticiyi ağır cezalandırır; ters KL onu
    bağışlar (log 2 dolayında ve geniş üreticininkinden küçük); JSD ikisinin
    arasındadır; bu örnekte geniş üreticiyi seçer. Hesap numpy'dır (çerçeveler aynı)."""
    for name in ('kl_fwd_one', 'kl_rev_one', 'js_one', 'kl_fwd_wide', 'kl_rev_wide'):
        values = {stored_glue(nb, f'{name}_{fw}') for fw in FRAMEWORKS}
        assert len(values) == 1, (name, values)

    def g(name):
        return stored_glue(nb, f'{name}_pytorch')

    assert g('kl_fwd_one') > 10 * g('kl_fwd_wide'), (g('kl_fwd_one'), g('kl_fwd_wide'))
    assert abs(g('kl_rev_one') - np.log(2)) < 0.05 and g('kl_rev_one') < g(
        'kl_rev_wide'
    )
    assert g('js_wide') < g('js_one') < np.log(2)
    # Bölümün kendi çıktısıyla tutarlı: geniş üretici bölümdeki p_g'dir
    text = stored_text(nb, 'ozellikler')
    assert abs(number(text, 'JSD(p_veri || p_g)') - g('js_wide')) < 1e-3
    assert abs(number(text, 'KL(p_veri || p_g)') - g('kl_fwd_wide')) < 1e-3
    assert abs(number(text, 'KL(p_g || p_veri)') - g('kl_rev_wide')) < 1e-3


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_discriminator_needs_thousands_of_steps(nb, framework):
    """teori-ex-adim: sapma adım sayısıyla küçülür; 20 adımda büyük, 200 adımda hâlâ
    eşiğin üstünde, yalnızca 2000 adımda eşiğin (0.05) altında (üç tohumun hepsinde)."""
    dev = {
        n: tuple(
            stored_glue(nb, f'steps{n}_dev_{k}_{framework}') for k in ('min', 'max')
        )
        for n in (20, 200, 2000)
    }
    assert dev[20][0] > 0.2 and dev[20][0] > dev[200][1], dev
    assert dev[200][0] > 0.05 > dev[2000][1], dev
    # Tohum 0 ile 2000 adım bölümdeki eğitimin kendisidir
    assert dev[2000][0] <= stored_glue(nb, f'max_dev_{framework}') <= dev[2000][1], dev
