"""Saklı çıktılar: çerçeve başına saklama, sayfa için açma, karşılaştırma, glue.

- Saklama: ortak (etiketsiz) bir hücre her çerçevede çalışır. Çıktılar çerçevelerde
  aynıysa bir kez `outputs`'ta durur; farklıysa ilk çerçevenin (FRAMEWORKS sırası)
  çıktıları `outputs`'ta, ondan farklı olanlar üst verideki
  `d2l_gan.outputs.<çerçeve>` altında saklanır.
- Açma: kitabın sayfasında böyle bir hücre, aynı kodu ve kendi çıktısını taşıyan
  çerçeve başına bir kopyaya açılır (sekme eklentisi onları kendi sekme kümesinde
  gösterir).
- Karşılaştırma: çıktılar makineye ve çalıştırmaya özgü parçalar (`SANITIZE`:
  nesne adresleri, şekil boyutu satırı) çıkarılarak karşılaştırılır; nbval'in
  ayarı da (`nbval_sanitize`) aynı listeden yazılır.
- Glue: MyST-NB'nin `glue` kayıtları (`glue_values`); kitap ve testler buradan okur.
"""

import copy
import json
import re

from d2l_gan.frameworks import FRAMEWORKS, SUFFIXES

from .chapter import META_KEY

# Karşılaştırmada yok sayılanlar: (düzenli ifade, yerine).
SANITIZE = (
    (r'<Figure size [^>]*>', '<Figure>'),
    (r'0x[0-9a-fA-F]+', '0x'),
)
# Açılan kopyaların sekme grubu etiketi (komşu sekme gruplarıyla karışmasınlar diye).
GROUP_TAG = 'd2l-ortak-{id}'


def cell_outputs(cell, framework):
    """Bir kod hücresinin `framework` çalıştırmasındaki saklı çıktıları."""
    per = cell.get('metadata', {}).get(META_KEY, {}).get('outputs', {})
    return per.get(framework, cell.get('outputs', []))


def all_outputs(cell):
    """Hücrenin saklı çıktıları, bütün çerçevelerde (ortak hücrede her çerçeveninki)."""
    seen, outputs = set(), []
    for fw in FRAMEWORKS:
        for out in cell_outputs(cell, fw):
            if id(out) not in seen:
                seen.add(id(out))
                outputs.append(out)
    return outputs


def normalize(text):
    """Metnin karşılaştırılabilir biçimi (SANITIZE uygulanmış)."""
    for pattern, replacement in SANITIZE:
        text = re.sub(pattern, replacement, text)
    return text


def nbval_sanitize():
    """nbval'in `--nbval-sanitize-with` dosyasının metni (SANITIZE'dan)."""
    sections = [
        f'[kural{i}]\nregex: {pattern}\nreplace: {replacement}\n'
        for i, (pattern, replacement) in enumerate(SANITIZE, 1)
    ]
    return '\n'.join(sections)


def same_outputs(a, b):
    """İki çıktı listesi (yürütme sayıları ve SANITIZE dışında) aynı mı?"""

    def text(outputs):
        parts = [
            json.dumps(
                {k: v for k, v in out.items() if k != 'execution_count'},
                sort_keys=True,
                ensure_ascii=False,
            )
            for out in outputs
        ]
        return normalize('\n'.join(parts))

    return text(a) == text(b)


def comparable_text(cell):
    """Hücrenin karşılaştırılabilir metin çıktıları (denetlenen hücreler için)."""
    parts = []
    for out in cell.get('outputs', []):
        if out.output_type == 'stream':
            parts.append(out.text)
        elif 'data' in out and 'text/plain' in out.data:
            parts.append(out.data['text/plain'])
    return normalize(''.join(parts))


def set_cell_outputs(cell, per_framework):
    """Ortak bir hücreye çerçeve başına çıktıları yazar ({çerçeve: çıktılar})."""
    order = [fw for fw in FRAMEWORKS if fw in per_framework]
    first = per_framework[order[0]]
    cell.outputs = first
    meta = cell.metadata.get(META_KEY, {})
    differing = {
        fw: per_framework[fw]
        for fw in order[1:]
        if not same_outputs(per_framework[fw], first)
    }
    if differing:
        meta['outputs'] = differing
        cell.metadata[META_KEY] = meta
    else:
        meta.pop('outputs', None)
        if meta:
            cell.metadata[META_KEY] = meta
        else:
            cell.metadata.pop(META_KEY, None)


def expand_shared_cells(nb):
    """Çıktıları çerçevelerde farklı olan her ortak hücre, çerçeve başına bir
    kopyaya açılır (kopyalar `GROUP_TAG` ile kendi sekme grubudur)."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != 'code' or 'outputs' not in cell.metadata.get(META_KEY, {}):
            cells.append(cell)
            continue
        for fw in FRAMEWORKS:
            copy_ = copy.deepcopy(cell)
            copy_.metadata.pop(META_KEY)
            tags = copy_.metadata.get('tags', [])
            copy_.metadata['tags'] = [*tags, fw, GROUP_TAG.format(id=cell.id)]
            copy_.outputs = cell_outputs(cell, fw)
            copy_.id = f'{cell.id}-{SUFFIXES[fw]}'
            cells.append(copy_)
    nb.cells = cells
    return nb


def glue_values(nb):
    """Bölümün saklı çıktılarındaki glue kayıtları: {ad: text/plain metni}.

    Kayıt herhangi bir hücrede, ortak hücrelerde herhangi bir çerçevenin çıktısında
    olabilir; bir ad birden çok kez kaydedildiyse ilki geçerlidir.
    """
    values = {}
    for cell in nb.cells:
        if cell.cell_type != 'code':
            continue
        for out in all_outputs(cell):
            meta = out.get('metadata', {}).get('scrapbook')
            if not meta:
                continue
            prefix = meta.get('mime_prefix', '')
            text = out.get('data', {}).get(prefix + 'text/plain')
            if text is not None:
                values.setdefault(meta['name'], text)
    return values
