"""Bölümlerin saklı (tam ayarlı) çıktılarını okuyan testlerin ortak yardımcıları."""

import ast
import re

from d2l_gan.frameworks import SUFFIXES as SUFFIX  # noqa: F401 (testler kullanır)
from kitap.chapter import META_KEY, framework_of, load_chapter
from kitap.outputs import cell_outputs
from repo import ROOT


def stored_chapter(stem):
    """book/<stem>.ipynb; saklı çıktıları tam ayarla (--params olmadan) üretilmiştir."""
    nb = load_chapter(ROOT / 'book' / f'{stem}.ipynb')
    overrides = nb.metadata.get(META_KEY, {}).get('overrides')
    assert not overrides, f'{stem}: saklı çıktılar küçültülmüş ayarlarla üretilmiş'
    return nb


def stored_cell(nb, cell_id):
    found = [c for c in nb.cells if c.get('id') == cell_id]
    assert found, f'{cell_id} kimlikli hücre yok'
    return found[0]


def stored_text(nb, cell_id, framework=None):
    """Hücrenin saklı metin (stream) çıktısı; ortak bir hücrede `framework`ünki."""
    cell = stored_cell(nb, cell_id)
    outputs = cell_outputs(cell, framework) if framework else cell.outputs
    return ''.join(o.get('text', '') for o in outputs if o.output_type == 'stream')


def stored_glue(nb, name):
    """MyST-NB'nin `glue` ile kaydettiği değer (Python sabiti olarak okunur).

    Kayıt bölümün herhangi bir hücresinde, ortak hücrelerde herhangi bir
    çerçevenin çıktısında olabilir; bulunmazsa test başarısız olur.
    """
    found = []
    for cell in nb.cells:
        if cell.cell_type != 'code':
            continue
        frameworks = (
            [framework_of(cell)]
            if framework_of(cell)
            else ['pytorch', 'tensorflow', 'mxnet']
        )
        for fw in frameworks:
            for out in cell_outputs(cell, fw):
                if out.get('metadata', {}).get('scrapbook', {}).get('name') == name:
                    found.append(out)
    assert found, f"saklı çıktılarda '{name}' adlı glue kaydı yok"
    text = next(v for k, v in found[0]['data'].items() if k.endswith('text/plain'))
    return ast.literal_eval(text)  # glue ile düz Python sayıları kaydedilir


def stored_setting(nb, cell_id, name):
    """Hücredeki `name = değer` satırının değeri (metin olarak); yoksa test düşer."""
    match = re.search(rf'^{name} = (\S+)', stored_cell(nb, cell_id).source, re.M)
    assert match, f"'{cell_id}' hücresinde '{name} = ...' satırı yok"
    return match.group(1)
