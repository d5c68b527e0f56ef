"""Kitabın Sphinx eklentileri (arac/kitap/sphinxext/): küçük bir kitap derlenir ve
HTML'i okunur; numaralama ve arama dilinin parçaları ayrıca birim olarak denenir."""

import base64
import io
import json
import re
import subprocess
import sys
import textwrap

import nbformat
import pytest
import snowballstemmer
from PIL import Image

from d2l_gan.frameworks import FRAMEWORKS, SUFFIXES
from kitap.chapter import META_KEY
from kitap.sphinxext.numbering import shared_numbers
from kitap.sphinxext.search import SearchTurkishFolded, ascii_fold, turkish_lower


def png():
    buffer = io.BytesIO()
    Image.new('RGB', (4, 4), 'white').save(buffer, 'PNG')
    return base64.b64encode(buffer.getvalue()).decode('ascii')


def figure_output():
    return nbformat.v4.new_output('display_data', data={'image/png': png()})


def figure_cell(cid, *tags, figures=1):
    cell = nbformat.v4.new_code_cell('plot()', id=cid)
    cell.metadata['tags'] = list(tags)
    cell.metadata['mystnb'] = {
        'figure': {'caption': f'Şekil {cid}.'},
        'image': {'alt': 'Bir şekil.'},
    }
    cell.outputs = [figure_output() for _ in range(figures)]
    return cell


def tab_group(name, figures=1):
    return [
        figure_cell(f'{name}-{SUFFIXES[fw]}', fw, figures=figures) for fw in FRAMEWORKS
    ]


def expanded_shared_cell(cid):
    """Çıktıları çerçevelerde farklı olan ortak hücre (bkz. arac/kitap/reader.py)."""
    cell = figure_cell(cid)
    cell.metadata[META_KEY] = {'outputs': {fw: [figure_output()] for fw in FRAMEWORKS}}
    return cell


def markdown(text):
    return nbformat.v4.new_markdown_cell(textwrap.dedent(text).strip())


