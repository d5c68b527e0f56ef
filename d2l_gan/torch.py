"""PyTorch yardımcıları: ``from d2l_gan import torch as d2l``.

Yalnızca PyTorch'u yükler; çerçeveden bağımsız yardımcılar (çizim, zamanlama,
oyuncak dağılımlar, ölçütler) buradan da kullanılabilir. İşaret satırının altı
bölümlerin `#@save` işaretli hücrelerinden üretilir (bkz. d2l_gan/book/lib.py).
"""
import random
import sys

import numpy as np
import torch
from torch import nn
from torch.utils import data

from d2l_gan.common import *  # noqa: F401,F403
from d2l_gan.data import load_pokemon_array
from d2l_gan.metrics import *  # noqa: F401,F403
from d2l_gan.plotting import *  # noqa: F401,F403
from d2l_gan.toy import *  # noqa: F401,F403
from d2l_gan.utils import *  # noqa: F401,F403

d2l = sys.modules[__name__]  # kaydedilen kod d2l.ad'ı bölümdeki gibi çağırır
FRAMEWORK = 'pytorch'


def set_seed(seed):
    """Python'un `random`'ını, numpy'ı ve PyTorch'u aynı tohumla başlatır."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)  # CUDA üreteçlerini de tohumlar


def try_gpu(i=0):
    """Varsa i'inci GPU'nun, yoksa CPU'nun `torch.device`'ını döndürür."""
    if torch.cuda.device_count() > i:
        return torch.device(f'cuda:{i}')
    return torch.device('cpu')


def load_array(data_arrays, batch_size, is_train=True):
    """numpy dizilerinden oluşan bir demet için minigrup yineleyicisi (DataLoader).

    Her grup, dizi başına bir tensör içerir; `is_train` ise her dönemde karıştırılır.
    """
    dataset = data.TensorDataset(*[torch.as_tensor(a) for a in data_arrays])
    return data.DataLoader(dataset, batch_size, shuffle=is_train)


class _Minibatches:
    """Bellekteki bir görüntü tensöründen karışık minigruplar (her dönemde yeniden)."""

    def __init__(self, images, batch_size):
        self.images = images
        self.batch_size = min(batch_size, len(images))

    def __len__(self):
        return len(self.images) // self.batch_size  # eksik son grup atlanır

    def __iter__(self):
        order = torch.randperm(len(self.images), device=self.images.device)
        for i in range(len(self)):
            yield self.images[order[i * self.batch_size:(i + 1) * self.batch_size]]


def load_pokemon(batch_size, size=64, num_images=None, device=None):
    """Pokemon görüntülerinden minigrup yineleyicisi (NCHW, [-1, 1] aralığında).

    Görüntüler bir kez çözülüp tek bir tensör olarak `device`'ta (verilmezse
    `try_gpu()`) tutulur; her dönemde yeniden karıştırılır. `num_images` ilk
    bu kadar görüntüyü alır. Her grup tam `batch_size` örnektir; `len()` dönem
    başına grup sayısıdır. İşlemcide evrişimler kanal-sonda bellek düzeninde
    (`channels_last`) daha hızlıdır; tensörün şekli yine NCHW'dir.
    """
    images = load_pokemon_array(size)
    if num_images is not None:
        images = images[:num_images]
    device = try_gpu() if device is None else device
    X = torch.as_tensor(images).permute(0, 3, 1, 2).to(device)
    return _Minibatches(X.contiguous(memory_format=torch.channels_last), batch_size)


# ---- Aşağısı bölümlerden üretilir (#@save); elle değiştirmeyin ----


# -- book/temel_gan.ipynb
def update_D(X, Z, net_D, net_G, loss, trainer_D):
    """Ayrımcıyı bir adım günceller ve kaybı (tek öğeli tensör, cihazda) döndürür.

    Gerçek örnekler 1, üretilmiş örnekler 0 etiketini alır. `loss` ortalama alan
    `nn.BCEWithLogitsLoss()` gibi bir kayıptır; ağlar logit döndürür.
    """
    trainer_D.zero_grad()
    real_Y = net_D(X)
    fake_Y = net_D(net_G(Z).detach())  # detach: G'ye gradyan gitmez
    loss_D = (loss(real_Y, torch.ones_like(real_Y))
              + loss(fake_Y, torch.zeros_like(fake_Y))) / 2
    loss_D.backward()
    trainer_D.step()
    return loss_D.detach()


def update_G(Z, net_D, net_G, loss, trainer_G):
    """Üreticiyi bir adım günceller ve kaybı (tek öğeli tensör, cihazda) döndürür.

    Üretilmiş örnekler 1 etiketini alır (doymayan kayıp); `trainer_G` yalnızca
    G'nin parametrelerini tuttuğundan D değişmez.
    """
    trainer_G.zero_grad()
    fake_Y = net_D(net_G(Z))
    loss_G = loss(fake_Y, torch.ones_like(fake_Y))
    loss_G.backward()
    trainer_G.step()
    return loss_G.detach()


# -- book/tuzaklar.ipynb
def dirac_gan(theta, psi, num_steps, lr, method='simultaneous', gamma=0.0):
    """Dirac-GAN'da gradyan adımlarının izi: (num_steps + 1, 2) numpy dizisi (θ, ψ).

    Gerçek veri 0'daki tek nokta, üretici tek sayı θ üretir, ayrımcı D(x) = ψx.
    Değer işlevi V(θ, ψ) = -log(1 + e^{ψθ}) - log 2; ayrımcı V - γψ²/2'yi
    büyütür (R1 cezası: gerçek veride ∇ₓD = ψ), üretici V'yi küçültür.
    `method`: 'simultaneous' (iki adım aynı noktadan) ya da 'alternating'
    (önce ayrımcı, sonra yeni ψ ile üretici).
    """
    theta = torch.tensor(float(theta), requires_grad=True)
    psi = torch.tensor(float(psi), requires_grad=True)

    def value():
        return -nn.functional.softplus(psi * theta) - np.log(2.0)

    path = [torch.stack([theta, psi]).detach()]
    for _ in range(num_steps):
        grad_theta, grad_psi = torch.autograd.grad(value(), [theta, psi])
        with torch.no_grad():
            psi += lr * (grad_psi - gamma * psi)   # ayrımcı: gradyan yükselişi
        if method == 'alternating':
            grad_theta, = torch.autograd.grad(value(), [theta])  # yeni ψ ile
        with torch.no_grad():
            theta -= lr * grad_theta               # üretici: gradyan inişi
        path.append(torch.stack([theta, psi]).detach())
    return torch.stack(path).numpy()


def ring_nets(latent_dim=64, hidden=128, pack=1):
    """Halka deneyinin ağları: G (3 gizli katman), D (1 gizli katman, `pack` örnek).

    Ağırlıklar Glorot (Xavier) düzgün, sapmalar sıfır: üç çerçevede aynı.
    """
    net_G = nn.Sequential(nn.Linear(latent_dim, hidden), nn.ReLU(),
                          nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 2))
    net_D = nn.Sequential(nn.Linear(2 * pack, hidden), nn.ReLU(), nn.Linear(hidden, 1))
    for layer in [*net_G, *net_D]:
        if isinstance(layer, nn.Linear):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
    return net_G, net_D


def train_ring_gan(num_steps, remedy=None, g_loss='non-saturating', lr_D=1e-3,
                   lr_G=1e-3, d_warmup=0, batch_size=256, pack=4, latent_dim=64,
                   decay=True, log_every=100, num_snapshots=4, seed=0,
                   verbose=False):
    """Halka verisinde bir GAN eğitir; kayıpları, G'nin gradyan normunu ve örnekleri döndürür.

    `remedy='pacgan'` ise ayrımcı `pack` örneği birlikte görür (lin2018pacgan).
    `g_loss`: 'non-saturating' (-log D(G(z))) ya da 'saturating' (log(1 - D(G(z)))).
    `d_warmup` adım boyunca yalnızca ayrımcı eğitilir (G sabit). `decay` ise
    öğrenme oranları doğrusal olarak sıfıra iner. Her `log_every` adımda D'nin
    kaybı ve G'nin gradyan normu kaydedilir (yalnızca o adımlarda ana belleğe
    kopyalanır); `num_snapshots` anda 2500 örnek saklanır ve `verbose` ise
