"""Önceden eğitilmiş ağırlık gerektirmeyen örnek kalitesi ölçütleri (yalnızca numpy).

Dilimlenmiş Wasserstein uzaklığı (sliced Wasserstein distance, SWD): iki örnek
kümesi rastgele birim yönlere izdüşürülür; her yönde tek boyutlu Wasserstein
uzaklığı sıralama ile tam olarak hesaplanır ve yönler üzerinden ortalanır.
"""

import numpy as np

__all__ = [
    'sliced_wasserstein',
    'image_swd',
    'laplacian_pyramid',
    'patch_swd',
    'flatness',
    'nearest_neighbours',
    'mode_counts',
    'modes_covered',
    'high_quality_share',
]


def _to_numpy(a):
    """numpy dizisi, ya da bir çerçeve tensörü (GPU'da olsa bile) -> float64 numpy."""
    if hasattr(a, 'asnumpy'):  # MXNet NDArray
        a = a.asnumpy()
    elif hasattr(a, 'detach'):  # PyTorch tensörü
        a = a.detach().cpu().numpy()
    return np.asarray(a, dtype=np.float64)  # numpy, TensorFlow (eager)


def _as_2d(a, name):
    a = _to_numpy(a)
    if a.ndim < 2:
        raise ValueError(
            f'{name} en az iki boyutlu olmalı, (N, D) ya da (N, H, W, C); '
            f'gelen şekil: {a.shape}'
        )
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
    cdf_gap = np.cumsum(weights[order], axis=1)[:, :-1]  # F - G, aralık başına
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
    """NHWC görüntüleri alan ortalamasıyla `resolution`×`resolution` indirir."""
    n, h, w, c = images.shape
    if resolution > min(h, w):
        raise ValueError(
            f'Çözünürlük ({resolution}) görüntüden ({h}×{w}) büyük olamaz.'
        )
    if h % resolution == 0 and w % resolution == 0:
        # Boyut tam bölünüyorsa blok ortalaması: her çıktı pikseli bir k×k blok.
        return images.reshape(
            n, resolution, h // resolution, resolution, w // resolution, c
        ).mean(axis=(2, 4))
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
            raise ValueError(
                f'{name} NHWC biçiminde olmalı (son eksen 1, 3 ya da 4 '
                f'kanal); gelen şekil: {imgs.shape}. NCHW ise önce '
                'eksenleri (0, 2, 3, 1) sırasına getirin.'
            )
        pooled.append(_downsample(imgs, resolution))
    return sliced_wasserstein(pooled[0], pooled[1], num_projections, seed)


def _nhwc(imgs, name):
    imgs = _to_numpy(imgs)
    if imgs.ndim != 4 or imgs.shape[-1] not in (1, 3, 4):
        raise ValueError(
            f'{name} NHWC biçiminde olmalı (son eksen 1, 3 ya da 4 '
            f'kanal); gelen şekil: {imgs.shape}'
        )
    return imgs


# --- Ayrıntıyı gören ölçüt: çok ölçekli yama SWD'si ------------------------------
# karras2018progressive, Ek D: görüntülerin Laplace piramidi; her düzeyden rastgele
# 7×7 yamalar; yamaların dağılımları düzey başına dilimlenmiş Wasserstein ile.

_BLUR = (
    np.array([1.0, 4.0, 6.0, 4.0, 1.0]) / 16
)  # 5 dokunuşlu binom (Gauss'a yakın) süzgeç


def _blur(images, scale=1.0):
    """NHWC görüntüleri ayrılabilir 5×5 binom süzgeçle bulanıklaştırır."""
    k = _BLUR * scale
    padded = np.pad(images, ((0, 0), (2, 2), (2, 2), (0, 0)), mode='reflect')
    h, w = images.shape[1:3]
    rows = sum(k[i] * padded[:, i : i + h] for i in range(5))
    return sum(k[j] * rows[:, :, j : j + w] for j in range(5))


def _pyr_down(images):
    return _blur(images)[:, ::2, ::2]


def _pyr_up(images):
    """Kenarı iki katına çıkarır: araya sıfırlar, ardından 4 katı ağırlıklı süzgeç."""
    n, h, w, c = images.shape
    up = np.zeros((n, 2 * h, 2 * w, c), dtype=images.dtype)
    up[:, ::2, ::2] = images
    return _blur(up, scale=2.0)


def laplacian_pyramid(images, num_levels=3):
    """NHWC görüntülerin Laplace piramidi: `num_levels` düzeyli liste, inceden kabaya.

    Her düzey bir Gauss düzeyiyle onun küçültülüp yeniden büyütülmüş halinin
    farkıdır, yani yalnızca o ölçekteki ayrıntıyı (kenar, doku) taşır; son düzey
    kalan kaba görüntüdür (64×64 için 3 düzey: 64, 32, 16 piksel). Düzeylerin
    toplamı (büyütülerek) görüntüyü tam olarak geri verir.
    """
    gauss = _nhwc(images, 'images')
    levels = []
    for _ in range(num_levels - 1):
        if min(gauss.shape[1:3]) < 8 or gauss.shape[1] % 2 or gauss.shape[2] % 2:
            raise ValueError(
                f'{num_levels} düzey için görüntü çok küçük ya da kenarı '
                f'tek: {gauss.shape[1:3]}'
            )
        smaller = _pyr_down(gauss)
        levels.append(gauss - _pyr_up(smaller))
        gauss = smaller
    levels.append(gauss)
    return levels


