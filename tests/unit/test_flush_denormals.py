"""`flush_denormals` (küçük veri bölümünün PyTorch ve MXNet sekmeleri): denormal
sayıları sıfır saydırır ve okurun sayfasına numpy uyarısı düşürmez. Ayar ve numpy'nin
`finfo` önbelleği süreç geneli olduğundan her durum taze bir alt süreçte denenir."""

import os
import subprocess
import sys
import textwrap

import pytest

PROGRAM = textwrap.dedent(
    """
    import warnings
    import numpy as np
    from d2l_gan import {module} as d2l
    warnings.simplefilter('error')  # bundan sonra her uyarı hata olsun
    supported = {call}
    tiny = np.float32(1e-39)  # float32'de denormal; ayar ana iş parçacığınındır
    assert bool(tiny * np.float32(1) == 0) is supported, supported
    d2l.show_images(np.random.default_rng(0).random((4, 8, 8, 3)), 4)
    d2l.plt.gcf().canvas.draw()
    print('tamam', supported)
    """
)


def run(call, module='torch'):
    return subprocess.run(
        [sys.executable, '-c', PROGRAM.format(call=call, module=module)],
        capture_output=True,
        text=True,
        env=dict(os.environ, MPLBACKEND='Agg'),
    )


@pytest.mark.parametrize('module', ['torch', 'mxnet'])
def test_flushes_denormals_without_numpy_warning(module):
    out = run('d2l.flush_denormals()', module)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith('tamam')


def test_flushing_alone_would_make_numpy_warn():
    """Karşı deneme: `finfo` önceden hesaplanmadan sıfır saymak numpy'yi uyarttırır
    (işlemci sıfır saymayı desteklemiyorsa uyarı da yoktur: deneme atlanır)."""
    out = run('__import__("torch").set_flush_denormal(True)')
    if 'tamam False' in out.stdout:
        pytest.skip('işlemci denormalleri sıfır saymayı desteklemiyor')
    assert out.returncode != 0
    assert 'smallest subnormal' in out.stderr
