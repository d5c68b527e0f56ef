"""Bölümlerin etiketsiz (çerçeveden bağımsız) hücrelerinde tanımlanıp sonraki
bölümlerde `d2l.ad` diye kullanılan yardımcılar.

İşaret satırının altı bölümlerin `#@save` işaretli ortak hücrelerinden üretilir
(bkz. d2l_gan/book/lib.py). Burada yalnızca numpy ve matplotlib vardır; her
çerçeve modülü bu adları yıldızlı içe aktarmayla sunar.
"""
import sys
import time  # noqa: F401 (kaydedilen kod kullanır)

import numpy as np  # noqa: F401

from d2l_gan.metrics import *  # noqa: F401,F403
from d2l_gan.plotting import *  # noqa: F401,F403
from d2l_gan.toy import *  # noqa: F401,F403
from d2l_gan.utils import *  # noqa: F401,F403

d2l = sys.modules[__name__]  # kaydedilen kod d2l.ad'ı bölümdeki gibi çağırır


# ---- Aşağısı bölümlerden üretilir (#@save); elle değiştirmeyin ----


# -- book/tuzaklar.ipynb
def ring_report(samples):
    """Halka örneklerinin ölçütleri (sözlük).

    `modes`: kapsanan mod sayısı, `hq`: yüksek kaliteli örnek payı, `top`: en
    yakın merkezi en kalabalık merkez olan örneklerin payı, `radius`: örneklerin
    halkanın merkezine ortalama uzaklığı (gerçek veride 2).
    """
    centers = d2l.ring_centers()
    nearest = np.linalg.norm(samples[:, None] - centers, axis=2).argmin(axis=1)
    return {'modes': d2l.modes_covered(samples, centers, d2l.RING_STD),
            'hq': d2l.high_quality_share(samples, centers, d2l.RING_STD),
            'top': np.bincount(nearest, minlength=len(centers)).max() / len(samples),
            'radius': float(np.linalg.norm(samples, axis=1).mean())}


def print_ring(label, samples):
    """Örneklerin ölçütlerini `label` ile başlayan tek bir satırda yazar."""
    r = ring_report(samples)
    print(f'{label}: {r["modes"]}/{d2l.RING_MODES} mod, yüksek kaliteli '
          f'%{100 * r["hq"]:.1f}, en kalabalık merkezde %{100 * r["top"]:.1f}, '
          f'ortalama yarıçap {r["radius"]:.2f}')


def plot_ring_snapshots(snapshots, title):
    """Anlık görüntülerdeki örnekleri modların 3σ çemberleriyle yan yana çizer.

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
        ax.set_title(f'adım {step}: {ring_report(X)["modes"]}/8 mod', fontsize='small')
        ax.set(xlim=(-lim, lim), ylim=(-lim, lim), aspect='equal')
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc='lower center', ncol=2, markerscale=4,
               fontsize='small')
    fig.suptitle(title, fontsize='medium')
    fig.tight_layout(rect=(0, 0.08, 1, 1))


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
    'ring_report',
    'print_ring',
    'plot_ring_snapshots',
    'VGG_CONFIGS',
    'relu_indices',
    'INPUT_NORMS',
    'FeatureNet',
]
