"""MXNet (Gluon) yardımcıları: ``from d2l_gan import mxnet as d2l``.

Yalnızca MXNet'i yükler; çerçeveden bağımsız yardımcılar (çizim, zamanlama,
oyuncak dağılımlar, ölçütler) buradan da kullanılabilir. İşaret satırının altı
bölümlerin `#@save` işaretli hücrelerinden üretilir (bkz. d2l_gan/book/lib.py).

Kitap MXNet'in numpy uyumlu arayüzünü kullanır: diziler `mx.np`, sinir ağı
işlemleri `npx`'tedir ve bu modül içe aktarılınca `npx.set_np()` çağrılır
(Gluon blokları `mx.np` dizileri alıp döndürür). `np` adı kitabın her yerinde
gerçek numpy'dır; MXNet'in dizileri için `mx.np` yazılır. Kayıplar minigrup
üzerinden ortalanır (`.mean()`) ve `trainer.step(1)` ile adım atılır; böylece
kayıp ve gradyan ölçeği PyTorch ve Keras'takiyle aynıdır.
"""
import random
import sys

import mxnet as mx
import numpy as np
from mxnet import autograd, gluon, init, npx
from mxnet.gluon import nn

from d2l_gan.common import *  # noqa: F401,F403
from d2l_gan.data import load_pokemon_array
from d2l_gan.metrics import *  # noqa: F401,F403
from d2l_gan.plotting import *  # noqa: F401,F403
from d2l_gan.toy import *  # noqa: F401,F403
from d2l_gan.utils import *  # noqa: F401,F403

npx.set_np()
d2l = sys.modules[__name__]  # kaydedilen kod d2l.ad'ı bölümdeki gibi çağırır
FRAMEWORK = 'mxnet'


def set_seed(seed):
    """Python'un `random`'ını, numpy'ı ve MXNet'i aynı tohumla başlatır."""
    random.seed(seed)
    np.random.seed(seed)  # Gluon'un DataLoader'ı karıştırırken numpy'ı kullanır
    mx.random.seed(seed)


def try_gpu(i=0):
    """Varsa i'inci GPU'nun, yoksa CPU'nun `mx.Context`'ini döndürür."""
    return mx.gpu(i) if mx.context.num_gpus() > i else mx.cpu()


def load_array(data_arrays, batch_size, is_train=True):
    """numpy dizilerinden oluşan bir demet için minigrup yineleyicisi (DataLoader).

    Her grup, dizi başına bir `mx.np` dizisi içerir; `is_train` ise her dönemde
    karıştırılır.
    """
    # Tek dizide de örnekler demet olsun ki `for (X,) in ...` her çerçevede çalışsın.
    dataset = gluon.data.ArrayDataset(*data_arrays).transform(lambda *row: row)
    return gluon.data.DataLoader(dataset, batch_size, shuffle=is_train)


class _Minibatches:
    """Bellekteki bir görüntü dizisinden karışık minigruplar (her dönemde yeniden)."""

    def __init__(self, images, batch_size):
        self.images = images
        self.batch_size = min(batch_size, images.shape[0])

    def __len__(self):
        return self.images.shape[0] // self.batch_size  # eksik son grup atlanır

    def __iter__(self):
        order = mx.np.arange(self.images.shape[0], ctx=self.images.ctx)
        mx.np.random.shuffle(order)
        for i in range(len(self)):
            batch = order[i * self.batch_size:(i + 1) * self.batch_size]
            yield mx.np.take(self.images, batch.astype('int32'), axis=0)


def load_pokemon(batch_size, size=64, num_images=None, ctx=None, images=None):
    """Pokemon görüntülerinden minigrup yineleyicisi (NCHW, [-1, 1] aralığında).

    Görüntüler bir kez çözülüp tek bir `mx.np` dizisi olarak `ctx`'te (verilmezse
    `try_gpu()`) tutulur; her dönemde yeniden karıştırılır. `num_images` ilk bu
    kadar görüntüyü alır. `images` (NHWC numpy dizisi, [-1, 1]) verilirse klasör
    okunmaz, bu görüntüler kullanılır (ör. `split_held_out`'un eğitim kümesi).
    Her grup tam `batch_size` örnektir; `len()` dönem
    başına grup sayısıdır.
    """
    if images is None:
        images = load_pokemon_array(size)
    if num_images is not None:
        images = images[:num_images]
    ctx = try_gpu() if ctx is None else ctx
    return _Minibatches(mx.np.array(images.transpose(0, 3, 1, 2), ctx=ctx), batch_size)


