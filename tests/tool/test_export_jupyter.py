"""Okur ve öğrenci defterleri Jupyter'in diliyle yazılır: MyST sözdizimi kalmaz.

Dönüştürme küçük örneklerle tek tek, üretilmiş bütün defterler de MyST'in rol ve
yönerge sözdizimine karşı denetlenir. İlk hücrenin (Colab kurulumu, TensorFlow'un
günlükleri, MXNet'in desteklenmeyen ortam iletisi) davranışı da burada sınanır.
"""

import json
import re
import subprocess
import sys

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

from d2l_gan.frameworks import FRAMEWORKS, MODULES
from kitap.book import BookInfo
from kitap.chapter import META_KEY, SOLUTION_CELL_PREFIX, is_solution_cell
from kitap.config import chapter_notebooks
from kitap.convert import Context, convert_markdown, references_markdown
from kitap.errors import BookError
from kitap.export import STUDENT_DIR, export_notebook
from kitap.markdown import strip_solutions
from kitap.setup_cell import KERNEL_ENV, colab_cell, requirement_pins
from repo import ROOT

NOTEBOOKS = sorted((ROOT / 'notebooks').glob('*/*.ipynb')) + sorted(
    (ROOT / 'notebooks' / STUDENT_DIR).glob('*/*.ipynb')
)

# MyST'in Jupyter'de düz metin kalan sözdizimi (myst.py'nin listesinden bağımsız).
MYST = {
    'rol': re.compile(r'\{[a-z][\w:.+-]*\}`'),
    'yönerge': re.compile(r'^\s*(`{3,}|~{3,}|:{3,})\s*\{', re.M),
    'iki nokta çiti': re.compile(r'^\s*:{3,}', re.M),
    'hedef': re.compile(r'^\s*\([\w.:-]+\)=\s*$', re.M),
    'yönerge seçeneği': re.compile(r'^\s*:[a-z-]+:( |$)', re.M),
    'yer tutucu': re.compile(r'\{\{.*?\}\}'),
    'denklem etiketi': re.compile(r'\$\$\s*\([\w.:-]+\)'),
    'MyST yorumu': re.compile(r'^%', re.M),
    'blok ayırıcı': re.compile(r'^\+\+\+', re.M),
}


@pytest.fixture(scope='module')
def book():
    return BookInfo.load(ROOT)


def chapter_nb(*sources, runtime=None, glue=None):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(s) for s in sources]
    if runtime:
        nb.metadata[META_KEY] = {'runtime': runtime}
    if glue:
        cell = nbformat.v4.new_code_cell('d2l.glue(...)')
        cell.outputs = [
            nbformat.v4.new_output(
                'display_data',
                data={'application/papermill.record/text/plain': value},
                metadata={
                    'scrapbook': {
                        'name': name,
                        'mime_prefix': 'application/papermill.record/',
                    }
                },
            )
            for name, value in glue.items()
        ]
        nb.cells.append(cell)
    return nb


def convert(book, text, student=False, doc='book/deneme', **kwargs):
    ctx = Context(book=book, doc=doc, nb=chapter_nb(text, **kwargs))
    if student:  # öğrenci defterleri çözümleri yalnızca böyle çıkarır
        text = strip_solutions(text)[0]
    return convert_markdown(ctx, text), ctx


# --- Dönüştürme, parça parça -------------------------------------------------------


def test_citations_become_author_year_and_a_reference_list(book):
    out, ctx = convert(
        book,
        'Bkz. {cite:p}`goodfellow2014generative` ve '
        '{cite:t}`kingma2014adam`; ikisi '
        '{cite:p}`goodfellow2016nips,kingma2014adam`.',
    )
    assert out == (
        'Bkz. (Goodfellow ve ark., 2014) ve Kingma ve Ba (2015); ikisi '
        '(Goodfellow, 2016; Kingma ve Ba, 2015).'
    )
    refs = references_markdown(ctx)
    assert refs.startswith(
        '## Kaynaklar\n\n- Goodfellow, I. (2016). NIPS 2016 Tutorial'
    )
    assert refs.count('\n- ') == 3  # her kaynak bir kez, yazar sırasıyla
    assert (
        '- Kingma, D. P. ve Ba, J. (2015). Adam: A Method for Stochastic '
        'Optimization. *International Conference on Learning Representations*.' in refs
    )


def test_unknown_citation_is_an_error(book):
    with pytest.raises(BookError, match="'yok2020' kaynağı kaynakçada yok"):
        convert(book, '{cite:p}`yok2020`')


