"""Sphinx eklentisi: her bölümün başlığının altına "Colab'da aç" bağlantıları.

Çerçeve sekmesi olan her sayfanın başlığının altına, o bölümün her çerçeve için
üretilmiş defterine giden birer bağlantı eklenir:
`https://colab.research.google.com/github/<sahip>/<ad>/blob/<dal>/<klasör>/<çerçeve>/<bölüm>.ipynb`.
Depo adresi ve dal `_config.yml`'deki `repository:` bölümünden gelir; klasör Sphinx
ayarı `d2l_gan_colab_folder`'dır (varsayılan `notebooks`; çözümsüz derleme öğrenci
defterlerinin klasörünü verebilir).
"""

from urllib.parse import urlparse

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.transforms.post_transforms import SphinxPostTransform

from d2l_gan.frameworks import FRAMEWORKS, LABELS

from .tabs import cell_framework

COLAB_URL = 'https://colab.research.google.com/github/{repo}/blob/{branch}/{folder}'
FOLDER_SETTING = 'd2l_gan_colab_folder'
DEFAULT_FOLDER = 'notebooks'


def colab_repository(config):
    """Colab bağlantıları için depo adını (sahip/ad) ve dalı _config.yml'den okur.

    Jupyter Book `repository: url:` ve `branch:` değerlerini Sphinx'e
    html_theme_options["repository_url"] ve ["repository_branch"] olarak verir.
    """
    options = config.html_theme_options or {}
    url = options.get('repository_url', '')
    parsed = urlparse(url)
    repo = parsed.path.strip('/').removesuffix('.git')
    if parsed.netloc != 'github.com' or repo.count('/') != 1:
        raise ConfigError(
            "Colab bağlantıları için _config.yml'de `repository: url:` bir GitHub "
            f'deposu adresi olmalı (https://github.com/SAHIP/AD), bulunan: {url!r}'
        )
    return repo, options.get('repository_branch') or 'main'


def colab_links(base, chapter, frameworks):
    """Her çerçevenin Colab bağlantısını taşıyan paragraf (`base`: klasörün adresi)."""
    paragraph = nodes.paragraph('', '', classes=['d2l-colab-links'])
    paragraph += nodes.Text("Colab'da aç: ")
    for framework in FRAMEWORKS:
        if framework in frameworks:
            paragraph += nodes.reference(
                '',
                LABELS[framework],
                refuri=f'{base}/{framework}/{chapter}.ipynb',
                classes=[
                    'sd-sphinx-override',
                    'sd-btn',
                    'sd-btn-outline-primary',
                    'sd-py-0',
                    'sd-mr-1',
                    'd2l-colab-link',
                ],
            )
    return paragraph


class ColabLinks(SphinxPostTransform):
    """Çerçeve hücresi olan sayfada bağlantıları ilk başlığın altına koyar."""

    default_priority = 150

    def run(self, **kwargs):
        frameworks = {
            cell_framework(node) for node in self.document.findall(nodes.container)
        }
        frameworks.discard(None)
        if not frameworks:
            return
        repo, branch = colab_repository(self.config)
        folder = getattr(self.config, FOLDER_SETTING).strip('/')
        base = COLAB_URL.format(repo=repo, branch=branch, folder=folder)
        chapter = self.env.docname.rsplit('/', 1)[-1]
        links = colab_links(base, chapter, frameworks)
        section = next(self.document.findall(nodes.section), None)
        if section is not None and isinstance(section[0], nodes.title):
            section.insert(1, links)
        else:
            self.document.insert(0, links)


def check_repository(app: Sphinx, config):
    colab_repository(config)  # yanlış depo adresi derlemenin başında yakalansın


def setup(app: Sphinx):
    app.add_config_value(FOLDER_SETTING, DEFAULT_FOLDER, 'env', [str])
    app.connect('config-inited', check_repository)
    app.add_post_transform(ColabLinks)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
