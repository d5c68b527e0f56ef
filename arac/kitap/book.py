"""Okur defterlerine dönüştürmenin bütün kitap için ortak bilgisi (bir kez okunur):
depo ve çevrimiçi kitabın adresi, bölüm numaraları, etiketler, başlıklar, kaynakça."""

from dataclasses import dataclass, field
from pathlib import Path

from .bibliography import load_bibliography
from .chapter import load_chapter
from .config import book_chapters, chapter_numbers, read_config, repository, resolve_doc
from .errors import BookError
from .labels import index_document


@dataclass
class BookInfo:
    root: Path
    repo_url: str = ''
    branch: str = 'main'
    baseurl: str = ''
    bibfiles: list = field(default_factory=list)
    chapters: dict = field(default_factory=dict)  # 'book/teori' -> 2
    labels: dict = field(default_factory=dict)  # etiket -> Label
    titles: dict = field(default_factory=dict)  # 'book/ders' -> başlık
    _bib: object = None

    @classmethod
    def load(cls, root):
        root = Path(root)
        config = read_config(root)
        repo_url, branch = repository(config)
        info = cls(
            root=root,
            repo_url=repo_url,
            branch=branch,
            baseurl=str((config.get('html') or {}).get('baseurl', '')),
            bibfiles=list(config.get('bibtex_bibfiles') or []),
            chapters=chapter_numbers(root),
        )
        for name in book_chapters(root):
            path = resolve_doc(root, name)
            if path is not None:
                info._index(name, path)
        return info

    def _index(self, doc, path):
        if path.suffix == '.ipynb':
            cells = load_chapter(path).cells
        else:
            cells = [
                {'cell_type': 'markdown', 'source': path.read_text(encoding='utf-8')}
            ]
        self.labels.update(
            index_document(doc, cells, self.chapters.get(doc), self.titles)
        )

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

    def entry(self, key):
        if self._bib is None:
            self._bib = load_bibliography(self.root, self.bibfiles)
        if key not in self._bib.entries:
            raise BookError(
                f"'{key}' kaynağı kaynakçada yok "
                f'({", ".join(self.bibfiles) or "_config.yml bibtex_bibfiles"})'
            )
        return self._bib.entries[key]
