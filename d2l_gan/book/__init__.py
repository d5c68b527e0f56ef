"""Kitabın yapım araçları: defterlerin dışa aktarımı, çalıştırılıp birleştirilmesi,
yapısal denetim ve çerçeve sekmelerini üreten Sphinx eklentisi (`tabs`).

Okurların kurduğu paket (`pip install d2l-gan`) bu araçların bağımlılıklarını
getirmez; onlar `kitap` ekindedir: `pip install "d2l-gan[kitap]"`.
"""

import importlib.util

# Araçların okur paketinde olmayan bağımlılıkları (modül adı -> PyPI adı).
TOOL_MODULES = {
    'nbformat': 'nbformat',
    'nbclient': 'nbclient',
    'yaml': 'PyYAML',
    'pybtex': 'pybtex',
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
        'd2l_gan.book kitabın yapım aracıdır ve okur paketinde olmayan paketler ister '
        f'(eksik: {", ".join(_missing)}). Kurmak için: pip install "d2l-gan[kitap]" '
        '(depodan: pip install -e ".[kitap]"). Bölümlerin yardımcıları için bu '
        'gerekmez: from d2l_gan import torch as d2l'
    )
