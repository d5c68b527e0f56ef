"""Küçük veri bölümünün son tarifini uzun eğitir; EMA üreticisinin ağırlıklarını yazar.

Bölüm her modeli birkaç dakikalık işlemci süresiyle eğitir. Bu betik son tarifi
(bölümün `#@save` ile pakete kaydettiği PyTorch kodu, aynı veri ve aynı ayrılmış
türlerle) `--cpu-budget` saniyelik işlemci süresi boyunca eğitir ve EMA üreticisinin
ağırlıklarını, çalıştırmanın bilgileriyle (süre, adım sayısı, işlemci, komut, ölçütler,
sha-1) yazar. Bölümün "Daha uzun bir eğitim" kısmı bu ağırlıkları üç çerçevede yükler.

Uzun eğitim son tarifin altı ayarını değiştirir (bölüm nedenlerini anlatır): ayrımcı
ezberlemesin diye DiffAugment kaydırması açıktır (ablasyonun dördüncü satırı), öğrenme
oranı küçüktür (`--lr`, varsayılan 2e-4), EMA'nın yarılanma ömrü uzundur
(`--ema-half-life`, varsayılan 2000 adım), ağlar daha geniştir (`--width`; paketteki
ağırlıklarda 48), kayıp R3GAN'ınki gibi göreli kayıptır, R1 cezası üretilmiş
görüntülerdeki eşi R2 ile birliktedir ve zayıftır (`--gamma`, varsayılan bölümünki
gibi 1; paketteki ağırlıklarda 0.1).
`relativistic_update` bu adımı kurar; bölümün `train_budget`'ı onu `update` olarak alır.
Bölümün öteki bütün parçaları (ağların katmanları, paletli çıkış, minigrup standart
sapması, ayna çevirme, tembel ceza) aynıdır. `--balance-species` minigruplarda her türü
eşit sıklıkta gösterir. `--bf16` adımları bfloat16 karışık duyarlıkla atar (tarifi değil
hızı değiştirir; bfloat16 çarpımı donanımda olan işlemcilerde, ör. AMX'li Intel Xeon'da,
aynı işlemci süresinde yaklaşık iki kat adım: `tests/support/bench_bf16.py`). `--seed`
yalnızca eğitimin tohumunu değiştirir; ayrılmış türler ve ölçümün gürültüsü bölümün
tohumuyla kalır. Paketteki ağırlıklar (`sprites_g01`) ilk komutla, iki ağ 48
kanallıyken ve γ = 0.1'ken (bölüm nedenlerini anlatır) üretildi (3600 sn):

    .venv/bin/python scripts/train_sprites_long.py --balance-species --bf16 \\
        --width 48 --gamma 0.1 --name sprites_g01
    .venv/bin/python scripts/train_sprites_long.py --cpu-budget 5 --out /tmp/dene

Aynı saatte 64 kanallı üretici (`--width 64`, 18 963 adım; `--d-width 48` ile 21 715
adım) 16×16 SWD'de, yama SWD'sinde ve ızgarada 48 kanallı ağlardan iyi olmadı. 48
kanallı ağlarda γ = 1 ve γ = 0.3 ile (30 229 ve 28 294 adım) iki SWD γ = 0.1'inkiyle
hemen hemen aynıydı, ama ızgaralarda figürlerin içinde benekli renk kümeleri daha çoktu.
Paketteki ağırlıkların komutu `--seed 1` ile (32 379 adım) yine aynı SWD'leri verdi, ama
ızgarasında benekli kümeler iki kat kadar çoktu: ızgaranın niteliği tohuma da bağlıdır.

Ağırlıklar paketin veri dosyasıdır (`d2l_gan/weights/`): okurlar onları paketle
birlikte alır, hiçbir şey indirmez.
"""

import argparse
import datetime
import json
import os
import pathlib
import platform
import sys
import time

import numpy as np
import torch
from torch.nn import functional as F

from d2l_gan import torch as d2l
from d2l_gan.data import load_sprites, sha1sum, split_by_species

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


