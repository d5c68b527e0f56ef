"""Küçük veri bölümünün son tarifini uzun eğitir; EMA üreticisinin ağırlıklarını yazar.

Bölüm her modeli birkaç dakikalık işlemci süresiyle eğitir. Bu betik aynı tarifi
(bölümün `#@save` ile pakete kaydettiği PyTorch kodu, aynı veri ve aynı ayrılmış
türlerle) `--cpu-budget` saniyelik işlemci süresi boyunca eğitir ve EMA üreticisinin
ağırlıklarını, çalıştırmanın bilgileriyle (süre, adım sayısı, işlemci, komut, ölçütler,
sha-1) yazar. Bölümün "Daha uzun bir eğitim" kısmı bu ağırlıkları üç çerçevede yükler.

    .venv/bin/python scripts/train_sprites_long.py               # 3600 sn (60 dk)
    .venv/bin/python scripts/train_sprites_long.py --cpu-budget 5 --out /tmp/dene

Ağırlıklar paketin veri dosyasıdır (`d2l_gan/weights/`): okurlar onları paketle
birlikte alır, hiçbir şey indirmez.
"""

import argparse
import datetime
import hashlib
import json
import os
import pathlib
import platform
import sys
import time

import numpy as np
import torch

from d2l_gan import torch as d2l
from d2l_gan.data import load_sprites, split_by_species

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHAPTER = ROOT / 'book' / 'kucuk_veri.ipynb'
NAME = 'sprites_palette_g'


def chapter_settings():
    """Bölümün `parameters` hücresindeki ayarlar (tek kaynak: bölümün kendisi)."""
    nb = json.loads(CHAPTER.read_text(encoding='utf-8'))
    (cell,) = [c for c in nb['cells'] if 'parameters' in c['metadata'].get('tags', [])]
    settings = {}
    exec(''.join(cell['source']), settings)  # yalnızca sayı atamaları
    keys = ('batch_size', 'latent_dim', 'width', 'num_held_out', 'seed')
    return {key: settings[key] for key in keys}


def cpu_model():
    for line in pathlib.Path('/proc/cpuinfo').read_text().splitlines():
        if line.startswith('model name'):
            return line.split(':', 1)[1].strip()
    return platform.processor() or platform.machine()


def progress(every_seconds, held_out, latent_dim):
    """Her `every_seconds` işlemci saniyesinde bir ilerleme satırı yazan izleyici:
    süreler ve EMA üreticisinin ayrılmış görüntülere göre 16×16 SWD'si."""
    state = {'next': every_seconds, 'start': time.perf_counter()}
    Z = d2l.noise(len(held_out), latent_dim)

    def monitor(clock, net_G, net_G_ema):
        if clock.seconds >= state['next']:
            state['next'] += every_seconds
            wall = time.perf_counter() - state['start']
            swd = d2l.image_swd(held_out, d2l.generate(net_G_ema, Z))
            print(
                f'  işlemci {clock.seconds:6.0f} sn, duvar saati {wall:6.0f} sn, '
                f'16x16 SWD (EMA) {swd:.3f}',
                flush=True,
            )

    return monitor


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--cpu-budget', type=float, default=3600)
    parser.add_argument(
        '--out', type=pathlib.Path, default=ROOT / 'd2l_gan' / 'weights'
    )
    parser.add_argument(
        '--augment',
        action='store_true',
        help='DiffAugment kaydırmasını aç (uzun eğitimde ayrımcı ezberlemesin diye)',
    )
    parser.add_argument(
        '--threads',
        type=int,
        default=1,
        help='PyTorch iş parçacığı sayısı (1: işlemci süresi en verimli)',
    )
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    recipe = dict(d2l.FINAL_RECIPE, augment=args.augment or d2l.FINAL_RECIPE['augment'])
    setting = chapter_settings()
    images, species = load_sprites(32)
    seed = setting['seed']
    train, held_out = split_by_species(images, species, setting['num_held_out'], seed)
    d2l.set_seed(seed)
    data_iter = d2l.load_pokemon(setting['batch_size'], images=train)
    nets = d2l.build_nets(recipe, setting['width'], setting['latent_dim'])
    started, wall0 = datetime.datetime.now(datetime.timezone.utc), time.perf_counter()
    threads = torch.get_num_threads()
    print(
        f'{args.cpu_budget:.0f} sn işlemci süresi, {threads} iş parçacığı', flush=True
    )
    monitor = progress(max(args.cpu_budget / 20, 1), held_out, setting['latent_dim'])
    history = d2l.train_budget(
        nets, data_iter, args.cpu_budget, setting['latent_dim'], recipe, monitor
    )
    wall = time.perf_counter() - wall0
    fake = d2l.generate(nets[2], d2l.noise(len(held_out), setting['latent_dim']))
    swd, pswd = d2l.quality(held_out, fake)
    args.out.mkdir(parents=True, exist_ok=True)
    weights = args.out / f'{NAME}.npz'
    state = {k: v.detach().cpu().numpy() for k, v in nets[2].state_dict().items()}
    np.savez(weights, **state)
    info = {
        'recipe': {
            k: list(v) if isinstance(v, tuple) else v for k, v in recipe.items()
        },
        'setting': setting,
        'steps': int(history[-1][0]),
        'cpu_budget_seconds': round(float(args.cpu_budget)),
        'wall_seconds': round(wall),
        'threads': torch.get_num_threads(),
        'cpu': cpu_model(),
        'cores': os.cpu_count(),
        'torch': torch.__version__,
        'date': started.strftime('%Y-%m-%d'),
        'command': 'python scripts/train_sprites_long.py '
        + ' '.join(argv or sys.argv[1:]),
        'swd_ema': round(float(swd), 4),
        'pswd_ema': round(float(pswd), 4),
        'sha1': hashlib.sha1(weights.read_bytes()).hexdigest(),
    }
    (args.out / f'{NAME}.json').write_text(
        json.dumps(info, indent=1, ensure_ascii=False) + '\n', encoding='utf-8'
    )
    print(
        f'{weights} yazıldı: {info["steps"]} adım, duvar saati {wall:.0f} sn, '
        f'16x16 SWD {swd:.3f}, sha-1 {info["sha1"]}'
    )
    return 0


if __name__ == '__main__':
    sys.exit(main())
