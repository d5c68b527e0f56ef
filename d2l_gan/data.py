"""Veri kümelerini indirme, doğrulama, güvenli açma ve Pokemon görüntüleri.

Çerçeveden bağımsızdır (yalnızca numpy, Pillow ve standart kütüphane). Her
çerçevenin `load_pokemon` işlevi görüntüleri buradaki `load_pokemon_array` ile
okur ve kendi minigruplarına böler.

Veri klasörü `$D2L_GAN_DATA` ortam değişkeninden gelir; tanımlı değilse
`~/.d2l_gan/data` kullanılır. Bu klasörde hazır bir `pokemon/` klasörü varsa
hiçbir şey indirilmez: içindeki her görüntü kullanılır.
"""

import hashlib
import os
import pathlib
import shutil
import stat
import tarfile
import tempfile
import urllib.error
import urllib.request
import zipfile
import zlib

import numpy as np
from PIL import Image

__all__ = [
    'DATA_HUB',
    'DataError',
    'data_dir',
    'sha1sum',
    'download',
    'extract',
    'download_extract',
    'pokemon_dir',
    'load_pokemon_array',
    'split_held_out',
]

# Ad -> (adres, sha-1). d2l'in başvuru arşivi: içinde tek bir `pokemon/` klasörü.
DATA_HUB = {
    'pokemon': (
        'http://d2l-data.s3-accelerate.amazonaws.com/pokemon.zip',
        'c065c0e2593b8b161a2d7873e42418bf6a21106c',
    ),
}

IMAGE_SUFFIXES = ('.png', '.jpg', '.jpeg')
_CHUNK = 1 << 20  # indirme ve sha-1 için 1 MiB'lık parçalar
_IMAGE_CACHE = {}  # (klasör, boyut) -> görüntü dizisi


class DataError(RuntimeError):
    """Veri indirilemediğinde, doğrulanamadığında ya da okunamadığında."""


def data_dir():
    """Veri klasörü: `$D2L_GAN_DATA` ya da `~/.d2l_gan/data` (yoksa oluşturulur)."""
    env = os.environ.get('D2L_GAN_DATA')
    path = (
        pathlib.Path(env).expanduser()
        if env
        else (pathlib.Path.home() / '.d2l_gan' / 'data')
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def sha1sum(path):
    """Dosyanın sha-1 özeti (onaltılık); dosya parça parça okunur."""
    digest = hashlib.sha1()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(_CHUNK), b''):
            digest.update(chunk)
    return digest.hexdigest()


def _hub_entry(name):
    if name not in DATA_HUB:
        raise DataError(
            f"'{name}' adlı bir veri kümesi DATA_HUB'da kayıtlı değil; "
            f'kayıtlı olanlar: {", ".join(sorted(DATA_HUB))}'
        )
    return DATA_HUB[name]


def download(name, folder=None):
    """`DATA_HUB[name]` dosyasını `folder` içine indirir ve yolunu döndürür.

    Dosya zaten varsa ve sha-1 özeti tutuyorsa yeniden indirilmez. Bozuksa
    (özet tutmuyorsa) bu söylenir ve dosya yeniden indirilir. İndirme aynı
    klasördeki geçici bir dosyaya parça parça yapılır; özet doğrulandıktan
    sonra dosya tek adımda (`os.replace`) yerine taşınır. Böylece yarım kalmış
    bir indirme hiçbir zaman tamamlanmış sayılmaz.
    """
    url, sha1 = _hub_entry(name)
    folder = pathlib.Path(folder) if folder is not None else data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    fname = folder / url.rsplit('/', 1)[-1]
    if fname.exists():
        if sha1sum(fname) == sha1:
            return fname
        print(
            f'{fname.name} dosyası bozuk ya da eksik (sha-1 tutmuyor); '
            'yeniden indiriliyor.'
        )
    print(f'{url} indiriliyor...')
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f'.{fname.name}.', suffix='.part')
    try:
        digest = hashlib.sha1()
        with os.fdopen(fd, 'wb') as out:
            try:
                with urllib.request.urlopen(url, timeout=60) as response:
                    for chunk in iter(lambda: response.read(_CHUNK), b''):
                        digest.update(chunk)
                        out.write(chunk)
            except (urllib.error.URLError, OSError) as e:
                raise DataError(
                    f'{fname.name} indirilemedi ({e}). Dosyayı internete bağlı bir '
                    f'makinede {url} adresinden indirip şu klasöre koyun: {folder}. '
                    f"Ya da arşivden çıkarılmış bir '{name}/' klasörünü bu klasöre "
                    'yerleştirin. (Veri klasörü D2L_GAN_DATA ortam değişkeniyle '
                    'değiştirilebilir.)'
                ) from e
        if digest.hexdigest() != sha1:
            raise DataError(
                f'{url} adresinden inen {fname.name} dosyasının sha-1 özeti '
                f'beklenenden farklı ({digest.hexdigest()} != {sha1}); dosya '
                'silindi. Bağlantıyı denetleyip yeniden deneyin.'
            )
        os.replace(tmp, fname)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return fname


