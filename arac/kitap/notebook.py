"""Bölüm defterlerinin yapısı: çerçeve etiketleri, sekme grupları, çerçeve görünümleri.

Bir bölüm defteri üç çerçevenin hücrelerini birlikte tutar. Yalnızca bir çerçeveye
ait bir kod hücresi `pytorch`, `tensorflow` ya da `mxnet` etiketlerinden tam birini
taşır; etiketsiz hücreler her çerçevede çalışır. Ardışık etiketli hücreler bir sekme
grubudur: grupta her çerçeve en fazla bir kez (bir ya da birkaç ardışık hücre olarak)
ve PyTorch, TensorFlow, MXNet sırasıyla yer alır.
"""

import copy
import json
import re
from pathlib import Path

import nbformat
import yaml

from d2l_gan.frameworks import FRAMEWORKS, LABELS, MODULES, SUFFIXES  # noqa: F401

# Sekme grubunda bir çerçevenin eksik olmasının gerekçesi bu hücre üst verisindedir.
MISSING_REASON_KEY = 'eksik_cerceve_gerekcesi'
# Aracın hücre ve defter üst verisindeki anahtarı: ortak hücrelerin çerçeve başına
# çıktıları (hücrede), tam ayarın süreleri ve değiştirilmiş ayarlar (defterde).
META_KEY = 'd2l_gan'


class BookError(Exception):
    """Kullanıcıya gösterilecek Türkçe bir hata (iz değil, yalnızca ileti basılır)."""


def check_framework(name):
    if name not in FRAMEWORKS:
        raise BookError(
            f"Bilinmeyen çerçeve '{name}'. Geçerli çerçeveler: " + ', '.join(FRAMEWORKS)
        )
    return name


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


def framework_of(cell):
    """Hücrenin çerçevesi (etiketinden) ya da ortak hücreler için None."""
    found = [t for t in cell.get('metadata', {}).get('tags', []) if t in FRAMEWORKS]
    if len(found) > 1:
        raise BookError(
            f'Hücre {cell.get("id")} birden çok çerçeve etiketi taşıyor: '
            + ', '.join(found)
        )
    return found[0] if found else None


