"""`d2l_gan.metrics` testleri: cevabı bilinen sentetik verilerle."""

import math

import numpy as np
import pytest

from d2l_gan import metrics
from d2l_gan.metrics import image_swd, sliced_wasserstein


def mean_abs_coordinate(d):
    """Birim küre S^(d-1) üzerinde düzgün θ için E|θ_1| = Γ(d/2) / (√π Γ((d+1)/2))."""
    return math.exp(math.lgamma(d / 2) - math.lgamma((d + 1) / 2)) / math.sqrt(math.pi)


def test_mean_abs_coordinate_formula():
    assert mean_abs_coordinate(2) == pytest.approx(2 / math.pi)  # E|cos φ|
    assert mean_abs_coordinate(3) == pytest.approx(0.5)  # Archimedes
    theta = np.random.default_rng(1).normal(size=(200_000, 5))
    theta /= np.linalg.norm(theta, axis=1, keepdims=True)
    assert np.abs(theta[:, 0]).mean() == pytest.approx(mean_abs_coordinate(5), rel=0.01)


def test_one_dimensional_known_values():
    # D = 1: tek yön ±1, dilimlenmiş uzaklık sıradan W1'dir.
    assert sliced_wasserstein([[0.0], [1.0]], [[2.0], [3.0]]) == pytest.approx(2.0)
    # W1 (W2 olsaydı √2 çıkardı).
    assert sliced_wasserstein([[0.0], [0.0]], [[0.0], [2.0]]) == pytest.approx(1.0)
    # Farklı örnek sayıları: F - G = 1 - 1/4 aralık [0, 1) boyunca -> W1 = 3/4.
    assert sliced_wasserstein([[0.0]], [[0.0], [1.0], [1.0], [1.0]]) == pytest.approx(
        0.75
    )
    assert sliced_wasserstein([[0.0], [0.0], [1.0]], [[0.0], [1.0]]) == pytest.approx(
        1 / 6
    )


def test_identical_samples_give_zero():
    x = np.random.default_rng(0).normal(size=(300, 10))
    assert sliced_wasserstein(x, x) == 0.0
    assert sliced_wasserstein(x, x[::-1]) == pytest.approx(0.0, abs=1e-12)
    # Aynı deneysel dağılım, farklı örnek sayısı (her nokta iki kez).
    assert sliced_wasserstein(x, np.concatenate([x, x])) == pytest.approx(
        0.0, abs=1e-12
    )


@pytest.mark.parametrize('d', [2, 6, 20])
def test_shifted_gaussians_match_analytic_value(d):
    # N(0, I) ile N(μ, I): θ yönünde izdüşümler N(0, 1) ve N(θ·μ, 1), W1 = |θ·μ|.
    # Beklenen değer E|θ·μ| = |μ| E|θ_1|.
    rng = np.random.default_rng(d)
    n, shift = 4000, 1.5
    mu = np.zeros(d)
    mu[0] = shift
    x = rng.normal(size=(n, d))
    y = rng.normal(size=(n, d)) + mu
    expected = shift * mean_abs_coordinate(d)
    got = sliced_wasserstein(x, y, num_projections=1000)
    assert got == pytest.approx(expected, rel=0.08)


def test_monotone_in_shift_and_symmetric():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(2000, 4))
    z = rng.normal(size=(2000, 4))
    direction = np.array([1.0, -1.0, 0.5, 0.0])
    values = [sliced_wasserstein(x, z + s * direction) for s in (0, 0.25, 0.5, 1, 2)]
    assert all(a < b for a, b in zip(values, values[1:])), values
    y = z + direction
    assert sliced_wasserstein(x, y) == pytest.approx(
        sliced_wasserstein(y, x), abs=1e-12
    )
    assert sliced_wasserstein(x[:700], y) == pytest.approx(
        sliced_wasserstein(y, x[:700]), abs=1e-12
    )


def test_seed_reproducible_and_images_flattened():
    rng = np.random.default_rng(4)
    x, y = rng.normal(size=(50, 4, 4, 3)), rng.normal(size=(50, 4, 4, 3)) + 0.3
    a = sliced_wasserstein(x, y, seed=7)
    assert a == sliced_wasserstein(x, y, seed=7)
    assert a == sliced_wasserstein(x.reshape(50, -1), y.reshape(50, -1), seed=7)
    assert a != sliced_wasserstein(x, y, seed=8)


def test_dimension_mismatch_is_an_error():
    with pytest.raises(ValueError, match='boyut'):
        sliced_wasserstein(np.zeros((5, 3)), np.zeros((5, 4)))


# --- görüntüler ---------------------------------------------------------------------


