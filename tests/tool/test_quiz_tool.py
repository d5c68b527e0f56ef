"""Sınavların araç tarafı (kitap.quiz): dosyaların denetimi, hücrelerin eklenmesi,
kitaptaki bağlantılar; sahte bölümde uçtan uca: çalıştırma, denetim, okur ve öğrenci
defterleri, nbclient ile çalıştırılan okur defteri."""

import copy
import json
import shutil

import nbformat
import pytest
from nbclient import NotebookClient

import quiz_book
from d2l_gan.frameworks import FRAMEWORKS
from d2l_gan.quiz import BOOK_URL
from fake_book import (
    RUNTIME_BOX,
    chapter,
    code,
    sample_chapter,
    sample_quiz,
    write_quiz,
)
from kitap.__main__ import main
from kitap.book import BookInfo
from kitap.chapter import META_KEY, load_chapter
from kitap.checks import check_book
from kitap.config import read_config
from kitap.errors import BookError
from kitap.export import export_notebook
from kitap.outputs import cell_outputs
from kitap.quiz import (
    CELL_IDS,
    add_quiz_cells,
    cell_source,
    checked_quiz,
    page_quiz_outputs,
    quiz_cell_problems,
    quiz_data,
    quiz_file,
    quiz_file_problems,
    refresh_quiz_outputs,
)
from kitap.runner import run_chapter
from repo import ROOT


def problems_for(book, quiz, glue=None):
    write_quiz(book, 'deneme', quiz)
    return quiz_file_problems(book, 'deneme', glue)


def one_problem(book, quiz, glue=None):
    problems = problems_for(book, quiz, glue)
    assert len(problems) == 1, problems
    return problems[0]


# --- Dosyanın denetimi -------------------------------------------------------------


def test_sample_quiz_is_valid(book):
    assert problems_for(book, sample_quiz()) == []


def mutate(change):
    quiz = sample_quiz()
    change(quiz)
    return quiz


@pytest.mark.parametrize(
    'change, message',
    [
        (
            lambda q: q['sonra'][0]['answers'][1].update(correct=True),
            'tam bir doğru yanıt olmalı (2 var)',
        ),
        (
            lambda q: q['sonra'][0]['answers'][0].update(correct=False),
            'tam bir doğru yanıt olmalı (0 var)',
        ),
        (
            lambda q: q['sonra'][0]['answers'][2].pop('feedback'),
            'yanıt 3: geri bildirim (feedback) yok',
        ),
        (
            lambda q: q['sonra'][1]['answers'][0].pop('range'),
            'doğru yanıt bir aralık olmalı',
        ),
        (
            lambda q: q['sonra'][1]['answers'][1].update(
                type='range', range=[0, 1], correct=False
            ),
            'geri bildirimli bir "default" yanıt olmalı',
        ),
        (
            lambda q: q['sonra'][1]['answers'].reverse(),
            'tek doğru yanıt olmalı ve ilk sırada durmalı',
        ),
        (
            lambda q: q['once'][0].update(question='$D^*$ nedir?'),
            'metinde $ var',
        ),
        (
            lambda q: q['once'][1]['kaynak'].update(kimlik='yok'),
            "kaynak 'yok' sayfada 'Deneme bölümü' başlığına gitmiyor",
        ),
        (
            lambda q: q['once'][1]['kaynak'].update(sayfa='kayip'),
            "kaynak sayfası 'kayip' kitapta yok",
        ),
        (lambda q: q['once'].pop(), '"once": 3–5 soru olmalı (2)'),
        (lambda q: q['sonra'].extend(q['sonra'][:4]), '"sonra": 5–8 soru olmalı (9)'),
        (lambda q: q['once'][0].update(type='string'), 'türü multiple_choice ya da'),
        (
            lambda q: q['once'][0].update(question='{{olcum:.2f} nedir?'),
            None,  # yer tutucu değil: sorun yok
        ),
        (
            lambda q: q['once'][0].update(question='{{olcum:.2f}} nedir?'),
            'bölüm öncesi sınav ölçülen sayı kullanamaz',
        ),
        (
            lambda q: q['sonra'][2].update(kosul='olcum <'),
            'kosul geçersiz',
        ),
        (
            lambda q: q['sonra'][2].update(question='{{olcum:.2q}} kaç?'),
            'biçimi geçersiz',
        ),
        (
            lambda q: q['sonra'][2].update(question="Değer {{olcum:.2f}}'yi aşar mı?"),
            '"\'yi" eki var',
        ),
        (
            lambda q: q['sonra'][2].update(question='Aşar mı: {{olcum:.2f}}?'),
            None,
        ),
    ],
)
def test_quiz_file_problems_are_found(book, change, message):
    problems = problems_for(book, mutate(change))
    if message is None:
        assert problems == []
    else:
        assert len(problems) == 1 and message in problems[0], problems


