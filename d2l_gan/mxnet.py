"""MXNet (Gluon) yardımcıları: ``from d2l_gan import mxnet as d2l``.

Yalnızca MXNet'i yükler; çerçeveden bağımsız yardımcılar (çizim, zamanlama,
oyuncak dağılımlar) buradan da kullanılabilir. Kitap MXNet'in klasik `nd`
dizilerini kullanır.
"""
import random

import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd

from d2l_gan.utils import *      # noqa: F401,F403
from d2l_gan.plotting import *   # noqa: F401,F403
from d2l_gan.toy import *        # noqa: F401,F403


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

    Her grup, dizi başına bir dizi içerir; `is_train` ise her dönemde karıştırılır.
    """
    # Tek dizide de örnekler demet olsun ki `for (X,) in ...` her çerçevede çalışsın.
    dataset = gluon.data.ArrayDataset(*data_arrays).transform(lambda *row: row)
    return gluon.data.DataLoader(dataset, batch_size, shuffle=is_train)


def update_D(X, Z, net_D, net_G, loss, trainer_D):
    """Ayrımcıyı bir adım günceller ve ortalama kaybı (tek öğeli dizi) döndürür.

    Gerçek örnekler 1, üretilmiş örnekler 0 etiketini alır. `loss`, örnek başına
    kayıp veren `gluon.loss.SigmoidBCELoss()` gibi bir kayıptır; ağlar logit
    döndürür. `trainer_D.step(batch_size)` gradyanı örnek sayısına böler, yani
    gradyan ortalama kaybınkidir (PyTorch ve Keras ile aynı ölçek).
    """
    with autograd.record():
        real_Y = net_D(X)
        fake_Y = net_D(net_G(Z).detach())  # detach: G'ye gradyan gitmez
        loss_D = (loss(real_Y, nd.ones_like(real_Y))
                  + loss(fake_Y, nd.zeros_like(fake_Y))) / 2
    loss_D.backward()
    trainer_D.step(X.shape[0])
    return loss_D.mean()


def update_G(Z, net_D, net_G, loss, trainer_G):
    """Üreticiyi bir adım günceller ve ortalama kaybı (tek öğeli dizi) döndürür.

    Üretilmiş örnekler 1 etiketini alır (doymayan kayıp); `trainer_G` yalnızca
    G'nin parametrelerini tuttuğundan D değişmez.
    """
    with autograd.record():
        fake_Y = net_D(net_G(Z))
        loss_G = loss(fake_Y, nd.ones_like(fake_Y))
    loss_G.backward()
    trainer_G.step(Z.shape[0])
    return loss_G.mean()


class _Minibatches:
    """Bellekteki bir görüntü dizisinden karışık minigruplar (her dönemde yeniden)."""

    def __init__(self, images, batch_size):
        self.images = images
        self.batch_size = min(batch_size, images.shape[0])

    def __len__(self):
        return self.images.shape[0] // self.batch_size  # eksik son grup atlanır

    def __iter__(self):
        order = nd.random.shuffle(nd.arange(self.images.shape[0],
                                            ctx=self.images.context))
        for i in range(len(self)):
            yield self.images.take(order[i * self.batch_size:(i + 1) * self.batch_size])


def load_pokemon(batch_size, size=64, num_images=None, ctx=None):
    """Pokemon görüntülerinden minigrup yineleyicisi (NCHW, [-1, 1] aralığında).

    Görüntüler bir kez çözülüp tek bir `nd` dizisi olarak `ctx`'te (verilmezse
    `try_gpu()`) tutulur; her dönemde yeniden karıştırılır. `num_images` ilk bu
    kadar görüntüyü alır. Her grup tam `batch_size` örnektir; `len()` dönem
    başına grup sayısıdır.
    """
    from d2l_gan.data import load_pokemon_array
    images = load_pokemon_array(size)
    if num_images is not None:
        images = images[:num_images]
    ctx = try_gpu() if ctx is None else ctx
    return _Minibatches(nd.array(images.transpose(0, 3, 1, 2), ctx=ctx), batch_size)

