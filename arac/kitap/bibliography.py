"""Kaynakça: BibTeX kayıtları (pybtex) ve okur defterlerindeki atıf biçimi.

Atıf "(Goodfellow ve ark., 2014)" ya da "Kingma ve Ba (2015)"; defterin sonundaki
listede bir satır: Yazarlar (yıl). Başlık. *Yayın*, cilt.
"""

import codecs
import re
from pathlib import Path

import latexcodec  # noqa: F401 (ulatex kodlayıcısını kaydeder)
from pybtex.database import BibliographyData, parse_file

from .errors import BookError


def load_bibliography(root, bibfiles):
    """Verilen .bib dosyalarının kayıtları, tek bir BibliographyData'da."""
    data = BibliographyData()
    for name in bibfiles:
        path = Path(root) / name
        if not path.is_file():
            raise BookError(f'Kaynakça dosyası bulunamadı: {path}')
        for key, entry in parse_file(str(path)).entries.items():
            data.entries[key] = entry
    return data


def latex_text(text):
    """BibTeX alanındaki LaTeX'i düz metne çevirir (\\url{...}, ayraçlar, aksanlar)."""
    text = re.sub(r'\\url\{([^}]*)\}', r'\1', str(text))
    if '\\' in text or '--' in text:
        text = codecs.decode(text, 'ulatex')
    return re.sub(r'\s+', ' ', text.replace('{', '').replace('}', '')).strip()


def _persons(entry):
    return entry.persons.get('author') or entry.persons.get('editor') or []


def _surname(person):
    return latex_text(' '.join(person.prelast_names + person.last_names))


def year(entry):
    return latex_text(entry.fields.get('year', 't.y.'))


def cite_author(entry):
    names = [_surname(p) for p in _persons(entry)]
    if not names:
        return latex_text(entry.fields.get('title', '?'))
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f'{names[0]} ve {names[1]}'
    return f'{names[0]} ve ark.'


def reference_line(entry):
    """Kaynak listesindeki bir satır: Yazarlar (yıl). Başlık. *Yayın*, cilt."""
    names = []
    for p in _persons(entry):
        initials = ' '.join(
            f'{latex_text(n)[0]}.'
            for n in p.first_names + p.middle_names
            if latex_text(n)
        )
        names.append(f'{_surname(p)}, {initials}' if initials else _surname(p))
    authors = (
        ', '.join(names[:-1]) + f' ve {names[-1]}'
        if len(names) > 1
        else (names[0] if names else '')
    )
    fields = entry.fields
    title = latex_text(fields.get('title', ''))
    parts = [
        f'{authors} ({year(entry)}).',
        title + ('' if title[-1:] in '.?!' else '.'),
    ]
    venue = fields.get('journal') or fields.get('booktitle')
    if venue:
        extra = ''.join(
            f', {latex_text(fields[k])}' for k in ('volume', 'pages') if k in fields
        )
        parts.append(f'*{latex_text(venue)}*{extra}.')
    if 'publisher' in fields:
        parts.append(f'{latex_text(fields["publisher"])}.')
    for key in ('url', 'note'):
        if key in fields:
            parts.append(f'{latex_text(fields[key])}')
    return ' '.join(parts)
