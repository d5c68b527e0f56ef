"""Depodaki iki dağıtım: okur paketi d2l-gan (kök) ve kitabın aracı kitap (arac/).

Her birinin tekerleği depodaki kopyadan derlenir (`pip wheel`, bkz. venvs.py) ve yeni,
boş bir sanal ortama bağımlılıksız kurulur (düzenlenemez kurulum: yalnızca tekerleğin
dosyaları). Bağımlılıklar PyPI'den inmez; kitabın ortamındaki kurulu dağıtımlar ve
bildirdikleri bağımlılıklar yeni ortama bağlanır (`venvs.closure`, `venvs.link`).
Süreçler depo dışında, PYTHONPATH'siz çalışır; içe aktarılan paketin yeni ortamdaki
kopya olduğu ayrıca denetlenir.

- Okur ortamı: d2l-gan tekerleği + numpy, matplotlib, Pillow, jupyterquiz ve çerçeveler
  (bağlı).
  Her çerçeve modülü içe aktarılır ve yalnızca kendi çerçevesini yükler; araç (kitap)
  ortamda yoktur, bağımlılıkları yüklenmez.
- Araç ortamı: iki tekerlek + aracın bildirdiği bağımlılıklar (bağlı).
  `python -m kitap build --help` çalışır; Sphinx eklentisinin paket verisi (CSS/JS,
  şablon, MathJax sürümü) kurulu kopyadadır ve küçük bir Sphinx derlemesi onları
  kullanır.
"""

import json
import re
import subprocess
import sys
import zipfile
from importlib.metadata import packages_distributions

import pytest
import tomllib

import venvs
from d2l_gan.frameworks import FRAMEWORKS, MODULES
from repo import ROOT

OUT = ROOT / '_build' / 'kurulum-testi'
TOOL_ONLY = ('kitap', 'sphinx', 'nbformat', 'yaml', 'markdown_it', 'myst_nb')


def project(folder):
    return tomllib.loads((folder / 'pyproject.toml').read_text())['project']


def requires(wheel):
    """Tekerleğin METADATA'sındaki Requires-Dist adları."""
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith('.dist-info/METADATA'))
        lines = archive.read(meta).decode().splitlines()
    return sorted(
        re.split(r'[<>=!;\[ ]', line.split(':', 1)[1].strip())[0]
        for line in lines
        if line.startswith('Requires-Dist:')
    )


def metadata(wheel, key):
    """Tekerleğin METADATA'sında `key` alanının değerleri."""
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith('.dist-info/METADATA'))
        lines = archive.read(meta).decode().splitlines()
    prefix = f'{key}:'
    return [line[len(prefix) :].strip() for line in lines if line.startswith(prefix)]


