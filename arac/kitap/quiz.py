"""Bölümlerin öz-denetim sınavları (aracın tarafı): denetim ve kitaptaki bağlantılar.

Sınavların dosyaları `book/sinavlar/<bölüm>.json`'dır; onları okura okur paketi
gösterir (`d2l_gan.quiz.show_quiz`, biçimi orada anlatılır). Bu modül:

- `quiz_problems`: bir bölümün sınav dosyasının ve sınav hücrelerinin sorunları
  (`check` ve testler kullanır). Dosya geçerli JSON olmalı; bölüm öncesi sınavda 3–5,
  bölüm sonrası sınavda 5–8 soru; çoktan seçmeli her sorunun tam bir doğru yanıtı,
  sayısal her sorunun toleranslı tek bir doğru yanıtı ve her yanıtın geri bildirimi
  olmalı; `kaynak` kitaptaki bir başlığa gitmeli; sorunun kullandığı her ölçülen
  sayının glue kaydı bölümün saklı çıktılarında her çerçevede bulunmalı ve `kosul`
  o sayılarla tutmalı. Bölümde sınav hücreleri (`sinav-once`, `sinav-sonra`) varsa
  yerleri, kaynakları ve saklı çıktıları da denetlenir: çıktının gösterdiği sayılar
  o çerçevenin glue kayıtlarıyla aynı olmalı ve çıktı, dosyanın bugünkü sorularıyla
  o sayılardan üretilenle aynı olmalı (dosya bölüm çalıştıktan sonra değiştiyse
  çıktı eskidir).
- `refresh_quiz_outputs` (`python -m kitap sinav`): sınav hücrelerinin çıktılarını
  dosyanın bugünkü sorularıyla, bölümün saklı glue kayıtlarından yeniden üretir.
  Sınav hücresinin çıktısı yalnızca sorulara ve o sayılara bağlıdır
  (`d2l_gan.quiz.quiz_outputs` belirlenimcidir); hücrenin bölüm çalışırken
  çağırdığı işlev aynı girdilerle çağrılır, eğitim yeniden yapılmaz.
- `page_quiz_outputs`: sınav çıktılarını kitabın sayfasına uyarlar. Geri
  bildirimlerin bağlantıları çevrimiçi kitaba değil aynı siteye (göreli) gider;
  derleme çevrimdışı da okunur. Betikler `guard_mathjax`'ten geçer: bu düzeltmeden
  önce çalıştırılmış bölümlerin saklı betikleri de MathJax yüklenmeden hata vermez.
"""

import ast
import copy
import html
import json
import math
import re
from pathlib import Path

import nbformat
from docutils.nodes import make_id

from d2l_gan.frameworks import FRAMEWORKS
from d2l_gan.quiz import (
    BOOK_URL,
    LINK_CLASS,
    PARTS,
    PLACEHOLDER,
    evaluate,
    guard_mathjax,
    question_names,
    quiz_outputs,
)

from .chapter import load_chapter
from .errors import BookError
from .markdown import directives, tokens
from .outputs import cell_outputs, glue_values, same_outputs, set_cell_outputs
from .runtime import RUNTIME_CLASS, RUNTIME_TITLE
from .style_checks import SUFFIX

QUIZ_DIR = Path('book') / 'sinavlar'
CELL_IDS = {'once': 'sinav-once', 'sonra': 'sinav-sonra'}
SIZES = {'once': (3, 5), 'sonra': (5, 8)}
EXERCISES_HEADING = 'Alıştırmalar'
TYPES = ('multiple_choice', 'numeric')
# Defteri henüz olmayan bir bölümün başlıkları: her kimlik kabul edilir.
ANY_ANCHOR = object()


def quiz_file(root, chapter):
    return Path(root) / QUIZ_DIR / f'{chapter}.json'


def cell_source(chapter, part):
    """Bölüme eklenen sınav hücresinin kaynağı (scripts/add_quiz_cells.py yazar)."""
    return f"from d2l_gan.quiz import show_quiz\n\nshow_quiz('{chapter}', '{part}')"


# --- Kitaptaki başlıklar --------------------------------------------------------


def _heading_text(inline):
    return ''.join(
        child.content
        for child in inline.children or []
        if child.type in ('text', 'code_inline', 'math_inline')
    ).strip()


