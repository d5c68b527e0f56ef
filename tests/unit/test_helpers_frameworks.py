"""Çerçeveye özgü yardımcıların testleri; her test üç çerçevede de koşar.

Aynı küçük ağlar (D: 2→4 tanh →1, G: 2→2) üç çerçevede de aynı numpy
ağırlıklarıyla kurulur; kayıplar ve bir SGD adımından sonraki ağırlıklar numpy ile
elle hesaplananlarla ve birbirleriyle karşılaştırılır.
"""

import contextlib
import importlib
import random
import types

import numpy as np
import pytest

from d2l_gan.frameworks import FRAMEWORKS, MODULES

pytestmark = pytest.mark.filterwarnings(
    'ignore::DeprecationWarning'
)  # MXNet'in uyarıları

LR = 0.5
NAMES_D, NAMES_G = ('W1', 'b1', 'W2', 'b2'), ('Wg', 'bg')


# --- Her çerçeve için küçük bir uyarlayıcı ---------------------------------------
# Ağırlıklar her yerde numpy sözlüğüdür; W'ler (girdi, çıktı) biçimindedir.


class TorchKit:
    def __init__(self):
        import torch

        self.fw, self.nn = torch, torch.nn
        self.d2l = importlib.import_module(f'd2l_gan.{MODULES["pytorch"]}')

    def nets(self, w):
        nn = self.nn
        D = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1))
        G = nn.Linear(2, 2)
        with self.fw.no_grad():
            for layer, W, b in (
                (D[0], 'W1', 'b1'),
                (D[2], 'W2', 'b2'),
                (G, 'Wg', 'bg'),
            ):
                layer.weight.copy_(self.fw.tensor(w[W].T))
                layer.bias.copy_(self.fw.tensor(w[b]))
        return D, G

    def weights(self, D, G):
        arrays = [p.detach().numpy().copy() for p in [*D.parameters(), *G.parameters()]]
        arrays[0], arrays[2], arrays[4] = arrays[0].T, arrays[2].T, arrays[4].T
        return dict(zip(NAMES_D + NAMES_G, arrays))

    @contextlib.contextmanager
    def gradient_probe(self, G):
        """Güncelleme sırasında G'nin parametrelerine gradyan ulaştı mı?"""
        yield lambda: any(p.grad is not None for p in G.parameters())

    def loss(self):
        return self.nn.BCEWithLogitsLoss()

    def trainer(self, net):
        return self.fw.optim.SGD(net.parameters(), lr=LR)

    def tensor(self, a):
        return self.fw.tensor(a)

    def numpy(self, t):
        return t.detach().cpu().numpy()

    def is_tensor(self, t):
        return isinstance(t, self.fw.Tensor)

    def random_draw(self):
        return self.fw.rand(3).tolist() + self.nn.Linear(2, 2).weight.flatten().tolist()

    def check_device(self, dev):
        assert isinstance(dev, self.fw.device)
        assert dev.type == ('cuda' if self.fw.cuda.is_available() else 'cpu')
        assert self.fw.zeros(2, device=dev).device.type == dev.type
        return dev.type == 'cpu'


