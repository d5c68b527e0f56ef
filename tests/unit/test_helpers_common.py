"""Çerçeveden bağımsız yardımcıların testleri: Timer, Accumulator, çizim."""

import base64
import io
import types

import matplotlib

matplotlib.use('Agg')  # noqa: E402  (ekransız)
import numpy as np
import pytest
from matplotlib import pyplot as plt
from PIL import Image

from d2l_gan import plotting, utils
from d2l_gan.plotting import Animator, plot, set_axes, set_figsize
from d2l_gan.utils import Accumulator, Timer

# --- Timer ve Accumulator -------------------------------------------------------


def test_timer_records_each_interval(monkeypatch):
    clock = iter([10.0, 11.0, 20.0, 23.0])
    monkeypatch.setattr(utils.time, 'perf_counter', lambda: next(clock))
    timer = Timer()  # 10
    assert timer.stop() == 1.0  # 11
    timer.start()  # 20
    timer.stop()  # 23
    assert timer.times == [1.0, 3.0]
    assert timer.sum() == 4.0
    assert timer.avg() == 2.0
    assert timer.cumsum() == [1.0, 4.0]


class _Lazy:
    """Cihazdaki bir tensör gibi: toplanabilir, `float` ile okunması sayılır."""

    reads = 0

    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return _Lazy(self.v + (other.v if isinstance(other, _Lazy) else other))

    __radd__ = __add__

    def __float__(self):
        _Lazy.reads += 1
        return float(self.v)


def test_accumulator_sums_reads_and_resets():
    acc = Accumulator(2)
    acc.add(1, 2.5)
    acc.add(3, 0.5)
    assert (acc[0], acc[1]) == (4.0, 3.0)
    assert isinstance(acc[0], float)
    acc.reset()
    assert (acc[0], acc[1]) == (0.0, 0.0)
    with pytest.raises(ValueError):
        acc.add(1)


def test_accumulator_does_not_read_values_on_add():
    _Lazy.reads = 0
    acc = Accumulator(1)
    for v in (1, 2, 3):
        acc.add(_Lazy(v))
    assert _Lazy.reads == 0  # eklerken ana belleğe okuma yok
    assert acc[0] == 6.0
    assert _Lazy.reads == 1  # okurken bir kez


# --- set_figsize, set_axes, plot -----------------------------------------------


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close('all')


def _fake_notebook(monkeypatch):
    """Sahte bir Jupyter çekirdeği: gerçek IPython biçimleyicileri, sahte display."""
    import IPython.display
    from IPython.core.formatters import DisplayFormatter

    shell = types.SimpleNamespace(kernel=object(), display_formatter=DisplayFormatter())
    # IPython.get_ipython'ı değil bunu değiştiriyoruz: pyplot da get_ipython'a bakar.
    monkeypatch.setattr(plotting, '_notebook_shell', lambda: shell)
    calls = types.SimpleNamespace(displayed=[], updated=[])

    class Handle:
        def update(self, obj):
            calls.updated.append(obj)

    def display(obj, display_id=None):
        calls.displayed.append((obj, display_id))
        return Handle()

    monkeypatch.setattr(IPython.display, 'display', display)
    return shell, calls


def test_notebook_shell_detection(monkeypatch):
    import IPython

    kernel_shell = types.SimpleNamespace(kernel=object())
    for shell, expected in (
        (None, None),
        (types.SimpleNamespace(), None),
        (kernel_shell, kernel_shell),
    ):
        monkeypatch.setattr(IPython, 'get_ipython', lambda shell=shell: shell)
        assert plotting._notebook_shell() is expected  # terminal IPython: None


def _shown_png(shell, fig):
    """Defterin bu şekil için sakladığı PNG ve gösterim boyutu."""
    data, metadata = shell.display_formatter.format(fig)
    assert 'image/png' in data and 'image/svg+xml' not in data
    image = Image.open(io.BytesIO(base64.b64decode(data['image/png'])))
    return image, metadata['image/png']


def test_set_figsize_sets_size_and_sharp_png_only_in_notebook(monkeypatch):
    shell, _ = _fake_notebook(monkeypatch)
    svg = shell.display_formatter.formatters['image/svg+xml']
    svg.for_type(matplotlib.figure.Figure, lambda fig: '<svg/>')  # eski bir ayar
    monkeypatch.setitem(plt.rcParams, 'figure.dpi', 72)
    set_figsize((4, 3))
    assert tuple(plt.rcParams['figure.figsize']) == (4, 3)
    fig = plt.figure()
    fig.gca().plot([0, 1])
    image, shown = _shown_png(shell, fig)
    # 100 dpi'lık boyutta gösterilir (kenar boşlukları kırpılmış 4 x 3 inç), iki kat
    # piksel yoğunluğuyla çizilir.
    assert set(shown) == {'width'}  # yükseklik en-boy oranından gelir
    assert 300 < shown['width'] <= 400 and 400 < image.height <= 600
    assert abs(image.width - 2 * shown['width']) <= 1


def test_curves_are_stored_as_faithful_palette_png(monkeypatch):
    shell, _ = _fake_notebook(monkeypatch)
    plot(
        np.arange(50),
        [np.sin(np.arange(50) / 5), np.cos(np.arange(50) / 5)],
        legend=['ayrımcı', 'üretici'],
    )
    image, _ = _shown_png(shell, plt.gcf())
    assert image.mode == 'P'  # 256 renk yeter: küçük dosya
    from IPython.core.pylabtools import retina_figure

    full = Image.open(io.BytesIO(retina_figure(plt.gcf())[0]))
    assert full.size == image.size
    error = np.mean(
        (
            np.asarray(full.convert('RGB'), float)
            - np.asarray(image.convert('RGB'), float)
        )
        ** 2
    )
    assert 10 * np.log10(255**2 / error) >= plotting.PALETTE_MIN_PSNR


