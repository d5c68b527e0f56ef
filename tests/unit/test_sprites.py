"""Kitabın sprite'ları (`pokesprite-images` 2.7.0): çerçeveleme, türler, türe göre
bölme, CI'ın veri hazırlığı ve gerçek arşiv. Ağ kullanılmaz."""

import hashlib
import os
import urllib.request

import numpy as np
import pytest
from PIL import Image

import prepare_data
from d2l_gan import data
from d2l_gan.data import DataError
from offline_data import no_network
from repo import ROOT

SHARED = ROOT.parent / 'shared' / 'data'


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """Bu dosyanın testleri ağa hiç çıkmaz."""
    monkeypatch.setattr(urllib.request, 'urlopen', no_network)


@pytest.fixture
def synthetic(data_home):
    """Veri klasöründe projenin ürettiği, paketle aynı düzende sprite'lar."""
    prepare_data.write_synthetic_sprites(data_home / 'pokesprite' / 'package')


def test_32_keeps_sprites_that_fit_centred_at_native_scale(synthetic, data_home):
    X, species = data.load_sprites(32)
    regular = data_home / 'pokesprite' / 'package' / 'pokemon-gen8' / 'regular'
    fits = []
    for path in sorted(regular.glob('*.png')):
        with Image.open(path) as img:
            left, top, right, bottom = img.getchannel('A').getbbox()
        if right - left <= 32 and bottom - top <= 32:
            fits.append((path, (left, top, right, bottom)))
    assert 0 < len(fits) < len(list(regular.glob('*.png')))
    assert X.shape == (2 * len(fits), 32, 32, 3) and X.dtype == np.float32
    assert X.min() >= -1 and X.max() <= 1
    # İlk sprite: ölçek değişmeden, ortada; dışı beyaz.
    path, (left, top, right, bottom) = fits[0]
    w, h = right - left, bottom - top
    x0, y0 = (32 - w) // 2, (32 - h) // 2
    with Image.open(path) as img:
        rgba = np.asarray(img.convert('RGBA'))[top:bottom, left:right]
    opaque = rgba[..., 3] == 255
    pixels = (X[0, y0 : y0 + h, x0 : x0 + w] + 1) / 2 * 255
    np.testing.assert_allclose(pixels[opaque], rgba[opaque][:, :3], atol=1e-3)
    outside = np.ones((32, 32), bool)
    outside[y0 : y0 + h, x0 : x0 + w] = False
    np.testing.assert_array_equal(X[0][outside], 1)


def test_64_frames_every_sprite_on_the_canvas(synthetic):
    X, species = data.load_sprites(64, shiny=False)
    assert X.shape == (len(species), 64, 64, 3) == (60, 64, 64, 3)
    np.testing.assert_array_equal(X[:, :4], 1)  # üstteki 4 beyaz satır
    np.testing.assert_array_equal(X[:, 60:], 1)  # alttaki 4 beyaz satır


def test_species_come_from_pokemon_json_forms_included(synthetic):
    _, species = data.load_sprites(64, shiny=False)
    # 40 tür; tek numaralıların ikinci bir biçimi ('turNNN-iki') vardır.
    counts = np.bincount(species)
    assert set(np.unique(species)) == set(range(1, 41))
    assert all(counts[n] == (2 if n % 2 else 1) for n in range(1, 41))


