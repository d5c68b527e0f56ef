"""TensorFlow (Keras 3) yardımcıları: ``from d2l_gan import tensorflow as d2l``.

Yalnızca TensorFlow'u ve Keras'ı yükler; çerçeveden bağımsız yardımcılar (çizim,
zamanlama, oyuncak dağılımlar, ölçütler) buradan da kullanılabilir. İşaret
satırının altı bölümlerin `#@save` işaretli hücrelerinden üretilir (bkz.
d2l_gan/book/lib.py).
"""
import os
import sys

import numpy as np

os.environ.setdefault('KERAS_BACKEND', 'tensorflow')  # Keras 3 TensorFlow ile çalışsın

import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

from d2l_gan.common import *  # noqa: E402,F401,F403
from d2l_gan.data import load_pokemon_array  # noqa: E402
from d2l_gan.metrics import *  # noqa: E402,F401,F403
from d2l_gan.plotting import *  # noqa: E402,F401,F403
from d2l_gan.toy import *  # noqa: E402,F401,F403
from d2l_gan.utils import *  # noqa: E402,F401,F403

d2l = sys.modules[__name__]  # kaydedilen kod d2l.ad'ı bölümdeki gibi çağırır
FRAMEWORK = 'tensorflow'


def set_seed(seed):
    """Python'un `random`'ını, numpy'ı ve TensorFlow'u aynı tohumla başlatır."""
    keras.utils.set_random_seed(seed)  # üçünü birden tohumlar


def try_gpu(i=0):
    """Varsa i'inci GPU'nun, yoksa CPU'nun aygıt adı: `with tf.device(try_gpu()):`."""
    if len(tf.config.list_physical_devices('GPU')) > i:
        return f'/GPU:{i}'
    return '/CPU:0'


def load_array(data_arrays, batch_size, is_train=True):
    """numpy dizilerinden oluşan bir demet için minigrup yineleyicisi (`tf.data`).

    Her grup, dizi başına bir tensör içerir; `is_train` ise her dönemde karıştırılır.
    """
    dataset = tf.data.Dataset.from_tensor_slices(tuple(data_arrays))
    if is_train:
        dataset = dataset.shuffle(len(data_arrays[0]), reshuffle_each_iteration=True)
    return dataset.batch(batch_size).prefetch(tf.data.AUTOTUNE)


class _Minibatches:
    """Bellekteki bir görüntü tensöründen karışık minigruplar (her dönemde yeniden)."""

    def __init__(self, images, batch_size):
        self.images = images
        self.batch_size = min(batch_size, int(images.shape[0]))

    def __len__(self):
        return int(self.images.shape[0]) // self.batch_size  # eksik son grup atlanır

    def __iter__(self):
        with tf.device(self.images.device):
            order = tf.random.shuffle(tf.range(self.images.shape[0]))
            for i in range(len(self)):
                yield tf.gather(self.images,
                                order[i * self.batch_size:(i + 1) * self.batch_size])


def load_pokemon(batch_size, size=64, num_images=None, device=None):
    """Pokemon görüntülerinden minigrup yineleyicisi (NHWC, [-1, 1] aralığında).

    Görüntüler bir kez çözülüp tek bir tensör olarak `device`'ta (verilmezse
    `try_gpu()`) tutulur; her dönemde yeniden karıştırılır. `num_images` ilk
    bu kadar görüntüyü alır. Her grup tam `batch_size` örnektir (`tf.function`
    bir kez izlenir); `len()` dönem başına grup sayısıdır.
    """
    images = load_pokemon_array(size)
    if num_images is not None:
        images = images[:num_images]
    with tf.device(try_gpu() if device is None else device):
        X = tf.identity(tf.convert_to_tensor(images))
    return _Minibatches(X, batch_size)


# ---- Aşağısı bölümlerden üretilir (#@save); elle değiştirmeyin ----


