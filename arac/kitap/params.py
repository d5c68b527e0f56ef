"""Testlerin küçülttüğü ayarlar: `parameters` hücresi ve papermill kuralıyla ekleme."""

import copy
from pathlib import Path

import nbformat
import yaml

from d2l_gan.frameworks import FRAMEWORKS

from .errors import BookError


def parameter_cells(nb):
    return [c for c in nb.cells if 'parameters' in c.metadata.get('tags', [])]


def load_params(path, framework):
    """Küçültülmüş ayarlar dosyası (YAML): üst düzey adlar her çerçeveye, bir çerçeve
    adının altındakiler yalnızca o çerçeveye uygulanır."""
    path = Path(path)
    if not path.is_file():
        raise BookError(f'Parametre dosyası bulunamadı: {path}')
    try:
        data = yaml.safe_load(path.read_text(encoding='utf-8')) or {}
    except yaml.YAMLError as exc:
        raise BookError(f'Parametre dosyası okunamadı: {path} ({exc})') from None
    if not isinstance(data, dict):
        raise BookError(f'Parametre dosyası bir ad: değer eşlemesi olmalı: {path}')
    params = {k: v for k, v in data.items() if k not in FRAMEWORKS}
    params.update(data.get(framework) or {})
    return params


def inject_params(view, params):
    """Papermill'in kuralıyla, `parameters` hücresinin ardına `injected-parameters`
    etiketli bir hücre ekler; değerler YAML'dan gelen Python sabitleridir."""
    if not params:
        return view
    cells = parameter_cells(view)
    if len(cells) != 1:
        raise BookError(
            "Parametre eklemek için defterde tam bir 'parameters' etiketli hücre olmalı"
        )
    source = '# Eklenen parametreler\n' + '\n'.join(
        f'{k} = {v!r}' for k, v in params.items()
    )
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata['tags'] = ['injected-parameters']
    cell.id = 'injected-parameters'
    view = copy.deepcopy(view)
    view.cells.insert(view.cells.index(cells[0]) + 1, cell)
    return view