def test_block_average_is_exact():
    img = np.arange(16, dtype=np.float64).reshape(1, 4, 4, 1)
    pooled = metrics._downsample(img, 2)
    np.testing.assert_array_equal(pooled[0, ..., 0], [[2.5, 4.5], [10.5, 12.5]])


@pytest.mark.parametrize('size', [64, 120, 30])
def test_pooling_keeps_constant_images_and_mean(size):
    rng = np.random.default_rng(size)
    const = np.full((2, size, size, 3), 0.25)
    np.testing.assert_allclose(metrics._downsample(const, 16), 0.25, rtol=0, atol=1e-12)
    img = rng.uniform(-1, 1, size=(2, size, size, 3))
    pooled = metrics._downsample(img, 16)
    assert pooled.shape == (2, 16, 16, 3)
    # Alan ortalaması görüntünün ortalamasını korur (her hücre eşit alan).
    np.testing.assert_allclose(
        pooled.mean(axis=(1, 2)), img.mean(axis=(1, 2)), atol=1e-12
    )


def test_image_swd_of_batch_with_itself_is_zero():
    imgs = (
        np.random.default_rng(5).uniform(-1, 1, size=(20, 64, 64, 3)).astype(np.float32)
    )
    assert image_swd(imgs, imgs) == 0.0


@pytest.mark.parametrize('size', [64, 120])
def test_image_swd_of_constant_images_matches_analytic_value(size):
    # İki sabit görüntü kümesi: 16×16×3 = 768 boyutta fark vektörü Δ·(1, ..., 1),
    # uzaklığı |Δ|·√768 ve beklenen değer |Δ|·√768·E|θ_1|.
    a = np.full((10, size, size, 3), -0.5, dtype=np.float32)
    b = np.full((10, size, size, 3), 0.3, dtype=np.float32)
    d = 16 * 16 * 3
    expected = 0.8 * math.sqrt(d) * mean_abs_coordinate(d)
    assert image_swd(a, b, num_projections=4000) == pytest.approx(expected, rel=0.05)


def test_image_swd_orders_quality():
    # Gerçek verinin bulanık kopyası, gürültüden daha yakın olmalı.
    rng = np.random.default_rng(6)
    real = np.clip(rng.normal(0, 0.5, size=(200, 32, 32, 3)).cumsum(axis=1) / 5, -1, 1)
    other = np.clip(rng.normal(0, 0.5, size=(200, 32, 32, 3)).cumsum(axis=1) / 5, -1, 1)
    noise = rng.uniform(-1, 1, size=(200, 32, 32, 3))
    same_dist = image_swd(real, other)
    assert same_dist < image_swd(real, noise)
    assert same_dist < image_swd(real, np.zeros_like(real))


def test_image_swd_rejects_channels_first():
    with pytest.raises(ValueError, match='NHWC'):
        image_swd(np.zeros((4, 3, 32, 32)), np.zeros((4, 3, 32, 32)))


class _FakeNDArray:
    """MXNet NDArray gibi: yalnızca `asnumpy` ile okunur."""

    def __init__(self, a):
        self._a = a

    def asnumpy(self):
        return self._a


def test_framework_tensors_are_accepted():
    torch = pytest.importorskip('torch')
    rng = np.random.default_rng(8)
    x = rng.uniform(-1, 1, size=(6, 32, 32, 3)).astype(np.float32)
    y = rng.uniform(-1, 1, size=(6, 32, 32, 3)).astype(np.float32)
    expected = image_swd(x, y)
    assert expected > 0
    assert image_swd(torch.tensor(x, requires_grad=True), torch.tensor(y)) == expected
    assert image_swd(_FakeNDArray(x), _FakeNDArray(y)) == expected


# --- çok ölçekli yama SWD'si ve en yakın komşular -----------------------------------


def test_laplacian_pyramid_reconstructs_and_has_expected_shapes():
    rng = np.random.default_rng(11)
    imgs = rng.uniform(-1, 1, size=(3, 64, 64, 3))
    levels = metrics.laplacian_pyramid(imgs, 3)
    assert [lv.shape for lv in levels] == [
        (3, 64, 64, 3),
        (3, 32, 32, 3),
        (3, 16, 16, 3),
    ]
    rec = levels[-1]
    for lv in reversed(levels[:-1]):
        rec = metrics._pyr_up(rec) + lv
    np.testing.assert_allclose(rec, imgs, atol=1e-12)
    # Sabit bir görüntünün ayrıntı düzeyleri sıfırdır (süzgeç sabiti korur).
    const = np.full((1, 32, 32, 3), 0.4)
    fine, coarse = metrics.laplacian_pyramid(const, 2)
    np.testing.assert_allclose(fine, 0, atol=1e-12)
    np.testing.assert_allclose(coarse, 0.4, atol=1e-12)


