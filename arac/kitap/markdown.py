"""Kitabın MyST sözdizimi: markdown-it-py ve mdit-py-plugins'in belirteçleriyle.

Kitap MyST-Parser'ın kullandığı ayrıştırıcıyı, kitabın `_config.yml`'deki
uzantılarıyla kurar (`MYST`): yönergeler (```` ```{ad} ```` ve `:::{ad}` çitleri),
roller (`{ad}`içerik``), hedefler (`(etiket)=`), yorumlar (`%`), blok ayırıcılar
(`+++`), denklem etiketleri (`$$ (etiket)`) ve yer tutucular (`{{ ad }}`). Bu modül
yalnızca ayrıştırır ve kaynak metinde yer gösterir; dönüştürme `convert.py`'dedir.

- `regions`: metnin üst düzey parçaları (düz metin, kod çiti, yönerge), satır
  aralıklarıyla; düz metindeki rollerin tam yerleri (`roles`) ve silinecek satırlar.
- `directives`: iç içe olanlar dahil bütün yönergeler (belge sırasıyla).
- `strip_solutions`: `{solution}` yönergelerini çıkarır; öğrenci defterleri de
  çözümsüz kitap da yalnızca bunu kullanır (`remove_solutions`, çözümü hesaplayan
  kod hücreleriyle birlikte).
- `myst_leftovers`: Jupyter markdown'ına çevrilmiş bir metinde kalmış MyST.
"""

import functools
import re
from dataclasses import dataclass

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.field_list import fieldlist_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin
from mdit_py_plugins.myst_role.index import myst_role
from mdit_py_plugins.substitution import substitution_plugin

from .chapter import is_solution_cell
from .errors import BookError

# İçeriği markdown değil, olduğu gibi metin olan yönergeler.
LITERAL = {'code', 'code-block', 'sourcecode', 'math', 'raw', 'code-cell'}
# Düz metinden silinen MyST blokları (okura bir şey söylemezler).
DROPPED = {'myst_target', 'myst_line_comment', 'myst_block_break'}


def _located_role(state, silent):
    """mdit-py-plugins'in rol kuralı; belirtece rolün satır içi metindeki yerini de
    yazar (kaynakta yalnızca rolün kendisi değiştirilsin diye)."""
    start = state.pos
    if not myst_role(state, silent):
        return False
    if not silent:
        state.tokens[-1].meta['span'] = (start, state.pos)
    return True


def _parser(*extra):
    """MyST-Parser'ın ayrıştırıcısı, kitabın uzantılarıyla (`_config.yml`)."""
    md = (
        MarkdownIt('commonmark')
        .enable('table')
        .use(myst_block_plugin)
        .use(myst_role_plugin)
        .use(dollarmath_plugin, allow_labels=True, allow_space=True, allow_digits=True)
        .use(colon_fence_plugin)
        .use(amsmath_plugin)
        .use(deflist_plugin)
        .use(substitution_plugin)
    )
    for plugin in extra:
        md.use(plugin)
    md.inline.ruler.at('myst_role', _located_role)
    return md


MYST = _parser()
# Denetim için: yönerge seçenekleri (`:ad: değer`) de belirteç olsun.
LINT = _parser(fieldlist_plugin)


@functools.lru_cache(maxsize=8192)
def tokens(text):
    """Metnin MyST belirteçleri. Aynı metin (bir hücre, her çerçeve ve defter için
    yeniden dönüştürülür) bir kez ayrıştırılır; belirteçler değiştirilmez."""
    return tuple(MYST.parse(text))


@dataclass
class Directive:
    name: str
    argument: str
    options: dict
    body: str  # seçenekleri çıkarılmış gövde
    start: int  # ayrıştırılan metinde satır aralığı [start, end)
    end: int


@dataclass
class Role:
    name: str
    content: str
    start: int  # metindeki karakter konumları [start, end)
    end: int


@dataclass
class Region:
    kind: str  # 'metin', 'kod' ya da 'yönerge'
    start: int  # satır aralığı [start, end)
    end: int
    directive: Directive = None


