"""Kitabın yapım araçları: defterlerin dışa aktarımı, çalıştırılıp birleştirilmesi,
yapısal denetim ve çerçeve sekmelerini üreten Sphinx eklentisi (`tabs`)."""
