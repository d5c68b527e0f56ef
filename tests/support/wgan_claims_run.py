"""test_wgan_claims.py'nin alt süreci: tek bir çerçevede, verilen tohumlarla ölçer.

Kullanım: python tests/support/wgan_claims_run.py torch '[1, 2]' '[1, 2, 3, 4]'
(Dirac ve eleştirmen ölçümlerinin tohumları, halka ölçümünün tohumları.)
Son satır 'SONUC' ile başlayan bir JSON'dur:
{'seeds': {tohum: {ölçüt: değer}}, 'ring': {tohum: {yöntem: mod sayısı}}}.
"""

import importlib
import json
import sys

import numpy as np

# Küçültülmüş ayarlar (bölümün tam ayarı: 600 Dirac adımı; 300 eleştirmen adımı;
# halkada 2000 üretici adımı, minigrup 128, oran 1e-3). Kısa halka eğitimini büyük
# öğrenme oranı telafi eder. Dirac-GAN'ın ayarı tam ayardır.
DIRAC = dict(num_steps=600, lr=0.05)
PROBE = dict(num_steps=50, batch_size=64)
# c = 0.1'de gradyanın patlaması eğitimle büyür: bu ölçüm bölümün tam uzunluğunda
PROBE_CLIP1 = dict(num_steps=300, batch_size=64)
RING = dict(num_steps=600, batch_size=64, lr=3e-3)


def dirac(d2l, seed):
    """Rastgele bir başlangıçtan üç yöntemin dengeye son uzaklığı."""
    rng = np.random.default_rng(seed)
    theta, psi = rng.uniform(0.5, 1.5, size=2) * rng.choice([-1, 1], size=2)
    paths = {
        'dirac_clip': d2l.dirac_wgan(theta, psi, clip=1.0, **DIRAC),
        'dirac_gp': d2l.dirac_wgan(theta, psi, gp_weight=10.0, **DIRAC),
        'dirac_r1': d2l.dirac_gan(theta, psi, gamma=1.0, **DIRAC),
    }
    return {name: float(np.linalg.norm(path[-1])) for name, path in paths.items()}


def probe(d2l, seed):
    """Derin eleştirmenlerin girdideki eğimi (kaymış halka deneyi)."""
    X, _ = (
        d2l.as_tensor(a) for a in d2l.shifted_ring_batch(512, np.random.default_rng(99))
    )
    out = {}
    for key, (method, c) in {
        'grad_clip1': ('wgan', 0.1),
        'grad_clip2': ('wgan', 0.01),
        'grad_gp': ('wgan-gp', None),
        'grad_sn': ('wgan-sn', None),
    }.items():
        setting = PROBE_CLIP1 if key == 'grad_clip1' else PROBE
        net = d2l.train_probe(method, c, seed=seed, **setting)
        out[key] = float(d2l.layer_grad_norms(net, X)[0])
    return out


def ring(d2l, seed):
    """Halkada eşit üretici adımında düz GAN'ın ve WGAN-GP'nin kapsadığı mod sayısı."""
    modes = {}
    for method in ('gan', 'wgan-gp'):
        fake = d2l.train_ring(method, seed=seed, num_snapshots=1, **RING)[-1][1]
        modes[method] = d2l.ring_report(fake)['modes']
    return modes


def main(module, seeds, ring_seeds):
    d2l = importlib.import_module(f'd2l_gan.{module}')
    results = {
        'seeds': {seed: {**dirac(d2l, seed), **probe(d2l, seed)} for seed in seeds},
        'ring': {seed: ring(d2l, seed) for seed in ring_seeds},
    }
    print('SONUC' + json.dumps(results))


if __name__ == '__main__':
    main(sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]))
