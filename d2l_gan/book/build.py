"""`build`: kitabı uyarıları hata sayarak derler; --hide-solutions ile çözümleri
gizlenmiş sürümü (ders için) ayrı bir klasöre derler."""
import subprocess
import sys
from pathlib import Path

import yaml

from .notebook import BookError

# Her uyarı bir hatadır; yine de hepsini tek derlemede görmek için sürdürülür.
FLAGS = ['--warningiserror', '--nitpick', '--keep-going']
# Çözümsüz sürüm: yapılandırma ve çıktı buraya yazılır (HTML: <bu>/_build/html).
HIDDEN_DIR = Path('_build') / 'cozumsuz'


def html_dir(root, hide_solutions=False):
    root = Path(root)
    return (root / HIDDEN_DIR if hide_solutions else root) / '_build' / 'html'


def build_book(root, hide_solutions=False):
    """Kitabı derler; jupyter-book'un çıkış kodunu döndürür."""
    root = Path(root).resolve()
    jupyter_book = Path(sys.executable).parent / 'jupyter-book'
    if not jupyter_book.is_file():
        raise BookError(f'jupyter-book bulunamadı ({jupyter_book.name}); önce make venv')
    cmd = [str(jupyter_book), 'build', str(root), *FLAGS]
    if hide_solutions:
        out = root / HIDDEN_DIR
        config = yaml.safe_load((root / '_config.yml').read_text(encoding='utf-8'))
        # sphinx-exercise'ın kendi ayarı: çözüm yönergeleri sayfaya hiç konmaz.
        config.setdefault('sphinx', {}).setdefault('config', {})['hide_solutions'] = True
        out.mkdir(parents=True, exist_ok=True)
        (out / '_config.yml').write_text(
            yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding='utf-8')
        cmd += ['--config', str(out / '_config.yml'), '--path-output', str(out)]
    return subprocess.call(cmd)
