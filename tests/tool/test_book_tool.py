"""`python -m kitap` aracının testleri: küçük, sahte bir kitap üzerinde."""

import json

import nbformat
import pytest

from d2l_gan.frameworks import FRAMEWORKS
from fake_book import RUNTIME_BOX, chapter, code, measured, sample_chapter
from kitap.__main__ import main
from kitap.chapter import group_problems, load_chapter
from kitap.checks import check_book
from kitap.errors import BookError
from kitap.export import export_all, write_students
from kitap.params import load_params
from kitap.runner import run_chapter
from kitap.setup_cell import requirement_pins
from kitap.views import framework_view


def outputs_of(nb, cid):
    cell = next(c for c in nb.cells if c.get('id') == cid)
    return ''.join(o.get('text', '') for o in cell.outputs)


def test_run_merges_each_framework_and_passes_check(book):
    path = book / 'book' / 'deneme.ipynb'
    run_chapter(path, log=lambda *_: None)
    nb = load_chapter(path)
    for fw, cid in zip(FRAMEWORKS, ('pt2', 'tf2', 'mx2')):
        assert outputs_of(nb, cid) == f'{fw} 3\n'
    assert outputs_of(nb, 'ortak') == '6\n'
    for fw in FRAMEWORKS:
        counts = [
            c.execution_count
            for c in framework_view(nb, fw, True).cells
            if c.cell_type == 'code'
        ]
        assert counts == sorted(counts) and None not in counts
    assert check_book(book) == {}


def test_run_single_framework_keeps_other_outputs(book):
    path = book / 'book' / 'deneme.ipynb'
    run_chapter(path, log=lambda *_: None)
    run_chapter(path, frameworks=['mxnet'], log=lambda *_: None)
    nb = load_chapter(path)
    assert outputs_of(nb, 'pt2') == 'pytorch 3\n'
    assert outputs_of(nb, 'mx2') == 'mxnet 3\n'


def test_run_with_params_is_recorded_and_rejected_by_check(book, tmp_path):
    path = book / 'book' / 'deneme.ipynb'
    params = tmp_path / 'p.yml'
    params.write_text('n: 5\n')
    run_chapter(path, params_file=params, log=lambda *_: None)
    nb = load_chapter(path)
    assert outputs_of(nb, 'pt2') == 'pytorch 5\n'
    assert outputs_of(nb, 'mx2') == 'mxnet 5\n'
    problems = check_book(book)[str(path)]
    assert any('değiştirilmiş ayarlarla' in p for p in problems)
    run_chapter(path, log=lambda *_: None)  # tam ayarlarla yeniden: temiz
    assert check_book(book) == {}


def test_params_file_applies_framework_sections_to_their_framework_only(tmp_path):
    params = tmp_path / 'p.yml'
    params.write_text('n: 5\nk: a\nmxnet:\n  n: 7\n')
    assert load_params(params, 'mxnet') == {'n': 7, 'k': 'a'}
    assert load_params(params, 'pytorch') == {'n': 5, 'k': 'a'}
    params.write_text('- bir liste\n')
    with pytest.raises(BookError, match='eşlemesi olmalı'):
        load_params(params, 'pytorch')


def test_shared_checked_cell_differing_between_frameworks_is_an_error(book):
    path = book / 'book' / 'deneme.ipynb'
    nb = sample_chapter()
    nb.cells.append(code('print(fw)', 'nbval-check-output', cid='farkli'))
    nbformat.write(nb, path)
    with pytest.raises(BookError, match='çerçevelerde farklı'):
        run_chapter(path, log=lambda *_: None)


def test_run_reports_failing_cell(book):
    path = book / 'book' / 'deneme.ipynb'
    nb = sample_chapter()
    nb.cells.append(code("raise ValueError('bozuk')", 'tensorflow', cid='hata'))
    nb.cells[-1], nb.cells[-2] = nb.cells[-2], nb.cells[-1]  # sıra: pt, tf, mx
    nbformat.write(nb, path)
    with pytest.raises(BookError, match=r'\[tensorflow\].*hata verdi'):
        run_chapter(path, log=lambda *_: None)


