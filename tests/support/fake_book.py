"""Araç testlerinin küçük, sahte kitabı (`book` fikstürü) ve hücre yardımcıları."""

import json
import textwrap

import nbformat
import pytest

from d2l_gan.frameworks import FRAMEWORKS
from kitap.runtime import record_runtime


def code(source, *tags, cid=None):
    cell = nbformat.v4.new_code_cell(textwrap.dedent(source).strip())
    if tags:
        cell.metadata['tags'] = list(tags)
    if cid:
        cell.id = cid
    return cell


RUNTIME_BOX = (
    '```{admonition} Çalışma süresi\n:class: tip calisma-suresi\n\n'
    '{{ sure_pytorch }}, {{ sure_tensorflow }}, {{ sure_mxnet }}.\n```'
)


def chapter(*cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata['kernelspec'] = {
        'name': 'python3',
        'display_name': 'Python 3',
        'language': 'python',
    }
    nb.cells = [
        nbformat.v4.new_markdown_cell('# Deneme bölümü\n\n' + RUNTIME_BOX)
    ] + list(cells)
    return nb


def sample_chapter():
    return chapter(
        code('n = 3', 'parameters', cid='ayar'),
        code("fw = 'pytorch'", 'pytorch', cid='pt'),
        code("fw = 'tensorflow'", 'tensorflow', cid='tf'),
        code("fw = 'mxnet'", 'mxnet', cid='mx'),
        code('print(n * 2)', 'nbval-check-output', cid='ortak'),
        code('print(fw, n)', 'pytorch', cid='pt2'),
        code('print(fw, n)', 'tensorflow', cid='tf2'),
        code('print(fw, n)', 'mxnet', cid='mx2'),
    )


# Sahte bölümün tek başlığı ve Sphinx'in ona verdiği kimlik.
SECTION = {'kimlik': 'deneme-bolumu', 'baslik': 'Deneme bölümü'}


def choice_question(text, right, wrong, source=SECTION):
    """Çoktan seçmeli bir soru: doğru seçenek `right`, ötekiler `wrong`."""
    answers = [{'answer': right, 'correct': True, 'feedback': f'Doğru: {right}.'}]
    answers += [
        {'answer': w, 'correct': False, 'feedback': f'Yanlış: {w} değil.'}
        for w in wrong
    ]
    return {
        'question': text,
        'type': 'multiple_choice',
        'kaynak': dict(source),
        'answers': answers,
    }


def numeric_question(text, low, high, source=SECTION):
    """Sayısal bir soru: [low, high) aralığı doğru, gerisi varsayılan geri bildirim."""
    return {
        'question': text,
        'type': 'numeric',
        'kaynak': dict(source),
        'answers': [
            {
                'type': 'range',
                'range': [low, high],
                'correct': True,
                'feedback': 'Doğru aralıkta.',
            },
            {'type': 'default', 'feedback': 'Yanlış: aralığın dışında.'},
        ],
    }


def sample_quiz():
    """Sahte bölümün geçerli sınavı: 3 soru önce, 5 soru sonra."""
    once = [
        choice_question(f'Ön soru {i}?', f'doğru {i}', [f'yanlış {i}a', f'yanlış {i}b'])
        for i in range(1, 4)
    ]
    sonra = [
        choice_question('Ayrımcı gerçeğe hangi etiketi verir?', '1', ['0', '1/2']),
        numeric_question('İki kere üç kaçtır?', 5.5, 6.5),
    ] + [
        choice_question(f'Son soru {i}?', f'doğru {i}', [f'yanlış {i}a'])
        for i in range(3, 6)
    ]
    return {'once': once, 'sonra': sonra}


def write_quiz(root, name, quiz):
    path = root / 'book' / 'sinavlar' / f'{name}.json'
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(quiz, ensure_ascii=False, indent=1), encoding='utf-8')
    return path


@pytest.fixture
def book(tmp_path):
    """Tek bölümlü bir kitap: _toc.yml, _config.yml, book/deneme.ipynb ve onun
    sınav dosyası book/sinavlar/deneme.json."""
    (tmp_path / 'book').mkdir()
    (tmp_path / '_toc.yml').write_text(
        'format: jb-book\nroot: book/index\nchapters:\n  - file: book/deneme\n'
    )
    (tmp_path / '_config.yml').write_text(
        'repository:\n  url: https://github.com/ornek/kitap\n  branch: ana\n'
    )
    (tmp_path / 'book' / 'index.md').write_text('# Kitap\n')
    nbformat.write(sample_chapter(), tmp_path / 'book' / 'deneme.ipynb')
    write_quiz(tmp_path, 'deneme', sample_quiz())
    return tmp_path


def measured(path, seconds=3):
    """Bölüme her çerçeve için ölçülmüş bir süre yazar (yer tutucular dolsun diye;
    ölçülmemiş bir süre dışa aktarımda hatadır)."""
    nb = nbformat.read(path, as_version=4)
    for fw in FRAMEWORKS:
        record_runtime(nb, fw, seconds)
    nbformat.write(nb, path)
