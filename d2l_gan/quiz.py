"""Bölümlerin öz-denetim sınavları: bölümden önce (`'once'`) ve sonra (`'sonra'`).

Sorular bölüm başına bir JSON dosyasındadır: depoda `book/sinavlar/<bölüm>.json`,
kurulu pakette `d2l_gan/sinavlar/<bölüm>.json` (aynı dosyalar; Colab'da paketle
gelir). Sınavı jupyterquiz çizer: sorular, seçenekler ve geri bildirimler hücrenin
çıktısıdır (bir HTML ve bir JavaScript çıktısı); başka bir siteden hiçbir betik ya da
yazı tipi yüklenmez. Dosyadaki her soru jupyterquiz'in biçimindedir
(`question`, `type`, `answers`: `answer`, `correct`, `feedback` ...); üstüne:

- `kaynak`: sorunun öğretildiği kısım, `{"sayfa": "temel_gan", "kimlik": "veri",
  "baslik": "Veri"}` (`sayfa` yoksa bölümün kendisi). Her geri bildirimin sonuna o
  kısma bir bağlantı eklenir.
- Metinde `{{ad:biçim}}` (ör. `{{swd_best:.3f}}`): bölümün ölçtüğü bir sayı. `ad`,
  bölümün glue kaydının çerçevesiz adıdır (kayıt `swd_best_pytorch`); değer bu
  çekirdekte `d2l.glue` ile kaydedilen sayıdır (ya da `values`'ta verilen).
- Sayısal bir yanıtta `{"glue": ad, "tolerance": t}`: doğru aralık
  [değer − t, değer + t].
- `kosul`: doğru yanıtın dayandığı karşılaştırma (ör. `"swd_real < swd_best"`); bu
  çalıştırmanın sayılarında tutmuyorsa soru gösterilmez.
"""

import ast
import hashlib
import html
import json
import operator
import re
from importlib import resources
from pathlib import Path

from d2l_gan.frameworks import FRAMEWORKS
from d2l_gan.utils import GLUED

__all__ = ['show_quiz']

