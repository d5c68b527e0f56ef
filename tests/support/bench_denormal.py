"""Denormal sayıları sıfır saymanın (`flush_denormals`) PyTorch'ta adım hızına etkisi.

Test değildir (pytest toplamaz); elle çalıştırılır:

    .venv/bin/python tests/support/bench_denormal.py                # 2 tur × 120 sn
    .venv/bin/python tests/support/bench_denormal.py --seconds 60 --rounds 1

Küçük veri bölümünün son tarifi (`FINAL_RECIPE`, bölümün ayarlarıyla: genişlik 32,
minigrup 32, 150 tür ayrılmış) `--seconds` işlemci saniyesi boyunca, bölümün
`train_budget`'ıyla eğitilir: bir kez denormaller açıkken (varsayılan), bir kez
`flush_denormals()` ile. Her eğitim kendi alt sürecinde başlar (ayar, PyTorch'un iş
parçacıklarına açıldıkları anda geçer; aynı süreçte ikinci ölçüm bunu karıştırırdı)
ve ölçümler sırayla değişir (kapalı, açık, kapalı, açık...). Denormaller eğitim
ilerledikçe biriktiği için kısa ölçüm farkı küçük gösterir. Çıktı, her ölçümün adım
sayısı ve en iyi turların oranıdır (açık / kapalı; bütçe dönem sonunda denetlenir).
Veri `load_sprites` ile gelir (`D2L_GAN_DATA` çevrimdışı kopyayı gösterebilir).
"""

import argparse
import json
import subprocess
import sys


def worker(flush, seconds):
    import torch

    from d2l_gan import torch as d2l
    from d2l_gan.data import load_sprites, split_by_species

    supported = d2l.flush_denormals() if flush else False
    images, species = load_sprites(32)
    train_images, _ = split_by_species(images, species, 150, seed=0)
    d2l.set_seed(0)
    data_iter = d2l.load_pokemon(32, images=train_images)
    nets = d2l.build_nets(d2l.FINAL_RECIPE, 32, 64)
    history = d2l.train_budget(nets, data_iter, seconds, 64, d2l.FINAL_RECIPE)
    steps = int(history[-1, 0])
    print(
        json.dumps(
            {'steps': steps, 'flush': supported, 'threads': torch.get_num_threads()}
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        '--seconds',
        type=float,
        default=120,
        help='bir eğitimin işlemci süresi (saniye)',
    )
    parser.add_argument('--rounds', type=int, default=2, help='kapalı/açık tur sayısı')
    parser.add_argument('--worker', choices=('0', '1'), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker == '1', args.seconds)
    print(f'son tarif, {args.seconds:.0f} sn işlemci süresi, {args.rounds} tur')
    best = {}
    for round_ in range(args.rounds):
        for flush in ('0', '1'):
            cmd = [
                sys.executable,
                __file__,
                '--worker',
                flush,
                '--seconds',
                str(args.seconds),
            ]
            out = subprocess.run(cmd, capture_output=True, text=True)
            lines = [s for s in out.stdout.splitlines() if s.startswith('{')]
            if out.returncode or not lines:
                sys.exit(f'ölçüm başarısız:\n{out.stderr[-2000:]}')
            r = json.loads(lines[-1])
            name = 'sıfır sayılır' if flush == '1' else 'denormaller açık'
            if flush == '1' and not r['flush']:
                name += ' (işlemci desteklemiyor)'
            print(
                f'tur {round_ + 1}: {name:40s} {r["steps"]:6d} adım '
                f'({r["threads"]} iş parçacığı)',
                flush=True,
            )
            best[flush] = max(best.get(flush, 0), r['steps'])
    print(
        f'oran (sıfır sayılır / denormaller açık, en iyi turlar): '
        f'{best["1"] / best["0"]:.2f}'
    )


if __name__ == '__main__':
    main()
