"""Sınavın tarayıcıda çalışması: küçük sınav kitabı (tests/support/quiz_book.py)
kitabın gerçek yapılandırmasıyla derlenir, bölümü üç çerçevede çalıştırılmıştır.

Chromium'da bir soru doğru, bir soru yanlış yanıtlanır ve geri bildirimler görülür;
sayısal soru da yanıtlanır; bölüm sonrası sınav seçilen çerçevenin sayısını gösterir;
sayfa kendi sitesi dışından hiçbir şey istemez ve konsolda hata yoktur. Sınavın 390 ve
1280 piksel genişlikteki ekran görüntüleri `_build/sinav-ekran/` altına yazılır.
"""

import pytest

import quiz_book
from chromium import serve
from repo import ROOT

PAGE = 'book/deneme.html'
SHOTS = ROOT / '_build' / 'sinav-ekran'


@pytest.fixture(scope='module')
def site(tmp_path_factory):
    html = quiz_book.build_quiz_book(tmp_path_factory.mktemp('sinav-kitabi'))
    with serve(html, 'derleme', marker=PAGE) as url:
        yield url


@pytest.fixture
def page(browser, site):
    """Sayfa açılır; konsol hataları ve site dışına giden istekler toplanır."""
    context = browser.new_context(viewport={'width': 1280, 'height': 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.errors, page.outside = [], []
    page.on('console', lambda m: m.type == 'error' and page.errors.append(m.text))
    page.on('pageerror', lambda exc: page.errors.append(str(exc)))
    page.on(
        'request',
        lambda r: (
            r.url.startswith(('http:', 'https:'))
            and not r.url.startswith(site)
            and page.outside.append(r.url)
        ),
    )
    page.goto(site + PAGE)
    page.wait_for_load_state('networkidle')
    yield page
    context.close()


def question(page, part, text):
    """Görünür sınavlardan `part`'taki (0: önce, 1: sonra), metni `text` olan soru."""
    box = page.locator('.sinav:visible').nth(part)
    return box.locator('.Quiz', has=page.get_by_text(text, exact=True))


def test_one_question_right_one_wrong_shows_feedback(page):
    first = question(page, 0, 'Ön soru 1?')
    first.locator('.MCButton', has_text='yanlış 1a').click()
    feedback = first.locator('.Feedback')
    assert 'incorrect' in feedback.get_attribute('class').split()
    assert feedback.inner_text().startswith('Yanlış: yanlış 1a değil.')
    second = question(page, 0, 'Ön soru 2?')
    second.locator('.MCButton', has_text='doğru 2').click()
    feedback = second.locator('.Feedback')
    assert 'correct' in feedback.get_attribute('class').split()
    assert feedback.inner_text().startswith('Doğru: doğru 2.')
    # Geri bildirimin bağlantısı aynı sayfadaki kısma, aynı sekmede gider.
    link = feedback.locator('a.sinav-kaynak')
    assert link.inner_text() == 'İlgili kısım: Deneme bölümü'
    assert link.get_attribute('href') == 'deneme.html#deneme-bolumu'
    assert link.get_attribute('target') is None
    link.click()
    page.wait_for_url('**/deneme.html#deneme-bolumu')
    assert page.errors == [] and page.outside == []


def test_numeric_question_uses_the_framework_measurement(page):
    numeric = question(page, 1, 'Bu çalıştırmanın ölçtüğü sayı kaçtır? (±0.01)')
    box = numeric.locator('input.Input-text')
    box.fill('0.9')
    box.press('Enter')
    feedback = numeric.locator('.Feedback')
    assert feedback.inner_text().startswith('Yanlış: ölçülen 0.25.')
    box.fill('0.255')
    box.press('Enter')
    assert feedback.inner_text().startswith('Doğru: ölçülen 0.25.')
    assert 'correct' in feedback.get_attribute('class').split()
    # TensorFlow sekmesi seçilince görünen sınav TensorFlow'un sayısını sorar.
    page.locator("label[data-sync-id='tensorflow']").first.click()
    shown = question(page, 1, 'Ölçülen sayı 0.50; 1’den küçük mü?')
    assert shown.count() == 1
    assert page.errors == [] and page.outside == []


@pytest.mark.parametrize('width', [390, 1280])
def test_quiz_fits_the_screen_and_is_recorded(browser, site, width):
    context = browser.new_context(viewport={'width': width, 'height': 900})
    page = context.new_page()
    page.goto(site + PAGE)
    page.wait_for_load_state('networkidle')
    boxes = page.locator('.sinav:visible')
    assert boxes.count() == 2
    assert page.locator('.sinav:visible .Quiz').count() == 3 + 5
    # Dar ekranda yatay kaydırma yok; seçenekler tek sütundur.
    assert page.evaluate('document.documentElement.scrollWidth') <= width
    columns = page.evaluate(
        "getComputedStyle(document.querySelector('.sinav .Answer'))"
        '.gridTemplateColumns.split(" ").length'
    )
    assert columns == (1 if width < 480 else 2)
    SHOTS.mkdir(parents=True, exist_ok=True)
    first = boxes.first.locator('.Quiz').first
    first.locator('.MCButton', has_text='yanlış 1a').click()
    page.wait_for_timeout(1000)  # yanıt rengi 0.8 sn'de oturur
    boxes.first.screenshot(path=str(SHOTS / f'once-{width}.png'))
    boxes.nth(1).screenshot(path=str(SHOTS / f'sonra-{width}.png'))
    context.close()
