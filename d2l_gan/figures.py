"""Bölümlerin şekil çizen uzun yardımcıları (yalnızca numpy ve matplotlib).

Bölümlerde gösterilmeye değmeyen çizim ayrıntıları buradadır: Giriş bölümünün GAN
şeması ve maliyet ağının ısı haritası, Temel GAN bölümünün kovaryans elipsleri.
Her çerçeve modülü bu adları sunar: ``d2l.draw_gan_diagram()``.
"""

import numpy as np
from matplotlib import pyplot as plt
from matplotlib.patches import FancyBboxPatch

from d2l_gan.plotting import set_figsize
from d2l_gan.toy import gaussian_stats

__all__ = ['draw_gan_diagram', 'draw_gaussian_fit', 'draw_cost_map']


def _box(ax, x, y, w, h, text, color):
    """Köşeleri yuvarlatılmış, ortasında yazı olan bir kutu."""
    ax.add_patch(
        FancyBboxPatch(
            (x, y),
            w,
            h,
            boxstyle='round,pad=0.05',
            facecolor=color,
            edgecolor='black',
            lw=1.2,
        )
    )
    ax.text(x + w / 2, y + h / 2, text, ha='center', va='center', fontsize=9.5)


def _arrow(ax, start, end, **style):
    ax.annotate(
        '', xy=end, xytext=start, arrowprops=dict(arrowstyle='->', lw=1.5, **style)
    )


def draw_gan_diagram():
    """GAN'ın iki ağını ve veri ile gradyanın akışını gösteren şema."""
    set_figsize()
    fig, ax = plt.subplots(figsize=(7.5, 3.2))
    ax.set_xlim(0, 10.4)
    ax.set_ylim(-0.2, 4.4)
    ax.axis('off')
    noise = 'gürültü\n$\\mathbf{z} \\sim \\mathcal{N}(\\mathbf{0}, \\mathbf{I})$'
    _box(ax, 0.1, 0.9, 1.8, 1.0, noise, '#eeeeee')
    _box(ax, 2.5, 0.9, 1.5, 1.0, 'Üretici\n$G$', '#fdd9b5')
    _box(ax, 4.6, 0.9, 1.8, 1.0, 'üretilmiş örnek\n$G(\\mathbf{z})$', '#ffffff')
    _box(
        ax,
        4.6,
        2.9,
        1.8,
        1.0,
        'gerçek örnek\n$\\mathbf{x} \\sim p_{\\mathrm{veri}}$',
        '#ffffff',
    )
    _box(ax, 7.0, 1.9, 1.4, 1.0, 'Ayrımcı\n$D$', '#c6dbef')
    ax.text(
        9.45,
        2.4,
        '$D(\\cdot) \\in (0, 1)$\n"gerçek mi?"',
        ha='center',
        va='center',
        fontsize=9.5,
    )
    # Veri akışı: gürültü -> G -> örnek -> D, gerçek örnek -> D
    for start, end in [
        ((1.95, 1.4), (2.45, 1.4)),
        ((4.05, 1.4), (4.55, 1.4)),
        ((6.45, 1.4), (6.95, 2.2)),
        ((6.45, 3.4), (6.95, 2.6)),
        ((8.45, 2.4), (8.75, 2.4)),
    ]:
        _arrow(ax, start, end)
    # Gradyanın yolu: üretici adımında D'nin içinden G'ye, ayrımcı adımında D'ye
    for start, end in [
        ((9.45, 1.95), (9.45, 0.25)),
        ((9.45, 0.25), (3.25, 0.25)),
        ((3.25, 0.25), (3.25, 0.85)),
    ]:
        _arrow(ax, start, end, ls='--', color='C3')
    _arrow(
        ax,
        (9.45, 2.85),
        (7.7, 2.95),
        ls='--',
        color='C0',
        connectionstyle='arc3,rad=0.5',
    )
    ax.text(
        6.3,
        0.4,
        'üretici adımı: üretilmiş örnek "gerçek" (1) etiketiyle',
        fontsize=8.5,
        color='C3',
        ha='center',
        va='bottom',
    )
    ax.text(
        8.9,
        3.95,
        'ayrımcı adımı: gerçek 1, üretilmiş 0',
        fontsize=8.5,
        color='C0',
        ha='center',
        va='bottom',
    )
    return fig


