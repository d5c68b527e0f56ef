"""Tohum iddiası testlerinin ortak yardımcısı: ölçüm betiğini bir çerçevenin kendi alt
sürecinde çalıştırır (yalnızca o çerçeve yüklenir) ve son 'SONUC' satırının JSON'unu
döndürür.

Çerçevelerin süreçleri sırayla koşar, aynı anda değil: test komutunda iki pytest işçisi
ve Colab yığını zaten iki çekirdeği doldurur. Çekirdekten çok süreç, her birinin
işlemci süresini büyütür (önbellekler her geçişte boşalır): 2 çekirdekli makinede,
yanında üç hesap süreci varken WGAN iddialarının PyTorch ölçümü 21 yerine 30 işlemci
sn tuttu.
"""

import json
import os
import subprocess
import sys

from d2l_gan.frameworks import MODULES


def run(script, framework, *json_args):
    """Betiği `framework`ün modülüyle çalıştırır ve bitmesini bekler (test yarıda
    kesilirse `subprocess.run` süreci durdurur)."""
    process = subprocess.run(
        [sys.executable, str(script), MODULES[framework], *map(json.dumps, json_args)],
        capture_output=True,
        text=True,
        env={**os.environ, 'TF_CPP_MIN_LOG_LEVEL': '3'},
    )
    assert process.returncode == 0, process.stderr[-3000:]
    line = next(ln for ln in process.stdout.splitlines() if ln.startswith('SONUC'))
    return json.loads(line[len('SONUC') :])
