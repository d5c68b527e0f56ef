"""`check`in kod kuralları: satır en çok 88 karakter, hücre en çok 30 satır; alıştırmayı
çalıştıran hücre gizli bir çözüm hücresidir."""

import nbformat

from fake_book import code
from kitap.checks import (
    MAX_CELL_LINES,
    MAX_LINE,
    check_book,
    code_shape_problems,
    solution_cell_problems,
)
from kitap.runner import run_chapter


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


def test_limits_are_the_books_conventions():
    assert (MAX_LINE, MAX_CELL_LINES) == (88, 30)


def test_a_line_of_88_characters_passes_and_89_is_reported_with_cell_and_line():
    ok = 'x = ' + '1' * (MAX_LINE - 4)
    long = 'y = ' + '2' * (MAX_LINE - 3)
    assert len(ok) == 88 and len(long) == 89
    nb = notebook(code(ok, cid='kisa'), code(f'a = 1\n{long}\nb = 2', cid='uzun'))
    problems = code_shape_problems(nb)
    assert problems == [
        'hücre 2 (id uzun), satır 2: 89 karakter; kod satırı en çok 88 karakter olur'
    ]


def test_a_cell_of_30_lines_passes_and_31_is_reported():
    nb = notebook(
        code('\n'.join(f'a{i} = {i}' for i in range(30)), cid='otuz'),
        code('\n'.join(f'b{i} = {i}' for i in range(31)), 'pytorch', cid='uzun-pt'),
    )
    (problem,) = code_shape_problems(nb)
    assert problem.startswith('hücre 2 (id uzun-pt): 31 satır;')
    assert 'en çok 30 satır' in problem


def test_markdown_cells_are_not_code():
    nb = notebook(nbformat.v4.new_markdown_cell('m' * 200 + '\n' * 40))
    assert code_shape_problems(nb) == []


def test_check_reports_a_long_line_in_a_chapter(book):  # noqa: F811
    path = book / 'book' / 'deneme.ipynb'
    run_chapter(path, log=lambda *_: None)
    assert str(path) not in check_book(book)
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.get('id') == 'ortak')
    cell.source += '  # ' + 'ç' * 90
    nbformat.write(nb, path)
    problems = check_book(book)[str(path)]
    assert any(
        'id ortak), satır 1' in p and 'en çok 88 karakter' in p for p in problems
    )


def test_a_cell_that_runs_an_exercise_is_a_hidden_solution_cell():
    nb = notebook(
        code('# Alıştırma ex-a: deney\nx = 1', 'remove-cell', cid='cozum-a'),
        code('# Alıştırma ex-b: deney\nx = 2', 'remove-cell', cid='deney-b'),
        code('x = 3', cid='cozum-c'),
        code('# Açıklama\nx = 4', cid='hesap'),
    )
    assert solution_cell_problems(nb) == [
        "hücre 2 (id deney-b): alıştırmayı çalıştıran hücrenin kimliği 'cozum-' ile "
        'başlamalı (öğrenci defterine girmesin)',
        "hücre 3 (id cozum-c): çözüm hücresi 'remove-cell' etiketi taşımalı (sayfada "
        'gizli)',
    ]