def progress(every_seconds, held_out, latent_dim, snapshots=None):
    """Her `every_seconds` işlemci saniyesinde bir ilerleme satırı yazan izleyici:
    süreler ve EMA üreticisinin ayrılmış görüntülere göre 16×16 SWD'si ve yama
    SWD'si. `snapshots` bir klasörse EMA örneklerinin ızgarası oraya PNG olarak da
    yazılır (uzun bir eğitimi bitmeden izlemek için)."""
    state = {'next': every_seconds, 'start': time.perf_counter()}
    Z = d2l.noise(len(held_out), latent_dim)

    def monitor(clock, net_G, net_G_ema):
        if clock.seconds >= state['next']:
            state['next'] += every_seconds
            wall = time.perf_counter() - state['start']
            fake = d2l.generate(net_G_ema, Z)
            swd, pswd = d2l.quality(held_out, fake)
            print(
                f'  işlemci {clock.seconds:6.0f} sn, duvar saati {wall:6.0f} sn, '
                f'EMA: 16x16 SWD {swd:.3f}, yama SWD {pswd:.3f}',
                flush=True,
            )
            if snapshots is not None:
                grid = np.kron(d2l.image_grid(fake[:40], 10), np.ones((4, 4, 1)))
                d2l.plt.imsave(snapshots / f'ema_{clock.seconds:05.0f}.png', grid)

    return monitor


class SpeciesBalanced:
    """Her türü eşit sıklıkta gösteren minigruplar: bir görüntünün seçilme olasılığı
    türünün görüntü sayısıyla ters orantılıdır (yerine koyarak çekilir). Birkaç tür
    onlarca biçimle gelir (eğitimdeki 1.376 görüntünün 146'sı alcremie); düz
    karıştırmada üretici o türlere orantısız pay ayırır. Görüntü tensörü, minigrup
    boyu ve `len()` `load_pokemon`'un yineleyicisinden gelir; yalnızca çekiş
    farklıdır."""

    def __init__(self, images, species, batch_size):
        self.batches = d2l.load_pokemon(batch_size, images=images)
        _, index, counts = np.unique(species, return_inverse=True, return_counts=True)
        self.weights = torch.as_tensor(1 / counts[index], dtype=torch.float64)

    def __len__(self):
        return len(self.batches)

    def __iter__(self):
        size = self.batches.batch_size
        for _ in range(len(self)):
            pick = torch.multinomial(self.weights, size, replacement=True)
            yield self.batches.images[pick]


def _grad_square(Y, X):
    """Örnek başına ||∇x D(x)||²; minigrup ortalaması, ikinci türev için grafikle."""
    (grad,) = torch.autograd.grad(Y.sum(), X, create_graph=True)
    return grad.square().sum(dim=(1, 2, 3)).mean()


def relativistic_update(net_D, net_G, lr, betas):
    """Göreli kayıplı adım (R3GAN): D, softplus(D(sahte) - D(gerçek)) kaybıyla
    eşlenmiş gerçek/sahte çiftlerini ayırır; G tersini ister. `gamma` > 0 ise D'nin
    kaybına R1 (gerçek) ve R2 (üretilmiş görüntülerde) cezaları eklenir.
    `small_data_step` gibi beş sayı döndürür (olasılıklar sigmoid(D))."""
    trainer_D = torch.optim.Adam(net_D.parameters(), lr=lr, betas=betas)
    trainer_G = torch.optim.Adam(net_G.parameters(), lr=lr, betas=betas)

    def update(X, Z, augment, gamma):
        fake_X = net_G(Z)
        trainer_D.zero_grad()
        real_in = augment(X).detach().requires_grad_(gamma > 0)
        fake_in = augment(fake_X.detach()).detach().requires_grad_(gamma > 0)
        real_Y, fake_Y = net_D(real_in), net_D(fake_in)
        loss_D = F.softplus(fake_Y - real_Y).mean()
        penalty = 0
        if gamma > 0:  # R1 + R2: (γ/2)·||∇D||², gerçek ve üretilmiş görüntülerde
            penalty = (
                gamma
                / 2
                * (_grad_square(real_Y, real_in) + _grad_square(fake_Y, fake_in))
            )
        (loss_D + penalty).backward()
        trainer_D.step()
        trainer_G.zero_grad()
        new_Y = net_D(augment(fake_X))
        loss_G = F.softplus(real_Y.detach() - new_Y).mean()
        loss_G.backward()
        trainer_G.step()
        probs = [torch.sigmoid(Y).mean() for Y in (real_Y, fake_Y, new_Y)]
        return torch.stack([loss_D, loss_G, *probs]).detach()

    return update


