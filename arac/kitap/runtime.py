"""Tam ayarın ölçülen süreleri ve onları anan yer tutucular.

`run` her çerçevenin süresini ve çekirdek sayısını defterin üst verisine yazar
(`record_runtime`); bölümün süre kutusu onları yer tutucularla anar:
`{{ sure_pytorch }}`, `{{ sure_tensorflow }}`, `{{ sure_mxnet }}`, `{{ cekirdek }}`.
Kural tektir: ölçülmemiş bir değer bir hatadır (kitapta da defterde de).
"""

import os
import re

from d2l_gan.frameworks import FRAMEWORKS

from .chapter import META_KEY
from .errors import BookError

# Tam ayarın süresini bildiren kutu:
# ```{admonition} Çalışma süresi + :class: calisma-suresi
RUNTIME_TITLE, RUNTIME_CLASS = 'Çalışma süresi', 'calisma-suresi'
PLACEHOLDER = re.compile(
    r'\{\{\s*(sure_(?:' + '|'.join(FRAMEWORKS) + r')|cekirdek)\s*\}\}'
)


def record_runtime(nb, framework, seconds):
    """Tam ayarla bir çalıştırmanın süresini defterin üst verisine yazar."""
    runtime = nb.metadata.setdefault(META_KEY, {}).setdefault('runtime', {})
    runtime[framework] = {
        'seconds': round(seconds),
        'cpus': len(os.sched_getaffinity(0)),
    }


def _duration(seconds):
    minutes, seconds = divmod(int(seconds), 60)
    return f'{minutes} dk {seconds} sn' if minutes else f'{seconds} sn'


def runtime_values(nb):
    """Yer tutucuların değerleri: {'sure_pytorch': '3 dk 5 sn', 'cekirdek': '2'}."""
    runtime = nb.metadata.get(META_KEY, {}).get('runtime', {})
    values = {f'sure_{fw}': _duration(r['seconds']) for fw, r in runtime.items()}
    cpus = sorted({r['cpus'] for r in runtime.values()})
    if cpus:
        values['cekirdek'] = '/'.join(map(str, cpus))
    return values


def placeholders(text):
    """Metinde anılan yer tutucuların adları (sırayla)."""
    return [m.group(1) for m in PLACEHOLDER.finditer(text)]


def fill_runtime(text, nb):
    """Metindeki süre yer tutucularını kaydedilen sürelerle doldurur; kaydı olmayan
    bir yer tutucu BookError'dır."""
    values = runtime_values(nb)

    def value(match):
        if match.group(1) not in values:
            raise BookError(
                f'{match.group(0)} için kayıtlı süre yok: bölümü '
                'python -m kitap run ile çalıştırın'
            )
        return values[match.group(1)]

    return PLACEHOLDER.sub(value, text)
