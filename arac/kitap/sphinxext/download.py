"""Sphinx eklentisi: indirme düğmesi bölümün okur defterini verir.

sphinx-book-theme'in indirme menüsü sayfanın kaynağını verirdi: bölüm sayfasında üç
çerçevenin hücrelerini birlikte taşıyan birleşik bölüm defterini (baştan sona
çalışmaz; DCGAN için 4 MB). Bunun yerine:

- Bölüm sayfasında menü, okurun seçtiği çerçevenin defterini verir
  (`<klasör>/<çerçeve>/<bölüm>.ipynb`; klasör `d2l_gan_colab_folder`, yani Colab
  bağlantılarınınki: normal derlemede `notebooks`, çözümsüz derlemede
  `notebooks/ogrenci`). Defterler derlemenin çıktısına kopyalanır; bağlantı seçilen
  sekmeyle değişir (`static/d2l-download.js`).
- Bölüm olmayan sayfada (ana sayfa, ekler) indirilecek bir defter yoktur: menüde
  yalnızca yazdırma kalır.
- Kaynak dosyalar (`_sources/`) çıktıya kopyalanmaz; bir düğme onlara götürmez.
"""

import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from d2l_gan.frameworks import FRAMEWORKS, LABELS

from . import use_static_dir
from .colab import FOLDER_SETTING
from .tabs import cell_framework

logger = logging.getLogger(__name__)

SCRIPT = 'd2l-download.js'
GROUP = 'download-buttons'
LABEL = 'd2l-notebook'  # düğmenin sınıfı: btn-d2l-notebook
STORE = 'd2l_download_notebooks'  # uygulamada: {çıktıdaki göreli yol: kaynak}


def notebook_folder(app):
    return getattr(app.config, FOLDER_SETTING).strip('/')


def chapter_notebooks(app, pagename):
    """Sayfanın bölüm defterleri: {çerçeve: (kaynak yol, çıktıdaki göreli yol)}."""
    folder = notebook_folder(app)
    stem = pagename.rsplit('/', 1)[-1]
    found = {}
    for framework in FRAMEWORKS:
        rel = f'{folder}/{framework}/{stem}.ipynb'
        source = Path(app.srcdir) / rel
        if source.is_file():
            found[framework] = (source, rel)
    return found


def notebook_button(framework, url):
    return {
        'type': 'link',
        'url': url,
        'text': f'{LABELS[framework]} defteri (.ipynb)',
        'tooltip': f'Bu bölümün {LABELS[framework]} defterini indirin',
        'icon': 'fas fa-code',
        'label': LABEL,
    }


def has_framework_cells(doctree):
    return doctree is not None and any(
        cell_framework(node) for node in doctree.findall(nodes.container)
    )


def download_buttons(app: Sphinx, pagename, templatename, context, doctree):
    group = next(
        (
            b
            for b in context.get('header_buttons', [])
            if b.get('label') == GROUP and b.get('type') == 'group'
        ),
        None,
    )
    if group is None:
        return
    keep = [
        b
        for b in group['buttons']
        if b.get('label') not in ('download-source-button', 'download-notebook-button')
    ]
    notebooks = chapter_notebooks(app, pagename)
    if notebooks:
        framework = next(iter(notebooks))  # varsayılan: sıradaki ilk çerçeve (PyTorch)
        for source, rel in notebooks.values():
            getattr(app, STORE)[rel] = source
        url = context['pathto'](notebooks[framework][1], 1)
        keep.insert(0, notebook_button(framework, url))
    elif has_framework_cells(doctree):
        logger.warning(
            f'{pagename}: çerçeve hücreleri var ama '
            f'{notebook_folder(app)}/<çerçeve>/ altında defteri yok; '
            '`python -m kitap export` ile üretin'
        )
    group['buttons'] = keep


def copy_notebooks(app: Sphinx, exception):
    if exception is not None or app.builder.format != 'html':
        return
    for rel, source in sorted(getattr(app, STORE).items()):
        target = Path(app.outdir) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def configure(app: Sphinx, config):
    use_static_dir(config)
    config.html_copy_source = False  # _sources/: birleşik bölüm defterleri sunulmaz
    config.html_show_sourcelink = False
    setattr(app, STORE, {})


def setup(app: Sphinx):
    app.setup_extension('kitap.sphinxext.colab')
    app.connect('config-inited', configure)
    # sphinx-book-theme düğmeleri 501 öncelikle ekler; bu ondan sonra çalışır.
    app.connect('html-page-context', download_buttons, priority=600)
    app.connect('build-finished', copy_notebooks)
    app.add_js_file(SCRIPT)
    return {'parallel_read_safe': True, 'parallel_write_safe': False}
