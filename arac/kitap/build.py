"""`build`: kitabı uyarıları hata sayarak derler; --hide-solutions ile öğrenci
sürümünü (çözümleri gizlenmiş kitap, ders için) ayrı bir klasöre derler.

Öğrenci sürümü, kaynakların çözümleri çıkarılmış bir kopyasından derlenir
(`_build/cozumsuz/kaynak/`). Böylece o derlemenin sunduğu hiçbir şeyde çözüm
yoktur: sayfalarda, arama dizininde, indirilen defterlerde. Sürüm kendi içinde
tutarlıdır ve öğrenciye konuşur:

- eğitmen sayfası (`book/ders`) kopyada yoktur; sayfalarda ona bağlanan satırlar
  (ana sayfadaki cümle, Ekler listesindeki madde) çıkarılır;
- ana sayfanın derleme başına değişen cümleleri MyST yerine koymalarıdır
  (`HIDDEN_SUBSTITUTIONS`; normal derlemedekiler `_config.yml`'de);
- "Colab'da aç" düğmeleri ve indirme düğmesi öğrenci defterlerini
  (`notebooks/ogrenci/<çerçeve>/`) verir; defterler kopyaya alınır.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

from .chapter import load_chapter
from .config import read_config
from .errors import BookError
from .export import STUDENT_DIR
from .markdown import remove_solutions, strip_solutions

# Her uyarı bir hatadır; yine de hepsini tek derlemede görmek için sürdürülür.
FLAGS = ['--warningiserror', '--nitpick', '--keep-going']
# Çözümsüz sürüm: kaynak kopyası ve çıktı buraya yazılır (HTML: <bu>/_build/html).
HIDDEN_DIR = Path('_build') / 'cozumsuz'
HIDDEN_SOURCE = 'kaynak'
# Eğitmen sayfası: öğrenci sürümünde yok.
INSTRUCTOR_PAGES = ('book/ders',)
# Ana sayfanın öğrenci sürümündeki cümleleri (index.md'de {{ ad }}; normal derlemenin
# cümleleri _config.yml'de). Çözümlerden ve tam defterlerden söz etmezler.
HIDDEN_SUBSTITUTIONS = {
    'alistirmalar': 'Her bölüm bir **Özet** ve **Alıştırmalar** ile biter.',
    'defterler': (
        'Sonra `notebooks/ogrenci/pytorch/`, `notebooks/ogrenci/tensorflow/` ya da '
        '`notebooks/ogrenci/mxnet/` altındaki defterleri açın; her bölüm sayfasının '
        'indirme düğmesi de o bölümün, seçtiğiniz çerçevedeki defterini verir. Bu '
        'defterler yalnızca seçtiğiniz çerçevenin kodunu içerir.'
    ),
    'cozumler_nerede': (
        'Alıştırmalar her bölümün sonundadır; yanıtlarınızı dersinizin istediği '
        'biçimde hazırlayın.'
    ),
}


def html_dir(root, hide_solutions=False):
    root = Path(root)
    return (root / HIDDEN_DIR if hide_solutions else root) / '_build' / 'html'


def _config_paths(value):
    """Yapılandırmadaki dize değerleri (göreli dosya yolları olabilecekler)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key != 'exclude_patterns':  # dışarıda bırakılanlar kopyalanmaz
                yield from _config_paths(item)
    elif isinstance(value, list):
        for item in value:
            yield from _config_paths(item)
    elif isinstance(value, str) and value and '://' not in value:
        yield value


def without_pages(toc, pages):
    """`_toc.yml`'nin `pages` dışında kalan girdileri (iç içe bölümler dahil)."""
    if isinstance(toc, dict):
        if toc.get('file') in pages:
            return None
        return {k: without_pages(v, pages) for k, v in toc.items()}
    if isinstance(toc, list):
        kept = [without_pages(item, pages) for item in toc]
        return [item for item in kept if item is not None]
    return toc


def without_links_to(text, pages):
    """Markdown metninden `pages`'e ({doc}`ad` ile) bağlanan satırlar çıkarılır."""
    names = {page.rsplit('/', 1)[-1] for page in pages}
    links = tuple(f'{{doc}}`{name}`' for name in names)
    lines = text.split('\n')
    return '\n'.join(line for line in lines if not any(link in line for link in links))


def strip_notebook_solutions(path):
    """Bir bölüm defterinden çözümleri ve onları hesaplayan hücreleri çıkarır."""
    nb = load_chapter(path)
    nb.cells = remove_solutions(nb.cells)
    nbformat.write(nb, path)


