"""WGAN-GP cezasının parametrelere göre gradyanı üç çerçevede aynıdır.

Aynı numpy ağırlıklarıyla kurulan derin (4 gizli katmanlı) bir `mlp_critic`,
aynı ara noktalarda (‖∇f(x̂)‖ - 1)² cezasını verir; cezanın bütün ağırlıklara göre
gradyanı PyTorch'un `create_graph=True` ile bulduğuyla karşılaştırılır.

MXNet'te bölüm, ∇ₓf'yi `critic_input_grad` ile ileri işlemlerle kurar: MXNet
1.9.1'in `FullyConnected` ikinci türevi, gelen gradyana göre olan terimi sıfır
verir. Son test bu hatayı belgeler: `autograd.grad(create_graph=True)` yoluyla
cezanın gradyanı ilk katmandan sonraki ağırlıklara hiç ulaşmaz.
"""

import importlib

import numpy as np
import pytest

from d2l_gan.frameworks import MODULES

pytestmark = pytest.mark.filterwarnings('ignore::DeprecationWarning')

HIDDEN = (16, 16, 16, 16)


def weights(seed=0):
    rng = np.random.default_rng(seed)
    widths = [2, *HIDDEN, 1]
    return [
        (
            rng.normal(size=(n_out, n_in)).astype(np.float32) / np.sqrt(n_in),
            rng.normal(size=n_out).astype(np.float32) * 0.1,
        )
        for n_in, n_out in zip(widths[:-1], widths[1:])
    ]


def points(seed=1):
    return np.random.default_rng(seed).normal(size=(8, 2)).astype(np.float32)


def penalty_of(norm):
    return ((norm - 1) ** 2).mean()


def torch_grads(w, X):
    import torch

    d2l = importlib.import_module(f'd2l_gan.{MODULES["pytorch"]}')
    net = d2l.mlp_critic((2,), HIDDEN)
    linears = [m for m in net if isinstance(m, torch.nn.Linear)]
    with torch.no_grad():
        for layer, (W, b) in zip(linears, w):
            layer.weight.copy_(torch.from_numpy(W))
            layer.bias.copy_(torch.from_numpy(b))
    X_hat = torch.from_numpy(X).requires_grad_(True)
    (grad,) = torch.autograd.grad(net(X_hat).sum(), X_hat, create_graph=True)
    penalty = penalty_of(grad.norm(dim=1))
    penalty.backward()
    return penalty.item(), [layer.weight.grad.numpy() for layer in linears]


def mxnet_net(w):
    d2l = importlib.import_module(f'd2l_gan.{MODULES["mxnet"]}')
    net = d2l.mlp_critic((2,), HIDDEN)
    dense = [layer for layer in net if not isinstance(layer, d2l.ReLU)]
    for layer, (W, b) in zip(dense, w):
        layer.weight.set_data(d2l.mx.np.array(W))
        layer.bias.set_data(d2l.mx.np.array(b))
    return d2l, net, dense


def mxnet_grads(w, X, use_autograd_grad=False):
    d2l, net, dense = mxnet_net(w)
    mx, autograd = d2l.mx, d2l.autograd
    X_hat = mx.np.array(X)
    if use_autograd_grad:
        X_hat.attach_grad()
    with autograd.record():
        if use_autograd_grad:
            Y = net(X_hat)
            grad = autograd.grad(
                Y,
                [X_hat],
                head_grads=mx.np.ones_like(Y),
                create_graph=True,
                retain_graph=True,
            )[0].as_np_ndarray()
        else:
            grad = d2l.critic_input_grad(net, X_hat)
        penalty = penalty_of(((grad**2).sum(axis=1) + 1e-12) ** 0.5)
    penalty.backward()
    return float(penalty), [layer.weight.grad().asnumpy() for layer in dense]


def tensorflow_grads(w, X):
    import tensorflow as tf

    d2l = importlib.import_module(f'd2l_gan.{MODULES["tensorflow"]}')
    net = d2l.mlp_critic((2,), HIDDEN)
    kernels = [v for v in net.trainable_variables if len(v.shape) == 2]
    biases = [v for v in net.trainable_variables if len(v.shape) == 1]
    for kernel, bias, (W, b) in zip(kernels, biases, w):
        kernel.assign(W.T)
        bias.assign(b)
    X_hat = tf.constant(X)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            inner.watch(X_hat)
            Y = net(X_hat)
        grad = inner.gradient(Y, X_hat)
        penalty = tf.reduce_mean(
            (tf.sqrt(tf.reduce_sum(grad**2, axis=1) + 1e-12) - 1) ** 2
        )
    grads = outer.gradient(penalty, kernels)
    return float(penalty), [g.numpy().T for g in grads]


@pytest.fixture(scope='module')
def reference():
    w, X = weights(), points()
    return w, X, torch_grads(w, X)


@pytest.mark.parametrize('which', ['mxnet', 'tensorflow'])
def test_penalty_gradient_matches_pytorch(reference, which):
    w, X, (penalty, grads) = reference
    other = mxnet_grads(w, X) if which == 'mxnet' else tensorflow_grads(w, X)
    assert other[0] == pytest.approx(penalty, rel=1e-4)
    for i, (g_ref, g) in enumerate(zip(grads, other[1])):
        assert np.abs(g_ref).max() > 1e-4, i  # her katman cezayı görür
        np.testing.assert_allclose(g, g_ref, rtol=1e-3, atol=1e-5, err_msg=str(i))


def test_mxnet_second_order_of_fully_connected_stops_at_the_first_layer(reference):
    """MXNet 1.9.1: create_graph yolu yalnızca ilk katmana gradyan verir."""
    w, X, (penalty, grads) = reference
    value, mx_grads = mxnet_grads(w, X, use_autograd_grad=True)
    assert value == pytest.approx(penalty, rel=1e-4)  # cezanın değeri doğru
    np.testing.assert_allclose(mx_grads[0], grads[0], rtol=1e-3, atol=1e-5)
    for g in mx_grads[1:]:
        assert np.abs(g).max() == 0.0  # ama derin katmanlar hiç gradyan almaz
