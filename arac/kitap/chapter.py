"""Bölüm defterinin yapısı: yükleme, çerçeve etiketleri ve sekme grupları.

Bir bölüm defteri üç çerçevenin hücrelerini birlikte tutar. Yalnızca bir çerçeveye
ait bir kod hücresi `pytorch`, `tensorflow` ya da `mxnet` etiketlerinden tam birini
taşır; etiketsiz hücreler her çerçevede çalışır. Ardışık etiketli hücreler bir sekme
grubudur: grupta her çerçeve en fazla bir kez (bir ya da birkaç ardışık hücre olarak)
ve PyTorch, TensorFlow, MXNet sırasıyla yer alır. Gruplama tek bir işlevdir
(`framework_runs`): defterin hücrelerine de, derlemede belge ağacının düğümlerine de
o uygulanır (bkz. sphinxext/tabs.py).
"""

import json
from pathlib import Path

import nbformat

from d2l_gan.frameworks import FRAMEWORKS

from .errors import BookError

# Aracın hücre ve defter üst verisindeki anahtarı: ortak hücrelerin çerçeve başına
# çıktıları (hücrede), tam ayarın süreleri ve değiştirilmiş ayarlar (defterde).
META_KEY = 'd2l_gan'
# Sekme grubunda bir çerçevenin eksik olmasının gerekçesi bu hücre üst verisindedir.
MISSING_REASON_KEY = 'eksik_cerceve_gerekcesi'
# Bir alıştırmanın çözümünü hesaplayan kod hücresinin kimliği bununla başlar: sayfada
# gizlidir (`remove-cell`), öğrenci defterlerine ve çözümsüz kitaba hiç girmez.
SOLUTION_CELL_PREFIX = 'cozum-'


def is_solution_cell(cell):
    """Hücre bir alıştırmanın çözümünü hesaplayan kod hücresi mi?"""
    return cell.cell_type == 'code' and str(cell.get('id', '')).startswith(
        SOLUTION_CELL_PREFIX
    )


def load_chapter(path):
    """Bir bölüm defterini okur; eksik ya da bozuk dosyada anlaşılır BookError verir."""
    path = Path(path)
    if path.suffix != '.ipynb':
        raise BookError(f'Bölüm bir Jupyter defteri (.ipynb) olmalı: {path}')
    if not path.is_file():
        raise BookError(f'Bölüm bulunamadı: {path}')
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except (
        json.JSONDecodeError,
        nbformat.reader.NotJSONError,
        nbformat.ValidationError,
        UnicodeDecodeError,
        KeyError,
        AttributeError,
        TypeError,
    ) as exc:
        raise BookError(
            f'Bölüm geçerli bir Jupyter defteri değil: {path} '
            f'({type(exc).__name__}: {str(exc).splitlines()[0][:200]})'
        ) from None
    return nb


def check_framework(name):
    if name not in FRAMEWORKS:
        raise BookError(
            f"Bilinmeyen çerçeve '{name}'. Geçerli çerçeveler: " + ', '.join(FRAMEWORKS)
        )
    return name


def framework_of(cell):
    """Hücrenin çerçevesi (etiketinden) ya da ortak hücreler için None."""
    found = [t for t in cell.get('metadata', {}).get('tags', []) if t in FRAMEWORKS]
    if len(found) > 1:
        raise BookError(
            f'Hücre {cell.get("id")} birden çok çerçeve etiketi taşıyor: '
            + ', '.join(found)
        )
    return found[0] if found else None


def framework_runs(items, framework=framework_of, group=lambda item: None):
    """`items`, sırayla: çerçeveye ait olmayan her öğe tek başına, ardışık çerçeve
    öğeleri bir liste (sekme grubu) olarak. `group` aynı çerçeve dizisini ayrı
    gruplara bölebilir (açılmış ortak hücrelerin kopyaları kendi grubudur)."""
    run = []
    for item in items:
        own = framework(item)
        if run and (not own or group(item) != group(run[0])):
            yield run
            run = []
        if own:
            run.append(item)
        else:
            yield item
    if run:
        yield run


def tab_groups(items, framework=framework_of, group=lambda item: None):
    """Yalnızca sekme grupları (`framework_runs`'ın listeleri)."""
    return [
        run for run in framework_runs(items, framework, group) if isinstance(run, list)
    ]


def group_problems(nb):
    """Sekme gruplarındaki yapı hatalarını Türkçe cümleler olarak döndürür."""
    problems = []
    numbered = list(enumerate(nb.cells))
    for group in tab_groups(numbered, lambda item: framework_of(item[1])):
        (start, first), frameworks = group[0], [framework_of(c) for _, c in group]
        where = f'hücre {start + 1} (id {first.get("id")})'
        runs = [
            fw for k, fw in enumerate(frameworks) if k == 0 or frameworks[k - 1] != fw
        ]
        dup = sorted({fw for fw in runs if runs.count(fw) > 1})
        if dup:
            problems.append(
                f'{where}: sekme grubunda aynı çerçeve birden çok kez var: '
                + ', '.join(dup)
            )
            continue
        if runs != sorted(runs, key=FRAMEWORKS.index):
            problems.append(
                f'{where}: sekme grubunun sırası PyTorch, TensorFlow, MXNet '
                f'olmalı; bulunan: {", ".join(runs)}'
            )
        missing = [fw for fw in FRAMEWORKS if fw not in runs]
        if missing and not first.metadata.get(MISSING_REASON_KEY):
            problems.append(
                f'{where}: sekme grubunda eksik çerçeve: {", ".join(missing)} '
                f'(bilerek eksikse ilk hücrenin üst verisine '
                f"'{MISSING_REASON_KEY}' ile gerekçeyi yazın)"
            )
        for i, cell in group:
            if cell.cell_type != 'code':
                problems.append(
                    f'hücre {i + 1}: çerçeve etiketi yalnızca kod hücrelerinde '
                    'kullanılır (çerçeveye özgü açıklamayı kod yorumuna yazın)'
                )
    return problems