o anki kapsanan mod sayısı ile yüksek kaliteli örnek payı yazdırılır.
    """
    set_seed(seed)
    pack = pack if remedy == 'pacgan' else 1
    net_G, net_D = ring_nets(latent_dim, pack=pack)
    trainer_D = torch.optim.Adam(net_D.parameters(), lr=lr_D, betas=(0.5, 0.999))
    trainer_G = torch.optim.Adam(net_G.parameters(), lr=lr_G, betas=(0.5, 0.999))
    loss = nn.BCEWithLogitsLoss()
    centers = torch.tensor(ring_centers(), dtype=torch.float32)

    def critic(X):  # `pack` örnek yan yana: (n * pack, 2) -> (n, 2 * pack)
        return net_D(X.reshape(-1, 2 * pack))

    def sample(n):
        return net_G(torch.randn(n, latent_dim))

    log, snapshots = {'step': [], 'loss_D': [], 'grad_G': []}, []
    snap_at = {round(num_steps * (i + 1) / num_snapshots) for i in range(num_snapshots)}
    n = batch_size * pack
    for step in range(1, d_warmup + num_steps + 1):
        scale = 1 - (step - 1) / (d_warmup + num_steps) if decay else 1.0
        for trainer, lr in ((trainer_D, lr_D), (trainer_G, lr_G)):
            for group in trainer.param_groups:
                group['lr'] = lr * scale
        X = centers[torch.randint(0, len(centers), (n,))] + RING_STD * torch.randn(n, 2)
        trainer_D.zero_grad()
        real_Y, fake_Y = critic(X), critic(sample(n).detach())
        loss_D = (loss(real_Y, torch.ones_like(real_Y))
                  + loss(fake_Y, torch.zeros_like(fake_Y))) / 2
        loss_D.backward()
        trainer_D.step()
        if step <= d_warmup:
            continue
        trainer_G.zero_grad()
        fake_Y = critic(sample(n))
        if g_loss == 'saturating':
            loss_G = -loss(fake_Y, torch.zeros_like(fake_Y))  # log(1 - D(G(z))) küçülür
        else:
            loss_G = loss(fake_Y, torch.ones_like(fake_Y))    # -log D(G(z)) küçülür
        loss_G.backward()
        t = step - d_warmup
        if t % log_every == 0 or t == 1:
            log['step'].append(t)
            log['loss_D'].append(loss_D.detach())
            log['grad_G'].append(torch.sqrt(sum((p.grad ** 2).sum()
                                                for p in net_G.parameters())))
        trainer_G.step()
        if t in snap_at:
            with torch.no_grad():
                snapshots.append((t, sample(2500).numpy()))
            if verbose:
                X = snapshots[-1][1]
                print(f'adım {t}: {modes_covered(X, ring_centers(), RING_STD)}/'
                      f'{RING_MODES} mod, yüksek kaliteli örnek payı '
                      f'%{100 * high_quality_share(X, ring_centers(), RING_STD):.0f}')
    log = {k: np.array([float(v) for v in vals]) for k, vals in log.items()}
    return {'log': log, 'snapshots': snapshots, 'samples': snapshots[-1][1]}


# -- book/wgan.ipynb
def mlp_critic(input_shape, hidden=(128, 128, 128), spectral_norm=False):
    """ReLU'lu tam bağlı eleştirmen: girdiyi düzleştirir, sınırsız tek puan verir.

    Ağırlıklar Glorot düzgün, sabit terimler sıfır başlar (üç çerçevede aynı).
    `spectral_norm` ise her katmanın ağırlığı spektral normuna bölünür.
    """
    widths = [int(np.prod(input_shape)), *hidden, 1]
    layers = [nn.Flatten()]
    for i, (n_in, n_out) in enumerate(zip(widths[:-1], widths[1:])):
        linear = nn.Linear(n_in, n_out)
        nn.init.xavier_uniform_(linear.weight)
        nn.init.zeros_(linear.bias)
        if spectral_norm:
            linear = nn.utils.parametrizations.spectral_norm(linear)
        layers.append(linear)
        if i < len(hidden):
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def clip_weights(net, c):
    """Ağın bütün parametrelerini [-c, c] aralığına kırpar (WGAN ağırlık kırpması)."""
    with torch.no_grad():
        for param in net.parameters():
            param.clamp_(-c, c)


def gradient_penalty(net_D, X, fake_X):
    """WGAN-GP cezası: ara noktalarda (‖∇f(x̂)‖ - 1)²'nin ortalaması.

    x̂ = εx + (1 - ε)x̃, ε ~ U[0, 1] örnek başına. Gradyan `create_graph=True`
    ile alınır, böylece ceza eleştirmenin parametrelerine göre türevlenebilir.
    """
    eps = torch.rand(len(X), *[1] * (X.dim() - 1), device=X.device)
    X_hat = (eps * X + (1 - eps) * fake_X).requires_grad_(True)
    grad, = torch.autograd.grad(net_D(X_hat).sum(), X_hat, create_graph=True)
    return ((grad.flatten(1).norm(dim=1) - 1) ** 2).mean()


def update_critic(X, Z, net_D, net_G, trainer_D, clip=None, gp_weight=0.0):
    """Eleştirmeni bir adım günceller; W1 kestirimini (cihazda) döndürür.

    Eleştirmen E[f(x)] - E[f(G(z))] farkını büyütür. `clip` verilirse adımdan
    sonra ağırlıklar kırpılır (WGAN); `gp_weight` > 0 ise gradyan cezası
    eklenir (WGAN-GP).
    """
    trainer_D.zero_grad()
    fake_X = net_G(Z).detach()  # detach: G'ye gradyan gitmez
    w_estimate = net_D(X).mean() - net_D(fake_X).mean()
    loss_D = -w_estimate
    if gp_weight > 0:
        loss_D = loss_D + gp_weight * gradient_penalty(net_D, X, fake_X)
    loss_D.backward()
    trainer_D.step()
    if clip is not None:
        clip_weights(net_D, clip)
    return w_estimate.detach()


def update_generator(Z, net_D, net_G, trainer_G):
    """Üreticiyi bir adım günceller: -E[f(G(z))]'yi küçültür; kaybı döndürür."""
    trainer_G.zero_grad()
    loss_G = -net_D(net_G(Z)).mean()
    loss_G.backward()
    trainer_G.step()
    return loss_G.detach()


