"""Okur paketinin sınav yardımcısı (d2l_gan.quiz): soruların çevrilmesi ve çıktılar.

Çıktının kendisi jupyterquiz'indir; burada bizim eklediklerimiz sınanır: glue
sayılarının yerleştirilmesi, tolerans aralıkları, koşullar, bağlantılar, belirlenimci
kimlik ve çıktıda başka bir siteye giden hiçbir kaynak olmaması.
"""

import json
import re

import pytest

from d2l_gan import quiz
from d2l_gan.utils import GLUED, glue
from fake_book import SECTION, choice_question, numeric_question


def glue_numeric(tolerance=0.01):
    return {
        'question': 'Ölçülen sayı kaçtır?',
        'type': 'numeric',
        'kaynak': dict(SECTION),
        'answers': [
            {
                'glue': 'olcum',
                'tolerance': tolerance,
                'correct': True,
                'feedback': 'Doğru: {{olcum:.3f}}.',
            },
            {'type': 'default', 'feedback': 'Yanlış: {{olcum:.2f}}.'},
        ],
    }


def conditional(condition):
    question = choice_question('{{olcum:.1f}} küçük mü?', 'Evet', ['Hayır'])
    question['kosul'] = condition
    return question


@pytest.fixture
def quiz_file(tmp_path, monkeypatch):
    """Çalışma klasöründe sinavlar/deneme.json: show_quiz onu bulur."""

    def write(once=None, sonra=None):
        content = {
            'once': once or [choice_question('Ön?', 'a', ['b'])] * 3,
            'sonra': sonra or [choice_question('Son?', 'a', ['b'])] * 5,
        }
        folder = tmp_path / 'sinavlar'
        folder.mkdir(exist_ok=True)
        text = json.dumps(content, ensure_ascii=False)
        (folder / 'deneme.json').write_text(text, encoding='utf-8')

    monkeypatch.chdir(tmp_path)
    GLUED.clear()
    yield write
    GLUED.clear()


def questions_of(outputs):
    """JavaScript çıktısındaki jupyterquiz soru listesi."""
    script = outputs[1]['application/javascript']
    match = re.match(r'var questions(\w+)=(.*?);\n\nif \(typeof Question', script, re.S)
    assert match, 'soru listesi betiğin başında değil'
    return match.group(1), json.loads(match.group(2))


def data_of(outputs):
    box = outputs[0]['text/html']
    fields = dict(re.findall(r"data-(\w+)='([^']*)'", box))
    return {
        k: (v if k in ('bolum', 'kisim') else json.loads(v.replace('&quot;', '"')))
        for k, v in fields.items()
    }


def test_glued_number_fills_text_and_becomes_a_tolerance_range(quiz_file):
    quiz_file(sonra=[glue_numeric(0.01)] + [choice_question('S?', 'a', ['b'])] * 4)
    glue('olcum_tensorflow', 0.25)
    outputs = quiz.quiz_outputs('deneme', 'sonra')
    _, questions = questions_of(outputs)
    correct = questions[0]['answers'][0]
    assert correct['type'] == 'range'
    assert correct['range'] == pytest.approx([0.24, 0.26])
    assert 'glue' not in correct and 'tolerance' not in correct
    assert correct['feedback'].startswith('Doğru: 0.250.')
    assert questions[0]['answers'][1]['feedback'].startswith('Yanlış: 0.25.')
    data = data_of(outputs)
    assert data['degerler'] == {'olcum': 0.25}
    assert data['eksik'] == [] and data['atlanan'] == []
    assert 'kaynak' not in questions[0]


def test_values_argument_overrides_the_glue_records(quiz_file):
    quiz_file(sonra=[glue_numeric()] + [choice_question('S?', 'a', ['b'])] * 4)
    glue('olcum_pytorch', 0.25)
    outputs = quiz.quiz_outputs('deneme', 'sonra', values={'olcum': 0.75})
    assert data_of(outputs)['degerler'] == {'olcum': 0.75}


def test_missing_numbers_hide_only_their_questions_and_say_so(quiz_file):
    quiz_file(sonra=[glue_numeric()] + [choice_question('S?', 'a', ['b'])] * 4)
    outputs = quiz.quiz_outputs('deneme', 'sonra')
    _, questions = questions_of(outputs)
    assert len(questions) == 4
    assert data_of(outputs)['eksik'] == ['olcum']
    assert '1 soru gösterilmedi' in outputs[0]['text/html']
    assert 'önce bölümü çalıştırın' in outputs[0]['text/plain']


