"""Okurun gördüğü kitabın eklentileri, birim olarak: Türkçe tema dizeleri
(translations), Türkçe kaynakça ve okunur atıf etiketleri (citations), Türkçe
harfsiz arama (search), okur defterini veren indirme düğmesi (download), pencere
başlığı (layout) ve öğrenci sürümünün kaynak kopyası (build).

Derlenmiş kitapta aynıları tarayıcıda denenir: tests/browser/test_site.py.
"""

import gettext
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
import yaml
from pybtex.database import parse_string

from d2l_gan.frameworks import FRAMEWORKS
from kitap import build
from kitap.sphinxext import citations, download, layout, translations
from kitap.sphinxext.search import SearchTurkishFolded, ascii_fold

# --- Türkçe tema dizeleri -------------------------------------------------------------


def test_fallback_translates_only_what_the_catalogue_lacks():
    catalogue = gettext.NullTranslations()  # Türkçe kataloğu olmayan bir eklenti
    catalogue.add_fallback(translations.Fallback(translations.CATALOG['sphinx']))
    assert catalogue.gettext('Skip to main content') == 'Ana içeriğe geç'
    assert catalogue.gettext('Back to top') == 'Başa dön'
    assert catalogue.gettext('Bilinmeyen dize') == 'Bilinmeyen dize'


def test_catalogue_and_fixed_strings_are_turkish():
    for messages in translations.CATALOG.values():
        for english, turkish in messages.items():
            assert turkish != english, english
    html = (
        '<button title="Toggle primary sidebar"></button>'
        '<nav aria-label="Main"></nav><nav aria-label="Page"></nav>'
    )
    fixed = translations.fix_embedded(html)
    assert 'Toggle' not in fixed and '"Main"' not in fixed and '"Page"' not in fixed


def test_empty_index_pages_are_not_built():
    config = SimpleNamespace(html_static_path=[], html_use_index=True)
    translations.configure(None, config)
    assert config.html_use_index is False  # genindex.html boş olurdu
    assert config.html_domain_indices is False  # "Proof Index" (prf-prf.html)


# --- Kaynakça ---------------------------------------------------------------------

BIB = r"""
@article{bonneel2015sliced,
  title   = {Sliced and {R}adon {W}asserstein Barycenters of Measures},
  author  = {Bonneel, Nicolas and Rabin, Julien and Peyr{\'e}, Gabriel
             and Pfister, Hanspeter},
  journal = {Journal of Mathematical Imaging and Vision},
  volume  = {51}, number = {1}, pages = {22--45}, year = {2015}
}
@inproceedings{yazici2019unusual,
  title     = {The Unusual Effectiveness of Averaging in {GAN} Training},
  author    = {Yaz{\i}c{\i}, Yasin and Foo, Chuan-Sheng and Winkler, Stefan
               and Yap, Kim-Hui},
  booktitle = {International Conference on Learning Representations},
  year      = {2019}
}
@inproceedings{sonderby2017amortised,
  title     = {Amortised {MAP} Inference for Image Super-resolution},
  author    = {S{\o}nderby, Casper Kaae and Caballero, Jose and Theis, Lucas},
  booktitle = {International Conference on Learning Representations},
  year      = {2017}
}
@inproceedings{arjovsky2017wasserstein,
  title     = {Wasserstein Generative Adversarial Networks},
  author    = {Arjovsky, Martin and Chintala, Soumith and Bottou, L{\'e}on},
  booktitle = {Proceedings of the 34th International Conference on Machine Learning},
  series    = {PMLR}, volume = {70}, pages = {214--223}, year = {2017}
}
"""


@pytest.fixture(scope='module')
def bibliography():
    data = parse_string(BIB, 'bibtex')
    style = citations.TurkishStyle()
    entries = style.format_entries(data.entries.values())
    return {e.key: (e.label, e.text.render_as('text')) for e in entries}


def test_labels_of_accented_names_are_readable(bibliography):
    labels = {key: label for key, (label, _) in bibliography.items()}
    assert labels == {
        'bonneel2015sliced': 'BRPP15',
        'yazici2019unusual': 'YFWY19',
        'sonderby2017amortised': 'SCT17',
        'arjovsky2017wasserstein': 'ACB17',
    }


def test_bibliography_words_are_turkish(bibliography):
    text = bibliography['arjovsky2017wasserstein'][1]
    assert 'Martin Arjovsky, Soumith Chintala ve Léon Bottou.' in text
    assert 'İçinde: Proceedings' in text and 'PMLR, cilt 70, s. 214–223' in text
    for english in (' and ', 'In:', 'volume', 'pages'):
        assert english not in text, english
    assert (
        'Nicolas Bonneel, Julien Rabin, Gabriel Peyré ve Hanspeter Pfister.'
        in (bibliography['bonneel2015sliced'][1])
    )


# --- Arama ----------------------------------------------------------------------


def test_search_folds_turkish_letters_to_ascii():
    folded = ascii_fold('üretici ayrımcı çığ öğüş Şapkâ')
    assert folded == 'uretici ayrimci cig ogus Sapka'
    language = SearchTurkishFolded({})
    for turkish, plain in (
        ('üretici', 'uretici'),
        ('ayrımcı', 'ayrimci'),
        ('ıraksama', 'iraksama'),
    ):
        stem = language.stem(turkish)
        assert stem == language.stem(plain), turkish
        assert stem.isascii(), stem


# --- İndirme düğmesi ----------------------------------------------------------------


def fake_app(root, folder='notebooks'):
    return SimpleNamespace(
        srcdir=str(root),
        config=SimpleNamespace(d2l_gan_colab_folder=folder),
        d2l_download_notebooks={},
    )


