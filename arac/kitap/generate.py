"""Paketin bölümlerden üretilen kısmı (d2l-book'un `#@save` modeli).

Bir bölüm okura bir yardımcı tanımlıyor ve sonraki bölümler onu `d2l.ad` diye
kullanıyorsa, yardımcının tek kaynağı bölümdür: tanımın ilk satırı `#@save`
yorumuyla biter ::

    def update_D(X, Z, net_D, net_G, loss, trainer_D):  #@save

Araç (`export`) bu blokları okuma sırasıyla paketin çerçeve modüllerine yazar
(`d2l_gan/torch.py` ...): çerçeve etiketli bir hücredekini o çerçevenin modülüne,
etiketsiz (ortak) bir hücredekini her çerçeve modülüne, her bölümün blokları bir
köken yorumuyla (`# -- book/dcgan.ipynb`). Her modülün elle yazılan bir başı
vardır (belge dizesi, içe aktarmalar, bölümlerde gösterilmeyen yardımcılar);
`GENERATED_MARK` satırının altı her seferinde yeniden yazılır. Modüllerde
`d2l = sys.modules[__name__]` bulunduğundan kaydedilen kod `d2l.ad` çağrılarını
hem bölümde hem pakette aynı biçimde yapar.

Etiketsiz bir hücre bölümde okurun seçtiği çerçevenin adlarını görür; üç çerçevede
aynı olan bir döngü böylece çerçeveye özgü yardımcıları (aynı bölümünkileri yalın
adla, `mlp_critic(...)`; öncekileri `d2l.` ile) çağırarak bir kez yazılır. Pakette
de öyle çalışır: ortak blok her çerçeve modülüne düz Python olarak yazıldığından
adları o modülde bulur (içe aktarımda yeniden bağlama yoktur).
"""

import ast
import re
from pathlib import Path

from d2l_gan.frameworks import FRAMEWORKS, MODULES

from .chapter import framework_of
from .errors import BookError
from .views import chapters

SAVE_MARK = re.compile(r'#\s*@save\s*$')
GENERATED_MARK = '# ---- Aşağısı bölümlerden üretilir (#@save); elle değiştirmeyin ----'


def module_path(root, framework):
    """Bir çerçevenin paket modülünün yolu (`d2l_gan/torch.py` ...)."""
    return Path(root) / 'd2l_gan' / f'{MODULES[framework]}.py'


def saved_blocks(source, where):
    """Kaynaktaki `#@save` işaretli üst düzey tanımlar: [(ad, kaynak metni), ...]."""
    lines = source.split('\n')
    marked = [i for i, line in enumerate(lines) if SAVE_MARK.search(line)]
    if not marked:
        return []
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise BookError(
            f'{where}: #@save içeren hücre ayrıştırılamadı ({exc.msg}, '
            f'satır {exc.lineno})'
        ) from None
    blocks, used = [], set()
    for node in tree.body:
        first = (
            min([node.lineno] + [d.lineno for d in getattr(node, 'decorator_list', [])])
            - 1
        )
        if node.lineno - 1 not in marked:
            continue
        used.add(node.lineno - 1)
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            name = node.name
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            name = node.targets[0].id
        else:
            raise BookError(
                f'{where}: #@save yalnızca bir işlev, sınıf ya da tek bir '
                f'ada atama satırını işaretler (satır {node.lineno})'
            )
        block = lines[first : node.end_lineno]
        k = node.lineno - 1 - first  # işaretli satır (süsleyicilerden sonra)
        block[k] = SAVE_MARK.sub('', block[k]).rstrip()
        blocks.append((name, '\n'.join(block)))
    stray = sorted(set(marked) - used)
    if stray:
        raise BookError(
            f'{where}: #@save yalnızca üst düzey bir tanımın ilk satırında '
            f'kullanılır (satır {stray[0] + 1})'
        )
    return blocks


def collect(root):
    """Her çerçeve modülünün kaydedilen blokları, okuma sırasıyla:
    {çerçeve: [(bölüm, ad, metin), ...]}. Ortak hücrelerinki her çerçevededir."""
    found = {fw: [] for fw in FRAMEWORKS}
    for chapter in chapters(root):
        for i, cell in enumerate(chapter.nb.cells):
            if cell.cell_type != 'code':
                continue
            where = f'{chapter.path.name}, hücre {i + 1} (id {cell.get("id")})'
            own = framework_of(cell)
            for name, text in saved_blocks(cell.source, where):
                for fw in [own] if own else FRAMEWORKS:
                    found[fw].append((f'{chapter.doc}.ipynb', name, text))
    for fw, blocks in found.items():
        names = [name for _, name, _ in blocks]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise BookError(
                f'{module_path(root, fw).name}: aynı ad birden çok kez '
                f'#@save ile kaydediliyor: {", ".join(dup)}'
            )
    return found


def hand_written(path):
    """Modülün elle yazılan başı (işaret satırına kadar)."""
    if not path.is_file():
        raise BookError(f'Paket modülü bulunamadı: {path}')
    text = path.read_text(encoding='utf-8')
    head, mark, _ = text.partition(GENERATED_MARK)
    if not mark:
        raise BookError(f'{path}: üretilen kısmın işaret satırı yok ({GENERATED_MARK})')
    return head


def render(head, blocks):
    """Modülün tam metni: elle yazılan baş + işaret + bölümlerden gelen bloklar
    (her bölümünkiler bir köken yorumuyla başlar)."""
    chunks, chapter = [head.rstrip('\n'), GENERATED_MARK], None
    for source, _, text in blocks:
        if source != chapter:
            text = f'# -- {source}\n{text}'
            chapter = source
        chunks.append(text)
    return '\n\n\n'.join(chunks) + '\n'


def expected_modules(root):
    """{modül yolu: beklenen metin}."""
    result = {}
    for fw, blocks in collect(root).items():
        path = module_path(root, fw)
        if blocks or path.is_file():  # paketsiz bir kitapta modül de kayıt da yoktur
            result[path] = render(hand_written(path), blocks)
    return result


def saved_names(root):
    """Her modülde bölümlerden gelen adlar: {modül yolu: {ad, ...}}."""
    return {
        module_path(root, fw): {name for _, name, _ in blocks}
        for fw, blocks in collect(root).items()
    }
