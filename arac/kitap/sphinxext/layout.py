"""Sphinx eklentisi: sayfa düzeni.

- Tek arama kutusu: pydata temasının üst çubuktaki kalıcı arama alanı kapatılır; arama
  sol kenar çubuğunda (dar ekranda makale başlığındaki düğmede) kalır.
- Alt bilgi Türkçe ve doğal: "© 2026 GAN Kitabı yazarları" (`_config.yml`'deki
  `copyright` ve `author`), temanın "Tarafından ... / © Copyright ..." satırları yerine.
- `static/d2l-book.css`: 88 karakterlik bir kod satırı 1280 piksel genişlikte yana
  kaydırmadan sığar; uzun denklemler sayfayı taşırmaz, kendi kutularında görünür
  biçimde yana kayar (`static/d2l-overflow.js` taşan kenarı silikleştirir).
- Tema kipi (açık) baştan verilir: boş kalınca pydata teması her sayfada konsola
  "invalid theme mode" hatası yazar.
"""

from pathlib import Path

from sphinx.application import Sphinx

from . import use_static_dir

HERE = Path(__file__).parent
STYLESHEET = 'd2l-book.css'
SCRIPT = 'd2l-overflow.js'
FOOTER = 'd2l-footer.html'
SEARCH_PLACEHOLDER = 'Kitapta ara…'


def configure(app: Sphinx, config):
    config.templates_path = [*config.templates_path, str(HERE / 'templates')]
    use_static_dir(config)
    config.html_theme_options = {
        **(config.html_theme_options or {}),
        'navbar_persistent': [],
        'footer_content_items': [FOOTER],
        'search_bar_text': SEARCH_PLACEHOLDER,
    }
    config.html_context = {'default_mode': 'light', **(config.html_context or {})}


def setup(app: Sphinx):
    app.connect('config-inited', configure)
    app.add_css_file(STYLESHEET)
    app.add_js_file(SCRIPT)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