def test_unreadable_or_misshapen_file(book):
    path = write_quiz(book, 'deneme', sample_quiz())
    path.write_text('{"once": [', encoding='utf-8')
    assert 'okunamadı' in quiz_file_problems(book, 'deneme')[0]
    path.write_text('{"once": []}', encoding='utf-8')
    assert 'yalnızca "once" ve "sonra"' in quiz_file_problems(book, 'deneme')[0]
    path.unlink()
    assert 'bölümün sınav dosyası yok' in quiz_file_problems(book, 'deneme')[0]


def test_checked_quiz_returns_the_quiz_only_without_problems(book):
    write_quiz(book, 'deneme', sample_quiz())
    assert checked_quiz(book, 'deneme') == (sample_quiz(), [])
    write_quiz(book, 'deneme', mutate(lambda q: q['once'].clear()))
    quiz, problems = checked_quiz(book, 'deneme')
    assert quiz is None and problems == quiz_file_problems(book, 'deneme') != []


def glue_question_quiz(condition=None):
    quiz = sample_quiz()
    quiz['sonra'][0] = quiz_book.glue_question()
    if condition:
        quiz['sonra'][1]['kosul'] = condition
    return quiz


def test_glued_numbers_must_exist_for_every_framework(book):
    stored = {f'olcum_{fw}': '0.5' for fw in FRAMEWORKS}
    assert problems_for(book, glue_question_quiz(), stored) == []
    del stored['olcum_mxnet']
    message = one_problem(book, glue_question_quiz(), stored)
    assert 'mxnet saklı çıktılarında glue kaydı yok: olcum_mxnet' in message


def test_condition_must_hold_in_every_framework(book):
    stored = {'olcum_pytorch': '0.5', 'olcum_tensorflow': '0.5', 'olcum_mxnet': '2.0'}
    message = one_problem(book, glue_question_quiz('olcum < 1'), stored)
    assert "kosul 'olcum < 1' mxnet saklı çıktılarında tutmuyor" in message


def test_pending_chapter_checks_only_links_to_other_pages(book):
    write_quiz(book, 'gelecek', sample_quiz())
    problems = quiz_file_problems(book, 'gelecek')
    assert problems and all('kitapta yok' in p for p in problems)
    assert quiz_file_problems(book, 'gelecek', chapter_pending=True) == []


# --- Hücreler ---------------------------------------------------------------------


def exercises_chapter(extra=''):
    nb = sample_chapter()
    nb.cells.append(nbformat.v4.new_markdown_cell(extra + quiz_book.EXERCISES))
    return nb


def test_cells_go_after_runtime_box_and_before_exercises():
    nb = exercises_chapter()
    assert add_quiz_cells(nb, 'deneme')
    ids = [c.get('id') for c in nb.cells]
    assert ids[1] == CELL_IDS['once'] and ids[-2] == CELL_IDS['sonra']
    assert nb.cells[1].source == cell_source('deneme', 'once')
    assert nb.cells[-2].source == cell_source('deneme', 'sonra')
    assert not nb.cells[1].metadata.get('tags')
    assert not add_quiz_cells(nb, 'deneme')  # ikinci kez: değişiklik yok