def page_anchors(path):
    """Bir sayfanın gidilebilir başlıkları: {kimlik: başlık metni}.

    Kimlik, Sphinx'in başlığa verdiği kimliktir (docutils `make_id`) ya da başlığın
    önündeki `(etiket)=` hedefidir.
    """
    path = Path(path)
    if path.suffix == '.ipynb':
        cells = load_chapter(path).cells
        texts = [c.source for c in cells if c.cell_type == 'markdown']
    else:
        texts = [path.read_text(encoding='utf-8')]
    anchors, seen = {}, {}
    for text in texts:
        found = tokens(text)
        pending = None
        for token, following in zip(found, found[1:]):
            if token.type == 'myst_target':
                pending = token.content
            elif token.type == 'heading_open':
                title = _heading_text(following)
                key = make_id(title)
                seen[key] = seen.get(key, 0) + 1
                anchors[key] = title
                if pending:
                    anchors[pending] = title
                    pending = None
    # Aynı başlık iki kez geçiyorsa Sphinx ikincisine başka bir kimlik verir.
    return {k: v for k, v in anchors.items() if seen.get(k, 1) == 1}


# --- Dosyanın denetimi ------------------------------------------------------------


# Ölçülen bir sayının arkasına yazılmış Türkçe ek ("0.26'yı"): ekin biçimi sayıya
# bağlıdır, sayı ise yeniden çalıştırmayla değişir (bölüm metnindeki kuralın aynısı).
_SUFFIX = re.compile(SUFFIX)


def _texts(question):
    yield question.get('question', '')
    for answer in question.get('answers', []):
        yield answer.get('answer', '')
        yield answer.get('feedback', '')


def _answer_problems(question, where):
    answers = question.get('answers')
    if not isinstance(answers, list) or len(answers) < 2:
        return [f'{where}: en az iki yanıt olmalı']
    problems = [
        f'{where}, yanıt {i}: geri bildirim (feedback) yok'
        for i, a in enumerate(answers, 1)
        if not str(a.get('feedback', '')).strip()
    ]
    correct = [a for a in answers if a.get('correct') is True]
    if question['type'] == 'multiple_choice':
        if len(correct) != 1:
            problems.append(f'{where}: tam bir doğru yanıt olmalı ({len(correct)} var)')
        texts = [str(a.get('answer', '')).strip() for a in answers]
        if not all(texts):
            problems.append(f'{where}: boş bir seçenek var')
        if len(set(texts)) != len(texts):
            problems.append(f'{where}: iki seçenek aynı')
        return problems
    # Sayısal soru: ilk yanıt tek doğru yanıttır ve bir aralıktır (tolerans).
    if len(correct) != 1 or answers[0].get('correct') is not True:
        problems.append(f'{where}: tek doğru yanıt olmalı ve ilk sırada durmalı')
        return problems
    first = answers[0]
    if 'glue' in first:
        tolerance = first.get('tolerance')
        if not isinstance(tolerance, (int, float)) or tolerance <= 0:
            problems.append(f'{where}: glue yanıtının pozitif bir toleransı olmalı')
    else:
        bounds = first.get('range')
        if not (
            first.get('type') == 'range'
            and isinstance(bounds, list)
            and len(bounds) == 2
            and all(isinstance(b, (int, float)) for b in bounds)
            and bounds[0] < bounds[1]
        ):
            problems.append(
                f'{where}: doğru yanıt bir aralık olmalı ("type": "range", '
                '"range": [alt, üst]) ya da glue ve tolerans taşımalı'
            )
    if not any(a.get('type') == 'default' for a in answers):
        problems.append(
            f'{where}: öteki her yanıt için geri bildirimli bir "default" yanıt olmalı'
        )
    return problems


