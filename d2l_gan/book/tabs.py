"""Sphinx eklentisi: çerçeve sekmeleri, "Colab'da aç" bağlantıları ve yerel MathJax.

- MyST-NB her kod hücresini `cell` ve `tag_<etiket>` sınıflı bir kap olarak verir.
  Aynı üst düğümdeki ardışık çerçeve hücreleri (`tag_pytorch`, `tag_tensorflow`,
  `tag_mxnet`) tek bir sphinx-design sekme kümesine toplanır. Sekmeler `framework`
  eşitleme grubundadır: bir sayfada seçilen çerçeve tüm sekme kümelerinde seçilir ve
  sonraki sayfalarda hatırlanır (sphinx-design bunu tarayıcı deposunda tutar).
- Çerçeve sekmesi olan her sayfanın başlığının altına, o bölümün her çerçeve için
  üretilmiş defterine (notebooks/<çerçeve>/<bölüm>.ipynb) giden Colab bağlantıları
  eklenir. Depo adresi ve dal _config.yml'deki `repository:` bölümünden gelir.
- Kitap çevrimdışı derlenir ve okunur: MathJax 3, sanal ortama npm ile kurulan
  kopyadan çıktının _static/mathjax/ klasörüne kopyalanır.
- sphinx-proof 0.4.0 ispatların başına dil ayarından bağımsız olarak "Proof." yazar;
  bu "İspat." olur.
"""
import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_design.shared import create_component

from .frameworks import FRAMEWORKS, LABELS
from .reader import GROUP_TAG

SYNC_GROUP = "framework"
COLAB_URL = "https://colab.research.google.com/github/{repo}/blob/{branch}/{folder}"

# MathJax `make venv` ile şuraya kurulur:
#   npm install --no-save --prefix .venv/npm mathjax@3.2.2
MATHJAX_INSTALL = "npm install --no-save --prefix .venv/npm mathjax@3.2.2"
MATHJAX_DIR = Path(sys.prefix) / "npm" / "node_modules" / "mathjax" / "es5"
# Çıktıya yalnızca gerekenler kopyalanır: birleşik bileşen, yazı tipleri ve
# \require ya da otomatik yüklemeyle istenen TeX uzantıları.
MATHJAX_PARTS = ("tex-mml-chtml.js", "output/chtml/fonts/woff-v2", "input/tex/extensions")
MATHJAX_STATIC = "mathjax"  # _static altındaki klasör


def cell_framework(node):
    """Düğüm bir çerçeveye ait MyST-NB hücresiyse çerçevenin adını, değilse None döndürür."""
    if not isinstance(node, nodes.container) or "cell" not in node["classes"]:
        return None
    for framework in FRAMEWORKS:
        if f"tag_{framework}" in node["classes"]:
            return framework
    return None


def make_tab_set(cells):
    """Ardışık çerçeve hücrelerinden, sekmeleri FRAMEWORKS sırasında bir sekme kümesi kurar."""
    items = []
    for framework in FRAMEWORKS:
        own = [cell for cell in cells if cell_framework(cell) == framework]
        if not own:
            continue
        label = nodes.rubric(LABELS[framework], LABELS[framework], classes=["sd-tab-label"],
                             sync_id=framework, sync_group=SYNC_GROUP)
        content = create_component("tab-content", ["sd-tab-content"], children=own)
        items.append(create_component("tab-item", ["sd-tab-item"], selected=not items,
                                      children=[label, content]))
    tab_set = create_component("tab-set", ["sd-tab-set", "d2l-framework-tabs"], children=items)
    tab_set.source, tab_set.line = cells[0].source, cells[0].line
    return tab_set


def group_key(node):
    """Açılmış ortak hücrelerin sekme grubu (bkz. reader.py); ötekiler için None."""
    prefix = "tag_" + GROUP_TAG.format(id="")
    return next((c for c in node["classes"] if c.startswith(prefix)), None)


def group_cells(parent):
    """`parent`in çocuklarındaki ardışık çerçeve hücrelerini sekme kümeleriyle değiştirir.

    Açılmış bir ortak hücrenin kopyaları kendi sekme kümesini oluşturur.
    """
    children, run = [], []
    for child in parent.children:
        if run and (not cell_framework(child) or group_key(child) != group_key(run[0])):
            children.append(make_tab_set(run))
            run = []
        if cell_framework(child):
            run.append(child)
        else:
            children.append(child)
    if run:
        children.append(make_tab_set(run))
    parent[:] = children


def colab_links(repo, branch, chapter, frameworks, folder="notebooks"):
    """Her çerçevenin Colab bağlantısını taşıyan paragraf; defterler depoda
    <folder>/<çerçeve>/<bölüm>.ipynb (config: d2l_gan_colab_folder)."""
    base = COLAB_URL.format(repo=repo, branch=branch, folder=folder.strip("/"))
    paragraph = nodes.paragraph("", "", classes=["d2l-colab-links"])
    paragraph += nodes.Text("Colab'da aç: ")
    for framework in FRAMEWORKS:
        if framework in frameworks:
            paragraph += nodes.reference(
                "", LABELS[framework], refuri=f"{base}/{framework}/{chapter}.ipynb",
                classes=["sd-sphinx-override", "sd-btn", "sd-btn-outline-primary",
                         "sd-py-0", "sd-mr-1", "d2l-colab-link"])
    return paragraph