def _safe_target(root, member_name):
    """Arşiv üyesinin `root` içindeki yolu; klasörün dışına çıkarsa DataError."""
    name = member_name.replace('\\', '/')
    if name.startswith('/') or (len(name) > 1 and name[1] == ':'):
        raise DataError(f"Arşivde mutlak yol var, açılmadı: '{member_name}'")
    target = (root / name).resolve()
    if target != root and root not in target.parents:
        raise DataError(
            f"Arşiv üyesi hedef klasörün dışına çıkıyor, açılmadı: '{member_name}'"
        )
    return target


def _write_members(root, members):
    """(ad, klasör mü, açıcı) üçlülerini `root` altına yazar.

    Önce bütün adlar denetlenir: tek bir kötü üye varsa hiçbir şey yazılmaz.
    """
    targets = [_safe_target(root, name) for name, _, _ in members]
    for (_, is_dir, open_member), target in zip(members, targets):
        if is_dir:
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with open_member() as src, open(target, 'wb') as dst:
            shutil.copyfileobj(src, dst, _CHUNK)


def _corrupt(archive, member, exc):
    return DataError(
        f"{archive} arşivi bozuk: '{member}' üyesi okunamadı ({exc}). Arşiv açılmadı; "
        'veri klasöründeki eski dosyalara dokunulmadı. Arşivi silip yeniden indirin '
        '(ya da sağlam bir kopyasını koyun).'
    )


def _extract_zip(archive, root):
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DataError(
            f'{archive} arşivi bozuk, üye listesi okunamadı ({exc}). Arşiv '
            'açılmadı; arşivi silip yeniden indirin.'
        ) from exc
    with zf:
        members = zf.infolist()
        for m in members:
            if stat.S_ISLNK(m.external_attr >> 16):
                raise DataError(f"Arşivde sembolik bağ var, açılmadı: '{m.filename}'")

        _write_members(
            root,
            [
                (m.filename, m.is_dir(), _opener(zf.open, m, archive, m.filename))
                for m in members
            ],
        )


# Bir arşiv üyesini açarken ya da okurken bozulmayı bildiren hatalar
_CORRUPT = (zipfile.BadZipFile, tarfile.TarError, zlib.error, EOFError, OSError)


def _opener(open_member, member, archive, name):
    """Üyeyi açan işlev; açarken ya da okurken çıkan bozulma hataları DataError olur."""

    def open_checked():
        try:
            return _CheckedReader(open_member(member), archive, name)
        except _CORRUPT as exc:
            raise _corrupt(archive, name, exc) from exc

    return open_checked


class _CheckedReader:
    """Üyeyi okurken çıkan bozulma hatalarını (CRC, eksik veri) DataError yapar."""

    def __init__(self, raw, archive, name):
        self.raw, self.archive, self.name = raw, archive, name

    def read(self, *args):
        try:
            return self.raw.read(*args)
        except _CORRUPT as exc:
            raise _corrupt(self.archive, self.name, exc) from exc

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.raw.close()


def _extract_tar(archive, root):
    tf = None
    try:
        tf = tarfile.open(archive)
        members = tf.getmembers()
    except (tarfile.TarError, zlib.error, EOFError, OSError) as exc:
        if tf is not None:
            tf.close()
        raise DataError(
            f'{archive} arşivi bozuk, üye listesi okunamadı ({exc}). Arşiv '
            'açılmadı; arşivi silip yeniden indirin.'
        ) from exc
    with tf:
        for m in members:
            if not (m.isfile() or m.isdir()):
                raise DataError(
                    f'Arşivde düzenli dosya ya da klasör olmayan bir üye '
                    f"(bağ, aygıt...) var, açılmadı: '{m.name}'"
                )

        _write_members(
            root,
            [
                (m.name, m.isdir(), _opener(tf.extractfile, m, archive, m.name))
                for m in members
            ],
        )


def extract(archive, folder):
    """Zip ya da tar arşivini `folder` içine güvenle açar ve `folder`'ı döndürür.

    Mutlak yollu, `..` ile klasörün dışına çıkan ya da (tar'da) bağ olan bir
    üye varsa hiçbir şey açılmaz ve DataError oluşur. Arşiv önce geçici bir
    klasöre açılır, sonra üst düzeydeki her öğe yerine taşınır (aynı adlı eski
    öğe silinir); en son, arşivin sha-1 özetini ve üst düzey öğelerin adlarını
    tutan bir işaret dosyası yazılır. İşaret dosyası aynı arşivi gösteriyor ve
    o öğeler yerinde duruyorsa arşiv yeniden açılmaz.
    """
    archive, folder = pathlib.Path(archive), pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f'.{archive.name}.extracted'
    digest = sha1sum(archive)
    if marker.exists():
        done, *items = marker.read_text().splitlines()
        if done == digest and all((folder / item).exists() for item in items):
            return folder
    if zipfile.is_zipfile(archive):
        extractor = _extract_zip
    elif tarfile.is_tarfile(archive):
        extractor = _extract_tar
    else:
        raise DataError(f'{archive.name} bir zip ya da tar arşivi değil.')
    tmp = pathlib.Path(tempfile.mkdtemp(dir=folder, prefix=f'.{archive.name}.'))
    try:
        extractor(archive, tmp.resolve())
        items = sorted(tmp.iterdir())
        for item in items:
            dest = folder / item.name
            if dest.is_dir() and not dest.is_symlink():
                shutil.rmtree(dest)
            elif dest.exists() or dest.is_symlink():
                dest.unlink()
            os.replace(item, dest)
        marker.write_text('\n'.join([digest] + [item.name for item in items]) + '\n')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return folder


