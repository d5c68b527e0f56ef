"""Sphinx eklentisi: temanın ve eklentilerin Türkçesi olmayan dizeleri Türkçe olur.

Kitap `language: tr` ile derlenir; Sphinx'in Türkçe kataloğu çoğu dizeyi çevirir. Ama
pydata-sphinx-theme'in, sphinx-book-theme'in ve bazı eklentilerin dizelerinin Türkçesi
yoktur; sayfada "Skip to main content", "Back to top", "Copy" kalırdı. Üç yol:

- `CATALOG`: gettext ile çevrilen dizeler. Her katalog için bir yedek (fallback) çeviri
  eklenir: Türkçe kataloğu bir dizeyi çeviriyorsa o kullanılır, çevirmiyorsa buradaki.
- `FIXED`: şablonlara İngilizce olarak gömülü öznitelikler (kenar çubuğu düğmelerinin
  ipuçları, gezinme bölgelerinin adları); yazılan sayfada doğrudan değiştirilir.
- `static/d2l-turkce.js`: tarayıcıda üretilen dizeler (kopyala düğmesi, açılır kutu
  düğmesinin adı).

Ayrıca boş kalan iki dizin sayfası üretilmez: genel dizin (`genindex.html`, kitabın
dizin girdisi yok) ve sphinx-proof'un "Proof Index" sayfası (`prf-prf.html`).
"""

import gettext

from sphinx.application import Sphinx
from sphinx.locale import translators

from . import use_static_dir

SCRIPT = 'd2l-turkce.js'

# {katalog: {İngilizce: Türkçe}}; katalog adları eklentilerin kendi adlarıdır.
CATALOG = {
    'sphinx': {
        # pydata-sphinx-theme'in şablonları
        'Skip to main content': 'Ana içeriğe geç',
        'Back to top': 'Başa dön',
        'Color mode': 'Renk kipi',
        'Light': 'Açık',
        'Dark': 'Koyu',
        'System Settings': 'Sistem ayarı',
        'previous page': 'önceki sayfa',
        'next page': 'sonraki sayfa',
        'previous': 'önceki',
        'next': 'sonraki',
        'Version warning': 'Sürüm uyarısı',
        'Announcement': 'Duyuru',
        'Breadcrumb': 'Konum',
        'Home': 'Ana sayfa',
        'On this page': 'Bu sayfada',
        'Section Navigation': 'Bölümde gezinme',
        'Site navigation': 'Kitapta gezinme',
        'Collapse Sidebar': 'Kenar çubuğunu daralt',
        'Expand Sidebar': 'Kenar çubuğunu genişlet',
        'Search': 'Ara',
        # Sphinx'in başlık ve şekil bağlantıları (Türkçe kataloğunda yok)
        'Link to this heading': 'Bu başlığa bağlantı',
        'Link to this image': 'Bu şekle bağlantı',
        'Link to this equation': 'Bu denkleme bağlantı',
        'Link to this table': 'Bu tabloya bağlantı',
        'Link to this code': 'Bu koda bağlantı',
        'Link to this definition': 'Bu tanıma bağlantı',
        'Link to this term': 'Bu terime bağlantı',
    },
    'booktheme': {
        'Download this page': 'Bu sayfayı indirin',
        'Download notebook file': 'Defteri indirin',
        'Download source file': 'Kaynak dosyayı indirin',
        'Print to PDF': 'PDF olarak yazdırın',
        'Fullscreen mode': 'Tam ekran',
        'Source repository': 'Kaynak kod deposu',
        'Source repositories': 'Kaynak kod depoları',
        'Repository': 'Depo',
        'Contents': 'İçindekiler',
    },
    'togglebutton': {
        'Click to show': 'Göstermek için tıklayın',
        'Click to hide': 'Gizlemek için tıklayın',
    },
}

# Şablonlara gömülü İngilizce öznitelikler (sphinx-book-theme 1.3, pydata 0.17).
FIXED = {
    'title="Toggle primary sidebar"': 'title="Bölüm listesini göster ya da gizle"',
    'title="Toggle secondary sidebar"': (
        'title="Sayfanın içindekilerini göster ya da gizle"'
    ),
    'aria-label="Main"': 'aria-label="Bölümler"',
    'aria-label="Page"': 'aria-label="Sayfanın içindekileri"',
    'aria-label="Announcement"': 'aria-label="Duyuru"',
    'aria-label="Version switcher list"': 'aria-label="Sürümler"',
}


class Fallback(gettext.NullTranslations):
    """Bir kataloğun bulamadığı dizeler için Türkçe karşılıklar."""

    def __init__(self, messages):
        super().__init__()
        self.messages = messages

    def gettext(self, message):
        if message in self.messages:
            return self.messages[message]
        return super().gettext(message)

    def ngettext(self, singular, plural, n):
        if n == 1 and singular in self.messages:
            return self.messages[singular]
        return super().ngettext(singular, plural, n)


def add_fallbacks(app: Sphinx):
    """Her kataloğun (Sphinx, temalar, eklentiler) sonuna Türkçe yedeği ekler."""
    if not (app.config.language or '').startswith('tr'):
        return
    for catalog, messages in CATALOG.items():
        key = ('general', catalog)
        translator = translators.get(key)
        if isinstance(translator, Fallback):
            continue
        if translator is None or type(translator) is gettext.NullTranslations:
            translators[key] = Fallback(messages)
        else:
            translator.add_fallback(Fallback(messages))


def fix_embedded(html):
    for english, turkish in FIXED.items():
        html = html.replace(english, turkish)
    return html


def translate_templates(app: Sphinx):
    if app.builder.format != 'html' or not hasattr(app.builder, 'templates'):
        return
    add_fallbacks(app)
    templates = app.builder.templates
    render = templates.render
    if getattr(render, 'd2l_turkish', False):
        return

    def render_turkish(template, context):
        return fix_embedded(render(template, context))

    render_turkish.d2l_turkish = True
    templates.render = render_turkish


def configure(app: Sphinx, config):
    use_static_dir(config)
    config.html_use_index = False  # kitabın dizin girdisi yok: boş bir sayfa olurdu
    config.html_domain_indices = False  # sphinx-proof'un İngilizce "Proof Index"i


def setup(app: Sphinx):
    app.connect('config-inited', configure)
    app.connect('builder-inited', translate_templates)
    app.add_js_file(SCRIPT)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
