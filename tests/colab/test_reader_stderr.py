"""Colab yığını denetiminin stderr süzgeci: bilinen TensorFlow başlangıç
bildirimlerini geçirir, okurun görmemesi gereken her şeyi yakalar."""

from reader_stderr import unexpected_stderr

# tensorflow-cpu 2.21'in oneDNN'i açık bir işlemcide `import tensorflow` ile yazdığı
# satırlar (bu makinede, AMD EPYC, `TF_CPP_MIN_LOG_LEVEL=2` iken yakalandı).
ONEDNN_NOTICE = """\
WARNING: All log messages before absl::InitializeLog() is called are written to STDERR
I0000 00:00:1796400463.181706    5250 port.cc:153] oneDNN custom operations are on. \
You may see slightly different numerical results due to floating-point round-off \
errors from different computation orders. To turn them off, set the environment \
variable `TF_ENABLE_ONEDNN_OPTS=0`.
"""

# tensorflow-cpu 2.20'nin (Colab'ınki) aynı bildirimleri, eski (TSL) biçimde: bu
# makinede (AMD EPYC, AVX-512) TF_CPP_MIN_LOG_LEVEL ayarlanmadan yakalandı.
ONEDNN_NOTICE_TSL = """\
2026-12-04 16:06:36.930635: I tensorflow/core/util/port.cc:153] oneDNN custom \
operations are on. You may see slightly different numerical results due to \
floating-point round-off errors from different computation orders. To turn them off, \
set the environment variable `TF_ENABLE_ONEDNN_OPTS=0`.
2026-12-04 16:06:36.960326: I tensorflow/core/platform/cpu_feature_guard.cc:210] This \
TensorFlow binary is optimized to use available CPU instructions in \
performance-critical operations.
To enable the following instructions: AVX2 AVX512F AVX512_VNNI AVX512_BF16 AVX_VNNI \
FMA, in other operations, rebuild TensorFlow with the appropriate compiler flags.
"""


def test_known_tensorflow_start_up_notices_pass():
    assert unexpected_stderr(ONEDNN_NOTICE) == []
    assert unexpected_stderr(ONEDNN_NOTICE_TSL) == []


def test_python_warnings_are_caught_even_after_a_notice():
    warnings = [
        '/content/x.py:3: UserWarning: The given NumPy array is not writable',
        '  warnings.warn(',
        '.../keras/src/layers/core/dense.py:93: DeprecationWarning: `input_dim` is'
        ' deprecated',
    ]
    found = unexpected_stderr(ONEDNN_NOTICE + '\n'.join(warnings))
    assert found == warnings


def test_other_tensorflow_log_lines_are_caught():
    lines = [
        'W0000 00:00:1764859712.5 31337 port.cc:153] oneDNN custom operations are on.',
        'E0000 00:00:1764859712.5 31337 cuda_dnn.cc:8310] Unable to register cuDNN',
        '2026-12-04 16:06:36.9: E tensorflow/core/grappler/optimizers/meta_optimizer.cc'
        ':967] remapper failed: INVALID_ARGUMENT',
        'oneDNN custom operations are on.',
        'Traceback (most recent call last):',
    ]
    assert unexpected_stderr('\n'.join(lines)) == lines