# ---- Aşağısı bölümlerden üretilir (#@save); elle değiştirmeyin ----


# -- book/temel_gan.ipynb
def update_D(X, Z, net_D, net_G, loss, trainer_D):
    """Ayrımcıyı bir adım günceller ve ortalama kaybı (tek öğeli dizi) döndürür.

    Gerçek örnekler 1, üretilmiş örnekler 0 etiketini alır. `loss`, örnek başına
    kayıp veren `gluon.loss.SigmoidBCELoss()` gibi bir kayıptır; ağlar logit
    döndürür. Kayıp minigrup üzerinden ortalandığı için `step(1)` ile adım
    atılır: ölçek PyTorch ve Keras'takiyle aynıdır.
    """
    with autograd.record():
        real_Y = net_D(X)
        fake_Y = net_D(net_G(Z).detach())  # detach: G'ye gradyan gitmez
        loss_D = (loss(real_Y, mx.np.ones_like(real_Y))
                  + loss(fake_Y, mx.np.zeros_like(fake_Y))).mean() / 2
    loss_D.backward()
    trainer_D.step(1)
    return loss_D


def update_G(Z, net_D, net_G, loss, trainer_G):
    """Üreticiyi bir adım günceller ve ortalama kaybı (tek öğeli dizi) döndürür.

    Üretilmiş örnekler 1 etiketini alır (doymayan kayıp); `trainer_G` yalnızca
    G'nin parametrelerini tuttuğundan D değişmez.
    """
    with autograd.record():
        fake_Y = net_D(net_G(Z))
        loss_G = loss(fake_Y, mx.np.ones_like(fake_Y)).mean()
    loss_G.backward()
    trainer_G.step(1)
    return loss_G


# -- book/tuzaklar.ipynb
def dirac_gan(theta, psi, num_steps, lr, method='simultaneous', gamma=0.0):
    """Dirac-GAN'da gradyan adımlarının izi: (num_steps + 1, 2) numpy dizisi (θ, ψ).

    Gerçek veri 0'daki tek nokta, üretici tek sayı θ üretir, ayrımcı D(x) = ψx.
    Değer işlevi V(θ, ψ) = -log(1 + e^{ψθ}) - log 2; ayrımcı V - γψ²/2'yi
    büyütür (R1 cezası: gerçek veride ∇ₓD = ψ), üretici V'yi küçültür.
    `method`: 'simultaneous' (iki adım aynı noktadan) ya da 'alternating'
    (önce ayrımcı, sonra yeni ψ ile üretici).
    """
    theta, psi = mx.np.array([theta]), mx.np.array([psi])
    theta.attach_grad()
    psi.attach_grad()

    def value():
        with autograd.record():
            v = -npx.activation(psi * theta, act_type='softrelu') - np.log(2.0)
        v.backward()  # softrelu = log(1 + e^x), yani softplus

    path = [mx.np.concatenate([theta, psi])]
    for _ in range(num_steps):
        value()
        grad_theta, grad_psi = theta.grad.copy(), psi.grad.copy()
        psi[:] = psi + lr * (grad_psi - gamma * psi)   # ayrımcı: gradyan yükselişi
        if method == 'alternating':
            value()                                    # yeni ψ ile
            grad_theta = theta.grad.copy()
        theta[:] = theta - lr * grad_theta             # üretici: gradyan inişi
        path.append(mx.np.concatenate([theta, psi]))
    return mx.np.stack(path).asnumpy()


def ring_nets(latent_dim=64, hidden=128, pack=1):
    """Halka deneyinin ağları: G (3 gizli katman), D (1 gizli katman, `pack` örnek).

    Ağırlıklar Glorot (Xavier) düzgün, sapmalar sıfır: üç çerçevede aynı.
    """
    net_G, net_D = gluon.nn.HybridSequential(), gluon.nn.HybridSequential()
    net_G.add(gluon.nn.Dense(hidden, activation='relu', in_units=latent_dim),
              gluon.nn.Dense(hidden, activation='relu', in_units=hidden),
              gluon.nn.Dense(hidden, activation='relu', in_units=hidden),
              gluon.nn.Dense(2, in_units=hidden))
    net_D.add(gluon.nn.Dense(hidden, activation='relu', in_units=2 * pack),
              gluon.nn.Dense(1, in_units=hidden))
    for net in (net_G, net_D):
        net.initialize(mx.init.Xavier(rnd_type='uniform', factor_type='avg',
                                      magnitude=3))
        net.hybridize()
    return net_G, net_D


