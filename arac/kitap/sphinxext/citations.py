"""Sphinx eklentisi: Türkçe kaynakça ve okunur atıf etiketleri.

sphinxcontrib-bibtex kaynakçayı pybtex'in biçemleriyle yazar; onların sözcükleri
İngilizcedir ("and", "In", "volume 70 of PMLR", "pages"). Atıf etiketleri ("alpha":
[GPAM+14]) yazar adlarının LaTeX yazımından çıkarılır; aksanlı ya da Türkçe harfli
adlar bozulur: `Peyr{\\'e}` -> [BRPeyreP15], `Yaz{\\i}c{\\i}` -> [YaziciFW+19].

- `turkce` biçimi (`bibtex_default_style`): pybtex'in "alpha" biçimi, Türkçe
  sözcüklerle: "ve", "İçinde:", "PMLR, cilt 70", "s. 214–223", "(ed.)".
- Etiketler, adların LaTeX'i çözülüp ASCII'ye indirgendikten sonra "alpha" kuralıyla
  çıkarılır: [BRPP15], [LTH+17], [SCT+17], [YFW+19].
- `turkce` atıf biçimi (`bibtex_reference_style`): metin içi atıfta "Arjovsky ve
  Bottou [AB17]", "Goodfellow ve ark. [GPAM+14]".
"""

import unicodedata
from dataclasses import dataclass, field

import pybtex.plugin
from pybtex.richtext import Symbol, Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.alpha import Style as AlphaStyle
from pybtex.style.formatting.unsrt import date, pages
from pybtex.style.labels.alpha import LabelStyle as AlphaLabelStyle
from pybtex.style.labels.alpha import _abbr, _strip_nonalnum
from pybtex.style.template import field as bib_field
from pybtex.style.template import (
    first_of,
    join,
    names,
    optional,
    optional_field,
    sentence,
    tag,
    together,
    words,
)
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle

from ..bibliography import latex_text

NAME = 'turkce'

# NFD ile ayrışmayan harflerin ASCII karşılıkları (ayrışanlar aksanını bırakır: é -> e).
ASCII = str.maketrans(
    {
        'ı': 'i',
        'İ': 'I',
        'ø': 'o',
        'Ø': 'O',
        'ł': 'l',
        'Ł': 'L',
        'đ': 'd',
        'Đ': 'D',
        'ß': 'ss',
        'æ': 'ae',
        'Æ': 'AE',
        'œ': 'oe',
        'Œ': 'OE',
    }
)


def ascii_fold(text):
    """Aksanları ve Türkçe harfleri atar: 'Sønderby' -> 'Sonderby',
    'Yazıcı' -> 'Yazici'."""
    decomposed = unicodedata.normalize('NFD', str(text).translate(ASCII))
    return ''.join(c for c in decomposed if not unicodedata.combining(c))


def _plain(parts):
    return [ascii_fold(latex_text(part)) for part in parts]


class TurkishLabelStyle(AlphaLabelStyle):
    """pybtex'in "alpha" etiketi, adların LaTeX'i çözülmüş ASCII yazımından."""

    def format_lab_names(self, persons):
        def abbr(person):
            parts = person.prelast_names + person.last_names
            return _strip_nonalnum(_abbr(_plain(parts)))

        if len(persons) == 1:
            person = persons[0]
            label = abbr(person)
            if len(label) < 2:
                label = _strip_nonalnum(_plain(person.last_names))[:3]
            return label
        shown = persons[:3] if len(persons) > 4 else persons
        label = ''
        for person in shown:
            label += '+' if str(person) == 'others' else abbr(person)
        return label + ('+' if len(persons) > 4 else '')


