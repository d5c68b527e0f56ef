"""Çizim yardımcıları (yalnızca numpy ve matplotlib; hiçbir derin öğrenme çerçevesi yok)."""
import itertools
import sys

import numpy as np
from matplotlib import pyplot as plt

__all__ = ['plt', 'set_figsize', 'set_axes', 'plot', 'Animator']


def _notebook_shell():
    """Bir Jupyter çekirdeğinde çalışıyorsak IPython kabuğunu, değilse None döndürür."""
    ipython = sys.modules.get('IPython')  # IPython yüklü değilse içe aktarmayız
    shell = ipython.get_ipython() if ipython is not None else None
    return shell if getattr(shell, 'kernel', None) is not None else None


def _use_png():
    """Şekiller 100 dpi olsun; defterde SVG değil yalnızca PNG gösterilsin."""
    plt.rcParams['figure.dpi'] = 100
    shell = _notebook_shell()
    if shell is not None:
        from IPython.core.pylabtools import select_figure_formats
        select_figure_formats(shell, 'png')


def set_figsize(figsize=(3.5, 2.5)):
    """Varsayılan şekil boyutunu (inç) ayarlar; defterde şekiller 100 dpi PNG olur."""
    _use_png()
    plt.rcParams['figure.figsize'] = figsize


def set_axes(axes, xlabel=None, ylabel=None, xlim=None, ylim=None,
             xscale='linear', yscale='linear', legend=None):
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


def _as_series(data):
    """Tek bir diziyi ya da dizilerden oluşan bir listeyi dizi listesine çevirir."""
    if data is None:
        return None
    if hasattr(data, 'ndim'):
        single = data.ndim == 1
    else:
        single = not hasattr(data[0], '__len__')
    return [data] if single else list(data)  # tek eğri ya da eğri listesi


def plot(X, Y=None, xlabel=None, ylabel=None, legend=None, xlim=None,
         ylim=None, xscale='linear', yscale='linear',
         fmts=('-', 'm--', 'g-.', 'r:'), figsize=(3.5, 2.5), axes=None):
    """Bir ya da birkaç eğri çizer.

    `Y` verilmezse `X` çizilecek değerlerdir (yatay eksen 0, 1, 2, ...).
    `X` tek bir diziyse bütün eğriler onu paylaşır. `axes` verilmezse yeni bir
    şekil açılır.
    """
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
    set_axes(axes, xlabel, ylabel, xlim, ylim, xscale, yscale, legend)


class Animator:
    """Eğitim sürerken eğrileri canlı çizer.

    `add(x, y)` her eğriye bir nokta ekler ve `axes[0]`'ı yeniden çizer. Jupyter'de
    şekil bir kez gösterilir, sonraki çizimler aynı çıktıyı yerinde günceller; defterde
    sonunda tek bir şekil kalır. Başka bir eksene (`axes[1]` ...) kendiniz çizdikten
    sonra `show()` çağırın. Düz Python'da hiçbir şey göstermez ve beklemez.
    """

    def __init__(self, xlabel=None, ylabel=None, legend=None, xlim=None,
                 ylim=None, xscale='linear', yscale='linear',
                 fmts=('-', 'm--', 'g-.', 'r:'), nrows=1, ncols=1,
                 figsize=(3.5, 2.5)):
        _use_png()
        self.fig, axes = plt.subplots(nrows, ncols, figsize=figsize, squeeze=False)
        self.axes = list(axes.flat)
        self._shell = _notebook_shell()
        if self._shell is not None:
            # Şekli kendimiz göstereceğiz; pyplot hücre sonunda bir daha göstermesin.
            plt.close(self.fig)
        self.legend = list(legend) if legend else []
        self.fmts = fmts
        self._config = dict(xlabel=xlabel, ylabel=ylabel, xlim=xlim, ylim=ylim,
                            xscale=xscale, yscale=yscale)
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
        for i, (xi, yi, fmt) in enumerate(zip(self.X, self.Y, itertools.cycle(self.fmts))):
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
