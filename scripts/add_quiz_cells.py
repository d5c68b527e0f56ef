"""Bölümlere öz-denetim sınavlarının iki hücresini ekler (ya da yerlerine koyar).

    PYTHONPATH=.:arac .venv/bin/python scripts/add_quiz_cells.py dcgan wgan
    PYTHONPATH=.:arac .venv/bin/python scripts/add_quiz_cells.py --hepsi

Her bölüme iki etiketsiz kod hücresi girer: `sinav-once` süre kutusunun hemen
ardına, `sinav-sonra` '## Alıştırmalar' başlığının hemen önüne. İkisi de yalnızca
`show_quiz(...)` çağırır; bölüm sonrası sınavın sayıları bölümün kendi
`d2l.glue` kayıtlarından gelir, hücreye sayı yazılmaz. Betik yeniden çalıştırılınca
bir şey değiştirmez. Hücrelerin çıktıları `python -m kitap run book/<bölüm>.ipynb`
ile üretilir; sonra `python -m kitap export` okur ve öğrenci defterlerini yeniler.
"""

import argparse
import sys
from pathlib import Path

import nbformat

from kitap.chapter import load_chapter
from kitap.config import chapter_notebooks
from kitap.errors import BookError
from kitap.quiz import add_quiz_cells, quiz_file

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('chapters', nargs='*', help='bölümlerin adları (ör. dcgan)')
    parser.add_argument('--hepsi', action='store_true', help="_toc.yml'deki her bölüm")
    parser.add_argument('--kok', type=Path, default=ROOT, help='kitabın kök klasörü')
    args = parser.parse_args(argv)
    names = list(args.chapters)
    if args.hepsi:
        names += [p.stem for p in chapter_notebooks(args.kok)]
    if not names:
        parser.error('bir bölüm adı ya da --hepsi verin')
    for name in names:
        path = args.kok / 'book' / f'{name}.ipynb'
        try:
            if not quiz_file(args.kok, name).is_file():
                raise BookError(f'{quiz_file(args.kok, name)} yok')
            nb = load_chapter(path)
            changed = add_quiz_cells(nb, name)
        except BookError as exc:
            print(f'hata: {exc}', file=sys.stderr)
            return 1
        if changed:
            nbformat.write(nb, path)
        done = 'sınav hücreleri yazıldı' if changed else 'değişiklik yok'
        print(f'{path.name}: {done}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