def train_ring_gan(num_steps, remedy=None, g_loss='non-saturating', lr_D=1e-3,
                   lr_G=1e-3, d_warmup=0, batch_size=256, pack=4, latent_dim=64,
                   decay=True, log_every=100, num_snapshots=4, seed=0,
                   verbose=False):
    """Halka verisinde bir GAN eğitir; kayıpları, G'nin gradyan normunu ve örnekleri döndürür.

    `remedy='pacgan'` ise ayrımcı `pack` örneği birlikte görür (lin2018pacgan).
    `g_loss`: 'non-saturating' (-log D(G(z))) ya da 'saturating' (log(1 - D(G(z)))).
    `d_warmup` adım boyunca yalnızca ayrımcı eğitilir (G sabit). `decay` ise
    öğrenme oranları doğrusal olarak sıfıra iner. Her `log_every` adımda D'nin
    kaybı ve G'nin gradyan normu kaydedilir (yalnızca o adımlarda ana belleğe
    kopyalanır); `num_snapshots` anda 2500 örnek saklanır ve `verbose` ise
o anki kapsanan mod sayısı ile yüksek kaliteli örnek payı yazdırılır.
    """
    set_seed(seed)
    pack = pack if remedy == 'pacgan' else 1
    net_G, net_D = ring_nets(latent_dim, pack=pack)
    adam = {'beta1': 0.5, 'beta2': 0.999}
    trainer_D = gluon.Trainer(net_D.collect_params(), 'adam', {'learning_rate': lr_D, **adam})
    trainer_G = gluon.Trainer(net_G.collect_params(), 'adam', {'learning_rate': lr_G, **adam})
    loss = gluon.loss.SigmoidBCELoss()  # örnek başına kayıp; .mean() ile ortalama
    centers = mx.np.array(ring_centers(), dtype='float32')
    n = batch_size * pack

    def critic(X):  # `pack` örnek yan yana: (n * pack, 2) -> (n, 2 * pack)
        return net_D(X.reshape((-1, 2 * pack)))

    def sample(m):
        return net_G(mx.np.random.normal(size=(m, latent_dim)))

    log, snapshots = {'step': [], 'loss_D': [], 'grad_G': []}, []
    snap_at = {round(num_steps * (i + 1) / num_snapshots) for i in range(num_snapshots)}
    for step in range(1, d_warmup + num_steps + 1):
        scale = 1 - (step - 1) / (d_warmup + num_steps) if decay else 1.0
        trainer_D.set_learning_rate(lr_D * scale)
        trainer_G.set_learning_rate(lr_G * scale)
        which = mx.np.random.randint(0, len(ring_centers()), size=(n,))
        X = centers[which] + RING_STD * mx.np.random.normal(size=(n, 2))
        fake_X = sample(n)
        with autograd.record():
            real_Y, fake_Y = critic(X), critic(fake_X)
            loss_D = (loss(real_Y, mx.np.ones_like(real_Y))
                      + loss(fake_Y, mx.np.zeros_like(fake_Y))).mean() / 2
        loss_D.backward()
        trainer_D.step(1)  # kayıp zaten ortalama
        if step <= d_warmup:
            continue
        with autograd.record():
            fake_Y = critic(sample(n))
            if g_loss == 'saturating':
                loss_G = -loss(fake_Y, mx.np.zeros_like(fake_Y)).mean()  # log(1 - D(G(z)))
            else:
                loss_G = loss(fake_Y, mx.np.ones_like(fake_Y)).mean()    # -log D(G(z))
        loss_G.backward()
        t = step - d_warmup
        if t % log_every == 0 or t == 1:
            log['step'].append(t)
            log['loss_D'].append(loss_D)
            log['grad_G'].append(mx.np.sqrt(sum((p.grad() ** 2).sum()
                                             for p in net_G.collect_params().values())))
        trainer_G.step(1)
        if t in snap_at:
            snapshots.append((t, sample(2500).asnumpy()))
            if verbose:
                X = snapshots[-1][1]
                print(f'adım {t}: {modes_covered(X, ring_centers(), RING_STD)}/'
                      f'{RING_MODES} mod, yüksek kaliteli örnek payı '
                      f'%{100 * high_quality_share(X, ring_centers(), RING_STD):.0f}')
    log = {k: np.array([v if isinstance(v, int) else v.item() for v in vals])
           for k, vals in log.items()}
    return {'log': log, 'snapshots': snapshots, 'samples': snapshots[-1][1]}
