"""CI için veri klasörünü hazırlar ve yolunu yazar.

Kullanım: python tests/support/prepare_data.py HEDEF

Kitabın indirdiği arşivlerin bayt bayt aynı kopyaları deponun yanındaki
`../shared/data/` klasöründedir (ya da `$D2L_GAN_SHARED_DATA`). Bulunanlar HEDEF'e
bağlanır (olmazsa kopyalanır); `d2l_gan.data.download` onları sha-1 özetiyle doğrular
ve hiçbir şey indirmez. Sprite arşivi bulunamazsa HEDEF/pokesprite/package/ içine
projenin kendi ürettiği, paketle aynı düzende basit sprite'lar (saydam zeminde renkli
elipsler ve siyah çerçeve) yazılır. Ardından testler `D2L_GAN_DATA=HEDEF` ile
çalıştırılır. Arşivlerden hiçbir şey depoya kopyalanmaz.
"""

import json
import os
import pathlib
import shutil
import sys

import numpy as np
from PIL import Image, ImageDraw

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from d2l_gan.data import DATA_HUB  # noqa: E402

SYNTHETIC_MARKER = '.sentetik'
# Sentetik paketin türleri: (numara, ad); biçimler ad-biçim olarak eklenir.
SYNTHETIC_SPECIES = [(i, f'tur{i:03d}') for i in range(1, 41)]


def shared_data():
    env = os.environ.get('D2L_GAN_SHARED_DATA')
    return pathlib.Path(env) if env else REPO.parent / 'shared' / 'data'


def archive_name(name):
    return DATA_HUB[name][0].rsplit('/', 1)[-1]


def synthetic_sprite(rng, size):
    """68×56 RGBA: saydam zeminde `size` kenarlı kutuya sığan 1-3 renkli elips."""
    img = Image.new('RGBA', (68, 56), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    left, top = rng.integers(0, 68 - size), rng.integers(0, 56 - size)
    for _ in range(rng.integers(1, 4)):
        x0, y0 = rng.integers(0, size // 2, size=2)
        x1, y1 = rng.integers(size // 2, size, size=2)
        color = tuple(int(v) for v in rng.integers(0, 230, size=3)) + (255,)
        draw.ellipse(
            [left + x0, top + y0, left + x1, top + y1], fill=color, outline='black'
        )
    return img


def write_synthetic_sprites(package, seed=0):
    """`pokesprite-images` düzeninde küçük bir paket: data/pokemon.json ve
    pokemon-gen8/{regular,shiny}/*.png. Türlerin yarısının iki biçimi vardır; bazı
    sprite'lar 32×32'ye sığmaz (büyük çerçeve seçimi sınansın diye)."""
    rng = np.random.default_rng(seed)
    entries = {}
    for number, slug in SYNTHETIC_SPECIES:
        forms = {'$': {}} | ({'iki': {}} if number % 2 else {})
        entries[f'{number:03d}'] = {'slug': {'eng': slug}, 'gen-8': {'forms': forms}}
        for form in forms:
            stem = slug if form == '$' else f'{slug}-{form}'
            size = 40 if number % 5 == 0 else int(rng.integers(12, 32))
            for kind in ('regular', 'shiny'):
                path = package / 'pokemon-gen8' / kind / f'{stem}.png'
                path.parent.mkdir(parents=True, exist_ok=True)
                synthetic_sprite(rng, size).save(path)
    (package / 'data').mkdir(parents=True, exist_ok=True)
    (package / 'data' / 'pokemon.json').write_text(json.dumps(entries))
    (package / SYNTHETIC_MARKER).write_text(f'tohum {seed}\n')


def link_or_copy(source, target):
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print('kullanım: python tests/support/prepare_data.py HEDEF', file=sys.stderr)
        return 2
    target = pathlib.Path(argv[0]).resolve()
    target.mkdir(parents=True, exist_ok=True)
    found = []
    for name in DATA_HUB:
        source = shared_data() / archive_name(name)
        if source.is_file():
            link_or_copy(source, target / source.name)
            found.append(source.name)
    print(f'Çevrimdışı arşivler: {", ".join(found) or "yok"}', file=sys.stderr)
    if archive_name('pokesprite') not in found:
        package = target / 'pokesprite' / 'package'
        if not (package / SYNTHETIC_MARKER).exists():
            shutil.rmtree(package, ignore_errors=True)
            write_synthetic_sprites(package)
        print(
            f'not: {archive_name("pokesprite")} bulunamadı; testler projenin ürettiği '
            "sentetik sprite'larla (renkli elipsler) çalışacak.",
            file=sys.stderr,
        )
    print(target)
    return 0


if __name__ == '__main__':
    sys.exit(main())