# -- book/temel_gan.ipynb
def update_D(X, Z, net_D, net_G, loss, trainer_D):
    """Ayrımcıyı bir adım günceller ve kaybı (tek öğeli tensör, cihazda) döndürür.

    Gerçek örnekler 1, üretilmiş örnekler 0 etiketini alır. `loss` ortalama alan
    `keras.losses.BinaryCrossentropy(from_logits=True)` gibi bir kayıptır
    (Keras sırası: `loss(etiket, tahmin)`); ağlar logit döndürür.
    """
    fake_X = net_G(Z, training=True)  # GradientTape dışında: G'ye gradyan gitmez
    with tf.GradientTape() as tape:
        real_Y = net_D(X, training=True)
        fake_Y = net_D(fake_X, training=True)
        loss_D = (loss(tf.ones_like(real_Y), real_Y)
                  + loss(tf.zeros_like(fake_Y), fake_Y)) / 2
    grads = tape.gradient(loss_D, net_D.trainable_variables)
    trainer_D.apply_gradients(zip(grads, net_D.trainable_variables))
    return loss_D


def update_G(Z, net_D, net_G, loss, trainer_G):
    """Üreticiyi bir adım günceller ve kaybı (tek öğeli tensör, cihazda) döndürür.

    Üretilmiş örnekler 1 etiketini alır (doymayan kayıp); yalnızca G'nin
    değişkenlerinin gradyanı alındığından D değişmez.
    """
    with tf.GradientTape() as tape:
        fake_Y = net_D(net_G(Z, training=True), training=True)
        loss_G = loss(tf.ones_like(fake_Y), fake_Y)
    grads = tape.gradient(loss_G, net_G.trainable_variables)
    trainer_G.apply_gradients(zip(grads, net_G.trainable_variables))
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
    theta, psi = tf.Variable(float(theta)), tf.Variable(float(psi))

    def value():
        return -tf.math.softplus(psi * theta) - np.log(2.0)

    @tf.function
    def step():
        with tf.GradientTape() as tape:
            v = value()
        grad_theta, grad_psi = tape.gradient(v, [theta, psi])
        psi.assign_add(lr * (grad_psi - gamma * psi))  # ayrımcı: gradyan yükselişi
        if method == 'alternating':
            with tf.GradientTape() as tape:
                v = value()                             # yeni ψ ile
            grad_theta = tape.gradient(v, theta)
        theta.assign_sub(lr * grad_theta)               # üretici: gradyan inişi
        return tf.stack([theta, psi])

    path = [tf.stack([theta, psi])] + [step() for _ in range(num_steps)]
    return tf.stack(path).numpy()


