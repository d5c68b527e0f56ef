"""MyST'ten düz Jupyter markdown'ına: okur ve öğrenci defterleri için.

Kitabın sayfaları MyST ile yazılır (`{cite:p}` rolleri, `{exercise}`, `{solution}`,
`{prf:theorem}` ve kutu yönergeleri, `(etiket)=` hedefleri). Jupyter ve Colab bunları
düz metin olarak gösterir; defterlere giden her markdown hücresi bu modülden geçer:

- atıflar "(Goodfellow ve ark., 2014)" olur, defterin sonuna kısa bir "Kaynaklar"
  listesi eklenir (kaynakça `book/references.bib`'den okunur);
- alıştırmalar numaralı başlıklardır ("### Alıştırma 2"); çözümler eğitmen
  (okur) defterinde açılıp kapanan bir HTML `<details>` kutusudur, öğrenci
  defterinde hiç yoktur;
- teorem, tanım, lemma ve algoritmalar kalın etiketli bir alıntı bloğu, ispatlar
  kalın "İspat." etiketiyle başlayan paragraflar, kutular (admonition, note, tip
  ...) kalın başlıklı alıntı bloklarıdır;
- kitap içi göndermeler aynı defterdeyse metin ("Teorem 1"), başka bir sayfadaysa
  çevrimiçi kitaba bağlantıdır (adres `_config.yml`'deki `html: baseurl:`);
- `{glue:text}` rolleri çalıştırmanın sakladığı değeri, süre yer tutucuları
  kaydedilen süreleri alır; `(etiket)=` hedefleri ve denklem etiketleri silinir.

Tanınmayan bir rol ya da yönerge sessizce kalmaz: `BookError` verir.
"""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .notebook import (
    FRAMEWORKS,
    PLACEHOLDER,
    BookError,
    book_chapters,
    cell_outputs,
    load_chapter,
    resolve_doc,
    runtime_values,
)

# --- Blok ayrıştırıcı --------------------------------------------------------------
# CommonMark çitleri: en çok üç boşluk girinti, ardından en az üç ` ~ ya da : karakteri.
# Çit, aynı karakterden en az o uzunlukta ve yalnız başına duran bir satırla kapanır;
# içteki kısa çitler bloğun parçasıdır (MyST'teki ````{solution} içindeki ```python).
_FENCE = re.compile(r'^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,}|:{3,})(?P<info>.*)$')
_DIRECTIVE = re.compile(r'^\{(?P<name>[A-Za-z][\w:.+-]*)\}\s*(?P<arg>.*)$')
_OPTION = re.compile(r'^:(?P<key>[\w-]+):\s*(?P<value>.*)$')


@dataclass
class Directive:
    name: str
    argument: str
    options: dict
    body: list  # iç bloklar (kod yönergelerinde ham satırlar)
    raw: list  # açılış ve kapanış dahil özgün satırlar


@dataclass
class Code:
    lines: list  # açılış ve kapanış dahil, olduğu gibi


@dataclass
class Text:
    lines: list


# İçeriği markdown değil, olduğu gibi metin olan yönergeler.
_LITERAL = {'code', 'code-block', 'sourcecode', 'math', 'raw', 'code-cell'}


def _closing(fence):
    char = re.escape(fence[0])
    return re.compile(rf'^ {{0,3}}{char}{{{len(fence)},}}\s*$')


def parse(lines):
    """Markdown satırlarını Text, Code ve Directive bloklarına ayırır."""
    blocks, text, i = [], [], 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match or (match.group('fence')[0] == '`' and '`' in match.group('info')):
            text.append(lines[i])
            i += 1
            continue
        fence, info = match.group('fence'), match.group('info').strip()
        closing = _closing(fence)
        end = i + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        raw = lines[i : end + 1]
        inner = lines[i + 1 : end]
        i = end + 1
        if text:
            blocks.append(Text(text))
            text = []
        directive = _DIRECTIVE.match(info)
        if not directive:
            if fence[0] == ':':
                raise BookError(f"Adı olmayan bir ':::' bloğu var: {raw[0].strip()!r}")
            blocks.append(Code(raw))
            continue
        name = directive.group('name')
        options, inner = _options(inner)
        body = inner if name in _LITERAL else parse(inner)
        blocks.append(
            Directive(name, directive.group('arg').strip(), options, body, raw)
        )
    if text:
        blocks.append(Text(text))
    return blocks


