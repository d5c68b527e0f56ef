"""Kitabın tek-kaynak düzenekleri: `#@save` ile üretilen paket, ortak hücrelerin
çerçeve başına çıktıları ve süre kutusunun yer tutucuları."""

import ast

import nbformat
import pytest

from d2l_gan.frameworks import FRAMEWORKS, MODULES
from fake_book import chapter, code, measured
from kitap.chapter import load_chapter
from kitap.checks import check_book, saved_name_problems
from kitap.errors import BookError
from kitap.export import export_all
from kitap.generate import GENERATED_MARK, expected_modules, saved_blocks, saved_names
from kitap.outputs import cell_outputs, expand_shared_cells
from kitap.reader import read_chapter
from kitap.runner import run_chapter
from kitap.runtime import fill_runtime
from kitap.views import framework_view
from repo import ROOT


def test_saved_blocks_take_marked_top_level_definitions_only():
    source = (
        'import math\n\n\n@staticmethod\ndef f(x):  #@save\n    return x\n\n\n'
        'def g():\n    pass\n\n\nSCALE = 2  #@save\n'
    )
    blocks = saved_blocks(source, 'hücre')
    assert [name for name, _ in blocks] == ['f', 'SCALE']
    assert blocks[0][1] == '@staticmethod\ndef f(x):\n    return x'
    assert blocks[1][1] == 'SCALE = 2'


@pytest.mark.parametrize(
    'source, message',
    [
        ('def f():\n    x = 1  #@save\n    return x\n', 'ilk satırında'),
        ('for i in range(2):  #@save\n    pass\n', 'yalnızca bir işlev'),
        ('def f(:  #@save\n', 'ayrıştırılamadı'),
    ],
)
def test_saved_blocks_reject_misplaced_marks(source, message):
    with pytest.raises(BookError, match=message):
        saved_blocks(source, 'hücre')


def package(root):
    """Sahte kitaba üç çerçeve modülü: yalnızca elle yazılan baş."""
    folder = root / 'd2l_gan'
    folder.mkdir()
    for name in MODULES.values():
        (folder / f'{name}.py').write_text(f'"""{name}"""\n\n\n{GENERATED_MARK}\n')


def test_export_generates_package_from_marked_cells_and_check_detects_staleness(book):
    package(book)
    measured(book / 'book' / 'deneme.ipynb')
    nb = load_chapter(book / 'book' / 'deneme.ipynb')
    nb.cells += [
        nbformat.v4.new_markdown_cell('Kaydedilenler.'),  # yeni sekme grubu
        code('def adim(x):  #@save\n    return x + 1', 'pytorch'),
        code('def adim(x):  #@save\n    return x + 2', 'tensorflow'),
        code('def adim(x):  #@save\n    return x + 3', 'mxnet'),
        code('def ortak(x):  #@save\n    return 2 * x'),
    ]
    nbformat.write(nb, book / 'book' / 'deneme.ipynb')
    export_all(book)
    torch_py = (book / 'd2l_gan' / 'torch.py').read_text()
    assert torch_py.startswith('"""torch"""')
    assert '# -- book/deneme.ipynb\ndef adim(x):\n    return x + 1\n' in torch_py
    assert 'x + 2' not in torch_py
    # Ortak hücrenin bloğu her çerçeve modülüne, okuma sırasıyla, düz Python olarak
    # yazılır (çalışırken yeniden bağlama yok).
    for name in MODULES.values():
        text = (book / 'd2l_gan' / f'{name}.py').read_text()
        assert text.index('def adim(x):') < text.index(
            'def ortak(x):\n    return 2 * x'
        )
        assert 'bind' not in text and '__all__' not in text
    assert not (book / 'd2l_gan' / 'common.py').exists()
    for text in expected_modules(book).values():
        ast.parse(text)
    # Pakette elle yapılan bir değişiklik bayat sayılır ve bir sonraki export siler.
    (book / 'd2l_gan' / 'torch.py').write_text(torch_py + 'EK = 1\n')
    with pytest.raises(BookError, match='d2l_gan/torch.py'):
        export_all(book, check=True)
    export_all(book)
    assert 'EK = 1' not in (book / 'd2l_gan' / 'torch.py').read_text()


def test_saving_the_same_name_twice_for_one_module_is_an_error(book):
    package(book)
    measured(book / 'book' / 'deneme.ipynb')
    nb = load_chapter(book / 'book' / 'deneme.ipynb')
    nb.cells += [code('def f():  #@save\n    pass'), code('def f():  #@save\n    pass')]
    nbformat.write(nb, book / 'book' / 'deneme.ipynb')
    with pytest.raises(BookError, match='birden çok kez'):
        export_all(book)


def test_every_saved_helper_has_one_source_in_the_real_package():
    """Bölümlerden üretilen adlar, modülün elle yazılan başında bir daha tanımlanmaz."""
    for path, names in saved_names(ROOT).items():
        head = path.read_text().partition(GENERATED_MARK)[0]
        defined = {
            node.name
            for node in ast.parse(head).body
            if isinstance(node, (ast.FunctionDef, ast.ClassDef))
        }
        assert not names & defined, f'{path.name}: iki kaynaklı: {names & defined}'
    assert 'update_D' in saved_names(ROOT)[ROOT / 'd2l_gan' / 'torch.py']


