"""Bütün testlerin ortak fikstürleri. Yardımcılar `tests/support/`tedir (pytest onu
`pythonpath` ile içe aktarılabilir kılar; bkz. pyproject.toml)."""

import pytest

from stored import stored_chapter

# Fikstür modülleri: `browser` (Chromium, Playwright ile) ve `book` (küçük, geçici
# bir kitap).
pytest_plugins = ['chromium', 'fake_book']


@pytest.fixture(scope='module')
def chapter(request):
    """Test dosyasının `CHAPTER` adını verdiği bölüm, saklı çıktılarıyla."""
    return stored_chapter(request.module.CHAPTER)
