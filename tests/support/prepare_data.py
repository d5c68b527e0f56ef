"""CI için DCGAN bölümünün veri klasörünü hazırlar ve yolunu yazar.

Kullanım: python tests/support/prepare_data.py HEDEF

Çevrimdışı Pokemon arşivi (`pokemon-sprites-809.zip`) `$D2L_GAN_SPRITES_ZIP`
ile verilmişse oradan, verilmemişse deponun yanındaki `../shared/data/`
klasöründen alınır ve `d2l_gan.data.extract` ile HEDEF içine açılır
(HEDEF/pokemon/ oluşur). Arşiv bulunamazsa HEDEF/pokemon/ içine projenin
kendi ürettiği basit görüntüler (beyaz zeminde renkli elipsler; bir kısmı
saydam RGBA ya da saydam paletli PNG) yazılır. Ardından testler
`D2L_GAN_DATA=HEDEF` ile çalıştırılır. Arşivden hiçbir şey depoya kopyalanmaz.
"""

import os
import pathlib
import sys

import numpy as np
from PIL import Image, ImageDraw

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from d2l_gan.data import extract  # noqa: E402

ARCHIVE_NAME = 'pokemon-sprites-809.zip'
SYNTHETIC_MARKER = '.sentetik'


def find_archive():
    """Çevrimdışı arşivin yolu ya da None."""
    env = os.environ.get('D2L_GAN_SPRITES_ZIP')
    path = pathlib.Path(env) if env else REPO.parent / 'shared' / 'data' / ARCHIVE_NAME
    return path if path.is_file() else None


def synthetic_sprite(rng, size=120):
    """1-3 renkli elips, paletli (P kipi) görüntü; 0. renk (siyah) saydam zemin."""
    img = Image.new('P', (size, size), 0)
    palette = [0, 0, 0]
    draw = ImageDraw.Draw(img)
    for k in range(1, rng.integers(2, 5)):
        cx, cy = rng.uniform(0.3, 0.7, size=2) * size
        rx, ry = rng.uniform(0.1, 0.3, size=2) * size
        palette += [int(v) for v in rng.integers(0, 230, size=3)]
        draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=k)
    img.putpalette(palette)
    img.info['transparency'] = 0
    return img


def write_synthetic(folder, count=96, seed=0):
    """`count` görüntü: üçte biri saydam RGBA, üçte biri beyaz zeminli RGB, üçte biri
    saydam paletli PNG. Saydam zeminin rengi siyahtır: beyaza oturtulmazsa belli olur.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    for i in range(count):
        img = synthetic_sprite(rng)
        path = folder / f'sentetik-{i:03d}.png'
        if i % 3 == 0:
            img.convert('RGBA').save(path)
        elif i % 3 == 1:
            rgba = img.convert('RGBA')
            white = Image.new('RGBA', rgba.size, (255, 255, 255, 255))
            Image.alpha_composite(white, rgba).convert('RGB').save(path)
        else:
            img.save(path, transparency=0)
    (folder / SYNTHETIC_MARKER).write_text(f'{count} görüntü, tohum {seed}\n')


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print('kullanım: python tests/support/prepare_data.py HEDEF', file=sys.stderr)
        return 2
    target = pathlib.Path(argv[0]).resolve()
    target.mkdir(parents=True, exist_ok=True)
    archive = find_archive()
    pokemon = target / 'pokemon'
    if archive is not None:
        extract(archive, target)
        if not pokemon.is_dir():
            print(
                f"hata: {archive.name} içinde 'pokemon/' klasörü yok.", file=sys.stderr
            )
            return 1
        print(f'Çevrimdışı arşiv kullanılıyor: {archive.name}', file=sys.stderr)
    elif pokemon.is_dir() and not (pokemon / SYNTHETIC_MARKER).exists():
        print(
            "not: hedefteki mevcut 'pokemon/' klasörü olduğu gibi kullanılıyor.",
            file=sys.stderr,
        )
    else:
        write_synthetic(pokemon)
        print(
            f'not: çevrimdışı arşiv ({ARCHIVE_NAME}) bulunamadı; testler '
            'projenin ürettiği sentetik görüntülerle (renkli elipsler) çalışacak.',
            file=sys.stderr,
        )
    print(target)
    return 0


if __name__ == '__main__':
    sys.exit(main())