class TurkishStyle(AlphaStyle):
    """pybtex'in "alpha" biçimi, Türkçe sözcüklerle."""

    default_label_style = TurkishLabelStyle

    def format_names(self, role, as_sentence=True):
        formatted = names(role, sep=', ', sep2=' ve ', last_sep=' ve ')
        return sentence[formatted] if as_sentence else formatted

    def format_editor(self, e, as_sentence=True):
        editors = self.format_names('editor', as_sentence=False)
        if 'editor' not in e.persons:
            return editors
        result = words[editors, '(ed.)']
        return sentence[result] if as_sentence else result

    def format_volume_and_series(self, e, as_sentence=True):
        volume = together['cilt', bib_field('volume')]  # cümle başında: Cilt
        number = join(sep=Symbol('nbsp'))['sayı', bib_field('number')]
        result = first_of[
            optional[join(sep=', ')[bib_field('series'), volume]],
            optional[volume],
            optional[join(sep=', ')[bib_field('series'), number]],
            optional_field('series'),
        ]
        return sentence(capfirst=True)[result] if as_sentence else result

    def format_chapter_and_pages(self, e):
        return join(sep=', ')[
            optional[together['bölüm', bib_field('chapter')]],
            optional[together['s.', pages]],
        ]

    def format_edition(self, e):
        return optional[words[bib_field('edition'), 'baskı']]

    def get_article_template(self, e):
        volume_and_pages = first_of[
            optional[
                join[
                    bib_field('volume'),
                    optional['(', bib_field('number'), ')'],
                    ':',
                    pages,
                ],
            ],
            words['s.', pages],
        ]
        return toplevel[
            self.format_names('author'),
            self.format_title(e, 'title'),
            sentence[tag('em')[bib_field('journal')], optional[volume_and_pages], date],
            sentence[optional_field('note')],
            self.format_web_refs(e),
        ]

    def _in(self, e, *details):
        return words[
            'İçinde:',
            sentence[
                (
                    optional[self.format_editor(e, as_sentence=False)],
                    self.format_btitle(e, 'booktitle', as_sentence=False),
                    self.format_volume_and_series(e, as_sentence=False),
                    *details,
                )
            ],
        ]

    def get_incollection_template(self, e):
        return toplevel[
            sentence[self.format_names('author')],
            self.format_title(e, 'title'),
            self._in(e, self.format_chapter_and_pages(e)),
            sentence[
                optional_field('publisher'),
                optional_field('address'),
                self.format_edition(e),
                date,
            ],
            self.format_web_refs(e),
        ]

    def get_inproceedings_template(self, e):
        return toplevel[
            sentence[self.format_names('author')],
            self.format_title(e, 'title'),
            words[
                self._in(e, optional[together['s.', pages]]),
                self.format_address_organization_publisher_date(e),
            ],
            sentence[optional_field('note')],
            self.format_web_refs(e),
        ]

    def _thesis(self, e, title, kind):
        """Tezler: doktora ve yüksek lisans yalnızca türün adında ve başlığın
        biçiminde ayrılır."""
        return toplevel[
            sentence[self.format_names('author')],
            title,
            sentence[kind, bib_field('school'), optional_field('address'), date],
            sentence[optional_field('note')],
            self.format_web_refs(e),
        ]

    def get_phdthesis_template(self, e):
        return self._thesis(e, self.format_btitle(e, 'title'), 'Doktora tezi')

    def get_mastersthesis_template(self, e):
        return self._thesis(e, self.format_title(e, 'title'), 'Yüksek lisans tezi')

    def get_techreport_template(self, e):
        return toplevel[
            sentence[self.format_names('author')],
            self.format_title(e, 'title'),
            sentence[
                words[
                    first_of[optional_field('type'), 'Teknik rapor'],
                    optional_field('number'),
                ],
                bib_field('institution'),
                optional_field('address'),
                date,
            ],
            sentence[optional_field('note')],
            self.format_web_refs(e),
        ]


@dataclass
class TurkishReferenceStyle(LabelReferenceStyle):
    """Etiketli atıf; metin içi atıfta yazarlar "ve" ve "ve ark." ile."""

    person: PersonStyle = field(
        default_factory=lambda: PersonStyle(
            sep2=' ve ', last_sep=' ve ', other=Text(' ve ark.')
        )
    )


for group, plugin in (
    ('pybtex.style.formatting', TurkishStyle),
    ('pybtex.style.labels', TurkishLabelStyle),
):
    pybtex.plugin.register_plugin(group, NAME, plugin, force=True)
register_plugin(
    'sphinxcontrib.bibtex.style.referencing', NAME, TurkishReferenceStyle, force=True
)


def configure(app: Sphinx, config):
    """Yapılandırma biçim seçmediyse (varsayılanlar) Türkçe biçimler kullanılır."""
    if config.bibtex_default_style == 'alpha':
        config.bibtex_default_style = NAME
    if config.bibtex_reference_style == 'label':
        config.bibtex_reference_style = NAME


def setup(app: Sphinx):
    app.setup_extension('sphinxcontrib.bibtex')
    # sphinxcontrib-bibtex atıf biçimini config-inited'de (öncelik 500) okur.
    app.connect('config-inited', configure, priority=400)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