def test_exercises_become_numbered_headings_and_solutions_details(book):
    text = (
        '## Alıştırmalar\n\n```{exercise}\n:label: ex-a\n\nSoru A?\n```\n\n'
        '````{solution} ex-a\n:class: dropdown\n\nYanıt $x$.\n\n```python\n'
        'x = 1\n```\n````\n\n```{exercise} Zor olan\n:label: ex-b\n\nSoru B?\n```'
    )
    out, _ = convert(book, text)
    assert out == (
        '## Alıştırmalar\n\n### Alıştırma 1\n\nSoru A?\n\n<details>\n'
        '<summary><b>Çözüm</b></summary>\n\nYanıt $x$.\n\n```python\nx = 1\n'
        '```\n\n</details>\n\n### Alıştırma 2 (Zor olan)\n\nSoru B?'
    )
    student, _ = convert(book, text, student=True)
    assert student == (
        '## Alıştırmalar\n\n### Alıştırma 1\n\nSoru A?\n\n'
        '### Alıştırma 2 (Zor olan)\n\nSoru B?'
    )


def test_theorems_proofs_and_boxes(book):
    text = (
        '```{prf:theorem} Büyük sonuç\n:label: teo\n\nHer şey $1$.\n```\n\n'
        '```{prf:proof}\nApaçık.\n```\n\n```{prf:definition}\n:nonumber:\n\nTanım.\n'
        '```\n\n```{admonition} Çalışma süresi\n:class: tip calisma-suresi\n\n'
        '{{ sure_pytorch }} sürdü ({{ cekirdek }} çekirdek).\n```\n\n'
        ':::{note}\nBir not.\n:::\n\n{prf:ref}`teo` bunu söyler.'
    )
    out, _ = convert(book, text, runtime={'pytorch': {'seconds': 125, 'cpus': 2}})
    assert out == (
        '> **Teorem 1** (Büyük sonuç)\n>\n> Her şey $1$.\n\n**İspat.** Apaçık.'
        '\n\n> **Tanım**\n>\n> Tanım.\n\n> **Çalışma süresi**\n>\n'
        '> 2 dk 5 sn sürdü (2 çekirdek).\n\n> **Not**\n>\n> Bir not.\n\n'
        'Teorem 1 bunu söyler.'
    )


def test_targets_equation_labels_and_glue_values(book):
    text = (
        '(bolum-basi)=\n## Başlık\n\n$$\nx^2\n$$ (denk-1)\n\n'
        'Hata {glue:text}`hata_pytorch:.2f`, ham {glue:text}`hata_mxnet`.'
    )
    out, _ = convert(book, text, glue={'hata_pytorch': '0.12345', 'hata_mxnet': '0.5'})
    assert out == '## Başlık\n\n$$\nx^2\n$$\n\nHata 0.12, ham 0.5.'
    with pytest.raises(BookError, match="'yok_pytorch' için saklı bir glue kaydı yok"):
        convert(book, '{glue:text}`yok_pytorch:.2f`')


def test_references_to_other_pages_link_to_the_online_book(book):
    out, _ = convert(
        book, 'Bkz. {doc}`ders` ve {prf:ref}`teori-teorem-dstar`.', doc='book/temel_gan'
    )
    base = book.baseurl.rstrip('/')
    assert base.startswith('https://')
    # Numaralar kitaptakiyle aynıdır: teori 2. bölümdür ("Teorem 2.1").
    assert out == (
        f'Bkz. [Kitabı bir derste kullanmak]({base}/book/ders.html) ve '
        f'[Teorem 2.1]({base}/book/teori.html'
        '#teori-teorem-dstar).'
    )
    same, _ = convert(book, '{prf:ref}`teori-teorem-jsd`', doc='book/teori')
    assert same == 'Teorem 2.2'


def test_example_directive_inside_a_code_fence_is_kept_verbatim(book):
    text = '`````markdown\n```{exercise}\n:label: x\n```\n`````'
    assert convert(book, text)[0] == text


@pytest.mark.parametrize(
    'text, what',
    [('{foo}`x`', 'rolü {foo}'), ('```{tab-set}\nx\n```', 'yönergesi {tab-set}')],
)
def test_unknown_syntax_is_an_error_not_left_in_the_notebook(book, text, what):
    with pytest.raises(BookError, match=re.escape(what)):
        convert(book, text)


# --- Üretilmiş bütün defterler -------------------------------------------------------