def theme_buttons():
    return [
        {
            'type': 'group',
            'label': download.GROUP,
            'buttons': [
                {'label': 'download-source-button', 'url': '_sources/book/x.ipynb'},
                {'label': 'download-notebook-button', 'url': '_sources/book/x.ipynb'},
                {'label': 'download-pdf-button', 'type': 'javascript'},
            ],
        }
    ]


@pytest.mark.parametrize('folder', ['notebooks', 'notebooks/ogrenci'])
def test_download_button_gives_the_reader_notebook(tmp_path, folder):
    for framework in FRAMEWORKS:
        path = tmp_path / folder / framework / 'dcgan.ipynb'
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nbformat.v4.new_notebook(), path)
    app = fake_app(tmp_path, folder)
    context = {'header_buttons': theme_buttons(), 'pathto': lambda p, _: f'../{p}'}
    download.download_buttons(app, 'book/dcgan', 'page.html', context, None)
    buttons = context['header_buttons'][0]['buttons']
    assert [b['label'] for b in buttons] == [download.LABEL, 'download-pdf-button']
    assert buttons[0]['url'] == f'../{folder}/pytorch/dcgan.ipynb'
    # Derlemenin çıktısına üç çerçevenin defteri kopyalanır (sekmeyle değişen bağlantı).
    assert sorted(app.d2l_download_notebooks) == sorted(
        f'{folder}/{fw}/dcgan.ipynb' for fw in FRAMEWORKS
    )


def test_page_without_notebook_has_no_download(tmp_path):
    app = fake_app(tmp_path)
    context = {'header_buttons': theme_buttons(), 'pathto': lambda p, _: p}
    download.download_buttons(app, 'book/sozluk', 'page.html', context, None)
    labels = [b['label'] for b in context['header_buttons'][0]['buttons']]
    assert labels == ['download-pdf-button']


# --- Pencere başlığı ----------------------------------------------------------------


def test_home_page_title_names_the_book_once():
    page = '<head><title>GAN Kitabı &#8212; GAN Kitabı</title></head>'
    context = {'title': 'GAN Kitabı', 'docstitle': 'GAN Kitabı'}
    once = '<head><title>GAN Kitabı</title></head>'
    assert layout.single_title(page, context) == once
    chapter = '<title>DCGAN &#8212; GAN Kitabı</title>'
    assert layout.single_title(chapter, {**context, 'title': 'DCGAN'}) == chapter


# --- Öğrenci sürümünün kaynak kopyası -------------------------------------------------


def test_student_copy_drops_the_instructor_page_and_links_to_it(tmp_path):
    root = tmp_path / 'kitap'
    (root / 'book').mkdir(parents=True)
    toc = {
        'format': 'jb-book',
        'root': 'book/index',
        'parts': [
            {'caption': 'Bölümler', 'chapters': [{'file': 'book/bir'}]},
            {
                'caption': 'Ekler',
                'chapters': [{'file': 'book/ders'}, {'file': 'book/ek'}],
            },
        ],
    }
    (root / '_toc.yml').write_text(yaml.safe_dump(toc), encoding='utf-8')
    (root / '_config.yml').write_text('title: Kitap\n', encoding='utf-8')
    (root / 'book' / 'index.md').write_text(
        '# Kitap\n\n**Bir derste.** {{ cozumler_nerede }}\n'
        'Eğitmenler için: bkz. {doc}`ders`.\n\n- {doc}`bir`: Bir.\n'
        '- {doc}`ders`: Eğitmenler için.\n- {doc}`ek`: Ek.\n',
        encoding='utf-8',
    )
    for name in ('ders', 'ek'):
        (root / 'book' / f'{name}.md').write_text(f'# {name}\n', encoding='utf-8')
    chapter = nbformat.v4.new_notebook()
    for cell_id in ('hesap', 'cozum-deney'):  # ikincisi bir alıştırmanın çözümü
        chapter.cells.append(nbformat.v4.new_code_cell('x = 1', id=cell_id))
    nbformat.write(chapter, root / 'book' / 'bir.ipynb')
    student = root / 'notebooks' / 'ogrenci' / 'pytorch' / 'bir.ipynb'
    student.parent.mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(), student)

    copy = build.solution_free_copy(root, tmp_path / 'kopya')
    copied_toc = yaml.safe_load((copy / '_toc.yml').read_text(encoding='utf-8'))
    assert 'book/ders' not in str(copied_toc) and 'book/ek' in str(copied_toc)
    assert not (copy / 'book' / 'ders.md').exists()
    index = (copy / 'book' / 'index.md').read_text(encoding='utf-8')
    assert '`ders`' not in index
    assert '**Bir derste.** {{ cozumler_nerede }}' in index and '{doc}`ek`' in index
    copied = nbformat.read(copy / 'book' / 'bir.ipynb', as_version=4)
    assert [c.id for c in copied.cells] == ['hesap']
    assert (copy / 'notebooks' / 'ogrenci' / 'pytorch' / 'bir.ipynb').is_file()
    assert not (copy / 'notebooks' / 'pytorch').exists()


def test_student_front_page_sentences_speak_to_students():
    config = yaml.safe_load(
        (Path(build.__file__).parents[2] / '_config.yml').read_text(encoding='utf-8')
    )
    normal = config['parse']['myst_substitutions']
    student = build.hidden_config(config)['parse']['myst_substitutions']
    assert set(build.HIDDEN_SUBSTITUTIONS) <= set(normal)
    for key in build.HIDDEN_SUBSTITUTIONS:
        assert 'çözüm' in normal[key].lower() or 'notebooks/' in normal[key]
        assert 'çözüm' not in student[key].lower(), key
        assert 'notebooks/pytorch' not in student[key], key
