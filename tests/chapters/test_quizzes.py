"""Bölümlerin öz-denetim sınavları: her bölümün sınav dosyası geçerlidir, kullandığı
her ölçülen sayının glue kaydı bölümün saklı çıktılarında her çerçevede vardır ve
sınav, bölümün okur defterinde nbclient ile çalıştırıldığında çıktısında görünür.

Soruların biçimi ve denetimin kuralları: d2l_gan/quiz.py ve arac/kitap/quiz.py.
"""

import json

import pytest
from nbclient import NotebookClient

from d2l_gan.quiz import PARTS, question_names
from kitap.book import BookInfo
from kitap.config import chapter_notebooks
from kitap.export import export_notebook
from kitap.outputs import glue_values
from kitap.quiz import (
    CELL_IDS,
    QUIZ_DIR,
    add_quiz_cells,
    quiz_cell_problems,
    quiz_data,
    quiz_file_problems,
)
from stored import ROOT, stored_chapter

CHAPTERS = [path.stem for path in chapter_notebooks(ROOT)]
# Başka bir dalda yazılan bölüm: sınav dosyası burada, defteri henüz yok.
PENDING_CHAPTERS = {'kosullu_gan'}
# Sınav hücreleri bölümlere scripts/add_quiz_cells.py ile eklenir ve çıktıları
# `python -m kitap run` ile üretilir. Hücreleri henüz eklenmemiş bölümler (boş: hepsi
# eklendi); test, listedeki bir bölümde hücre bulursa da, listede olmayan bir bölümde
# bulamazsa da düşer.
CELLS_PENDING = set()
ALL = sorted(set(CHAPTERS) | PENDING_CHAPTERS)


def has_notebook(name):
    return (ROOT / 'book' / f'{name}.ipynb').is_file()


def test_every_quiz_file_belongs_to_a_chapter():
    files = {p.stem for p in (ROOT / QUIZ_DIR).glob('*.json')}
    assert files == set(ALL)


@pytest.mark.parametrize('name', ALL)
def test_quiz_file_is_valid(name):
    """Dosya JSON'dur; 3–5 ön ve 5–8 son soru; çoktan seçmeli soruların tam bir doğru
    yanıtı, sayısal soruların toleranslı tek doğru yanıtı ve her yanıtın geri
    bildirimi var; her kaynak kitaptaki bir başlığa gider."""
    pending = name in PENDING_CHAPTERS and not has_notebook(name)
    assert quiz_file_problems(ROOT, name, chapter_pending=pending) == []


@pytest.mark.parametrize('name', ALL)
def test_glued_numbers_exist_in_stored_outputs(name):
    if not has_notebook(name):
        pytest.skip(
            f'book/{name}.ipynb bu dalda yok (bölüm başka bir dalda yazılıyor); '
            'bölüm geldiğinde bu test sınavın glue adlarını onun saklı çıktılarında '
            'denetler'
        )
    nb = stored_chapter(name)
    glue = glue_values(nb)
    problems = quiz_file_problems(ROOT, name, glue)
    assert problems == []
    quiz = json.loads((ROOT / QUIZ_DIR / f'{name}.json').read_text(encoding='utf-8'))
    # Ölçülen sayılar yalnızca bölüm sonrası sınavdadır ve bölüm en az birini kullanır
    # (bölüm sonrası sınav bölümün sonuçlarını da sorar).
    names = set().union(*map(question_names, quiz['sonra']))
    assert names, f'{name}: bölüm sonrası sınav bölümün hiçbir sonucunu sormuyor'


@pytest.mark.parametrize('name', CHAPTERS)
def test_chapter_shows_both_quizzes(name):
    nb = stored_chapter(name)
    ids = {c.get('id') for c in nb.cells}
    present = set(CELL_IDS.values()) & ids
    if name in CELLS_PENDING:
        assert not present, (
            f'{name} sınav hücrelerini almış: CELLS_PENDING listesinden çıkarın'
        )
        pytest.skip(
            f'{name}: sınav hücreleri henüz eklenmedi (scripts/add_quiz_cells.py '
            f'{name}, sonra python -m kitap run book/{name}.ipynb)'
        )
    assert present == set(CELL_IDS.values())
    assert quiz_cell_problems(nb, name) == []


def reader_cells(name, framework='pytorch'):
    """Bölümün okur defterindeki kurulum hücresi ve iki sınav hücresi (hücreler
    bölüme henüz eklenmediyse betiğin ekleyeceği biçimde eklenmiş olarak)."""
    nb = stored_chapter(name)
    add_quiz_cells(nb, name)
    view = export_notebook(nb, framework, BookInfo.load(ROOT), f'book/{name}')
    by_id = {c.get('id'): c for c in view.cells}
    return (
        view,
        [by_id['colab-kurulum'], by_id[CELL_IDS['once']]],
        by_id[CELL_IDS['sonra']],
    )


def test_quizzes_render_in_reader_notebooks_executed_with_nbclient(tmp_path):
    """Her bölümün okur defterindeki iki sınav hücresi, tek bir çekirdekte çalışır.

    Bölümün eğitimini burada çalıştırmıyoruz: bölüm sonrası sınavdan önce, bölümün
    `d2l.glue` ile kaydedeceği sayıları (PyTorch'un saklı glue kayıtları) çekirdeğe
    yazan bir hücre gelir. Çıktıdaki her sınav, bölümün sorularını ve saklı sayıları
    taşımalıdır.
    """
    import nbformat

    cells, expected = [], {}
    for name in CHAPTERS:
        view, first, sonra = reader_cells(name)
        glue = {
            k: float(v)
            for k, v in glue_values(stored_chapter(name)).items()
            if k.endswith('_pytorch')
        }
        seed = nbformat.v4.new_code_cell(
            f'from d2l_gan.utils import GLUED\nGLUED.clear()\nGLUED.update({glue!r})'
        )
        cells += [*first, seed, sonra]
        quiz = json.loads((ROOT / QUIZ_DIR / f'{name}.json').read_text('utf-8'))
        expected[name] = quiz, glue
    nb = nbformat.v4.new_notebook(cells=cells, metadata=view.metadata)
    NotebookClient(
        nb, timeout=300, resources={'metadata': {'path': str(tmp_path)}}
    ).execute()
    shown = {}
    for cell in nb.cells:
        for data in quiz_data(cell.outputs):
            shown[data['bolum'], data['kisim']] = data
            assert data['script'], 'sınavın betiği çıktıda yok'
    assert set(shown) == {(n, p) for n in CHAPTERS for p in PARTS}
    for name, (quiz, glue) in expected.items():
        data = shown[name, 'sonra']
        assert data['eksik'] == [] and data['atlanan'] == []
        for key, value in data['degerler'].items():
            assert value == glue[f'{key}_pytorch']
        names = set().union(*map(question_names, quiz['sonra']))
        assert set(data['degerler']) == names