def test_cells_keep_outputs_when_unchanged_and_move_into_place():
    nb = exercises_chapter()
    add_quiz_cells(nb, 'deneme')
    once = nb.cells.pop(1)
    once.outputs = [nbformat.v4.new_output('stream', text='çıktı')]
    nb.cells.append(once)  # yanlış yere taşınmış
    assert add_quiz_cells(nb, 'deneme')
    assert nb.cells[1].get('id') == CELL_IDS['once']
    assert nb.cells[1].outputs[0]['text'] == 'çıktı'
    nb.cells[1].source = "show_quiz('eski', 'once')"
    add_quiz_cells(nb, 'deneme')
    assert nb.cells[1].source == cell_source('deneme', 'once')
    assert nb.cells[1].outputs == [] and nb.cells[1].execution_count is None


def test_exercises_heading_inside_a_cell_is_split_off():
    nb = exercises_chapter(extra='## Özet\n\nBir özet.\n\n')
    add_quiz_cells(nb, 'deneme')
    assert nb.cells[-3].source == '## Özet\n\nBir özet.'
    assert nb.cells[-2].get('id') == CELL_IDS['sonra']
    assert nb.cells[-1].source.startswith('## Alıştırmalar')


def test_chapter_without_runtime_box_or_exercises_is_an_error():
    from kitap.errors import BookError

    with pytest.raises(BookError, match='Alıştırmalar'):
        add_quiz_cells(sample_chapter(), 'deneme')
    nb = chapter(code('x = 1'))
    nb.cells[0].source = '# Başlık'
    with pytest.raises(BookError, match='çalışma süresi kutusu'):
        add_quiz_cells(nb, 'deneme')
    assert RUNTIME_BOX  # fikstürün kutusu add_quiz_cells'in aradığı kutudur


def test_add_quiz_cells_script_is_idempotent(book, capsys):
    import runpy

    nb = exercises_chapter()
    nbformat.write(nb, book / 'book' / 'deneme.ipynb')
    (book / '_toc.yml').write_text(
        'format: jb-book\nroot: book/index\nchapters:\n  - file: book/deneme\n'
    )
    script = runpy.run_path(str(ROOT / 'scripts' / 'add_quiz_cells.py'))
    assert script['main'](['--kok', str(book), '--hepsi']) == 0
    assert script['main'](['--kok', str(book), 'deneme']) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        'deneme.ipynb: sınav hücreleri yazıldı',
        'deneme.ipynb: değişiklik yok',
    ]
    assert script['main'](['--kok', str(book), 'yok']) == 1


# --- Kitaptaki bağlantılar -------------------------------------------------------


def test_book_links_become_relative_and_scripts_survive_missing_mathjax():
    link = (
        f"<a class='sinav-kaynak' href='{BOOK_URL}book/teori.html#en-iyi' "
        "target='_blank' rel='noopener'>Önceki bölümde: En iyi</a>"
    )
    cell = nbformat.v4.new_code_cell('show_quiz()')
    script = f'var q={json.dumps([{"feedback": "Yanlış." + link}])};'
    # Düzeltmeden önce saklanmış bir betiğin MathJax satırı (jupyterquiz 2.9.6.4)
    script += 'var version = MathJax.version; if (version[0] == "3") {}'
    cell.outputs = [
        nbformat.v4.new_output('display_data', data={'application/javascript': script})
    ]
    nb = nbformat.v4.new_notebook(cells=[cell])
    page_quiz_outputs(nb)
    text = cell.outputs[0]['data']['application/javascript']
    # jupyterquiz soruları json.dumps ile (ASCII dışı harfler kaçışlı) yazar.
    assert "<a class='sinav-kaynak' href='teori.html#en-iyi'>\\u00d6nceki" in text
    assert BOOK_URL not in text
    assert 'if (String(version)[0] == "3")' in text


