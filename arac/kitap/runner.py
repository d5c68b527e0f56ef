"""`run`: bölümü her çerçeve için ayrı çekirdekte çalıştırır, çıktıları birleştirir."""

import os
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from d2l_gan.frameworks import FRAMEWORKS

from .chapter import (
    META_KEY,
    check_framework,
    framework_of,
    group_problems,
    load_chapter,
)
from .errors import BookError
from .outputs import cell_outputs, comparable_text, set_cell_outputs
from .params import inject_params, load_params
from .runtime import record_runtime
from .setup_cell import KERNEL_ENV
from .views import framework_view


def execute_view(view, chapter, framework, timeout, log):
    """Bir çerçeve görünümünü yeni bir çekirdekte baştan sona çalıştırır."""
    code_index = [i for i, c in enumerate(view.cells) if c.cell_type == 'code']
    started = time.perf_counter()

    def on_cell_executed(cell, cell_index, execute_reply):
        if cell.cell_type == 'code':
            done = code_index.index(cell_index) + 1
            log(
                f'  [{framework}] {chapter.name}: {done}/{len(code_index)} hücre, '
                f'{time.perf_counter() - started:.1f} sn'
            )

    client = NotebookClient(
        view,
        timeout=timeout,
        kernel_name='python3',
        record_timing=False,
        on_cell_executed=on_cell_executed,
        resources={'metadata': {'path': str(chapter.parent)}},
    )
    try:
        client.execute(env={**os.environ, **KERNEL_ENV})
    except CellExecutionError as exc:
        raise BookError(
            f'{chapter.name} [{framework}] çalıştırılırken bir hücre hata verdi:\n{exc}'
        ) from None
    except (CellTimeoutError, DeadKernelError) as exc:
        raise BookError(f'{chapter.name} [{framework}] tamamlanamadı: {exc}') from None
    return view


def merge_outputs(nb, results):
    """Çalıştırılan görünümlerin çıktılarını bölüm defterine hücre kimliğiyle yazar.

    Ortak bir hücrenin çıktıları çerçevelerde farklıysa her çerçeveninki saklanır
    (bkz. `cell_outputs`); yalnızca bazı çerçeveler çalıştırıldıysa ötekilerin saklı
    çıktıları korunur. Denetlenen (nbval-check-output) ortak bir hücrenin çıktısı
    çerçeveler arasında farklıysa hata.
    """
    by_id = {fw: {c.id: c for c in view.cells} for fw, view in results.items()}
    for cell in nb.cells:
        if cell.cell_type != 'code':
            continue
        fw = framework_of(cell)
        if fw is not None:
            if fw in results:
                cell.outputs = by_id[fw][cell.id].outputs
                cell.execution_count = by_id[fw][cell.id].execution_count
            continue
        if 'nbval-check-output' in cell.metadata.get('tags', []):
            texts = {f: comparable_text(by_id[f][cell.id]) for f in results}
            if len(set(texts.values())) > 1:
                raise BookError(
                    f'Ortak hücre {cell.id} denetlenen bir çıktı veriyor, ama '
                    'çerçevelerde farklı: '
                    + '; '.join(f'{f}: {t.strip()[:80]!r}' for f, t in texts.items())
                )
        per = {f: cell_outputs(cell, f) for f in FRAMEWORKS}
        per.update({f: by_id[f][cell.id].outputs for f in results})
        set_cell_outputs(cell, per)
        ran = by_id[next(iter(results))][cell.id]
        cell.execution_count = ran.execution_count
    # Yürütme sayıları belge sırasıyla artar; her çerçeve görünümünde de sıralıdır.
    count = 0
    for cell in nb.cells:
        if cell.cell_type == 'code' and cell.execution_count is not None:
            count += 1
            cell.execution_count = count
    return nb


def run_chapter(path, frameworks=None, params_file=None, timeout=1800, log=print):
    """Bölümü istenen çerçevelerde çalıştırır ve çıktıları bölüme yazar."""
    path = Path(path)
    frameworks = [check_framework(fw) for fw in (frameworks or FRAMEWORKS)]
    nb = load_chapter(path)
    problems = group_problems(nb)
    if problems:
        raise BookError(
            f'{path.name} yapısal olarak hatalı:\n  ' + '\n  '.join(problems)
        )
    frameworks = [fw for fw in FRAMEWORKS if fw in frameworks]
    meta = nb.metadata.setdefault(META_KEY, {})
    overrides = meta.setdefault('overrides', {})
    results = {}
    for fw in frameworks:
        params = load_params(params_file, fw) if params_file else {}
        view = inject_params(framework_view(nb, fw), params)
        log(
            f'{path.name} [{fw}] çalışıyor'
            + (f' (değiştirilen ayarlar: {params})' if params else '')
        )
        started = time.perf_counter()
        results[fw] = execute_view(view, path, fw, timeout, log)
        seconds = time.perf_counter() - started
        log(f'{path.name} [{fw}] bitti: {seconds:.1f} sn')
        if params:
            overrides[fw] = params
        else:  # tam ayarın süresi; bölümün süre kutusu bunu gösterir
            overrides.pop(fw, None)
            record_runtime(nb, fw, seconds)
    if not overrides:
        meta.pop('overrides')
    merge_outputs(nb, results)
    nbformat.write(nb, path)
    return nb
