"""`flush_denormals` (küçük veri bölümünün PyTorch sekmesi): denormal sayıları sıfır
saydırır ve okurun sayfasına numpy uyarısı düşürmez. Ayar ve numpy'nin `finfo`
önbelleği süreç geneli olduğundan her durum taze bir alt süreçte denenir."""

import os
import subprocess
import sys
import textwrap

import pytest

PROGRAM = textwrap.dedent(
    """
    import warnings
    warnings.simplefilter('error')  # her uyarı hata olsun
    import numpy as np
    import torch
    from d2l_gan import torch as d2l
    supported = {call}
    tiny = torch.tensor([1e-39])  # float32'de denormal
    assert ((tiny * 1).item() == 0) is supported, supported
    d2l.show_images(np.random.default_rng(0).random((4, 8, 8, 3)), 4)
    d2l.plt.gcf().canvas.draw()
    print('tamam', supported)
    """
)


def run(call):
    return subprocess.run(
        [sys.executable, '-c', PROGRAM.format(call=call)],
        capture_output=True,
        text=True,
        env=dict(os.environ, MPLBACKEND='Agg'),
    )


def test_flushes_denormals_without_numpy_warning():
    out = run('d2l.flush_denormals()')
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith('tamam')


def test_flushing_alone_would_make_numpy_warn():
    """Karşı deneme: `finfo` önceden hesaplanmadan sıfır saymak numpy'yi uyarttırır
    (işlemci sıfır saymayı desteklemiyorsa uyarı da yoktur: deneme atlanır)."""
    out = run('torch.set_flush_denormal(True)')
    if 'tamam False' in out.stdout:
        pytest.skip('işlemci denormalleri sıfır saymayı desteklemiyor')
    assert out.returncode != 0
    assert 'smallest subnormal' in out.stderr
