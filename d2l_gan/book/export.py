"""Bölümlerden çerçeve başına okur defterleri (notebooks/<çerçeve>/<bölüm>.ipynb) ve
çözümleri çıkarılmış öğrenci defterleri."""
import re
from pathlib import Path

import nbformat

from .lib import expected_modules
from .notebook import (FRAMEWORKS, BookError, chapter_notebooks, framework_view,
                       load_chapter, repository)

# Colab'da zaten bulunanlar kurulmaz; MXNet 1.9.1 Python <= 3.11 ve numpy < 1.24 ister.
_EXTRA = {'pytorch': '', 'tensorflow': '', 'mxnet': ' "mxnet==1.9.1" "numpy==1.23.5"'}


def colab_cell(framework, repo_url, branch):
    """Colab'da eksik paketleri kuran ilk hücre; başka yerde hiçbir şey yapmaz."""
    lines = ["# Colab'da eksik olanları kurar; kendi bilgisayarınızda bu hücre bir şey yapmaz.",
             'import sys',
             "if 'google.colab' in sys.modules:"]
    if framework == 'mxnet':
        lines.append('    # Not: MXNet 1.9.1 Python 3.11 ve öncesinde çalışır; Colab daha '
                     'yeni bir Python kullanıyorsa kurulum başarısız olur.')
    lines.append(f'    %pip install -q "d2l-gan @ git+{repo_url}@{branch}"{_EXTRA[framework]}')
    cell = nbformat.v4.new_code_cell('\n'.join(lines))
    cell.id = 'colab-kurulum'
    return cell


def export_notebook(nb, framework, repo_url, branch, keep_outputs=False):
    view = framework_view(nb, framework, keep_outputs=keep_outputs)
    view.cells.insert(0, colab_cell(framework, repo_url, branch))
    view.metadata['kernelspec'] = {'name': 'python3', 'display_name': 'Python 3',
                                   'language': 'python'}
    return view


def expected_files(root, out=None):
    """Bölümlerden üretilen her dosya ve beklenen metni: okur defterleri ve paketin
    `#@save` ile kaydedilen kısmı."""
    root = Path(root)
    out = Path(out) if out else root / 'notebooks'
    repo_url, branch = repository(root)
    expected = {}
    for chapter in chapter_notebooks(root, strict=True):
        nb = load_chapter(chapter)
        for fw in FRAMEWORKS:
            text = nbformat.writes(export_notebook(nb, fw, repo_url, branch)) + '\n'
            expected[out / fw / (chapter.stem + '.ipynb')] = text
    expected.update(expected_modules(root))
    return expected


def export_all(root, check=False, out=None):
    """Bütün bölümleri dışa aktarır; check=True iken yalnızca güncelliği denetler.

    Eski ya da eksik dosyaların listesini döndürür (check=False iken yazılanlar).
    """
    root = Path(root)
    out = Path(out) if out else root / 'notebooks'
    expected = expected_files(root, out)
    stale = [p for p, text in expected.items()
             if not p.is_file() or p.read_text(encoding='utf-8') != text]
    extra = [p for p in out.glob('*/*.ipynb') if p not in expected]
    if check:
        if stale or extra:
            names = [str(p.relative_to(root)) for p in stale + extra]
            raise BookError('Bölümlerden üretilen dosyalar güncel değil (python -m '
                            'd2l_gan.book export çalıştırın): ' + ', '.join(names))
        return []
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(expected[path], encoding='utf-8')
    for path in extra:
        path.unlink()
    return stale + extra


# MyST'te çözüm bloğu: ```{solution} ya da :::{solution}; aynı karakterden en az o
# uzunlukta, yalnız başına bir satır bloğu kapatır (içteki kısa çitler bloğun parçasıdır).
_SOLUTION_OPEN = re.compile(r'(`{3,}|:{3,})\{solution\}')


def strip_solutions(text):
    """Markdown metninden {solution} bloklarını çıkarır: (yeni metin, çıkarılan blok sayısı)."""
    kept, removed, closing = [], 0, None
    for line in text.split('\n'):
        if closing:
            if closing.fullmatch(line.strip()):
                closing = None
            continue
        match = _SOLUTION_OPEN.match(line.strip())
        if match:
            fence = match.group(1)
            closing = re.compile(re.escape(fence[0]) + '{%d,}' % len(fence))
            removed += 1
            continue
        kept.append(line)
    if closing:
        raise BookError('Kapanmamış bir çözüm bloğu var: ' + text[:60].replace('\n', ' '))
    return re.sub(r'\n{3,}', '\n\n', '\n'.join(kept)).strip('\n'), removed


def student_notebook(nb, framework, repo_url, branch):
    """Okur defterinin aynısı, yalnızca çözüm blokları çıkarılmış (boşalan hücre düşer)."""
    view = export_notebook(nb, framework, repo_url, branch)
    cells = []
    for cell in view.cells:
        if cell.cell_type == 'markdown':
            cell.source, removed = strip_solutions(cell.source)
            if removed and not cell.source:
                continue
        cells.append(cell)
    view.cells = cells
    return view


def write_students(root, out):
    """Her bölüm ve çerçeve için öğrenci defterini OUT/<çerçeve>/<bölüm>.ipynb'ye yazar."""
    root, out = Path(root), Path(out)
    repo_url, branch = repository(root)
    written = []
    for chapter in chapter_notebooks(root):
        nb = load_chapter(chapter)
        for fw in FRAMEWORKS:
            path = out / fw / (chapter.stem + '.ipynb')
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(student_notebook(nb, fw, repo_url, branch), path)
            written.append(path)
    return written