def test_many_coloured_images_keep_full_colour(monkeypatch):
    shell, _ = _fake_notebook(monkeypatch)
    set_figsize((3, 3))
    plt.imshow(np.random.default_rng(0).random((64, 64, 3)))
    image, _ = _shown_png(shell, plt.gcf())
    assert image.mode == 'RGB'  # palet aslından uzak olurdu
    assert plt.gca().get_images()[0].get_interpolation() == 'nearest'


def test_loss_curves_share_one_colour_convention():
    """Birinci eğri (ayrımcı) mavi düz, ikinci (üretici) turuncu kesikli: plot ve
    Animator aynı biçimleri kullanır."""
    plot(np.arange(5), [np.arange(5), np.arange(5) + 1])
    animator = Animator(legend=['ayrımcı', 'üretici'])
    animator.add(1, [0.7, 0.9])
    animator.add(2, [0.6, 1.0])
    for axes in (plt.gcf().axes[0], animator.axes[0]):
        d, g = axes.get_lines()[:2]
        assert matplotlib.colors.same_color(d.get_color(), 'C0')
        assert matplotlib.colors.same_color(g.get_color(), 'C1')
        assert (d.get_linestyle(), g.get_linestyle()) == ('-', '--')
    animator.close()


def test_up_to_ten_curves_look_different():
    plot(np.arange(3), [np.arange(3) + k for k in range(10)])
    lines = plt.gca().get_lines()
    styles = {(line.get_color(), line.get_linestyle()) for line in lines}
    assert len(styles) == 10


def test_set_figsize_outside_ipython():
    set_figsize((2, 1))
    assert tuple(plt.rcParams['figure.figsize']) == (2, 1)
    assert plotting._notebook_shell() is None


def test_set_axes():
    ax = plt.figure().gca()
    ax.plot([1, 10], [1, 100])
    set_axes(ax, 'x', 'y', (1, 10), (1, 100), 'log', 'linear', ['a'])
    assert (ax.get_xlabel(), ax.get_ylabel()) == ('x', 'y')
    assert ax.get_xscale() == 'log' and ax.get_yscale() == 'linear'
    assert ax.get_xlim() == (1, 10) and ax.get_ylim() == (1, 100)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ['a']


def test_plot_single_and_multiple_series():
    ax = plt.figure().gca()
    x = np.arange(4)
    plot(x, [x**2, 2 * x], legend=['kare', 'çift'], axes=ax)
    lines = ax.get_lines()
    assert len(lines) == 2
    np.testing.assert_array_equal(lines[0].get_xdata(), x)  # x paylaşılır
    np.testing.assert_array_equal(lines[0].get_ydata(), x**2)
    np.testing.assert_array_equal(lines[1].get_ydata(), 2 * x)
    assert lines[1].get_linestyle() == '--'  # ikinci biçim 'm--'
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ['kare', 'çift']

    plot([3.0, 1.0, 2.0], axes=ax)  # Y yok: yatay eksen 0, 1, 2
    (line,) = ax.get_lines()  # önceki çizim silinir
    np.testing.assert_array_equal(line.get_xdata(), [0, 1, 2])
    np.testing.assert_array_equal(line.get_ydata(), [3, 1, 2])


def test_plot_without_axes_opens_a_figure_of_given_size():
    plot(np.arange(3), np.arange(3), figsize=(2, 1))
    assert tuple(plt.gcf().get_size_inches()) == (2, 1)
    assert len(plt.gca().get_lines()) == 1


# --- Animator -------------------------------------------------------------------


def test_animator_keeps_legend_matched_to_series():
    anim = Animator(xlabel='dönem', legend=['D kaybı', 'G kaybı'], xlim=(1, 3))
    anim.add(1, (0.7, 2.0))
    anim.add(2, (0.5, 3.0))
    anim.add(3, (None, 4.0))  # None: o eğriye nokta eklenmez
    ax = anim.axes[0]
    handles, labels = ax.get_legend_handles_labels()
    assert labels == ['D kaybı', 'G kaybı']
    series = dict(zip(labels, handles))
    assert list(series['D kaybı'].get_ydata()) == [0.7, 0.5]
    assert list(series['G kaybı'].get_ydata()) == [2.0, 3.0, 4.0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == labels
    assert ax.get_xlabel() == 'dönem' and ax.get_xlim() == (1, 3)
    anim.close()


def test_animator_outside_notebook_shows_nothing_and_closes():
    anim = Animator(nrows=1, ncols=2)
    assert isinstance(anim.axes, list) and len(anim.axes) == 2
    anim.add(1, 0.5)  # tek sayı: tek eğri
    anim.axes[1].imshow(np.zeros((2, 2)))
    anim.show()  # hata vermez, beklemez
    assert list(anim.axes[0].get_lines()[0].get_ydata()) == [0.5]
    assert anim.fig.number in plt.get_fignums()
    anim.close()
    assert anim.fig.number not in plt.get_fignums()


def test_animator_displays_once_then_updates_in_place(monkeypatch):
    _, calls = _fake_notebook(monkeypatch)
    anim = Animator(legend=['a'], nrows=2, ncols=1)
    # pyplot şekli tanımıyor: hücre sonunda ikinci bir kopya gösterilmez
    assert anim.fig.number not in plt.get_fignums()
    for epoch in range(1, 4):
        anim.add(epoch, [epoch**2])
    anim.axes[1].plot([0, 1])
    anim.show()
    assert calls.displayed == [(anim.fig, True)]
    assert calls.updated == [anim.fig] * 3
    anim.close()
