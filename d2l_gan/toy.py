"""Oyuncak dağılımlar ve onların ölçütleri (yalnızca numpy; çerçeveden bağımsız)."""

import numpy as np

__all__ = [
    'GAUSS_A',
    'GAUSS_B',
    'gaussian_2d',
    'gaussian_stats',
    'relative_error',
    'RING_MODES',
    'RING_RADIUS',
    'RING_STD',
    'ring_centers',
    'ring_gaussians',
]

# Temel GAN bölümünün hedef dağılımı: X ~ N(0, I), veri = X A + b.
# Ortalama b, kovaryans A^T A = [[1.01, 1.95], [1.95, 4.25]].
GAUSS_A = np.array([[1.0, 2.0], [-0.1, 0.5]])
GAUSS_B = np.array([1.0, 2.0])


def gaussian_2d(n=1000, seed=0, A=GAUSS_A, b=GAUSS_B):
    """N(b, A^T A) dağılımından `n` nokta (float32, şekil (n, 2))."""
    X = np.random.default_rng(seed).normal(size=(n, 2))
    return (X @ A + b).astype(np.float32)


def gaussian_stats(samples):
    """Örneklerin ortalaması ve (n - 1 ile bölünmüş) kovaryansı."""
    samples = np.asarray(samples, dtype=np.float64)
    if samples.ndim != 2 or samples.shape[0] < 2:
        raise ValueError(
            'En az iki satırlı (n, d) biçiminde örnek gerekir; '
            f'gelen şekil: {samples.shape}'
        )
    return samples.mean(axis=0), np.cov(samples, rowvar=False)


def relative_error(estimate, target):
    """Göreli Frobenius hatası ||estimate - target||_F / ||target||_F."""
    target = np.asarray(target, dtype=np.float64)
    return float(np.linalg.norm(np.asarray(estimate) - target) / np.linalg.norm(target))


# --- Tuzaklar bölümü: halka üzerinde 8 Gauss karışımı -------------------------------
# Halka deneyi (metz2016unrolled, srivastava2017veegan): yarıçapı 2 olan bir çemberin
# üzerine eşit aralıklarla dizilmiş 8 merkez, her birinde küçük standart sapma.
RING_MODES = 8
RING_RADIUS = 2.0
RING_STD = 0.05


def ring_centers(modes=RING_MODES, radius=RING_RADIUS):
    """Halkanın mod merkezleri: (modes, 2), ilki (radius, 0), saat yönünün tersine."""
    angles = 2 * np.pi * np.arange(modes) / modes
    return radius * np.stack([np.cos(angles), np.sin(angles)], axis=1)


def ring_gaussians(n, modes=RING_MODES, radius=RING_RADIUS, std=RING_STD, seed=0):
    """Halka karışımından `n` nokta (float32, (n, 2)); modlar eşit olasılıklı."""
    rng = np.random.default_rng(seed)
    which = rng.integers(0, modes, size=n)
    points = ring_centers(modes, radius)[which] + std * rng.normal(size=(n, 2))
    return points.astype(np.float32)
