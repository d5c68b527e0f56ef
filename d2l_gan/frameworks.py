"""Kitabın çerçeve sözlüğü: tek yerde; araç, testler ve ölçümler buradan alır.

Her çerçevenin dört adı vardır: kitabın adı (etiket ve dosya adı: `pytorch`),
okura gösterilen adı (`PyTorch`), Python'daki üst modülün adı (`torch`; paketin
çerçeve modülü de aynı adı taşır: `d2l_gan.torch`) ve hücre kimliklerinin son eki
(`pt`: `egit-pt`). Sıra her yerde aynıdır: PyTorch, TensorFlow, MXNet.
"""

FRAMEWORKS = ('pytorch', 'tensorflow', 'mxnet')
LABELS = {'pytorch': 'PyTorch', 'tensorflow': 'TensorFlow', 'mxnet': 'MXNet'}
MODULES = {'pytorch': 'torch', 'tensorflow': 'tensorflow', 'mxnet': 'mxnet'}
SUFFIXES = {'pytorch': 'pt', 'tensorflow': 'tf', 'mxnet': 'mx'}
