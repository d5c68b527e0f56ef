"""Tohum iddiası testlerinin ortak yardımcısı: ölçüm betiğini bir çerçevenin kendi alt
sürecinde çalıştırır (yalnızca o çerçeve yüklenir) ve son 'SONUC' satırının JSON'unu
döndürür."""

import json
import os
import subprocess
import sys


def run_claims(script, module, *json_args):
    run = subprocess.run(
        [sys.executable, str(script), module, *map(json.dumps, json_args)],
        capture_output=True,
        text=True,
        env={**os.environ, 'TF_CPP_MIN_LOG_LEVEL': '3'},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    line = next(ln for ln in run.stdout.splitlines() if ln.startswith('SONUC'))
    return json.loads(line[len('SONUC') :])
