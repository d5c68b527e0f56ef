"""Sphinx eklentisi: çerçeve hücrelerini sekme kümelerine toplar.

MyST-NB her kod hücresini `cell` ve `tag_<etiket>` sınıflı bir kap olarak verir. Aynı
üst düğümdeki ardışık çerçeve hücreleri (`tag_pytorch`, `tag_tensorflow`, `tag_mxnet`)
tek bir sphinx-design sekme kümesine toplanır. Sekmeler `framework` eşitleme
grubundadır: bir sayfada seçilen çerçeve tüm sekme kümelerinde seçilir ve sonraki
sayfalarda hatırlanır (sphinx-design bunu tarayıcı deposunda tutar).

Bölüm defterleri kitabın okuyucusundan geçer (`kitap.reader.read_chapter`):
çıktıları çerçevelerde farklı olan ortak bir hücre çerçeve başına kopyalara açılır ve
kopyalar kendi sekme kümesini oluşturur (`group_key`). Gruplama, defterin hücrelerini
de gruplayan işlevdir (`kitap.chapter.framework_runs`).
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_design.shared import create_component

from d2l_gan.frameworks import FRAMEWORKS, LABELS

from ..chapter import framework_runs, tab_groups
from ..outputs import GROUP_TAG

SYNC_GROUP = 'framework'
READER = 'kitap.reader.read_chapter'


def cell_framework(node):
    """Düğüm bir çerçeveye ait MyST-NB hücresiyse çerçevenin adı, değilse None."""
    if not isinstance(node, nodes.container) or 'cell' not in node['classes']:
        return None
    for framework in FRAMEWORKS:
        if f'tag_{framework}' in node['classes']:
            return framework
    return None


def group_key(node):
    """Açılmış ortak hücrelerin sekme grubu (bkz. outputs.py); ötekiler için None."""
    prefix = 'tag_' + GROUP_TAG.format(id='')
    return next((c for c in node['classes'] if c.startswith(prefix)), None)


def framework_parents(document):
    """Çerçeve hücresi taşıyan düğümler (her biri bir kez, belge sırasıyla)."""
    cells = [node for node in document.findall(nodes.container) if cell_framework(node)]
    return list({id(cell.parent): cell.parent for cell in cells}.values())


def document_tab_groups(document):
    """Belgedeki bütün sekme grupları (her biri çerçeve hücrelerinin listesi)."""
    return [
        run
        for parent in framework_parents(document)
        for run in tab_groups(parent.children, cell_framework, group_key)
    ]


def make_tab_set(cells):
    """Ardışık çerçeve hücrelerinden sekme kümesi; sekmeler FRAMEWORKS sırasında."""
    items = []
    for framework in FRAMEWORKS:
        own = [cell for cell in cells if cell_framework(cell) == framework]
        if not own:
            continue
        label = nodes.rubric(
            LABELS[framework],
            LABELS[framework],
            classes=['sd-tab-label'],
            sync_id=framework,
            sync_group=SYNC_GROUP,
        )
        content = create_component('tab-content', ['sd-tab-content'], children=own)
        items.append(
            create_component(
                'tab-item',
                ['sd-tab-item'],
                selected=not items,
                children=[label, content],
            )
        )
    tab_set = create_component(
        'tab-set', ['sd-tab-set', 'd2l-framework-tabs'], children=items
    )
    tab_set.source, tab_set.line = cells[0].source, cells[0].line
    return tab_set


def group_cells(parent):
    """`parent`in çocuklarındaki sekme gruplarını sekme kümeleriyle değiştirir."""
    parent[:] = [
        make_tab_set(run) if isinstance(run, list) else run
        for run in framework_runs(parent.children, cell_framework, group_key)
    ]


class FrameworkTabs(SphinxPostTransform):
    """Çerçeve hücrelerini sekmelere toplar.

    MyST-NB'nin HideInputCells (199) ve sphinx-design'ın TabSetHtmlTransform (200)
    dönüşümlerinden önce çalışır.
    """

    default_priority = 150

    def run(self, **kwargs):
        for parent in framework_parents(self.document):
            group_cells(parent)


def use_reader(app: Sphinx, config):
    """Bölüm defterleri kitabın okuyucusundan geçer (bkz. reader.py)."""
    config.nb_custom_formats = {**(config.nb_custom_formats or {}), '.ipynb': READER}


def setup(app: Sphinx):
    app.setup_extension('sphinx_design')
    app.connect('config-inited', use_reader)
    app.add_post_transform(FrameworkTabs)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
