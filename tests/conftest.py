"""Bütün testlerin ortak fikstürleri. Yardımcılar `tests/support/`tedir (pytest onu
`pythonpath` ile içe aktarılabilir kılar; bkz. pyproject.toml)."""

import pytest

from stored import stored_chapter

# Fikstür modülleri: `browser` (Chromium, Playwright ile), `book` (küçük, geçici
# bir kitap) ve `data_home` (boş veri klasörü, kapalı ağ).
pytest_plugins = ['chromium', 'fake_book', 'offline_data']


def pytest_collection_modifyitems(items):
    """`slow` işaretli modüller öne: pytest-xdist modülleri toplama sırasıyla dağıtır
    (`--no-loadscope-reorder`); uzun bir modül sona kalırsa öteki işçi boşta bekler."""
    items.sort(key=lambda item: item.get_closest_marker('slow') is None)


@pytest.fixture(scope='module')
def chapter(request):
    """Test dosyasının `CHAPTER` adını verdiği bölüm, saklı çıktılarıyla."""
    return stored_chapter(request.module.CHAPTER)