def test_book_url_is_the_configured_baseurl():
    assert read_config(ROOT)['html']['baseurl'] == BOOK_URL


# --- Sahte bölümde uçtan uca ---------------------------------------------------------


@pytest.fixture(scope='module')
def ran(tmp_path_factory):
    """Sınav hücreli sahte bölüm, üç çerçevede çalıştırılmış: (kök, defter yolu)."""
    root = tmp_path_factory.mktemp('sinav')
    path = quiz_book.write_book(root)
    run_chapter(path, log=lambda *_: None)
    return root, path


def test_run_stores_the_quiz_per_framework_and_passes_check(ran):
    root, path = ran
    assert check_book(root) == {}
    nb = load_chapter(path)
    by_id = {c.get('id'): c for c in nb.cells}
    once, sonra = by_id[CELL_IDS['once']], by_id[CELL_IDS['sonra']]
    # Bölüm öncesi sınavın çıktısı her çerçevede aynıdır: bir kez saklanır.
    assert 'outputs' not in once.metadata.get(META_KEY, {})
    (data,) = quiz_data(once.outputs)
    assert (data['bolum'], data['kisim'], data['degerler']) == ('deneme', 'once', {})
    for fw in FRAMEWORKS:
        (data,) = quiz_data(cell_outputs(sonra, fw))
        assert data['degerler'] == {'olcum': quiz_book.MEASURED[fw]}
        assert data['eksik'] == [] and data['atlanan'] == [] and data['script']


def test_check_catches_a_quiz_output_that_disagrees_with_glue(ran):
    _, path = ran
    nb = load_chapter(path)
    assert quiz_cell_problems(nb, 'deneme') == []
    tampered = copy.deepcopy(nb)
    sonra = next(c for c in tampered.cells if c.get('id') == CELL_IDS['sonra'])
    out = cell_outputs(sonra, 'tensorflow')[0]
    out['data']['text/html'] = out['data']['text/html'].replace('0.5', '0.4')
    problems = quiz_cell_problems(tampered, 'deneme')
    assert problems == [
        'sınav hücresi sinav-sonra: tensorflow çıktısındaki olcum = 0.4, glue kaydı '
        'olcum_tensorflow = 0.5'
    ]
    del sonra.metadata[META_KEY]
    sonra.outputs = []
    assert 'pytorch çıktısında sınav yok' in quiz_cell_problems(tampered, 'deneme')[0]


def test_check_catches_a_quiz_file_changed_after_the_run_and_sinav_refreshes_it(
    ran, tmp_path, capsys
):
    """Sorular bölüm çalıştıktan sonra değişirse saklı sınav eskidir: check bunu
    her çerçevede bildirir; `refresh_quiz_outputs` (kitap sinav) çıktıları yeni
    sorularla ve bölümün saklı sayılarıyla yazar, ikinci kez bir şey yapmaz."""
    root = tmp_path / 'kitap'
    shutil.copytree(ran[0], root)
    path = root / 'book' / 'deneme.ipynb'
    assert refresh_quiz_outputs(root, path) == 0  # taze çalıştırma güncel
    quiz = json.loads(quiz_file(root, 'deneme').read_text(encoding='utf-8'))
    quiz['sonra'][0]['question'] = 'Bu çalıştırmada ölçülen değer: YENİ-METİN (±0.01)'
    write_quiz(root, 'deneme', quiz)
    report = check_book(root)
    (problems,) = report.values()
    assert problems == [
        f'sınav hücresi sinav-sonra: {fw} çıktısı sınav dosyasının bugünkü '
        'sorularından eski; yenileyin: python -m kitap sinav book/deneme.ipynb'
        for fw in FRAMEWORKS
    ]
    before = load_chapter(path)
    assert main(['--root', str(root), 'sinav', str(path)]) == 0
    assert capsys.readouterr().out == f'{path}: 1 sınav hücresi yenilendi.\n'
    assert check_book(root) == {}
    nb = load_chapter(path)
    by_id = {c.get('id'): c for c in nb.cells}
    for fw in FRAMEWORKS:
        outputs = cell_outputs(by_id[CELL_IDS['sonra']], fw)
        (data,) = quiz_data(outputs)
        assert data['degerler'] == {'olcum': quiz_book.MEASURED[fw]}
        script = outputs[1]['data']['application/javascript']
        assert json.dumps('YENİ-METİN')[1:-1] in script  # jupyterquiz JSON'ı yazar
    # Sınav dışındaki hücreler ve bölüm öncesi sınav değişmez.
    for old, new in zip(before.cells, nb.cells):
        if old.get('id') != CELL_IDS['sonra']:
            assert old == new
    assert refresh_quiz_outputs(root, path) == 0


