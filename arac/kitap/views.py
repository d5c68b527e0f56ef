"""Bölümün çerçeve görünümleri ve kitabın bölüm × çerçeve yineleyicisi."""

import copy
from dataclasses import dataclass
from pathlib import Path

from d2l_gan.frameworks import FRAMEWORKS

from .chapter import (
    META_KEY,
    MISSING_REASON_KEY,
    check_framework,
    framework_of,
    load_chapter,
)
from .config import chapter_notebooks
from .outputs import cell_outputs


def framework_view(nb, framework, keep_outputs=False):
    """Bölümün tek bir çerçeveden görünümü: ortak hücreler ve o çerçevenin hücreleri.

    Hücre kimlikleri korunur (çıktılar bu kimliklerle bölüme geri yazılır); çerçeve
    etiketi okura bir şey söylemediği için silinir.
    """
    check_framework(framework)
    view = copy.deepcopy(nb)
    view.cells = []
    for cell in nb.cells:
        if framework_of(cell) not in (None, framework):
            continue
        cell = copy.deepcopy(cell)
        tags = [t for t in cell.metadata.get('tags', []) if t not in FRAMEWORKS]
        if tags:
            cell.metadata['tags'] = tags
        else:
            cell.metadata.pop('tags', None)
        cell.metadata.pop(MISSING_REASON_KEY, None)
        if cell.cell_type == 'code':
            cell.outputs = cell_outputs(cell, framework) if keep_outputs else []
            if not keep_outputs:
                cell.execution_count = None
        cell.metadata.pop(META_KEY, None)
        view.cells.append(cell)
    view.metadata.pop(META_KEY, None)
    return view


@dataclass
class Chapter:
    path: Path  # book/temel_gan.ipynb
    doc: str  # kitaptaki adı: 'book/temel_gan'
    nb: object  # bölüm defteri

    @property
    def stem(self):
        return self.path.stem


def chapters(root):
    """_toc.yml'deki bölümler, okuma sırasıyla (listelenip bulunamayan hatadır)."""
    root = Path(root)
    return [
        Chapter(
            path, path.relative_to(root).with_suffix('').as_posix(), load_chapter(path)
        )
        for path in chapter_notebooks(root, strict=True)
    ]


def chapter_frameworks(root, frameworks=FRAMEWORKS):
    """Kitabın her bölümü ve her çerçevesi: (Chapter, çerçeve) çiftleri."""
    return [(chapter, fw) for chapter in chapters(root) for fw in frameworks]