def ring_nets(latent_dim=64, hidden=128, pack=1):
    """Halka deneyinin ağları: G (3 gizli katman), D (1 gizli katman, `pack` örnek).

    Ağırlıklar Glorot (Xavier) düzgün, sapmalar sıfır: üç çerçevede aynı
    (Keras'ın `Dense` varsayılanları).
    """
    dense = keras.layers.Dense
    net_G = keras.Sequential([keras.Input((latent_dim,)),
                              dense(hidden, activation='relu'),
                              dense(hidden, activation='relu'),
                              dense(hidden, activation='relu'), dense(2)])
    net_D = keras.Sequential([keras.Input((2 * pack,)),
                              dense(hidden, activation='relu'), dense(1)])
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
    trainer_D = keras.optimizers.Adam(learning_rate=lr_D, beta_1=0.5, beta_2=0.999)
    trainer_G = keras.optimizers.Adam(learning_rate=lr_G, beta_1=0.5, beta_2=0.999)
    loss = keras.losses.BinaryCrossentropy(from_logits=True)
    centers = tf.constant(ring_centers(), dtype=tf.float32)
    n = batch_size * pack

    def critic(X):  # `pack` örnek yan yana: (n * pack, 2) -> (n, 2 * pack)
        return net_D(tf.reshape(X, (-1, 2 * pack)), training=True)

    def sample(m):
        return net_G(tf.random.normal((m, latent_dim)), training=True)

    @tf.function
    def step_D(scale):
        trainer_D.learning_rate.assign(lr_D * scale)
        which = tf.random.uniform((n,), 0, len(ring_centers()), dtype=tf.int32)
        X = tf.gather(centers, which) + RING_STD * tf.random.normal((n, 2))
        fake_X = sample(n)  # GradientTape dışında: G'ye gradyan gitmez
        with tf.GradientTape() as tape:
            real_Y, fake_Y = critic(X), critic(fake_X)
            loss_D = (loss(tf.ones_like(real_Y), real_Y)
                      + loss(tf.zeros_like(fake_Y), fake_Y)) / 2
        grads = tape.gradient(loss_D, net_D.trainable_variables)
        trainer_D.apply_gradients(zip(grads, net_D.trainable_variables))
        return loss_D

    @tf.function
    def step_G(scale):
        trainer_G.learning_rate.assign(lr_G * scale)
        with tf.GradientTape() as tape:
            fake_Y = critic(sample(n))
            if g_loss == 'saturating':
                loss_G = -loss(tf.zeros_like(fake_Y), fake_Y)  # log(1 - D(G(z))) küçülür
            else:
                loss_G = loss(tf.ones_like(fake_Y), fake_Y)    # -log D(G(z)) küçülür
        grads = tape.gradient(loss_G, net_G.trainable_variables)
        trainer_G.apply_gradients(zip(grads, net_G.trainable_variables))
        return tf.linalg.global_norm(grads)

    log, snapshots = {'step': [], 'loss_D': [], 'grad_G': []}, []
    snap_at = {round(num_steps * (i + 1) / num_snapshots) for i in range(num_snapshots)}
    for step in range(1, d_warmup + num_steps + 1):
        scale = tf.constant(1 - (step - 1) / (d_warmup + num_steps) if decay else 1.0)
        loss_D = step_D(scale)
        if step <= d_warmup:
            continue
        grad_G = step_G(scale)
        t = step - d_warmup
        if t % log_every == 0 or t == 1:
            log['step'].append(t)
            log['loss_D'].append(loss_D)
            log['grad_G'].append(grad_G)
        if t in snap_at:
            snapshots.append((t, sample(2500).numpy()))
            if verbose:
                X = snapshots[-1][1]
                print(f'adım {t}: {modes_covered(X, ring_centers(), RING_STD)}/'
                      f'{RING_MODES} mod, yüksek kaliteli örnek payı '
                      f'%{100 * high_quality_share(X, ring_centers(), RING_STD):.0f}')
    log = {k: np.array([float(v) for v in vals]) for k, vals in log.items()}
    return {'log': log, 'snapshots': snapshots, 'samples': snapshots[-1][1]}


# -- book/wgan.ipynb
def mlp_critic(input_shape, hidden=(128, 128, 128), spectral_norm=False):
    """ReLU'lu tam bağlı eleştirmen: girdiyi düzleştirir, sınırsız tek puan verir.

    Ağırlıklar Glorot düzgün, sabit terimler sıfır başlar (Keras'ın `Dense`
    varsayılanları). `spectral_norm` ise her katmanın ağırlığı spektral
    normuna bölünür.
    """
    layers = [keras.Input(input_shape), keras.layers.Flatten()]
    for i, units in enumerate([*hidden, 1]):
        dense = keras.layers.Dense(units)
        if spectral_norm:
            dense = keras.layers.SpectralNormalization(dense)
        layers.append(dense)
        if i < len(hidden):
            layers.append(keras.layers.ReLU())
    return keras.Sequential(layers)


def clip_weights(net, c):
    """Ağın bütün parametrelerini [-c, c] aralığına kırpar (WGAN ağırlık kırpması)."""
    for var in net.trainable_variables:
        var.assign(tf.clip_by_value(var, -c, c))


