"""Sphinx eklentisi: sayfa düzeni.

- Tek arama kutusu: pydata temasının üst çubuktaki kalıcı arama alanı kapatılır; arama
  sol kenar çubuğunda (dar ekranda makale başlığındaki düğmede) kalır.
- Alt bilgi Türkçe ve doğal: "© 2026 GAN Kitabı yazarları" (`_config.yml`'deki
  `copyright` ve `author`), temanın "Tarafından ... / © Copyright ..." satırları yerine;
  lisans da orada: metin CC BY-SA 4.0, kod MIT (bkz. depodaki LICENSE).
- Yazdırma (`static/d2l-book.css`, `@media print`): bölüm numaraları kalır; "Colab'da
  aç" bağlantıları ve sekme çubukları basılmaz, yalnızca seçili çerçevenin kodu basılır.
- `static/d2l-book.css`: 88 karakterlik bir kod satırı 1280 piksel genişlikte yana
  kaydırmadan sığar; uzun denklemler sayfayı taşırmaz, kendi kutularında görünür
  biçimde yana kayar (`static/d2l-overflow.js` taşan kenarı silikleştirir).
- Tema kipi (açık) baştan verilir: boş kalınca pydata teması her sayfada konsola
  "invalid theme mode" hatası yazar.
- Ana sayfanın başlığı kitabın adıdır; pencere başlığı "GAN Kitabı — GAN Kitabı" değil,
  yalnızca "GAN Kitabı" olur.
"""

import html as html_lib
from pathlib import Path

from markupsafe import Markup
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


def single_title(html, context):
    """Sayfa başlığı kitabın adıysa pencere başlığında ad bir kez yazılır."""
    title = Markup(context.get('title') or '').striptags()
    book = str(context.get('docstitle') or '')
    if not book or title != book:
        return html
    doubled = f'<title>{html_lib.escape(title)} &#8212; {html_lib.escape(book)}</title>'
    return html.replace(doubled, f'<title>{html_lib.escape(book)}</title>', 1)


def wrap_render(app: Sphinx):
    templates = getattr(app.builder, 'templates', None)
    if templates is None or getattr(templates.render, 'd2l_title', False):
        return
    render = templates.render

    def render_single_title(template, context):
        return single_title(render(template, context), context)

    render_single_title.d2l_title = True
    templates.render = render_single_title


def setup(app: Sphinx):
    app.connect('config-inited', configure)
    app.connect('builder-inited', wrap_render)
    app.add_css_file(STYLESHEET)
    app.add_js_file(SCRIPT)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
