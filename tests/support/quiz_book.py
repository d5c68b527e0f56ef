"""Sınav testlerinin küçük kitabı: sınav hücreleri çalıştırılmış tek bir bölüm.

Bölümler bu dalda yeniden çalıştırılmadığından tarayıcı ve defter testleri sınavı bu
kitapta görür: sahte bölüm (fake_book) ve onun sınavı, üstüne her çerçevede farklı bir
sayı kaydeden bir glue hücresi, o sayıyı kullanan iki soru ve bir alıştırma başlığı.
Kitap, kitabın gerçek yapılandırmasıyla (`_config.yml`, eklentiler, MathJax) derlenir.
"""

import shutil

import nbformat

from fake_book import (
    SECTION,
    choice_question,
    code,
    measured,
    sample_chapter,
    sample_quiz,
    write_quiz,
)
from kitap.build import build_book, html_dir
from kitap.export import export_all
from kitap.quiz import add_quiz_cells
from kitap.runner import run_chapter
from repo import ROOT

NAME = 'deneme'
# Her çerçevenin kaydettiği sayı (olcum_<çerçeve>): sınav onu gösterir.
MEASURED = {'pytorch': 0.25, 'tensorflow': 0.5, 'mxnet': 0.75}
EXERCISES = (
    '## Alıştırmalar\n\n```{exercise}\n:label: deneme-ex\n\nBir alıştırma.\n```\n\n'
    '```{solution} deneme-ex\n:class: dropdown\n\nGİZLİ ÇÖZÜM METNİ.\n```'
)
TOC = (
    'format: jb-book\nroot: book/index\nparts:\n  - caption: Bölümler\n'
    '    numbered: 1\n    chapters:\n      - file: book/deneme\n'
)


def glue_question():
    """Sayısı bölümün glue kaydından gelen sayısal soru."""
    return {
        'question': 'Bu çalıştırmanın ölçtüğü sayı kaçtır? (±0.01)',
        'type': 'numeric',
        'kaynak': dict(SECTION),
        'answers': [
            {
                'glue': 'olcum',
                'tolerance': 0.01,
                'correct': True,
                'feedback': 'Doğru: ölçülen {{olcum:.2f}}.',
            },
            {'type': 'default', 'feedback': 'Yanlış: ölçülen {{olcum:.2f}}.'},
        ],
    }


def quiz():
    """Sahte sınav; bölüm sonrası sınavın ilk iki sorusu ölçülen sayıyı kullanır."""
    quiz = sample_quiz()
    shown = choice_question(
        'Ölçülen sayı {{olcum:.2f}}; 1’den küçük mü?', 'Evet', ['Hayır']
    )
    shown['kosul'] = 'olcum < 1'
    quiz['sonra'][:2] = [glue_question(), shown]
    return quiz


def chapter():
    """Sahte bölüm + glue hücresi + alıştırmalar; sınav hücreleri eklenmiş."""
    nb = sample_chapter()
    nb.cells.append(
        code(
            f"""
            from d2l_gan.utils import glue
            glue(f'olcum_{{fw}}', {MEASURED!r}[fw])
            """,
            'remove-cell',
            cid='kayit',
        )
    )
    nb.cells.append(nbformat.v4.new_markdown_cell(EXERCISES))
    add_quiz_cells(nb, NAME)
    return nb


def write_book(root):
    """Kitabın kaynakları: gerçek yapılandırma, tek bölüm, sınavı (çalıştırılmamış)."""
    (root / 'book' / 'img').mkdir(parents=True)
    shutil.copy2(ROOT / '_config.yml', root / '_config.yml')
    shutil.copy2(ROOT / 'book' / 'references.bib', root / 'book')
    shutil.copy2(ROOT / 'book' / 'img' / 'favicon.svg', root / 'book' / 'img')
    (root / '_toc.yml').write_text(TOC, encoding='utf-8')
    (root / 'book' / 'index.md').write_text(
        '# Kitap\n\n{{ cozumler_nerede }}\n', encoding='utf-8'
    )
    path = root / 'book' / f'{NAME}.ipynb'
    nbformat.write(chapter(), path)
    measured(path)
    write_quiz(root, NAME, quiz())
    return path


def build_quiz_book(root):
    """Bölümü üç çerçevede çalıştırır ve kitabı derler; HTML klasörünü döndürür."""
    path = write_book(root)
    run_chapter(path, log=lambda *_: None)
    export_all(root)  # okur defterleri: sayfanın indirme düğmesi onları ister
    code_ = build_book(root)
    assert code_ == 0, f'küçük kitap derlenemedi (çıkış kodu {code_})'
    return html_dir(root)
