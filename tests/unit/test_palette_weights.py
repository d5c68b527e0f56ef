"""Paletli üretici üç çerçevede aynı ağdır: uzun eğitim betiğinin kaydettiği float16
diziler (`load_numpy_weights`) üç çerçevedeki ağa yüklenince aynı numpy gürültüsünden
(`noise_from`) aynı görüntüler çıkar. Küçük veri bölümünün "Daha uzun bir eğitim"
kısmı buna dayanır."""

import importlib

import numpy as np
import pytest

from d2l_gan.data import sha1sum
from d2l_gan.pretrained import load_book_weights

WIDTH, LATENT, COLORS = 4, 8, 5
pytestmark = pytest.mark.filterwarnings('ignore::DeprecationWarning')


def saved_arrays():
    """Betiğin yaptığı gibi: PyTorch ağının durum sözlüğü, float16."""
    import torch

    d2l = importlib.import_module('d2l_gan.torch')
    torch.manual_seed(0)
    net = d2l.make_G_small(WIDTH, LATENT, COLORS).cpu()
    return {
        k: v.detach().numpy().astype(np.float16) for k, v in net.state_dict().items()
    }


def images(framework, arrays, Z):
    d2l = importlib.import_module(f'd2l_gan.{framework}')
    net = d2l.make_G_small(WIDTH, LATENT, COLORS)
    d2l.load_numpy_weights(net, arrays)
    return d2l.generate(net, d2l.noise_from(Z))


@pytest.fixture(scope='module')
def reference():
    Z = np.random.default_rng(0).standard_normal((3, LATENT), np.float32)
    arrays = saved_arrays()
    return arrays, Z, images('torch', arrays, Z)


def test_pytorch_loads_its_own_float16_weights(reference):
    arrays, Z, expected = reference
    assert expected.shape == (3, 32, 32, 3)
    assert expected.std() > 0.01  # sıradan bir çıktı değil
    assert all(v.dtype == np.float16 for v in arrays.values())


@pytest.mark.parametrize('framework', ['tensorflow', 'mxnet'])
def test_pytorch_weights_give_the_same_images(framework, reference):
    arrays, Z, expected = reference
    np.testing.assert_allclose(images(framework, arrays, Z), expected, atol=1e-4)


def test_wrong_number_of_arrays_is_refused():
    arrays = saved_arrays()
    arrays.pop(next(reversed(arrays)))
    d2l = importlib.import_module('d2l_gan.tensorflow')
    with pytest.raises(ValueError):
        d2l.load_numpy_weights(d2l.make_G_small(WIDTH, LATENT, COLORS), arrays)


def test_book_weights_are_checked_against_their_sha1(tmp_path, monkeypatch):
    from d2l_gan import pretrained

    monkeypatch.setattr(pretrained, 'BOOK_WEIGHTS', tmp_path)
    with pytest.raises(pretrained.PretrainedError, match='bulunamadı'):
        load_book_weights('yok')
    np.savez(tmp_path / 'kucuk.npz', a=np.arange(3.0))
    digest = sha1sum(tmp_path / 'kucuk.npz')
    (tmp_path / 'kucuk.json').write_text(f'{{"sha1": "{digest}", "steps": 7}}')
    arrays, info = load_book_weights('kucuk')
    np.testing.assert_array_equal(arrays['a'], np.arange(3.0))
    assert info['steps'] == 7
    (tmp_path / 'kucuk.json').write_text('{"sha1": "0000", "steps": 7}')
    with pytest.raises(pretrained.PretrainedError, match='bozuk'):
        load_book_weights('kucuk')