def autocast_bf16(update, device_type):
    """Adımı bfloat16 karışık duyarlıkla atar: evrişimler ve çarpımlar bfloat16,
    ağırlıklar, EMA kopyası ve Adam'ın durumu float32 kalır. bfloat16 çarpımı
    donanımda olan işlemcilerde (ör. AMX'li Intel Xeon) adım başına yaklaşık iki kat
    hızlıdır; olmayanlarda yavaşlatabilir."""

    def step(*args):
        with torch.autocast(device_type, dtype=torch.bfloat16):
            return update(*args)

    return step


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--cpu-budget', type=float, default=3600)
    parser.add_argument(
        '--out', type=pathlib.Path, default=ROOT / 'd2l_gan' / 'weights'
    )
    parser.add_argument('--name', default=NAME, help='ağırlık dosyasının adı')
    parser.add_argument('--lr', type=float, default=2e-4, help='öğrenme oranı')
    parser.add_argument(
        '--gamma', type=float, default=1.0, help='R1 ve R2 cezalarının ağırlığı'
    )
    parser.add_argument(
        '--width', type=int, default=None, help='taban kanal sayısı (bölümünki)'
    )
    parser.add_argument(
        '--d-width',
        type=int,
        default=None,
        help='ayrımcının taban kanal sayısı (verilmezse üreticininki)',
    )
    parser.add_argument(
        '--batch-size', type=int, default=None, help='minigrup boyu (bölümünki)'
    )
    parser.add_argument(
        '--ema-half-life',
        type=int,
        default=2000,
        help="EMA'nın yarılanma ömrü (adım; bölümde 500)",
    )
    parser.add_argument(
        '--balance-species',
        action='store_true',
        help='minigruplarda her tür eşit sıklıkta (biçim sayısından bağımsız)',
    )
    parser.add_argument(
        '--snapshots',
        type=pathlib.Path,
        default=None,
        help='ara örnek ızgaralarının yazılacağı klasör',
    )
    parser.add_argument(
        '--bf16',
        action='store_true',
        help='bfloat16 karışık duyarlık (bfloat16 çarpımı donanımda olan işlemciler)',
    )
    parser.add_argument(
        '--seed',
        type=int,
        default=None,
        help='eğitimin tohumu (başlangıç ağırlıkları, gürültü, minigruplar; ayrılmış '
        'türler ve sayfanın gürültüsü bölümün tohumuyla kalır)',
    )
    parser.add_argument(
        '--threads',
        type=int,
        default=1,
        help='PyTorch iş parçacığı sayısı (1: işlemci süresi en verimli)',
    )
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    # Bölümün PyTorch sekmesi gibi: denormal sayılar sıfır sayılır (bazı işlemcilerde,
    # ör. Intel Xeon, eğitim ilerledikçe adım hızı yoksa yarıdan aşağı düşer).
    flush_denormal = d2l.flush_denormals()
    recipe = dict(d2l.FINAL_RECIPE, augment=True, lr=args.lr, gamma=args.gamma)
    setting = chapter_settings()
    if args.width is not None:
        setting['width'] = args.width
    if args.batch_size is not None:
        setting['batch_size'] = args.batch_size
    if args.snapshots is not None:
        args.snapshots.mkdir(parents=True, exist_ok=True)
    images, species = load_sprites(32)
    seed = setting['seed']
    train, held_out = split_by_species(images, species, setting['num_held_out'], seed)
    if args.seed is not None:
        setting['train_seed'] = args.seed
    d2l.set_seed(setting.get('train_seed', seed))
    if args.balance_species:  # aynı bölme, görüntülerin yerine tür numaralarıyla
        train_species, _ = split_by_species(
            species, species, setting['num_held_out'], seed
        )
        data_iter = SpeciesBalanced(train, train_species, setting['batch_size'])
        setting['balance_species'] = True
    else:
        data_iter = d2l.load_pokemon(setting['batch_size'], images=train)
    nets = d2l.build_nets(recipe, setting['width'], setting['latent_dim'])
    if args.d_width is not None:  # yalnızca ayrımcı genişler; üretici bölümünkü
        setting['d_width'] = args.d_width
        nets = (d2l.make_D_small(args.d_width, recipe['mbstd']),) + nets[1:]
    started, wall0 = datetime.datetime.now(datetime.timezone.utc), time.perf_counter()
    threads = torch.get_num_threads()
    print(
        f'{args.cpu_budget:.0f} sn işlemci süresi, {threads} iş parçacığı', flush=True
    )
    monitor = progress(
        max(args.cpu_budget / 20, 1), held_out, setting['latent_dim'], args.snapshots
    )
    update = relativistic_update(nets[0], nets[1], recipe['lr'], recipe['betas'])
    if args.bf16:
        update = autocast_bf16(update, next(nets[1].parameters()).device.type)
    history = d2l.train_budget(
        nets,
        data_iter,
        args.cpu_budget,
        setting['latent_dim'],
        recipe,
        monitor,
        update,
        args.ema_half_life,
    )
    wall = time.perf_counter() - wall0
    # Ağırlıklar float16 saklanır (dosya yarı boyda); ölçüler de yuvarlanmış ağla,
    # bölümün yükleyicisiyle geri yüklenmiş ağırlıklarla yapılır
    state = {
        k: v.detach().cpu().numpy().astype(np.float16)
        for k, v in nets[2].state_dict().items()
    }
    d2l.load_numpy_weights(nets[2], state)
    # Sayfanınkiyle aynı gürültü: tohumlu numpy üreteci, ayrılmış küme kadar örnek
    rng = np.random.default_rng(seed)
    Z = rng.standard_normal((len(held_out), setting['latent_dim']), np.float32)
    fake = d2l.generate(nets[2], d2l.noise_from(Z))
    swd, pswd = d2l.quality(held_out, fake)
    args.out.mkdir(parents=True, exist_ok=True)
    weights = args.out / f'{args.name}.npz'
    np.savez(weights, **state)
    info = {
        'recipe': {
            k: list(v) if isinstance(v, tuple) else v for k, v in recipe.items()
        },
        'loss': 'göreli (R3GAN), R1 + R2',
        'setting': setting,
        'ema_half_life': args.ema_half_life,
        'steps': int(history[-1][0]),
        'cpu_budget_seconds': round(float(args.cpu_budget)),
        'wall_seconds': round(wall),
        'threads': torch.get_num_threads(),
        'flush_denormal': flush_denormal,
        'bf16': args.bf16,
        'cpu': cpu_model(),
        'cores': os.cpu_count(),
        'torch': torch.__version__,
        'date': started.strftime('%Y-%m-%d'),
        'command': 'python scripts/train_sprites_long.py '
        + ' '.join(argv or sys.argv[1:]),
        'swd_ema': round(float(swd), 4),
        'pswd_ema': round(float(pswd), 4),
        'sha1': sha1sum(weights),
    }
    (args.out / f'{args.name}.json').write_text(
        json.dumps(info, indent=1, ensure_ascii=False) + '\n', encoding='utf-8'
    )
    print(
        f'{weights} yazıldı: {info["steps"]} adım, duvar saati {wall:.0f} sn, '
        f'16x16 SWD {swd:.3f}, sha-1 {info["sha1"]}'
    )
    return 0


if __name__ == '__main__':
    sys.exit(main())