def _patches(level, per_image, size, rng):
    """Her görüntüden `per_image` rastgele `size`×`size` yama: (N·per_image, size²C)."""
    n, h, w, c = level.shape
    ys = rng.integers(0, h - size + 1, size=(n, per_image))
    xs = rng.integers(0, w - size + 1, size=(n, per_image))
    offs = np.arange(size)
    rows = (ys[..., None] + offs)[..., :, None]  # (n, p, size, 1)
    cols = (xs[..., None] + offs)[..., None, :]  # (n, p, 1, size)
    idx = np.arange(n)[:, None, None, None]
    return level[idx, rows, cols].reshape(n * per_image, -1)


def patch_swd(
    real,
    fake,
    num_levels=3,
    patches_per_image=64,
    patch_size=7,
    num_projections=256,
    seed=0,
):
    """Çok ölçekli yama SWD'si: düzey başına değerlerin listesi (ince düzey önce).

    `real` ve `fake` NHWC, [-1, 1] aralığında görüntülerdir. İkisinin de Laplace
    piramidi kurulur (`laplacian_pyramid`); her düzeyde her görüntüden aynı
    tohumla `patches_per_image` rastgele `patch_size`×`patch_size` yama alınır.
    Yamalar, iki kümenin birlikte hesaplanan kanal ortalaması ve standart
    sapmasıyla ölçeklenir (karras2018progressive her kümeyi kendi istatistiğiyle
    ölçekler; ortak ölçek bulanık, yani ayrıntısı sönük örnekleri de cezalandırır)
    ve `sliced_wasserstein` ile karşılaştırılır. Ortalamayı `np.mean` ile alın.
    """
    real, fake = _nhwc(real, 'real'), _nhwc(fake, 'fake')
    rng = np.random.default_rng
    result = []
    pyramids = laplacian_pyramid(real, num_levels), laplacian_pyramid(fake, num_levels)
    for level, (a, b) in enumerate(zip(*pyramids)):
        # Aynı tohum: iki kümede de yamalar aynı konumlardan alınır
        pa = _patches(a, patches_per_image, patch_size, rng(seed + level))
        pb = _patches(b, patches_per_image, patch_size, rng(seed + level))
        c = a.shape[-1]
        both = np.concatenate([pa, pb]).reshape(-1, patch_size * patch_size, c)
        mean, std = both.mean(axis=(0, 1)), both.std(axis=(0, 1)) + 1e-8
        pa = ((pa.reshape(len(pa), -1, c) - mean) / std).reshape(len(pa), -1)
        pb = ((pb.reshape(len(pb), -1, c) - mean) / std).reshape(len(pb), -1)
        result.append(sliced_wasserstein(pa, pb, num_projections, seed))
    return result


def flatness(images, tol=0.06, background=0.9):
    """Düz renk payı: ön plan piksellerinden, dört komşusundan en az biriyle aynı
    renkte olanların oranı.

    Piksel sanatı geniş, düz renk bölgelerinden oluşur; benekli ya da dokulu bir
    görüntüde komşu pikseller nadiren aynı renktedir. `images` NHWC, [-1, 1]
    aralığındadır. Renkler [0, 1]'e taşınır; en küçük kanalı `background`'dan küçük
    piksel ön plandır (beyaz zemin sayılmaz). İki pikselin her kanaldaki farkı
    `tol`'dan küçükse aynı renktir. Görüntü dışındaki komşular sayılmaz.
    """
    x = (np.clip(_nhwc(images, 'images'), -1, 1) + 1) / 2
    padded = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)), constant_values=np.nan)
    h, w = x.shape[1:3]
    same = np.zeros(x.shape[:3], dtype=bool)
    for dy, dx in ((0, 1), (2, 1), (1, 0), (1, 2)):
        neighbour = padded[:, dy : dy + h, dx : dx + w]
        with np.errstate(invalid='ignore'):
            same |= np.abs(neighbour - x).max(axis=-1) < tol
    foreground = x.min(axis=-1) < background
    return float(same[foreground].mean()) if foreground.any() else float('nan')


# --- Ezberleme denetimi: en yakın komşular --------------------------------------


def nearest_neighbours(queries, references, resolution=16):
    """Her sorgu görüntüsünün başvuru kümesindeki en yakın komşusu.

    İki küme de NHWC, [-1, 1] aralığındadır ve önce `resolution`×`resolution`
    boyutuna alan ortalamasıyla indirilir. Uzaklık piksel başına kök ortalama
    kare farktır (RMS; 0 özdeş görüntü, değerler [0, 2] aralığında). Dönen
    değerler: `(uzaklıklar, indeksler)`, ikisi de (sorgu sayısı,) biçiminde.
    """
    q = _downsample(_nhwc(queries, 'queries'), resolution).reshape(len(queries), -1)
    r = _downsample(_nhwc(references, 'references'), resolution)
    r = r.reshape(len(r), -1)
    sq = (q**2).sum(1)[:, None] + (r**2).sum(1)[None, :] - 2 * q @ r.T
    idx = sq.argmin(axis=1)
    best = np.maximum(sq[np.arange(len(q)), idx], 0)
    return np.sqrt(best / q.shape[1]), idx


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
    """Kapsanan mod sayısı: örneklerin en az `min_share` payı 3σ içinde olan modlar."""
    counts = mode_counts(samples, centers, std, n_std)
    return int((counts >= min_share * len(_to_numpy(samples))).sum())


def high_quality_share(samples, centers, std, n_std=3.0):
    """Yüksek kaliteli örnek payı: herhangi bir mod merkezine 3σ'dan yakın örnekler."""
    counts = mode_counts(samples, centers, std, n_std)
    return float(counts.sum() / len(_to_numpy(samples)))
