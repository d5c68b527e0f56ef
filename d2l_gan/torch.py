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