def test_condition_that_fails_hides_the_question(quiz_file):
    quiz_file(
        sonra=[conditional('olcum < 1'), conditional('olcum > 1')] * 2
        + [choice_question('S?', 'a', ['b'])]
    )
    outputs = quiz.quiz_outputs('deneme', 'sonra', values={'olcum': 0.5})
    _, questions = questions_of(outputs)
    assert [q['question'] for q in questions] == ['0.5 küçük mü?'] * 2 + ['S?']
    assert len(data_of(outputs)['atlanan']) == 2


def test_every_feedback_links_to_the_section_that_teaches_it(quiz_file):
    other = {'sayfa': 'teori', 'kimlik': 'en-iyi-ayrimci', 'baslik': 'En iyi ayrımcı'}
    quiz_file(once=[choice_question('Ön?', 'a', ['b'], source=other)] * 3)
    _, questions = questions_of(quiz.quiz_outputs('deneme', 'once'))
    for answer in questions[0]['answers']:
        assert answer['feedback'].endswith(
            f"<a class='sinav-kaynak' href='{quiz.BOOK_URL}book/teori.html"
            "#en-iyi-ayrimci' target='_blank' rel='noopener'>Önceki bölümde: "
            'En iyi ayrımcı</a>'
        )


def test_output_is_deterministic_and_fetches_nothing(quiz_file):
    quiz_file(sonra=[glue_numeric()] + [numeric_question('N?', 1, 2)] * 4)
    first = quiz.quiz_outputs('deneme', 'sonra', values={'olcum': 0.5})
    again = quiz.quiz_outputs('deneme', 'sonra', values={'olcum': 0.5})
    other = quiz.quiz_outputs('deneme', 'sonra', values={'olcum': 0.25})
    assert first == again
    assert questions_of(first)[0] != questions_of(other)[0]  # kutunun kimliği
    div_id, _ = questions_of(first)
    assert f'<div id="{div_id}"' in first[0]['text/html']
    text = first[0]['text/html'] + first[1]['application/javascript']
    # Tek URL'ler geri bildirimlerdeki kitap bağlantılarıdır; CDN'den MathJax yok.
    urls = re.findall(r'https?://[^\s\'"<>)]+', text)
    assert urls and all(u.startswith(quiz.BOOK_URL) for u in urls), urls
    assert 'cdn.jsdelivr' not in text
    assert 'Type numeric answer here' not in text
    assert 'Yanıtınız (Enter’a basın):' in text
    assert '<link' not in text and '@import' not in text and 'src=' not in text


def test_script_reads_the_mathjax_version_even_before_mathjax_loads(quiz_file):
    # jupyterquiz `version[0]` okur; MathJax yüklenmemişken `version` tanımsızdır.
    quiz_file()
    script = quiz.quiz_outputs('deneme', 'once')[1]['application/javascript']
    assert 'String(version)[0]' in script
    assert 'version[0]' not in script.replace('String(version)[0]', '')
    assert quiz.guard_mathjax(script) == script


def test_unknown_part_and_chapter_are_turkish_errors(quiz_file):
    quiz_file()
    with pytest.raises(ValueError, match="'once' ya da 'sonra'"):
        quiz.quiz_outputs('deneme', 'orta')
    with pytest.raises(FileNotFoundError, match="'yok' bölümünün sınav dosyası"):
        quiz.quiz_outputs('yok', 'once')


def test_condition_language_is_small_and_safe():
    assert quiz.evaluate('a < 2 * b and b - a > 0.1', {'a': 1, 'b': 1.5})
    assert not quiz.evaluate('1 < a < 2', {'a': 3})
    with pytest.raises(ValueError, match='izin verilmeyen'):
        quiz.evaluate('__import__("os")', {})


def test_book_quiz_files_ship_with_the_package_source():
    """Depodaki her bölümün dosyası paketin bulduğu yerdedir (kurulu olmasa da)."""
    path = quiz.quiz_path('temel_gan')
    assert path.name == 'temel_gan.json'
    assert set(json.loads(path.read_text(encoding='utf-8'))) == {'once', 'sonra'}