def test_every_chapter_has_instructor_and_student_notebooks():
    chapters = chapter_notebooks(ROOT)
    expected = {f'{fw}/{c.stem}.ipynb' for fw in FRAMEWORKS for c in chapters}
    assert {
        p.relative_to(ROOT / 'notebooks').as_posix() for p in NOTEBOOKS
    } == expected | {f'{STUDENT_DIR}/{e}' for e in expected}


def without_inline_code(text):
    """Satır içi kod parçaları çıkarılmış metin (`relu{b}_{k}` bir rol değildir).

    Bir rolün içeriği (`{cite:p}` ardından gelen) kod sayılmaz; kalmış bir rol
    ayrıca eşleşmeyi bozar ve yakalanır.
    """
    return re.sub(r'(?<!\})(`+)(?:(?!\1).)+?\1', '', text)


@pytest.mark.parametrize(
    'path', NOTEBOOKS, ids=lambda p: p.relative_to(ROOT / 'notebooks').as_posix()
)
def test_no_myst_syntax_left(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != 'markdown':
            continue
        text = without_inline_code(cell.source)
        found = {
            what: m.group(0)
            for what, pattern in MYST.items()
            for m in [pattern.search(text)]
            if m
        }
        assert found == {}, f'{cell.id}: {found}'
    markdown = '\n'.join(c.source for c in nb.cells if c.cell_type == 'markdown')
    cited = {
        tuple(one.rsplit(', ', 1))
        for group in re.findall(
            r'\(((?:[A-ZÇĞİÖŞÜ][^();]*?, \d{4}(?:; )?)+)\)', markdown
        )
        for one in group.split('; ')
    }
    if cited:  # her atfın kaynağı defterin sonundaki listededir
        assert nb.cells[-1].source.startswith('## Kaynaklar')
        for author, year in cited:
            surname = author.split(' ve ')[0]
            assert re.search(
                rf'^- {re.escape(surname)}, .*\({year}\)', nb.cells[-1].source, re.M
            ), (author, year)


# --- İlk hücre ------------------------------------------------------------------------


def first_cell(framework, chapter='temel_gan'):
    return nbformat.read(ROOT / 'notebooks' / framework / f'{chapter}.ipynb', 4).cells[
        0
    ]


def test_tensorflow_notebook_quiets_cpp_logs_before_importing_tensorflow():
    cell = first_cell('tensorflow')
    assert cell.id == 'colab-kurulum' and 'import tensorflow' not in cell.source
    for key, value in KERNEL_ENV.items():
        assert f'os.environ[{key!r}] = {value!r}' in cell.source
    for fw in ('pytorch', 'mxnet'):
        assert 'TF_CPP_MIN_LOG_LEVEL' not in first_cell(fw).source


def test_mxnet_pins_come_from_requirements_txt():
    pins = requirement_pins(ROOT)
    requirements = (ROOT / 'requirements.txt').read_text()
    assert f'mxnet=={pins["mxnet"]}\n' in requirements
    assert f'numpy=={pins["numpy"]}\n' in requirements
    source = first_cell('mxnet').source
    assert f'"mxnet=={pins["mxnet"]}" "numpy=={pins["numpy"]}"' in source
    assert not re.search(r'mxnet==(?!' + re.escape(pins['mxnet']) + ')', source)


def run_cell(source, python=(3, 11), numpy_version=None, colab=False):
    """İlk hücreyi IPython'un dönüştürdüğü haliyle ayrı bir süreçte çalıştırır; Python
    ve numpy sürümü taklit edilebilir. Dönen: {'error': ileti satırları ya da None,
    'pip': %pip çağrıldı mı}."""
    code = TransformerManager().transform_cell(source)
    program = f"""
import json, sys, types
import importlib.metadata as md
sys.version_info = {tuple(python) + (0, 'final', 0)!r}
real = md.version
md.version = lambda name: {numpy_version!r} if name == 'numpy' and {numpy_version!r} \\
    else real(name)
if {colab!r}:
    sys.modules['google.colab'] = types.ModuleType('google.colab')
calls = []
class Shell:
    def run_line_magic(self, name, line):
        calls.append((name, line))
get_ipython = lambda: Shell()
result = {{'error': None, 'pip': False}}
try:
    exec(compile({code!r}, 'hücre', 'exec'))
except Exception as exc:
    result['error'] = exc._render_traceback_() if hasattr(exc, '_render_traceback_') \\
        else [repr(exc)]
result['pip'] = bool(calls)
print(json.dumps(result))
"""
    run = subprocess.run(
        [sys.executable, '-c', program], capture_output=True, text=True, check=True
    )
    return json.loads(run.stdout)


@pytest.mark.parametrize(
    'python, numpy_version, colab',
    [
        ((3, 12), '2.0.2', True),  # bugünkü Colab
        ((3, 13), '2.3.5', False),  # yeni bir yerel ortam
        ((3, 11), '2.1.3', False),  # Python uygun, numpy yeni
    ],
)
def test_mxnet_cell_stops_with_a_turkish_message_where_mxnet_cannot_run(
    python, numpy_version, colab
):
    source = first_cell('mxnet', 'dcgan').source
    result = run_cell(source, python, numpy_version, colab)
    message = '\n'.join(result['error'] or [])
    assert not result['pip'], 'desteklenmeyen ortamda kurulum denenmemeli'
    assert 'Bu ortamda MXNet 1.9.1 çalışmaz' in message
    assert f'Python {python[0]}.{python[1]} ve numpy {numpy_version} var' in message
    assert 'python3.11 -m venv gan-mxnet' in message
    assert 'gan-mxnet/bin/jupyter lab dcgan.ipynb' in message
    assert "PyTorch ve TensorFlow defterleri Colab'da" in message
    assert 'Traceback' not in message and 'MXNetCalismaz' not in message


@pytest.mark.parametrize(
    'framework, colab, local',
    [  # (Python, numpy): MXNet eski bir Colab'da ve kendi 3.10 ortamında
        ('mxnet', ((3, 11), '2.0.2'), ((3, 10), '1.23.5')),
        ('pytorch', ((3, 12), '2.3.5'), ((3, 12), '2.3.5')),
        ('tensorflow', ((3, 12), '2.3.5'), ((3, 12), '2.3.5')),
    ],
)
def test_install_cell_installs_only_on_colab(framework, colab, local):
    source = first_cell(framework).source
    assert run_cell(source, *colab, colab=True) == {'error': None, 'pip': True}
    assert run_cell(source, *local, colab=False) == {'error': None, 'pip': False}


def test_colab_cell_reads_repository_from_config(book):
    cell = colab_cell('pytorch', book, 'x')
    assert f'd2l-gan @ git+{book.repo_url}@{book.branch}' in cell.source


# --- Okur defterleri ve araç ---------------------------------------------------------


def test_notebooks_import_only_their_own_framework_and_no_book_tool():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        code = '\n'.join(c.source for c in nb.cells if c.cell_type == 'code')
        framework = path.parent.name
        assert not re.search(r'\b(import|from) kitap\b|\bkitap\.', code), path
        for other in FRAMEWORKS:
            if other != framework:
                assert f'import {MODULES[other]}' not in code, (path, other)


def test_export_refuses_a_chapter_whose_syntax_it_cannot_convert(book, tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell('# Başlık\n\n{unknownrole}`x`')]
    with pytest.raises(BookError, match='unknownrole'):
        export_notebook(nb, 'pytorch', book, 'book/deneme')


def test_student_notebooks_drop_the_cells_that_compute_solutions(book):
    nb = chapter_nb('## Alıştırmalar')
    for cell_id, tags in (('hesap', []), ('cozum-deney', ['remove-cell'])):
        cell = nbformat.v4.new_code_cell(f'x = "{cell_id}"', metadata={'tags': tags})
        cell.id = cell_id
        nb.cells.append(cell)
    ids = {
        student: [
            c.id
            for c in export_notebook(
                nb, 'pytorch', book, 'book/deneme', student=student
            ).cells
        ]
        for student in (False, True)
    }
    assert 'cozum-deney' in ids[False] and 'hesap' in ids[False]
    assert 'cozum-deney' not in ids[True] and 'hesap' in ids[True]


@pytest.mark.parametrize(
    'path', sorted((ROOT / 'notebooks' / STUDENT_DIR).glob('*/*.ipynb')), ids=str
)
def test_no_student_notebook_holds_solution_code(path):
    """Saklı öğrenci defterlerinde çözüm hücresi yok (kimliğiyle ya da koduyla)."""
    chapter = nbformat.read(ROOT / 'book' / f'{path.stem}.ipynb', as_version=4)
    solution_code = {c.source for c in chapter.cells if is_solution_cell(c)}
    cells = nbformat.read(path, as_version=4).cells
    assert not [c.id for c in cells if c.id.startswith(SOLUTION_CELL_PREFIX)]
    assert not [
        c.id for c in cells if c.cell_type == 'code' and c.source in solution_code
    ]
