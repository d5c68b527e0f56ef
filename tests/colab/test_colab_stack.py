"""Colab yığınının sonuçları: okur defterleri Colab'ın Python, numpy ve
TensorFlow/Keras sürümleriyle (ya da `--surumler en-yeni` ile en yenileriyle)
hatasız, uyarısız çalışır; MXNet defteri çalışamayacağı
ortamda Türkçe iletiyle durur; okur paketinde kitabın aracı yoktur.

Defterleri `tests/support/colab_stack.py` çalıştırır (test komutunda kendi
aşamasıdır); bu dosya onun bıraktığı `_build/colab/` çıktılarını denetler.
"""

import json
import re
from pathlib import Path

import nbformat
import pytest

from colab_stack import COLAB_FRAMEWORKS, COLAB_RUNTIME
from kitap.config import chapter_notebooks
from reader_stderr import unexpected_stderr
from repo import ROOT

OUT = ROOT / '_build' / 'colab'
CHAPTERS = [c.stem for c in chapter_notebooks(ROOT)]


def version(text):
    return tuple(int(p) for p in re.findall(r'\d+', text)[:2])


@pytest.fixture(scope='module')
def report():
    path = OUT / 'rapor.json'
    if not path.is_file():
        pytest.fail(
            f'{path} yok: önce `.venv/bin/python tests/support/colab_stack.py` '
            'çalıştırın (test komutu bunu kendisi yapar).'
        )
    return json.loads(path.read_text(encoding='utf-8'))


def executed(framework, chapter):
    return nbformat.read(OUT / 'cikti' / framework / f'{chapter}.ipynb', as_version=4)


def test_stacks_are_the_versions_readers_meet_on_colab(report):
    tf = report['stacks']['tensorflow']['versions']
    pt = report['stacks']['pytorch']['versions']
    if report['version_set'] == 'colab':
        assert version(tf['python']) == version(COLAB_RUNTIME['python'])
        assert tf['numpy'] == pt['numpy'] == COLAB_RUNTIME['numpy']
        assert tf['tensorflow-cpu'] == COLAB_RUNTIME['tensorflow']
        assert tf['keras'] == COLAB_RUNTIME['keras']
    else:  # en-yeni
        assert version(tf['python']) >= (3, 12)
        assert version(tf['numpy']) >= (2, 0) and version(pt['numpy']) >= (2, 0)
        assert version(tf['tensorflow-cpu']) >= (2, 21)
        assert version(tf['keras']) >= (3, 13)
    assert version(pt['torch']) >= (2, 9)
    for stack in (tf, pt):  # okurun ortamında kitabın aracı ve MXNet yok
        assert 'd2l-gan' in stack and 'mxnet' not in stack


@pytest.mark.parametrize('framework', COLAB_FRAMEWORKS)
@pytest.mark.parametrize('chapter', CHAPTERS)
def test_reader_notebook_runs_cleanly_on_the_new_stack(report, framework, chapter):
    runs = {
        Path(r['notebook']).relative_to(OUT / 'cikti').as_posix(): r
        for r in report['stacks'][framework]['runs']
    }
    run = runs[f'{framework}/{chapter}.ipynb']
    assert run['error'] is None, run['error']
    nb = executed(framework, chapter)
    for cell in nb.cells:
        if cell.cell_type != 'code':
            continue
        assert cell.execution_count is not None, f'{cell.id} çalışmadı'
        for out in cell.outputs:
            assert out.output_type != 'error', f'{cell.id}: {out.get("ename")}'
            if out.output_type == 'stream' and out.name == 'stderr':
                unexpected = unexpected_stderr(out.text)
                assert not unexpected, f'{cell.id} stderr yazdı: {unexpected[:5]!r}'

    # Son hücre, çekirdeğin gerçekten bu yığının Python'uyla çalıştığını yazar.
    lines = ''.join(o.get('text', '') for o in nb.cells[-1].outputs).splitlines()
    assert Path(lines[0]).is_relative_to(OUT), lines[0]
    versions = report['stacks'][framework]['versions']
    assert lines[1] == f'python {versions["python"]}'
    assert lines[2] == f'numpy {versions["numpy"]}'


def test_mxnet_notebook_stops_with_the_turkish_message_on_new_python(report):
    runs = [
        r for r in report['stacks']['tensorflow']['runs'] if '/mxnet/' in r['notebook']
    ]
    assert len(runs) == 1 and runs[0]['error'], 'MXNet defteri durmadı'
    chapter = Path(runs[0]['notebook']).stem
    nb = executed('mxnet', chapter)
    first, rest = nb.cells[0], [c for c in nb.cells[1:] if c.cell_type == 'code']
    (error,) = [o for o in first.outputs if o.output_type == 'error']
    python = report['stacks']['tensorflow']['versions']['python']
    message = '\n'.join(error.traceback)
    assert message.startswith('Bu ortamda MXNet 1.9.1 çalışmaz')
    assert f'Python {".".join(python.split(".")[:2])} ve numpy' in message
    assert f'jupyter lab {chapter}.ipynb' in message
    assert 'Traceback' not in message and 'File "' not in message
    assert all(c.execution_count is None for c in rest), 'ilk hücreden sonra sürdü'


def test_book_tool_is_not_part_of_the_reader_package(report):
    """Okurun kurduğu paket yalnızca okur paketidir: çerçeve sözlüğü onunla gelir,
    kitabın aracı (kitap; eskiden d2l_gan.book) ve Sphinx gelmez."""
    for stack in report['stacks'].values():
        assert stack['tool_probe'] == {
            'd2l_gan': True,
            'd2l_gan.frameworks': True,
            'kitap': False,
            'd2l_gan.book': False,
            'sphinx': False,
        }