class TensorFlowKit:
    def __init__(self):
        self.d2l = importlib.import_module(f'd2l_gan.{MODULES["tensorflow"]}')
        import keras
        import tensorflow as tf

        self.fw, self.keras = tf, keras

    def nets(self, w):
        layers = self.keras.layers
        D = self.keras.Sequential(
            [
                self.keras.Input((2,)),
                layers.Dense(4, activation='tanh'),
                layers.Dense(1),
            ]
        )
        G = self.keras.Sequential([self.keras.Input((2,)), layers.Dense(2)])
        D.set_weights([w[k] for k in NAMES_D])
        G.set_weights([w[k] for k in NAMES_G])
        return D, G

    def weights(self, D, G):
        return dict(zip(NAMES_D + NAMES_G, D.get_weights() + G.get_weights()))

    @contextlib.contextmanager
    def gradient_probe(self, G):
        """Keras gradyanı parametrede saklamaz; onun yerine güncellemenin açtığı her
        GradientTape'in izlediği değişkenler kaydedilir. G'nin ileri geçişi bant
        içinde yapılsaydı G'nin değişkenleri de izlenirdi ve gradyan alınabilirdi."""
        tf, watched = self.fw, []
        real = tf.GradientTape

        class RecordingTape(real):
            def __exit__(self, *exc):
                result = super().__exit__(*exc)
                watched.append({v.ref() for v in self.watched_variables()})
                return result

        tf.GradientTape = RecordingTape
        try:

            def reached():
                assert watched, 'güncelleme hiç GradientTape açmadı'
                # Keras değişkeninin TensorFlow karşılığı: .value
                return any(
                    v.value.ref() in tape
                    for tape in watched
                    for v in G.trainable_variables
                )

            yield reached
        finally:
            tf.GradientTape = real

    def loss(self):
        return self.keras.losses.BinaryCrossentropy(from_logits=True)

    def trainer(self, net):
        return self.keras.optimizers.SGD(learning_rate=LR)

    def tensor(self, a):
        return self.fw.constant(a)

    def numpy(self, t):
        return t.numpy()

    def is_tensor(self, t):
        return isinstance(t, self.fw.Tensor)

    def random_draw(self):
        dense = self.keras.layers.Dense(2)
        dense.build((None, 2))
        return (
            self.fw.random.uniform((3,)).numpy().tolist()
            + dense.kernel.numpy().ravel().tolist()
        )

    def check_device(self, dev):
        assert isinstance(dev, str)  # bağlam yöneticisi değil, aygıt adı
        gpu = bool(self.fw.config.list_physical_devices('GPU'))
        assert dev == ('/GPU:0' if gpu else '/CPU:0')
        with self.fw.device(dev):
            t = self.fw.zeros(2)
        assert t.device.endswith('device:' + dev[1:])
        return dev.startswith('/CPU')


class MXNetKit:
    def __init__(self):
        import mxnet as mx
        from mxnet import gluon

        self.fw, self.gluon = mx, gluon
        self.d2l = importlib.import_module(f'd2l_gan.{MODULES["mxnet"]}')
        self.array = mx.np.array
        self.array_type = mx.np.ndarray

    def nets(self, w):
        nn = self.gluon.nn
        D = nn.Sequential()
        D.add(nn.Dense(4, activation='tanh', in_units=2), nn.Dense(1, in_units=4))
        G = nn.Dense(2, in_units=2)
        D.initialize()
        G.initialize()
        for layer, W, b in ((D[0], 'W1', 'b1'), (D[1], 'W2', 'b2'), (G, 'Wg', 'bg')):
            layer.weight.set_data(self.array(w[W].T))
            layer.bias.set_data(self.array(w[b]))
        return D, G

    def weights(self, D, G):
        layers = (D[0], D[1], G)
        arrays = [
            a
            for layer in layers
            for a in (layer.weight.data().asnumpy().T, layer.bias.data().asnumpy())
        ]
        return dict(zip(NAMES_D + NAMES_G, arrays))

    @contextlib.contextmanager
    def gradient_probe(self, G):
        yield lambda: any(
            np.abs(p.grad().asnumpy()).sum() > 0 for p in G.collect_params().values()
        )

    def loss(self):
        return self.gluon.loss.SigmoidBCELoss()

    def trainer(self, net):
        return self.gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': LR})

    def tensor(self, a):
        return self.array(a, dtype=a.dtype)

    def numpy(self, t):
        return t.asnumpy()

    def is_tensor(self, t):
        return isinstance(t, self.array_type)

    def random_draw(self):
        dense = self.gluon.nn.Dense(2, in_units=2)
        dense.initialize()
        return (
            self.fw.np.random.uniform(size=3).asnumpy().tolist()
            + dense.weight.data().asnumpy().ravel().tolist()
        )

    def check_device(self, dev):
        assert isinstance(dev, self.fw.Context)
        gpu = self.fw.context.num_gpus() > 0
        assert dev.device_type == ('gpu' if gpu else 'cpu')
        assert self.fw.np.zeros(2, ctx=dev).ctx == dev
        return dev.device_type == 'cpu'


KITS = {'pytorch': TorchKit, 'tensorflow': TensorFlowKit, 'mxnet': MXNetKit}


@pytest.fixture(params=FRAMEWORKS)
def kit(request):
    return KITS[request.param]()


# --- numpy ile elle hesaplanan başvuru ------------------------------------------


def _problem():
    rng = np.random.default_rng(42)
    shapes = dict(W1=(2, 4), b1=(4,), W2=(4, 1), b2=(1,), Wg=(2, 2), bg=(2,))
    w = {k: rng.normal(size=s).astype(np.float32) for k, s in shapes.items()}
    X = rng.normal(1, 1, size=(8, 2)).astype(np.float32)
    Z = rng.normal(size=(8, 2)).astype(np.float32)
    return w, X, Z


