"""README'nin "Düzen" tabloları ağaçla eşleşir: andığı her yol vardır; kökteki her
şey, testlerin her klasörü ve aracın her modülü tabloda bir kez anılır."""

import fnmatch
import re

from repo import ROOT

# Kökte olup tabloda anılmayanlar: README'nin kendisi ve git'in görmezden geldikleri.
UNLISTED = {'README.md', '.git', '.gitignore'}


def layout_rows():
    """Düzen bölümündeki tabloların ilk sütunlarındaki yollar."""
    readme = (ROOT / 'README.md').read_text(encoding='utf-8')
    section = readme.split('## Düzen', 1)[1].split('\n## ', 1)[0]
    rows = [line for line in section.splitlines() if line.startswith('| `')]
    return [re.findall(r'`([^`]+)`', row.split('|')[1]) for row in rows]


def ignored():
    lines = (ROOT / '.gitignore').read_text(encoding='utf-8').splitlines()
    return {line.strip().strip('/') for line in lines if line.strip()}


def test_every_path_in_the_layout_tables_exists():
    kitap = ROOT / 'arac' / 'kitap'
    for paths in layout_rows():
        for path in paths:
            if path.endswith('.py') and '/' not in path:  # modül tablosu
                assert (kitap / path).is_file(), path
            else:
                pattern = path.replace('<çerçeve>', '*').rstrip('/')
                assert list(ROOT.glob(pattern)), f'README yolu yok: {path}'


def test_every_top_level_entry_test_folder_and_tool_module_is_listed():
    listed = [path for paths in layout_rows() for path in paths]
    tops = {path.split('/')[0] for path in listed}
    patterns = ignored()
    present = {
        p.name
        for p in ROOT.iterdir()
        if p.name not in UNLISTED
        and not any(fnmatch.fnmatch(p.name, pattern) for pattern in patterns)
    }
    assert present <= tops, f'README tablosunda yok: {sorted(present - tops)}'
    folders = {f'tests/{p.name}/' for p in (ROOT / 'tests').iterdir() if p.is_dir()} - {
        'tests/__pycache__/'
    }
    assert folders <= set(listed), sorted(folders - set(listed))
    modules = {p.name for p in (ROOT / 'arac' / 'kitap').glob('*.py')}
    assert modules - {'__init__.py'} <= set(listed), sorted(modules - set(listed))
    assert len(listed) == len(set(listed)), 'bir yol iki kez anılıyor'
