"""TensorFlow (Keras 3) yardımcıları: ``from d2l_gan import tensorflow as d2l``.

Yalnızca TensorFlow'u ve Keras'ı yükler; çerçeveden bağımsız yardımcılar (çizim,
zamanlama, oyuncak dağılımlar) buradan da kullanılabilir.
"""
import os

os.environ.setdefault('KERAS_BACKEND', 'tensorflow')  # Keras 3 TensorFlow ile çalışsın

import keras              # noqa: E402
import tensorflow as tf   # noqa: E402

from d2l_gan.utils import *      # noqa: E402,F401,F403
from d2l_gan.plotting import *   # noqa: E402,F401,F403
from d2l_gan.toy import *        # noqa: E402,F401,F403


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
    from d2l_gan.data import load_pokemon_array
    images = load_pokemon_array(size)
    if num_images is not None:
        images = images[:num_images]
    with tf.device(try_gpu() if device is None else device):
        X = tf.identity(tf.convert_to_tensor(images))
    return _Minibatches(X, batch_size)