def solution_free_copy(root, target):
    """Kitabın kaynaklarını çözümleri çıkarılmış olarak `target`e kopyalar.

    Kopyalanan: `_toc.yml`, `book/` ve `_config.yml`'nin andığı, kökte bulunan öteki
    dosya ve klasörler. `_config.yml` ayrıca yazılır (bkz. build_book).
    """
    root, target = Path(root), Path(target)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    toc = yaml.safe_load((root / '_toc.yml').read_text(encoding='utf-8'))
    (target / '_toc.yml').write_text(
        yaml.safe_dump(
            without_pages(toc, INSTRUCTOR_PAGES), allow_unicode=True, sort_keys=False
        ),
        encoding='utf-8',
    )
    ignore = shutil.ignore_patterns('.ipynb_checkpoints', '__pycache__', '_build')
    shutil.copytree(root / 'book', target / 'book', ignore=ignore)
    for page in INSTRUCTOR_PAGES:
        for path in target.glob(f'{page}.*'):
            path.unlink()
    student = root / 'notebooks' / STUDENT_DIR
    if student.is_dir():  # indirme düğmesinin verdiği öğrenci defterleri
        shutil.copytree(student, target / 'notebooks' / STUDENT_DIR, ignore=ignore)
    for name in _config_paths(read_config(root)):
        source = root / name
        first = Path(name).parts[0] if Path(name).parts else ''
        if (
            first in ('book', '_build', '..', '')
            or not source.exists()
            or (Path(name).is_absolute())
        ):
            continue
        dest = target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, dest, ignore=ignore, dirs_exist_ok=True)
        else:
            shutil.copy2(source, dest)
    for path in sorted((target / 'book').rglob('*')):
        if path.suffix == '.ipynb':
            strip_notebook_solutions(path)
        elif path.suffix == '.md':
            text = path.read_text(encoding='utf-8')
            stripped, removed = strip_solutions(text)
            unlinked = without_links_to(stripped if removed else text, INSTRUCTOR_PAGES)
            if removed or unlinked != text:
                path.write_text(unlinked.rstrip('\n') + '\n', encoding='utf-8')
    return target


def hidden_config(config):
    """Çözümsüz derlemenin yapılandırması."""
    config = dict(config)
    sphinx = dict(config.get('sphinx') or {})
    sphinx_config = dict(sphinx.get('config') or {})
    sphinx_config['d2l_gan_colab_folder'] = f'notebooks/{STUDENT_DIR}'
    sphinx['config'] = sphinx_config
    config['sphinx'] = sphinx
    # Depo düğmesi, çözümleri içeren bölüm kaynaklarına götürür: bu sürümde yok.
    config['html'] = {**(config.get('html') or {}), 'use_repository_button': False}
    parse = dict(config.get('parse') or {})
    parse['myst_substitutions'] = {
        **(parse.get('myst_substitutions') or {}),
        **HIDDEN_SUBSTITUTIONS,
    }
    config['parse'] = parse
    return config


def build_book(root, hide_solutions=False):
    """Kitabı derler; jupyter-book'un çıkış kodunu döndürür."""
    root = Path(root).resolve()
    if not (root / '_toc.yml').is_file():
        raise BookError(f'Kitabın kök klasöründe _toc.yml yok: {root}')
    jupyter_book = Path(sys.executable).parent / 'jupyter-book'
    if not jupyter_book.is_file():
        raise BookError(
            f'jupyter-book bulunamadı ({jupyter_book}); kitabın aracını '
            'kurun: make venv ya da pip install ./arac'
        )
    source = root
    cmd_tail = []
    if hide_solutions:
        out = root / HIDDEN_DIR
        source = solution_free_copy(root, out / HIDDEN_SOURCE)
        (source / '_config.yml').write_text(
            yaml.safe_dump(
                hidden_config(read_config(root)), allow_unicode=True, sort_keys=False
            ),
            encoding='utf-8',
        )
        cmd_tail = ['--path-output', str(out)]
    # Sphinx çıktı klasöründe eski derlemelerin sayfalarını bırakır (ör. artık
    # üretilmeyen genindex.html, öğrenci sürümünden çıkarılan ders sayfası): HTML
    # klasörü her derlemede baştan yazılır (ayrıştırılmış belgeler önbellekte kalır).
    shutil.rmtree(html_dir(root, hide_solutions), ignore_errors=True)
    return subprocess.call([str(jupyter_book), 'build', str(source), *FLAGS, *cmd_tail])