def _softplus(x):
    return np.logaddexp(0, x)


def _ref_losses(w, X, Z):
    """(loss_D, loss_G): BCE-logit kayıplarının örnekler üzerinden ortalaması."""
    w = {k: v.astype(np.float64) for k, v in w.items()}
    D = lambda x: np.tanh(x @ w['W1'] + w['b1']) @ w['W2'] + w['b2']  # noqa: E731
    fake = D(Z @ w['Wg'] + w['bg'])
    loss_D = (_softplus(-D(X)).mean() + _softplus(fake).mean()) / 2  # etiket 1 ve 0
    loss_G = _softplus(-fake).mean()  # etiket 1
    return loss_D, loss_G


def _ref_step(w, X, Z, which, names, eps=1e-6):
    """Merkezi farklarla gradyan; `names` ağırlıklarına bir SGD adımı uygular."""
    idx = 0 if which == 'D' else 1
    new = {k: v.astype(np.float64) for k, v in w.items()}
    for k in names:
        grad = np.zeros_like(new[k])
        for i in np.ndindex(*new[k].shape):
            plus = {**w, k: w[k].astype(np.float64).copy()}
            minus = {**w, k: w[k].astype(np.float64).copy()}
            plus[k][i] += eps
            minus[k][i] -= eps
            grad[i] = (_ref_losses(plus, X, Z)[idx] - _ref_losses(minus, X, Z)[idx]) / (
                2 * eps
            )
        new[k] -= LR * grad
    return new


def _step(kit, which):
    """Bir güncelleme adımı: (döndürülen kayıp, adımdan sonraki ağırlıklar,
    G'ye gradyan ulaştı mı)."""
    w, X, Z = _problem()
    D, G = kit.nets(w)
    X_t, Z_t = kit.tensor(X), kit.tensor(Z)
    with kit.gradient_probe(G) as reached_G:
        if which == 'D':
            out = kit.d2l.update_D(X_t, Z_t, D, G, kit.loss(), kit.trainer(D))
        else:
            out = kit.d2l.update_G(Z_t, D, G, kit.loss(), kit.trainer(G))
        return out, kit.weights(D, G), reached_G()


def _assert_one_element_tensor(kit, out):
    assert not isinstance(out, (float, np.ndarray, np.floating))
    assert kit.is_tensor(out)
    assert kit.numpy(out).size == 1
    assert not getattr(out, 'requires_grad', False)  # PyTorch: hesap grafiği tutulmaz
    acc = kit.d2l.Accumulator(1)  # cihazda toplanır, sonra okunur
    acc.add(out)
    acc.add(out)
    assert abs(acc[0] - 2 * float(kit.numpy(out).ravel()[0])) < 1e-6


def _check_update_step(kit, which):
    w, X, Z = _problem()
    out, after, reached_G = _step(kit, which)
    _assert_one_element_tensor(kit, out)
    expected_loss = _ref_losses(w, X, Z)[0 if which == 'D' else 1]
    assert abs(float(kit.numpy(out).ravel()[0]) - expected_loss) < 1e-5

    trained, frozen = (NAMES_D, NAMES_G) if which == 'D' else (NAMES_G, NAMES_D)
    expected = _ref_step(w, X, Z, which, trained)
    for k in trained:
        assert not np.allclose(after[k], w[k]), f'{k} değişmedi'
        np.testing.assert_allclose(after[k], expected[k], atol=1e-5, err_msg=k)
    for k in frozen:
        np.testing.assert_array_equal(after[k], w[k], err_msg=f'{k} değişmemeliydi')
    # Ayrımcı adımında G'ye gradyan gitmez; üretici adımında gider (denetim işler).
    assert reached_G == (which == 'G'), "G'ye gradyan " + (
        'gitti' if reached_G else 'gitmedi'
    )


@pytest.mark.parametrize('which', ['D', 'G'])
def test_update_step_matches_numpy(kit, which):
    _check_update_step(kit, which)