PARTS = ('once', 'sonra')
# Çevrimiçi kitabın adresi (_config.yml `html: baseurl:` ile aynı; testler denetler).
# Defterlerde geri bildirimin bağlantısı oraya gider; kitabın sayfasında ise bağlantı
# aynı siteye göreli yazılır (bkz. arac/kitap/reader.py).
BOOK_URL = 'https://gan-kitabi.github.io/gan-kitabi/'
LINK_CLASS = 'sinav-kaynak'
PLACEHOLDER = re.compile(r'\{\{\s*([A-Za-z_]\w*)\s*(?::([^}]*))?\}\}')
HEADINGS = {
    'once': (
        'Bölümden önce: hazır mısınız?',
        'Bu bölümün dayandığı konulardan {n} soru.',
    ),
    'sonra': (
        'Bölümden sonra: neler kaldı?',
        'Bölümün fikirlerinden ve bu çalıştırmanın sonuçlarından {n} soru.',
    ),
}
HOW_TO = (
    'Bir seçeneğe tıklayın; sayısal sorularda yanıtı yazıp (ondalık ayırıcı nokta) '
    'Enter’a basın. Her yanıtın altında neden doğru ya da yanlış olduğu ve konunun '
    'anlatıldığı kısım görünür. Yanıtlar hiçbir yere gönderilmez.'
)
# jupyterquiz'in okura görünen İngilizce dizgileri (geri bildirimsiz yanıtlarda ve
# sayısal sorunun kutusunda) ve Türkçeleri.
TRANSLATIONS = {
    'Type numeric answer here:': 'Yanıtınız (Enter’a basın):',
    'Incorrect -- try again.': 'Yanlış; yeniden deneyin.',
    'Incorrect. Try again.': 'Yanlış; yeniden deneyin.',
    '"Correct!"': '"Doğru!"',
    '"Correct"': '"Doğru"',
}
# jupyterquiz, MathJax 3 sayfada yarım yüklüyse onu bir CDN'den yüklemeye çalışır;
# sınavlarda TeX yoktur (testler denetler), bu dal hiçbir şey yüklemeden döner.
CDN_LOAD = re.compile(r"script\.src\s*=\s*'https?://[^']*';")
# jupyterquiz, MathJax'in sürümünü `version[0]` diye okur (sayfa açılınca ve her
# yanıtta). Sayfada MathJax'in ayarları olup betiği henüz yüklenmemişse (yavaş bir
# makinede kitabın sayfası) `version` tanımsızdır ve bu okuma hata verir;
# `String(version)[0]` tanımsızda "u" olur: hiçbir dal seçilmez, hata da olmaz.
MATHJAX_VERSION = re.compile(r'(?<![\w.)])version\[0\]')
# Kitabın renkleri ve okunur yazı boyutları; yalnızca bu sınavın kutusuna uygulanır.
COLORS = {
    '--jq-multiple-choice-bg': '#1f4e79',
    '--jq-many-choice-bg': '#1f4e79',
    '--jq-numeric-bg': '#2f5d50',
    '--jq-string-bg': '#2f5d50',
    '--jq-mc-button-bg': '#fafafa',
    '--jq-mc-button-border': '#c8c8c8',
    '--jq-correct-color': '#1a7f37',
    '--jq-incorrect-color': '#b42318',
    '--jq-text-color': '#ffffff',
    '--jq-link-color': '#cfe3ff',
}
STYLE = """
#{id} .Quiz {{ font-size: 1.05rem; line-height: 1.45; }}
#{id} .MCButton {{ font-size: 1rem; text-align: left; justify-content: flex-start; }}
#{id} .MCButton .sr-only {{ position: absolute; width: 1px; height: 1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }}
#{id} .Feedback {{ font-size: 1rem; text-align: left; margin: 0.4em 0 0.8em; }}
#{id} .Feedback a {{ color: inherit; text-decoration: underline; }}
#{id} .InpLabel {{ color: inherit; font-size: 1rem; float: none; }}
#{id} .Input-text {{ color: #111; background: #fff; border: 1px solid #888;
  font-size: 1.05rem; }}
.sinav-aciklama {{ font-size: 0.9rem; margin: 0.2em 0 0; }}
"""


def quiz_path(chapter):
    """Bölümün sınav dosyası. Sırayla bakılan yerler: çalışma klasörünün `sinavlar/`i
    (bölüm `book/` içinde çalışırken kitabın kendi dosyası; eğitmenin değiştirdiği
    sorular da böyle kullanılır), kurulu paket, deponun `book/sinavlar/`i."""
    name = f'{chapter}.json'
    for path in (
        Path.cwd() / 'sinavlar' / name,
        resources.files('d2l_gan') / 'sinavlar' / name,
        Path(__file__).resolve().parents[1] / 'book' / 'sinavlar' / name,
    ):
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"'{chapter}' bölümünün sınav dosyası bulunamadı ({name}): d2l-gan paketini "
        'yeniden kurun ya da bölümün adını denetleyin.'
    )


def load_quiz(chapter):
    """Sınav dosyası: {'once': [soru, ...], 'sonra': [soru, ...]}."""
    return json.loads(quiz_path(chapter).read_text(encoding='utf-8'))


# --- Ölçülen sayılar ---------------------------------------------------------

_COMPARE = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}
_ARITHMETIC = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def _condition_names(text):
    tree = ast.parse(text, mode='eval')
    return sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)})


def evaluate(text, values):
    """`kosul` ifadesinin değeri: sayılar, adlar, + − × ÷, karşılaştırma, `and`."""

    def value(node):
        if isinstance(node, ast.Expression):
            return value(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name):
            return float(values[node.id])
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -value(node.operand)
        if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
            return _ARITHMETIC[type(node.op)](value(node.left), value(node.right))
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
            return all(value(v) for v in node.values)
        if isinstance(node, ast.Compare) and all(
            type(op) in _COMPARE for op in node.ops
        ):
            items = [value(node.left), *map(value, node.comparators)]
            return all(
                _COMPARE[type(op)](a, b) for op, a, b in zip(node.ops, items, items[1:])
            )
        raise ValueError(f'kosul ifadesinde izin verilmeyen öğe: {ast.dump(node)}')

    return value(ast.parse(text, mode='eval'))


