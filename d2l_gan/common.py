"""Bölümlerin etiketsiz (çerçeveden bağımsız) hücrelerinde tanımlanıp sonraki
bölümlerde `d2l.ad` diye kullanılan yardımcılar.

İşaret satırının altı bölümlerin `#@save` işaretli ortak hücrelerinden üretilir
(bkz. arac/kitap/lib.py). Burada yalnızca numpy ve matplotlib vardır; her
çerçeve modülü bu adları yıldızlı içe aktarmayla sunar.
"""
import functools
import sys
import time  # noqa: F401 (kaydedilen kod kullanır)
import types

import numpy as np  # noqa: F401

from d2l_gan.metrics import *  # noqa: F401,F403
from d2l_gan.plotting import *  # noqa: F401,F403
from d2l_gan.toy import *  # noqa: F401,F403
from d2l_gan.utils import *  # noqa: F401,F403

d2l = sys.modules[__name__]  # kaydedilen kod d2l.ad'ı bölümdeki gibi çağırır


def bind(namespace):
    """Kaydedilen ortak işlevlerin, genel adlarını `namespace`'te arayan kopyaları.

    Bölümde etiketsiz bir hücre, okurun seçtiği çerçevenin adlarını görür ve
    `mlp_critic` ya da `d2l.ring_nets` gibi çerçeveye özgü yardımcıları çağırabilir.
    Her çerçeve modülü bu kopyaları kendi adlarıyla yükler (`globals().update(...)`),
    böylece aynı kod pakette de o çerçeveyle çalışır. Sınıflar kopyalanmaz.
    """
    copies = {}
    for name in __all__:
        f = globals()[name]
        if isinstance(f, types.FunctionType):
            copy = types.FunctionType(
                f.__code__, namespace, name, f.__defaults__, f.__closure__
            )
            copy.__kwdefaults__ = f.__kwdefaults__
            copies[name] = functools.update_wrapper(copy, f)
    return copies


# ---- Aşağısı bölümlerden üretilir (#@save); elle değiştirmeyin ----


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


# -- book/kucuk_veri.ipynb
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


def diff_augment(X):
    """DiffAugment: renk, kaydırma ve kesip çıkarma; hepsi X'e göre türevlenebilir."""
    return augment_cutout(augment_translation(augment_color(X)))


R1_EVERY = 4


EMA_HALF_LIFE = 500


def r1_gamma(gamma, step):
    """Tembel R1: ceza her R1_EVERY adımda bir, R1_EVERY katı ağırlıkla eklenir."""
    return gamma * R1_EVERY if gamma > 0 and step % R1_EVERY == 0 else 0.0


def ema_beta(step, half_life=EMA_HALF_LIFE):
    """EMA katsayısı: yarılanma ömrü `half_life` adım; başta (t+1)/(t+10)."""
    return min(0.5 ** (1 / half_life), (1 + step) / (10 + step))


# -- book/tuzaklar.ipynb
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
    """Anlık görüntülerdeki örnekleri modların 3σ çemberleriyle yan yana çizer.

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


# -- book/wgan.ipynb
PROBE_SHIFT = np.array([0.5, 0.0], dtype=np.float32)


def shifted_ring_batch(n, rng):
    """Halkadan n örnek ve 0.5 sağa kaydırılmış halkadan n örnek (numpy, float32)."""
    real = d2l.ring_gaussians(n, seed=int(rng.integers(2 ** 31)))
    shifted = d2l.ring_gaussians(n, seed=int(rng.integers(2 ** 31))) + PROBE_SHIFT
    return real, shifted  # aralarındaki W1 tam 0.5


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


def ring_models(method, lr, latent_dim=64, seed=0):
    """Halka deneyinin ağları, eniyileştiricileri ve eleştirmen adımı ayarları."""
    d2l.set_seed(seed)  # aynı tohum, aynı başlangıç ağırlıkları
    net_G, _ = d2l.ring_nets(latent_dim)
    net_D = mlp_critic((2,), spectral_norm=method == 'wgan-sn')
    return (net_D, net_G, *wgan_trainers(method, net_D, net_G, lr))


def ring_snapshot(method, step, fake):
    """Anlık görüntünün satırını yazar (kapsanan mod, yüksek kaliteli pay)."""
    r = d2l.ring_report(fake)
    print(f'{method} adım {step}: {r["modes"]}/{d2l.RING_MODES} mod, '
          f'yüksek kaliteli pay {r["hq"]:.3f}')
    return step, fake


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


INPUT_NORMS = {
    # RGB [0, 1] görüntü x -> (x - ortalama) / ölçek; üçüncü öğe: kanallar BGR'ye
    'imagenet': ((0.485, 0.456, 0.406), (0.229, 0.224, 0.225), False),
    'caffe': ((0.4811, 0.4575, 0.4079), (1 / 255, 1 / 255, 1 / 255), True)}


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


__all__ = [
    'image_grid',
    'show_images',
    'epoch_line',
    'speed_line',
    'train_epochs',
    'plot_history',
    'quality',
    'CPUClock',
    'diff_augment',
    'R1_EVERY',
    'EMA_HALF_LIFE',
    'r1_gamma',
    'ema_beta',
    'ring_report',
    'print_ring',
    'plot_ring_snapshots',
    'PROBE_SHIFT',
    'shifted_ring_batch',
    'train_probe',
    'ring_models',
    'ring_snapshot',
    'VGG_CONFIGS',
    'relu_indices',
    'INPUT_NORMS',
    'FeatureNet',
]
