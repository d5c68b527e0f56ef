"""`d2l_gan.data` testleri: ağ kullanılmaz, arşivleri testlerin kendisi üretir."""

import hashlib
import io
import shutil
import tarfile
import urllib.error
import urllib.request
import zipfile

import numpy as np
import pytest
from PIL import Image

from d2l_gan import data
from d2l_gan.data import DataError
from offline_data import no_network


def make_zip(path, members):
    with zipfile.ZipFile(path, 'w') as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return path


def register(monkeypatch, name, archive, sha1=None):
    """Arşivi `file://` adresiyle DATA_HUB'a kaydeder."""
    sha1 = sha1 or hashlib.sha1(archive.read_bytes()).hexdigest()
    monkeypatch.setitem(data.DATA_HUB, name, (archive.as_uri(), sha1))


def leftovers(folder):
    """Geçici (yarım kalmış) dosya ya da klasörler."""
    return [
        p.name
        for p in folder.iterdir()
        if p.name.endswith('.part')
        or (p.name.startswith('.toy.zip.') and p.name != '.toy.zip.extracted')
    ]


# --- indirme ----------------------------------------------------------------------


def test_data_dir_from_env_or_home(tmp_path, monkeypatch):
    monkeypatch.setenv('D2L_GAN_DATA', str(tmp_path / 'a' / 'b'))
    assert data.data_dir() == tmp_path / 'a' / 'b'
    assert (tmp_path / 'a' / 'b').is_dir()
    monkeypatch.delenv('D2L_GAN_DATA')
    monkeypatch.setenv('HOME', str(tmp_path / 'ev'))
    assert data.data_dir() == tmp_path / 'ev' / '.d2l_gan' / 'data'
    assert data.data_dir().is_dir()


def test_good_archive_is_verified_extracted_once(tmp_path, data_home, monkeypatch):
    archive = make_zip(
        tmp_path / 'toy.zip', {'toy/a.txt': b'merhaba', 'toy/alt/b.txt': b'dunya'}
    )
    register(monkeypatch, 'toy', archive)
    folder = data.download_extract('toy')
    assert folder == data_home
    assert (folder / 'toy.zip').read_bytes() == archive.read_bytes()
    assert (folder / 'toy' / 'a.txt').read_bytes() == b'merhaba'
    assert (folder / 'toy' / 'alt' / 'b.txt').read_bytes() == b'dunya'
    assert leftovers(folder) == []
    assert (folder / '.toy.zip.extracted').read_text().split() == [
        data.sha1sum(archive),
        'toy',
    ]
    # İkinci çağrı ne indirir ne de yeniden açar: ağ kapalı, eklenen dosya yerinde.
    (folder / 'toy' / 'isaret.txt').write_text('dokunulmadı')
    monkeypatch.setattr(urllib.request, 'urlopen', no_network)
    assert data.download_extract('toy') == folder
    assert (folder / 'toy' / 'isaret.txt').read_text() == 'dokunulmadı'
    # Açılmış klasör silinmişse işaret dosyasına güvenilmez, arşiv yeniden açılır.
    shutil.rmtree(folder / 'toy')
    assert data.download_extract('toy') == folder
    assert (folder / 'toy' / 'a.txt').read_bytes() == b'merhaba'


def test_wrong_checksum_leaves_no_file(tmp_path, data_home, monkeypatch):
    archive = make_zip(tmp_path / 'toy.zip', {'toy/a.txt': b'merhaba'})
    register(monkeypatch, 'toy', archive, sha1='0' * 40)
    with pytest.raises(DataError, match='sha-1'):
        data.download('toy')
    assert list(data_home.iterdir()) == []


def test_corrupt_cached_file_is_fetched_again(tmp_path, data_home, monkeypatch, capsys):
    archive = make_zip(tmp_path / 'toy.zip', {'toy/a.txt': b'merhaba'})
    register(monkeypatch, 'toy', archive)
    data_home.mkdir()
    (data_home / 'toy.zip').write_bytes(b'yarim kalmis indirme')
    path = data.download('toy')
    assert path == data_home / 'toy.zip'
    assert path.read_bytes() == archive.read_bytes()
    assert 'bozuk' in capsys.readouterr().out
    assert leftovers(data_home) == []


def test_valid_cached_file_is_not_downloaded(tmp_path, data_home, monkeypatch):
    archive = make_zip(tmp_path / 'toy.zip', {'toy/a.txt': b'merhaba'})
    register(monkeypatch, 'toy', archive)
    data_home.mkdir()
    (data_home / 'toy.zip').write_bytes(archive.read_bytes())
    monkeypatch.setattr(urllib.request, 'urlopen', no_network)
    assert data.download('toy') == data_home / 'toy.zip'