def _options(lines):
    """Yönerge seçenekleri (`:ad: değer` satırları ya da `---` arasında YAML)
    ve gövde."""
    options, k = {}, 0
    if lines and lines[0].strip() == '---':
        end = next((j for j in range(1, len(lines)) if lines[j].strip() == '---'), None)
        if end is not None:
            options = yaml.safe_load('\n'.join(lines[1:end])) or {}
            k = end + 1
    else:
        while k < len(lines):
            match = _OPTION.match(lines[k])
            if not match:
                break
            options[match.group('key')] = match.group('value').strip()
            k += 1
    body = lines[k:]
    while body and not body[0].strip():
        body = body[1:]
    while body and not body[-1].strip():
        body = body[:-1]
    return options, body


def walk(blocks):
    """Bütün yönergeler, iç içe olanlar dahil (belge sırasıyla)."""
    for block in blocks:
        if isinstance(block, Directive):
            yield block
            if block.name not in _LITERAL:
                yield from walk(block.body)


def strip_solutions(text):
    """Markdown metninden {solution} bloklarını çıkarır: (yeni metin, çıkarılan sayı).

    Yalnızca gerçek yönergeler çıkar; bir kod çitinin içinde örnek olarak yazılmış
    bir `{solution}` olduğu gibi kalır.
    """
    removed = 0

    def keep(blocks):
        nonlocal removed
        out = []
        for block in blocks:
            if isinstance(block, Directive) and block.name == 'solution':
                removed += 1
                continue
            if isinstance(block, Directive) and block.name not in _LITERAL:
                kept = keep(block.body)
                if kept != block.body:
                    inner = _raw(kept)
                    block = Directive(
                        block.name,
                        block.argument,
                        block.options,
                        kept,
                        block.raw[:1] + _option_lines(block) + inner + block.raw[-1:],
                    )
            out.append(block)
        return out

    blocks = keep(parse(text.split('\n')))
    if not removed:
        return text, 0
    joined = '\n'.join(_raw(blocks))
    return re.sub(r'\n{3,}', '\n\n', joined).strip('\n'), removed


def _option_lines(block):
    return [f':{k}: {v}'.rstrip() for k, v in block.options.items()] + (
        [''] if block.options else []
    )


def _raw(blocks):
    lines = []
    for block in blocks:
        lines += block.lines if isinstance(block, (Text, Code)) else block.raw
    return lines


# --- Kitap bilgisi: etiketler, kaynakça, adresler ----------------------------------

PROOF_LABELS = {
    'theorem': 'Teorem',
    'lemma': 'Lemma',
    'definition': 'Tanım',
    'algorithm': 'Algoritma',
    'corollary': 'Sonuç',
    'proposition': 'Önerme',
    'remark': 'Not',
    'example': 'Örnek',
    'conjecture': 'Tahmin',
    'axiom': 'Aksiyom',
    'criterion': 'Kriter',
    'observation': 'Gözlem',
    'property': 'Özellik',
    'assumption': 'Varsayım',
    'notation': 'Gösterim',
}
ADMONITIONS = {
    'note': 'Not',
    'tip': 'İpucu',
    'hint': 'İpucu',
    'important': 'Önemli',
    'warning': 'Uyarı',
    'caution': 'Dikkat',
    'attention': 'Dikkat',
    'danger': 'Tehlike',
    'error': 'Hata',
    'seealso': 'Ayrıca bakınız',
}
_QUOTED = {'margin', 'sidebar', 'epigraph', 'topic', 'pull-quote', 'highlights'}
_TARGET = re.compile(r'^\s*\(([^()\s]+)\)=\s*$')
_HEADING = re.compile(r'^(#{1,6})\s+(.*?)\s*#*\s*$')