def _strings(question):
    """Sorunun okura görünen metinleri."""
    yield question.get('question', '')
    for answer in question.get('answers', []):
        yield answer.get('answer', '')
        yield answer.get('feedback', '')


def question_names(question):
    """Sorunun kullandığı ölçülen sayıların adları (glue kayıtlarının çerçevesiz
    adları)."""
    names = set()
    for text in _strings(question):
        names |= {m.group(1) for m in PLACEHOLDER.finditer(text)}
    names |= {a['glue'] for a in question.get('answers', []) if 'glue' in a}
    if 'kosul' in question:
        names |= set(_condition_names(question['kosul']))
    return names


def measured(names, values=None, glued=None):
    """Adların değerleri ve çerçeve: ({ad: değer}, çerçeve ya da None, [eksikler]).

    `values` verilmişse değerler ondan; verilmemişse `glued`daki (varsayılan: bu
    çekirdekte `d2l.glue` ile kaydedilenler) `<ad>_<çerçeve>` sonuçlarından alınır.
    """
    glued = GLUED if glued is None else glued
    found, missing, framework = {}, [], None
    for name in sorted(names):
        if values is not None:
            if name in values:
                found[name] = values[name]
            else:
                missing.append(name)
            continue
        keys = [fw for fw in FRAMEWORKS if f'{name}_{fw}' in glued]
        if len(keys) == 1:
            framework = keys[0]
            found[name] = glued[f'{name}_{keys[0]}']
        elif name in glued:
            found[name] = glued[name]
        else:
            missing.append(name)
    return {k: float(v) for k, v in found.items()}, framework, missing


# --- jupyterquiz'in soru listesi ----------------------------------------------


def _fill(text, values):
    def replace(match):
        number = values[match.group(1)]
        spec = (match.group(2) or '').strip()
        return format(number, spec) if spec else f'{number:g}'

    return PLACEHOLDER.sub(replace, text)


def section_link(chapter, source):
    """Geri bildirimin sonuna eklenen bağlantı: sorunun öğretildiği kısım."""
    page = source.get('sayfa', chapter)
    url = f'{BOOK_URL}book/{page}.html#{source["kimlik"]}'
    label = 'İlgili kısım' if page == chapter else 'Önceki bölümde'
    return (
        f"<br><a class='{LINK_CLASS}' href='{url}' target='_blank' "
        f"rel='noopener'>{label}: {html.escape(source['baslik'])}</a>"
    )


def _answer(answer, values, link):
    answer = dict(answer)
    if 'glue' in answer:
        center, tolerance = values[answer.pop('glue')], answer.pop('tolerance')
        answer['type'] = 'range'
        answer['range'] = [center - tolerance, center + tolerance]
    for key in ('answer', 'feedback'):
        if key in answer:
            answer[key] = _fill(answer[key], values)
    if 'feedback' in answer:
        answer['feedback'] += link
    return answer


def quiz_questions(chapter, questions, values):
    """Dosyadaki soruları jupyterquiz'in biçimine çevirir: (sorular, atlananlar).

    Atlanan soru, `kosul`u bu sayılarda tutmayan sorudur (soru metninin başı).
    """
    result, skipped = [], []
    for question in questions:
        if 'kosul' in question and not evaluate(question['kosul'], values):
            skipped.append(question['question'][:60])
            continue
        link = section_link(chapter, question['kaynak'])
        converted = {
            k: v for k, v in question.items() if k not in ('kaynak', 'kosul', 'answers')
        }
        converted['question'] = _fill(question['question'], values)
        converted['answers'] = [_answer(a, values, link) for a in question['answers']]
        result.append(converted)
    return result, skipped


# --- Çıktı -------------------------------------------------------------------


def _script(questions, div_id):
    from jupyterquiz.dynamic.loader import load_questions_script
    from jupyterquiz.dynamic.renderer import build_script

    prefix, static, url = load_questions_script(questions, div_id)
    script = build_script(prefix, static, url, div_id, load_js=True)
    script = guard_mathjax(CDN_LOAD.sub('return;', script))
    for english, turkish in TRANSLATIONS.items():
        script = script.replace(english, turkish)
    return script


