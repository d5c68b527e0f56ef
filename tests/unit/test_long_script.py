"""Uzun eğitim betiği (`scripts/train_sprites_long.py`): projenin ürettiği sprite'larla
çok kısa bir bütçede çalışır, float16 ağırlıkları ve çalıştırmanın bilgilerini yazar;
bilgideki sha-1 dosyanınkidir ve `load_book_weights` dosyaları okur. Ağ kullanılmaz."""

import importlib.util
import json
import urllib.request

import numpy as np
import pytest
import torch

import prepare_data
from d2l_gan import pretrained
from d2l_gan import torch as d2l
from d2l_gan.data import sha1sum
from offline_data import no_network
from repo import ROOT

SETTING = dict(batch_size=8, latent_dim=8, width=4, num_held_out=5, seed=0)


@pytest.fixture
def script(monkeypatch, data_home):
    monkeypatch.setattr(urllib.request, 'urlopen', no_network)
    prepare_data.write_synthetic_sprites(data_home / 'pokesprite' / 'package')
    path = ROOT / 'scripts' / 'train_sprites_long.py'
    spec = importlib.util.spec_from_file_location('train_sprites_long', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, 'chapter_settings', lambda: dict(SETTING))
    yield module
    torch.set_flush_denormal(False)  # betik süreç genelinde açar; öteki testler için


def test_flushes_denormals_and_records_it(script, tmp_path):
    """Betik denormal sayıları sıfır saydırır (Intel Xeon'da uzun eğitimin adım hızı
    bu yüzden düşüyordu) ve bunu bilgi dosyasına yazar."""
    supported = torch.set_flush_denormal(False)  # işlemci destekliyor mu?
    tiny = torch.tensor([1e-39])  # float32'de denormal
    assert tiny.item() != 0
    out = tmp_path / 'agirlik'
    assert script.main(['--cpu-budget', '1', '--out', str(out), '--name', 'dene']) == 0
    info = json.loads((out / 'dene.json').read_text(encoding='utf-8'))
    assert info['flush_denormal'] is supported
    assert ((tiny * 1).item() == 0) is supported


def test_writes_float16_weights_with_their_sha1(script, tmp_path, monkeypatch):
    out = tmp_path / 'agirlik'
    assert script.main(['--cpu-budget', '1', '--out', str(out), '--name', 'dene']) == 0
    info = json.loads((out / 'dene.json').read_text(encoding='utf-8'))
    assert info['sha1'] == sha1sum(out / 'dene.npz')
    assert info['steps'] > 0 and info['cpu_budget_seconds'] == 1
    assert info['recipe']['augment'] is True and info['recipe']['lr'] == 2e-4
    assert info['ema_half_life'] == 2000
    assert info['command'].endswith('--name dene')
    monkeypatch.setattr(pretrained, 'BOOK_WEIGHTS', out)
    arrays, read_info = pretrained.load_book_weights('dene')
    assert read_info == info
    net = d2l.make_G_small(SETTING['width'], SETTING['latent_dim'], 8)
    assert list(arrays) == list(net.state_dict())
    assert all(a.dtype == np.float16 for a in arrays.values())


def test_relativistic_step_moves_both_networks(script):
    """Bir adım iki ağın da bütün parametrelerini değiştirir; yalnızca ayrımcının son
    sabit terimi değişmez, çünkü D(sahte) - D(gerçek) farkında birbirini götürür."""
    torch.manual_seed(0)
    net_D, net_G = d2l.make_D_small(4, mbstd=True), d2l.make_G_small(4, 8, 8)
    params = [*net_D.named_parameters(), *net_G.named_parameters()]
    before = [p.detach().clone() for _, p in params]
    update = script.relativistic_update(net_D, net_G, 1e-3, (0.0, 0.99))
    X = torch.rand(6, 3, 32, 32) * 2 - 1
    stats = update(X, d2l.noise(6, 8), d2l.augment_translation, gamma=1.0)
    assert stats.shape == (5,) and torch.isfinite(stats).all()
    unchanged = [p is net_D[-1].bias for _, p in params]
    moved = [not torch.equal(b, p) for b, (_, p) in zip(before, params)]
    assert moved == [not u for u in unchanged]


