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


def epoch_line(epoch, stats):
    """Bir dönemin satırı: kayıplar ve ayrımcının ortalama çıktıları."""
    loss_D, loss_G, real, fake, fake_after = stats
    return (f'dönem {epoch:3d}: kayıp_D {loss_D:.3f}, kayıp_G {loss_G:.3f}, '
            f'D(x) {real:.2f}, D(G(z)) {fake:.2f} -> {fake_after:.2f}')


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


R1_EVERY = 4


EMA_HALF_LIFE = 500


def r1_gamma(gamma, step):
    """Tembel R1: ceza her R1_EVERY adımda bir, R1_EVERY katı ağırlıkla eklenir."""
    return gamma * R1_EVERY if gamma > 0 and step % R1_EVERY == 0 else 0.0


def ema_beta(step, half_life=EMA_HALF_LIFE):
    """EMA katsayısı: yarılanma ömrü `half_life` adım; başta (t+1)/(t+10)."""
    return min(0.5 ** (1 / half_life), (1 + step) / (10 + step))


__all__ = [
    'image_grid',
    'show_images',
    'epoch_line',
    'plot_history',
    'quality',
    'CPUClock',
    'R1_EVERY',
    'EMA_HALF_LIFE',
    'r1_gamma',
    'ema_beta',
]
