"""Bölümlerin saklı içeriği üzerine testler."""
import re


from d2l_gan.book.notebook import FRAMEWORKS, chapter_notebooks
from stored import ROOT, SUFFIX, stored_chapter, stored_glue, stored_text


def test_every_chapter_is_covered_by_test_params():
    """Her bölümün testlerde küçültülmüş ayarları vardır (tam ayar CI'da çok uzun sürer)."""
    for chapter in chapter_notebooks(ROOT):
        assert (ROOT / 'tests' / 'params' / f'{chapter.stem}.yml').is_file(), chapter


def test_temel_gan_stored_covariance_is_close_in_every_framework():
    """Saklı (tam ayarlı) çıktılarda öğrenilen kovaryansın göreli hatası < 0.15."""
    nb = stored_chapter('temel_gan')
    for fw in FRAMEWORKS:
        assert stored_glue(nb, f'cov_error_{fw}') < 0.15, fw
        text = stored_text(nb, f'rapor-{SUFFIX[fw]}')
        mean = re.search(r'öğrenilen ortalama: \[\s*([-0-9.]+)\s+([-0-9.]+)\]', text)
        assert mean, f'{fw}: saklı çıktıda öğrenilen ortalama yok'
        assert abs(float(mean.group(1)) - 1) < 0.3 and abs(float(mean.group(2)) - 2) < 0.3
