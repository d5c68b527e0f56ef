"""Çizim yardımcıları (numpy, matplotlib ve Pillow; hiçbir derin öğrenme çerçevesi yok).

Kitabın bütün şekilleri tek bir görünümü paylaşır:

- Renkler ve çizgiler `FMTS` sırasındadır: birinci eğri mavi düz, ikinci turuncu
  kesikli, üçüncü yeşil noktalı-kesikli, dördüncü kırmızı noktalı, ... (matplotlib'in
  on rengi, sırayla dört çizgi türüyle). GAN kayıplarında
  ayrımcı birinci, üretici ikinci eğridir; bölümler bu renkleri değiştirmez.
- Defterde şekiller PNG'dir ve yüksek çözünürlüklü ekranlarda keskin görünsün diye
  iki kat piksel yoğunluğuyla (200 dpi) çizilir, 100 dpi'lık boyutta gösterilir.
  Defterler küçük kalsın diye: 256 renge indirilmiş hali aslına yeterince yakınsa
  (PSNR >= `PALETTE_MIN_PSNR` dB; eğri ve saçılım çizimleri) paletli PNG saklanır;
  resimler (`imshow`) en yakın komşu aradeğerlemesiyle büyütülür, piksel blokları iyi
  sıkışır.
"""

import base64
import inspect
import io
import itertools
import sys

import numpy as np
from matplotlib import pyplot as plt

__all__ = ['plt', 'FMTS', 'set_figsize', 'set_axes', 'plot', 'Animator']

# Eğrilerin biçimleri, sırayla (GAN kayıplarında: ayrımcı, üretici, ...): matplotlib'in
# on renginin her biri bir çizgi türüyle; on eğriye kadar iki eğri aynı görünmez.
FMTS = ('C0-', 'C1--', 'C2-.', 'C3:', 'C4-', 'C5--', 'C6-.', 'C7:', 'C8-', 'C9--')
DPI = 100  # şeklin gösterildiği boyut: inç başına piksel
PALETTE_MIN_PSNR = 45.0  # dB; paletli PNG bundan uzaksa tam renkli PNG saklanır


def _notebook_shell():
    """Bir Jupyter çekirdeğinde çalışıyorsak IPython kabuğunu, değilse None döndürür."""
    ipython = sys.modules.get('IPython')  # IPython yüklü değilse içe aktarmayız
    shell = ipython.get_ipython() if ipython is not None else None
    return shell if getattr(shell, 'kernel', None) is not None else None


def _small_png(png):
    """İki kat yoğunluklu PNG'yi küçültür: palet yeterince aslına yakınsa paletli,
    değilse tam renkli (saydamlık yoksa alfa kanalı olmadan) PNG."""
    from PIL import Image

    image = Image.open(io.BytesIO(png))
    if image.mode == 'RGBA' and image.getextrema()[3][0] < 255:
        return png  # saydam şekil: olduğu gibi
    rgb = image.convert('RGB')
    palette = rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    diff = np.asarray(rgb, float) - np.asarray(palette.convert('RGB'), float)
    error = np.mean(diff**2)
    faithful = error == 0 or 10 * np.log10(255**2 / error) >= PALETTE_MIN_PSNR
    best = palette if faithful else rgb
    buffer = io.BytesIO()
    best.save(buffer, 'PNG', optimize=True)
    return min(buffer.getvalue(), png, key=len)


def _sharp_png(fig):
    """Defterdeki PNG biçimleyicisi: iki kat yoğunluklu, küçültülmüş PNG (base64) ve
    gösterim genişliği; IPython'un `retina` biçimi gibi."""
    from IPython.core.pylabtools import retina_figure

    result = retina_figure(fig)
    if result is None:  # boş şekil
        return None
    png, size = result
    # Yalnızca genişlik: dar ekranda resim küçülürken en-boy oranı korunur.
    return base64.b64encode(_small_png(png)).decode('ascii'), {'width': size['width']}


def _use_png():
    """Şekiller 100 dpi boyutunda, iki kat yoğunlukta; defterde yalnızca PNG."""
    plt.rcParams['figure.dpi'] = DPI
    plt.rcParams['image.interpolation'] = 'nearest'
    shell = _notebook_shell()
    if shell is not None:
        from IPython.core.pylabtools import select_figure_formats
        from matplotlib.figure import Figure

        try:
            # Satır içi arka uç ilk şekilde yüklenirken biçimleri kendi ayarına
            # döndürür; önce yüklensin ki bizim biçimimiz kalsın.
            import matplotlib_inline.backend_inline  # noqa: F401
        except ImportError:
            pass
        select_figure_formats(shell, 'png')
        shell.display_formatter.formatters['image/png'].for_type(Figure, _sharp_png)


def set_figsize(figsize=(3.5, 2.5)):
    """Varsayılan şekil boyutunu (inç) ayarlar; defterde şekiller keskin PNG olur."""
    _use_png()
    plt.rcParams['figure.figsize'] = figsize