def _ellipse(mean, cov, n_std, num=100):
    """Kovaryans elipsinin (n_std standart sapma) kenar noktaları."""
    t = np.linspace(0, 2 * np.pi, num)
    vals, vecs = np.linalg.eigh(cov)
    circle = np.stack([np.cos(t), np.sin(t)])
    return (vecs @ (n_std * np.sqrt(np.maximum(vals, 0))[:, None] * circle)).T + mean


def draw_gaussian_fit(ax, real, fake, n_std=2):
    """Gerçek ve üretilmiş noktaları, her birinin 2σ kovaryans elipsiyle çizer.

    Noktalar soluk ve küçüktür; elipsler beyaz bir kenarla noktaların üstünde
    çizilir, böylece iki elips her zaman görünür. Gösterge noktaları ve elipsleri
    birlikte adlandırır.
    """
    ax.cla()
    for pts, color, name in ((real, 'C0', 'gerçek'), (fake, 'C1', 'üretilmiş')):
        pts = np.asarray(pts)
        ax.scatter(pts[:, 0], pts[:, 1], s=3, alpha=0.25, color=color, lw=0, label=name)
    for pts, color, name, ls in (
        (real, 'C0', 'gerçek', '-'),
        (fake, 'C1', 'üretilmiş', '--'),
    ):
        ring = _ellipse(*gaussian_stats(pts), n_std)
        ax.plot(ring[:, 0], ring[:, 1], color='white', lw=4, zorder=3)
        ax.plot(
            ring[:, 0],
            ring[:, 1],
            color=color,
            lw=2,
            ls=ls,
            zorder=4,
            label=f'{name}: {n_std}σ elipsi',
        )
    ax.set_xlabel('$x_1$')
    ax.set_ylabel('$x_2$')
    legend = ax.legend(loc='upper left', fontsize='x-small', markerscale=3)
    for handle in legend.legend_handles:
        handle.set_alpha(1)  # göstergede noktalar soluk değil


def draw_cost_map(ax, grid_x1, grid_x2, costs, real, fake, vmax, title, zoom=None):
    """Maliyet ağının ızgaradaki değerleri (ısı haritası), gerçek ve üretilmiş noktalar.

    `zoom` (yarı genişlik) verilirse üretilmiş noktaların ortalamasının çevresi
    sağ alttaki büyüteçte ayrıca gösterilir: küçük bir kümeye yığılmış noktaların
    altındaki maliyet tümseği ancak böyle görünür. Isı haritasının nesnesini döndürür.
    """
    costs = costs.reshape(grid_x1.shape)
    style = dict(cmap='viridis', vmin=0, vmax=vmax, shading='auto')
    mesh = ax.pcolormesh(grid_x1, grid_x2, costs, **style)
    ax.scatter(
        real[:, 0], real[:, 1], s=2, color='white', alpha=0.7, lw=0, label='gerçek'
    )
    ax.scatter(fake[:, 0], fake[:, 1], s=2, color='C3', lw=0, label='üretilmiş')
    ax.set_xlim(grid_x1.min(), grid_x1.max())
    ax.set_ylim(grid_x2.min(), grid_x2.max())
    ax.set_title(title, fontsize=10)
    ax.set_xlabel('$x_1$')
    if zoom is not None:
        cx, cy = np.asarray(fake).mean(axis=0)
        inset = ax.inset_axes([0.45, 0.03, 0.52, 0.34])
        inset.pcolormesh(grid_x1, grid_x2, costs, **{**style, 'shading': 'gouraud'})
        inset.scatter(fake[:50, 0], fake[:50, 1], s=1, color='C3', lw=0)
        inset.set_xlim(cx - zoom, cx + zoom)
        inset.set_ylim(cy - zoom * 0.6, cy + zoom * 0.6)
        inset.set_xticks([])
        inset.set_yticks([])
        ax.indicate_inset_zoom(inset, edgecolor='white')
    return mesh