def test_offline_message_names_file_url_and_folder(data_home, monkeypatch):
    monkeypatch.setattr(urllib.request, 'urlopen', no_network)
    url = data.DATA_HUB['pokemon'][0]
    with pytest.raises(DataError) as info:
        data.pokemon_dir()
    message = str(info.value)
    assert 'pokemon.zip' in message
    assert url in message
    assert str(data_home) in message
    assert "'pokemon/'" in message
    assert list(data_home.iterdir()) == []  # geçici dosya kalmadı


def test_unknown_name_is_a_data_error(data_home):
    with pytest.raises(DataError, match='kayıtlı değil'):
        data.download('olmayan-veri')


# --- güvenli açma -----------------------------------------------------------------


@pytest.mark.parametrize(
    'bad_name', ['../kacak.txt', 'toy/../../kacak.txt', '/kacak.txt']
)
def test_zip_member_outside_target_is_rejected(tmp_path, bad_name):
    archive = make_zip(
        tmp_path / 'kotu.zip', {'toy/iyi.txt': b'iyi', bad_name: b'kotu'}
    )
    target = tmp_path / 'hedef' / 'ic'
    with pytest.raises(DataError, match='kacak.txt'):
        data.extract(archive, target)
    assert not (tmp_path / 'hedef' / 'kacak.txt').exists()
    assert not (tmp_path / 'kacak.txt').exists()
    assert list(target.iterdir()) == []  # iyi üye de, işaret de yazılmadı


def test_zip_symlink_is_rejected(tmp_path):
    link = zipfile.ZipInfo('toy/bag')
    link.external_attr = 0o120777 << 16  # S_IFLNK
    with zipfile.ZipFile(tmp_path / 'bag.zip', 'w') as zf:
        zf.writestr('toy/a.txt', b'iyi')
        zf.writestr(link, '/etc/passwd')
    with pytest.raises(DataError, match='sembolik'):
        data.extract(tmp_path / 'bag.zip', tmp_path / 'hedef')
    assert list((tmp_path / 'hedef').iterdir()) == []


def _tar(path, add):
    with tarfile.open(path, 'w') as tf:
        add(tf)
    return path


def _tar_file(tf, name, content=b'x'):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    tf.addfile(info, io.BytesIO(content))


def test_tar_is_extracted_and_links_or_traversal_rejected(tmp_path):
    good = _tar(tmp_path / 'iyi.tar', lambda tf: _tar_file(tf, 'toy/a.txt', b'tar'))
    assert data.extract(good, tmp_path / 'h1') == tmp_path / 'h1'
    assert (tmp_path / 'h1' / 'toy' / 'a.txt').read_bytes() == b'tar'

    def with_link(tf):
        _tar_file(tf, 'toy/a.txt')
        link = tarfile.TarInfo('toy/bag')
        link.type, link.linkname = tarfile.SYMTYPE, '/etc/passwd'
        tf.addfile(link)

    with pytest.raises(DataError, match='toy/bag'):
        data.extract(_tar(tmp_path / 'bag.tar', with_link), tmp_path / 'h2')
    assert list((tmp_path / 'h2').iterdir()) == []

    bad = _tar(tmp_path / 'kacak.tar', lambda tf: _tar_file(tf, '../kacak.txt'))
    with pytest.raises(DataError, match='dışına'):
        data.extract(bad, tmp_path / 'h3')
    assert not (tmp_path / 'kacak.txt').exists()


def test_new_archive_replaces_old_extraction(tmp_path):
    target = tmp_path / 'hedef'
    v1 = make_zip(tmp_path / 'toy.zip', {'toy/eski.txt': b'1'})
    data.extract(v1, target)
    v2 = make_zip(tmp_path / 'toy.zip', {'toy/yeni.txt': b'2'})
    data.extract(v2, target)
    assert sorted(p.name for p in (target / 'toy').iterdir()) == ['yeni.txt']


