"""Bir bölümün sakladığı her glue kaydı, bölümün metninde anılır.

Kayıt `d2l.glue(f'<ad>_{d2l.FRAMEWORK}', ...)` ile çerçeve başına yapılır; metin çoğu
zaman yalnızca birinin değerini yazar, ötekiler sekmelerde görünür. Bu yüzden bir
kaydın `<ad>` kökü, herhangi bir çerçevenin adıyla (`<ad>_pytorch`, `<ad>_mxnet` ...)
`{glue:text}` ya da `{glue}` rolünde geçiyorsa kayıt anılmış sayılır. Anılmayan bir
kayıt, metinde yeri olmayan bir ölçümdür: ya metin onu okura söylemeli ya da hücre
onu kaydetmemelidir (testlerin denetlediği değerler saklı çıktıdan okunabilir).
"""

import re

import pytest

from d2l_gan.frameworks import FRAMEWORKS
from kitap.outputs import cell_outputs
from stored import stored_chapter

ROLE = re.compile(r'\{glue(?::\w+)?\}`([A-Za-z0-9_]+)')

# Denetlenen bölümler ve kayıtları denetlenmeyen hücreler (kimliklerinin öneki).
CHAPTERS = {
    'giris': (),
    'teori': (),
    'temel_gan': (),
    'dcgan': (),
    'tuzaklar': (),
    'wgan': (),
    'kucuk_veri': (),
    'stil_aktarimi': (),
}


def root(name):
    """Kaydın çerçeveden bağımsız kökü: 'pac_hq_pytorch' -> 'pac_hq'."""
    for fw in FRAMEWORKS:
        if name.endswith('_' + fw):
            return name[: -len(fw) - 1]
    return name


def stored_names(nb, skip=()):
    """{kayıt adı: hücre kimliği}: bölümün saklı çıktılarındaki glue kayıtları."""
    names = {}
    for cell in nb.cells:
        if cell.cell_type != 'code' or any(
            cell.get('id', '').startswith(s) for s in skip
        ):
            continue
        for fw in FRAMEWORKS:
            for out in cell_outputs(cell, fw):
                name = out.get('metadata', {}).get('scrapbook', {}).get('name')
                if name:
                    names[name] = cell.get('id')
    return names


def quoted_roots(nb):
    text = '\n'.join(c.source for c in nb.cells if c.cell_type == 'markdown')
    return {root(name) for name in ROLE.findall(text)}


def test_root_strips_any_framework_suffix():
    assert root('pac_hq_pytorch') == root('pac_hq_mxnet') == 'pac_hq'
    assert root('sweep0_modes_tensorflow') == 'sweep0_modes'
    assert root('kayit') == 'kayit'


@pytest.mark.parametrize('stem', CHAPTERS)
def test_every_stored_glue_record_is_quoted(stem):
    nb = stored_chapter(stem)
    names = stored_names(nb, CHAPTERS[stem])
    assert names, f'{stem}: bölüm hiç glue kaydı saklamıyor'
    quoted = quoted_roots(nb)
    unquoted = sorted(
        {(root(n), cell) for n, cell in names.items() if root(n) not in quoted}
    )
    assert not unquoted, (
        f'{stem}: metinde anılmayan glue kayıtları (kök, hücre): {unquoted}'
    )


@pytest.mark.parametrize('stem', CHAPTERS)
def test_every_quoted_glue_name_is_stored(stem):
    """Tersi de: metnin andığı her ad bir kayıttır (yanlış yazılmış ad boş görünür)."""
    nb = stored_chapter(stem)
    text = '\n'.join(c.source for c in nb.cells if c.cell_type == 'markdown')
    missing = sorted(set(ROLE.findall(text)) - set(stored_names(nb)))
    assert not missing, f'{stem}: metnin andığı ama saklanmamış glue adları: {missing}'
