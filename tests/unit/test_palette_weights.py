"""Paletli üretici üç çerçevede aynı ağdır: PyTorch'un kaydettiği ağırlıklar
(`load_numpy_weights`) TensorFlow ve MXNet'teki ağa yüklenince aynı gürültüden aynı
görüntüler çıkar. Küçük bölümün "Daha uzun bir eğitim" kısmı buna dayanır."""

import importlib

import numpy as np
import pytest

from d2l_gan.data import sha1sum
from d2l_gan.pretrained import load_book_weights

WIDTH, LATENT, COLORS = 4, 8, 5
pytestmark = pytest.mark.filterwarnings('ignore::DeprecationWarning')


def torch_reference(Z):
    import torch

    d2l = importlib.import_module('d2l_gan.torch')
    torch.manual_seed(0)
    net = d2l.make_G_small(WIDTH, LATENT, COLORS).cpu()
    arrays = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    with torch.no_grad():
        out = net(torch.from_numpy(Z).reshape(len(Z), LATENT, 1, 1))
    return arrays, out.permute(0, 2, 3, 1).numpy()


def tensorflow_output(arrays, Z):
    import tensorflow as tf

    d2l = importlib.import_module('d2l_gan.tensorflow')
    net = d2l.make_G_small(WIDTH, LATENT, COLORS)
    d2l.load_numpy_weights(net, arrays)
    return net(tf.constant(Z.reshape(len(Z), 1, 1, LATENT))).numpy()


def mxnet_output(arrays, Z):
    import mxnet as mx

    d2l = importlib.import_module('d2l_gan.mxnet')
    net = d2l.make_G_small(WIDTH, LATENT, COLORS)
    d2l.load_numpy_weights(net, arrays)
    ctx = d2l.try_gpu()
    out = net(mx.np.array(Z.reshape(len(Z), LATENT, 1, 1), ctx=ctx))
    return out.transpose(0, 2, 3, 1).asnumpy()


@pytest.mark.parametrize('framework', ['tensorflow', 'mxnet'])
def test_pytorch_weights_give_the_same_images(framework):
    Z = np.random.default_rng(0).normal(size=(3, LATENT)).astype(np.float32)
    arrays, expected = torch_reference(Z)
    assert expected.shape == (3, 32, 32, 3)
    assert expected.std() > 0.01  # sıradan bir çıktı değil
    out = {'tensorflow': tensorflow_output, 'mxnet': mxnet_output}[framework](arrays, Z)
    np.testing.assert_allclose(out, expected, atol=1e-4)


def test_wrong_number_of_arrays_is_refused():
    arrays, _ = torch_reference(np.zeros((1, LATENT), np.float32))
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
