"""Bölümlerin etiketsiz (çerçeveden bağımsız) hücrelerinde tanımlanıp sonraki
bölümlerde `d2l.ad` diye kullanılan yardımcılar.

İşaret satırının altı bölümlerin `#@save` işaretli ortak hücrelerinden üretilir
(bkz. d2l_gan/book/lib.py). Burada yalnızca numpy ve matplotlib vardır; her
çerçeve modülü bu adları yıldızlı içe aktarmayla sunar.
"""
import sys

import numpy as np  # noqa: F401

from d2l_gan.metrics import *  # noqa: F401,F403
from d2l_gan.plotting import *  # noqa: F401,F403
from d2l_gan.toy import *  # noqa: F401,F403
from d2l_gan.utils import *  # noqa: F401,F403

d2l = sys.modules[__name__]  # kaydedilen kod d2l.ad'ı bölümdeki gibi çağırır


# ---- Aşağısı bölümlerden üretilir (#@save); elle değiştirmeyin ----


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


INPUT_NORMS = {
    # RGB [0, 1] görüntü x -> (x - ortalama) / ölçek; üçüncü öğe: kanallar BGR'ye
    'imagenet': ((0.485, 0.456, 0.406), (0.229, 0.224, 0.225), False),
    'caffe': ((0.4811, 0.4575, 0.4079), (1 / 255, 1 / 255, 1 / 255), True)}


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


__all__ = [
    'VGG_CONFIGS',
    'relu_indices',
    'INPUT_NORMS',
    'FeatureNet',
]