@dataclass
class Label:
    doc: str  # 'book/teori'
    kind: str  # 'section', 'exercise', 'theorem', 'figure', ...
    text: str  # başlık ya da başlık yoksa boş
    number: int = 0  # defterdeki sırası (türüne göre); bölümlerde 0


@dataclass
class BookInfo:
    """Dönüştürmenin bütün bölümler için ortak bilgisi (bir kez okunur)."""

    root: Path
    repo_url: str = ''
    branch: str = 'main'
    baseurl: str = ''
    bibfiles: list = field(default_factory=list)
    labels: dict = field(default_factory=dict)  # etiket -> Label
    titles: dict = field(default_factory=dict)  # 'book/ders' -> başlık
    _bib: object = None

    @classmethod
    def load(cls, root):
        root = Path(root)
        config_path = root / '_config.yml'
        if not config_path.is_file():
            raise BookError(f'_config.yml bulunamadı: {config_path}')
        config = yaml.safe_load(config_path.read_text(encoding='utf-8')) or {}
        repo = config.get('repository') or {}
        info = cls(
            root=root,
            repo_url=str(repo.get('url', '')).rstrip('/'),
            branch=repo.get('branch', 'main'),
            baseurl=str((config.get('html') or {}).get('baseurl', '')),
            bibfiles=list(config.get('bibtex_bibfiles') or []),
        )
        for name in book_chapters(root):
            path = resolve_doc(root, name)
            if path is not None:
                info._index(name, path)
        return info

    def _index(self, doc, path):
        if path.suffix == '.ipynb':
            self.labels.update(
                index_chapter(doc, load_chapter(path).cells, self.titles)
            )
        else:
            cell = {'cell_type': 'markdown', 'source': path.read_text(encoding='utf-8')}
            self.labels.update(index_chapter(doc, [cell], self.titles))

    def url(self, doc, anchor=''):
        if not self.baseurl:
            raise BookError(
                "Başka bir sayfaya gönderme için _config.yml'de "
                '`html: baseurl:` (çevrimiçi kitabın adresi) olmalı'
            )
        return (
            self.baseurl.rstrip('/') + f'/{doc}.html' + (f'#{anchor}' if anchor else '')
        )

    def raw_url(self, path):
        """Depodaki bir dosyanın ham adresi (resimler için)."""
        if not self.repo_url.startswith('https://github.com/'):
            raise BookError(
                'Resim adresi için _config.yml `repository: url:` bir GitHub '
                'deposu olmalı'
            )
        repo = self.repo_url.removeprefix('https://github.com/')
        return f'https://raw.githubusercontent.com/{repo}/{self.branch}/{path}'

    @property
    def bibliography(self):
        if self._bib is None:
            from pybtex.database import BibliographyData, parse_file

            self._bib = BibliographyData()
            for name in self.bibfiles:
                path = self.root / name
                if not path.is_file():
                    raise BookError(f'Kaynakça dosyası bulunamadı: {path}')
                for key, entry in parse_file(str(path)).entries.items():
                    self._bib.entries[key] = entry
        return self._bib

    def entry(self, key):
        entries = self.bibliography.entries
        if key not in entries:
            raise BookError(
                f"'{key}' kaynağı kaynakçada yok "
                f'({", ".join(self.bibfiles) or "_config.yml bibtex_bibfiles"})'
            )
        return entries[key]