def test_same_weights_give_same_loss_and_step_in_all_frameworks():
    """Kayıp ölçeği (ortalama) ve gradyan ölçeği üç çerçevede aynıdır."""
    results = {name: KITS[name]() for name in FRAMEWORKS}
    for which in ('D', 'G'):
        steps = {name: _step(k, which) for name, k in results.items()}
        losses = {
            name: float(results[name].numpy(out).ravel()[0])
            for name, (out, _, _) in steps.items()
        }
        assert max(losses.values()) - min(losses.values()) < 1e-5, losses
        ref = steps['pytorch'][1]
        for name, (_, after, _) in steps.items():
            for k in NAMES_D + NAMES_G:
                np.testing.assert_allclose(
                    after[k], ref[k], atol=1e-5, err_msg=f'{which}: {name} {k}'
                )


# --- set_seed, try_gpu, load_array ---------------------------------------------


def test_set_seed_is_reproducible(kit):
    def draw():
        return [random.random(), float(np.random.rand())] + kit.random_draw()

    kit.d2l.set_seed(0)
    first = draw()
    kit.d2l.set_seed(0)
    assert draw() == first
    kit.d2l.set_seed(1)
    other = draw()
    assert all(a != b for a, b in zip(first, other))


def test_try_gpu_returns_the_framework_device(kit):
    kit.check_device(kit.d2l.try_gpu())
    assert kit.check_device(kit.d2l.try_gpu(10_000))  # olmayan GPU: CPU


def _epoch(kit, batches):
    out = [[kit.numpy(t) for t in batch] for batch in batches]
    assert all(kit.is_tensor(t) for batch in batches for t in batch)
    return out


def test_load_array(kit):
    X = np.arange(40, dtype=np.float32).reshape(20, 2)
    y = np.arange(20, dtype=np.int64)
    ordered = kit.d2l.load_array((X, y), 8, is_train=False)
    for _ in range(2):  # yeniden yinelenebilir
        batches = _epoch(kit, list(ordered))
        assert [len(b) for b in batches] == [2, 2, 2]
        assert [len(b[0]) for b in batches] == [8, 8, 4]
        assert batches[0][0].dtype == np.float32 and batches[0][1].dtype == np.int64
        np.testing.assert_array_equal(np.concatenate([b[0] for b in batches]), X)
        np.testing.assert_array_equal(np.concatenate([b[1] for b in batches]), y)

    kit.d2l.set_seed(0)
    shuffled = kit.d2l.load_array((X, y), 8)
    orders = []
    for _ in range(2):
        batches = _epoch(kit, list(shuffled))
        Xs, ys = (np.concatenate([b[i] for b in batches]) for i in (0, 1))
        np.testing.assert_array_equal(Xs[:, 0], 2 * ys)  # satırlar eşleşik kalır
        assert sorted(ys) == list(range(20))
        orders.append(ys.tolist())
    assert orders[0] != list(range(20)) and orders[0] != orders[1]  # her dönem yeniden
    kit.d2l.set_seed(0)
    again = _epoch(kit, list(kit.d2l.load_array((X, y), 8)))
    assert np.concatenate([b[1] for b in again]).tolist() == orders[0]

    for (Xb,) in kit.d2l.load_array((X,), 8):  # tek dizi de demet verir
        assert kit.is_tensor(Xb) and Xb.shape[1] == 2


# Her modülün yalnızca kendi çerçevesini yüklediği, okur paketinin tekerleğinden
# kurulmuş yeni bir ortamda denetlenir: tests/tool/test_packaging.py.


# --- Etiketsiz hücrelerden kaydedilen işlevler çerçevenin d2l'sini görür ---------


def test_shared_helpers_call_the_frameworks_own_helpers(kit):
    """`ring_models` ortak bir hücrede yazılır ve `d2l.ring_nets`'i çağırır: üretici
    onu her çerçeve modülüne düz Python olarak yazar; pakette de, bölümdeki gibi, o
    çerçevenin ağlarını kurar."""
    for name in ('ring_models', 'train_probe', 'train_epochs', 'train_budget'):
        helper = getattr(kit.d2l, name)
        assert isinstance(helper, types.FunctionType), name
        assert helper.__module__ == kit.d2l.__name__, name
        assert helper.__globals__ is vars(kit.d2l), name
    net_D, net_G, *_ = kit.d2l.ring_models('wgan-gp', 1e-3, seed=0)
    fake = net_G(kit.tensor(np.zeros((4, 64), dtype=np.float32)))
    assert kit.is_tensor(fake) and kit.numpy(fake).shape == (4, 2)
    assert kit.numpy(net_D(fake)).shape == (4, 1)
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module('d2l_gan.common')  # ortak bir kopya yok