def wgan_trainers(method, net_D, net_G, lr=None):
    """'wgan' (kırpma), 'wgan-gp' ya da 'wgan-sn': eniyileştiriciler, adım ayarları."""
    if method == 'wgan':
        def make(net):
            return torch.optim.RMSprop(net.parameters(), lr=lr or 5e-5, alpha=0.9,
                                       eps=1e-7)
        step_args = {'clip': 0.01}
    else:
        def make(net):
            return torch.optim.Adam(net.parameters(), lr=lr or 1e-4, betas=(0.0, 0.9),
                                    eps=1e-7)
        step_args = {'gp_weight': 10.0} if method == 'wgan-gp' else {}
    return make(net_D), make(net_G), step_args


def as_tensor(a):
    """numpy dizisini çerçevenin tensörüne çevirir."""
    return torch.from_numpy(a)


def train_probe(method, c, num_steps, batch_size, seed=0):
    """Derin bir eleştirmeni halka ile kaymış halkayı ayırmaya eğitir."""
    d2l.set_seed(seed)
    net_D = mlp_critic((2,), (256,) * 8, spectral_norm=method == 'wgan-sn')
    trainer_D, _, step_args = wgan_trainers(method, net_D, net_D)
    if method == 'wgan':
        clip_weights(net_D, c)
        step_args = {'clip': c}
    rng, identity = np.random.default_rng(seed), nn.Identity()  # "üretici": x -> x
    for _ in range(num_steps):
        X, shifted = (as_tensor(a) for a in shifted_ring_batch(batch_size, rng))
        update_critic(X, shifted, net_D, identity, trainer_D, **step_args)
    return net_D.eval()  # spektral norm kestirimi artık ilerlemez


