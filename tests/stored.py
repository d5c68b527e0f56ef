"""Bölümlerin saklı (tam ayarlı) çıktılarını okuyan testlerin ortak yardımcıları."""
from pathlib import Path

from d2l_gan.book.notebook import load_chapter

ROOT = Path(__file__).resolve().parent.parent
# Çerçeve hücrelerinin kimlik son ekleri: egit-pt, egit-tf, egit-mx.
SUFFIX = {'pytorch': 'pt', 'tensorflow': 'tf', 'mxnet': 'mx'}


def stored_chapter(stem):
    """book/<stem>.ipynb; saklı çıktıları --params olmadan (tam ayarla) üretilmiş olmalı."""
    nb = load_chapter(ROOT / 'book' / f'{stem}.ipynb')
    assert 'd2l_gan' not in nb.metadata, f'{stem}: saklı çıktılar küçültülmüş ayarlarla üretilmiş'
    return nb


def stored_cell(nb, cell_id):
    found = [c for c in nb.cells if c.get('id') == cell_id]
    assert found, f'{cell_id} kimlikli hücre yok'
    return found[0]


def stored_text(nb, cell_id):
    """Hücrenin saklı metin (stream) çıktısı."""
    return ''.join(o.get('text', '') for o in stored_cell(nb, cell_id).outputs
                   if o.output_type == 'stream')