@pytest.mark.parametrize(
    'argv, message',
    [
        (['run', 'book/yok.ipynb'], 'Bölüm bulunamadı'),
        (['run', 'book/bozuk.ipynb'], 'geçerli bir Jupyter defteri değil'),
        (
            ['run', 'book/deneme.ipynb', '--framework', 'jax'],
            "Bilinmeyen çerçeve 'jax'",
        ),
        (
            ['run', 'book/deneme.ipynb', '--params', 'yok.yml'],
            'Parametre dosyası bulunamadı',
        ),
    ],
)
def test_cli_errors_are_turkish_and_exit_2(book, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(book)
    (book / 'book' / 'bozuk.ipynb').write_text('{"cells": [')
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith('hata: ') and message in err
    assert 'Traceback' not in err


@pytest.mark.parametrize('name', ['yok.ipynb', 'bozuk.ipynb'])
def test_check_reports_missing_or_malformed_chapter(book, monkeypatch, capsys, name):
    monkeypatch.chdir(book)
    (book / 'book' / 'bozuk.ipynb').write_text(json.dumps({'cells': 'değil'}))
    assert main(['check', f'book/{name}']) == 1
    assert 'Denetim başarısız' in capsys.readouterr().out


def test_check_finds_toc_problems(book):
    nbformat.write(sample_chapter(), book / 'book' / 'listesiz.ipynb')
    (book / '_toc.yml').write_text(
        'root: book/index\nchapters:\n  - file: book/deneme\n  - file: book/kayip\n'
    )
    report = check_book(book)
    assert report['book/kayip'] == ['_toc.yml bu dosyayı listeliyor ama dosya yok']
    assert report['book/listesiz'] == ['bölüm _toc.yml içinde yok']


@pytest.mark.parametrize(
    'tags, message',
    [
        (['pytorch', 'tensorflow', 'pytorch'], 'aynı çerçeve birden çok kez'),
        (['tensorflow', 'pytorch', 'mxnet'], 'sırası PyTorch, TensorFlow, MXNet'),
        (['pytorch', 'tensorflow'], 'eksik çerçeve: mxnet'),
    ],
)
def test_group_problems(tags, message):
    nb = chapter(*[code('x = 1', t) for t in tags])
    problems = group_problems(nb)
    assert len(problems) == 1 and message in problems[0]


def test_group_allows_several_cells_per_tab_and_stated_missing_framework():
    nb = chapter(
        code('a = 1', 'pytorch'),
        code('b = 2', 'pytorch'),
        code('a = 1', 'tensorflow'),
        code('a = 1', 'mxnet'),
    )
    assert group_problems(nb) == []
    nb = chapter(code('a = 1', 'pytorch'), code('a = 1', 'tensorflow'))
    nb.cells[1].metadata['eksik_cerceve_gerekcesi'] = 'MXNet bu işlemi desteklemiyor'
    assert group_problems(nb) == []


def test_framework_tag_on_markdown_and_two_tags_are_rejected():
    md = nbformat.v4.new_markdown_cell('yalnızca PyTorch')
    md.metadata['tags'] = ['pytorch']
    nb = chapter(md, code('a = 1', 'tensorflow'), code('a = 1', 'mxnet'))
    assert any('yalnızca kod hücrelerinde' in p for p in group_problems(nb))
    with pytest.raises(BookError, match='birden çok çerçeve etiketi'):
        group_problems(chapter(code('a = 1', 'pytorch', 'mxnet')))


@pytest.mark.parametrize(
    'output, message',
    [
        (
            nbformat.v4.new_output(
                'error', ename='ValueError', evalue='x', traceback=[]
            ),
            'hata var',
        ),
        (
            nbformat.v4.new_output('stream', name='stderr', text='UserWarning: dikkat'),
            'stderr',
        ),
        (
            nbformat.v4.new_output('stream', name='stdout', text='/home/kisi/veri.csv'),
            'mutlak yol',
        ),
    ],
)
def test_check_rejects_bad_stored_outputs(book, output, message):
    path = book / 'book' / 'deneme.ipynb'
    run_chapter(path, log=lambda *_: None)
    nb = load_chapter(path)
    nb.cells[-1].outputs.append(output)
    nbformat.write(nb, path)
    assert any(message in p for p in check_book(book)[str(path)])


def test_check_rejects_unexecuted_chapter_and_unknown_test_params(book):
    path = book / 'book' / 'deneme.ipynb'
    (book / 'tests' / 'params').mkdir(parents=True)
    (book / 'tests' / 'params' / 'deneme.yml').write_text('n: 1\nepochs: 2\n')
    problems = check_book(book)[str(path)]
    assert any('hiç çalıştırılmamış' in p for p in problems)
    assert any('olmayan ayarları değiştiriyor: epochs' in p for p in problems)


def test_check_requires_figure_caption_alt_and_runtime_box(book):
    path = book / 'book' / 'deneme.ipynb'
    run_chapter(path, log=lambda *_: None)
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.get('id') == 'ortak')
    cell.outputs.append(
        nbformat.v4.new_output('display_data', data={'image/png': 'iVBO'})
    )
    nb.cells[0].source = '# Deneme bölümü'
    nbformat.write(nb, path)
    problems = '\n'.join(check_book(book)[str(path)])
    assert 'altyazı ve alt metin yok' in problems
    assert 'çalışma süresi kutusu yok' in problems
    cell.metadata['mystnb'] = {
        'figure': {'caption': 'Bir şekil.'},
        'image': {'alt': 'Şekil'},
    }
    nb.cells[0].source = '# Deneme bölümü\n\n' + RUNTIME_BOX
    nbformat.write(nb, path)
    assert str(path) not in check_book(book)