def chapter(title, *cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata['kernelspec'] = {
        'name': 'python3',
        'display_name': 'Python 3',
        'language': 'python',
    }
    nb.cells = [markdown(f'# {title}'), *cells]
    return nb


EXERCISE = """
```{exercise}
:label: %s

Bir alıştırma.
```
"""

CONF = """
extensions = ['myst_nb', 'sphinx_exercise', 'kitap.sphinxext.tabs',
              'kitap.sphinxext.colab', 'kitap.sphinxext.numbering',
              'kitap.sphinxext.search']
language = 'tr'
numfig = True
html_theme = 'sphinx_book_theme'  # repository_url onun ayarı
nb_execution_mode = 'off'
myst_enable_extensions = ['colon_fence']
html_theme_options = {'repository_url': 'https://github.com/ornek/kitap',
                      'repository_branch': 'ana'}
d2l_gan_colab_folder = 'notebooks/ogrenci'
"""


@pytest.fixture(scope='module')
def html(tmp_path_factory):
    """İki bölümlü küçük bir kitabı derler; {bölüm: HTML} döndürür."""
    src = tmp_path_factory.mktemp('kitap')
    (src / 'conf.py').write_text(CONF, encoding='utf-8')
    (src / 'index.md').write_text(
        '# Kitap\n\n```{toctree}\n:numbered: 1\n\nbir\niki\n```\n', encoding='utf-8'
    )
    nbformat.write(
        chapter(
            'Bir',
            markdown('IRAKSAMA ve İKİLİ sözcükleri.'),
            figure_cell('tek'),
            markdown(EXERCISE % 'bir-ex'),
        ),
        src / 'bir.ipynb',
    )
    nbformat.write(
        chapter(
            'İki',
            figure_cell('ortak-once'),  # 2.1
            *tab_group('grup'),  # 2.2 (üç sekme)
            expanded_shared_cell('acilan'),  # 2.3 (üç sekme)
            markdown('Araya giren bir paragraf.'),
            *tab_group('cift', figures=2),  # 2.4 ve 2.5 (her sekmede)
            figure_cell('ortak-sonra'),  # 2.6
            markdown(EXERCISE % 'iki-ex-1'),
            markdown(EXERCISE % 'iki-ex-2'),
        ),
        src / 'iki.ipynb',
    )
    out = src / '_build'
    result = subprocess.run(
        [
            sys.executable,
            '-m',
            'sphinx',
            '-b',
            'html',
            '-q',
            '-W',
            '--keep-going',
            str(src),
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return {
        name: (out / f'{name}.html').read_text(encoding='utf-8')
        for name in ('bir', 'iki')
    } | {'searchindex': (out / 'searchindex.js').read_text(encoding='utf-8')}


def numbers(page, kind):
    return re.findall(rf'caption-number">{kind} ([\d.]+) <', page)


def test_figures_and_exercises_are_numbered_per_chapter(html):
    assert numbers(html['bir'], 'Şekil') == ['1.1']
    assert numbers(html['bir'], 'Alıştırma') == ['1.1']
    assert numbers(html['iki'], 'Alıştırma') == ['2.1', '2.2']


def test_a_tab_group_shares_one_figure_number(html):
    assert numbers(html['iki'], 'Şekil') == [
        '2.1',
        '2.2',
        '2.2',
        '2.2',  # çerçeve sekme grubu
        '2.3',
        '2.3',
        '2.3',  # açılmış ortak hücre
        '2.4',
        '2.5',
        '2.4',
        '2.5',
        '2.4',
        '2.5',  # iki şekilli grup, sekme sekme
        '2.6',
    ]


def test_colab_links_use_the_configured_folder(html):
    links = re.findall(r'href="(https://colab[^"]+)"', html['iki'])
    base = 'https://colab.research.google.com/github/ornek/kitap/blob/ana'
    assert links == [f'{base}/notebooks/ogrenci/{fw}/iki.ipynb' for fw in FRAMEWORKS]


def test_search_index_folds_turkish_capitals(html):
    index = json.loads(html['searchindex'].removeprefix('Search.setIndex(').rstrip(')'))
    # Kökler Türkçe harfleri ASCII'ye indirilmiş olarak yazılır (bkz. search.py).
    stem = SearchTurkishFolded({}).stem
    for word in ('ıraksama', 'ikili'):
        assert stem(word) in index['terms'], word
        snowball = snowballstemmer.stemmer('turkish').stemWord(word)
        assert stem(word) == ascii_fold(snowball)
    assert not any('i̇' in term or 'I' in term for term in index['terms'])


def test_turkish_lower():
    assert (
        turkish_lower('ÜRETİCİ Iraksama İkili ışık İÇİN')
        == 'üretici ıraksama ikili ışık için'
    )
    language = SearchTurkishFolded({})
    assert language.split('ÜRETİCİ, Iraksama; İkili') == [
        'üretici',
        'ıraksama',
        'ikili',
    ]


def test_shared_numbers_renumbers_groups_without_gaps():
    # Sphinx'in numaraları: 5. bölümde yedi şekil; 2-4 ve 5-7 birer sekme grubu.
    fignumbers = {
        'bolum': {f'id{k}': (5, k) for k in range(1, 8)},
        'baska': {'b1': (6, 1)},
    }
    groups = {
        'bolum': [
            {'pytorch': ['id2'], 'tensorflow': ['id3'], 'mxnet': ['id4']},
            {'pytorch': ['id5'], 'tensorflow': ['id6'], 'mxnet': ['id7']},
        ]
    }
    assert shared_numbers(fignumbers, groups) == {
        'bolum': {
            'id1': (5, 1),
            'id2': (5, 2),
            'id3': (5, 2),
            'id4': (5, 2),
            'id5': (5, 3),
            'id6': (5, 3),
            'id7': (5, 3),
        },
        'baska': {'b1': (6, 1)},
    }


def test_shared_numbers_keeps_a_book_wide_counter_without_chapter_numbers():
    # Numarasız sayfalarda Sphinx sayacı bütün kitap boyunca sürer: (1,), (2,), ...
    fignumbers = {'a': {'x': (1,), 'y': (2,)}, 'b': {'z': (3,), 'w': (4,)}}
    groups = {'b': [{'pytorch': ['z'], 'mxnet': ['w']}]}
    assert shared_numbers(fignumbers, groups) == {
        'a': {'x': (1,), 'y': (2,)},
        'b': {'z': (3,), 'w': (3,)},
    }
