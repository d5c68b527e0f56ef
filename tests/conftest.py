"""Birden çok test dosyasının paylaştığı fikstürler."""

import pytest
from chromium import browser  # noqa: F401 (fikstür: Chromium, Playwright ile)
from stored import stored_chapter
from test_book_tool import book  # noqa: F401 (fikstür: küçük, geçici bir kitap)


@pytest.fixture(scope='module')
def chapter(request):
    """Test dosyasının `CHAPTER` adını verdiği bölüm, saklı çıktılarıyla."""
    return stored_chapter(request.module.CHAPTER)