def index_chapter(doc, cells, titles=None):
    """Bir belgenin etiketleri: {etiket: Label}. `titles`e belgenin başlığı yazılır.

    Teorem türleri ve alıştırmalar belgedeki sıralarıyla numaralanır (türüne göre).
    """
    labels, counts, pending = {}, {}, None
    titles = {} if titles is None else titles
    for cell in cells:
        if cell['cell_type'] == 'code':
            figure = cell.get('metadata', {}).get('mystnb', {}).get('figure', {})
            if figure.get('name'):
                labels[figure['name']] = Label(doc, 'figure', figure.get('caption', ''))
            continue
        if cell['cell_type'] != 'markdown':
            continue
        blocks = parse(cell['source'].split('\n'))
        for block in blocks:
            if not isinstance(block, Text):
                continue
            for line in block.lines:
                target, heading = _TARGET.match(line), _HEADING.match(line)
                if target:
                    pending = target.group(1)
                elif heading:
                    titles.setdefault(doc, heading.group(2))
                    if pending:
                        labels[pending] = Label(doc, 'section', heading.group(2))
                        pending = None
        for d in walk(blocks):
            kind = d.name.removeprefix('prf:')
            if kind in PROOF_LABELS or d.name == 'exercise':
                counts[kind] = counts.get(kind, 0) + 1
            if d.options.get('label'):
                labels[d.options['label']] = Label(
                    doc, kind, d.argument, counts.get(kind, 0)
                )
    return labels


# --- Kaynakça biçimi ----------------------------------------------------------------


def _latex(text):
    """BibTeX alanındaki LaTeX'i düz metne çevirir (\\url{...}, ayraçlar, aksanlar)."""
    import codecs

    import latexcodec  # noqa: F401 (ulatex kodlayıcısını kaydeder)

    text = re.sub(r'\\url\{([^}]*)\}', r'\1', str(text))
    if '\\' in text or '--' in text:
        text = codecs.decode(text, 'ulatex')
    return re.sub(r'\s+', ' ', text.replace('{', '').replace('}', '')).strip()


def _surnames(entry):
    persons = entry.persons.get('author') or entry.persons.get('editor') or []
    return [_latex(' '.join(p.prelast_names + p.last_names)) for p in persons]


def _year(entry):
    return _latex(entry.fields.get('year', 't.y.'))


def cite_author(entry):
    names = _surnames(entry)
    if not names:
        return _latex(entry.fields.get('title', '?'))
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f'{names[0]} ve {names[1]}'
    return f'{names[0]} ve ark.'


def reference_line(entry):
    """Kaynak listesindeki bir satır: Yazarlar (yıl). Başlık. *Yayın*, cilt."""
    persons = entry.persons.get('author') or entry.persons.get('editor') or []
    names = []
    for p in persons:
        initials = ' '.join(
            f'{_latex(n)[0]}.' for n in p.first_names + p.middle_names if _latex(n)
        )
        last = _latex(' '.join(p.prelast_names + p.last_names))
        names.append(f'{last}, {initials}' if initials else last)
    authors = (
        ', '.join(names[:-1]) + f' ve {names[-1]}'
        if len(names) > 1
        else (names[0] if names else '')
    )
    fields = entry.fields
    title = _latex(fields.get('title', ''))
    parts = [
        f'{authors} ({_year(entry)}).',
        title + ('' if title[-1:] in '.?!' else '.'),
    ]
    venue = fields.get('journal') or fields.get('booktitle')
    if venue:
        extra = ''.join(
            f', {_latex(fields[k])}' for k in ('volume', 'pages') if k in fields
        )
        parts.append(f'*{_latex(venue)}*{extra}.')
    if 'publisher' in fields:
        parts.append(f'{_latex(fields["publisher"])}.')
    for key in ('url', 'note'):
        if key in fields:
            parts.append(f'{_latex(fields[key])}')
    return ' '.join(parts)


# --- Dönüştürme ---------------------------------------------------------------------


@dataclass
class Context:
    """Tek bir defterin dönüştürülmesi: bölüm, çerçeve, kip ve toplanan atıflar."""

    book: BookInfo
    doc: str  # 'book/temel_gan'
    nb: object  # bölüm defteri (saklı çıktılar, süreler)
    student: bool = False
    cited: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    _glue: dict = None
    _labels: dict = None

    def label(self, name):
        """Etiketin kaydı: önce bu bölümün kendisinde, sonra kitabın geri kalanında."""
        if self._labels is None:
            self._labels = index_chapter(self.doc, self.nb.cells)
        return self._labels.get(name) or self.book.labels.get(name)

    @property
    def glue(self):
        if self._glue is None:
            self._glue = glue_values(self.nb)
        return self._glue