def set_axes(
    axes,
    xlabel=None,
    ylabel=None,
    xlim=None,
    ylim=None,
    xscale='linear',
    yscale='linear',
    legend=None,
):
    """Eksenin etiketlerini, sınırlarını, ölçeklerini ve göstergesini ayarlar."""
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.set_xscale(xscale)
    axes.set_yscale(yscale)
    if xlim is not None:
        axes.set_xlim(xlim)
    if ylim is not None:
        axes.set_ylim(ylim)
    if legend:
        axes.legend(legend)
    axes.grid(True)


def _check_axes_options(options, who):
    """`set_axes`'ın tanımadığı bir ayar adı (ör. yazım hatası) hemen hata verir."""
    unknown = set(options) - set(inspect.signature(set_axes).parameters)
    if unknown:
        raise TypeError(f'{who} bu ayarları tanımıyor: {sorted(unknown)}')


def _as_series(data):
    """Tek bir diziyi ya da dizilerden oluşan bir listeyi dizi listesine çevirir."""
    if data is None:
        return None
    if hasattr(data, 'ndim'):
        single = data.ndim == 1
    else:
        single = not hasattr(data[0], '__len__')
    return [data] if single else list(data)  # tek eğri ya da eğri listesi


def plot(
    X,
    Y=None,
    xlabel=None,
    ylabel=None,
    fmts=FMTS,
    figsize=(3.5, 2.5),
    axes=None,
    **options,
):
    """Bir ya da birkaç eğri çizer.

    `Y` verilmezse `X` çizilecek değerlerdir (yatay eksen 0, 1, 2, ...).
    `X` tek bir diziyse bütün eğriler onu paylaşır. `axes` verilmezse yeni bir
    şekil açılır. `options`: `set_axes`'ın öteki ayarları (legend, xlim, yscale, ...).
    """
    _check_axes_options(options, 'plot')
    X, Y = _as_series(X), _as_series(Y)
    if Y is None:
        X, Y = [None] * len(X), X
    elif len(X) == 1:
        X = X * len(Y)
    if axes is None:
        _use_png()
        axes = plt.figure(figsize=figsize).gca()
    axes.cla()
    for x, y, fmt in zip(X, Y, itertools.cycle(fmts)):
        if x is None:
            axes.plot(y, fmt)
        else:
            axes.plot(x, y, fmt)
    set_axes(axes, xlabel, ylabel, **options)


class Animator:
    """Eğitim sürerken eğrileri canlı çizer.

    `add(x, y)` her eğriye bir nokta ekler ve `axes[0]`'ı yeniden çizer. Jupyter'de
    şekil bir kez gösterilir, sonraki çizimler aynı çıktıyı yerinde günceller; defterde
    sonunda tek bir şekil kalır. Başka bir eksene (`axes[1]` ...) kendiniz çizdikten
    sonra `show()` çağırın. Düz Python'da hiçbir şey göstermez ve beklemez.
    """

    def __init__(
        self, legend=None, fmts=FMTS, nrows=1, ncols=1, figsize=(3.5, 2.5), **axes
    ):
        """`axes`: `set_axes`'ın eksen ayarları (xlabel, ylabel, xlim, ylim, ...)."""
        _check_axes_options(axes, 'Animator')
        _use_png()
        self.fig, axes_grid = plt.subplots(nrows, ncols, figsize=figsize, squeeze=False)
        self.axes = list(axes_grid.flat)
        self._shell = _notebook_shell()
        if self._shell is not None:
            # Şekli kendimiz göstereceğiz; pyplot hücre sonunda bir daha göstermesin.
            plt.close(self.fig)
        self.legend = list(legend) if legend else []
        self.fmts = fmts
        self._config = axes
        self.X, self.Y = None, None
        self._handle = None

    def add(self, x, y):
        """Noktaları ekler: `y` bir sayı ya da eğri başına bir değer (None: atla)."""
        ys = [y] if np.ndim(y) == 0 else list(y)
        xs = [x] * len(ys) if np.ndim(x) == 0 else list(x)
        if self.X is None:
            self.X = [[] for _ in ys]
            self.Y = [[] for _ in ys]
        for i, (a, b) in enumerate(zip(xs, ys)):
            if a is not None and b is not None:
                self.X[i].append(float(a))
                self.Y[i].append(float(b))
        ax = self.axes[0]
        ax.cla()
        # Her eğri kendi adıyla çizilir; gösterge ile eğriler karışamaz.
        curves = zip(self.X, self.Y, itertools.cycle(self.fmts))
        for i, (xi, yi, fmt) in enumerate(curves):
            label = self.legend[i] if i < len(self.legend) else None
            ax.plot(xi, yi, fmt, label=label)
        set_axes(ax, **self._config)
        if self.legend:
            ax.legend()
        self.show()

    def show(self):
        """Şekli yeniden çizer; defterde aynı çıktıyı yerinde günceller."""
        if self._shell is None:
            self.fig.canvas.draw_idle()
        elif self._handle is None:
            from IPython.display import display

            self._handle = display(self.fig, display_id=True)
        else:
            self._handle.update(self.fig)

    def close(self):
        """Şekli kapatır (belleği bırakır); gösterilmiş çıktı olduğu gibi kalır."""
        plt.close(self.fig)


# `from d2l_gan import torch as d2l` ile birlikte: bölümün ilk şekli de keskin PNG olur,
# `d2l.plt` ile doğrudan çizilse bile.
_use_png()
