"""`d2l_gan.data.split_held_out`: sabit, tohumlu, ayrık bölme."""

import numpy as np
import pytest

from d2l_gan.data import split_held_out


def test_split_is_disjoint_complete_and_reproducible():
    images = np.arange(50).reshape(50, 1, 1, 1).astype(np.float32)
    train, held = split_held_out(images, 12, seed=3)
    assert len(train) == 38 and len(held) == 12
    ids = np.concatenate([train.ravel(), held.ravel()])
    assert sorted(ids.tolist()) == list(range(50))
    again_train, again_held = split_held_out(images, 12, seed=3)
    np.testing.assert_array_equal(held, again_held)
    np.testing.assert_array_equal(train, again_train)
    _, other = split_held_out(images, 12, seed=4)
    assert set(other.ravel()) != set(held.ravel())


@pytest.mark.parametrize('bad', [0, 50, -1])
def test_split_rejects_impossible_sizes(bad):
    with pytest.raises(ValueError, match='num_held_out'):
        split_held_out(np.zeros((50, 1, 1, 3)), bad)
