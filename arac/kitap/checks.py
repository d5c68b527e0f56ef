"""`check`: bölümlerin yapısal denetimi. Her sorun Türkçe bir cümledir."""

import ast
import re
from pathlib import Path

from d2l_gan.frameworks import FRAMEWORKS

from .chapter import (
    META_KEY,
    SOLUTION_CELL_PREFIX,
    framework_of,
    group_problems,
    is_solution_cell,
    load_chapter,
)
from .config import book_chapters, resolve_doc
from .errors import BookError
from .generate import saved_blocks
from .markdown import directives
from .outputs import all_outputs
from .params import load_params, parameter_cells
from .quiz import quiz_problems
from .runtime import RUNTIME_CLASS, RUNTIME_TITLE, fill_runtime, placeholders
from .style_checks import placeholder_problems, suffix_problems
from .views import framework_view

# Saklı çıktıda bulunmaması gereken makineye özgü mutlak yollar.
ABSOLUTE_PATH = re.compile(
    r'(/home/|/root/|/tmp/|/work/|/Users/|/opt/|[A-Za-z]:\\\\|'
    r'site-packages)'
)


# Bölüm kodunun biçimi: okur kodu sayfada yana kaydırmadan okur (88 karakterlik bir
# satır 1280 piksel genişlikte sekme içinde de sığar) ve bir hücre tek bir fikir
# gösterir.
MAX_LINE = 88
MAX_CELL_LINES = 30


def runtime_boxes(nb):
    """Bölümün süre kutularının metinleri."""
    return [
        d.body
        for c in nb.cells
        if c.cell_type == 'markdown'
        for d in directives(c.source)
        if d.name == 'admonition'
        and d.argument == RUNTIME_TITLE
        and RUNTIME_CLASS in str(d.options.get('class', '')).split()
    ]


def _output_text(out):
    if out.output_type == 'stream':
        return out.text
    if out.output_type == 'error':
        return '\n'.join(out.traceback)
    return '\n'.join(
        v
        for k, v in out.get('data', {}).items()
        if k.startswith('text/') and isinstance(v, str)
    )


def _assigned_names(source):
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {
        t.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Name)
    }


