"""Kitabın aracı: `python -m kitap {export,students,build,run,sinav,check}`.

export [--check]                      okur ve öğrenci defterlerini (notebooks/) ve
                                      paketin üretilen kısmını yazar / denetler
students [--out KLASÖR]               öğrenci defterlerinin bir kopyasını yazar
build [--hide-solutions]              kitabı derler (isteğe bağlı: çözümler gizli)
run BÖLÜM [--framework F] [--params]  bölümü her çerçevede çalıştırır
sinav BÖLÜM ...                       sınav hücrelerinin çıktılarını sınav dosyasının
                                      bugünkü sorularıyla yeniden üretir (bölümün
                                      saklı sayılarıyla; eğitim yeniden yapılmaz)
check [BÖLÜM ...]                     bölümlerin yapısal denetimi
"""

import argparse
import sys
from pathlib import Path

from d2l_gan.frameworks import FRAMEWORKS

from .build import build_book, html_dir
from .checks import check_book
from .errors import BookError
from .export import export_all, write_students
from .quiz import refresh_quiz_outputs
from .runner import run_chapter


def build_parser():
    parser = argparse.ArgumentParser(
        prog='python -m kitap', description='GAN Kitabı araçları'
    )
    parser.add_argument(
        '--root', default='.', help='kitabın kök klasörü (_toc.yml burada)'
    )
    sub = parser.add_subparsers(dest='command', required=True)
    p = sub.add_parser(
        'export',
        help='notebooks/<çerçeve>/ ve notebooks/ogrenci/<çerçeve>/ '
        'altındaki defterleri üretir',
    )
    p.add_argument(
        '--check',
        action='store_true',
        help='yazmaz; üretilmiş defterler güncel değilse hata verir',
    )
    p = sub.add_parser(
        'students',
        help='öğrenci defterlerinin (notebooks/ogrenci/ ile aynı) '
        'bir kopyasını başka bir klasöre yazar',
    )
    p.add_argument(
        '--out',
        default='_build/ogrenci',
        help='hedef klasör (varsayılan: _build/ogrenci); '
        'altında <çerçeve>/<bölüm>.ipynb',
    )
    p = sub.add_parser('build', help='kitabı derler (uyarılar hata sayılır)')
    p.add_argument(
        '--hide-solutions',
        action='store_true',
        help=f'çözümleri gizlenmiş sürüm ({html_dir(".", True)} altına)',
    )
    p = sub.add_parser('run', help='bir bölümü çalıştırıp çıktılarını bölüme yazar')
    p.add_argument('chapter', help='bölüm defteri, ör. book/temel_gan.ipynb')
    p.add_argument(
        '--framework',
        '-f',
        action='append',
        help=f'yalnızca bu çerçeve ({", ".join(FRAMEWORKS)}); birden çok verilebilir',
    )
    p.add_argument(
        '--params', help="'parameters' hücresinden sonra eklenecek ayarlar (YAML)"
    )
    p.add_argument(
        '--timeout', type=int, default=1800, help='hücre başına süre sınırı (sn)'
    )
    p = sub.add_parser(
        'sinav',
        help='sınav hücrelerinin çıktılarını sınav dosyasından yeniden üretir '
        '(bölümün saklı sayılarıyla)',
    )
    p.add_argument('chapters', nargs='+', help='bölüm defterleri')
    p = sub.add_parser('check', help='bölümlerin yapısal denetimi')
    p.add_argument(
        'chapters', nargs='*', help='yalnızca bu bölümler (varsayılan: hepsi)'
    )
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    root = Path(args.root)
    try:
        if not root.is_dir():
            raise BookError(
                f'Kitabın kök klasörü bulunamadı: {root} (--root ile verin)'
            )
        if args.command == 'export':
            changed = export_all(root, check=args.check)
            print(
                'Üretilmiş defterler güncel.'
                if args.check or not changed
                else f'{len(changed)} defter yazıldı/silindi.'
            )
        elif args.command == 'students':
            written = write_students(root, root / args.out)
            print(
                f'{len(written)} öğrenci defteri yazıldı: '
                f'{args.out}/<çerçeve>/<bölüm>.ipynb'
            )
        elif args.command == 'build':
            code = build_book(root, args.hide_solutions)
            if code == 0:
                print(
                    'Kitap derlendi: '
                    f'{html_dir(args.root, args.hide_solutions)}/index.html'
                )
            return code
        elif args.command == 'run':
            run_chapter(args.chapter, args.framework, args.params, args.timeout)
        elif args.command == 'sinav':
            for chapter in args.chapters:
                changed = refresh_quiz_outputs(root, chapter)
                print(f'{chapter}: {changed} sınav hücresi yenilendi.')
        else:
            report = check_book(root, args.chapters)
            for name, problems in report.items():
                print(f'{name}:')
                for problem in problems:
                    print(f'  - {problem}')
            if report:
                print(f'Denetim başarısız: {sum(map(len, report.values()))} sorun.')
                return 1
            print('Denetim temiz: sorun yok.')
    except BookError as exc:
        print(f'hata: {exc}', file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