def layer_grad_norms(net, X):
    """Her doğrusal katmanın girdisinde ‖∂f/∂h‖'nin örnekler üzerinden ortalaması."""
    norms, h = [], X
    for i, layer in enumerate(net):
        if isinstance(layer, nn.Linear):
            h_in = h.detach().requires_grad_(True)
            grad, = torch.autograd.grad(net[i:](h_in).sum(), h_in)
            norms.append(grad.norm(dim=1).mean().item())
        h = layer(h)
    return norms


def ring_models(method, lr, latent_dim=64):
    """Halka deneyinin ağları, eniyileştiricileri ve eleştirmen adımı ayarları."""
    net_G, _ = d2l.ring_nets(latent_dim)
    net_D = mlp_critic((2,), spectral_norm=method == 'wgan-sn')
    if method == 'gan':
        trainer_D, trainer_G = (torch.optim.Adam(net.parameters(), lr=lr,
                                                 betas=(0.5, 0.999))
                                for net in (net_D, net_G))
        return net_D, net_G, trainer_D, trainer_G, {}
    return (net_D, net_G, *wgan_trainers(method, net_D, net_G, lr))


def ring_step(method, X, Z, net_D, net_G, trainer_D, trainer_G, step_args):
    """Bir üretici adımı; WGAN türlerinde önce minigrup başına bir eleştirmen adımı.

    `X`, (n_critic, n, 2) biçiminde gerçek minigruplar; 'gan' yalnızca ilkini kullanır.
    """
    if method == 'gan':
        loss = nn.BCEWithLogitsLoss()
        d2l.update_D(X[0], Z, net_D, net_G, loss, trainer_D)
        return d2l.update_G(Z, net_D, net_G, loss, trainer_G)
    for X_critic in X:
        update_critic(X_critic, torch.randn_like(Z), net_D, net_G, trainer_D,
                      **step_args)
    return update_generator(Z, net_D, net_G, trainer_G)


