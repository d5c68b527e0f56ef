"""Okurun defterde gördüğü stderr'den zararsız başlangıç bildirimlerini ayırır.

TensorFlow'un C++ çalışma zamanı (absl/glog günlüğü) içe aktarılırken, işlemciye göre,
birkaç bilgi satırı yazar: oneDNN'in özel işlemlerinin açık olduğu, günlüğün absl
başlamadan stderr'e gittiği ve ikilinin hangi CPU komutlarıyla derlendiği. Bunlar hata
ya da uyarı değildir; aynı satırlar okurun Colab oturumunda da çıkar ve yalnızca bazı
işlemcilerde görünür. tensorflow 2.20+ `TF_CPP_MIN_LOG_LEVEL=2` ile de susmaz.

Colab yığını denetimi bu satırları burada, tek yerde, kalıpla tanır; stderr'e yazılan
başka her şey (Python uyarıları, hatalar, beklenmeyen metin) denetimi düşürür.
Denetimin okurun gördüğünü görmeye devam etmesi için günlük düzeyi testte
değiştirilmez.
"""

import re

# Bilgi (I) düzeyli günlük satırının başı, iki biçimde: absl'ınki (tensorflow 2.21+)
# "I0000 00:00:1733312345.123456   4242 port.cc:153] " ve TSL'inki (2.20 ve öncesi)
# "2026-12-04 16:06:36.930635: I tensorflow/core/util/port.cc:153] ".
_INFO = (
    r'(?:I\d{4} \d\d:\d\d:[\d.]+\s+\d+ '
    r'|\d{4}-\d\d-\d\d \d\d:\d\d:[\d.]+: I [\w/]*)'
    r'[\w.]+\.cc:\d+\] '
)
KNOWN_NOTICES = (
    # absl günlüğü başlamadan önceki satırların stderr'e gittiğini bildirir.
    re.compile(
        r'WARNING: All log messages before absl::InitializeLog\(\) is called'
        r' are written to STDERR'
    ),
    # oneDNN'in özel işlemleri açık (işlemci destekliyorsa): sayısal yuvarlama notu.
    re.compile(_INFO + r'oneDNN custom operations are on\. '),
    # İkilinin kullandığı / kullanmadığı CPU komutları (cpu_feature_guard).
    re.compile(_INFO + r'This TensorFlow binary is optimized to use available CPU '),
    re.compile(
        r'To enable the following instructions: [\w ,.-]+, in other operations,'
        r' rebuild TensorFlow with the appropriate compiler flags\.'
    ),
)


def unexpected_stderr(text):
    """stderr metninin bilinen bir bildirimle başlamayan, boş olmayan satırları."""
    return [
        line
        for line in text.splitlines()
        if line.strip() and not any(p.match(line.strip()) for p in KNOWN_NOTICES)
    ]
