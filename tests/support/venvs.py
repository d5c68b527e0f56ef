"""Yeni sanal ortamlar ve deponun iki dağıtımının tekerlekleri.

Colab yığını (colab_stack.py) ve kurulum testi (tool/test_packaging.py) okurun ya da
bir yazarın kuracağı paketi, depodaki kopyadan derlenmiş bir tekerlekle, yeni bir
sanal ortamda sınar. Ağır bağımlılıklar (çerçeveler, Sphinx) gerekiyorsa kitabın
ortamından bağlanır (kopyalanmaz, PyPI'ye gidilmez): bir dağıtım ve bildirdiği
bağımlılıkların hepsi (`closure`), üst düzey klasörleri sembolik bağ olarak (`link`).
"""

import os
import shutil
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from repo import ROOT

# Dağıtım -> (pyproject.toml'un klasörü, tekerleğe girenler)
DISTRIBUTIONS = {
    # Sınavların soruları paketin verisidir (pyproject: book/sinavlar).
    'd2l-gan': (
        ROOT,
        ('pyproject.toml', 'README.md', 'LICENSE', 'd2l_gan', 'book/sinavlar'),
    ),
    'kitap': (ROOT / 'arac', ('pyproject.toml', 'kitap')),
}


def clean_env(**extra):
    """Yeni ortamın süreçleri için: kitabın PYTHONPATH'i ve sanal ortamı olmadan."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ('PYTHONPATH', 'TF_CPP_MIN_LOG_LEVEL', 'VIRTUAL_ENV')
    }
    env.update(PIP_DISABLE_PIP_VERSION_CHECK='1', **extra)
    return env


def build_wheel(name, out, env=None):
    """Dağıtımın depodaki kopyasından (git adresinin vereceği dosyalar) bir tekerlek.

    Kitabın ortamında, yalıtımsız derlenir: setuptools indirilmez, derleme artıkları
    da depoya değil `out` altına düşer.
    """
    base, parts = DISTRIBUTIONS[name]
    src, wheels = Path(out) / f'{name}-kaynak', Path(out) / 'tekerlek'
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    wheels.mkdir(parents=True, exist_ok=True)
    for part in parts:
        if (base / part).is_dir():
            ignore = shutil.ignore_patterns('__pycache__', '*.egg-info')
            shutil.copytree(base / part, src / part, ignore=ignore)
        else:
            shutil.copy2(base / part, src / part)
    stem = canonicalize_name(name).replace('-', '_')
    for old in wheels.glob(f'{stem}-*.whl'):
        old.unlink()
    cmd = [sys.executable, '-m', 'pip', 'wheel', '-q', '--no-deps']
    cmd += ['--no-build-isolation', '-w', str(wheels), str(src)]
    subprocess.run(cmd, env=env or clean_env(), check=True, cwd=src)
    (wheel,) = wheels.glob(f'{stem}-*.whl')
    return wheel


def new_venv(path, python=None):
    """pip'siz yeni bir sanal ortam (kitabın ortamının pip'i `--python` ile kurar)."""
    shutil.rmtree(path, ignore_errors=True)
    cmd = [python or sys.executable, '-m', 'venv', '--without-pip', str(path)]
    subprocess.run(cmd, check=True)
    return Path(path)


def install(venv, *args, env=None):
    """Kitabın ortamının pip'iyle `venv`e kurar."""
    cmd = [sys.executable, '-m', 'pip', '--python', str(venv / 'bin' / 'python')]
    cmd += ['install', '-q', *map(str, args)]
    subprocess.run(cmd, env=env or clean_env(), check=True, capture_output=True)


def closure(*requirements):
    """Kitabın ortamındaki dağıtımlar: verilenler ve bildirdikleri bağımlılıklar."""
    seen, todo = {}, list(requirements)
    while todo:
        name = canonicalize_name(Requirement(todo.pop()).name)
        if name in seen:
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue  # bu platformda gerekmeyen (ör. yalnızca Windows'ta)
        seen[name] = dist
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({'extra': ''}):
                todo.append(line)
    return list(seen.values())


def site_packages(venv):
    return next((Path(venv) / 'lib').glob('python3.*/site-packages'))


def link(venv, dists):
    """Dağıtımların üst düzey klasör ve dosyalarını `venv`e bağlar (kopyalamaz)."""
    site = site_packages(venv)
    for dist in dists:
        base = Path(dist.locate_file(''))
        tops = {
            Path(f).parts[0]
            for f in dist.files or []
            if not str(f).startswith('..') and '__pycache__' not in str(f)
        }
        for top in tops:
            target = site / top
            if not target.exists() and (base / top).exists():
                target.symlink_to(base / top)
