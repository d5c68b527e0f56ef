"""PyTorch yardımcıları: ``from d2l_gan import torch as d2l``.

Yalnızca PyTorch'u yükler; çerçeveden bağımsız yardımcılar (çizim, zamanlama,
oyuncak dağılımlar) buradan da kullanılabilir.
"""
import random

import numpy as np
import torch
from torch.utils import data

from d2l_gan.utils import *      # noqa: F401,F403
from d2l_gan.plotting import *   # noqa: F401,F403
from d2l_gan.toy import *        # noqa: F401,F403


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
    return loss_D.detach()  # .item() yok: ana belleğe kopyalamayı sonraya bırakırız


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
    from d2l_gan.data import load_pokemon_array
    images = load_pokemon_array(size)
    if num_images is not None:
        images = images[:num_images]
    device = try_gpu() if device is None else device
    X = torch.as_tensor(images).permute(0, 3, 1, 2).to(device)
    return _Minibatches(X.contiguous(memory_format=torch.channels_last), batch_size)

