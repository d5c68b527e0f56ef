"""Denormal sayıları sıfır saymanın (`flush_denormals`) adım hızına etkisi.

Test değildir (pytest toplamaz); elle çalıştırılır:

    .venv/bin/python tests/support/bench_denormal.py                # 2 tur × 120 sn
    .venv/bin/python tests/support/bench_denormal.py --frameworks mxnet --rounds 1

Her çerçevede küçük veri bölümünün son tarifi (`FINAL_RECIPE`, bölümün ayarlarıyla:
genişlik 32, minigrup 32, 150 tür ayrılmış) `--seconds` işlemci saniyesi boyunca,
bölümün `train_budget`'ıyla eğitilir: bir kez denormaller açıkken (varsayılan), bir
kez `flush_denormals()` ile (PyTorch'ta `torch.set_flush_denormal`, MXNet'te glibc
üzerinden işlemcinin MXCSR yazmacı; TensorFlow bunu kendisi yapar). Her eğitim kendi
alt sürecinde başlar (ayar, iş parçacıklarına açıldıkları anda geçer; aynı süreçte
ikinci ölçüm bunu karıştırırdı) ve ölçümler sırayla değişir (kapalı, açık, kapalı,
açık...). Denormaller eğitim ilerledikçe biriktiği için kısa ölçüm farkı küçük
gösterir. Çıktı, her ölçümün adım sayısı ve en iyi turların oranıdır (açık / kapalı;
bütçe dönem sonunda denetlenir).
Veri `load_sprites` ile gelir (`D2L_GAN_DATA` çevrimdışı kopyayı gösterebilir).
"""

import argparse
import importlib
import json
import subprocess
import sys

from d2l_gan.frameworks import MODULES

FLUSHING = ('pytorch', 'mxnet')  # flush_denormals'ı olanlar; TensorFlow kendisi sayar


def worker(framework, flush, seconds):
    from d2l_gan.data import load_sprites, split_by_species

    d2l = importlib.import_module(f'd2l_gan.{MODULES[framework]}')
    supported = d2l.flush_denormals() if flush else False
    images, species = load_sprites(32)
    train_images, _ = split_by_species(images, species, 150, seed=0)
    d2l.set_seed(0)
    data_iter = d2l.load_pokemon(32, images=train_images)
    nets = d2l.build_nets(d2l.FINAL_RECIPE, 32, 64)
    history = d2l.train_budget(nets, data_iter, seconds, 64, d2l.FINAL_RECIPE)
    print(json.dumps({'steps': int(history[-1, 0]), 'flush': supported}))


def measure(framework, flush, seconds):
    cmd = [sys.executable, __file__, '--worker', framework, '--seconds', str(seconds)]
    out = subprocess.run(cmd + ['--flush'] * flush, capture_output=True, text=True)
    lines = [s for s in out.stdout.splitlines() if s.startswith('{')]
    if out.returncode or not lines:
        sys.exit(f'{framework} ölçümü başarısız:\n{out.stderr[-2000:]}')
    return json.loads(lines[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        '--frameworks', default=','.join(FLUSHING), help='virgülle ayrılmış çerçeveler'
    )
    parser.add_argument(
        '--seconds', type=float, default=120, help='bir eğitimin işlemci süresi (sn)'
    )
    parser.add_argument('--rounds', type=int, default=2, help='kapalı/açık tur sayısı')
    parser.add_argument('--worker', choices=FLUSHING, help=argparse.SUPPRESS)
    parser.add_argument('--flush', action='store_true', help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker, args.flush, args.seconds)
    print(f'son tarif, {args.seconds:.0f} sn işlemci süresi, {args.rounds} tur')
    for framework in args.frameworks.split(','):
        best = {}
        for round_ in range(args.rounds):
            for flush in (False, True):
                r = measure(framework, flush, args.seconds)
                name = 'sıfır sayılır' if flush else 'denormaller açık'
                if flush and not r['flush']:
                    name += ' (işlemci desteklemiyor)'
                print(
                    f'{framework:8s} tur {round_ + 1}: {name:40s} {r["steps"]:6d} adım',
                    flush=True,
                )
                best[flush] = max(best.get(flush, 0), r['steps'])
        print(
            f'{framework:8s} oran (sıfır sayılır / denormaller açık, en iyi turlar): '
            f'{best[True] / best[False]:.2f}'
        )


if __name__ == '__main__':
    main()