def test_laplacian_pyramid_rejects_odd_or_tiny_images():
    with pytest.raises(ValueError, match='küçük|tek'):
        metrics.laplacian_pyramid(np.zeros((1, 30, 30, 3)), 3)
    with pytest.raises(ValueError, match='NHWC'):
        metrics.laplacian_pyramid(np.zeros((1, 3, 64, 64)), 2)


def _smooth_images(rng, n, size=32):
    """Düzgün (alçak frekanslı) rastgele renkli görüntüler, [-1, 1]."""
    coarse = rng.uniform(-1, 1, size=(n, size // 8, size // 8, 3))
    return np.repeat(np.repeat(coarse, 8, axis=1), 8, axis=2)


def test_patch_swd_is_zero_for_identical_sets_and_sees_detail():
    rng = np.random.default_rng(12)
    real, other = _smooth_images(rng, 120), _smooth_images(rng, 120)
    same = metrics.patch_swd(real, real, num_levels=2)
    assert len(same) == 2 and max(same) == pytest.approx(0.0, abs=1e-12)
    base = np.mean(metrics.patch_swd(real, other, num_levels=2))
    # Dama tahtası deseni eklemek kaba görüntüyü değiştirmez ama ince düzeyi bozar.
    checker = (np.indices((32, 32)).sum(axis=0) % 2 * 2 - 1)[None, :, :, None] * 0.2
    noisy = np.clip(other + checker, -1, 1)
    assert np.mean(metrics.patch_swd(real, noisy, num_levels=2)) > 3 * base
    assert image_swd(real, noisy) < 2 * image_swd(real, other)  # kaba ölçüt görmez
    # Bulanıklaştırma da ince düzeyde görülür (ortak ölçekleme sayesinde).
    blurred = metrics._blur(metrics._blur(other))
    fine = metrics.patch_swd(real, blurred, num_levels=2)[0]
    assert fine > 2 * metrics.patch_swd(real, other, num_levels=2)[0]


def test_patch_swd_is_reproducible_and_seed_dependent():
    rng = np.random.default_rng(13)
    a, b = _smooth_images(rng, 40), _smooth_images(rng, 40)
    first = metrics.patch_swd(a, b, num_levels=2)
    assert first == metrics.patch_swd(a, b, num_levels=2)
    assert metrics.patch_swd(a, b, num_levels=2, seed=1) != metrics.patch_swd(
        a, b, num_levels=2, seed=2
    )


def test_nearest_neighbours_finds_copies_and_scales_as_rms():
    rng = np.random.default_rng(14)
    refs = rng.uniform(-1, 1, size=(30, 32, 32, 3))
    queries = refs[[7, 3, 29]]
    dist, idx = metrics.nearest_neighbours(queries, refs)
    assert list(idx) == [7, 3, 29]
    np.testing.assert_allclose(dist, 0, atol=1e-6)
    # Sabit bir kayma Δ, küçültmeden sonra da her pikselde Δ: RMS uzaklık |Δ|.
    flat = np.full((2, 32, 32, 3), -0.5)
    dist, idx = metrics.nearest_neighbours(flat + 0.3, flat, resolution=8)
    np.testing.assert_allclose(dist, 0.3, atol=1e-9)


# --- düz renk payı (flatness) ------------------------------------------------------


def test_flatness_of_flat_regions_noise_and_background():
    from d2l_gan.metrics import flatness

    flat = np.ones((2, 8, 8, 3))
    flat[:, 2:6, 2:6] = [-1.0, 0.2, 0.6]  # beyaz zeminde düz renkli bir kare
    assert flatness(flat) == 1.0
    rng = np.random.default_rng(0)
    speckle = np.ones((2, 8, 8, 3))
    speckle[:, 2:6, 2:6] = rng.uniform(-1, 0.5, size=(2, 4, 4, 3))
    assert flatness(speckle) < 0.2
    # Tek başına bir piksel: komşusu zemindir, aynı renkte komşusu yoktur.
    single = np.ones((1, 5, 5, 3))
    single[0, 2, 2] = -1
    assert flatness(single) == 0.0
    # Ön plan yoksa tanımsız; kenardaki piksel görüntü dışıyla eşleşmez.
    assert np.isnan(flatness(np.ones((1, 4, 4, 3))))
    corner = np.ones((1, 4, 4, 3))
    corner[0, 0, 0] = corner[0, 0, 1] = -1
    assert flatness(corner) == 1.0
