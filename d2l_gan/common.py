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


__all__ = [
    'ring_report',
    'print_ring',
    'plot_ring_snapshots',
]
