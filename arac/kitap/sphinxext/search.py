"""Sphinx eklentisi: Türkçe arama; büyük/küçük harfe ve Türkçe harflere duyarsız.

Türkçede "I"nın küçüğü "ı", "İ"nin küçüğü "i"dir; Python'un `str.lower()`ı ve
JavaScript'in `toLowerCase()`ı ise "I"yı "i"ye, "İ"yi "i̇"ye (i + birleşen nokta)
çevirir. Sphinx dizindeki sözcükleri Python'da, sorguyu tarayıcıda küçültür; ikisi de
Türkçe kuralı bilmediğinden "ÜRETİCİ", "Iraksama", "İkili" hiçbir şey bulmazdı.

Okurların bir kısmı Türkçe harfleri klavyesinden yazamaz ya da yazmaz: "uretici",
"ayrimci" de "üretici"nin, "ayrımcı"nın bulduğu sayfaları bulmalı.

- Dizin: Sphinx'in Türkçe arama dili, sözcükleri ayırırken Türkçe kuralla küçültür
  (`turkish_lower`). Kök, sözcüğün Türkçe harfleri ASCII'ye indirildikten sonra
  bulunur ve kökün kendisi de indirilir (`ascii_fold`: ç->c, ğ->g, ı->i, ö->o, ş->s,
  ü->u, şapkalı ve öteki aksanlı harfler aksansız): "üreticinin" -> "uretic".
- Sorgu: `static/d2l-search.js` sorguyu aynı adımlardan geçirir (Türkçe küçültme,
  ASCII'ye indirme, kök, yine ASCII); "üretici" de "uretici" de "uretic" olur.
  Bir sayfa sonuçlarda bir kez görünür (en yüksek puanlı eşleşmesiyle). Sonuç özeti
  sayfanın düzyazısından, aranan sözcüğün (Türkçe harfli ya da harfsiz) geçtiği
  yerden alınır; kod, matematik ve sayfa düğmeleri özete girmez.
"""

import re
import unicodedata

from sphinx.application import Sphinx
from sphinx.search.tr import SearchTurkish

from . import use_static_dir

SCRIPT = 'd2l-search.js'
UPPER_TO_LOWER = str.maketrans({'I': 'ı', 'İ': 'i'})
# Ayrışmayan harf (ı) ve birleşen aksan işaretleri (ayrıştırmadan sonra: ç = c + ̧ ).
DOTLESS_I = str.maketrans({'ı': 'i'})
COMBINING = re.compile('[\u0300-\u036f]')


def turkish_lower(text):
    """Türkçe kurala göre küçük harf: I -> ı, İ -> i, ötekiler `str.lower()`."""
    return text.translate(UPPER_TO_LOWER).lower()


def ascii_fold(text):
    """Türkçe harfleri ve aksanları ASCII'ye indirir: 'üretiç' -> 'uretic'.

    d2l-search.js'teki `d2lFold` ile aynı: ı -> i, NFD ayrıştırma, U+0300-U+036F
    arasındaki birleşen işaretler atılır."""
    return COMBINING.sub('', unicodedata.normalize('NFD', text.translate(DOTLESS_I)))


class SearchTurkishFolded(SearchTurkish):
    """Sphinx'in Türkçe arama dili; sözcükler Türkçe kuralla küçültülür, kökler
    ASCII'dir."""

    def split(self, input):
        return [turkish_lower(word) for word in super().split(input)]

    def stem(self, word):
        return ascii_fold(super().stem(ascii_fold(word)))


def configure(app: Sphinx, config):
    use_static_dir(config)


def setup(app: Sphinx):
    app.connect('config-inited', configure)
    app.add_search_language(SearchTurkishFolded)
    app.add_js_file(SCRIPT)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
