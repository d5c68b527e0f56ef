"""MyST'ten düz Jupyter markdown'ına: okur ve öğrenci defterleri için.

Kitabın sayfaları MyST ile yazılır (`{cite:p}` rolleri, `{exercise}`, `{solution}`,
`{prf:theorem}` ve kutu yönergeleri, `(etiket)=` hedefleri). Jupyter ve Colab bunları
düz metin olarak gösterir; defterlere giden her markdown hücresi bu modülden geçer.
Metin markdown-it ile ayrıştırılır (bkz. markdown.py); kaynakta yalnızca MyST'e özgü
parçalar değişir, gerisi olduğu gibi kalır:

- atıflar "(Goodfellow ve ark., 2014)" olur, defterin sonuna kısa bir "Kaynaklar"
  listesi eklenir (kaynakça `book/references.bib`'den okunur);
- alıştırmalar numaralı başlıklardır ("### Alıştırma 3.2", numaralar kitaptakiyle
  aynı: labels.Numbering); çözümler açılıp kapanan bir HTML `<details>` kutusudur
  (öğrenci defterinde çözüm yoktur: markdown.remove_solutions);
- teorem, tanım, lemma ve algoritmalar kalın etiketli bir alıntı bloğu, ispatlar
  kalın "İspat." etiketiyle başlayan paragraflar, kutular (admonition, note, tip
  ...) kalın başlıklı alıntı bloklarıdır;
- kitap içi göndermeler aynı defterdeyse metin ("Teorem 2.1"), başka bir sayfadaysa
  çevrimiçi kitaba bağlantıdır (adres `_config.yml`'deki `html: baseurl:`);
- `{glue:text}` rolleri çalıştırmanın sakladığı değeri, süre yer tutucuları
  kaydedilen süreleri alır; `(etiket)=` hedefleri ve denklem etiketleri silinir.

Tanınmayan bir rol ya da yönerge sessizce kalmaz: `BookError` verir.
"""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from .bibliography import cite_author, reference_line, year
from .book import BookInfo
from .errors import BookError
from .labels import PROOF_LABELS, Numbering, index_document, kind_label, numbered_kind
from .markdown import LITERAL, line_starts, regions, scan
from .outputs import glue_values
from .runtime import fill_runtime

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


@dataclass
class Context:
    """Tek bir defterin dönüştürülmesi: bölüm, kitap bilgisi ve toplanan atıflar."""

    book: BookInfo
    doc: str  # 'book/temel_gan'
    nb: object  # bölüm defteri (saklı çıktılar, süreler)
    cited: list = field(default_factory=list)
    numbering: Numbering = None
    _glue: dict = None
    _labels: dict = None

    def __post_init__(self):
        if self.numbering is None:
            self.numbering = Numbering(self.book.chapters.get(self.doc))

    def label(self, name):
        """Etiketin kaydı: önce bu bölümün kendisinde, sonra kitabın geri kalanında."""
        if self._labels is None:
            chapter = self.book.chapters.get(self.doc)
            self._labels = index_document(self.doc, self.nb.cells, chapter)
        return self._labels.get(name) or self.book.labels.get(name)

    @property
    def glue(self):
        if self._glue is None:
            self._glue = glue_values(self.nb)
        return self._glue


def _explicit(content):
    """`metin <hedef>` biçimi: (metin, hedef) ya da (None, içerik)."""
    content = content.strip()
    if content.endswith('>') and '<' in content:
        text, _, target = content[:-1].rpartition('<')
        if target and '>' not in target:
            return text.rstrip(), target
    return None, content


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


def _cite(ctx, keys, textual):
    parts = []
    for key in [k.strip() for k in keys.split(',') if k.strip()]:
        entry = ctx.book.entry(key)
        if key not in ctx.cited:
            ctx.cited.append(key)
        author, when = cite_author(entry), year(entry)
        parts.append(f'{author} ({when})' if textual else f'{author}, {when}')
    return '; '.join(parts) if textual else f'({"; ".join(parts)})'


def _document(ctx, text, target, content):
    doc = (
        str((Path(ctx.doc).parent / target).as_posix())
        if not target.startswith('/')
        else target.lstrip('/')
    )
    doc = doc.removesuffix('.md').removesuffix('.ipynb')
    title = text or ctx.book.titles.get(doc)
    if title is None:
        raise BookError(f'{ctx.doc}: {{doc}}`{content}` bulunamadı')
    return f'[{title}]({ctx.book.url(doc)})'


