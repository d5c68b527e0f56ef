"""Tohum iddiası testlerinin ortak yardımcısı: ölçüm betiğini her çerçevenin kendi alt
sürecinde çalıştırır (yalnızca o çerçeve yüklenir) ve son 'SONUC' satırının JSON'unu
döndürür.

Üç çerçevenin süreçleri aynı anda başlar (`start_all`): modülün süresi üçünün toplamı
değil en yavaşınınki olur, testler de sırası gelen çerçevenin sonucunu bekler
(`result`).
"""

import json
import os
import subprocess
import sys
import tempfile

from d2l_gan.frameworks import FRAMEWORKS, MODULES


def start(script, module, *json_args):
    """Betiği başlatır, beklemez. Çıktılar geçici dosyalara yazılır (borunun dolup
    süreci durdurması olmaz)."""
    out, err = tempfile.TemporaryFile('w+'), tempfile.TemporaryFile('w+')
    process = subprocess.Popen(
        [sys.executable, str(script), module, *map(json.dumps, json_args)],
        stdout=out,
        stderr=err,
        text=True,
        env={**os.environ, 'TF_CPP_MIN_LOG_LEVEL': '3'},
    )
    return process, out, err


def result(started):
    process, out, err = started
    process.wait()
    out.seek(0)
    err.seek(0)
    assert process.returncode == 0, err.read()[-3000:]
    line = next(ln for ln in out.read().splitlines() if ln.startswith('SONUC'))
    return json.loads(line[len('SONUC') :])


def start_all(script, *json_args):
    """Her çerçeve için `start`; bir fikstürün içinde `yield from` ile kullanılır:
    modül biterken hâlâ koşan süreç (bir test erken düştüyse) durdurulur."""
    started = {fw: start(script, MODULES[fw], *json_args) for fw in FRAMEWORKS}
    yield started
    for process, *files in started.values():
        if process.poll() is None:
            process.kill()
            process.wait()
        for f in files:
            f.close()
