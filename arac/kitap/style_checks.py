"""Bölüm metninin iki yazım denetimi; her sorun Türkçe bir cümledir.

1. `suffix_problems`: bir `{glue:text}`, `{glue}` ya da `{cite:t}` rolünün hemen
   arkasına Türkçe bir ek yazılmaz. Ekin biçimi rolün *sayfada* ne göstereceğine
   bağlıdır ("0.909'u", "31'i", "8'dir"; "Arjovsky ve arkadaşları (2017)'nin"),
   yazar ise onu göremez: sayı yeniden çalıştırmayla değişir, `{cite:t}` yazar adını ve
   yılı ekler. Cümle eksiz kurulur ("şu değeri aşmaz: ...", "Arjovsky ve arkadaşları
   {cite:p}`...` ...").
2. `placeholder_problems`: markdown hücrelerinde elle yazılmış yer tutucu kalmaz
   ("(ölçüm bekleniyor)", "ölçülmedi", "TODO", "XXX", `MINIGRUP_SONUC` gibi); bir
   çözümün sonucu ölçülmeden bölüm bitmiş sayılmaz.

İki işlev de bir nbformat defteri alır ve sorunların listesini döndürür (boş liste:
sorun yok). `python -m kitap check` ikisini de her bölüm için çağırır.
"""

import re

# Kesme işaretiyle ya da doğrudan bitişik yazılmış harfler: Türkçe bir ek. Sınav
# dosyalarındaki ölçülen sayılar da aynı kurala uyar (bkz. quiz.py).
SUFFIX = r'[\'’][^\W\d_]+|[^\W\d_]+'
# Ek denetlenen roller: glue metni (sayı) ve yazar adını sayfaya yazan atıf.
_SUFFIXED_ROLE = re.compile(
    r'(?P<role>\{(?:glue(?::\w+)?|cite:c?ts?)\}`[^`\n]*`)' rf'(?P<suffix>{SUFFIX})'
)

# Elle yazılmış yer tutucular. Büyük harf kalıpları (TODO, XXX, ..._SONUC) yalnızca
# büyük harfle yazıldığında, Türkçe ifadeler büyük/küçük harfe bakmadan aranır.
_PLACEHOLDERS_CASED = re.compile(
    r'\b(?:TODO|XXX|FIXME|TBD)\b|\b[A-ZÇĞİÖŞÜ]+_(?:SONUC|YORUM|SAYI|DEGER)\b'
)
_PLACEHOLDERS_TURKISH = re.compile(
    r'ölçüm\s+bekleniyor|ölçülmedi|ölçülecek|sonuç\s+bekleniyor|doldurulacak|'
    r'eklenecek\)|yazılacak\)|\?\?\?',
    re.IGNORECASE,
)


def _markdown_cells(nb):
    for index, cell in enumerate(nb.cells):
        if cell.get('cell_type') == 'markdown':
            yield cell.get('id') or f'hücre {index}', cell.get('source', '')


def _line_of(text, pos):
    return text.count('\n', 0, pos) + 1


def suffix_problems(nb):
    """Bir glue ya da `{cite:t}` rolünün arkasına bitişik yazılmış Türkçe ekler."""
    problems = []
    for where, source in _markdown_cells(nb):
        for match in _SUFFIXED_ROLE.finditer(source):
            role, suffix = match.group('role'), match.group('suffix')
            kind = 'atfın' if role.startswith('{cite') else 'glue değerinin'
            problems.append(
                f'{where}, satır {_line_of(source, match.start())}: {role} '
                f'rolünün arkasında "{suffix}" eki var; ek, {kind} sayfada '
                f'nasıl göründüğüne bağlıdır. Cümleyi eksiz kurun'
            )
    return problems


def placeholder_problems(nb):
    """Markdown hücrelerinde kalmış elle yazılmış yer tutucular."""
    problems = []
    for where, source in _markdown_cells(nb):
        for pattern in (_PLACEHOLDERS_CASED, _PLACEHOLDERS_TURKISH):
            for match in pattern.finditer(source):
                problems.append(
                    f'{where}, satır {_line_of(source, match.start())}: elle '
                    f'yazılmış yer tutucu "{match.group(0)}"; sonucu bölümde '
                    f'ölçüp glue ile anın ya da cümleyi kaldırın'
                )
    return problems
