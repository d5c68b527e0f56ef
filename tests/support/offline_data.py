"""Veri testlerinin ortak parçaları: boş bir veri klasörü ve ağı kapatan `urlopen`.

`d2l_gan.data` indirmeleri `urllib.request.urlopen` ile yapar. Testler ağa hiç
çıkmaz: indirme yolunu `file://` adresleriyle sınar ya da `urlopen`'ı
`no_network` ile değiştirir.
"""

import urllib.error
import urllib.request

import pytest

from d2l_gan import data


def no_network(*args, **kwargs):
    raise urllib.error.URLError('ağ yok (test)')


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    """Boş bir veri klasörü ($D2L_GAN_DATA) ve boş bir görüntü önbelleği."""
    folder = tmp_path / 'veri'
    monkeypatch.setenv('D2L_GAN_DATA', str(folder))
    monkeypatch.setattr(data, '_IMAGE_CACHE', {})
    return folder