def tab_groups(nb):
    """Ardışık çerçeve etiketli hücrelerin grupları: [[(indeks, çerçeve), ...], ...]."""
    groups, current = [], []
    for i, cell in enumerate(nb.cells):
        fw = framework_of(cell)
        if fw:
            current.append((i, fw))
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def group_problems(nb):
    """Sekme gruplarındaki yapı hatalarını Türkçe cümleler olarak döndürür."""
    problems = []
    for group in tab_groups(nb):
        first = nb.cells[group[0][0]]
        where = f'hücre {group[0][0] + 1} (id {first.get("id")})'
        runs = [
            fw for k, (_, fw) in enumerate(group) if k == 0 or group[k - 1][1] != fw
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
        for i, _ in group:
            if nb.cells[i].cell_type != 'code':
                problems.append(
                    f'hücre {i + 1}: çerçeve etiketi yalnızca kod hücrelerinde '
                    'kullanılır (çerçeveye özgü açıklamayı kod yorumuna yazın)'
                )
    return problems


def cell_outputs(cell, framework):
    """Bir kod hücresinin `framework` çalıştırmasındaki saklı çıktıları.

    Ortak (etiketsiz) bir hücre her çerçevede çalışır. Çıktılar çerçevelerde aynıysa
    bir kez `outputs`'ta durur; farklıysa ilk çerçevenin (FRAMEWORKS sırası)
    çıktıları `outputs`'ta, ondan farklı olanlar üst verideki
    `d2l_gan.outputs.<çerçeve>` altında saklanır.
    """
    per = cell.get('metadata', {}).get(META_KEY, {}).get('outputs', {})
    return per.get(framework, cell.get('outputs', []))


def _normalized(outputs):
    """Çıktıların karşılaştırılabilir biçimi (yürütme sayısı, adresler çıkarılmış)."""
    parts = []
    for out in outputs:
        out = {k: v for k, v in out.items() if k != 'execution_count'}
        parts.append(json.dumps(out, sort_keys=True, ensure_ascii=False))
    text = '\n'.join(parts)
    text = re.sub(r'<Figure size [^>]*>', '<Figure>', text)
    return re.sub(r'0x[0-9a-fA-F]+', '0x', text)


def same_outputs(a, b):
    return _normalized(a) == _normalized(b)


def set_cell_outputs(cell, per_framework):
    """Ortak bir hücreye çerçeve başına çıktıları yazar ({çerçeve: çıktılar})."""
    order = [fw for fw in FRAMEWORKS if fw in per_framework]
    first = per_framework[order[0]]
    cell.outputs = first
    meta = cell.metadata.get(META_KEY, {})
    differing = {
        fw: per_framework[fw]
        for fw in order[1:]
        if not same_outputs(per_framework[fw], first)
    }
    if differing:
        meta['outputs'] = differing
        cell.metadata[META_KEY] = meta
    else:
        meta.pop('outputs', None)
        if meta:
            cell.metadata[META_KEY] = meta
        else:
            cell.metadata.pop(META_KEY, None)


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


def parameter_cells(view):
    return [c for c in view.cells if 'parameters' in c.metadata.get('tags', [])]


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


def book_chapters(root):
    """_toc.yml'deki bölüm defterlerinin yolları (okuma sırasıyla)."""
    root = Path(root)
    toc_path = root / '_toc.yml'
    if not toc_path.is_file():
        raise BookError(f'_toc.yml bulunamadı: {toc_path}')
    toc = yaml.safe_load(toc_path.read_text(encoding='utf-8')) or {}
    files, stack = [toc.get('root')], [toc]
    while stack:
        node = stack.pop()
        for key in ('chapters', 'parts', 'sections'):
            for entry in node.get(key, []) or []:
                if 'file' in entry:
                    files.append(entry['file'])
                stack.append(entry)
    return [f for f in files if f]


def resolve_doc(root, name):
    """_toc.yml'deki bir adın dosyası (.ipynb ya da .md) veya yoksa None."""
    for suffix in ('', '.ipynb', '.md'):
        path = Path(root) / (name + suffix)
        if path.is_file():
            return path
    return None


def chapter_notebooks(root, strict=False):
    """_toc.yml'deki bölüm defterleri; `strict` iken listelenip bulunamayan bir
    belge hatadır (yoksa sessizce atlanır; `check` onu ayrıca bildirir)."""
    paths = []
    for name in book_chapters(root):
        path = resolve_doc(root, name)
        if path is None and strict:
            raise BookError(
                f"_toc.yml '{name}' belgesini listeliyor ama dosya yok "
                f'({Path(root) / name}.ipynb ya da .md)'
            )
        if path is not None and path.suffix == '.ipynb':
            paths.append(path)
    return paths


def repository(root):
    """_config.yml'deki depo adresi ve dalı."""
    path = Path(root) / '_config.yml'
    if not path.is_file():
        raise BookError(f'_config.yml bulunamadı: {path}')
    config = yaml.safe_load(path.read_text(encoding='utf-8')) or {}
    repo = config.get('repository') or {}
    return repo.get('url', '').rstrip('/'), repo.get('branch', 'main')


# Süre kutusundaki yer tutucular: {{ sure_pytorch }}, {{ sure_tensorflow }},
# {{ sure_mxnet }} ve {{ cekirdek }}; değerler `run`ın kaydettiği sürelerdir.
PLACEHOLDER = re.compile(
    r'\{\{\s*(sure_(?:' + '|'.join(FRAMEWORKS) + r')|cekirdek)\s*\}\}'
)


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


def fill_runtime(text, nb):
    """Metindeki süre yer tutucularını kaydedilen sürelerle doldurur."""
    values = runtime_values(nb)

    def value(match):
        if match.group(1) not in values:
            raise BookError(
                f'{match.group(0)} için kayıtlı süre yok: bölümü '
                'python -m kitap run ile çalıştırın'
            )
        return values[match.group(1)]

    return PLACEHOLDER.sub(value, text)