def glue_values(nb):
    """Bölümün saklı çıktılarındaki glue kayıtları: {ad: text/plain metni}."""
    values = {}
    for cell in nb.cells:
        if cell.cell_type != 'code':
            continue
        for fw in FRAMEWORKS:
            for out in cell_outputs(cell, fw):
                meta = out.get('metadata', {}).get('scrapbook')
                if not meta:
                    continue
                prefix = meta.get('mime_prefix', '')
                text = out.get('data', {}).get(prefix + 'text/plain')
                if text is not None:
                    values[meta['name']] = text
    return values


def _format_glue(ctx, content):
    key, _, spec = content.partition(':')
    if key not in ctx.glue:
        raise BookError(
            f"{ctx.doc}: '{key}' için saklı bir glue kaydı yok (bölümü "
            'python -m kitap run ile çalıştırın)'
        )
    text = ctx.glue[key]
    if not spec:
        return text.strip("'")
    try:
        return format(ast.literal_eval(text), spec)
    except (ValueError, SyntaxError, TypeError) as exc:
        raise BookError(
            f"{ctx.doc}: glue '{key}' değeri {text!r} '{spec}' ile "
            f'biçimlenemedi ({exc})'
        ) from None


_ROLE = re.compile(r'(?<!`)\{(?P<name>[A-Za-z][\w:.+-]*)\}`(?P<content>[^`]+)`')
# Satır içi kod parçası: içindeki süslü ayraçlar rol değildir.
_CODE_SPAN = r'(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks)'
_ROLE_OR_CODE = re.compile(_ROLE.pattern + '|' + _CODE_SPAN, re.S)
_EXPLICIT = re.compile(r'^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$', re.S)


def _cite(ctx, keys, textual):
    parts = []
    for key in [k.strip() for k in keys.split(',') if k.strip()]:
        entry = ctx.book.entry(key)
        if key not in ctx.cited:
            ctx.cited.append(key)
        author, year = cite_author(entry), _year(entry)
        parts.append(f'{author} ({year})' if textual else f'{author}, {year}')
    return '; '.join(parts) if textual else f'({"; ".join(parts)})'


def _reference(ctx, content, kind):
    explicit = _EXPLICIT.match(content)
    text, target = (
        (explicit.group('text'), explicit.group('target'))
        if explicit
        else (None, content.strip())
    )
    if kind == 'doc':
        doc = (
            str((Path(ctx.doc).parent / target).as_posix())
            if not target.startswith('/')
            else target.lstrip('/')
        )
        doc = re.sub(r'\.(md|ipynb)$', '', doc)
        title = text or ctx.book.titles.get(doc)
        if title is None:
            raise BookError(f'{ctx.doc}: {{doc}}`{content}` bulunamadı')
        return f'[{title}]({ctx.book.url(doc)})'
    label = ctx.label(target)
    if label is None:
        raise BookError(f"{ctx.doc}: '{target}' etiketi kitapta yok")
    if label.kind in PROOF_LABELS or label.kind == 'exercise':
        name = PROOF_LABELS.get(label.kind, 'Alıştırma')
        default = (
            f'{name} {label.number}'
            if label.doc == ctx.doc
            else (f'{name} ({label.text})' if label.text else name)
        )
    elif label.kind == 'figure':
        default = f'şekil ({label.text})' if label.text else 'şekil'
    else:
        default = label.text or target
    if text and kind == 'numref':
        text = (
            text.replace('%s', str(label.number or ''))
            .replace('{number}', str(label.number or ''))
            .replace('{name}', label.text)
            .strip()
        )
    shown = text or default
    if label.doc == ctx.doc and label.kind != 'figure':
        return shown
    return f'[{shown}]({ctx.book.url(label.doc, target)})'