def differing_chapter():
    return chapter(
        code("fw = 'pytorch'", 'pytorch', cid='pt'),
        code("fw = 'tensorflow'", 'tensorflow', cid='tf'),
        code("fw = 'mxnet'", 'mxnet', cid='mx'),
        code('print(fw)', cid='ortak'),
        code("print('aynı')", cid='ayni'),
    )


def test_shared_cell_keeps_each_frameworks_output_when_they_differ(book):
    path = book / 'book' / 'deneme.ipynb'
    nbformat.write(differing_chapter(), path)
    run_chapter(path, log=lambda *_: None)
    nb = load_chapter(path)
    shared = next(c for c in nb.cells if c.id == 'ortak')
    same = next(c for c in nb.cells if c.id == 'ayni')
    for fw in FRAMEWORKS:
        assert cell_outputs(shared, fw)[0]['text'] == f'{fw}\n'
        view = framework_view(nb, fw, keep_outputs=True)
        assert (
            next(c for c in view.cells if c.id == 'ortak').outputs[0]['text']
            == f'{fw}\n'
        )
    assert 'd2l_gan' not in same.metadata  # aynı çıktı bir kez saklanır
    # Yalnızca bir çerçeve yeniden çalışınca ötekilerin çıktıları korunur.
    run_chapter(path, frameworks=['mxnet'], log=lambda *_: None)
    shared = next(c for c in load_chapter(path).cells if c.id == 'ortak')
    assert [cell_outputs(shared, fw)[0]['text'] for fw in FRAMEWORKS] == [
        'pytorch\n',
        'tensorflow\n',
        'mxnet\n',
    ]
    assert check_book(book) == {}


def test_reader_expands_differing_shared_cells_into_one_tab_group(book):
    path = book / 'book' / 'deneme.ipynb'
    nbformat.write(differing_chapter(), path)
    run_chapter(path, log=lambda *_: None)
    nb = read_chapter(path.read_text())
    expanded = [c for c in nb.cells if c.id.startswith('ortak-')]
    assert [c.id for c in expanded] == ['ortak-pt', 'ortak-tf', 'ortak-mx']
    for cell, fw in zip(expanded, FRAMEWORKS):
        assert cell.source == 'print(fw)'
        assert (
            fw in cell.metadata['tags'] and 'd2l-ortak-ortak' in cell.metadata['tags']
        )
        assert cell.outputs[0]['text'] == f'{fw}\n'
    assert sum(c.id == 'ayni' for c in nb.cells) == 1
    assert expand_shared_cells(nb).cells == nb.cells  # açılmış defter değişmez


def test_runtime_placeholders_come_from_the_recorded_run(book):
    path = book / 'book' / 'deneme.ipynb'
    nb = load_chapter(path)
    with pytest.raises(BookError, match='kayıtlı süre yok'):
        fill_runtime('{{ sure_pytorch }}', nb)
    run_chapter(path, log=lambda *_: None)
    nb = load_chapter(path)
    nb.metadata['d2l_gan']['runtime']['pytorch']['seconds'] = 125
    assert fill_runtime('PyTorch: {{ sure_pytorch }}', nb) == 'PyTorch: 2 dk 5 sn'
    assert '{{' not in read_chapter(nbformat.writes(nb)).cells[0].source


def test_check_requires_a_placeholder_per_framework(book):
    path = book / 'book' / 'deneme.ipynb'
    run_chapter(path, log=lambda *_: None)
    nb = load_chapter(path)
    nb.cells[0].source = nb.cells[0].source.replace('{{ sure_mxnet }}', '25 sn')
    nbformat.write(nb, path)
    assert any('sure_mxnet' in p for p in check_book(book)[str(path)])


def test_export_refuses_a_listed_but_missing_chapter(book):
    for fw in FRAMEWORKS:
        (book / 'notebooks' / fw).mkdir(parents=True)
        (book / 'notebooks' / fw / 'deneme.ipynb').write_text('{}')
    (book / 'book' / 'deneme.ipynb').unlink()
    with pytest.raises(BookError, match="'book/deneme' belgesini listeliyor"):
        export_all(book)
    assert all(
        (book / 'notebooks' / fw / 'deneme.ipynb').is_file() for fw in FRAMEWORKS
    )


def test_check_flags_a_chapters_own_saved_name_called_through_d2l():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        code('def ring(n):  #@save\n    return n', 'pytorch'),
        code('x = d2l.ring(3) + d2l.ring_centers()'),  # ikincisi başka bölümden
        code('y = ring(3)'),
    ]
    problems = saved_name_problems(nb)
    assert len(problems) == 1 and '`d2l.ring`' in problems[0], problems
    assert 'hücre 2' in problems[0]


def test_check_reports_suffix_and_placeholder_in_a_chapter(book):
    """`kitap check` metin denetimlerini (style_checks) de her bölümde çağırır."""
    path = book / 'book' / 'deneme.ipynb'
    run_chapter(path, log=lambda *_: None)
    nb = load_chapter(path)
    nb.cells[0].source += "\n\nDeğer {glue:text}`x_pytorch:.3f`'tür. TODO"
    nbformat.write(nb, path)
    problems = check_book(book)[str(path)]
    assert any('"\'tür" eki' in p for p in problems), problems
    assert any('yer tutucu "TODO"' in p for p in problems), problems
