"""Birden çok test dosyasının paylaştığı fikstürler."""

from chromium import browser  # noqa: F401 (fikstür: Chromium, Playwright ile)
from test_book_tool import book  # noqa: F401 (fikstür: küçük, geçici bir kitap)
