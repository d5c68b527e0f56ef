"""Halka verisi (d2l_gan.toy) ve mod kapsamı ölçütlerinin (d2l_gan.metrics) testleri.

Girdiler, yanıtı elle bilinen nokta kümeleridir.
"""

import numpy as np
import pytest

from d2l_gan.metrics import high_quality_share, mode_counts, modes_covered
from d2l_gan.toy import RING_MODES, RING_RADIUS, RING_STD, ring_centers, ring_gaussians

CENTERS = ring_centers()


def test_ring_centers_lie_on_the_circle_at_equal_angles():
    assert CENTERS.shape == (RING_MODES, 2) == (8, 2)
    np.testing.assert_allclose(np.linalg.norm(CENTERS, axis=1), RING_RADIUS)
    np.testing.assert_allclose(CENTERS[0], [2.0, 0.0], atol=1e-12)
    # saat yönünün tersine
    np.testing.assert_allclose(CENTERS[2], [0.0, 2.0], atol=1e-12)
    gaps = np.linalg.norm(CENTERS - np.roll(CENTERS, 1, axis=0), axis=1)
    np.testing.assert_allclose(gaps, 2 * RING_RADIUS * np.sin(np.pi / 8))


def test_samples_exactly_at_three_modes():
    X = np.repeat(CENTERS[[0, 3, 5]], 100, axis=0)
    assert modes_covered(X, CENTERS, RING_STD) == 3
    assert high_quality_share(X, CENTERS, RING_STD) == 1.0
    np.testing.assert_array_equal(
        mode_counts(X, CENTERS, RING_STD), [100, 0, 0, 100, 0, 100, 0, 0]
    )


def test_points_at_the_origin_cover_nothing():
    X = np.zeros((50, 2))
    assert modes_covered(X, CENTERS, RING_STD) == 0
    assert high_quality_share(X, CENTERS, RING_STD) == 0.0


def test_three_sigma_boundary():
    direction = np.array([0.6, 0.8])  # birim vektör
    inside = CENTERS[1] + 2.99 * RING_STD * direction
    outside = CENTERS[1] + 3.01 * RING_STD * direction
    X = np.stack([inside, outside])
    assert high_quality_share(X, CENTERS, RING_STD) == 0.5
    np.testing.assert_array_equal(
        mode_counts(X, CENTERS, RING_STD), [0, 1, 0, 0, 0, 0, 0, 0]
    )


def test_min_share_threshold():
    # 199 örnek mod 0'da, 1 örnek mod 4'te: 1/200 = %0.5
    X = np.concatenate([np.repeat(CENTERS[:1], 199, axis=0), CENTERS[4:5]])
    assert modes_covered(X, CENTERS, RING_STD) == 1  # eşik %1
    assert modes_covered(X, CENTERS, RING_STD, min_share=0.005) == 2
    assert high_quality_share(X, CENTERS, RING_STD) == 1.0


def test_uniform_circle_has_full_coverage_but_low_quality():
    # Çember üzerine düzgün: açı farkı < 2·arcsin(3σ / 2R);
    # her modun yayı bunun iki katı.
    angles = np.linspace(0, 2 * np.pi, 100_000, endpoint=False)
    X = RING_RADIUS * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    expected = 8 * 4 * np.arcsin(3 * RING_STD / (2 * RING_RADIUS)) / (2 * np.pi)
    assert modes_covered(X, CENTERS, RING_STD) == 8
    assert high_quality_share(X, CENTERS, RING_STD) == pytest.approx(expected, abs=1e-3)


def test_ring_gaussians_match_the_mixture():
    X = ring_gaussians(20_000, seed=3)
    assert X.shape == (20_000, 2) and X.dtype == np.float32
    np.testing.assert_array_equal(X, ring_gaussians(20_000, seed=3))
    assert not np.array_equal(X, ring_gaussians(20_000, seed=4))
    counts = mode_counts(X, CENTERS, RING_STD)
    assert modes_covered(X, CENTERS, RING_STD) == 8
    assert counts.min() > 0.1 * len(X)  # modlar eşit olasılıklı (~%12.5)
    # 2B Gauss'ta P(|x - μ| < 3σ) = 1 - exp(-9/2) ≈ 0.9889
    assert high_quality_share(X, CENTERS, RING_STD) == pytest.approx(
        1 - np.exp(-4.5), abs=0.004
    )


def test_other_ring_shapes():
    centers = ring_centers(modes=5, radius=1.0)
    X = ring_gaussians(1000, modes=5, radius=1.0, std=0.01, seed=0)
    assert modes_covered(X, centers, 0.01) == 5
    assert high_quality_share(X, ring_centers(), RING_STD) == 0.0  # yarıçap 2'de değil
