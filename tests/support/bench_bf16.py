"""Uzun eğitim betiğinde bfloat16 karışık duyarlığın (`--bf16`) adım hızına etkisi.

Test değildir (pytest toplamaz); elle çalıştırılır:

    .venv/bin/python tests/support/bench_bf16.py                 # 2 tur × 120 sn
    .venv/bin/python tests/support/bench_bf16.py --seconds 60 --rounds 1

`scripts/train_sprites_long.py` (küçük veri bölümünün uzun eğitimi: göreli kayıp,
R1 + R2, kaydırma, türlere eşit minigruplar, tek iş parçacığı) `--seconds` işlemci
saniyesi boyunca bir kez float32, bir kez `--bf16` ile, her biri kendi alt sürecinde
ve sırayla değişerek çalıştırılır. Çıktı, her ölçümün adım sayısı, EMA üreticisinin
16×16 SWD'si (aynı işlemci süresinde nereye varıldığı) ve en iyi turların adım
oranıdır (bf16 / float32). bfloat16 çarpımı donanımda olmayan bir işlemcide oran
1'in altına düşebilir. Veri `load_sprites` ile gelir (`D2L_GAN_DATA` çevrimdışı
kopyayı gösterebilir).
"""

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

SCRIPT = (
    pathlib.Path(__file__).resolve().parents[2] / 'scripts' / 'train_sprites_long.py'
)


def measure(bf16, seconds, out):
    cmd = [sys.executable, str(SCRIPT), '--cpu-budget', str(seconds)]
    cmd += ['--balance-species', '--out', str(out), '--name', 'bench']
    out_run = subprocess.run(cmd + ['--bf16'] * bf16, capture_output=True, text=True)
    if out_run.returncode:
        sys.exit(f'ölçüm başarısız:\n{out_run.stderr[-2000:]}')
    return json.loads((out / 'bench.json').read_text(encoding='utf-8'))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        '--seconds', type=float, default=120, help='bir eğitimin işlemci süresi (sn)'
    )
    parser.add_argument('--rounds', type=int, default=2, help='float32/bf16 tur sayısı')
    args = parser.parse_args()
    print(f'uzun eğitim, {args.seconds:.0f} sn işlemci süresi, {args.rounds} tur')
    best = {}
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            for bf16 in (False, True):
                info = measure(bf16, args.seconds, pathlib.Path(tmp))
                name = 'bfloat16' if bf16 else 'float32'
                print(
                    f'tur {round_ + 1}: {name:8s} {info["steps"]:6d} adım, '
                    f'EMA 16x16 SWD {info["swd_ema"]:.3f}',
                    flush=True,
                )
                best[bf16] = max(best.get(bf16, 0), info['steps'])
    print(f'oran (bfloat16 / float32, en iyi turlar): {best[True] / best[False]:.2f}')


if __name__ == '__main__':
    main()