def _reference(ctx, content, kind):
    text, target = _explicit(content)
    if kind == 'doc':
        return _document(ctx, text, target, content)
    label = ctx.label(target)
    if label is None:
        raise BookError(f"{ctx.doc}: '{target}' etiketi kitapta yok")
    if numbered_kind(label.kind):  # kitaptaki gibi: "Teorem 2.1"
        name = kind_label(label.kind)
        default = (
            f'{name} {label.number}'
            if label.number
            else (f'{name} ({label.text})' if label.text else name)
        )
    elif label.kind == 'figure':
        default = f'şekil ({label.text})' if label.text else 'şekil'
    else:
        default = label.text or target
    if text and kind == 'numref':
        number = label.number or ''
        text = (
            text.replace('%s', number)
            .replace('{number}', number)
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
    if name == 'eq':
        label = ctx.label(content.strip())
        doc = label.doc if label else ctx.doc
        return f'[denklem]({ctx.book.url(doc, "equation-" + content.strip())})'
    if name in ('prf:ref', 'ref', 'numref', 'doc'):
        return _reference(ctx, content, name)
    if name in ('glue:text', 'glue'):
        return _format_glue(ctx, content)
    if name == 'math':
        return f'${content}$'
    if name in ('sub', 'sup', 'kbd'):
        return f'<{name}>{content}</{name}>'
    if name == 'abbr':
        text, paren = content.rstrip(), content.rstrip().rfind('(')
        return text[:paren].rstrip() if text.endswith(')') and paren >= 0 else content
    if name in ('term', 'index'):
        return _explicit(content)[0] or content
    if name == 'download':
        text, path = _explicit(content)
        text = text or content
        return f'[{text}]({ctx.book.raw_url((Path(ctx.doc).parent / path).as_posix())})'
    raise BookError(
        f'{ctx.doc}: MyST rolü {{{name}}} Jupyter defterine çevrilemiyor '
        '(arac/kitap/convert.py)'
    )


def _text(ctx, text, start, end, scanned):
    """Düz metin parçası [start, end) (satırlar): roller çevrilir, hedefler ve
    yorumlar silinir, denklem etiketleri kalkar."""
    roles, dropped, labelled = scanned
    starts = line_starts(text)
    begin, finish = starts[start], starts[end] - 1
    edits = [
        (role.start, role.end, role)
        for role in roles
        if begin <= role.start and role.end <= finish
    ]
    for number in range(start, end):
        if number in dropped:
            edits.append((starts[number], starts[number + 1] - 1, None))
        elif number in labelled:  # `$$ (etiket)` -> `$$`
            line = text[starts[number] : starts[number + 1] - 1]
            kept = line.rstrip()[: -len(labelled[number]) - 2].rstrip()
            edits.append((starts[number] + len(kept), starts[number + 1] - 1, ''))
    pieces, cursor = [], begin
    for a, b, what in sorted(edits, key=lambda edit: edit[0]):
        pieces.append(text[cursor:a])
        if what is None:
            pieces.append('\0')  # silinecek satırın yeri
        elif isinstance(what, str):
            pieces.append(what)
        else:
            pieces.append(convert_role(ctx, what.name, what.content))
        cursor = b
    pieces.append(text[cursor:finish])
    lines = ''.join(pieces).split('\n')
    return '\n'.join(line for line in lines if line != '\0')


def _inline(ctx, text):
    """Yönergenin başlığı gibi tek satırlık bir metin."""
    return render(ctx, text) if text else ''


def _quote(text):
    return '\n'.join(f'> {line}'.rstrip() for line in text.split('\n'))


def _details(summary, body):
    return f'<details>\n<summary><b>{summary}</b></summary>\n\n{body}\n\n</details>'


def _starts_block(text):
    first = text.lstrip().split('\n', 1)[0]
    return first.startswith(('$$', '- ', '* ', '+ ', '#', '>', '```', '~~~', '|')) or (
        first.split('. ', 1)[0].isdigit() and '. ' in first
    )


def _directive(ctx, d):
    name = d.name
    number = ctx.numbering.number(d)  # iç yönergelerden önce (belge sırası)
    body = render(ctx, d.body) if name not in LITERAL else d.body
    title = _inline(ctx, d.argument)
    if name == 'exercise':
        heading = f'### Alıştırma {number}' if number else '### Alıştırma'
        return heading + (f' ({title})' if title else '') + '\n\n' + body
    if name == 'solution':
        return _details('Çözüm', body)
    if name == 'prf:proof':
        return (
            f'**İspat.** {body}'
            if body and not _starts_block(body)
            else (f'**İspat.**\n\n{body}')
        )
    if name.startswith('prf:') and name[4:] in PROOF_LABELS:
        label = PROOF_LABELS[name[4:]] + (f' {number}' if number else '')
        head = f'**{label}**' + (f' ({title})' if title else '')
        return _quote(f'{head}\n\n{body}')
    dropdown = 'dropdown' in str(d.options.get('class', ''))
    if name == 'admonition':
        if dropdown:
            return _details(title, body)
        return _quote(f'**{title}**\n\n{body}' if title else body)
    if name in ADMONITIONS:
        label = title or ADMONITIONS[name]
        return _details(label, body) if dropdown else _quote(f'**{label}**\n\n{body}')
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
        '(arac/kitap/convert.py)'
    )


def render(ctx, text):
    """MyST metninin Jupyter markdown'ı."""
    lines, scanned, parts = text.split('\n'), scan(text), []
    for region in regions(text):
        if region.kind == 'metin':
            parts.append(_text(ctx, text, region.start, region.end, scanned))
        elif region.kind == 'kod':
            parts.append('\n'.join(lines[region.start : region.end]))
        else:
            out = _directive(ctx, region.directive)
            if out is not None:
                parts.append(out)
    # Bloklar boş satırla ayrılır; üçten çok ardışık boş satır bire iner.
    joined = '\n\n'.join(p.strip('\n') for p in parts if p.strip())
    return re.sub(r'\n{3,}', '\n\n', joined)


def convert_markdown(ctx, source):
    """Bir markdown hücresinin Jupyter karşılığı (boş dize: hücre düşer)."""
    return render(ctx, fill_runtime(source, ctx.nb)).strip('\n')


def references_markdown(ctx):
    """Defterde atıf yapılan kaynakların listesi (yoksa None)."""
    if not ctx.cited:
        return None
    entries = sorted(
        (ctx.book.entry(k) for k in ctx.cited),
        key=lambda e: (cite_author(e).lower(), year(e)),
    )
    return '## Kaynaklar\n\n' + '\n'.join(f'- {reference_line(e)}' for e in entries)