class FrameworkTabs(SphinxPostTransform):
    """Çerçeve hücrelerini sekmelere toplar, başlığın altına Colab bağlantılarını koyar.

    MyST-NB'nin HideInputCells (199) ve sphinx-design'ın TabSetHtmlTransform (200)
    dönüşümlerinden önce çalışır.
    """

    default_priority = 150

    def run(self, **kwargs):
        cells = [node for node in self.document.findall(nodes.container) if cell_framework(node)]
        if not cells:
            return
        parents = list({id(cell.parent): cell.parent for cell in cells}.values())
        for parent in parents:
            group_cells(parent)

        repo, branch = colab_repository(self.config)
        chapter = self.env.docname.rsplit("/", 1)[-1]
        links = colab_links(repo, branch, chapter, {cell_framework(cell) for cell in cells},
                            self.config.d2l_gan_colab_folder)
        section = next(self.document.findall(nodes.section), None)
        if section is not None and isinstance(section[0], nodes.title):
            section.insert(1, links)
        else:
            self.document.insert(0, links)


class TurkishProofLabel(SphinxPostTransform):
    """sphinx-proof'un ispat kutusunun ilk sözcüğü: "Proof. " yerine "İspat. "."""

    default_priority = 150

    def run(self):
        for box in self.document.findall(nodes.admonition):
            if box["classes"][:2] != ["proof", "proof"]:
                continue
            first = next(box.findall(nodes.Text), None)
            if first is not None and first.startswith("Proof. "):
                first.parent.replace(first, nodes.Text("İspat. " + first[len("Proof. "):]))


def colab_repository(config):
    """Colab bağlantıları için depo adını (sahip/ad) ve dalı _config.yml'den okur.

    Jupyter Book `repository: url:` ve `branch:` değerlerini Sphinx'e
    html_theme_options["repository_url"] ve ["repository_branch"] olarak verir.
    """
    options = config.html_theme_options or {}
    url = options.get("repository_url", "")
    parsed = urlparse(url)
    repo = parsed.path.strip("/").removesuffix(".git")
    if parsed.netloc != "github.com" or repo.count("/") != 1:
        raise ConfigError(
            "Colab bağlantıları için _config.yml'de `repository: url:` bir GitHub deposu "
            f"adresi olmalı (https://github.com/SAHIP/AD), bulunan: {url!r}")
    return repo, options.get("repository_branch") or "main"


def configure(app: Sphinx, config):
    colab_repository(config)  # yanlış depo adresi derlemenin başında yakalansın
    # Bölüm defterleri kitabın okuyucusundan geçer (bkz. reader.py).
    config.nb_custom_formats = {**(config.nb_custom_formats or {}),
                                ".ipynb": "d2l_gan.book.reader.read_chapter"}
    # Tema kipi (html_context'te default_mode) boş kalınca pydata teması her sayfada
    # konsola "invalid theme mode" hatası yazar.
    config.html_context = {"default_mode": "light", **(config.html_context or {})}
    # MathJax CDN'den değil, kitabın kendi _static klasöründen yüklenir.
    config.mathjax_path = f"{MATHJAX_STATIC}/tex-mml-chtml.js"


def check_mathjax(app: Sphinx):
    if app.builder.format == "html" and not (MATHJAX_DIR / "tex-mml-chtml.js").is_file():
        raise ConfigError(
            f"MathJax bulunamadı ({MATHJAX_DIR}). Kitap matematiği çevrimdışı gösterir; "
            f"MathJax'i depo kökünde şu komutla kurun: {MATHJAX_INSTALL} (ya da `make venv`).")


def copy_mathjax(app: Sphinx, exception):
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / MATHJAX_STATIC
    for part in MATHJAX_PARTS:
        source = MATHJAX_DIR / part
        if source.is_dir():
            shutil.copytree(source, target / part, dirs_exist_ok=True)
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)


def drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    """Sayfaya aynı betiği bir kez koyar.

    Jupyter Book 1 ile sphinx-thebe'nin satır içi ayar betiği (`const THEBE_JS_URL ...`)
    sayfaya iki kez girer; ikinci kopya tarayıcı konsolunda "has already been declared"
    hatası verir. Aynı dosya ve aynı özniteliklerle gelen ikinci kopyalar atılır.
    """
    seen, unique = set(), []
    for script in context.get("script_files", []):
        key = (getattr(script, "filename", script) or "",  # satır içi: None ya da ""
               tuple(sorted(getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app: Sphinx):
    app.setup_extension("sphinx_design")
    # Colab bağlantılarının açtığı defterlerin depodaki klasörü; çözümsüz derleme
    # öğrenci defterlerini (notebooks/ogrenci) açar.
    app.add_config_value("d2l_gan_colab_folder", "notebooks", "html")
    app.connect("config-inited", configure)
    app.connect("builder-inited", check_mathjax)
    app.connect("build-finished", copy_mathjax)
    app.connect("html-page-context", drop_duplicate_scripts)
    app.add_post_transform(FrameworkTabs)
    app.add_post_transform(TurkishProofLabel)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
