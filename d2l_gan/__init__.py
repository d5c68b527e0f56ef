"""GAN Kitabı'nın yardımcı paketi.

Çerçeveye özgü yardımcılar ayrı modüllerdedir ve yalnızca içe aktarıldıklarında
kendi çerçevelerini yükler::

    from d2l_gan import torch as d2l       # ya da tensorflow, mxnet

Bu dosya hiçbir çerçeveyi içe aktarmaz; bir defterin yalnızca kendi çerçevesini
yüklemesi buna dayanır.
"""

__version__ = '0.1.0'
