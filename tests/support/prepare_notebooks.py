"""nbval için çerçeve başına defterler hazırlar.

Her bölüm ve çerçeve için okurun aldığı defterin (notebooks/<çerçeve>/) saklı
çıktılı hali yazılır; `tests/params/<bölüm>.yml` varsa küçültülmüş ayarlar
'parameters' hücresinden sonra eklenir ve sona, defterin yalnızca kendi çerçevesini
yüklediğini doğrulayan bir hücre konur. nbval'in karşılaştırma ayarı da aynı klasöre
yazılır (`nbval_sanitize.cfg`; kitabın çıktı karşılaştırmasıyla aynı kurallar).

    python tests/support/prepare_notebooks.py HEDEF_KLASÖR [--full] [--framework F ...]

`--full` ayarları küçültmez (GPU iş akışı bölümleri tam ayarla böyle çalıştırır);
`--framework` yalnızca verilen çerçevelerin defterlerini yazar.
"""

import argparse
from pathlib import Path

import nbformat

from d2l_gan.frameworks import FRAMEWORKS, MODULES
from kitap.book import BookInfo
from kitap.export import export_notebook
from kitap.outputs import nbval_sanitize
from kitap.params import inject_params, load_params
from kitap.setup_cell import requirement_pins
from kitap.views import chapter_frameworks
from repo import PARAMS, ROOT

SANITIZE_FILE = 'nbval_sanitize.cfg'  # --nbval-sanitize-with HEDEF/nbval_sanitize.cfg


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
    (out / SANITIZE_FILE).write_text(nbval_sanitize(), encoding='utf-8')
    book, pins = BookInfo.load(ROOT), requirement_pins(ROOT)
    for chapter, fw in chapter_frameworks(ROOT, frameworks):
        view = export_notebook(chapter.nb, fw, book, chapter.doc, True, pins=pins)
        params_file = PARAMS / f'{chapter.stem}.yml'
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