def test_batch_size_and_ema_half_life_reach_training(script, tmp_path, monkeypatch):
    """`--batch-size` minigrupların boyunu, `--ema-half-life` EMA katsayısının
    tavanını belirler (yarılanma ömrü 2 adımsa tavan 0.5 ** (1/2)); ikisi de bilgi
    dosyasına yazılır."""
    sizes, betas = [], []
    ema_update = d2l.ema_update

    def spy(net_ema, net, beta):
        betas.append(beta)
        return ema_update(net_ema, net, beta)

    monkeypatch.setattr(d2l, 'ema_update', spy)
    batches = d2l.load_pokemon

    def loader(batch_size, **kwargs):
        sizes.append(batch_size)
        return batches(batch_size, **kwargs)

    monkeypatch.setattr(d2l, 'load_pokemon', loader)
    out = tmp_path / 'agirlik'
    argv = [
        '--out',
        str(out),
        *'--cpu-budget 1 --batch-size 4 --ema-half-life 2'.split(),
    ]
    assert script.main(argv) == 0
    info = json.loads((out / 'sprites_palette_g.json').read_text(encoding='utf-8'))
    assert sizes == [4] and info['setting']['batch_size'] == 4
    assert info['ema_half_life'] == 2
    assert max(betas) == pytest.approx(0.5**0.5)
    assert len(betas) == info['steps'] + 1  # başlangıçtaki kopya (beta 0) dahil


def test_d_width_widens_only_the_discriminator(script, tmp_path, monkeypatch):
    """`--d-width` yalnızca ayrımcının kanal sayısını değiştirir: eğitimi alan D'nin
    ilk evrişimi o kadar kanallıdır, saklanan üretici bölümün genişliğindedir."""
    seen = []
    update = script.relativistic_update

    def spy(net_D, net_G, lr, betas):
        seen.append((net_D[0].out_channels, net_G.scores.in_channels))
        return update(net_D, net_G, lr, betas)

    monkeypatch.setattr(script, 'relativistic_update', spy)
    out = tmp_path / 'agirlik'
    argv = ['--out', str(out), *'--cpu-budget 1 --d-width 6 --name dene'.split()]
    assert script.main(argv) == 0
    info = json.loads((out / 'dene.json').read_text(encoding='utf-8'))
    assert seen == [(6, SETTING['width'])]
    assert info['setting']['d_width'] == 6
    assert info['setting']['width'] == SETTING['width']


def test_seed_changes_only_the_training_seed(script, tmp_path, monkeypatch):
    """`--seed` yalnızca eğitimin tohumudur: `set_seed` onu alır, türleri ayıran
    `split_by_species` bölümün tohumunu; bilgi dosyası ikisini de yazar."""
    seeds, split_seeds = [], []
    split = script.split_by_species

    def spy(*args):
        split_seeds.append(args[-1])
        return split(*args)

    monkeypatch.setattr(d2l, 'set_seed', seeds.append)
    monkeypatch.setattr(script, 'split_by_species', spy)
    out = tmp_path / 'agirlik'
    argv = ['--out', str(out), *'--cpu-budget 1 --seed 5 --name dene'.split()]
    assert script.main(argv) == 0
    info = json.loads((out / 'dene.json').read_text(encoding='utf-8'))
    assert seeds == [5] and split_seeds == [SETTING['seed']]
    assert info['setting']['train_seed'] == 5
    assert info['setting']['seed'] == SETTING['seed']