def guard_mathjax(script):
    """jupyterquiz betiğinde MathJax'in sürümünü, MathJax henüz yüklenmemişken de
    hatasız okunur kılar (bkz. `MATHJAX_VERSION`); iki kez uygulamak bir şey
    değiştirmez."""
    return MATHJAX_VERSION.sub('String(version)[0]', script)


def _container(div_id):
    from jupyterquiz.dynamic.renderer import build_styles, render_div

    div = render_div(
        div_id,
        shuffle_questions=False,
        shuffle_answers=True,
        preserve_responses=False,
        num=1_000_000,
        max_width=760,
        border_radius=8,
        question_alignment='left',
    )
    styles = build_styles(div_id, COLORS)
    return div + '</div>' + styles + f'<style>{STYLE.format(id=div_id)}</style>'


def quiz_outputs(chapter, part, values=None, *, questions=None, glued=None):
    """Sınavın hücre çıktıları: [HTML (kutu ve biçem), JavaScript (sorular)].

    Çıktı belirlenimcidir: aynı sorular ve sayılar aynı çıktıyı verir (kutunun
    kimliği onlardan türetilir); ortak bir hücrenin sınavı bu yüzden çerçeveler
    arasında ancak sayılar değişince farklıdır. Kitabın aracı, bölümün saklı
    çıktılarını denetlerken soruları (`questions`, dosyanın o kısmı) ve bölümün
    kaydettiği sayıları (`glued`, `GLUED` yerine) kendisi verir.
    """
    if part not in PARTS:
        raise ValueError(
            f'sınavın kısmı {" ya da ".join(map(repr, PARTS))} olur, {part!r} değil'
        )
    if questions is None:
        questions = load_quiz(chapter)[part]
    names = set().union(*map(question_names, questions))
    numbers, framework, missing = measured(names, values, glued)
    if missing:
        keep = [q for q in questions if not question_names(q) & set(missing)]
    else:
        keep = questions
    shown, skipped = quiz_questions(chapter, keep, numbers)
    key = json.dumps([chapter, part, framework, numbers], sort_keys=True)
    div_id = 'sinav' + hashlib.sha1(key.encode()).hexdigest()[:12]
    title, summary = HEADINGS[part]
    notes = ''
    if missing:
        notes += (
            f' {len(questions) - len(keep)} soru gösterilmedi: sayıları bölümün '
            'kodundan gelir, önce bölümü çalıştırın.'
        )
    if skipped:
        notes += (
            f' {len(skipped)} soru gösterilmedi: doğru yanıtı bu çalıştırmanın '
            'sayılarında geçerli değil.'
        )
    data = {
        'bolum': chapter,
        'kisim': part,
        'degerler': numbers,
        'eksik': missing,
        'atlanan': skipped,
    }
    attributes = ' '.join(
        f"data-{k}='{html.escape(json.dumps(v, ensure_ascii=False))}'"
        if not isinstance(v, str)
        else f"data-{k}='{html.escape(v)}'"
        for k, v in data.items()
    )
    header = (
        f'<p class="sinav-baslik"><strong>{title}</strong> '
        f'{summary.format(n=len(shown))}{notes}</p>'
        f'<p class="sinav-aciklama">{HOW_TO}</p>'
    )
    box = f"<div class='sinav' {attributes}>{header}{_container(div_id)}</div>"
    text = f'{title} {summary.format(n=len(shown))}{notes} ({HOW_TO})'
    return [
        {'text/html': box, 'text/plain': text},
        {'application/javascript': _script(shown, div_id)},
    ]


def show_quiz(chapter, part, values=None):
    """Bölümün sınavını gösterir: `part` 'once' (bölümden önce) ya da 'sonra'.

    Bölüm sonu sınavının sayıları bu çekirdekte `d2l.glue` ile kaydedilen
    sonuçlardan gelir; `values` ({ad: sayı}) verilirse onlar kullanılır.
    """
    from IPython.display import display

    for bundle in quiz_outputs(chapter, part, values):
        display(bundle, raw=True)
