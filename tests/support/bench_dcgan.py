"""DCGAN eğitim döngüsü hız ölçümü: bölümün döngüsü ile her adımda kayıp okuyan döngü.

Test değildir (pytest toplamaz); elle çalıştırılır:

    .venv/bin/python tests/support/bench_dcgan.py                    # üç çerçeve
    .venv/bin/python tests/support/bench_dcgan.py --frameworks pytorch --steps 200 \
        --batch-size 128 --width 64                          # ör. GPU'da

Her çerçeve kendi alt sürecinde aynı DCGAN'ı (DCGAN bölümünden pakete kaydedilen
`make_G`, `make_D` ve `gan_step`: taban genişliği `--width`, 64×64 görüntü, Adam
β1 = 0.5, ortalama alan ikili çapraz entropi) aynı sayıda adım iki döngüyle eğitir:

* bölüm: kayıplar cihazda toplanır, `--epoch-steps` adımda bir (dönem sonunda)
  ana belleğe okunur;
* başvuru: her adımda iki kayıp da `float(...)` ile (MXNet'te de `float(...)`)
  okunur, yani her adımda cihaz beklenir.

Ölçüm sırası bölüm, başvuru, bölüm, başvuru...dur (`--rounds` tur) ve her
döngü için en hızlı tur raporlanır; böylece makinedeki başka yükler sonucu
olabildiğince az etkiler. Veri, bellekte tutulan
rastgele görüntülerdir (hız veriden bağımsızdır; indirme gerekmez). Çıktı,
çerçeve başına saniyedeki örnek sayısı ve oranı (bölüm / başvuru) tablosudur.
"""

import argparse
import json
import os
import subprocess
import sys
import time

from d2l_gan.frameworks import FRAMEWORKS


def build_pytorch(width, latent_dim):
    import torch
    from torch import nn

    from d2l_gan import torch as d2l

    device = d2l.try_gpu()
    net_G, net_D = d2l.make_G(width, latent_dim), d2l.make_D(width)
    loss = nn.BCEWithLogitsLoss()
    trainer_D = torch.optim.Adam(net_D.parameters(), lr=5e-4, betas=(0.5, 0.999))
    trainer_G = torch.optim.Adam(net_G.parameters(), lr=5e-4, betas=(0.5, 0.999))

    def step(X):
        Z = d2l.noise(X.shape[0], latent_dim)
        stats = d2l.gan_step(X, Z, net_D, net_G, loss, trainer_D, trainer_G)
        return stats[0], stats[1]

    def make_data(n, batch_size):
        X = torch.rand(n, 3, 64, 64, device=device) * 2 - 1
        return [
            X[i : i + batch_size].contiguous(memory_format=torch.channels_last)
            for i in range(0, n - batch_size + 1, batch_size)
        ]

    def zero():
        return torch.zeros((), device=device)

    def finish():
        if device.type == 'cuda':
            torch.cuda.synchronize()

    return step, make_data, zero, float, finish, str(device)


def build_tensorflow(width, latent_dim):
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
    import keras
    import tensorflow as tf

    from d2l_gan import tensorflow as d2l

    net_G, net_D = d2l.make_G(width, latent_dim), d2l.make_D(width)
    loss = keras.losses.BinaryCrossentropy(from_logits=True)
    trainer_D = keras.optimizers.Adam(learning_rate=5e-4, beta_1=0.5)
    trainer_G = keras.optimizers.Adam(learning_rate=5e-4, beta_1=0.5)
    gan_step = tf.function(d2l.gan_step)  # bir kez izlenir

    def step(X):
        Z = d2l.noise(X.shape[0], latent_dim)
        stats = gan_step(X, Z, net_D, net_G, loss, trainer_D, trainer_G)
        return stats[0], stats[1]

    def make_data(n, batch_size):
        X = tf.random.uniform((n, 64, 64, 3), -1, 1)
        return [X[i : i + batch_size] for i in range(0, n - batch_size + 1, batch_size)]

    return step, make_data, lambda: tf.zeros(()), float, lambda: None, d2l.try_gpu()


def build_mxnet(width, latent_dim):
    import mxnet as mx
    from mxnet import gluon

    from d2l_gan import mxnet as d2l

    ctx = d2l.try_gpu()
    net_G, net_D = d2l.make_G(width, latent_dim), d2l.make_D(width)
    loss = gluon.loss.SigmoidBCELoss()
    trainer_D = gluon.Trainer(
        net_D.collect_params(), 'adam', {'learning_rate': 5e-4, 'beta1': 0.5}
    )
    trainer_G = gluon.Trainer(
        net_G.collect_params(), 'adam', {'learning_rate': 5e-4, 'beta1': 0.5}
    )

    def step(X):
        Z = d2l.noise(X.shape[0], latent_dim)
        stats = d2l.gan_step(X, Z, net_D, net_G, loss, trainer_D, trainer_G)
        return stats[0], stats[1]

    def make_data(n, batch_size):
        X = mx.np.random.uniform(-1, 1, size=(n, 3, 64, 64), ctx=ctx)
        return [X[i : i + batch_size] for i in range(0, n - batch_size + 1, batch_size)]

    return (
        step,
        make_data,
        lambda: mx.np.zeros((), ctx=ctx),
        lambda a: float(a),
        mx.npx.waitall,
        str(ctx),
    )