def _options(content):
    """Yönerge seçenekleri (`:ad: değer` satırları ya da `---` arasında YAML) ve
    gövde (baştaki ve sondaki boş satırlar olmadan)."""
    lines = content.split('\n')[:-1] if content else []
    options, k = {}, 0
    if lines and lines[0].strip() == '---':
        end = next((j for j in range(1, len(lines)) if lines[j].strip() == '---'), None)
        if end is not None:
            options = yaml.safe_load('\n'.join(lines[1:end])) or {}
            k = end + 1
    else:
        while k < len(lines) and lines[k].startswith(':'):
            key, sep, value = lines[k][1:].partition(':')
            if (
                not sep
                or not key
                or not key.replace('-', '').replace('_', '').isalnum()
            ):
                break
            options[key] = value.strip()
            k += 1
    body = lines[k:]
    while body and not body[0].strip():
        body = body[1:]
    while body and not body[-1].strip():
        body = body[:-1]
    return options, '\n'.join(body)


def _directive(token, lines):
    """Bir çit belirtecinin yönergesi; adı olmayan bir kod çitinde None."""
    info = token.info.strip()
    name, brace, argument = info[1:].partition('}')
    if info.startswith('{') and brace and name and not any(c.isspace() for c in name):
        options, body = _options(token.content)
        return Directive(name, argument.strip(), options, body, *token.map)
    if token.type == 'colon_fence':
        raise BookError(
            f"Adı olmayan bir ':::' bloğu var: {lines[token.map[0]].strip()!r}"
        )
    return None


def regions(text):
    """Metnin üst düzey parçaları, sırayla; bütün satırları kaplar."""
    lines = text.split('\n')
    found, line = [], 0
    for token in tokens(text):
        if token.level or token.type not in ('fence', 'colon_fence'):
            continue
        start, end = token.map
        if start > line:
            found.append(Region('metin', line, start))
        directive = _directive(token, lines)
        found.append(Region('yönerge' if directive else 'kod', start, end, directive))
        line = end
    if line < len(lines):
        found.append(Region('metin', line, len(lines)))
    return found


def line_starts(text):
    """Her satırın metindeki başlangıç konumu (sonda: metnin boyu + 1)."""
    starts = [0]
    for line in text.split('\n'):
        starts.append(starts[-1] + len(line) + 1)
    return starts


def _inline_positions(token, lines, starts, used):
    """Satır içi belirtecin içeriğindeki her satırın metindeki başlangıcı.

    markdown-it satır içi içeriği blok işaretlerinden (girinti, `>`, liste imi,
    tablo ayracı) arındırır; içeriğin her satırı kaynak satırın bir parçasıdır.
    `used`: aynı satırdaki önceki belirteçlerin bittiği yer (tablo hücreleri).
    """
    positions = []
    for j, part in enumerate(token.content.split('\n')):
        number = token.map[0] + j
        column = lines[number].find(part, used.get(number, 0))
        if column < 0:
            raise BookError(f'Satır {number + 1} ayrıştırılamadı: {lines[number]!r}')
        used[number] = column + len(part)
        positions.append(starts[number] + column)
    return positions


def _flat(tokens):
    for token in tokens:
        yield token
        yield from _flat(token.children or [])


def scan(text):
    """Düz metin için gerekenler: roller (metindeki yerleriyle), silinecek satırlar
    (hedefler, yorumlar, blok ayırıcılar) ve denklem etiketli satırlar."""
    lines, starts, used = text.split('\n'), line_starts(text), {}
    roles, dropped, labelled = [], set(), {}
    for token in tokens(text):
        if token.type in DROPPED:
            dropped.update(range(*token.map))
        elif token.type == 'math_block_label':
            labelled[token.map[1] - 1] = token.info
        elif token.type == 'inline' and token.map:
            positions = _inline_positions(token, lines, starts, used)
            offsets = line_starts(token.content)
            for child in token.children or []:
                if child.type != 'myst_role':
                    continue
                a, b = child.meta['span']
                row_a = max(i for i, o in enumerate(offsets[:-1]) if o <= a)
                row_b = max(i for i, o in enumerate(offsets[:-1]) if o <= b)
                start = positions[row_a] + a - offsets[row_a]
                end = positions[row_b] + b - offsets[row_b]
                roles.append(Role(child.meta['name'], text[start:end], start, end))
    for role in roles:  # rolün kaynaktaki metni: {ad}`içerik` (ya da ``içerik``)
        inner = role.content[len(role.name) + 2 :]
        ticks = len(inner) - len(inner.lstrip('`'))
        role.content = inner[ticks:-ticks]
    return roles, dropped, labelled