def gradient_penalty(net_D, X, fake_X):
    """WGAN-GP cezası: ara noktalarda (‖∇f(x̂)‖ - 1)²'nin ortalaması.

    x̂ = εx + (1 - ε)x̃, ε ~ U[0, 1] örnek başına. Eleştirmen adımının
    GradientTape'i içinde çağrılır; iç kayıt yalnızca ∇f(x̂)'yi verir.
    """
    eps = tf.random.uniform([tf.shape(X)[0]] + [1] * (len(X.shape) - 1))
    X_hat = eps * X + (1 - eps) * fake_X
    with tf.GradientTape() as tape:
        tape.watch(X_hat)
        Y = net_D(X_hat, training=True)
    grad = tf.reshape(tape.gradient(Y, X_hat), [tf.shape(X)[0], -1])
    norm = tf.sqrt(tf.reduce_sum(grad ** 2, axis=1) + 1e-12)
    return tf.reduce_mean((norm - 1) ** 2)


def update_critic(X, Z, net_D, net_G, trainer_D, clip=None, gp_weight=0.0):
    """Eleştirmeni bir adım günceller; W1 kestirimini (cihazda) döndürür.

    Eleştirmen E[f(x)] - E[f(G(z))] farkını büyütür. `clip` verilirse adımdan
    sonra ağırlıklar kırpılır (WGAN); `gp_weight` > 0 ise gradyan cezası
    eklenir (WGAN-GP).
    """
    fake_X = net_G(Z, training=True)  # GradientTape dışında: G'ye gradyan gitmez
    with tf.GradientTape() as tape:
        w_estimate = (tf.reduce_mean(net_D(X, training=True))
                      - tf.reduce_mean(net_D(fake_X, training=True)))
        loss_D = -w_estimate
        if gp_weight > 0:
            loss_D += gp_weight * gradient_penalty(net_D, X, fake_X)
    grads = tape.gradient(loss_D, net_D.trainable_variables)
    trainer_D.apply_gradients(zip(grads, net_D.trainable_variables))
    if clip is not None:
        clip_weights(net_D, clip)
    return w_estimate


def update_generator(Z, net_D, net_G, trainer_G):
    """Üreticiyi bir adım günceller: -E[f(G(z))]'yi küçültür; kaybı döndürür."""
    with tf.GradientTape() as tape:
        loss_G = -tf.reduce_mean(net_D(net_G(Z, training=True), training=True))
    grads = tape.gradient(loss_G, net_G.trainable_variables)
    trainer_G.apply_gradients(zip(grads, net_G.trainable_variables))
    return loss_G


def wgan_trainers(method, net_D, net_G, lr=None):
    """'wgan' (kırpma), 'wgan-gp' ya da 'wgan-sn': eniyileştiriciler, adım ayarları."""
    if method == 'wgan':
        def make():
            return keras.optimizers.RMSprop(learning_rate=lr or 5e-5, rho=0.9,
                                            epsilon=1e-7)
        step_args = {'clip': 0.01}
    else:
        def make():
            return keras.optimizers.Adam(learning_rate=lr or 1e-4, beta_1=0.0,
                                         beta_2=0.9, epsilon=1e-7)
        step_args = {'gp_weight': 10.0} if method == 'wgan-gp' else {}
    return make(), make(), step_args


def as_tensor(a):
    """numpy dizisini çerçevenin tensörüne çevirir."""
    return tf.constant(a)


def train_probe(method, c, num_steps, batch_size, seed=0):
    """Derin bir eleştirmeni halka ile kaymış halkayı ayırmaya eğitir."""
    d2l.set_seed(seed)
    net_D = mlp_critic((2,), (256,) * 8, spectral_norm=method == 'wgan-sn')
    trainer_D, _, step_args = wgan_trainers(method, net_D, net_D)
    if method == 'wgan':
        clip_weights(net_D, c)
        step_args = {'clip': c}
    step = tf.function(update_critic)  # bir kez izlenir, sonra grafik olarak çalışır
    rng, identity = np.random.default_rng(seed), keras.layers.Identity()  # x -> x
    for _ in range(num_steps):
        X, shifted = (as_tensor(a) for a in shifted_ring_batch(batch_size, rng))
        step(X, shifted, net_D, identity, trainer_D, **step_args)
    return net_D


