"""test_pitfall_claims.py'nin alt süreci: tek bir çerçevede, verilen tohumlarla ölçer.

Kullanım: python tests/support/pitfall_claims_run.py torch '[0, 1]' '{"warmup": ...}'
Son satır 'SONUC' ile başlayan bir JSON'dur: {tohum: {ölçüt: değer}}.
"""

import importlib
import json
import sys

import numpy as np


def measure(d2l, seed, setting):
    """Bir tohumla bölümün üç deneyi: Dirac-GAN, önden eğitilmiş D, halka."""
    rng = np.random.default_rng(seed)
    theta, psi = rng.uniform(0.5, 1.5, size=2) * rng.choice([-1, 1], size=2)
    res = {
        'dirac_sim': float(np.linalg.norm(d2l.dirac_gan(theta, psi, 100, 0.2)[-1])),
        'dirac_start': float(np.hypot(theta, psi)),
        'dirac_r1': float(
            np.linalg.norm(
                d2l.dirac_gan(theta, psi, 100, 0.2, 'simultaneous', gamma=1.0)[-1]
            )
        ),
    }
    for name, noise in (('plain', 0.0), ('noisy', setting['noise'])):
        warm, play = d2l.head_start(
            setting['warmup'], setting['play'], noise=noise, seed=seed
        )
        res[name] = {
            'warm_first': warm[0].tolist(),
            'warm_last': warm[-1].tolist(),
            'play_loss_D_max': float(play[:, 0].max()),
            'play_radius_max': float(play[:, 1].max()),
        }
    for pack in (1, 4):
        snapshots = d2l.train_ring_gan(pack=pack, seed=seed, **setting['ring'])
        res[f'ring{pack}'] = d2l.ring_report(snapshots[-1][1])
    return res


if __name__ == '__main__':
    d2l = importlib.import_module('d2l_gan.' + sys.argv[1])
    seeds, setting = json.loads(sys.argv[2]), json.loads(sys.argv[3])
    out = {seed: measure(d2l, seed, setting) for seed in seeds}
    print('SONUC' + json.dumps(out, default=float))