def convert_role(ctx, name, content):
    if name in ('cite', 'cite:p', 'cite:ps', 'cite:alp'):
        return _cite(ctx, content, textual=False)
    if name in ('cite:t', 'cite:ts'):
        return _cite(ctx, content, textual=True)
    if name in ('prf:ref', 'ref', 'numref', 'doc', 'eq'):
        if name == 'eq':
            label = ctx.label(content.strip())
            doc = label.doc if label else ctx.doc
            return f'[denklem]({ctx.book.url(doc, "equation-" + content.strip())})'
        return _reference(ctx, content, name)
    if name in ('glue:text', 'glue'):
        return _format_glue(ctx, content)
    if name == 'math':
        return f'${content}$'
    if name in ('sub', 'sup', 'kbd'):
        return f'<{name}>{content}</{name}>'
    if name == 'abbr':
        return re.sub(r'\s*\([^)]*\)\s*$', '', content)
    if name in ('term', 'index'):
        explicit = _EXPLICIT.match(content)
        return explicit.group('text') if explicit else content
    if name == 'download':
        explicit = _EXPLICIT.match(content)
        text, path = (
            (explicit.group('text'), explicit.group('target'))
            if explicit
            else (content, content)
        )
        return f'[{text}]({ctx.book.raw_url((Path(ctx.doc).parent / path).as_posix())})'
    raise BookError(
        f'{ctx.doc}: MyST rolü {{{name}}} Jupyter defterine çevrilemiyor '
        '(arac/kitap/myst.py)'
    )


def _text(ctx, lines):
    kept = []
    for line in lines:
        if (
            _TARGET.match(line)
            or re.match(r'^\s*%', line)
            or re.match(r'^\+\+\+', line)
        ):
            continue
        # Denklem etiketi: `$$ (etiket)` -> `$$`
        kept.append(re.sub(r'(\$\$)\s*\([^()\s]+\)\s*$', r'\1', line))
    text = '\n'.join(kept)

    def role_or_code(m):  # satır içi kod (`relu{b}_{k}`) olduğu gibi kalır
        if m.group('name') is None:
            return m.group(0)
        return convert_role(ctx, m.group('name'), m.group('content'))

    return _ROLE_OR_CODE.sub(role_or_code, text)


def _quote(text):
    return '\n'.join(f'> {line}'.rstrip() for line in text.split('\n'))


def _details(summary, body):
    return f'<details>\n<summary><b>{summary}</b></summary>\n\n{body}\n\n</details>'


def _directive(ctx, d):
    name = d.name
    body = render(ctx, d.body) if name not in _LITERAL else '\n'.join(d.body)
    title = _text(ctx, [d.argument]) if d.argument else ''
    if name == 'exercise':
        ctx.counts['exercise'] = ctx.counts.get('exercise', 0) + 1
        heading = f'### Alıştırma {ctx.counts["exercise"]}'
        return heading + (f' ({title})' if title else '') + '\n\n' + body
    if name == 'solution':
        return None if ctx.student else _details('Çözüm', body)
    if name == 'prf:proof':
        return (
            f'**İspat.** {body}'
            if body and not _starts_block(body)
            else (f'**İspat.**\n\n{body}')
        )
    if name.startswith('prf:') and name[4:] in PROOF_LABELS:
        kind = name[4:]
        ctx.counts[kind] = ctx.counts.get(kind, 0) + 1
        label = PROOF_LABELS[kind]
        if 'nonumber' not in d.options:
            label += f' {ctx.counts[kind]}'
        head = f'**{label}**' + (f' ({title})' if title else '')
        return _quote(f'{head}\n\n{body}')
    if name == 'admonition':
        if 'dropdown' in str(d.options.get('class', '')):
            return _details(title, body)
        return _quote(f'**{title}**\n\n{body}' if title else body)
    if name in ADMONITIONS:
        label = title or ADMONITIONS[name]
        if 'dropdown' in str(d.options.get('class', '')):
            return _details(label, body)
        return _quote(f'**{label}**\n\n{body}')
    if name in ('dropdown', 'toggle'):
        return _details(title or 'Göster', body)
    if name in _QUOTED:
        return _quote(f'**{title}**\n\n{body}' if title else body)
    if name == 'math':
        return f'$$\n{body}\n$$'
    if name in ('code', 'code-block', 'sourcecode'):
        return f'```{d.argument}\n{body}\n```'
    if name == 'raw' and d.argument.lower() == 'html':
        return body
    if name in ('figure', 'image'):
        path = (Path(ctx.doc).parent / d.argument).as_posix()
        alt = d.options.get('alt', title or '')
        image = f'![{alt}]({ctx.book.raw_url(path)})'
        return image + (f'\n\n*{body}*' if name == 'figure' and body else '')
    if name == 'bibliography':
        return None
    raise BookError(
        f'{ctx.doc}: MyST yönergesi {{{name}}} Jupyter defterine çevrilemiyor '
        '(arac/kitap/myst.py)'
    )


