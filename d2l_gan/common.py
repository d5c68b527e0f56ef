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


# -- book/wgan.ipynb
PROBE_SHIFT = np.array([0.5, 0.0], dtype=np.float32)


def shifted_ring_batch(n, rng):
    """Halkadan n örnek ve 0.5 sağa kaydırılmış halkadan n örnek (numpy, float32)."""
    real = d2l.ring_gaussians(n, seed=int(rng.integers(2 ** 31)))
    shifted = d2l.ring_gaussians(n, seed=int(rng.integers(2 ** 31))) + PROBE_SHIFT
    return real, shifted  # aralarındaki W1 tam 0.5


__all__ = [
    'PROBE_SHIFT',
    'shifted_ring_batch',
]
