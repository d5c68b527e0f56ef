"""Önceden eğitilmiş ağırlık gerektirmeyen örnek kalitesi ölçütleri (yalnızca numpy).

Dilimlenmiş Wasserstein uzaklığı (sliced Wasserstein distance, SWD): iki örnek
kümesi rastgele birim yönlere izdüşürülür; her yönde tek boyutlu Wasserstein
uzaklığı sıralama ile tam olarak hesaplanır ve yönler üzerinden ortalanır.
"""
import numpy as np

__all__ = ['sliced_wasserstein', 'image_swd',
           'mode_counts', 'modes_covered', 'high_quality_share']


def _to_numpy(a):
    """numpy dizisi, ya da bir çerçeve tensörü (GPU'da olsa bile) -> float64 numpy."""
    if hasattr(a, 'asnumpy'):                      # MXNet NDArray
        a = a.asnumpy()
    elif hasattr(a, 'detach'):                     # PyTorch tensörü
        a = a.detach().cpu().numpy()
    return np.asarray(a, dtype=np.float64)         # numpy, TensorFlow (eager)


def _as_2d(a, name):
    a = _to_numpy(a)
    if a.ndim < 2:
        raise ValueError(f'{name} en az iki boyutlu olmalı, (N, D) ya da (N, H, W, C); '
                         f'gelen şekil: {a.shape}')
    return a.reshape(a.shape[0], -1)


def _wasserstein1_rows(px, py):
    """Her satır için iki deneysel dağılım arasındaki tam W1 uzaklığı.

    `px` (P, N), `py` (P, M): her satır bir yöndeki izdüşümler. W1 = ∫ |F - G| dt;
    F ve G birikimli dağılım işlevleri. Örnek sayıları farklı olabilir: iki küme
    birleştirilip sıralanır, her x noktası F'ye 1/N, her y noktası G'ye 1/M ekler.
    (Satırlar bellekte bitişik olduğundan sıralama sütunlara göre çok daha hızlıdır.)
    """
    n, m = px.shape[1], py.shape[1]
    if n == m:
        # Eşit sayıda örnekte en iyi eşleme, sıralı değerleri sırayla eşlemektir.
        return np.abs(np.sort(px, axis=1) - np.sort(py, axis=1)).mean(axis=1)
    values = np.concatenate([px, py], axis=1)
    weights = np.concatenate([np.full(n, 1.0 / n), np.full(m, -1.0 / m)])
    order = np.argsort(values, axis=1)
    sorted_values = np.take_along_axis(values, order, axis=1)
    cdf_gap = np.cumsum(weights[order], axis=1)[:, :-1]     # F - G, aralık başına
    return (np.abs(cdf_gap) * np.diff(sorted_values, axis=1)).sum(axis=1)


def sliced_wasserstein(x, y, num_projections=256, seed=0):
    """İki örnek kümesi arasındaki dilimlenmiş Wasserstein-1 uzaklığı.

    `x` (N, D) ve `y` (M, D) biçiminde (ya da (N, H, W, C) görüntüler; bunlar
    düzleştirilir). `seed` ile belirlenen `num_projections` tane rastgele birim
    yön θ çekilir (D boyutlu küre üzerinde düzgün). Her yönde izdüşümler
    θ·x ve θ·y arasındaki tek boyutlu W1 uzaklığı sıralamayla tam hesaplanır;
    N ≠ M ise birikimli dağılımlar arasındaki alan kullanılır, örnek atılmaz.
    Döndürülen değer bu uzaklıkların ortalamasıdır (W2'nin karekökü değil,
    W1'in ortalaması); dilimlenmiş uzaklık için bkz. bonneel2015sliced.

    Aynı `seed` aynı yönleri verir; iki model böylece aynı yönlerle
    karşılaştırılır. Uzaklık simetriktir ve aynı küme için sıfırdır.
    """
    x, y = _as_2d(x, 'x'), _as_2d(y, 'y')
    if x.shape[1] != y.shape[1]:
        raise ValueError(f'x ve y aynı boyutta olmalı: {x.shape[1]} != {y.shape[1]}')
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=(num_projections, x.shape[1]))
    theta /= np.linalg.norm(theta, axis=1, keepdims=True)
    return float(_wasserstein1_rows(theta @ x.T, theta @ y.T).mean())


