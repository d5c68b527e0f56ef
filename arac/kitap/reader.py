"""MyST-NB'nin bölüm defterlerini okuma biçimi (`nb_custom_formats`; sphinxext/tabs.py).

Kaynak defter derlemeden önce üç yerde değişir:
- Çıktıları çerçevelerde farklı olan ortak bir hücre, aynı kodu ve kendi çıktısını
  taşıyan çerçeve başına bir hücreye açılır (outputs.expand_shared_cells); sekme
  eklentisi bunları kendi sekme kümesinde gösterir.
- Süre kutusundaki yer tutucular (`{{ sure_pytorch }}` ...) çalıştırmanın
  kaydettiği sürelerle doldurulur (runtime.fill_runtime).
- Sınav çıktılarındaki bağlantılar çevrimiçi kitaba değil, aynı siteye gider;
  betikleri MathJax yüklenmeden de hatasız çalışır (quiz.page_quiz_outputs).
"""

import nbformat

from .outputs import expand_shared_cells
from .quiz import page_quiz_outputs
from .runtime import fill_runtime


def read_chapter(text):
    nb = nbformat.reads(text, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == 'markdown':
            cell.source = fill_runtime(cell.source, nb)
    return page_quiz_outputs(expand_shared_cells(nb))
