"""Kitabın aracı (`python -m kitap`): defterlerin dışa aktarımı, çalıştırılıp
birleştirilmesi, yapısal denetim, derleme ve kitabın Sphinx eklentileri.

Okurların kurduğu yardımcı paketten (`d2l_gan`, `pip install d2l-gan`) ayrı bir
dağıtımdır ve kendi bağımlılıklarıyla gelir (depo kökünde: `pip install . ./arac`).
"""

import importlib.util

# Aracın okur paketinde olmayan bağımlılıkları (modül adı -> PyPI adı).
TOOL_MODULES = {
    'nbformat': 'nbformat',
    'nbclient': 'nbclient',
    'yaml': 'PyYAML',
    'pybtex': 'pybtex',
    'markdown_it': 'markdown-it-py',
    'mdit_py_plugins': 'mdit-py-plugins',
    'sphinx': 'Sphinx',
    'myst_nb': 'myst-nb',
}

_missing = [
    pypi
    for module, pypi in TOOL_MODULES.items()
    if importlib.util.find_spec(module) is None
]
if _missing:
    raise ImportError(
        'kitap, kitabın yapım aracıdır ve okur paketinde olmayan paketler ister '
        f'(eksik: {", ".join(_missing)}). Kurmak için depo kökünde: '
        'pip install ./arac (geliştirirken: make venv). Bölümlerin yardımcıları '
        'için bu gerekmez: from d2l_gan import torch as d2l'
    )
