"""MyST-NB'nin bölüm defterlerini okuma biçimi (`nb_custom_formats`; sphinxext/tabs.py).

Kaynak defter derlemeden önce iki yerde değişir:
- Çıktıları çerçevelerde farklı olan ortak bir hücre (bkz. `cell_outputs`), aynı
  kodu ve kendi çıktısını taşıyan çerçeve başına bir hücreye açılır; sekme eklentisi
  bunları kendi sekme kümesinde gösterir (`GROUP_TAG` etiketi, komşu sekme
  gruplarıyla karışmasınlar diye).
- Süre kutusundaki yer tutucular (`{{ sure_pytorch }}` ...) çalıştırmanın
  kaydettiği sürelerle doldurulur.
"""

import copy

import nbformat

from d2l_gan.frameworks import FRAMEWORKS, SUFFIXES

from .notebook import META_KEY, cell_outputs, fill_runtime

GROUP_TAG = 'd2l-ortak-{id}'


def expand_shared_cells(nb):
    cells = []
    for cell in nb.cells:
        if cell.cell_type != 'code' or 'outputs' not in cell.metadata.get(META_KEY, {}):
            cells.append(cell)
            continue
        for fw in FRAMEWORKS:
            copy_ = copy.deepcopy(cell)
            copy_.metadata.pop(META_KEY)
            tags = copy_.metadata.get('tags', [])
            copy_.metadata['tags'] = [*tags, fw, GROUP_TAG.format(id=cell.id)]
            copy_.outputs = cell_outputs(cell, fw)
            copy_.id = f'{cell.id}-{SUFFIXES[fw]}'
            cells.append(copy_)
    nb.cells = cells
    return nb


def read_chapter(text):
    nb = nbformat.reads(text, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == 'markdown':
            cell.source = fill_runtime(cell.source, nb)
    return expand_shared_cells(nb)
