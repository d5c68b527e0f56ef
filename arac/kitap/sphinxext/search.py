"""Sphinx eklentisi: Türkçe arama, büyük/küçük harfe duyarsız.

Türkçede "I"nın küçüğü "ı", "İ"nin küçüğü "i"dir; Python'un `str.lower()`ı ve
JavaScript'in `toLowerCase()`ı ise "I"yı "i"ye, "İ"yi "i̇"ye (i + birleşen nokta)
çevirir. Sphinx dizindeki sözcükleri Python'da, sorguyu tarayıcıda küçültür; ikisi de
Türkçe kuralı bilmediğinden "ÜRETİCİ", "Iraksama", "İkili" hiçbir şey bulmazdı.

- Dizin: Sphinx'in Türkçe arama dili, sözcükleri ayırırken Türkçe kuralla küçültür
  (`turkish_lower`); kök bulucu (snowball) küçük harfli Türkçe sözcük bekler.
- Sorgu: `static/d2l-search.js` sorguyu aynı kuralla küçültür ve sonuç özetlerinden
  ham LaTeX'i (`\\(...\\)`, `\\[...\\]`) çıkarır.
"""

from sphinx.application import Sphinx
from sphinx.search.tr import SearchTurkish

from . import use_static_dir

SCRIPT = 'd2l-search.js'
UPPER_TO_LOWER = str.maketrans({'I': 'ı', 'İ': 'i'})


def turkish_lower(text):
    """Türkçe kurala göre küçük harf: I -> ı, İ -> i, ötekiler `str.lower()`."""
    return text.translate(UPPER_TO_LOWER).lower()


class SearchTurkishFolded(SearchTurkish):
    """Sphinx'in Türkçe arama dili; sözcükler Türkçe kuralla küçültülür."""

    def split(self, input):
        return [turkish_lower(word) for word in super().split(input)]


def configure(app: Sphinx, config):
    use_static_dir(config)


def setup(app: Sphinx):
    app.connect('config-inited', configure)
    app.add_search_language(SearchTurkishFolded)
    app.add_js_file(SCRIPT)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
