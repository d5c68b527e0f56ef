"""Öğrenci defterleri: alıştırmaların hepsi kalır, yalnızca çözümler çıkar."""
import re
from pathlib import Path

import nbformat
import pytest

from d2l_gan.book.__main__ import main
from d2l_gan.book.export import export_notebook, strip_solutions, student_notebook
from d2l_gan.book.notebook import BookError, FRAMEWORKS, chapter_notebooks, load_chapter

ROOT = Path(__file__).resolve().parent.parent
EXERCISE_LABEL = re.compile(r'```\{exercise\}\n:label: (\S+)')


def test_strip_solutions_removes_only_solution_blocks():
    text = ('Giriş.\n\n'
            '```{exercise}\n:label: ex-a\n\nSoru A?\n```\n\n'
            '````{solution} ex-a\n:class: dropdown\n\nYanıt A:\n```python\nx = 1\n```\nbitti\n````\n\n'
            '```{exercise}\n:label: ex-b\n\nSoru B?\n```\n\n'
            ':::{solution} ex-b\nYanıt B.\n:::\n\nSon söz.')
    stripped, removed = strip_solutions(text)
    assert removed == 2
    assert stripped == ('Giriş.\n\n```{exercise}\n:label: ex-a\n\nSoru A?\n```\n\n'
                        '```{exercise}\n:label: ex-b\n\nSoru B?\n```\n\nSon söz.')


def test_strip_solutions_leaves_text_without_solutions_alone():
    text = '```{exercise}\n:label: ex\n\nSoru?\n```'
    assert strip_solutions(text) == (text, 0)


def test_unclosed_solution_is_an_error():
    with pytest.raises(BookError, match='Kapanmamış'):
        strip_solutions('```{solution} ex\nyarım kalmış')


def solution_bodies(nb):
    """Okur defterindeki her çözüm bloğunun gövde satırları (seçenek satırları hariç)."""
    bodies = []
    for cell in nb.cells:
        if cell.cell_type != 'markdown':
            continue
        for block in re.findall(r'(`{3,})\{solution\}[^\n]*\n(.*?)\n\1\s*$', cell.source,
                                flags=re.S | re.M):
            lines = [l for l in block[1].split('\n') if l.strip() and not l.startswith(':')]
            bodies.append('\n'.join(lines))
    return bodies


@pytest.mark.parametrize('framework', FRAMEWORKS)
@pytest.mark.parametrize('chapter', chapter_notebooks(ROOT), ids=lambda p: p.stem)
def test_student_notebook_keeps_every_exercise_and_no_solution(chapter, framework):
    nb = load_chapter(chapter)
    reader = export_notebook(nb, framework, 'https://github.com/o/r', 'main')
    student = student_notebook(nb, framework, 'https://github.com/o/r', 'main')
    reader_md = '\n'.join(c.source for c in reader.cells if c.cell_type == 'markdown')
    student_md = '\n'.join(c.source for c in student.cells if c.cell_type == 'markdown')
    labels = EXERCISE_LABEL.findall(reader_md)
    assert len(labels) >= 3, f'{chapter.stem}: en az üç alıştırma olmalı'
    assert EXERCISE_LABEL.findall(student_md) == labels
    bodies = solution_bodies(reader)
    assert len(bodies) == len(labels), f'{chapter.stem}: her alıştırmanın bir çözümü olmalı'
    assert '{solution}' not in student_md
    for body in bodies:
        assert body not in student_md
    # Kod hücreleri ve çözüm dışındaki her şey aynen kalır.
    assert [c.source for c in student.cells if c.cell_type == 'code'] == \
        [c.source for c in reader.cells if c.cell_type == 'code']
    assert student_md == '\n'.join(
        s for s in (strip_solutions(c.source)[0] for c in reader.cells
                    if c.cell_type == 'markdown') if s)


def test_students_command_writes_one_notebook_per_chapter_and_framework(tmp_path, capsys):
    assert main(['--root', str(ROOT), 'students', '--out', str(tmp_path)]) == 0
    chapters = chapter_notebooks(ROOT)
    written = sorted(tmp_path.glob('*/*.ipynb'))
    assert len(written) == len(chapters) * len(FRAMEWORKS)
    for path in written:
        assert '{solution}' not in path.read_text(encoding='utf-8')
        nbformat.validate(nbformat.read(path, as_version=4))
    assert 'öğrenci defteri yazıldı' in capsys.readouterr().out
