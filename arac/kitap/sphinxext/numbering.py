"""Sphinx eklentisi: bir çerçeve sekme kümesinin şekilleri tek numara paylaşır.

Şekiller ve alıştırmalar bölüm başına numaralanır (Şekil 5.1, Alıştırma 5.1): bunu
Sphinx, `_toc.yml`'de numaralı bölümlerden (`numbered:`) kendisi yapar. Ama bir sekme
kümesinde aynı şekil her çerçeve için bir kez bulunur ve Sphinx onlara ayrı numaralar
verir; tek bir çerçeveyi okuyan okur numaraların atladığını görürdü (5.1, 5.4, 5.7).
Bu eklenti Sphinx'in numaralarını yeniden dağıtır: bir sekme grubunda her çerçevenin
k'inci şekli aynı numarayı alır, numaralar boşluksuz sürer. Açılmış ortak hücrelerin
kopyaları da bir sekme grubudur (bkz. tabs.py).

Gruplar belge okunurken kaydedilir (sekme kümeleri ancak yazarken kurulur); numaralar
Sphinx kendi numaralarını verdikten hemen sonra (`env-get-updated`) düzeltilir, böylece
hem şekil altyazıları hem `{numref}` göndermeleri yeni numarayı kullanır.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment.collectors import EnvironmentCollector

from .tabs import cell_framework, document_tab_groups

STORE = 'd2l_tab_figures'  # ortamda: {belge: [{çerçeve: [şekil kimliği, ...]}, ...]}


def _store(env):
    if not hasattr(env, STORE):
        setattr(env, STORE, {})
    return getattr(env, STORE)


def figure_groups(doctree):
    """Belgenin sekme gruplarındaki şekiller: grup başına {çerçeve: [kimlik, ...]}.

    Yalnızca birden çok şekli olan gruplar döner (tek şekilde paylaşılacak bir şey yok).
    """
    groups = []
    for run in document_tab_groups(doctree):
        figures = {}
        for cell in run:
            ids = [fig['ids'][0] for fig in cell.findall(nodes.figure) if fig['ids']]
            figures.setdefault(cell_framework(cell), []).extend(ids)
        if sum(len(ids) for ids in figures.values()) > 1:
            groups.append(figures)
    return groups


def shared_numbers(fignumbers, groups):
    """Şekil numaralarını sekme grupları paylaşacak biçimde yeniden dağıtır.

    `fignumbers`: {belge: {kimlik: (bölüm..., sıra)}} (Sphinx'in `figure` numaraları);
    `groups`: {belge: figure_groups(...)}. Aynı öneki (bölüm numarasını) taşıyan
    şekiller eski sıralarıyla dolaşılır; bir grubun her çerçevedeki k'inci şekli aynı
    numarayı alır. Yeni sözlüğü döndürür.
    """
    slot = {}  # (belge, kimlik) -> (belge, grup, k)
    for docname, doc_groups in groups.items():
        for index, figures in enumerate(doc_groups):
            for ids in figures.values():
                for k, figure_id in enumerate(ids):
                    slot[docname, figure_id] = (docname, index, k)
    series = {}
    for docname, numbers in fignumbers.items():
        for figure_id, number in numbers.items():
            series.setdefault(number[:-1], []).append((number[-1], docname, figure_id))
    result = {docname: {} for docname in fignumbers}
    for prefix, figures in series.items():
        counter, given = 0, {}
        for _, docname, figure_id in sorted(figures):
            key = slot.get((docname, figure_id))
            if key is None or key not in given:
                counter += 1
                given[key] = counter
            result[docname][figure_id] = (*prefix, given[key])
    return result


class TabFigureNumbers(EnvironmentCollector):
    """Okurken sekme gruplarının şekillerini kaydeder."""

    def clear_doc(self, app, env, docname):
        _store(env).pop(docname, None)

    def merge_other(self, app, env, docnames, other):
        for docname in docnames:
            if docname in _store(other):
                _store(env)[docname] = _store(other)[docname]

    def process_doc(self, app, doctree):
        groups = figure_groups(doctree)
        if groups:
            _store(app.env)[app.env.docname] = groups
        else:
            _store(app.env).pop(app.env.docname, None)


def renumber(app: Sphinx, env):
    groups = _store(env)
    if not groups:
        return []
    figures = {
        docname: types['figure']
        for docname, types in env.toc_fignumbers.items()
        if 'figure' in types
    }
    changed = []
    for docname, numbers in shared_numbers(figures, groups).items():
        if numbers != figures[docname]:
            env.toc_fignumbers[docname]['figure'] = numbers
            changed.append(docname)
    return changed  # yeniden yazılacak belgeler


def setup(app: Sphinx):
    app.add_env_collector(TabFigureNumbers)
    # Sphinx'in numaraları (toctree toplayıcısı, öncelik 500) verildikten sonra.
    app.connect('env-get-updated', renumber, priority=900)
    return {'parallel_read_safe': True, 'parallel_write_safe': True, 'env_version': 1}
