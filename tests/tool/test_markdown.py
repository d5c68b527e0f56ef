"""MyST'in belirteçlerle (markdown-it-py + mdit-py-plugins) ayrıştırılması: yönergeler,
rollerin kaynaktaki yeri, silinen bloklar, çözümlerin çıkarılması, kalıntı denetimi.
Dönüştürmede kaynak metin, MyST'e özgü parçalar dışında olduğu gibi kalır."""

import nbformat
import pytest

from kitap.book import BookInfo
from kitap.convert import Context, convert_markdown
from kitap.errors import BookError
from kitap.markdown import directives, myst_leftovers, regions, scan, strip_solutions
from repo import ROOT


@pytest.fixture(scope='module')
def book():
    return BookInfo.load(ROOT)


def convert(book, text):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(text)]
    return convert_markdown(Context(book=book, doc='book/deneme', nb=nb), text)


def test_regions_cover_every_line_and_find_directives_and_code():
    text = (
        'Giriş.\n\n```{note} Başlık\n:class: x\n\nGövde.\n```\n\n```python\nx = 1\n```'
    )
    found = regions(text)
    assert [(r.kind, r.start, r.end) for r in found] == [
        ('metin', 0, 2),
        ('yönerge', 2, 7),
        ('metin', 7, 8),
        ('kod', 8, 11),
    ]
    note = found[1].directive
    assert (note.name, note.argument, note.options, note.body) == (
        'note',
        'Başlık',
        {'class': 'x'},
        'Gövde.',
    )


def test_yaml_options_and_nested_directives_in_document_order():
    text = (
        '````{exercise}\n---\nlabel: ex\n---\nSoru.\n\n```{hint}\nİpucu.\n```\n````\n\n'
        ':::{solution} ex\nYanıt.\n:::'
    )
    found = list(directives(text))
    assert [d.name for d in found] == ['exercise', 'hint', 'solution']
    assert found[0].options == {'label': 'ex'} and found[2].argument == 'ex'


def test_roles_are_located_in_lists_tables_quotes_and_headings():
    text = (
        '## Başlık {math}`x`\n\n- bir {sub}`a`\n  iki {sup}`b`\n\n'
        '| {kbd}`c` | d {kbd}`e` |\n|---|---|\n\n> alıntı {sub}`f`\nsürer {sup}`g`\n\n'
        'kod `{sub}x` içinde rol değildir'
    )
    roles, dropped, labelled = scan(text)
    assert [(r.name, r.content) for r in roles] == [
        ('math', 'x'),
        ('sub', 'a'),
        ('sup', 'b'),
        ('kbd', 'c'),
        ('kbd', 'e'),
        ('sub', 'f'),
        ('sup', 'g'),
    ]
    for role in roles:
        assert text[role.start : role.end] == f'{{{role.name}}}`{role.content}`'
    assert dropped == set() and labelled == {}


def test_conversion_changes_only_myst_syntax(book):
    text = (
        '(hedef)=\n## Başlık\n\n% yorum\n- madde {sub}`2`  \n  sürer\n\n+++\n\n'
        '$$\nx^2\n$$ (denk)\n\n`{sub}kod` ve **kalın** {sup}`3`'
    )
    assert convert(book, text) == (
        '## Başlık\n\n- madde <sub>2</sub>  \n  sürer\n\n$$\nx^2\n$$\n\n'
        '`{sub}kod` ve **kalın** <sup>3</sup>'
    )


def test_strip_solutions_keeps_options_of_a_directive_that_held_one():
    text = (
        '```{admonition} Kutu\n:class: tip\n\nÖnce.\n\n~~~{solution}\nGizli.\n~~~\n```'
    )
    stripped, removed = strip_solutions(text)
    assert removed == 1
    assert stripped == '```{admonition} Kutu\n:class: tip\n\nÖnce.\n```'


def test_leftovers_are_found_by_tokens_outside_code():
    text = (
        'Bir {cite:p}`x` rolü.\n\n(etiket)=\n\n```{note}\nNot.\n```\n\n'
        ':label: ex\n\n`{cite:p}kod` ve {{ yer }}\n\n```python\n{cite:p}`y`\n```'
    )
    kinds = [kind for kind, _ in myst_leftovers(text)]
    assert sorted(kinds) == sorted(
        ['rol', 'hedef', 'yönerge', 'yönerge seçeneği', 'yer tutucu']
    )
    assert myst_leftovers('Düz metin, `{cite:p}kod`, $x$.') == ()


def test_colon_fence_without_a_name_is_an_error():
    with pytest.raises(BookError, match='Adı olmayan'):
        list(directives(':::\nbir şey\n:::'))