def question_problems(question, where, part, anchors_of):
    """Tek bir sorunun sorunları (glue kayıtları dışında)."""
    if not isinstance(question, dict):
        return [f'{where}: soru bir JSON nesnesi olmalı']
    problems = []
    if not str(question.get('question', '')).strip():
        problems.append(f'{where}: soru metni (question) yok')
    if question.get('type') not in TYPES:
        return problems + [f'{where}: türü {" ya da ".join(TYPES)} olmalı']
    problems += _answer_problems(question, where)
    for text in _texts(question):
        if '$' in str(text):
            problems.append(
                f'{where}: metinde $ var; sınavlarda TeX yok, matematiği Unicode '
                'ile yazın (D*(x), p_g, ≈)'
            )
        for match in PLACEHOLDER.finditer(str(text)):
            try:
                format(1.0, (match.group(2) or '').strip())
            except ValueError:
                problems.append(f'{where}: {match.group(0)} biçimi geçersiz')
            suffix = _SUFFIX.match(str(text), match.end())
            if suffix:
                problems.append(
                    f'{where}: {match.group(0)} sayısının arkasında '
                    f'"{suffix.group(0)}" eki var; ek sayının nasıl yazıldığına '
                    'bağlıdır, cümleyi eksiz kurun'
                )
    names = set()
    try:
        names = question_names(question)
        if 'kosul' in question:
            evaluate(question['kosul'], dict.fromkeys(names, 1.0))
    except (SyntaxError, ValueError) as exc:
        problems.append(f'{where}: kosul geçersiz ({exc})')
    if part == 'once' and names:
        problems.append(
            f'{where}: bölüm öncesi sınav ölçülen sayı kullanamaz ({sorted(names)}); '
            'sayılar bölüm çalıştıktan sonra vardır'
        )
    source = question.get('kaynak')
    if not isinstance(source, dict) or not {'kimlik', 'baslik'} <= set(source):
        problems.append(f'{where}: kaynak {{"kimlik", "baslik"}} olmalı')
        return problems
    anchors = anchors_of(source.get('sayfa'))
    if anchors is None:
        page = source.get('sayfa', 'bölümün kendisi')
        problems.append(f"{where}: kaynak sayfası '{page}' kitapta yok")
    elif anchors is ANY_ANCHOR:
        pass
    elif anchors.get(source['kimlik']) != source['baslik']:
        problems.append(
            f"{where}: kaynak '{source['kimlik']}' sayfada '{source['baslik']}' "
            f'başlığına gitmiyor (başlığı: {anchors.get(source["kimlik"])!r})'
        )
    return problems


def load_quiz_file(path):
    """(sınav, sorunlar): dosya okunamazsa sınav None'dır."""
    try:
        quiz = json.loads(Path(path).read_text(encoding='utf-8'))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [f'{path}: okunamadı ({exc})']
    if not isinstance(quiz, dict) or set(quiz) != set(PARTS):
        return None, [f'{path}: yalnızca "once" ve "sonra" listeleri olmalı']
    return quiz, []


def quiz_file_problems(root, chapter, glue=None, chapter_pending=False):
    """Sınav dosyasının sorunları (`checked_quiz`'in ikinci değeri)."""
    return checked_quiz(root, chapter, glue, chapter_pending)[1]


def checked_quiz(root, chapter, glue=None, chapter_pending=False):
    """(sınav, sorunlar): dosya bir kez okunur; sorun varsa sınav None'dır.

    `glue`: bölümün saklı glue kayıtları ({ad: metin}); None ise ölçülen sayılar
    denetlenmez. `chapter_pending` iken bölümün defteri henüz yoktur (başka bir
    dalda yazılıyor): bölümün kendi başlıklarına giden kaynaklar denetlenmez, öteki
    sayfalara gidenler denetlenir."""
    root = Path(root)
    path = quiz_file(root, chapter)
    if not path.is_file():
        return None, [f'{path.relative_to(root)}: bölümün sınav dosyası yok']
    quiz, problems = load_quiz_file(path)
    if quiz is None:
        return None, problems
    cache = {}

    def anchors_of(page):
        page = page or chapter
        if page == chapter and chapter_pending:
            return ANY_ANCHOR
        if page not in cache:
            found = [
                p
                for p in (root / 'book' / f'{page}.ipynb', root / 'book' / f'{page}.md')
                if p.is_file()
            ]
            cache[page] = page_anchors(found[0]) if found else None
        return cache[page]

    for part in PARTS:
        questions = quiz[part]
        low, high = SIZES[part]
        if not isinstance(questions, list) or not low <= len(questions) <= high:
            count = len(questions) if isinstance(questions, list) else '?'
            problems.append(f'{path.name} "{part}": {low}–{high} soru olmalı ({count})')
            continue
        for i, question in enumerate(questions, 1):
            where = f'{path.name} "{part}" soru {i}'
            problems += question_problems(question, where, part, anchors_of)
            if glue is not None and isinstance(question, dict):
                problems += _glue_problems(question, where, glue)
    return (None if problems else quiz), problems


