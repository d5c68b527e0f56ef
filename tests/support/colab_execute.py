"""Colab yığınında (ayrı sanal ortamda) okur defterlerini çalıştırır.

Yalnızca standart kütüphane ve nbclient kullanır; okurun ortamında olanın dışında
hiçbir şeye dayanmaz. `colab_stack.py` bunu her sanal ortamın kendi Python'uyla
çağırır:

    python colab_execute.py RAPOR.json GİRDİ.ipynb:ÇIKTI.ipynb ...

Her defter yeni bir çekirdekte baştan sona çalışır; bir hücre hata verirse çalıştırma
durur ve hata çıktısı defterde kalır. Rapora ortamın sürümleri ve her defterin süresi
ile hatası yazılır; sonuçları `tests/colab/test_colab_stack.py` denetler.
"""

import json
import pathlib
import platform
import sys
import time
from importlib.metadata import PackageNotFoundError, version

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

PACKAGES = (
    'numpy',
    'torch',
    'tensorflow-cpu',
    'tensorflow',
    'keras',
    'matplotlib',
    'pillow',
    'd2l-gan',
    'nbclient',
    'ipykernel',
)
TIMEOUT = 600  # hücre başına (sn)


def versions():
    found = {'python': platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            pass
    return found


def execute(source, target, cwd):
    nb = nbformat.read(source, as_version=4)
    # Yerel soket (ipc): çekirdek TCP üzerinden şifresiz bağlantı uyarısı yazmaz.
    km = KernelManager(kernel_name='python3', transport='ipc')
    client = NotebookClient(
        nb, km=km, timeout=TIMEOUT, resources={'metadata': {'path': cwd}}
    )
    started, error = time.perf_counter(), None
    try:
        client.execute()
    except CellExecutionError as exc:
        error = str(exc).strip().splitlines()[-1][:300]
    except (CellTimeoutError, DeadKernelError) as exc:
        error = f'{type(exc).__name__}: {exc}'[:300]
    finally:
        if km.has_kernel:  # çekirdek bizim: nbclient kendisi kapatmaz
            km.shutdown_kernel(now=True)
    seconds = round(time.perf_counter() - started, 1)
    nbformat.write(nb, target)
    return {'notebook': target, 'seconds': seconds, 'error': error}


def main(argv):
    report_path, pairs = argv[0], argv[1:]
    cwd = str(pathlib.Path.cwd())
    runs = []
    for pair in pairs:
        source, target = pair.split(':', 1)
        run = execute(source, target, cwd)
        print(
            f'  {run["seconds"]:6.1f} sn  {target}'
            + (f'  HATA: {run["error"]}' if run['error'] else ''),
            flush=True,
        )
        runs.append(run)
    with open(report_path, 'w', encoding='utf-8') as f:
        json.dump(
            {'versions': versions(), 'runs': runs}, f, indent=1, ensure_ascii=False
        )
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
