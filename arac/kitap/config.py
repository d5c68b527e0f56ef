"""Kitabın yapılandırması: `_config.yml` ve `_toc.yml` yalnızca burada okunur.

`_toc.yml` bölümlerin okuma sırasını ve numaralarını verir: numaralı bir kısmın
(`numbered:`) bölümleri 1'den başlayarak numaralanır (Sphinx her numaralı içindekiler
ağacında yeniden başlar); kitabın alıştırma ve teorem numaraları buna dayanır.
"""

from pathlib import Path

import yaml

from .errors import BookError


def _read_yaml(path):
    if not path.is_file():
        raise BookError(f'{path.name} bulunamadı: {path}')
    return yaml.safe_load(path.read_text(encoding='utf-8')) or {}


def read_config(root):
    """`_config.yml`'nin içeriği (sözlük)."""
    return _read_yaml(Path(root) / '_config.yml')


def repository(config):
    """Yapılandırmadaki depo adresi (sonunda / olmadan) ve dalı."""
    repo = config.get('repository') or {}
    return str(repo.get('url', '')).rstrip('/'), repo.get('branch', 'main')


def _toc_entries(root):
    """_toc.yml'deki belgeler, okuma sırasıyla: [(ad, bölüm numarası ya da None)]."""
    toc = _read_yaml(Path(root) / '_toc.yml')
    entries = [(toc.get('root'), None)]

    def sections(node):
        for entry in node.get('sections') or []:
            entries.append((entry.get('file'), None))
            sections(entry)

    def chapters(node, numbered):
        files = [entry for entry in node.get('chapters') or [] if 'file' in entry]
        for number, entry in enumerate(files, 1):
            entries.append((entry['file'], number if numbered else None))
            sections(entry)

    numbered = bool(toc.get('numbered') or (toc.get('defaults') or {}).get('numbered'))
    for part in toc.get('parts') or []:
        chapters(part, numbered or bool(part.get('numbered')))
    chapters(toc, numbered)
    sections(toc)
    return [(name, number) for name, number in entries if name]


def book_chapters(root):
    """_toc.yml'deki belgelerin adları (okuma sırasıyla): ['book/index', ...]."""
    return [name for name, _ in _toc_entries(root)]


def chapter_numbers(root):
    """Numaralı bölümlerin numaraları: {'book/giris': 1, ...} (HTML'deki gibi)."""
    return {name: number for name, number in _toc_entries(root) if number}


def resolve_doc(root, name):
    """_toc.yml'deki bir adın dosyası (.ipynb ya da .md) veya yoksa None."""
    for suffix in ('', '.ipynb', '.md'):
        path = Path(root) / (name + suffix)
        if path.is_file():
            return path
    return None


def chapter_notebooks(root, strict=False):
    """_toc.yml'deki bölüm defterleri; `strict` iken listelenip bulunamayan bir
    belge hatadır (yoksa sessizce atlanır; `check` onu ayrıca bildirir)."""
    paths = []
    for name in book_chapters(root):
        path = resolve_doc(root, name)
        if path is None and strict:
            raise BookError(
                f"_toc.yml '{name}' belgesini listeliyor ama dosya yok "
                f'({Path(root) / name}.ipynb ya da .md)'
            )
        if path is not None and path.suffix == '.ipynb':
            paths.append(path)
    return paths
