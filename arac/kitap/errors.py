"""Aracın hata türü: her modül kullanıcıya bunu verir."""


class BookError(Exception):
    """Kullanıcıya gösterilecek Türkçe bir hata (iz değil, yalnızca ileti basılır)."""