def code_cells(nb):
    """Kod hücreleri, iletilerde adları ('hücre 5 (id egit)') ile birlikte."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == 'code':
            yield f'hücre {i + 1} (id {cell.get("id")})', cell


def output_problems(nb):
    problems = []
    for where, cell in code_cells(nb):
        for out in all_outputs(cell):
            if out.output_type == 'error':
                problems.append(f'{where}: saklı çıktıda hata var ({out.ename})')
            elif out.output_type == 'stream' and out.name == 'stderr':
                problems.append(
                    f'{where}: saklı çıktıda stderr (uyarı/günlük) var: '
                    f'{out.text.strip()[:120]!r}'
                )
            match = ABSOLUTE_PATH.search(_output_text(out))
            if match:
                problems.append(
                    f'{where}: saklı çıktıda mutlak yol var ({match.group(0)!r})'
                )
    return problems


def code_shape_problems(nb):
    """Kod satırı en çok MAX_LINE karakter, kod hücresi en çok MAX_CELL_LINES satır."""
    problems = []
    for where, cell in code_cells(nb):
        lines = cell.source.splitlines()
        for number, line in enumerate(lines, 1):
            if len(line) > MAX_LINE:
                problems.append(
                    f'{where}, satır {number}: {len(line)} karakter; kod '
                    f'satırı en çok {MAX_LINE} karakter olur'
                )
        if len(lines) > MAX_CELL_LINES:
            problems.append(
                f'{where}: {len(lines)} satır; bir kod hücresi en çok '
                f'{MAX_CELL_LINES} satır olur (hücreyi fikirlerine bölün)'
            )
    return problems


def solution_cell_problems(nb):
    """Bir alıştırmayı çalıştıran kod hücresi ('# Alıştırma' ile başlar) çözüm
    hücresidir: kimliği SOLUTION_CELL_PREFIX ile başlar ve sayfada gizlidir."""
    problems = []
    for where, cell in code_cells(nb):
        runs_exercise = cell.source.lstrip().startswith('# Alıştırma')
        if runs_exercise and not is_solution_cell(cell):
            problems.append(
                f'{where}: alıştırmayı çalıştıran hücrenin kimliği '
                f"'{SOLUTION_CELL_PREFIX}' ile başlamalı (öğrenci defterine girmesin)"
            )
        hidden = 'remove-cell' in cell.metadata.get('tags', [])
        if is_solution_cell(cell) and not hidden:
            problems.append(
                f"{where}: çözüm hücresi 'remove-cell' etiketi taşımalı (sayfada gizli)"
            )
    return problems


def figure_problems(nb):
    """Resim çıktısı veren her hücrenin MyST-NB'ye altyazısı ve alt metni olmalı.

    Biçim: hücre üst verisinde ``mystnb: {figure: {caption: ...}, image: {alt: ...}}``.
    """
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != 'code' or not any(
            'image/png' in out.get('data', {}) for out in all_outputs(cell)
        ):
            continue
        opts = cell.metadata.get('mystnb', {})
        missing = [
            what
            for what, key, sub in (
                ('altyazı', 'figure', 'caption'),
                ('alt metin', 'image', 'alt'),
            )
            if not str(opts.get(key, {}).get(sub, '')).strip()
        ]
        if missing:
            problems.append(
                f'hücre {i + 1} (id {cell.get("id")}) bir şekil çiziyor ama '
                f'{" ve ".join(missing)} yok (üst veri: mystnb.figure.caption, '
                'mystnb.image.alt)'
            )
    return problems


def runtime_problems(nb):
    """Kod çalıştıran her bölüm, tam ayarın her çerçevede ne kadar sürdüğünü bir
    kutuda, çalıştırmanın kaydettiği sürelerle (yer tutucularla) söyler."""
    if not any(c.cell_type == 'code' and c.source.strip() for c in nb.cells):
        return []
    boxes = runtime_boxes(nb)
    if not boxes:
        return [
            "bölümde çalışma süresi kutusu yok ('```{admonition} Çalışma süresi' "
            "ve ':class: calisma-suresi')"
        ]
    used = {fw for fw in FRAMEWORKS if any(framework_of(c) == fw for c in nb.cells)}
    named = set(placeholders(boxes[0]))
    problems = [
        f'süre kutusunda {{{{ sure_{fw} }}}} yer tutucusu yok'
        for fw in sorted(used)
        if f'sure_{fw}' not in named
    ]
    try:
        fill_runtime(boxes[0], nb)
    except BookError as exc:
        problems.append(str(exc))
    return problems


def execution_problems(nb):
    """Her kod hücresi çalıştırılmış ve her çerçeve görünümünde sayılar artan olmalı."""
    problems = []
    for i, cell in enumerate(nb.cells):
        if (
            cell.cell_type == 'code'
            and cell.source.strip()
            and cell.execution_count is None
        ):
            problems.append(
                f'hücre {i + 1} (id {cell.get("id")}) hiç çalıştırılmamış '
                '(python -m kitap run ile çalıştırın)'
            )
    for fw in FRAMEWORKS:
        counts = [
            c.execution_count
            for c in framework_view(nb, fw, keep_outputs=True).cells
            if c.cell_type == 'code' and c.execution_count is not None
        ]
        if any(b <= a for a, b in zip(counts, counts[1:])):
            problems.append(f'{fw} görünümünde yürütme sayıları sıralı değil: {counts}')
    return problems


def parameter_problems(nb, params_file):
    problems = []
    for fw in FRAMEWORKS:
        cells = parameter_cells(framework_view(nb, fw))
        if len(cells) > 1:
            problems.append(
                f"{fw}: birden çok 'parameters' hücresi var (papermill yalnızca "
                'birincisini kullanır)'
            )
        if not params_file.is_file():
            continue
        if not cells:
            problems.append(
                f'{fw}: testler ayarları küçültüyor ({params_file.name}) ama '
                "bölümde 'parameters' etiketli hücre yok"
            )
            continue
        unknown = set(load_params(params_file, fw)) - _assigned_names(cells[0].source)
        if unknown:
            problems.append(
                f"{fw}: {params_file.name} 'parameters' hücresinde olmayan "
                f'ayarları değiştiriyor: {", ".join(sorted(unknown))}'
            )
    return problems


def saved_name_problems(nb):
    """Bölümün kendi kaydettiği bir ad bölümde `d2l.ad` diye çağrılmaz: `d2l.ad`
    paketteki kopyadır; okur bölümdeki tanımı değiştirirse değişiklik çalışmaz
    (MXNet'te ayrı bir sınıf kimliği de taşır). Yalın ad bölümde bölümün
    tanımını, pakette aynı modüldeki tanımı bulur."""
    names = set()
    for where, cell in code_cells(nb):
        try:
            names |= {name for name, _ in saved_blocks(cell.source, where)}
        except BookError:
            pass  # işaret hataları export'ta raporlanır
    problems = []
    for where, cell in code_cells(nb):
        for name in sorted(names & set(re.findall(r'\bd2l\.(\w+)', cell.source))):
            problems.append(
                f'{where}: `d2l.{name}` bu bölümde #@save ile tanımlanıyor; '
                f'bölümün tanımı çalışsın diye yalın adla (`{name}`) çağırın'
            )
    return problems


def check_chapter(path, root):
    """Bir bölümün sorunları (boş liste: sorun yok)."""
    path = Path(path)
    try:
        nb = load_chapter(path)
        problems = group_problems(nb)
    except BookError as exc:
        return [str(exc)]
    if problems:  # çerçeve görünümleri ancak gruplar doğruysa anlamlıdır
        return problems
    params_file = Path(root) / 'tests' / 'params' / (path.stem + '.yml')
    problems += parameter_problems(nb, params_file)
    problems += code_shape_problems(nb)
    problems += solution_cell_problems(nb)
    problems += saved_name_problems(nb)
    problems += output_problems(nb)
    problems += execution_problems(nb)
    problems += figure_problems(nb)
    problems += runtime_problems(nb)
    problems += suffix_problems(nb)
    problems += placeholder_problems(nb)
    problems += quiz_problems(root, path)
    overrides = nb.metadata.get(META_KEY, {}).get('overrides')
    if overrides:
        problems.append(
            'saklı çıktılar değiştirilmiş ayarlarla üretilmiş '
            f'({overrides}); bölümü --params olmadan yeniden çalıştırın'
        )
    return problems


def check_book(root, chapters=None):
    """Kitabın (ya da verilen bölümlerin) sorunları: {dosya: [sorun, ...]}."""
    root = Path(root)
    report = {}
    if chapters:
        paths = [Path(c) for c in chapters]
    else:
        names = book_chapters(root)
        paths = []
        for name in names:
            doc = resolve_doc(root, name)
            if doc is None:
                report[name] = ['_toc.yml bu dosyayı listeliyor ama dosya yok']
            elif doc.suffix == '.ipynb':
                paths.append(doc)
        listed = {str(Path(n).with_suffix('')) for n in names}
        for nb_path in sorted((root / 'book').glob('*.ipynb')):
            rel = str(nb_path.relative_to(root).with_suffix(''))
            if rel not in listed:
                report[rel] = ['bölüm _toc.yml içinde yok']
    for path in paths:
        problems = check_chapter(path, root)
        if problems:
            report[str(path)] = problems
    return report
