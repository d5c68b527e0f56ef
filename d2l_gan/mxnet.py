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


# -- book/wgan.ipynb
class SNDense(nn.Block):
    """Spektral normalleştirilmiş tam bağlı katman: W / σ(W) (miyato2018spectral).

    σ(W), her eğitim adımında bir kez ilerletilen kuvvet yinelemesiyle kestirilir;
    u ve v vektörleri adımlar arasında saklanır.
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
    """`npx.relu` ile ReLU: MXNet 1.9'da ikinci türevi tanımlı olan biçim."""
    def forward(self, X):
        return npx.relu(X)


def mlp_critic(input_shape, hidden=(128, 128, 128), spectral_norm=False):
    """ReLU'lu tam bağlı eleştirmen: girdiyi düzleştirir, sınırsız tek puan verir.

    Ağırlıklar Glorot düzgün, sabit terimler sıfır başlar (üç çerçevede aynı).
    `Dense` girdiyi kendisi düzleştirir. Gradyan cezasının ikinci türevi için
    ağ hibritleştirilmez. `spectral_norm` ise katmanlar `SNDense` olur.
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


def gradient_penalty(net_D, X, fake_X):
    """WGAN-GP cezası: ara noktalarda (‖∇f(x̂)‖ - 1)²'nin ortalaması.

    x̂ = εx + (1 - ε)x̃, ε ~ U[0, 1] örnek başına. `autograd.record()` içinde
    çağrılır; gradyan `create_graph=True` ile alınır.
    """
    eps = mx.np.random.uniform(size=(X.shape[0],) + (1,) * (X.ndim - 1), ctx=X.ctx)
    X_hat = eps * X + (1 - eps) * fake_X
    X_hat.attach_grad()
    Y = net_D(X_hat)
    grad = autograd.grad(Y, [X_hat], head_grads=mx.np.ones_like(Y),
                         create_graph=True, retain_graph=True)[0].as_np_ndarray()
    norm = ((grad.reshape((X.shape[0], -1)) ** 2).sum(axis=1) + 1e-12) ** 0.5
    return ((norm - 1) ** 2).mean()


def update_critic(X, Z, net_D, net_G, trainer_D, clip=None, gp_weight=0.0):
    """Eleştirmeni bir adım günceller; W1 kestirimini (tek öğeli dizi) döndürür.

    Eleştirmen E[f(x)] - E[f(G(z))] farkını büyütür. `clip` verilirse adımdan
    sonra ağırlıklar kırpılır (WGAN); `gp_weight` > 0 ise gradyan cezası
    eklenir (WGAN-GP). Kayıp zaten ortalama olduğundan `step(1)`.
    """
    with autograd.record():
        fake_X = net_G(Z).detach()  # detach: G'ye gradyan gitmez
        w_estimate = net_D(X).mean() - net_D(fake_X).mean()
        loss_D = -w_estimate
        if gp_weight > 0:
            loss_D = loss_D + gp_weight * gradient_penalty(net_D, X, fake_X)
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


def wgan_trainers(method, net_D, net_G, lr=None):
    """'wgan' (kırpma), 'wgan-gp' ya da 'wgan-sn': eniyileştiriciler, adım ayarları."""
    if method == 'wgan':
        def make(net):
            return gluon.Trainer(net.collect_params(), 'rmsprop', {
                'learning_rate': lr or 5e-5, 'gamma1': 0.9, 'epsilon': 1e-7})
        step_args = {'clip': 0.01}
    else:
        def make(net):
            return gluon.Trainer(net.collect_params(), 'adam', {
                'learning_rate': lr or 1e-4, 'beta1': 0.0, 'beta2': 0.9,
                'epsilon': 1e-7})
        step_args = {'gp_weight': 10.0} if method == 'wgan-gp' else {}
    return make(net_D), make(net_G), step_args


def as_tensor(a):
    """numpy dizisini çerçevenin tensörüne çevirir."""
    return mx.np.array(a)


def train_probe(method, c, num_steps, batch_size, seed=0):
    """Derin bir eleştirmeni halka ile kaymış halkayı ayırmaya eğitir."""
    d2l.set_seed(seed)
    net_D = mlp_critic((2,), (256,) * 8, spectral_norm=method == 'wgan-sn')
    trainer_D, _, step_args = wgan_trainers(method, net_D, net_D)
    if method == 'wgan':
        clip_weights(net_D, c)
        step_args = {'clip': c}
    rng, identity = np.random.default_rng(seed), lambda Z: Z  # "üretici": x -> x
    for _ in range(num_steps):
        X, shifted = (as_tensor(a) for a in shifted_ring_batch(batch_size, rng))
        update_critic(X, shifted, net_D, identity, trainer_D, **step_args)
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


def ring_models(method, lr, latent_dim=64):
    """Halka deneyinin ağları, eniyileştiricileri ve eleştirmen adımı ayarları."""
    net_G, _ = d2l.ring_nets(latent_dim)
    net_D = mlp_critic((2,), spectral_norm=method == 'wgan-sn')
    if method == 'gan':
        trainer_D, trainer_G = (gluon.Trainer(net.collect_params(), 'adam', {
            'learning_rate': lr, 'beta1': 0.5, 'beta2': 0.999})
            for net in (net_D, net_G))
        return net_D, net_G, trainer_D, trainer_G, {}
    return (net_D, net_G, *wgan_trainers(method, net_D, net_G, lr))


def ring_step(method, X, Z, net_D, net_G, trainer_D, trainer_G, step_args):
    """Bir üretici adımı; WGAN türlerinde önce minigrup başına bir eleştirmen adımı.

    `X`, (n_critic, n, 2) biçiminde gerçek minigruplar; 'gan' yalnızca ilkini kullanır.
    """
    if method == 'gan':
        loss = gluon.loss.SigmoidBCELoss()
        d2l.update_D(X[0], Z, net_D, net_G, loss, trainer_D)
        return d2l.update_G(Z, net_D, net_G, loss, trainer_G)
    for X_critic in X:
        update_critic(X_critic, mx.np.random.normal(size=Z.shape), net_D, net_G,
                      trainer_D, **step_args)
    return update_generator(Z, net_D, net_G, trainer_G)


def train_ring(method, num_steps, batch_size, lr=1e-3, n_critic=5,
               latent_dim=64, num_snapshots=4, seed=0):
    """Halkada bir GAN ya da WGAN eğitir; [(adım, 2500 örnek), ...] döndürür."""
    d2l.set_seed(seed)
    net_D, net_G, trainer_D, trainer_G, step_args = ring_models(method, lr, latent_dim)
    rng, centers, snapshots = np.random.default_rng(seed), d2l.ring_centers(), []
    for step in range(1, num_steps + 1):
        X = d2l.ring_gaussians(n_critic * batch_size, seed=int(rng.integers(2 ** 31)))
        X = mx.np.array(X).reshape(n_critic, batch_size, 2)
        Z = mx.np.random.normal(size=(batch_size, latent_dim))
        ring_step(method, X, Z, net_D, net_G, trainer_D, trainer_G, step_args)
        for trainer in (trainer_D, trainer_G):  # doğrusal azalma
            trainer.set_learning_rate(lr * (1 - step / num_steps))
        if step % (num_steps // num_snapshots) == 0:
            fake = net_G(mx.np.random.normal(size=(2500, latent_dim))).asnumpy()
            snapshots.append((step, fake))
            modes = d2l.modes_covered(fake, centers, d2l.RING_STD)
            share = d2l.high_quality_share(fake, centers, d2l.RING_STD)
            print(f'{method} adım {step}: {modes}/8 mod, yüksek kaliteli pay '
                  f'{share:.3f}')
    return snapshots


def dirac_wgan(theta, psi, num_steps, lr, n_critic=5, clip=None, gp_weight=0.0):
    """Dirac-GAN'da WGAN adımlarının izi: (num_steps + 1, 2) numpy dizisi (θ, ψ).

    Eleştirmen f(x) = ψx, W1 kestirimi f(0) - f(θ) = -ψθ'yı `n_critic` adım
    büyütür: `clip` verilirse ψ [-clip, clip]'e kırpılır, `gp_weight` λ ise
    λ(|ψ| - 1)² cezası düşülür (her noktada ∇ₓf = ψ). Üretici -f(θ)'yı küçültür.
    """
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
