"""Öğrenci defterleri (notebooks/ogrenci/): alıştırmalar kalır, çözümler çıkar."""

import re

import nbformat
import pytest

from d2l_gan.frameworks import FRAMEWORKS
from kitap.__main__ import main
from kitap.chapter import is_solution_cell, load_chapter
from kitap.config import chapter_notebooks, chapter_numbers
from kitap.errors import BookError
from kitap.export import STUDENT_DIR, notebook_paths
from kitap.markdown import directives, strip_solutions
from repo import ROOT
from solutions import chapter_solutions

NOTEBOOKS = ROOT / 'notebooks'
CHAPTERS = chapter_notebooks(ROOT)
EXERCISE_HEADING = re.compile(r'^### Alıştırma (\S+)', re.M)
CHAPTER_NUMBERS = chapter_numbers(ROOT)  # 'book/teori' -> 2, kitaptaki gibi


def test_strip_solutions_removes_only_solution_blocks():
    text = (
        'Giriş.\n\n'
        '```{exercise}\n:label: ex-a\n\nSoru A?\n```\n\n'
        '````{solution} ex-a\n:class: dropdown\n\nYanıt A:\n```python\nx = 1\n```\n'
        'bitti\n````\n\n'
        '```{exercise}\n:label: ex-b\n\nSoru B?\n```\n\n'
        ':::{solution} ex-b\nYanıt B.\n:::\n\nSon söz.'
    )
    stripped, removed = strip_solutions(text)
    assert removed == 2
    assert stripped == (
        'Giriş.\n\n```{exercise}\n:label: ex-a\n\nSoru A?\n```\n\n'
        '```{exercise}\n:label: ex-b\n\nSoru B?\n```\n\nSon söz.'
    )


def test_strip_solutions_leaves_text_without_solutions_alone():
    text = '```{exercise}\n:label: ex\n\nSoru?\n```'
    assert strip_solutions(text) == (text, 0)


def test_solution_shown_as_an_example_inside_a_code_fence_stays():
    """Yazarlara bir çözümün nasıl yazıldığını gösteren örnek, çözüm değildir."""
    text = (
        'Örnek:\n\n`````markdown\n````{solution} ex\n:class: dropdown\n\n'
        'Çözüm metni.\n````\n`````\n\nSon.'
    )
    assert strip_solutions(text) == (text, 0)


def test_solution_nested_in_another_directive_is_removed():
    text = '```{admonition} Kutu\nÖnce.\n\n~~~{solution} ex\nGizli.\n~~~\n\nSonra.\n```'
    stripped, removed = strip_solutions(text)
    assert removed == 1 and 'Gizli' not in stripped
    assert 'Önce.' in stripped and 'Sonra.' in stripped


def exercise_count(chapter):
    markdown = '\n'.join(
        c.source for c in load_chapter(chapter).cells if c.cell_type == 'markdown'
    )
    return sum(d.name == 'exercise' for d in directives(markdown))


def markdown_of(path):
    nb = nbformat.read(path, as_version=4)
    return nb, '\n\n'.join(c.source for c in nb.cells if c.cell_type == 'markdown')


@pytest.mark.parametrize('framework', FRAMEWORKS)
@pytest.mark.parametrize('chapter', CHAPTERS, ids=lambda p: p.stem)
def test_student_notebook_keeps_every_exercise_and_no_solution(chapter, framework):
    reader_path, student_path = notebook_paths(NOTEBOOKS, chapter, framework)
    assert student_path == NOTEBOOKS / STUDENT_DIR / framework / f'{chapter.stem}.ipynb'
    reader, reader_md = markdown_of(reader_path)
    student, student_md = markdown_of(student_path)
    count = exercise_count(chapter)
    assert count >= 3, f'{chapter.stem}: en az üç alıştırma olmalı'
    number = CHAPTER_NUMBERS[chapter.relative_to(ROOT).with_suffix('').as_posix()]
    numbers = [f'{number}.{i}' for i in range(1, count + 1)]
    assert EXERCISE_HEADING.findall(reader_md) == numbers
    assert EXERCISE_HEADING.findall(student_md) == numbers
    # Eğitmen (okur) defterinde her alıştırmanın çözümü açılır kutudadır; öğrencide yok.
    assert reader_md.count('<summary><b>Çözüm</b></summary>') == count
    assert '<details>' not in student_md and '<summary>' not in student_md
    solutions = chapter_solutions(chapter)
    assert len(solutions) == count and all(solutions), 'her alıştırmanın çözümü olmalı'
    student_text = student_path.read_text(encoding='utf-8')
    for parts in solutions:
        assert any(p in reader_md for p in parts), 'parça okur defterinde bulunamadı'
        leaked = [p for p in parts if p in student_text]
        assert leaked == [], f'öğrenci defterinde çözüm metni var: {leaked[:2]}'
    # Çözümleri hesaplayan (cozum-) kod hücreleri çıkar; öteki kod hücreleri ve
    # çözümlerin dışındaki her şey aynen kalır.
    assert [c.source for c in student.cells if c.cell_type == 'code'] == [
        c.source
        for c in reader.cells
        if c.cell_type == 'code' and not is_solution_cell(c)
    ]
    without = re.sub(r'\n*<details>.*?</details>', '', reader_md, flags=re.S)
    assert ' '.join(student_md.split()) == ' '.join(without.split())


def test_students_command_writes_the_same_notebooks_as_the_repository(tmp_path, capsys):
    assert main(['--root', str(ROOT), 'students', '--out', str(tmp_path)]) == 0
    written = sorted(tmp_path.glob('*/*.ipynb'))
    assert len(written) == len(CHAPTERS) * len(FRAMEWORKS)
    for path in written:
        committed = NOTEBOOKS / STUDENT_DIR / path.relative_to(tmp_path)
        assert path.read_text(encoding='utf-8') == committed.read_text(encoding='utf-8')
        nbformat.validate(nbformat.read(path, as_version=4))
    assert 'öğrenci defteri yazıldı' in capsys.readouterr().out


def test_unclosed_solution_does_not_swallow_silently():
    """Kapanmamış bir çözüm çiti belgenin sonuna kadar sürer (CommonMark): öğrenci
    defterinde ondan sonra bir şey kalmaz, ama hiçbir çözüm metni de kalmaz."""
    stripped, removed = strip_solutions('Soru.\n\n```{solution} ex\nyarım kalmış')
    assert removed == 1 and stripped == 'Soru.'


def test_unknown_colon_fence_is_an_error():
    with pytest.raises(BookError, match='Adı olmayan'):
        strip_solutions(':::\nbir şey\n:::')