def _pool_matrix(size, resolution):
    """(resolution, size) alan ortalaması matrisi: her satır bir çıktı hücresi."""
    edges = np.arange(resolution + 1) * size / resolution
    lo, hi = edges[:-1, None], edges[1:, None]
    pixel = np.arange(size)[None, :]
    overlap = np.clip(np.minimum(hi, pixel + 1) - np.maximum(lo, pixel), 0, None)
    return overlap / overlap.sum(axis=1, keepdims=True)


def _downsample(images, resolution):
    """NHWC görüntüleri `resolution`×`resolution` boyutuna alan ortalamasıyla indirir."""
    n, h, w, c = images.shape
    if resolution > min(h, w):
        raise ValueError(f'Çözünürlük ({resolution}) görüntüden ({h}×{w}) büyük olamaz.')
    if h % resolution == 0 and w % resolution == 0:
        # Boyut tam bölünüyorsa blok ortalaması: her çıktı pikseli bir k×k blok.
        return images.reshape(n, resolution, h // resolution,
                              resolution, w // resolution, c).mean(axis=(2, 4))
    rows, cols = _pool_matrix(h, resolution), _pool_matrix(w, resolution)
    return np.einsum('ih,nhwc,jw->nijc', rows, images, cols)


def image_swd(real, fake, resolution=16, num_projections=256, seed=0):
    """Görüntüler için dilimlenmiş Wasserstein-1 uzaklığı, düşük çözünürlükte.

    `real` ve `fake` NHWC biçiminde, [-1, 1] aralığında görüntüler (numpy dizisi
    ya da PyTorch, TensorFlow, MXNet tensörü; NCHW bir PyTorch tensörü önce
    `permute(0, 2, 3, 1)` ile NHWC yapılmalı). İkisi de `resolution`×
    `resolution` boyutuna alan ortalamasıyla indirilir (boyut tam bölünüyorsa
    tam blok ortalaması), düzleştirilir ve `sliced_wasserstein` ile
    karşılaştırılır. Küçük değer daha iyidir.
    """
    pooled = []
    for name, imgs in (('real', real), ('fake', fake)):
        imgs = _to_numpy(imgs)
        if imgs.ndim != 4 or imgs.shape[-1] not in (1, 3, 4):
            raise ValueError(f'{name} NHWC biçiminde olmalı (son eksen 1, 3 ya da 4 '
                             f'kanal); gelen şekil: {imgs.shape}. NCHW ise önce '
                             'eksenleri (0, 2, 3, 1) sırasına getirin.')
        pooled.append(_downsample(imgs, resolution))
    return sliced_wasserstein(pooled[0], pooled[1], num_projections, seed)


# --- Mod kapsamı ölçütleri (tuzaklar bölümü) -------------------------------------
# srivastava2017veegan ve metz2016unrolled'daki tanım: bir örnek, bir mod merkezine
# 3σ'dan yakınsa "yüksek kaliteli"dir ve o moda sayılır.

def mode_counts(samples, centers, std, n_std=3.0):
    """Her moda düşen örnek sayısı: merkezine `n_std`·`std`'den yakın örnekler.

    Bir örnek en yakın merkeze atanır ve yalnızca o uzaklık eşikten küçükse
    sayılır; dönen dizi (modlar,) biçimindedir.
    """
    samples, centers = _as_2d(samples, 'samples'), _as_2d(centers, 'centers')
    dist = np.linalg.norm(samples[:, None, :] - centers[None, :, :], axis=2)
    nearest = dist.argmin(axis=1)
    close = dist.min(axis=1) < n_std * std
    return np.bincount(nearest[close], minlength=centers.shape[0])


def modes_covered(samples, centers, std, min_share=0.01, n_std=3.0):
    """Kapsanan mod sayısı: örneklerin en az `min_share` kadarı 3σ içinde olan modlar."""
    counts = mode_counts(samples, centers, std, n_std)
    return int((counts >= min_share * len(_to_numpy(samples))).sum())


def high_quality_share(samples, centers, std, n_std=3.0):
    """Yüksek kaliteli örnek payı: herhangi bir mod merkezine 3σ'dan yakın örnekler."""
    counts = mode_counts(samples, centers, std, n_std)
    return float(counts.sum() / len(_to_numpy(samples)))

