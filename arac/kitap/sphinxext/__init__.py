"""Kitabın Sphinx eklentileri: her modül tek bir iş yapar ve `_config.yml`'de
(`sphinx: extra_extensions:`) ayrı bir eklenti olarak listelenir.

- `tabs`: çerçeve hücrelerini sekme kümelerine toplar; bölüm defterleri kitabın
  okuyucusundan geçer (`kitap.reader`).
- `colab`: bölüm başlığının altına her çerçevenin "Colab'da aç" bağlantısı.
- `numbering`: şekil numaraları bölüm başına; bir sekme kümesinin şekilleri tek
  numara paylaşır.
- `mathjax`: MathJax kitabın kendi `_static` klasöründen (çevrimdışı) sunulur.
- `proof`: sphinx-proof'un "Proof." sözcüğü "İspat." olur.
- `scripts`: sayfaya iki kez giren betiklerin ikinci kopyası atılır.
- `search`: Türkçe büyük/küçük harf katlaması (İ/i, I/ı) dizinde ve sorguda; sonuç
  özetlerinde ham LaTeX yok.
- `layout`: tek arama kutusu, Türkçe alt bilgi, kod ve denklem genişliği (CSS).
"""

from pathlib import Path

STATIC_DIR = Path(__file__).with_name('static')  # eklentilerin CSS ve JS dosyaları


def use_static_dir(config):
    """`static/` klasörünü Sphinx'in `html_static_path`ine (bir kez) ekler."""
    if str(STATIC_DIR) not in map(str, config.html_static_path):
        config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]