def _glue_problems(question, where, glue):
    try:
        names = question_names(question)
    except (SyntaxError, ValueError):
        return []
    problems = []
    for fw in FRAMEWORKS:
        missing = sorted(n for n in names if f'{n}_{fw}' not in glue)
        if missing:
            problems.append(
                f'{where}: {fw} saklı çıktılarında glue kaydı yok: '
                + ', '.join(f'{n}_{fw}' for n in missing)
            )
            continue
        if 'kosul' in question:
            values = {n: float(glue[f'{n}_{fw}']) for n in names}
            if not evaluate(question['kosul'], values):
                problems.append(
                    f"{where}: kosul '{question['kosul']}' {fw} saklı çıktılarında "
                    f'tutmuyor ({values})'
                )
    return problems


# --- Bölümdeki sınav hücreleri ----------------------------------------------------


def quiz_data(outputs):
    """Saklı çıktılardaki sınavların üst verisi: [{'bolum', 'kisim', ...}]."""
    found = []
    for out in outputs:
        text = out.get('data', {}).get('text/html', '')
        if isinstance(text, list):
            text = ''.join(text)
        match = re.search(r"<div class='sinav' ([^>]*)>", text)
        if not match:
            continue
        fields = dict(re.findall(r"data-(\w+)='([^']*)'", match.group(1)))
        data = {}
        for key, value in fields.items():
            value = html.unescape(value)
            data[key] = value if key in ('bolum', 'kisim') else json.loads(value)
        data['script'] = any(
            'application/javascript' in o.get('data', {}) for o in outputs
        )
        found.append(data)
    return found


def _exercises_index(nb):
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != 'markdown':
            continue
        found = tokens(cell.source)
        for token, following in zip(found, found[1:]):
            if token.type == 'heading_open' and _heading_text(following) == (
                EXERCISES_HEADING
            ):
                return i
    return None


def _kernel_glue(glue, framework, shown):
    """`framework` çalıştırmasının çekirdeğindeki `GLUED`in eşi: o çerçevenin ve
    çerçevesiz glue kayıtları, saklı metinlerinden değere çevrilmiş. `shown`: saklı
    sınavın gösterdiği sayılar ({ad: değer}); çalıştırmanın kendi değerleri
    olduklarından metinden okunandan önce gelirler."""
    others = tuple(f'_{fw}' for fw in FRAMEWORKS if fw != framework)
    glued = {}
    for name, text in glue.items():
        if name.endswith(others):
            continue
        try:
            glued[name] = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            glued[name] = text
    for name, value in shown.items():
        glued[f'{name}_{framework}' if f'{name}_{framework}' in glued else name] = value
    return glued


def quiz_outputs_now(cell, framework, questions, chapter, part, glue):
    """Sınav hücresinin `framework` çalıştırmasında `questions` sorularıyla ve bölümün
    saklı glue kayıtlarıyla vereceği çıktılar: (çıktılar, saklı çıktı onlarla aynı mı).

    Saklı betikler karşılaştırmadan önce `guard_mathjax`'ten geçer (bu düzeltmeden
    önce çalıştırılmış bölümler de güncel sayılsın diye)."""
    stored = copy.deepcopy(cell_outputs(cell, framework))
    for out in stored:
        data = out.get('data', {})
        if 'application/javascript' in data:
            data['application/javascript'] = guard_mathjax(
                data['application/javascript']
            )
    shown = quiz_data(stored)
    values = shown[0]['degerler'] if len(shown) == 1 else {}
    bundles = quiz_outputs(
        chapter,
        part,
        questions=questions,
        glued=_kernel_glue(glue, framework, values),
    )
    outputs = [nbformat.v4.new_output('display_data', data=b) for b in bundles]
    return outputs, same_outputs(stored, outputs)


