"""Birden çok test dosyasının paylaştığı fikstürler."""

from test_book_tool import book  # noqa: F401 (fikstür: küçük, geçici bir kitap)