def test_recorded_scores_are_the_pages(script, tmp_path):
    """Bilgi dosyasındaki ölçüler, bölümün yapacağı ölçümle aynıdır: saklanan
    ağırlıklar, tohumlu numpy gürültüsü, ayrılmış küme kadar örnek."""
    out = tmp_path / 'agirlik'
    assert script.main(['--cpu-budget', '1', '--out', str(out), '--name', 'dene']) == 0
    info = json.loads((out / 'dene.json').read_text(encoding='utf-8'))
    arrays = dict(np.load(out / 'dene.npz'))
    net = d2l.make_G_small(SETTING['width'], SETTING['latent_dim'], 8)
    d2l.load_numpy_weights(net, arrays)
    images, species = script.load_sprites(32)
    _, held_out = script.split_by_species(
        images, species, SETTING['num_held_out'], SETTING['seed']
    )
    rng = np.random.default_rng(SETTING['seed'])
    Z = rng.standard_normal((len(held_out), SETTING['latent_dim']), np.float32)
    swd, pswd = d2l.quality(held_out, d2l.generate(net, d2l.noise_from(Z)))
    assert (info['swd_ema'], info['pswd_ema']) == (round(swd, 4), round(pswd, 4))


def test_species_balanced_batches_show_each_species_equally(script):
    """Altı görüntülü tür ile iki görüntülü tür minigruplarda eşit sıklıkta görünür
    (düz karıştırmada 3'e 1 olurdu); dönem uzunluğu `load_pokemon`'unkiyle aynıdır."""
    torch.manual_seed(0)
    images = np.repeat(np.array([-1.0, 1.0], np.float32), [6, 2])
    images = np.broadcast_to(images[:, None, None, None], (8, 32, 32, 3)).copy()
    batches = script.SpeciesBalanced(images, np.array([7] * 6 + [9] * 2), 4)
    assert len(batches) == len(d2l.load_pokemon(4, images=images)) == 2
    firsts = torch.cat([X[:, 0, 0, 0] for _ in range(500) for X in batches])
    assert len(firsts) == 4000
    assert (firsts == 1).float().mean().item() == pytest.approx(0.5, abs=0.03)


def test_balance_species_reaches_training(script, tmp_path, monkeypatch):
    """`--balance-species` eğitimi `SpeciesBalanced` minigruplarıyla yürütür ve
    bilgi dosyasına yazılır; verilmezse `load_pokemon`'unkiler kullanılır."""
    seen = []
    train_budget = d2l.train_budget

    def spy(nets, data_iter, *args):
        seen.append(type(data_iter).__name__)
        return train_budget(nets, data_iter, *args)

    monkeypatch.setattr(d2l, 'train_budget', spy)
    out = tmp_path / 'agirlik'
    for name, extra in (('duz', []), ('denk', ['--balance-species'])):
        argv = ['--out', str(out), '--cpu-budget', '1', '--name', name, *extra]
        assert script.main(argv) == 0
    infos = [
        json.loads((out / f'{n}.json').read_text(encoding='utf-8'))['setting']
        for n in ('duz', 'denk')
    ]
    assert seen == ['_Minibatches', 'SpeciesBalanced']
    assert 'balance_species' not in infos[0] and infos[1]['balance_species'] is True


@pytest.mark.parametrize('bf16', [False, True])
def test_bf16_computes_the_step_in_bfloat16_and_keeps_float32_weights(
    script, tmp_path, monkeypatch, bf16
):
    """`--bf16` adımı autocast içinde atar: ayrımcının logitleri bfloat16'dır, iki
    ağın ağırlıkları float32 kalır; bilgi dosyası bunu yazar. Seçenek verilmezse
    her şey float32'dir."""
    logits, nets = [], []
    update = script.relativistic_update

    def spy(net_D, net_G, lr, betas):
        net_D.register_forward_hook(lambda m, i, out: logits.append(out.dtype))
        nets.extend([net_D, net_G])
        return update(net_D, net_G, lr, betas)

    monkeypatch.setattr(script, 'relativistic_update', spy)
    out = tmp_path / 'agirlik'
    argv = ['--out', str(out), '--cpu-budget', '1', '--name', 'dene'] + [
        '--bf16'
    ] * bf16
    assert script.main(argv) == 0
    info = json.loads((out / 'dene.json').read_text(encoding='utf-8'))
    assert info['bf16'] is bf16 and info['steps'] > 0
    assert set(logits) == {torch.bfloat16 if bf16 else torch.float32}
    assert {p.dtype for net in nets for p in net.parameters()} == {torch.float32}