def test_sinav_refuses_a_broken_quiz_file_or_an_unrun_chapter(ran, tmp_path):
    root = tmp_path / 'kitap'
    shutil.copytree(ran[0], root)
    path = root / 'book' / 'deneme.ipynb'
    quiz = json.loads(quiz_file(root, 'deneme').read_text(encoding='utf-8'))
    broken = copy.deepcopy(quiz)
    broken['sonra'][0]['answers'][0]['glue'] = 'olmayan_sayi'
    write_quiz(root, 'deneme', broken)
    with pytest.raises(BookError, match='sınav dosyasında sorun var'):
        refresh_quiz_outputs(root, path)
    write_quiz(root, 'deneme', quiz)
    nb = load_chapter(path)
    cell = next(c for c in nb.cells if c.get('id') == CELL_IDS['once'])
    cell.execution_count, cell.outputs = None, []
    nbformat.write(nb, path)
    with pytest.raises(BookError, match='önce bölümü çalıştırın'):
        refresh_quiz_outputs(root, path)


def test_reader_and_student_notebooks_keep_the_quiz_and_no_solution(ran):
    root, path = ran
    nb = load_chapter(path)
    info = BookInfo.load(root)
    for student in (False, True):
        view = export_notebook(nb, 'pytorch', info, 'book/deneme', student=student)
        ids = [c.get('id') for c in view.cells]
        assert CELL_IDS['once'] in ids and CELL_IDS['sonra'] in ids
        assert ids.index(CELL_IDS['sonra']) < len(ids) - 1
        text = nbformat.writes(view)
        assert ('GİZLİ ÇÖZÜM METNİ' in text) is not student


def test_reader_notebook_executed_with_nbclient_contains_the_quiz(ran):
    """Okur defteri (çıktısız, tek çerçeve) baştan sona çalışır; iki hücrenin çıktısı
    da sınavdır ve bölüm sonrası sınav o çerçevenin ölçtüğü sayıyı gösterir."""
    root, path = ran
    view = export_notebook(
        load_chapter(path), 'tensorflow', BookInfo.load(root), 'book/deneme'
    )
    # Sahte bölümün sınav dosyası pakette değil, kitabın book/sinavlar/ klasöründedir;
    # show_quiz çalışma klasörünün sinavlar/'ına da bakar.
    NotebookClient(
        view, timeout=120, resources={'metadata': {'path': str(root / 'book')}}
    ).execute()
    by_id = {c.get('id'): c for c in view.cells}
    (once,) = quiz_data(by_id[CELL_IDS['once']].outputs)
    (sonra,) = quiz_data(by_id[CELL_IDS['sonra']].outputs)
    assert once['script'] and sonra['script']
    assert sonra['degerler'] == {'olcum': quiz_book.MEASURED['tensorflow']}
    html = ''.join(
        o['data'].get('text/html', '') for o in by_id[CELL_IDS['sonra']].outputs
    )
    assert 'Bölümden sonra: neler kaldı?' in html and '5 soru' in html