def download_extract(name, folder=None):
    """`download` ve ardından `extract`: arşivin açıldığı klasörü döndürür."""
    folder = pathlib.Path(folder) if folder is not None else data_dir()
    return extract(download(name, folder), folder)


def pokemon_dir():
    """Pokemon görüntülerinin klasörü.

    Veri klasöründe `pokemon/` zaten varsa olduğu gibi kullanılır (içinde
    görüntü olan herhangi bir klasör iş görür); yoksa başvuru arşivi indirilip
    açılır.
    """
    path = data_dir() / 'pokemon'
    if path.is_dir():
        return path
    path = download_extract('pokemon') / 'pokemon'
    if not path.is_dir():
        raise DataError(
            f"Arşiv açıldı ama içinde 'pokemon/' klasörü yok: {path.parent}"
        )
    return path


def _to_rgb_on_white(img):
    """Saydamlığı olan görüntüyü (RGBA, LA, saydam paletli) beyaz zemine oturtur."""
    if img.mode in ('RGBA', 'LA', 'PA') or 'transparency' in img.info:
        rgba = img.convert('RGBA')
        white = Image.new('RGBA', rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert('RGB')
    return img.convert('RGB')


def _image_paths(folder):
    return sorted(
        p
        for p in folder.rglob('*')
        if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()
    )


def _read_image(path, size):
    """Bir görüntüyü okur, beyaz zemine oturtup `size`×`size` yapar (uint8 dizi)."""
    try:
        with Image.open(path) as img:
            rgb = _to_rgb_on_white(img)
            return np.asarray(rgb.resize((size, size), Image.LANCZOS))
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise DataError(
            f'Görüntü okunamadı: {path} ({type(exc).__name__}: {exc}). Dosya bozuk ya '
            'da bir görüntü değil; onu klasörden çıkarın ya da sağlam bir kopyasıyla '
            'değiştirin. Klasördeki öteki dosyalara dokunulmadı.'
        ) from exc


def load_pokemon_array(size=64, folder=None):
    """Pokemon görüntüleri: float32, şekil (N, size, size, 3), değerler [-1, 1].

    Görüntüler `folder` (verilmezse `pokemon_dir()`) altında alt klasörler de
    dahil aranır (.png, .jpg, .jpeg) ve yol sırasıyla dizilir. Saydam pikseller
    beyaz zemine oturtulur, her görüntü bir kez `size`×`size` boyutuna
    küçültülür ve (x/255 - 0.5)/0.5 ile ölçeklenir. Sonuç (klasör, boyut)
    başına bellekte tutulur; sonraki çağrılar görüntüleri yeniden çözmez ve
    önbelleğin bir kopyasını döndürür.
    """
    folder = pathlib.Path(folder) if folder is not None else pokemon_dir()
    key = (str(folder.resolve()), int(size))
    if key not in _IMAGE_CACHE:
        paths = _image_paths(folder)
        if not paths:
            raise DataError(
                f'{folder} klasöründe hiç görüntü (.png, .jpg, .jpeg) bulunamadı.'
            )
        images = np.empty((len(paths), size, size, 3), dtype=np.uint8)
        for i, p in enumerate(paths):
            images[i] = _read_image(p, size)
        _IMAGE_CACHE[key] = (images.astype(np.float32) / 255 - 0.5) / 0.5
    return _IMAGE_CACHE[key].copy()


def split_held_out(images, num_held_out, seed=0):
    """Görüntüleri sabit, tohumlu bir karıştırmayla iki ayrık kümeye böler.

    `(eğitim, ayrılmış)` döndürür: ayrılmış küme `num_held_out` görüntüdür ve
    eğitimde hiç kullanılmaz; nitelik ve ezberleme ölçümleri onunla yapılır.
    Bölme yalnızca görüntü sayısına ve `seed`'e bağlıdır (numpy'ın
    `default_rng`'si), yani aynı klasörle her çerçevede ve her çalıştırmada
    aynı görüntüler ayrılır.
    """
    n = len(images)
    if not 0 < num_held_out < n:
        raise ValueError(f'num_held_out 1 ile {n - 1} arasında olmalı: {num_held_out}')
    order = np.random.default_rng(seed).permutation(n)
    return images[order[num_held_out:]], images[order[:num_held_out]]
