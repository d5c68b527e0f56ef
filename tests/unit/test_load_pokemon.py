"""Çerçevelerin `load_pokemon` yineleyicileri: düzen, grup sayısı, karıştırma."""

import importlib

import numpy as np
import pytest
from PIL import Image

from d2l_gan.frameworks import FRAMEWORKS, MODULES

NUM_IMAGES = 10


@pytest.fixture(scope='module')
def data_root(tmp_path_factory):
    """Her biri tek renkli 10 görüntü: i'inci görüntünün kırmızı kanalı 25*i."""
    root = tmp_path_factory.mktemp('veri')
    folder = root / 'pokemon'
    folder.mkdir()
    for i in range(NUM_IMAGES):
        Image.new('RGB', (12, 12), (25 * i, 255, 0)).save(folder / f'g{i:02d}.png')
    return root


def to_nhwc(batch, framework):
    arr = batch.asnumpy() if framework == 'mxnet' else np.asarray(batch)
    return arr if framework == 'tensorflow' else arr.transpose(0, 2, 3, 1)


def red_ids(batch):
    """Her görüntünün kırmızı kanalından kimliğini (0..9) geri bulur."""
    red = (batch[:, :, :, 0].mean(axis=(1, 2)) * 0.5 + 0.5) * 255
    return np.rint(red / 25).astype(int)


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_load_pokemon_layout_batches_and_shuffling(framework, data_root, monkeypatch):
    monkeypatch.setenv('D2L_GAN_DATA', str(data_root))
    d2l = importlib.import_module(f'd2l_gan.{MODULES[framework]}')
    data_iter = d2l.load_pokemon(4, size=8)
    assert len(data_iter) == 2  # 10 görüntü, 4'lük gruplar: eksik son grup atlanır
    epochs = []
    for _ in range(6):
        batches = [to_nhwc(X, framework) for X in data_iter]
        assert len(batches) == 2
        for X in batches:
            assert X.shape == (4, 8, 8, 3) and X.dtype == np.float32
            assert X.min() >= -1 and X.max() <= 1
            np.testing.assert_allclose(X[..., 1], 1.0, atol=1e-5)  # yeşil 255 -> 1
            np.testing.assert_allclose(X[..., 2], -1.0, atol=1e-5)  # mavi 0 -> -1
        ids = np.concatenate([red_ids(X) for X in batches])
        assert len(set(ids)) == 8 and set(ids) <= set(
            range(NUM_IMAGES)
        )  # yinelenme yok
        epochs.append(tuple(ids))
    assert len(set(epochs)) > 1, 'her dönem aynı sıra: karıştırılmıyor'


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_load_pokemon_num_images_and_small_sets(framework, data_root, monkeypatch):
    monkeypatch.setenv('D2L_GAN_DATA', str(data_root))
    d2l = importlib.import_module(f'd2l_gan.{MODULES[framework]}')
    data_iter = d2l.load_pokemon(3, size=8, num_images=6)
    assert len(data_iter) == 2
    ids = np.concatenate([red_ids(to_nhwc(X, framework)) for X in data_iter])
    assert sorted(ids) == list(range(6))  # yalnızca ilk 6 görüntü, her biri bir kez
    # Görüntü sayısı grup boyundan küçükse tek, küçültülmüş bir grup verilir
    data_iter = d2l.load_pokemon(64, size=8, num_images=5)
    assert len(data_iter) == 1
    assert to_nhwc(next(iter(data_iter)), framework).shape == (5, 8, 8, 3)