def _starts_block(text):
    first = text.lstrip().split('\n', 1)[0]
    return bool(re.match(r'^(\$\$|[-*+] |\d+\. |#|>|```|~~~|\|)', first))


def render(ctx, blocks):
    parts = []
    for block in blocks:
        if isinstance(block, Text):
            parts.append(_text(ctx, block.lines))
        elif isinstance(block, Code):
            parts.append('\n'.join(block.lines))
        else:
            out = _directive(ctx, block)
            if out is not None:
                parts.append(out)
    # Bloklar boş satırla ayrılır; üçten çok ardışık boş satır bire iner.
    text = '\n\n'.join(p.strip('\n') for p in parts if p.strip())
    return re.sub(r'\n{3,}', '\n\n', text)


def convert_markdown(ctx, source):
    """Bir markdown hücresinin Jupyter karşılığı (boş dize: hücre düşer)."""
    # Henüz çalıştırılmamış bir bölümün süresi yoktur (`check` bunu ayrıca bildirir).
    values = runtime_values(ctx.nb)
    source = PLACEHOLDER.sub(lambda m: values.get(m.group(1), 'ölçülmedi'), source)
    return render(ctx, parse(source.split('\n'))).strip('\n')


def references_markdown(ctx):
    """Defterde atıf yapılan kaynakların listesi (yoksa None)."""
    if not ctx.cited:
        return None
    entries = sorted(
        (ctx.book.entry(k) for k in ctx.cited),
        key=lambda e: (cite_author(e).lower(), _year(e)),
    )
    return '## Kaynaklar\n\n' + '\n'.join(f'- {reference_line(e)}' for e in entries)


# --- Kalıntı denetimi (testler ve export kullanır) ----------------------------------

MYST_LEFTOVERS = [
    (re.compile(r'\{[A-Za-z][\w:.+-]*\}`'), 'rol'),
    (re.compile(r'^ {0,3}(`{3,}|~{3,}|:{3,})\s*\{', re.M), 'yönerge'),
    (re.compile(r'^\s*\([^()\s]+\)=\s*$', re.M), 'hedef'),
    (re.compile(r'\{\{[^}]*\}\}'), 'yer tutucu'),
    (re.compile(r'^:(label|class|nonumber|name):', re.M), 'yönerge seçeneği'),
    (re.compile(r'\$\$\s*\([^()\s]+\)\s*$', re.M), 'denklem etiketi'),
]


def myst_leftovers(text):
    """Metinde kalmış MyST sözdizimi: [(tür, parça), ...] (satır içi kod hariç)."""
    found = []

    def drop(m):  # roller sayılır; satır içi kod içindekiler rol değildir
        if m.group('name') is not None:
            found.append(('rol', m.group(0)[: m.group(0).index('`') + 1]))
        return ''

    text = _ROLE_OR_CODE.sub(drop, text)
    for pattern, kind in MYST_LEFTOVERS:
        found += [(kind, m.group(0).strip()) for m in pattern.finditer(text)]
    return found
