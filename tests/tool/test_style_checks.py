"""Metin denetimleri (`arac/kitap/style_checks.py`): küçük defterlerde, bölümlerde."""

import nbformat
import pytest

from kitap.config import chapter_notebooks
from kitap.style_checks import placeholder_problems, suffix_problems
from stored import ROOT


def notebook(*markdown, code=''):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(m) for m in markdown]
    if code:
        nb.cells.append(nbformat.v4.new_code_cell(code))
    for i, cell in enumerate(nb.cells):
        cell['id'] = f'hucre-{i}'
    return nb


@pytest.mark.parametrize(
    'text, suffix',
    [
        ("pay {glue:text}`hq_pytorch:.3f`'tür.", "'tür"),
        ("yayılım {glue:text}`x_pytorch:.3f`'ı aşmaz", "'ı"),
        ("{cite:t}`arjovsky2017wasserstein`'ın ilk örneği", "'ın"),
        ("{cite:t}`a`'nın tablosu", "'nın"),
        ("{glue}`modes_pytorch`'e kadar", "'e"),
        ('{glue:text}`n_pytorch`’te (tipografik kesme)', '’te'),
        ('{glue:text}`n_pytorch`te bitişik', 'te'),
        ("{cite:ts}`a`'nin", "'nin"),
    ],
)
def test_suffix_after_a_role_is_reported(text, suffix):
    problems = suffix_problems(notebook('Giriş.', text))
    assert len(problems) == 1, problems
    assert problems[0].startswith('hucre-1, satır 1:'), problems
    assert f'"{suffix}"' in problems[0], problems


@pytest.mark.parametrize(
    'text',
    [
        'pay {glue:text}`hq_pytorch:.3f` oldu.',
        'şu değeri aşmaz: {glue:text}`x_pytorch:.2f`; gerçek veride 2.',
        '{glue:text}`epoch_pytorch`. dönemde en küçük',
        '{glue:text}`modes_pytorch:.0f`/8 mod',
        '%{glue:text}`pct_pytorch:.0f` (yüzde)',
        'Arjovsky ve arkadaşları {cite:p}`arjovsky2017wasserstein` ilk örnekte',
        "{cite:p}`goodfellow2014generative`'in kuralı",  # p: köşeli ayraçlı numara
        "Bölümün 'tırnak' içi metni ve $W_1$'in matematiği",
    ],
)
def test_text_without_suffix_after_a_role_passes(text):
    assert suffix_problems(notebook(text)) == []


def test_suffix_check_reads_only_markdown_and_reports_every_occurrence():
    nb = notebook(
        "İki: {glue:text}`a_pytorch`'dır\nve {cite:t}`b`'nin.",
        code='print("{glue:text}`a_pytorch`\'dır")',
    )
    problems = suffix_problems(nb)
    assert [p.split(':')[0] for p in problems] == [
        'hucre-0, satır 1',
        'hucre-0, satır 2',
    ]


@pytest.mark.parametrize(
    'text, found',
    [
        ('Sonuç:\n\n(ölçüm bekleniyor)', 'ölçüm bekleniyor'),
        ('Bu değer henüz ölçülmedi.', 'ölçülmedi'),
        ('TODO: sayıyı ekle', 'TODO'),
        ('Kayıp XXX oldu.', 'XXX'),
        ('Mod sayısı MINIGRUP_SONUC.', 'MINIGRUP_SONUC'),
        ('Sonuç ??? çıktı', '???'),
    ],
)
def test_placeholder_is_reported(text, found):
    problems = placeholder_problems(notebook('Başlık', text))
    assert len(problems) == 1, problems
    assert problems[0].startswith('hucre-1, satır') and f'"{found}"' in problems[0]


@pytest.mark.parametrize(
    'text',
    [
        'GPU ölçümü yapılmadı.',  # süre kutusunun olağan cümlesi
        'Her adımda ölçüyoruz; sonucu glue ile anıyoruz.',
        'Todo listesi değil, bir yapılacaklar listesi.',  # küçük harfli sözcük
        '`XXX_yok` gibi bir ad değil',
    ],
)
def test_ordinary_text_is_not_a_placeholder(text):
    assert placeholder_problems(notebook(text)) == []


def test_placeholder_in_a_code_cell_is_not_markdown():
    nb = notebook('Metin.', code='# TODO: kod yorumları bu denetimin konusu değil')
    assert placeholder_problems(nb) == []


# Bu denetimlerden geçmesi gereken bölümler (öteki bölümler başka bir işte düzeltilir).
CLEAN = ['giris', 'teori', 'temel_gan', 'tuzaklar', 'stil_aktarimi', 'wgan']


@pytest.mark.parametrize('stem', CLEAN)
def test_chapters_have_no_suffix_after_roles_and_no_placeholders(stem):
    paths = {p.stem: p for p in chapter_notebooks(ROOT)}
    nb = nbformat.read(paths[stem], as_version=4)
    problems = suffix_problems(nb) + placeholder_problems(nb)
    assert not problems, '\n'.join(problems)
