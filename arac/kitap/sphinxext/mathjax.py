"""Sphinx eklentisi: MathJax kitabın kendi `_static` klasöründen sunulur.

Kitap çevrimdışı derlenir ve okunur: MathJax 3, sanal ortama npm ile kurulan
kopyadan çıktının `_static/mathjax/` klasörüne kopyalanır. Sürüm tek yerde yazılır:
`mathjax-pin.txt` (Makefile de kurarken onu okur); kurulu sürüm başka ise derleme
başında durur.
"""

import json
import shutil
import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ConfigError

PIN_FILE = Path(__file__).with_name('mathjax-pin.txt')
PACKAGE = PIN_FILE.read_text(encoding='utf-8').strip()  # ör. mathjax@3.2.2
VERSION = PACKAGE.rpartition('@')[2]
INSTALL = f'npm install --no-save --prefix .venv/npm {PACKAGE}'
INSTALLED = Path(sys.prefix) / 'npm' / 'node_modules' / 'mathjax'
SOURCE = INSTALLED / 'es5'
# Çıktıya yalnızca gerekenler kopyalanır: birleşik bileşen, yazı tipleri ve
# \require ya da otomatik yüklemeyle istenen TeX uzantıları.
PARTS = ('tex-mml-chtml.js', 'output/chtml/fonts/woff-v2', 'input/tex/extensions')
STATIC = 'mathjax'  # _static altındaki klasör


def installed_version():
    """Sanal ortamdaki MathJax'in sürümü; kurulu değilse None."""
    package = INSTALLED / 'package.json'
    if not (SOURCE / PARTS[0]).is_file() or not package.is_file():
        return None
    return json.loads(package.read_text(encoding='utf-8')).get('version')


def use_local_mathjax(app: Sphinx, config):
    config.mathjax_path = f'{STATIC}/{PARTS[0]}'


def check_mathjax(app: Sphinx):
    if app.builder.format != 'html':
        return
    found = installed_version()
    if found is None:
        raise ConfigError(
            f'MathJax bulunamadı ({SOURCE}). Kitap matematiği çevrimdışı gösterir; '
            f"MathJax'i depo kökünde şu komutla kurun: {INSTALL} (ya da `make venv`)."
        )
    if found != VERSION:
        raise ConfigError(
            f'Kurulu MathJax {found}, kitabın istediği {VERSION} '
            f'({PIN_FILE.name}); depo kökünde şunu çalıştırın: {INSTALL}'
        )


def copy_mathjax(app: Sphinx, exception):
    if exception is not None or app.builder.format != 'html':
        return
    target = Path(app.outdir) / '_static' / STATIC
    for part in PARTS:
        source = SOURCE / part
        if source.is_dir():
            shutil.copytree(source, target / part, dirs_exist_ok=True)
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)


def setup(app: Sphinx):
    app.connect('config-inited', use_local_mathjax)
    app.connect('builder-inited', check_mathjax)
    app.connect('build-finished', copy_mathjax)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
