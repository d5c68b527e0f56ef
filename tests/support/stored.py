"""Bölümlerin saklı (tam ayarlı) çıktılarını okuyan testlerin ortak yardımcıları."""

import ast
import re

from d2l_gan.frameworks import SUFFIXES as SUFFIX  # noqa: F401 (testler kullanır)
from kitap.chapter import META_KEY, load_chapter
from kitap.outputs import cell_outputs, glue_values
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

    Kayıtları kitabın kendisi gibi okur (kitap.outputs.glue_values: herhangi bir
    hücrede, ortak hücrelerde herhangi bir çerçevenin çıktısında); bulunmazsa test
    başarısız olur.
    """
    values = glue_values(nb)
    assert name in values, f"saklı çıktılarda '{name}' adlı glue kaydı yok"
    return ast.literal_eval(values[name])  # glue ile düz Python sayıları kaydedilir


def framework_glue(nb, name, framework):
    """Çerçeve başına kaydedilmiş glue değeri: `<name>_<framework>`."""
    return stored_glue(nb, f'{name}_{framework}')


def has_image(nb, cell_id, framework):
    """Hücrenin bu çerçevedeki saklı çıktılarında bir resim (PNG) var mı?"""
    return any(
        'image/png' in o.get('data', {})
        for o in cell_outputs(stored_cell(nb, cell_id), framework)
    )


# `d2l.CPUClock.summary`'nin yazdığı eğitim özeti satırı: adım, işlemci süresi,
# duvar saati.
CPU_SUMMARY = re.compile(
    r'^(\d+) adım, işlemci süresi (\d+) sn, duvar saati (\d+) sn', re.M
)


def stored_setting(nb, cell_id, name):
    """Hücredeki `name = değer` satırının değeri (metin olarak); yoksa test düşer."""
    match = re.search(rf'^{name} = (\S+)', stored_cell(nb, cell_id).source, re.M)
    assert match, f"'{cell_id}' hücresinde '{name} = ...' satırı yok"
    return match.group(1)
