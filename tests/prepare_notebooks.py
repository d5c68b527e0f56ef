"""nbval için çerçeve başına defterler hazırlar.

Her bölüm ve çerçeve için okurun aldığı defterin (notebooks/<çerçeve>/) saklı
çıktılı hali yazılır; `tests/params/<bölüm>.yml` varsa küçültülmüş ayarlar
'parameters' hücresinden sonra eklenir ve sona, defterin yalnızca kendi çerçevesini
yüklediğini doğrulayan bir hücre konur.

    python tests/prepare_notebooks.py HEDEF_KLASÖR [--full] [--framework F ...]

`--full` ayarları küçültmez (GPU iş akışı bölümleri tam ayarla böyle çalıştırır);
`--framework` yalnızca verilen çerçevelerin defterlerini yazar.
"""

import argparse
from pathlib import Path

import nbformat

from d2l_gan.frameworks import FRAMEWORKS, MODULES
from kitap.export import export_notebook, requirement_pins
from kitap.myst import BookInfo
from kitap.notebook import (
    chapter_notebooks,
    inject_params,
    load_chapter,
    load_params,
)

ROOT = Path(__file__).resolve().parent.parent


def isolation_cell(framework):
    others = [MODULES[fw] for fw in FRAMEWORKS if fw != framework]
    return nbformat.v4.new_code_cell(
        'import sys\n'
        f'loaded = [m for m in {others!r} if m in sys.modules]\n'
        "assert not loaded, f'defter başka çerçeveleri de yükledi: {loaded}'\n"
        f'assert {MODULES[framework]!r} in sys.modules'
    )


def main(out, full=False, frameworks=FRAMEWORKS):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    book, pins = BookInfo.load(ROOT), requirement_pins(ROOT)
    for chapter in chapter_notebooks(ROOT):
        nb = load_chapter(chapter)
        doc = chapter.relative_to(ROOT).with_suffix('').as_posix()
        params_file = ROOT / 'tests' / 'params' / (chapter.stem + '.yml')
        for fw in frameworks:
            view = export_notebook(nb, fw, book, doc, keep_outputs=True, pins=pins)
            if params_file.is_file() and not full:
                view = inject_params(view, load_params(params_file, fw))
            view.cells.append(isolation_cell(fw))
            nbformat.write(view, out / f'{chapter.stem}_{fw}.ipynb')
            print(out / f'{chapter.stem}_{fw}.ipynb')


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out', help='defterlerin yazılacağı klasör')
    parser.add_argument('--full', action='store_true', help='tam ayar (küçültme yok)')
    parser.add_argument(
        '--framework',
        action='append',
        choices=FRAMEWORKS,
        help='yalnızca bu çerçeve (birden çok verilebilir)',
    )
    args = parser.parse_args()
    main(args.out, args.full, args.framework or FRAMEWORKS)
