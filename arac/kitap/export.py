"""Bölümlerden okur ve öğrenci defterleri.

- `notebooks/<çerçeve>/<bölüm>.ipynb`: okurun Jupyter'de ya da Colab'da açtığı defter;
  ortak hücreler ve o çerçevenin hücreleri, çıktısız. Çözümler açılır kapanır
  kutulardadır (eğitmenler de bunu kullanır).
- `notebooks/ogrenci/<çerçeve>/<bölüm>.ipynb`: aynısı, çözümler ve çözümleri hesaplayan
  (`cozum-` kimlikli) hücreler olmadan.

Markdown hücreleri MyST'ten düz Jupyter markdown'ına çevrilir (bkz. convert.py); ilk
hücre Colab'da eksik olanı kurar (bkz. setup_cell.py). `export` paketin bölümlerden
üretilen kısmını da yazar (bkz. generate.py).
"""

from pathlib import Path

import nbformat

from .book import BookInfo
from .chapter import group_problems
from .convert import Context, convert_markdown, references_markdown
from .errors import BookError
from .generate import expected_modules
from .markdown import myst_leftovers, remove_solutions
from .setup_cell import chapter_no_deps, colab_cell, requirement_pins
from .views import chapter_frameworks, framework_view

STUDENT_DIR = 'ogrenci'  # notebooks/ogrenci/<çerçeve>/<bölüm>.ipynb
KERNELSPEC = {'name': 'python3', 'display_name': 'Python 3', 'language': 'python'}


def export_notebook(
    nb, framework, book, doc, keep_outputs=False, student=False, pins=None
):
    """Bölümün bir çerçeve için Jupyter defteri: MyST'siz markdown, ilk hücrede kurulum.

    `doc` bölümün kitaptaki adıdır ('book/temel_gan'); `student` iken çözümler çıkar.
    """
    problems = group_problems(nb)
    if problems:
        raise BookError(
            f'{doc}: sekme grupları hatalı, defter yazılmadı:\n  '
            + '\n  '.join(problems)
        )
    view = framework_view(nb, framework, keep_outputs=keep_outputs)
    if student:
        view.cells = remove_solutions(view.cells)
    ctx = Context(book=book, doc=doc, nb=nb)
    cells = []
    for cell in view.cells:
        if cell.cell_type == 'markdown':
            cell.source = convert_markdown(ctx, cell.source)
            if not cell.source:
                continue
            left = myst_leftovers(cell.source)
            if left:
                raise BookError(
                    f'{doc} [{framework}]: çevrilmemiş MyST kaldı: {left[:3]}'
                )
        cells.append(cell)
    references = references_markdown(ctx)
    if references:
        cell = nbformat.v4.new_markdown_cell(references)
        cell.id = 'kaynaklar'
        cells.append(cell)
    no_deps = chapter_no_deps(book.root, nb)
    cells.insert(0, colab_cell(framework, book, Path(doc).name, pins, no_deps))
    view.cells = cells
    view.metadata['kernelspec'] = dict(KERNELSPEC)
    return view


def notebook_paths(out, chapter, framework):
    """(okur defteri, öğrenci defteri) yolları."""
    out = Path(out)
    name = Path(chapter).stem + '.ipynb'
    return out / framework / name, out / STUDENT_DIR / framework / name


def _notebooks(root, student_out=None):
    """Yazılacak defterler: {yol: metin}. `student_out` verilirse yalnızca öğrenci
    defterleri, o klasöre (<çerçeve>/<bölüm>.ipynb)."""
    root = Path(root)
    if not root.is_dir():
        raise BookError(f'Kitabın kök klasörü bulunamadı: {root}')
    book = BookInfo.load(root)
    pins = requirement_pins(root)
    written = {}
    for chapter, fw in chapter_frameworks(root):
        reader, student = notebook_paths(root / 'notebooks', chapter.path, fw)
        if student_out is not None:
            targets = [(Path(student_out) / fw / reader.name, True)]
        else:
            targets = [(reader, False), (student, True)]
        for path, is_student in targets:
            view = export_notebook(
                chapter.nb, fw, book, chapter.doc, student=is_student, pins=pins
            )
            written[path] = nbformat.writes(view) + '\n'
    return written


def export_all(root, check=False):
    """Bütün bölümleri dışa aktarır; check=True iken yalnızca güncelliği denetler.

    Eski ya da eksik dosyaların listesini döndürür (check=False iken yazılanlar).
    """
    root = Path(root)
    expected = {**_notebooks(root), **expected_modules(root)}
    out = root / 'notebooks'
    stale = [
        p
        for p, text in expected.items()
        if not p.is_file() or p.read_text(encoding='utf-8') != text
    ]
    existing = [*out.glob('*/*.ipynb'), *out.glob(f'{STUDENT_DIR}/*/*.ipynb')]
    extra = [p for p in existing if p not in expected]
    if check:
        if stale or extra:
            names = [str(p.relative_to(root)) for p in stale + extra]
            raise BookError(
                'Bölümlerden üretilen dosyalar güncel değil (python -m '
                'kitap export çalıştırın): ' + ', '.join(names)
            )
        return []
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(expected[path], encoding='utf-8')
    for path in extra:
        path.unlink()
    return stale + extra


def write_students(root, out):
    """Öğrenci defterlerini OUT/<çerçeve>/<bölüm>.ipynb'ye yazar (depodaki
    notebooks/ogrenci/ ile aynı defterler; başka bir klasöre dağıtmak için)."""
    written = _notebooks(root, student_out=out)
    for path, text in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding='utf-8')
    return list(written)