def test_export_writes_reader_and_student_notebooks_and_check_detects_staleness(book):
    with pytest.raises(BookError, match='kayıtlı süre yok'):  # ölçülmemiş süre hatadır
        export_all(book)
    measured(book / 'book' / 'deneme.ipynb')
    with pytest.raises(BookError, match='güncel değil'):
        export_all(book, check=True)
    written = export_all(book)
    assert len(written) == 2 * len(FRAMEWORKS)  # okur ve öğrenci defteri
    assert export_all(book, check=True) == []
    mxnet_pin = f'mxnet=={requirement_pins(book)["mxnet"]}'
    for fw in FRAMEWORKS:
        for folder in (book / 'notebooks', book / 'notebooks' / 'ogrenci'):
            nb = nbformat.read(folder / fw / 'deneme.ipynb', 4)
            first = nb.cells[0].source
            assert "'google.colab' in sys.modules" in first
            assert 'git+https://github.com/ornek/kitap@ana' in first
            assert (mxnet_pin in first) == (fw == 'mxnet')
            sources = '\n'.join(c.source for c in nb.cells)
            assert f"fw = '{fw}'" in sources
            assert all(f"fw = '{o}'" not in sources for o in FRAMEWORKS if o != fw)
            for cell in nb.cells:
                assert not set(cell.metadata.get('tags', [])) & set(FRAMEWORKS)
                if cell.cell_type == 'code':
                    assert cell.outputs == [] and cell.execution_count is None
    # bölüm değişince dışa aktarım eskir
    nb = load_chapter(book / 'book' / 'deneme.ipynb')
    nb.cells[1].source = 'n = 4'
    nbformat.write(nb, book / 'book' / 'deneme.ipynb')
    with pytest.raises(BookError, match='notebooks/pytorch/deneme.ipynb'):
        export_all(book, check=True)
    # elle eklenmiş ya da artık bölümü olmayan bir öğrenci defteri de eskidir
    export_all(book)
    stray = book / 'notebooks' / 'ogrenci' / 'mxnet' / 'eski.ipynb'
    stray.write_text('{}')
    with pytest.raises(BookError, match='notebooks/ogrenci/mxnet/eski.ipynb'):
        export_all(book, check=True)
    export_all(book)
    assert not stray.exists()


@pytest.mark.parametrize(
    'command',
    [
        ['export'],
        ['export', '--check'],
        ['students'],
        ['build'],
        ['build', '--hide-solutions'],
        ['sinav', 'book/deneme.ipynb'],
        ['check'],
    ],
)
def test_missing_root_is_a_turkish_error_for_every_command(tmp_path, capsys, command):
    missing = tmp_path / 'yok'
    assert main(['--root', str(missing), *command]) == 2
    err = capsys.readouterr().err
    assert err.startswith('hata: ') and 'kök klasörü bulunamadı' in err
    assert str(missing) in err and 'Traceback' not in err
    assert not missing.exists()


@pytest.mark.parametrize('command', [['export'], ['students']])
def test_root_without_config_is_a_turkish_error(tmp_path, capsys, command):
    (tmp_path / '_toc.yml').write_text('root: book/index\n')
    assert main(['--root', str(tmp_path), *command]) == 2
    assert '_config.yml bulunamadı' in capsys.readouterr().err


def test_duplicated_framework_in_a_tab_group_writes_no_notebook(book, tmp_path, capsys):
    path = book / 'book' / 'deneme.ipynb'
    nb = sample_chapter()
    # pt2, tf2, mx2 grubunda PyTorch iki kez: pt2, tf2, pt3, mx2
    nb.cells.insert(8, code("fw = 'pytorch'", 'pytorch', cid='pt3'))
    nbformat.write(nb, path)
    with pytest.raises(
        BookError, match=r'(?s)book/deneme.*aynı çerçeve birden çok kez'
    ):
        export_all(book)
    with pytest.raises(BookError, match='aynı çerçeve birden çok kez'):
        write_students(book, tmp_path / 'ogrenci')
    assert main(['--root', str(book), 'students', '--out', str(tmp_path / 'o2')]) == 2
    assert 'aynı çerçeve birden çok kez' in capsys.readouterr().err
    assert not (book / 'notebooks').exists()
    assert not list(tmp_path.glob('ogrenci*/**/*.ipynb'))
    assert not list(tmp_path.glob('o2/**/*.ipynb'))