def layer_grad_norms(net, X):
    """Her doğrusal katmanın girdisinde ‖∂f/∂h‖'nin örnekler üzerinden ortalaması."""
    norms, h = [], X
    dense = (keras.layers.Dense, keras.layers.SpectralNormalization)
    for i, layer in enumerate(net.layers):
        if isinstance(layer, dense):
            with tf.GradientTape() as tape:
                tape.watch(h)
                out = h
                for rest in net.layers[i:]:
                    out = rest(out)
            norms.append(float(tf.reduce_mean(tf.norm(tape.gradient(out, h), axis=1))))
        h = layer(h)
    return norms


def ring_models(method, lr, latent_dim=64):
    """Halka deneyinin ağları, eniyileştiricileri ve eleştirmen adımı ayarları."""
    net_G, _ = d2l.ring_nets(latent_dim)
    net_D = mlp_critic((2,), spectral_norm=method == 'wgan-sn')
    if method == 'gan':
        trainer_D, trainer_G = (keras.optimizers.Adam(learning_rate=lr, beta_1=0.5)
                                for _ in range(2))
        return net_D, net_G, trainer_D, trainer_G, {}
    return (net_D, net_G, *wgan_trainers(method, net_D, net_G, lr))


def ring_step(method, X, Z, net_D, net_G, trainer_D, trainer_G, step_args):
    """Bir üretici adımı; WGAN türlerinde önce minigrup başına bir eleştirmen adımı.

    `X`, (n_critic, n, 2) biçiminde gerçek minigruplar; 'gan' yalnızca ilkini kullanır.
    """
    if method == 'gan':
        loss = keras.losses.BinaryCrossentropy(from_logits=True)
        d2l.update_D(X[0], Z, net_D, net_G, loss, trainer_D)
        return d2l.update_G(Z, net_D, net_G, loss, trainer_G)
    for i in range(X.shape[0]):
        update_critic(X[i], tf.random.normal(Z.shape), net_D, net_G, trainer_D,
                      **step_args)
    return update_generator(Z, net_D, net_G, trainer_G)


def train_ring(method, num_steps, batch_size, lr=1e-3, n_critic=5,
               latent_dim=64, num_snapshots=4, seed=0):
    """Halkada bir GAN ya da WGAN eğitir; [(adım, 2500 örnek), ...] döndürür."""
    d2l.set_seed(seed)
    net_D, net_G, trainer_D, trainer_G, step_args = ring_models(method, lr, latent_dim)
    step_fn = tf.function(ring_step)  # bir kez izlenir, sonra grafik olarak çalışır
    rng, centers, snapshots = np.random.default_rng(seed), d2l.ring_centers(), []
    for step in range(1, num_steps + 1):
        X = d2l.ring_gaussians(n_critic * batch_size, seed=int(rng.integers(2 ** 31)))
        X = tf.reshape(tf.constant(X), (n_critic, batch_size, 2))
        Z = tf.random.normal((batch_size, latent_dim))
        step_fn(method, X, Z, net_D, net_G, trainer_D, trainer_G, step_args)
        for trainer in (trainer_D, trainer_G):  # doğrusal azalma
            trainer.learning_rate.assign(lr * (1 - step / num_steps))
        if step % (num_steps // num_snapshots) == 0:
            fake = net_G(tf.random.normal((2500, latent_dim))).numpy()
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
    theta, psi = tf.Variable(float(theta)), tf.Variable(float(psi))

    @tf.function
    def step():
        for _ in range(n_critic):
            with tf.GradientTape() as tape:
                gain = -psi * theta - gp_weight * (tf.abs(psi) - 1) ** 2
            psi.assign_add(lr * tape.gradient(gain, psi))  # eleştirmen: yükseliş
            if clip is not None:
                psi.assign(tf.clip_by_value(psi, -clip, clip))
        with tf.GradientTape() as tape:
            loss = -psi * theta
        theta.assign_sub(lr * tape.gradient(loss, theta))  # üretici: iniş
        return tf.stack([theta, psi])

    path = [tf.stack([theta, psi])] + [step() for _ in range(num_steps)]
    return tf.stack(path).numpy()
