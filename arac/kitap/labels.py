"""Kitap içi göndermelerin hedefleri ve alıştırma/teorem numaraları.

Numaraların tek kaynağı `Numbering`'dir: her tür (alıştırma, teorem, tanım ...)
belgede kendi sırasıyla numaralanır; numaralı bir bölümde numara bölümün numarasıyla
başlar ("Alıştırma 5.1"), Sphinx'in HTML'de verdiği gibi (bölüm numaraları
`_toc.yml`'den, bkz. config.chapter_numbers). Hem etiket dizini (göndermeler) hem
okur defterlerindeki başlıklar numarayı buradan alır.
"""

from dataclasses import dataclass

from .markdown import directives, tokens

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
EXERCISE = 'exercise'


def numbered_kind(name):
    """Yönergenin numaralanan türü ('exercise', 'theorem' ...) ya da None."""
    kind = name.removeprefix('prf:')
    return kind if kind in PROOF_LABELS or name == EXERCISE else None


def kind_label(kind):
    """Türün okura gösterilen adı: 'Alıştırma', 'Teorem' ..."""
    return 'Alıştırma' if kind == EXERCISE else PROOF_LABELS[kind]


class Numbering:
    """Bir belgenin alıştırma ve teorem numaraları, belge sırasıyla."""

    def __init__(self, chapter=None):
        self.chapter, self.counts = chapter, {}

    def number(self, directive):
        """Yönergenin numarası ('5.1', bölümsüz belgede '1'); numarasızsa None."""
        kind = numbered_kind(directive.name)
        if kind is None or 'nonumber' in directive.options:
            return None
        self.counts[kind] = self.counts.get(kind, 0) + 1
        count = self.counts[kind]
        return f'{self.chapter}.{count}' if self.chapter else str(count)


@dataclass
class Label:
    doc: str  # 'book/teori'
    kind: str  # 'section', 'exercise', 'theorem', 'figure', ...
    text: str  # başlık ya da başlık yoksa boş
    number: str = None  # alıştırma ve teoremlerde numarası


def index_document(doc, cells, chapter=None, titles=None):
    """Bir belgenin etiketleri: {etiket: Label}. `titles`e belgenin başlığı yazılır;
    `chapter` belgenin bölüm numarasıdır (numaralı değilse None)."""
    labels, numbering, pending = {}, Numbering(chapter), None
    titles = {} if titles is None else titles
    for cell in cells:
        if cell['cell_type'] == 'code':
            figure = cell.get('metadata', {}).get('mystnb', {}).get('figure', {})
            if figure.get('name'):
                labels[figure['name']] = Label(doc, 'figure', figure.get('caption', ''))
            continue
        if cell['cell_type'] != 'markdown':
            continue
        found = tokens(cell['source'])
        for token, following in zip(found, found[1:]):
            if token.type == 'myst_target':
                pending = token.content
            elif token.type == 'heading_open':
                titles.setdefault(doc, following.content)
                if pending:
                    labels[pending] = Label(doc, 'section', following.content)
                    pending = None
        for d in directives(cell['source']):
            number = numbering.number(d)
            if d.options.get('label'):
                kind = d.name.removeprefix('prf:')
                labels[d.options['label']] = Label(doc, kind, d.argument, number)
    return labels