def directives(text):
    """Metindeki bütün yönergeler, iç içe olanlar dahil (belge sırasıyla)."""
    for region in regions(text):
        if region.directive:
            yield region.directive
            if region.directive.name not in LITERAL:
                yield from directives(region.directive.body)


def strip_solutions(text):
    """Markdown metninden {solution} yönergelerini çıkarır: (yeni metin, çıkarılan
    sayı). Yalnızca gerçek yönergeler çıkar; bir kod çitinin içinde örnek olarak
    yazılmış bir `{solution}` olduğu gibi kalır."""
    lines, kept, removed = text.split('\n'), [], 0
    for region in regions(text):
        directive, raw = region.directive, lines[region.start : region.end]
        if directive and directive.name == 'solution':
            removed += 1
            continue
        if directive and directive.name not in LITERAL:
            body, inner = strip_solutions(directive.body)
            if inner:
                removed += inner
                closed = region.end - region.start > 1 and _closes(raw[0], raw[-1])
                options = [f':{k}: {v}'.rstrip() for k, v in directive.options.items()]
                raw = [
                    raw[0],
                    *options,
                    *([''] if options else []),
                    *body.split('\n'),
                    *raw[-1:][:closed],
                ]
        kept += raw
    if not removed:
        return text, 0
    return re.sub(r'\n{3,}', '\n\n', '\n'.join(kept)).strip('\n'), removed


def _closes(opening, line):
    """`line`, `opening` satırındaki çiti kapatan satır mı?"""
    opening = opening.lstrip()
    marker = len(opening) - len(opening.lstrip(opening[0]))
    closing = line.strip()
    return len(closing) >= marker and not closing.strip(opening[0])


def remove_solutions(cells):
    """Markdown hücrelerinden çözümler çıkar; yalnızca çözümden oluşan hücre ve
    çözümü hesaplayan (`cozum-` kimlikli) kod hücresi düşer. Öğrenci defterleri ve
    çözümsüz kitap çözümleri yalnızca böyle çıkarır."""
    kept = []
    for cell in cells:
        if is_solution_cell(cell):
            continue
        if cell.cell_type == 'markdown':
            cell.source, removed = strip_solutions(cell.source)
            if removed and not cell.source.strip():
                continue
        kept.append(cell)
    return kept


# Jupyter markdown'ında kalmaması gereken MyST belirteçleri.
LEFTOVERS = {
    'myst_role': 'rol',
    'myst_target': 'hedef',
    'myst_line_comment': 'yorum',
    'myst_block_break': 'blok ayırıcı',
    'substitution_inline': 'yer tutucu',
    'substitution_block': 'yer tutucu',
    'math_block_label': 'denklem etiketi',
    'field_list_open': 'yönerge seçeneği',
}


@functools.lru_cache(maxsize=8192)
def myst_leftovers(text):
    """Metinde kalmış MyST sözdizimi: ((tür, parça), ...) (kod içindekiler hariç)."""
    found = []
    for token in _flat(LINT.parse(text)):
        kind = LEFTOVERS.get(token.type)
        if token.type in ('fence', 'colon_fence') and token.info.strip().startswith(
            '{'
        ):
            kind = 'yönerge'
        if kind:
            name = token.meta.get('name') if token.type == 'myst_role' else None
            found.append((kind, f'{{{name}}}`' if name else token.markup + token.info))
    return tuple(found)