def quiz_cell_problems(nb, chapter, questions=None):
    """Bölümdeki sınav hücrelerinin sorunları (hücre yoksa sorun yok).

    `questions`: sınav dosyası ({'once': [...], 'sonra': [...]}); verilirse saklı
    çıktı, bu sorularla üretilecek çıktıyla da karşılaştırılır."""
    by_id = {c.get('id'): (i, c) for i, c in enumerate(nb.cells)}
    problems = []
    glue = None
    for part, cell_id in CELL_IDS.items():
        if cell_id not in by_id:
            continue
        index, cell = by_id[cell_id]
        where = f'sınav hücresi {cell_id}'
        if cell.cell_type != 'code' or cell.metadata.get('tags'):
            problems.append(f'{where}: etiketsiz (ortak) bir kod hücresi olmalı')
        if cell.source != cell_source(chapter, part):
            problems.append(
                f'{where}: kaynağı scripts/add_quiz_cells.py yazdığı gibi olmalı'
            )
        exercises = _exercises_index(nb)
        if part == 'sonra' and (exercises is None or index > exercises):
            problems.append(
                f"{where}: '## {EXERCISES_HEADING}' başlığından önce olmalı"
            )
        if cell.execution_count is None:
            continue  # çalıştırılmamış hücreyi check ayrıca bildirir
        for fw in FRAMEWORKS:
            shown = quiz_data(cell_outputs(cell, fw))
            if len(shown) != 1 or not shown[0]['script']:
                problems.append(f'{where}: {fw} çıktısında sınav yok')
                continue
            data = shown[0]
            if (data['bolum'], data['kisim']) != (chapter, part):
                problems.append(f'{where}: {fw} çıktısı başka bir sınavın')
            if data['eksik'] or data['atlanan']:
                problems.append(
                    f'{where}: {fw} çıktısında gösterilmeyen sorular var '
                    f'(eksik sayılar: {data["eksik"]}, tutmayan koşul: '
                    f'{data["atlanan"]})'
                )
            glue = glue_values(nb) if glue is None else glue
            for name, value in data['degerler'].items():
                stored = glue.get(f'{name}_{fw}')
                if stored is None or not math.isclose(float(stored), value):
                    problems.append(
                        f'{where}: {fw} çıktısındaki {name} = {value}, glue kaydı '
                        f'{name}_{fw} = {stored}'
                    )
            if questions is None or (data['bolum'], data['kisim']) != (chapter, part):
                continue
            _, current = quiz_outputs_now(
                cell, fw, questions[part], chapter, part, glue
            )
            if not current:
                problems.append(
                    f'{where}: {fw} çıktısı sınav dosyasının bugünkü sorularından '
                    f'eski; yenileyin: python -m kitap sinav book/{chapter}.ipynb'
                )
    if (CELL_IDS['once'] in by_id) != (CELL_IDS['sonra'] in by_id):
        problems.append('bölümde iki sınav hücresinden yalnızca biri var')
    elif CELL_IDS['once'] in by_id and (
        by_id[CELL_IDS['once']][0] > by_id[CELL_IDS['sonra']][0]
    ):
        problems.append('bölüm öncesi sınav, bölüm sonrası sınavdan sonra geliyor')
    return problems


def _runtime_box_index(nb):
    for i, cell in enumerate(nb.cells):
        if (
            cell.cell_type == 'markdown'
            and RUNTIME_CLASS in cell.source
            and any(
                d.name == 'admonition' and d.argument == RUNTIME_TITLE
                for d in directives(cell.source)
            )
        ):
            return i
    return None


def _split_before_exercises(nb, index):
    """'## Alıştırmalar' hücrenin ortasındaysa hücreyi başlığın önünden ikiye böler;
    başlığın hücresinin indeksini döndürür."""
    cell = nb.cells[index]
    lines = cell.source.splitlines(keepends=True)
    at = next(
        i
        for i, line in enumerate(lines)
        if line.lstrip('#').strip() == EXERCISES_HEADING and line.startswith('#')
    )
    if not ''.join(lines[:at]).strip():
        return index
    cell.source = ''.join(lines[:at]).rstrip('\n')
    rest = nbformat.v4.new_markdown_cell(''.join(lines[at:]))
    rest.id = f'{cell.get("id", "hucre")}-alistirmalar'
    nb.cells.insert(index + 1, rest)
    return index + 1