def test_split_by_species_is_disjoint_fixed_and_keeps_every_form(synthetic):
    X, species = data.load_sprites(64)
    train, held = data.split_by_species(X, species, 8, seed=3)
    assert len(train) + len(held) == len(X)
    again_train, again_held = data.split_by_species(X, species, 8, seed=3)
    np.testing.assert_array_equal(held, again_held)
    # Ayrılan 8 türün bütün biçimleri ve renkleri ayrılmış kümededir.
    held_rows = {X[i].tobytes() for i in range(len(X))} & {h.tobytes() for h in held}
    held_species = {s for i, s in enumerate(species) if X[i].tobytes() in held_rows}
    assert len(held_species) == 8
    assert len(held) == np.isin(species, list(held_species)).sum()
    # Sıralar karıştırılmıştır (aynı görüntüler, dosya sırasında değil): ilk n görüntü
    # kümenin yansız bir örneklemidir.
    in_file_order = X[~np.isin(species, list(held_species))]
    assert not np.array_equal(train, in_file_order)
    rows = sorted(t.tobytes() for t in train)
    assert rows == sorted(t.tobytes() for t in in_file_order)
    _, other = data.split_by_species(X, species, 8, seed=4)
    assert not np.array_equal(held, other)
    for bad in (0, 40):
        with pytest.raises(ValueError, match='num_held_out'):
            data.split_by_species(X, species, bad)


def test_missing_archive_offline_names_file_url_and_folder(data_home):
    with pytest.raises(DataError) as info:
        data.load_sprites()
    message = str(info.value)
    url = data.DATA_HUB['pokesprite'][0]
    assert 'pokesprite-images-2.7.0.tgz indirilemedi' in message
    assert url in message and str(data_home) in message


def test_prepare_data_links_shared_archives(tmp_path, monkeypatch, capsys):
    shared = tmp_path / 'paylasilan'
    shared.mkdir()
    name = data.DATA_HUB['pokesprite'][0].rsplit('/', 1)[-1]
    (shared / name).write_bytes(b'arsiv')
    monkeypatch.setenv('D2L_GAN_SHARED_DATA', str(shared))
    assert prepare_data.main([str(tmp_path / 'hedef')]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == str(tmp_path / 'hedef')
    assert (tmp_path / 'hedef' / name).read_bytes() == b'arsiv'
    assert not (tmp_path / 'hedef' / 'pokesprite').exists()


def test_prepare_data_writes_synthetic_sprites_without_archive(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv('D2L_GAN_SHARED_DATA', str(tmp_path / 'yok'))
    monkeypatch.setenv('D2L_GAN_DATA', str(tmp_path / 'hedef'))
    monkeypatch.setattr(data, '_IMAGE_CACHE', {})
    assert prepare_data.main([str(tmp_path / 'hedef')]) == 0
    assert 'sentetik' in capsys.readouterr().err
    X, species = data.load_sprites(32)
    assert len(X) == len(species) > 0
    np.testing.assert_array_equal(X[:, 0, 0], 1)  # saydam zemin beyaz


def test_the_real_archive_offline(data_home):
    """Okurun indirdiği baytlar: `../shared/data/` kopyası (CI'da bulunmalıdır)."""
    archive = SHARED / 'pokesprite-images-2.7.0.tgz'
    if not archive.is_file():
        if os.environ.get('CI'):
            pytest.fail(f'{archive} yok: CI gerçek arşivle sınanır')
        pytest.skip('paylaşılan veri yok')
    url, sha1 = data.DATA_HUB['pokesprite']
    assert url.endswith('/' + archive.name)
    assert hashlib.sha1(archive.read_bytes()).hexdigest() == sha1
    data_home.mkdir(parents=True)
    os.symlink(archive, data_home / archive.name)
    X, species = data.load_sprites(32)
    assert X.shape == (1793, 32, 32, 3) and len(np.unique(species)) == 633
    # küçük veri bölümünün uzun eğitimi: eğitim görüntülerinin onda birinden fazlası
    # alcremie'nin (869) biçimleri
    train, _ = data.split_by_species(species, species, 150, 0)
    assert len(train) == 1376 and (train == 869).sum() == 146
    # '... vivillon, arceus, pikachu ve minior da onlarca görüntüyle gelir'
    for number in (666, 493, 25, 774):
        assert (train == number).sum() >= 20, number
    regular, _ = data.load_sprites(32, shiny=False)
    assert len(regular) == 896
    big, big_species = data.load_sprites(64, shiny=False)
    assert len(big) == 1332 and len(np.unique(big_species)) == 905