def train_ring(method, num_steps, batch_size, lr=1e-3, n_critic=5,
               latent_dim=64, num_snapshots=4, seed=0):
    """Halkada bir GAN ya da WGAN eğitir; [(adım, 2500 örnek), ...] döndürür."""
    d2l.set_seed(seed)
    net_D, net_G, trainer_D, trainer_G, step_args = ring_models(method, lr, latent_dim)
    schedulers = [torch.optim.lr_scheduler.LambdaLR(t, lambda s: 1 - s / num_steps)
                  for t in (trainer_D, trainer_G)]
    rng, centers, snapshots = np.random.default_rng(seed), d2l.ring_centers(), []
    for step in range(1, num_steps + 1):
        X = d2l.ring_gaussians(n_critic * batch_size, seed=int(rng.integers(2 ** 31)))
        X = torch.from_numpy(X).reshape(n_critic, batch_size, 2)
        Z = torch.randn(batch_size, latent_dim)
        ring_step(method, X, Z, net_D, net_G, trainer_D, trainer_G, step_args)
        for scheduler in schedulers:
            scheduler.step()
        if step % (num_steps // num_snapshots) == 0:
            with torch.no_grad():
                fake = net_G(torch.randn(2500, latent_dim)).numpy()
            snapshots.append((step, fake))
            modes = d2l.modes_covered(fake, centers, d2l.RING_STD)
            share = d2l.high_quality_share(fake, centers, d2l.RING_STD)
            print(f'{method} adım {step}: {modes}/8 mod, yüksek kaliteli pay '
                  f'{share:.3f}')
    return snapshots


def dirac_wgan(theta, psi, num_steps, lr, n_critic=5, clip=None, gp_weight=0.0):
    """Dirac-GAN'da WGAN adımlarının izi: (num_steps + 1, 2) numpy dizisi (θ, ψ).

    Eleştirmen f(x) = ψx, W1 kestirimi f(0) - f(θ) = -ψθ'yı `n_critic` adım
    büyütür: `clip` verilirse ψ [-clip, clip]'e kırpılır, `gp_weight` λ ise
    λ(|ψ| - 1)² cezası düşülür (her noktada ∇ₓf = ψ). Üretici -f(θ)'yı küçültür.
    """
    theta = torch.tensor(float(theta), requires_grad=True)
    psi = torch.tensor(float(psi), requires_grad=True)
    path = [torch.stack([theta, psi]).detach()]
    for _ in range(num_steps):
        for _ in range(n_critic):
            gain = -psi * theta - gp_weight * (psi.abs() - 1) ** 2
            grad_psi, = torch.autograd.grad(gain, [psi])
            with torch.no_grad():
                psi += lr * grad_psi                 # eleştirmen: gradyan yükselişi
                if clip is not None:
                    psi.clamp_(-clip, clip)
        grad_theta, = torch.autograd.grad(-psi * theta, [theta])
        with torch.no_grad():
            theta -= lr * grad_theta                 # üretici: gradyan inişi
        path.append(torch.stack([theta, psi]).detach())
    return torch.stack(path).numpy()