def chapter_loop(step, batches, num_steps, epoch_steps, zero, read):
    """Bölümün döngüsü: kayıplar cihazda toplanır, epoch_steps adımda bir okunur."""
    total_D, total_G = zero(), zero()
    for i in range(num_steps):
        loss_D, loss_G = step(batches[i % len(batches)])
        total_D = total_D + loss_D
        total_G = total_G + loss_G
        if (i + 1) % epoch_steps == 0 or i + 1 == num_steps:
            read(total_D), read(total_G)  # dönem sonu: tek okuma
            total_D, total_G = zero(), zero()


def reference_loop(step, batches, num_steps, epoch_steps, zero, read):
    """Başvuru döngüsü: iki kayıp da her adımda ana belleğe okunur."""
    total_D = total_G = 0.0
    for i in range(num_steps):
        loss_D, loss_G = step(batches[i % len(batches)])
        total_D += read(loss_D)
        total_G += read(loss_G)


def worker(args):
    build = {
        'pytorch': build_pytorch,
        'tensorflow': build_tensorflow,
        'mxnet': build_mxnet,
    }[args.worker]
    step, make_data, zero, read, finish, device = build(args.width, 100)
    batches = make_data(
        args.batch_size * min(args.epoch_steps, args.steps), args.batch_size
    )
    for X in batches[:2]:  # ısınma (TensorFlow'da izleme): ölçülmez
        read(step(X)[0])
    finish()
    times = {'bölüm': [], 'başvuru': []}
    for _ in range(args.rounds):
        for name, loop in (('bölüm', chapter_loop), ('başvuru', reference_loop)):
            start = time.perf_counter()
            loop(step, batches, args.steps, args.epoch_steps, zero, read)
            finish()
            times[name].append(time.perf_counter() - start)
    # En iyi tur: makinedeki başka işlerin yarattığı gecikmelere en az maruz kalan ölçüm
    examples = args.steps * args.batch_size
    print(
        json.dumps(
            {
                'framework': args.worker,
                'device': device,
                'chapter': examples / min(times['bölüm']),
                'reference': examples / min(times['başvuru']),
            }
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        '--frameworks',
        default=','.join(FRAMEWORKS),
        help='virgülle ayrılmış çerçeveler',
    )
    parser.add_argument(
        '--steps', type=int, default=24, help='bir turda döngü başına eğitim adımı'
    )
    parser.add_argument('--batch-size', type=int, default=32)
    parser.add_argument(
        '--epoch-steps',
        type=int,
        default=24,
        help='bölüm döngüsünün kayıpları okuduğu aralık (dönem)',
    )
    parser.add_argument('--width', type=int, default=16, help='taban kanal sayısı')
    parser.add_argument(
        '--rounds', type=int, default=4, help='bölüm/başvuru ölçüm turu sayısı'
    )
    parser.add_argument('--worker', choices=FRAMEWORKS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args)
    print(
        f'DCGAN (taban genişliği {args.width}), minigrup {args.batch_size}, '
        f'{args.rounds} tur × {args.steps} adım, '
        f'kayıplar {args.epoch_steps} adımda bir okunur'
    )
    print(
        f'{"çerçeve":12s} {"cihaz":>10s} {"bölüm örnek/sn":>15s} '
        f'{"başvuru örnek/sn":>17s} {"oran":>6s}'
    )
    for fw in args.frameworks.split(','):
        cmd = [
            sys.executable,
            __file__,
            '--worker',
            fw,
            '--steps',
            str(args.steps),
            '--batch-size',
            str(args.batch_size),
            '--epoch-steps',
            str(args.epoch_steps),
            '--width',
            str(args.width),
            '--rounds',
            str(args.rounds),
        ]
        out = subprocess.run(cmd, capture_output=True, text=True)
        lines = [line for line in out.stdout.splitlines() if line.startswith('{')]
        if out.returncode or not lines:
            print(f'{fw:12s} başarısız:\n{out.stderr[-2000:]}')
            continue
        r = json.loads(lines[-1])
        print(
            f'{fw:12s} {r["device"]:>10s} {r["chapter"]:15.1f} '
            f'{r["reference"]:17.1f} {r["chapter"] / r["reference"]:6.2f}'
        )


if __name__ == '__main__':
    main()