def files(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return [n for n in archive.namelist() if '.dist-info/' not in n]


def run(venv, *args, check=True):
    """Yeni ortamın Python'u, depo dışında ve kitabın PYTHONPATH'i olmadan."""
    return subprocess.run(
        [str(venv / 'bin' / 'python'), *args],
        cwd=OUT,
        env=venvs.clean_env(),
        capture_output=True,
        text=True,
        check=check,
    )


@pytest.fixture(scope='module')
def wheels():
    OUT.mkdir(parents=True, exist_ok=True)
    return {name: venvs.build_wheel(name, OUT) for name in venvs.DISTRIBUTIONS}


@pytest.fixture(scope='module')
def reader_venv(wheels):
    venv = venvs.new_venv(OUT / 'okur')
    venvs.install(venv, '--no-deps', wheels['d2l-gan'])
    # Çerçevelerin dağıtımları (torch, tensorflow-cpu, mxnet), modül adlarından.
    provides = packages_distributions()
    frameworks = [dist for fw in FRAMEWORKS for dist in provides[MODULES[fw]]]
    venvs.link(venv, venvs.closure(*project(ROOT)['dependencies'], *frameworks))
    return venv


@pytest.fixture(scope='module')
def tool_venv(wheels):
    venv = venvs.new_venv(OUT / 'arac')
    venvs.install(venv, '--no-deps', wheels['d2l-gan'], wheels['kitap'])
    needed = [d for d in project(ROOT / 'arac')['dependencies'] if 'd2l-gan' not in d]
    venvs.link(venv, venvs.closure(*project(ROOT)['dependencies'], *needed))
    return venv


def test_reader_package_declares_only_reader_dependencies():
    reader = project(ROOT)
    # jupyterquiz: bölümlerin sınavlarını defterde çizer (saf Python, bağımlılıksız).
    assert sorted(reader['dependencies']) == [
        'Pillow',
        'jupyterquiz>=2.9.6,<2.10',
        'matplotlib',
        'numpy',
    ]
    assert 'optional-dependencies' not in reader  # araç ayrı bir dağıtımdır
    tools = {
        re.split(r'[<>=!\[ ]', d)[0].lower()
        for d in project(ROOT / 'arac')['dependencies']
    }
    assert {'nbformat', 'nbclient', 'pyyaml', 'pybtex', 'jupyter-book'} <= tools
    assert {'d2l-gan', 'markdown-it-py', 'mdit-py-plugins'} <= tools


def test_wheels_hold_their_own_package_and_its_data(wheels):
    reader, tool = files(wheels['d2l-gan']), files(wheels['kitap'])
    assert reader and all(name.startswith('d2l_gan/') for name in reader)
    assert 'd2l_gan/frameworks.py' in reader
    # küçük veri bölümünün uzun eğitimi: ağırlıklar ve bilgileri paketle gelir
    for name in ('sprites_g01.npz', 'sprites_g01.json'):
        assert f'd2l_gan/weights/{name}' in reader, name
    assert requires(wheels['d2l-gan']) == [
        'Pillow',
        'jupyterquiz',
        'matplotlib',
        'numpy',
    ]
    assert tool and all(name.startswith('kitap/') for name in tool)
    for data in (
        'kitap/sphinxext/static/d2l-book.css',
        'kitap/sphinxext/static/d2l-overflow.js',
        'kitap/sphinxext/static/d2l-search.js',
        'kitap/sphinxext/static/d2l-turkce.js',
        'kitap/sphinxext/static/d2l-download.js',
        'kitap/sphinxext/templates/d2l-footer.html',
        'kitap/sphinxext/mathjax-pin.txt',
    ):
        assert data in tool, f'{data} tekerlekte yok'
    assert 'd2l-gan' in requires(wheels['kitap'])


def test_wheels_state_the_code_licence(wheels):
    """Kod MIT lisanslıdır (kitabın metni CC BY-SA 4.0; bkz. LICENSE)."""
    for wheel in wheels.values():
        assert metadata(wheel, 'License-Expression') == ['MIT'], wheel.name


def test_book_tool_without_its_dependencies_fails_with_a_turkish_message():
    program = (
        'import importlib.util as u\nreal = u.find_spec\n'
        "u.find_spec = lambda n, *a: None if n == 'pybtex' else real(n, *a)\n"
        'import kitap\n'
    )
    run_ = subprocess.run(
        [sys.executable, '-c', program], capture_output=True, text=True
    )
    assert run_.returncode != 0
    assert 'ImportError' in run_.stderr and 'pip install ./arac' in run_.stderr
    assert 'eksik: pybtex' in run_.stderr


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_reader_wheel_imports_each_framework_module_alone(reader_venv, framework):
    """Her çerçeve modülü yalnızca kendi çerçevesini yükler; aracı ve onun
    bağımlılıklarını ne yükler ne bulur."""
    module = MODULES[framework]
    own = {module, 'keras'} if framework == 'tensorflow' else {module}
    watched = sorted({*MODULES.values(), 'keras', 'jax', *TOOL_ONLY})
    program = (
        'import importlib.util, json, sys\n'
        f'import d2l_gan.{module} as d2l\n'
        'print(json.dumps({"file": d2l.__file__, "framework": d2l.FRAMEWORK,\n'
        f'    "loaded": [m for m in {watched!r} if m in sys.modules],\n'
        '    "tool": importlib.util.find_spec("kitap") is not None}))'
    )
    result = json.loads(run(reader_venv, '-c', program).stdout.splitlines()[-1])
    assert result['file'].startswith(str(reader_venv)), result['file']
    assert result['framework'] == framework
    assert set(result['loaded']) == own
    assert not result['tool']


def test_tool_wheel_runs_build_help_and_finds_its_package_data(tool_venv):
    help_ = run(tool_venv, '-m', 'kitap', 'build', '--help').stdout
    assert '--hide-solutions' in help_
    program = (
        'import json, kitap, kitap.sphinxext as s, kitap.sphinxext.mathjax as m\n'
        'from kitap.sphinxext import layout\n'
        'print(json.dumps([kitap.__file__, m.VERSION, sorted(p.name for p in\n'
        '    s.STATIC_DIR.iterdir()), (layout.HERE / "templates" / layout.FOOTER)\n'
        '    .is_file()]))'
    )
    path, version, static, footer = json.loads(run(tool_venv, '-c', program).stdout)
    assert path.startswith(str(tool_venv)), path
    assert (
        version
        == (ROOT / 'arac/kitap/sphinxext/mathjax-pin.txt')
        .read_text()[len('mathjax@') :]
        .strip()
    )
    assert {'d2l-book.css', 'd2l-overflow.js', 'd2l-search.js'} <= set(static)
    assert footer


def test_tool_wheel_extensions_build_a_small_book(tool_venv):
    """Kurulu kopyanın eklentileri (düzen, arama) bir Sphinx derlemesinde paket
    verisini çıktıya koyar; düzenlenebilir kurulum olmadan da."""
    src, html = OUT / 'kucuk-kitap', OUT / 'kucuk-kitap-html'
    src.mkdir(exist_ok=True)
    (src / 'conf.py').write_text(
        "extensions = ['kitap.sphinxext.layout', 'kitap.sphinxext.search']\n"
        "language = 'tr'\nhtml_theme = 'sphinx_book_theme'\n"
        "project = author = 'Deneme yazarları'\ncopyright = '2026'\n",
        encoding='utf-8',
    )
    (src / 'index.rst').write_text('Kitap\n=====\n\nMerhaba.\n', encoding='utf-8')
    run(tool_venv, '-m', 'sphinx', '-q', '-b', 'html', str(src), str(html))
    assert (html / '_static' / 'd2l-book.css').is_file()
    assert (html / '_static' / 'd2l-search.js').is_file()
    page = (html / 'index.html').read_text(encoding='utf-8')
    # alt bilgi şablonu (templates/d2l-footer.html)
    assert '<p class="component-author d2l-footer">© 2026 Deneme yazarları.' in page
    assert 'CC BY-SA 4.0' in page and 'MIT' in page  # lisans cümlesi