def add_quiz_cells(nb, chapter):
    """Bölüme iki sınav hücresini ekler ya da yerlerine taşır (yeniden çalıştırmak
    bir şey değiştirmez): `sinav-once` süre kutusundan hemen sonra, `sinav-sonra`
    '## Alıştırmalar' başlığından hemen önce. Kaynağı değişen hücrenin çıktısı
    silinir (bölüm yeniden çalıştırılmalı). Değişti mi, döndürür."""
    before = nbformat.writes(nb)
    existing = {}
    for part, cell_id in CELL_IDS.items():
        for i, cell in enumerate(nb.cells):
            if cell.get('id') == cell_id:
                existing[part] = nb.cells.pop(i)
                break
    cells = {}
    for part, cell_id in CELL_IDS.items():
        cell = existing.get(part)
        source = cell_source(chapter, part)
        if cell is None or cell.cell_type != 'code':
            cell = nbformat.v4.new_code_cell(source)
            cell.id = cell_id
        elif cell.source != source:
            cell.source, cell.outputs, cell.execution_count = source, [], None
            cell.metadata.pop('d2l_gan', None)
        cell.metadata.pop('tags', None)
        cells[part] = cell
    box = _runtime_box_index(nb)
    if box is None:
        raise BookError(f'{chapter}: çalışma süresi kutusu bulunamadı')
    nb.cells.insert(box + 1, cells['once'])
    exercises = _exercises_index(nb)
    if exercises is None:
        raise BookError(f"{chapter}: '## {EXERCISES_HEADING}' başlığı bulunamadı")
    exercises = _split_before_exercises(nb, exercises)
    nb.cells.insert(exercises, cells['sonra'])
    return nbformat.writes(nb) != before


def quiz_problems(root, path):
    """Bir bölümün sınav sorunları: dosyası ve (varsa) hücreleri."""
    nb = load_chapter(path)
    chapter = Path(path).stem
    glue = glue_values(nb)
    quiz, problems = checked_quiz(root, chapter, glue)
    return problems + quiz_cell_problems(nb, chapter, quiz)


def refresh_quiz_outputs(root, path):
    """Bölümün sınav hücrelerinin çıktılarını dosyanın bugünkü sorularıyla ve
    bölümün saklı glue kayıtlarıyla yeniden yazar; değişen hücre sayısını döndürür.

    Sorunlu bir sınav dosyasıyla ya da sınav hücresi çalıştırılmamış bir bölümde
    hata verir: o zaman bölümün kendisi çalıştırılmalıdır."""
    chapter = Path(path).stem
    nb = load_chapter(path)
    glue = glue_values(nb)
    quiz, problems = checked_quiz(root, chapter, glue)
    if problems:
        raise BookError(
            f'{chapter}: sınav dosyasında sorun var, çıktılar yazılmadı:\n  - '
            + '\n  - '.join(problems)
        )
    by_id = {c.get('id'): c for c in nb.cells}
    changed = 0
    for part, cell_id in CELL_IDS.items():
        cell = by_id.get(cell_id)
        if cell is None or cell.execution_count is None:
            raise BookError(
                f'{chapter}: {cell_id} hücresi yok ya da çalıştırılmamış; önce '
                f'bölümü çalıştırın: python -m kitap run {path}'
            )
        now = {
            fw: quiz_outputs_now(cell, fw, quiz[part], chapter, part, glue)
            for fw in FRAMEWORKS
        }
        if not all(current for _, current in now.values()):
            set_cell_outputs(cell, {fw: outputs for fw, (outputs, _) in now.items()})
            changed += 1
    if changed:
        nbformat.write(nb, path)
    return changed


# --- Kitabın sayfasındaki bağlantılar ---------------------------------------------

_ONLINE_LINK = re.compile(
    rf"<a class='{LINK_CLASS}' href='{re.escape(BOOK_URL)}book/([^']*)' "
    r"target='_blank' rel='noopener'>"
)


def page_quiz_outputs(nb):
    """Sınav çıktılarını sayfaya uyarlar: çevrimiçi kitap bağlantıları sayfaya göreli
    (bölüm sayfaları `book/` altındadır; bağlantı aynı sekmede açılır), betikler
    `guard_mathjax`'ten geçmiş."""
    replacement = f"<a class='{LINK_CLASS}' href='\\1'>"
    for cell in nb.cells:
        for out in cell.get('outputs', []):
            data = out.get('data', {})
            for mime in ('application/javascript', 'text/html'):
                if isinstance(data.get(mime), str):
                    data[mime] = _ONLINE_LINK.sub(replacement, data[mime])
            if isinstance(script := data.get('application/javascript'), str):
                data['application/javascript'] = guard_mathjax(script)
    return nb