def corrupt_member(path, name):
    """Zip'teki `name` üyesinin sıkıştırılmış verisinde bir baytı bozar (CRC tutmaz)."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    raw = bytearray(path.read_bytes())
    # Yerel başlık 30 bayt + ad + ek alan; verinin ortasındaki bayt değişir.
    name_len = int.from_bytes(
        raw[info.header_offset + 26 : info.header_offset + 28], 'little'
    )
    extra_len = int.from_bytes(
        raw[info.header_offset + 28 : info.header_offset + 30], 'little'
    )
    start = info.header_offset + 30 + name_len + extra_len
    raw[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(raw))


def test_corrupted_zip_member_is_a_data_error_and_keeps_old_files(tmp_path):
    target = tmp_path / 'hedef'
    v1 = make_zip(tmp_path / 'v1.zip', {'toy/eski.txt': b'eski veri'})
    data.extract(v1, target)
    bad = make_zip(
        tmp_path / 'toy.zip',
        {'toy/a.txt': b'saglam', 'toy/b.txt': b'bozulacak veri ' * 50},
    )
    corrupt_member(bad, 'toy/b.txt')
    with pytest.raises(zipfile.BadZipFile):  # zipfile'ın kendi hatası: CRC
        with zipfile.ZipFile(bad) as zf:
            zf.read('toy/b.txt')
    with pytest.raises(DataError) as info:
        data.extract(bad, target)
    message = str(info.value)
    assert 'toy.zip' in message and "'toy/b.txt'" in message and 'bozuk' in message
    # Hiçbir şey kaybolmadı: önceki açılış yerinde, yarım kalan dosya ya da klasör yok.
    assert (target / 'toy' / 'eski.txt').read_bytes() == b'eski veri'
    assert sorted(p.name for p in (target / 'toy').iterdir()) == ['eski.txt']
    assert sorted(p.name for p in target.iterdir()) == ['.v1.zip.extracted', 'toy']


def test_truncated_tar_is_a_data_error(tmp_path):
    good = _tar(
        tmp_path / 'iyi.tar', lambda tf: _tar_file(tf, 'toy/a.txt', b'x' * 5000)
    )
    cut = tmp_path / 'kesik.tar'
    cut.write_bytes(good.read_bytes()[:1024])  # başlık var, veri yarım
    with pytest.raises(DataError, match=r'kesik\.tar arşivi bozuk'):
        data.extract(cut, tmp_path / 'hedef')
    assert list((tmp_path / 'hedef').iterdir()) == []


def test_not_an_archive_is_rejected(tmp_path):
    junk = tmp_path / 'junk.zip'
    junk.write_bytes(b'arsiv degil')
    with pytest.raises(DataError, match='arşivi değil'):
        data.extract(junk, tmp_path / 'hedef')


# --- Pokemon görüntüleri ------------------------------------------------------------

RED, BLUE = (255, 0, 0), (0, 0, 255)


def palette_sprite():
    """8×8 paletli PNG: 0. renk saydam, geri kalanı kırmızı; sol üst piksel saydam."""
    img = Image.new('P', (8, 8), 1)
    img.putpalette([0, 0, 0] + list(RED) + [0, 0, 0] * 254)
    img.putpixel((0, 0), 0)
    img.info['transparency'] = 0
    return img


def rgba_sprite():
    """8×8 RGBA: mavi; (0, 0) tamamen saydam siyah, (1, 0) yarı saydam siyah."""
    img = Image.new('RGBA', (8, 8), BLUE + (255,))
    img.putpixel((0, 0), (0, 0, 0, 0))
    img.putpixel((1, 0), (0, 0, 0, 128))
    return img


def write_sprites(folder):
    """Dört görüntü ve bir metin dosyası; yol sırasının tersine yazılır."""
    folder.mkdir(parents=True)
    (folder / 'e_not.txt').write_text('görüntü değil')
    (folder / 'd_alt').mkdir()
    Image.new('RGB', (8, 8), (0, 255, 0)).save(
        folder / 'd_alt' / 'yesil.JPG', quality=100
    )
    Image.new('LA', (8, 8), (0, 0)).save(folder / 'c_la.png')
    rgba_sprite().save(folder / 'b_rgba.png')
    palette_sprite().save(folder / 'a_palet.png', transparency=0)


def test_existing_pokemon_folder_is_used_without_download(data_home, monkeypatch):
    write_sprites(data_home / 'pokemon')
    monkeypatch.setattr(urllib.request, 'urlopen', no_network)
    monkeypatch.setitem(data.DATA_HUB, 'pokemon', ('file:///yok/pokemon.zip', '0' * 40))
    assert data.pokemon_dir() == data_home / 'pokemon'
    X = data.load_pokemon_array(size=8)
    assert X.shape == (4, 8, 8, 3) and X.dtype == np.float32
    assert not any(p.suffix == '.zip' for p in data_home.iterdir())


def test_transparent_pixels_are_white_and_values_scaled(data_home):
    write_sprites(data_home / 'pokemon')
    X = data.load_pokemon_array(size=8)
    # Sıra: a_palet.png, b_rgba.png, c_la.png, d_alt/yesil.JPG (yol sırası).
    pal, rgba, la, green = X
    np.testing.assert_array_equal(pal[0, 0], [1, 1, 1])  # saydam -> beyaz
    np.testing.assert_array_equal(pal[4, 4], [1, -1, -1])  # kırmızı
    np.testing.assert_array_equal(rgba[0, 0], [1, 1, 1])
    np.testing.assert_array_equal(rgba[4, 4], [-1, -1, 1])  # mavi
    # Yarı saydam siyah: 255 * (1 - 128/255) = 127 -> 127/127.5 - 1.
    np.testing.assert_allclose(rgba[0, 1], 127 / 127.5 - 1, atol=1 / 127.5)
    np.testing.assert_array_equal(la, np.ones((8, 8, 3)))  # tümü saydam
    np.testing.assert_allclose(green[..., 1], 1, atol=0.05)  # JPEG kaybı
    np.testing.assert_allclose(green[..., [0, 2]], -1, atol=0.05)
    assert X.min() >= -1 and X.max() <= 1


def test_resize_shape_range_and_cache(data_home, monkeypatch):
    folder = data_home / 'pokemon'
    folder.mkdir(parents=True)
    rng = np.random.default_rng(0)
    for i in range(5):
        pixels = rng.integers(0, 256, size=(120, 120, 4), dtype=np.uint8)
        Image.fromarray(pixels, 'RGBA').save(folder / f'{i}.png')
    X = data.load_pokemon_array()
    assert X.shape == (5, 64, 64, 3) and X.dtype == np.float32
    assert X.min() >= -1 and X.max() <= 1 and X.min() < -0.5 and X.max() > 0.5

    def no_decode(*args, **kwargs):
        raise AssertionError('görüntü yeniden çözüldü')

    monkeypatch.setattr(data.Image, 'open', no_decode)
    X[:] = 0  # dönen dizi önbelleğin kopyası
    again = data.load_pokemon_array()
    assert again.shape == (5, 64, 64, 3) and np.abs(again).max() > 0.5
    with pytest.raises(AssertionError, match='yeniden'):
        data.load_pokemon_array(size=32)  # başka boyut: yeniden çözülür


def test_images_come_in_sorted_path_order(data_home):
    folder = data_home / 'pokemon'
    (folder / 'alt').mkdir(parents=True)
    names = [f'{i:02d}.png' for i in range(12)] + ['alt/00.png', 'alt/01.png']
    # Dosyalar karışık sırayla yazılır: klasör okuma sırası sıralı olmasın.
    for k in np.random.default_rng(0).permutation(len(names)):
        Image.new('RGB', (2, 2), (10 * int(k), 0, 0)).save(folder / names[k])
    X = data.load_pokemon_array(size=2)
    expected = sorted(range(len(names)), key=lambda k: names[k])  # 'alt/' önce
    np.testing.assert_allclose(
        X[:, 0, 0, 0], [10 * k / 127.5 - 1 for k in expected], atol=1e-6
    )


def test_unreadable_image_is_a_data_error_naming_the_file(data_home):
    folder = data_home / 'pokemon'
    write_sprites(folder)
    (folder / 'bozuk.png').write_bytes(b'\x89PNG\r\n\x1a\n bozuk bir dosya')
    good = Image.new('RGB', (8, 8), RED)
    good.save(folder / 'kesik.png')
    with pytest.raises(DataError) as info:
        data.load_pokemon_array(size=8)
    assert str(folder / 'bozuk.png') in str(info.value)
    assert 'Görüntü okunamadı' in str(info.value)
    # Hiçbir dosya silinmedi; bozuk dosya çıkarılınca yükleme çalışır.
    assert (folder / 'bozuk.png').exists()
    (folder / 'bozuk.png').unlink()
    raw = (folder / 'kesik.png').read_bytes()
    (folder / 'kesik.png').write_bytes(raw[: len(raw) // 2])  # yarıda kesilmiş PNG
    with pytest.raises(DataError, match='kesik.png'):
        data.load_pokemon_array(size=8)
    (folder / 'kesik.png').unlink()
    assert data.load_pokemon_array(size=8).shape == (4, 8, 8, 3)


def test_folder_without_images_is_a_data_error(data_home):
    (data_home / 'pokemon').mkdir(parents=True)
    (data_home / 'pokemon' / 'beni_oku.txt').write_text('boş')
    with pytest.raises(DataError, match='görüntü'):
        data.load_pokemon_array()
